import XCTest
@testable import GridpayCore

/// CellDecoder: each cell read exactly as its column declares (SPEC §6): typed values into the
/// row's slots, and a bad cell an error at its row and field naming the column.
final class CellDecoderTests: XCTestCase {
    static let tables = """
        [tables.rows]
        file = "rows.csv"
        worker = "编号"
        columns = [
          { name = "编号", type = "id" },
          { name = "结果", type = "choice", values = ["有效", "无效"] },
          { name = "时长", type = "integer", min = 0, max = 1440 },
          { name = "金额", type = "decimal", places = 2, optional = true },
          { name = "日期", type = "date" },
        ]
        """

    func decoder(period: PayDays? = nil) throws -> (CellDecoder, FileProblems) {
        let town = try IngestFixture(tables: Self.tables, roster: [["W1", "甲", "东", "G1", "100"]])
        let log = FileProblems(file: "rows.csv", isRoster: false, acceptedLines: [])
        let p = period ?? PayDays(Period.parse("2026-10")!, startsOn: 1)
        return (CellDecoder(spec: town.spec("rows"), needed: [true, true, true, true, true], period: p, problems: log), log)
    }

    /// The header's order: fields as the file has them (here the declared order shifted by one).
    let fieldOf = [1, 2, 3, 4, 5]

    func decode(_ decoder: CellDecoder, _ cells: [String], line: Int = 2) -> Bool {
        var ok = false
        withRecord(["备注"] + cells, line: line) { ok = decoder.decodeCells($0, fieldOf: fieldOf, line: line) }
        return ok
    }

    func testGoodCellsBecomeTypedValues() throws {
        let (d, log) = try decoder()
        XCTAssertTrue(decode(d, ["W1", "无效", "90", "12.50", "2026-10-05"]))
        XCTAssertEqual(log.list.count, 0)
        let values = Array(UnsafeBufferPointer(start: d.row.values, count: 5))
        XCTAssertEqual(values, [.text("W1"), .text("无效"), .number(ExactNumber(90)), .number(try ExactNumber(numerator: 25, denominator: 2)),
                                .date(CivilDate(year: 2026, month: 10, day: 5))])
        XCTAssertEqual(d.row.choices[1], 1, "无效 is the choice's second value")
        XCTAssertEqual(String(decoding: d.row.fields[4], as: UTF8.self), "2026-10-05")
        // An optional cell left empty is no value (never 0).
        XCTAssertTrue(decode(d, ["W1", "有效", "0", "", "2026-10-31"]))
        XCTAssertEqual(d.row.values[3], .empty)
        XCTAssertEqual(d.row.choices[1], 0)
    }

    func testEachBadCellIsReportedAtItsField() throws {
        let (d, log) = try decoder()
        XCTAssertFalse(decode(d, ["W1", "有校", "1441", "1.005", "2026-11-01"], line: 7))
        XCTAssertEqual(IngestFixture.described(log.list), [
            "7:3 badValue 结果 is '有校'; expected one of 有效 / 无效; did you mean '有效'?",
            "7:4 badValue 时长 is 1441, above the maximum 1440; expected at most 1440",
            "7:5 badValue 金额 is '1.005'; expected at most 2 decimals",
            "7:6 outsidePeriod 日期 2026-11-01 is outside 2026-10; expected a date from 2026-10-01 to 2026-10-31",
        ])
        XCTAssertEqual(log.list.map(\.columnName), ["结果", "时长", "金额", "日期"])
    }

    func testWholeNumbersAreDigitsOnlyAndRequiredCellsAreFilled() throws {
        let (d, log) = try decoder()
        XCTAssertFalse(decode(d, ["W1", "有效", "2.00", "", "2026-10-05"], line: 2))
        XCTAssertFalse(decode(d, ["W1", "有效", "", "", "2026-10-05"], line: 3))
        XCTAssertFalse(decode(d, ["W1", "有效", "-1", "", "2026/10/5"], line: 4))
        XCTAssertEqual(IngestFixture.described(log.list), [
            "2:4 badValue 时长 is '2.00'; expected a whole number written with digits only (no decimal point, sign '+', spaces or separators)",
            "3:4 badValue 时长 is empty; expected a whole number",
            "4:4 badValue 时长 is -1, below the minimum 0; expected a whole number ≥ 0",
            "4:6 badValue 日期 is '2026/10/5'; expected a date YYYY-MM-DD",
        ])
    }

    func testAControlCharacterIsAnErrorAndFormulaLikeTextAWarning() throws {
        let (d, log) = try decoder()
        XCTAssertFalse(decode(d, ["W\u{7}1", "有效", "5", "", "2026-10-05"], line: 2))
        XCTAssertTrue(decode(d, ["=1+1", "有效", "5", "", "2026-10-05"], line: 3))
        XCTAssertEqual(d.row.values[0], .text("=1+1"), "kept as text")
        XCTAssertEqual(IngestFixture.described(log.list), [
            "2:2 badValue 编号 'W\\u{7}1' holds the control character U+0007 at byte 2; expected text without control characters (tab and line breaks are allowed)",
            "3:2 formulaLikeText 编号 '=1+1' starts with '=', which a spreadsheet would read as a formula; it is written as plain text",
        ])
        XCTAssertEqual(log.list.map(\.severity), [.error, .warning])
    }

    /// month_starts_on = 26: 2026-10 is 2026-09-26 to 2026-10-25.
    func testDatesLieInTheMonthAsItStarts() throws {
        let (d, log) = try decoder(period: PayDays(Period.parse("2026-10")!, startsOn: 26))
        XCTAssertTrue(decode(d, ["W1", "有效", "5", "", "2026-09-26"], line: 2))
        XCTAssertTrue(decode(d, ["W1", "有效", "5", "", "2026-10-25"], line: 3))
        XCTAssertFalse(decode(d, ["W1", "有效", "5", "", "2026-10-26"], line: 4))
        XCTAssertEqual(IngestFixture.described(log.list), [
            "4:6 outsidePeriod 日期 2026-10-26 is outside 2026-10; expected a date from 2026-09-26 to 2026-10-25",
        ])
    }

    /// A column nothing reads is checked, not kept as a String.
    func testTextNoRuleReadsIsCheckedNotKept() throws {
        let town = try IngestFixture(tables: Self.tables, roster: [["W1", "甲", "东", "G1", "100"]])
        let log = FileProblems(file: "rows.csv", isRoster: false, acceptedLines: [])
        let d = CellDecoder(spec: town.spec("rows"), needed: [false, true, true, true, true], period: PayDays(Period.parse("2026-10")!, startsOn: 1), problems: log)
        XCTAssertTrue(decode(d, ["W1", "有效", "5", "", "2026-10-05"]))
        XCTAssertEqual(d.row.values[0], .bool(false))
    }
}
