import XCTest
@testable import GridpayCore

/// SPEC §15: one cause behind many rows of a file is found once — a spreadsheet's re-save (dates,
/// numbers), the export of another month — and only where it explains the rows.
final class FileLevelCauseTests: XCTestCase {
    /// A tally of one file's bad cells: (line, field, column, cell).
    /// `outside`: dates outside the period, noted in their pay month (`startsOn`: month_starts_on).
    func tally(_ cells: [(Int, Int, String, String)], outside: [(Int, CivilDate)] = [], startsOn: Int = 1) -> CauseTally {
        var t = CauseTally()
        for (line, field, column, cell) in cells { t.note(line: line, field: field, column: column, cell: cell) }
        for (line, date) in outside {
            t.note(line: line, field: 2, column: "抽查时间", cell: "\(date)", outside: PayDays.month(of: date, startsOn: startsOn))
        }
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
        XCTAssertEqual(Language.with(.en) { LineRanges.text(LineSet([2, 3, 4, 5, 9, 11, 12])) }, "2–5, 9, 11–12")
        // A Chinese list is joined with 、.
        XCTAssertEqual(Language.with(.zh) { LineRanges.text(LineSet([2, 3, 4, 5, 9, 11, 12])) }, "2–5、9、11–12")
        XCTAssertEqual(LineRanges.text(LineSet([7, 7])), "7")
        XCTAssertEqual(LineSet([2, 3, 3, 4, 9]).count, 4)
        // At most six ranges, then how many lines more: 2, 4, …, 12 shown; 14, 16, 17 are 3 more.
        XCTAssertEqual(Language.with(.en) { LineRanges.text(LineSet([2, 4, 6, 8, 10, 12, 14, 16, 17])) }, "2, 4, 6, 8, 10, 12 and 3 more")
        // Said inside "第 … 行": "第 2、…、12 行，另有 1 行".
        XCTAssertEqual(Language.with(.zh) { LineRanges.text(LineSet([2, 4, 6, 8, 10, 12, 14])) }, "2、4、6、8、10、12 行，另有 1")
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
        XCTAssertEqual(cause.message(period: "2026", townFolder: "Input/g", words: .commandLine),
                       "one cause, all 2 rows (lines 2–3) are dated in 2026-12, not in 2026-11: this is the export of 2026-12, put in the wrong folder. Who acts: the clerk moves it to Input/g/2026-12 and puts 2026-11's marks.csv here. Do not --accept these rows: that would leave out the whole file")
    }

    func testTheMessageSaysWhatWhereAndWhoInBothLanguages() {
        let cause = FileLevelCause(file: "phone_checks.csv", kind: .otherPeriod(month: Period(year: 2026, month: 9)), lines: LineSet([2, 3, 4, 5]), column: 2)
        XCTAssertEqual(cause.message(period: "2026-10", townFolder: "Input/qinghe", words: .commandLine),
                       "one cause, all 4 rows (lines 2–5) are dated in 2026-09, not in 2026-10: this is the export of 2026-09, put in the wrong folder. Who acts: the clerk moves it to Input/qinghe/2026-09 and puts 2026-10's phone_checks.csv here. Do not --accept these rows: that would leave out the whole file")
        XCTAssertEqual(Language.with(.zh) { cause.message(period: "2026-10", townFolder: "Input/qinghe", words: .commandLine) },
                       "同一原因，全部 4 行（第 2–5 行）的日期都在 2026-09，不在 2026-10：这是 2026-09 的导出文件，放错了文件夹。处理：请制表人员把它移到 Input/qinghe/2026-09，并把 2026-10 的 phone_checks.csv 放到这里。不要用 --accept 剔除这些行：那会剔除整个文件")
        // The advice not to accept the rows is in the asker's words (the console's button, issue 20.5).
        var buttons = CommandWords.commandLine
        buttons.accept = "「接受」"
        XCTAssertEqual(Language.with(.zh) { cause.message(period: "2026-10", townFolder: "Input/qinghe", words: buttons) },
                       "同一原因，全部 4 行（第 2–5 行）的日期都在 2026-09，不在 2026-10：这是 2026-09 的导出文件，放错了文件夹。处理：请制表人员把它移到 Input/qinghe/2026-09，并把 2026-10 的 phone_checks.csv 放到这里。不要用 「接受」 剔除这些行：那会剔除整个文件")
    }

