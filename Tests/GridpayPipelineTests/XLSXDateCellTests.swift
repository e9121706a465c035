import GridpayTestSupport
import GridpayXLSX
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §16: a spreadsheet's date cell (a serial day number shown by a date format) is read as
/// the date it shows, also in a column that declares `formats` for dates written as text; a text
/// cell in that column is read in the declared forms only.
final class XLSXDateCellTests: XCTestCase {
    static let rules = """
        \(TestTown.header("forms"))

        \(TestTown.roster(unit: "村", group: "网格"))

        [tables.events]
        file = "events.xlsx"
        format = "xlsx"
        worker = "人"
        columns = [
          { name = "单号", type = "id" },
          { name = "人", type = "id" },
          { name = "日期", type = "date", formats = ["yyyy/M/d"] },
          { name = "时间", type = "datetime", formats = ["yyyy/M/d H:mm"], optional = true },
          { name = "分", type = "integer", min = 0 },
        ]

        [[items]]
        name = "事件"
        full = 10
          [[items.deductions]]
          table = "events"
          points = '-分'
          reason = "事件 {单号}"

        [pay]
        base = '0'
        score_pay = '0'
        """

    enum Cell { case text(String), day(String), moment(String) }

    /// The events as a workbook: 单号, 人, 日期, 时间, 分; dates as date cells or as text.
    static func workbook(_ rows: [[Cell]]) throws -> Data {
        let path = NSTemporaryDirectory() + "date-cells-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path, createdAt: 1_790_000_000)
        let sheet = try book.addWorksheet(named: "事件")
        let day = try book.format(XLSXFormatSpec(numberFormat: "yyyy/m/d"))
        let moment = try book.format(XLSXFormatSpec(numberFormat: "yyyy/m/d hh:mm"))
        for (c, name) in ["单号", "人", "日期", "时间", "分"].enumerated() { try sheet.write(string: name, row: 0, column: c) }
        for (r, cells) in rows.enumerated() {
            for (c, cell) in cells.enumerated() {
                switch cell {
                case .text(let t) where t.isEmpty: continue
                case .text(let t): if let n = Double(t) { try sheet.write(number: n, row: r + 1, column: c) } else { try sheet.write(string: t, row: r + 1, column: c) }
                case .day(let d): try sheet.write(number: FormMetamorphicTests.serial(d), row: r + 1, column: c, format: day)
                case .moment(let d): try sheet.write(number: FormMetamorphicTests.serial(d), row: r + 1, column: c, format: moment)
                }
            }
        }
        try book.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Runs 2026-10; the records (worker, line, points) or the problems.
    func run(_ rows: [[Cell]]) throws -> (records: [String], problems: [String]) {
        switch try TestTown.formsMonth(rules: Self.rules, files: ["events.xlsx": Self.workbook(rows)]) {
        case .success(let m):
            let records = m.report.workers.flatMap { w in w.records.map { "\(w.id) \($0.line ?? 0) \($0.points)" } }
            return (records.sorted(), m.reportedProblems.map { "\($0.line ?? 0): \($0.message)" })
        case .failure(let f):
            return ([], f.diagnostics.filter { $0.location != nil }.map { "\($0.location!.line): \($0.message)" })
        }
    }

    func testADateCellIsReadAsTheDateItShows() throws {
        let o = try run([
            [.text("E1"), .text("A1"), .day("2026-10-05"), .moment("2026-10-05 08:38"), .text("2")],
            [.text("E2"), .text("A2"), .text("2026/10/6"), .text("2026/10/6 9:05"), .text("3")],
            // A date format over a serial number with a time of day shows the date.
            [.text("E3"), .text("A1"), .day("2026-10-31 23:59"), .text(""), .text("1")],
        ])
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(o.records, ["A1 2 -2", "A1 4 -1", "A2 3 -3"])
    }

    func testATextCellIsReadInTheDeclaredFormsOnlyAndADateCellInThePeriodOnly() throws {
        let o = try run([
            [.text("E1"), .text("A1"), .text("2026-10-07"), .text(""), .text("2")],
            [.text("E2"), .text("A2"), .day("2026-11-01"), .text(""), .text("3")],
            [.text("E3"), .text("A2"), .day("2026-10-02"), .day("2026-10-02"), .text("3")],
        ])
        XCTAssertEqual(o.problems, [
            "2: 日期 is '2026-10-07'; expected a date in one of the declared forms: yyyy/M/d",
            "3: 日期 2026-11-01 is outside 2026-10; expected a date from 2026-10-01 to 2026-10-31",
            "4: 时间 is '2026-10-02'; expected a date-time in one of the declared forms: yyyy/M/d H:mm",
        ])
    }
}
