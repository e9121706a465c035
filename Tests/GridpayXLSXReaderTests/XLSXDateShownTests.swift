import Foundation
import XCTest
import GridpayXLSX
@testable import GridpayXLSXReader

/// A date cell says what its number format shows (SPEC §16: it is read as the date it shows),
/// so that a column declaring forms for dates written as text still reads it.
final class XLSXDateShownTests: XCTestCase {
    static func shown(_ path: String) throws -> [String] {
        var out: [String] = []
        try XLSXReader(path: path).forEachRow(sheet: nil) { row in
            out.append("\(row.line): " + (0...row.count).map { i in row.dateShown(i).map { "\($0)" } ?? "-" }.joined(separator: "|"))
        }
        return out
    }

    func testLibxlsxwriterDateCells() throws {
        let path = NSTemporaryDirectory() + "date-shown-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path, createdAt: 1_790_000_000)
        let sheet = try book.addWorksheet(named: "巡查")
        let day = try book.format(XLSXFormatSpec(numberFormat: "yyyy/m/d"))
        let moment = try book.format(XLSXFormatSpec(numberFormat: "yyyy/m/d hh:mm"))
        let clock = try book.format(XLSXFormatSpec(numberFormat: "hh:mm:ss"))
        let percent = try book.format(XLSXFormatSpec(numberFormat: "0.0%"))
        try sheet.write(string: "A1", row: 0, column: 0)
        try sheet.write(number: 46_300, row: 0, column: 1, format: day)                      // 2026-10-05
        try sheet.write(number: 46_300.359722222222, row: 0, column: 2, format: moment)      // 08:38
        try sheet.write(number: 0.5, row: 0, column: 3, format: clock)
        try sheet.write(number: 2400.5, row: 0, column: 4)
        try sheet.write(number: 0.923, row: 0, column: 5, format: percent)
        try sheet.write(string: "2026-10-05", row: 0, column: 6)
        try sheet.write(string: "B1", row: 1, column: 0)
        try book.close()
        XCTAssertEqual(try XLSXReaderTests.rows(path), ["1: A1|2026-10-05|2026-10-05 08:38:00|12:00:00|2400.5|92.3%|2026-10-05", "2: B1"])
        // Past the row's last cell, and in a row without date cells, nothing is a date.
        XCTAssertEqual(try Self.shown(path), ["1: -|date|dateTime|time|-|-|-|-", "2: -|-"])
    }

    func testLibreOfficeDateCells() throws {
        XCTAssertEqual(try Self.shown(XLSXReaderTests.fixtures.appendingPathComponent("libreoffice-dates.xlsx").path),
                       ["1: -|-", "2: -|-|-|-|-", "3: -|-|date|dateTime|-", "4: -|-|date|dateTime|-"])
    }
}