    /// SPEC §16: with month_starts_on = 26, 2026-10 runs 2026-09-26 to 2026-10-25 and 2026-11
    /// 2026-10-26 to 2026-11-25; a day is in the pay month its date falls in.
    func testAPayMonthFromThe26thTakesTheDaysFromThe26th() {
        func d(_ m: Int, _ day: Int, year: Int = 2026) -> CivilDate { CivilDate(year: year, month: m, day: day) }
        let cases: [(CivilDate, Int, Period)] = [
            (d(10, 26), 26, Period(year: 2026, month: 11)), (d(11, 25), 26, Period(year: 2026, month: 11)),
            (d(10, 25), 26, Period(year: 2026, month: 10)), (d(9, 26), 26, Period(year: 2026, month: 10)),
            (d(12, 26), 26, Period(year: 2027, month: 1)), (d(10, 26), 1, Period(year: 2026, month: 10)),
            (d(3, 1), 26, Period(year: 2026, month: 3)), (d(2, 28), 26, Period(year: 2026, month: 3)),
        ]
        for (day, startsOn, month) in cases {
            XCTAssertEqual(PayDays.month(of: day, startsOn: startsOn), month, "\(day) with month_starts_on = \(startsOn)")
        }
    }

    /// A file dated 2026-10-26, 2026-11-01 and 2026-11-25 in 2026-10's folder of a town whose
    /// month starts on the 26th: all three are in the pay month 2026-11, so it is the file of
    /// 2026-11 (in calendar months they would be October's and November's: no one month).
    func testAnotherMonthIsTheTownsPayMonth() {
        let dates = [(2, CivilDate(year: 2026, month: 10, day: 26)), (3, CivilDate(year: 2026, month: 11, day: 1)), (4, CivilDate(year: 2026, month: 11, day: 25))]
        let causes = tally([], outside: dates, startsOn: 26).causes(file: "p.csv", rows: 3, startsOn: 26)
        XCTAssertEqual(causes, [FileLevelCause(file: "p.csv", kind: .otherPeriod(month: Period(year: 2026, month: 11), startsOn: 26), lines: LineSet([2, 3, 4]), column: 2)])
        XCTAssertEqual(tally([], outside: dates, startsOn: 1).causes(file: "p.csv", rows: 3), [], "calendar months: October and November")
        XCTAssertEqual(causes.first?.message(period: "2026-10", townFolder: "Input/g", words: .commandLine),
                       "one cause, all 3 rows (lines 2–4) are dated in 2026-11 (2026-10-26 to 2026-11-25), not in 2026-10 (2026-09-26 to 2026-10-25): this is the export of 2026-11, put in the wrong folder. Who acts: the clerk moves it to Input/g/2026-11 and puts 2026-10's p.csv here. Do not --accept these rows: that would leave out the whole file")
        XCTAssertEqual(Language.with(.zh) { causes.first?.message(period: "2026-10", townFolder: "Input/g", words: .commandLine) },
                       "同一原因，全部 3 行（第 2–4 行）的日期都在 2026-11（2026-10-26 至 2026-11-25），不在 2026-10（2026-09-26 至 2026-10-25）：这是 2026-11 的导出文件，放错了文件夹。处理：请制表人员把它移到 Input/g/2026-11，并把 2026-10 的 p.csv 放到这里。不要用 --accept 剔除这些行：那会剔除整个文件")
    }

