import XCTest
@testable import GridpayCore

/// SPEC §15: one cause behind many rows of a file is found once — a spreadsheet's re-save (dates,
/// numbers), the export of another month — and only where it explains the rows.
final class FileLevelCauseTests: XCTestCase {
    /// A tally of one file's bad cells: (line, field, column, cell).
    func tally(_ cells: [(Int, Int, String, String)], outside: [(Int, CivilDate)] = []) -> CauseTally {
        var t = CauseTally()
        for (line, field, column, cell) in cells { t.note(line: line, field: field, column: column, cell: cell) }
        for (line, date) in outside { t.note(line: line, field: 2, column: "抽查时间", cell: "\(date)", outside: date) }
        return t
    }

    func testSpreadsheetFormsAreRecognised() {
        for date in ["2026/10/1", "2026/10/1 8:38", "2026/10/12 17:05:09", "10/1/2026 8:38"] {
            XCTAssertTrue(SpreadsheetForms.isDate(date), date)
        }
        for other in ["2026-10-01", "2026/10/1 8", "26/10/1", "2026/10/1  8:38", "2026/10/1 8:38 PM", "abc"] {
            XCTAssertFalse(SpreadsheetForms.isDate(other), other)
        }
        for number in ["1,800.00", "-12,000", "1,234,567.5"] {
            XCTAssertTrue(SpreadsheetForms.isNumber(number), number)
        }
        for other in ["1800.00", "1,80.00", "1800,000", ",800", "1,800.", "1,800.0a", "12345,678"] {
            XCTAssertFalse(SpreadsheetForms.isNumber(other), other)
        }
        XCTAssertEqual(SpreadsheetForms.pattern(of: "2026/10/1 8:38"), "yyyy/M/d H:mm")
        XCTAssertEqual(SpreadsheetForms.pattern(of: "2026/10/1 8:38:05"), "yyyy/M/d H:mm:ss")
        XCTAssertEqual(SpreadsheetForms.pattern(of: "2026/10/1"), "yyyy/M/d")
        XCTAssertEqual(SpreadsheetForms.pattern(of: "10/1/2026 8:38"), "M/d/yyyy H:mm")
    }

    func testLinesAreSaidAsRanges() {
        XCTAssertEqual(LineRanges.text(LineSet([2, 3, 4, 5, 9, 11, 12])), "2–5, 9, 11–12")
        XCTAssertEqual(LineRanges.text(LineSet([7, 7])), "7")
        XCTAssertEqual(LineSet([2, 3, 3, 4, 9]).count, 4)
        // At most six ranges, then how many lines more: 2, 4, …, 12 shown; 14, 16, 17 are 3 more.
        XCTAssertEqual(LineRanges.text(LineSet([2, 4, 6, 8, 10, 12, 14, 16, 17])), "2, 4, 6, 8, 10, 12 and 3 more")
        XCTAssertEqual(Language.with(.zh) { LineRanges.text(LineSet([2, 4, 6, 8, 10, 12, 14])) }, "2, 4, 6, 8, 10, 12，另有 1 行")
    }

    func testAReSaveIsOneCausePerColumnAndForm() {
        let t = tally([(2, 2, "抽查时间", "2026/10/1 8:38"), (3, 2, "抽查时间", "2026/10/1 11:45"),
                       (3, 5, "基数", "1,800.00"), (4, 5, "基数", "2,200.00"), (5, 2, "抽查时间", "abc")])
        XCTAssertEqual(t.causes(file: "p.csv", rows: 10), [
            FileLevelCause(file: "p.csv", kind: .spreadsheetDates(column: "抽查时间", example: "2026/10/1 8:38"), lines: LineSet([2, 3]), column: 2),
            FileLevelCause(file: "p.csv", kind: .spreadsheetNumbers(column: "基数", example: "1,800.00"), lines: LineSet([3, 4]), column: 5),
        ])
    }

    func testOneSlipIsNoCauseUnlessItIsTheWholeFile() {
        let one = tally([(3, 5, "基数", "1,800.00")])
        XCTAssertEqual(one.causes(file: "p.csv", rows: 4), [])
        XCTAssertEqual(one.causes(file: "p.csv", rows: 1).map(\.lines), [LineSet([3])])
    }

    func testAnotherMonthIsACauseOnlyWhenEveryRowIsInIt() {
        let september = (2...4).map { ($0, CivilDate(year: 2026, month: 9, day: $0)) }
        XCTAssertEqual(tally([], outside: september).causes(file: "p.csv", rows: 3),
                       [FileLevelCause(file: "p.csv", kind: .otherPeriod(month: Period(year: 2026, month: 9)), lines: LineSet([2, 3, 4]), column: 2)])
        // A row of October among them: a few stray dates, not another month's file.
        XCTAssertEqual(tally([], outside: september).causes(file: "p.csv", rows: 4), [])
        // Two other months: no one month to move it to.
        XCTAssertEqual(tally([], outside: september + [(5, CivilDate(year: 2026, month: 8, day: 30))]).causes(file: "p.csv", rows: 4), [])
        // A file of one row dated in September: that row's slip, not September's export.
        XCTAssertEqual(tally([], outside: [(2, CivilDate(year: 2026, month: 9, day: 2))]).causes(file: "p.csv", rows: 1), [])
    }

    /// In a year's run the file lies in a month's folder: that month is where its dates belong,
    /// not the year.
    func testInALongPeriodTheFileBelongsToItsMonthsFolder() {
        let cause = FileLevelCause(file: "2026-11/marks.csv", kind: .otherPeriod(month: Period(year: 2026, month: 12)), lines: LineSet([2, 3]), column: 3)
        XCTAssertEqual(cause.message(period: "2026", townFolder: "Input/g"),
                       "one cause, all 2 rows (lines 2–3) are dated in 2026-12, not in 2026-11: this is the export of 2026-12, put in the wrong folder. Who acts: the clerk moves it to Input/g/2026-12 and puts 2026-11's marks.csv here. Do not --accept these rows: that would leave out the whole file")
    }

    func testTheMessageSaysWhatWhereAndWhoInBothLanguages() {
        let cause = FileLevelCause(file: "phone_checks.csv", kind: .otherPeriod(month: Period(year: 2026, month: 9)), lines: LineSet([2, 3, 4, 5]), column: 2)
        XCTAssertEqual(cause.message(period: "2026-10", townFolder: "Input/qinghe"),
                       "one cause, all 4 rows (lines 2–5) are dated in 2026-09, not in 2026-10: this is the export of 2026-09, put in the wrong folder. Who acts: the clerk moves it to Input/qinghe/2026-09 and puts 2026-10's phone_checks.csv here. Do not --accept these rows: that would leave out the whole file")
        XCTAssertEqual(Language.with(.zh) { cause.message(period: "2026-10", townFolder: "Input/qinghe") },
                       "同一原因，全部 4 行（第 2–5 行）的日期都在 2026-09，不在 2026-10：这是 2026-09 的导出文件，放错了文件夹。处理：请制表人员把它移到 Input/qinghe/2026-09，并把 2026-10 的 phone_checks.csv 放到这里。不要用 --accept 剔除这些行：那会剔除整个文件")
    }
}
