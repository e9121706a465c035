import Foundation
import XCTest
import GridpayXLSX
@testable import GridpayXLSXReader

/// The XLSX reader (SPEC §16) on workbooks written by others: LibreOffice's (Fixtures/, made by
/// `soffice --convert-to xlsx` from CSV text: shared strings, dates and date-times by number
/// format, a percentage, a number shown with thousands separators, booleans) and
/// libxlsxwriter's; and on files that are not readable workbooks.
final class XLSXReaderTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func rows(_ path: String, sheet: String? = nil) throws -> [String] {
        var out: [String] = []
        try XLSXReader(path: path).forEachRow(sheet: sheet) { row in
            out.append("\(row.line): " + (0..<row.count).map { row.string($0) }.joined(separator: "|"))
        }
        return out
    }

    func testLibreOfficeDatesAndTimesReadAsTheyShow() throws {
        let rows = try Self.rows(Self.fixtures.appendingPathComponent("libreoffice-dates.xlsx").path)
        XCTAssertEqual(rows, ["1: 标题", "2: 单号|人|日期|时间", "3: E1|A1|2026-10-05|2026-10-05 08:38:00", "4: E2|A2|2026-10-31|2026-10-31 23:59:59"])
    }

    func testLibreOfficeNumbersPercentagesAndBooleans() throws {
        let rows = try Self.rows(Self.fixtures.appendingPathComponent("libreoffice-values.xlsx").path)
        XCTAssertEqual(rows, ["1: 单号|人|分|率|金额|布尔", "2: E1|A1|2|92.3%|2400.5|TRUE", "3: E2|A2|3.5|5%|12|FALSE"])
    }

    /// A formula that could not be computed (LibreOffice writes `t="e"` with the value shown) is
    /// read as its text and marked, so that a declared column reports it (SpreadsheetErrorCellTests).
    func testErrorValuesAreMarked() throws {
        let path = Self.fixtures.appendingPathComponent("libreoffice-errors.xlsx").path
        XCTAssertEqual(try Self.rows(path), ["1: 单号|人|分|备注", "2: E1|A1|#DIV/0!|x", "3: E2|A2|2|#NAME?", "4: E3|A1|3|y"])
        var marked: [String] = []
        try XLSXReader(path: path).forEachRow(sheet: nil) { row in
            for i in 0..<row.count where row.dateShown(i) == .errorValue { marked.append("\(row.line):\(i + 1)") }
        }
        XCTAssertEqual(marked, ["2:3", "3:4"])
    }

    /// Cells left out are empty; a row with no text is skipped as a blank line is; the second
    /// sheet by name; text with XML's special characters comes back as written.
    func testLibxlsxwriterWorkbook() throws {
        let path = NSTemporaryDirectory() + "xlsx-reader-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path, createdAt: 1_790_000_000)
        let first = try book.addWorksheet(named: "封面")
        try first.write(string: "不是这张", row: 0, column: 0)
        let sheet = try book.addWorksheet(named: "巡查")
        let date = try book.format(XLSXFormatSpec(numberFormat: "yyyy/m/d"))
        try sheet.write(string: "人", row: 0, column: 0)
        try sheet.write(string: "日期", row: 0, column: 1)
        try sheet.write(string: "分钟", row: 0, column: 2)
        try sheet.write(string: "A<1>&\"'", row: 1, column: 0)
        try sheet.write(number: 46_300, row: 1, column: 1, format: date)   // 2026-10-05
        try sheet.write(number: 0.1 + 0.2, row: 1, column: 2)
        try sheet.writeBlank(row: 2, column: 1, format: date)
        try sheet.write(string: "B", row: 3, column: 0)
        try sheet.write(number: -1.5e-3, row: 3, column: 2)
        try book.close()
        XCTAssertEqual(try XLSXReader(path: path).sheetNames, ["封面", "巡查"])
        XCTAssertEqual(try Self.rows(path, sheet: "巡查"), ["1: 人|日期|分钟", "2: A<1>&\"'|2026-10-05|0.3", "4: B||-0.0015"])
        XCTAssertEqual(try Self.rows(path), ["1: 不是这张"])
        XCTAssertThrowsError(try Self.rows(path, sheet: "事件")) { error in
            XCTAssertEqual(error as? XLSXReadError, .noSuchSheet("事件", sheets: ["封面", "巡查"]))
        }
    }

    func testDamagedAndForeignFiles() throws {
        let good = try Data(contentsOf: Self.fixtures.appendingPathComponent("libreoffice-values.xlsx"))
        let path = NSTemporaryDirectory() + "xlsx-damaged-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try good.prefix(good.count / 2).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Self.rows(path)) { XCTAssertEqual($0 as? XLSXReadError, .damagedZip(reason: "no end of central directory record")) }
        try Data("单号,人\nE1,A1\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Self.rows(path)) { XCTAssertEqual($0 as? XLSXReadError, .damagedZip(reason: "17 bytes, shorter than an empty archive")) }
        try Data(String(repeating: "单号,人,分\nE1,A1,2\n", count: 10).utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Self.rows(path)) { XCTAssertEqual($0 as? XLSXReadError, .damagedZip(reason: "no end of central directory record")) }
    }

    /// Serial days, as a spreadsheet counts them (1899-12-30 is day 0), and numbers' text.
    func testCellText() {
        let text = CellText(date1904: false)
        func shown(_ v: String, _ s: StylesHandler.Shown) -> String { String(decoding: text.number(Array(v.utf8), shown: s), as: UTF8.self) }
        XCTAssertEqual(shown("45931", .date), "2025-10-01")
        XCTAssertEqual(shown("46300.359722222222", .dateTime), "2026-10-05 08:38:00")
        XCTAssertEqual(shown("0.5", .time), "12:00:00")
        XCTAssertEqual(shown("61", .date), "1900-03-01")
        XCTAssertEqual(shown("1.23456789012345678E+3", .number), "1234.56789012346")
        XCTAssertEqual(shown("0.923", .percent), "92.3%")
        XCTAssertEqual(shown("-0", .number), "0")
        // Plain text is kept as it is; anything else goes through Decimal15, with the same result.
        for (v, expected) in [("2400.5", "2400.5"), ("0.0015", "0.0015"), ("100", "100"), ("0.50", "0.5"), ("007", "7"),
                              ("1234567890123456", "1234567890123460"), ("-12.25", "-12.25"), ("0", "0"), ("1.", "1")] {
            XCTAssertEqual(shown(v, .number), expected, v)
        }
        XCTAssertEqual(shown("12abc", .number), "12abc")
        XCTAssertEqual(String(decoding: CellText(date1904: true).number(Array("0".utf8), shown: .date), as: UTF8.self), "1904-01-01")
    }
}