    /// In a quarter's run a cause names the month's folder its file is in.
    func testInAQuarterTheClerkIsToldWhichMonthsFile() {
        let cause = FileLevelCause(file: "2026-08/logs.csv", kind: .spreadsheetDates(column: "日期", example: "2026/8/1"), lines: LineSet([2, 3, 4]), column: 3)
        XCTAssertEqual(cause.message(period: "2026-Q3", townFolder: "Input/shuangqiao", words: .commandLine),
                       "one cause, 3 rows (lines 2–4): 日期 is written as a spreadsheet program rewrites dates ('2026/8/1'): the file was opened and saved again in Excel, WPS or the like. Who acts: the clerk exports logs.csv in folder 2026-08 again from the platform and puts it here without opening it in a spreadsheet; if the platform itself exports this form, the governance office declares it in the rule file (formats = [\"yyyy/M/d\"] for 日期, SPEC §16). Do not --accept these rows: that would leave out all 3")
        XCTAssertEqual(Language.with(.zh) { cause.message(period: "2026-Q3", townFolder: "Input/shuangqiao", words: .commandLine) },
                       "同一原因，共 3 行（第 2–4 行）：“日期”是电子表格软件改写后的样式（如“2026/8/1”）——这个文件被 Excel、WPS 等打开后又保存过，日期被改写了。处理：请制表人员从平台重新导出 2026-08 文件夹中的 logs.csv，不经电子表格打开直接放入；如果平台导出的本来就是这种样式，请综治中心在规则文件中为“日期”声明 formats = [\"yyyy/M/d\"]（SPEC §16）。不要用 --accept 剔除这些行：那会剔除全部 3 行")
    }

    /// A renamed header: every row unread, said at the header with the declared column and the
    /// header most like it, and who acts.
    func testARenamedHeaderNamesTheColumnAndTheHeaderLikeIt() {
        let cause = FileLevelCause(file: "events.csv", kind: .renamedHeader(table: "events", columns: [
            .init(declared: "核查结果", near: "核查结论", field: 5), .init(declared: "事件类型", near: nil, field: nil),
        ]), lines: LineSet([2, 3, 4, 5]), column: 5, line: 1)
        XCTAssertEqual(cause.sayAt, 1)
        XCTAssertEqual(cause.message(period: "2026-10", townFolder: "Input/qinghe", words: .commandLine),
                       "one cause, all 4 rows (lines 2–5) are unread: the header of events.csv lacks column 核查结果 (the header most like it: 核查结论, field 5); column 事件类型 (no header is like it), declared for table events in the rule file. Who acts: if only this export changed the name, the clerk exports events.csv again from the platform; if the platform renamed it for good, the governance office renames the column in the rule file to the header's name (SPEC §16). Columns are found by name; their order does not matter")
        XCTAssertEqual(Language.with(.zh) { cause.message(period: "2026-10", townFolder: "Input/qinghe", words: .commandLine) },
                       "同一原因，全部 4 行（第 2–5 行）都未读入：events.csv 的表头中没有规则文件为表“events”声明的“核查结果”列（表头中最相近的是第 5 列“核查结论”）、“事件类型”列（表头中没有相近的列）。处理：如果只是这次导出的列名变了，请制表人员从平台重新导出 events.csv；如果平台已长期改用新的列名，请综治中心在规则文件中把表“events”的列名改成表头中的名称（SPEC §16）。列按名称查找，列的先后顺序不影响读入")
    }

    /// Another encoding, each way: all rows unread, the lines misread, and who acts.
    func testAnotherEncodingSaysWhichAndWhoActs() {
        let gbk = FileLevelCause(file: "roster.csv", encoding: .gb18030, declared: .utf8, table: "roster", rows: LineSet([2, 3, 4, 5]), textLines: LineSet([1, 2, 3, 4, 5]))
        XCTAssertEqual(gbk.sayAt, 1)
        XCTAssertEqual(gbk.message(period: "2026-10", townFolder: "Input/qinghe", words: .commandLine),
                       "one cause, all 4 rows (lines 2–5) are unread: roster.csv is GB18030/GBK text, but the rule file reads table roster as UTF-8 (no encoding declared); read as UTF-8, the text of lines 1–5 does not read or reads as garbage. Who acts: the clerk exports roster.csv again from the platform as UTF-8; if the platform exports GB18030/GBK, the governance office declares encoding = \"gb18030\" for table roster in the rule file (SPEC §16)")
        XCTAssertEqual(Language.with(.zh) { gbk.message(period: "2026-10", townFolder: "Input/qinghe", words: .commandLine) },
                       "同一原因，全部 4 行（第 2–5 行）都未读入：roster.csv 是 GB18030/GBK 编码的文字，而规则文件没有为表“roster”声明 encoding，即按 UTF-8 读；第 1–5 行的文字按 UTF-8 读不出或成了乱码。处理：请制表人员从平台重新导出 UTF-8 编码的 roster.csv；如果平台导出的本来就是 GB18030/GBK，请综治中心在规则文件中为表“roster”声明 encoding = \"gb18030\"（SPEC §16）")
        let utf8 = FileLevelCause(file: "2026-08/logs.csv", encoding: .utf8, declared: .gb18030, table: "logs", rows: LineSet([2, 3]), textLines: LineSet([1]))
        XCTAssertEqual(Language.with(.zh) { utf8.message(period: "2026-Q3", townFolder: "Input/shuangqiao", words: .commandLine) },
                       "同一原因，全部 2 行（第 2–3 行）都未读入：2026-08 文件夹中的 logs.csv 是 UTF-8 编码的文字，而规则文件为表“logs”声明的是 encoding = \"gb18030\"；第 1 行的文字按 GB18030/GBK 读不出或成了乱码。处理：请制表人员从平台重新导出 GB18030/GBK 编码的 2026-08 文件夹中的 logs.csv；如果平台导出的本来就是 UTF-8，请综治中心在规则文件中为表“logs”声明 encoding = \"utf-8\"（SPEC §16）")
        let none = FileLevelCause(file: "e.csv", encoding: .utf16, declared: .utf8, table: "e", rows: LineSet(), textLines: LineSet([1]))
        XCTAssertEqual(none.message(period: "2026-10", townFolder: "I", words: .commandLine),
                       "one cause, no row of the file is read: e.csv is UTF-16 text, but the rule file reads table e as UTF-8 (no encoding declared); read as UTF-8, the text of line 1 does not read or reads as garbage. Who acts: the clerk exports e.csv again from the platform as UTF-8; if the platform exports UTF-16, the governance office declares encoding = \"utf-16\" for table e in the rule file (SPEC §16)")
    }

    /// A file whose header renamed 结果 to 结论: every row unread, counted and said at the header
    /// (the near header's field); a file whose header has the declared columns in another order
    /// is read whole and has no cause.
    func testARenamedHeaderIsOneCauseForEveryRowAndAReorderedOneIsFine() throws {
        let town = try IngestFixture(tables: CellDecoderTests.tables, roster: [["W1", "甲", "东", "G1", "100"]])
        let renamed = TableIngest(table: town.table("rows"), month: town.month, accepted: [])
        renamed.consume(fields: ["编号", "结论", "时长", "金额", "日期"], line: 1)
        for line in [2, 3, 5] { renamed.consume(fields: ["W1", "有效", "30", "", "2026-10-0\(line)"], line: line) }
        renamed.finish()
        XCTAssertEqual(renamed.causes, [FileLevelCause(file: "rows.csv", kind: .renamedHeader(table: "rows", columns: [.init(declared: "结果", near: "结论", field: 2)]),
                                                       lines: LineSet([2, 3, 5]), column: 2, line: 1)])
        XCTAssertEqual(renamed.causes.first?.message(period: "2026-10", townFolder: "Input/t", words: .commandLine),
                       "one cause, all 3 rows (lines 2–3, 5) are unread: the header of rows.csv lacks column 结果 (the header most like it: 结论, field 2), declared for table rows in the rule file. Who acts: if only this export changed the name, the clerk exports rows.csv again from the platform; if the platform renamed it for good, the governance office renames the column in the rule file to the header's name (SPEC §16). Columns are found by name; their order does not matter")
        let reordered = TableIngest(table: town.table("rows"), month: town.month, accepted: [])
        reordered.consume(fields: ["日期", "金额", "时长", "结果", "编号"], line: 1)
        for line in [2, 3] { reordered.consume(fields: ["2026-10-0\(line)", "", "30", "有效", "W1"], line: line) }
        reordered.finish()
        XCTAssertEqual(reordered.causes, [])
        XCTAssertEqual(reordered.problems, [])
        XCTAssertEqual(reordered.rowsUsed, 2)
    }
}
