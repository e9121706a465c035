import Foundation
import XCTest
@testable import GridpayXLSX

private let pinnedCreatedAt = 1_790_812_800

final class XLSXErrorTests: XCTestCase {
    /// Runs `body`, which must throw an XLSXError with `code`, then hands that error to `check`.
    private func expectError(_ code: Int32, _ body: () throws -> Void,
                             file: StaticString = #filePath, line: UInt = #line,
                             check: (XLSXError) -> Void = { _ in }) {
        do {
            try body()
            XCTFail("expected XLSXError \(code)", file: file, line: line)
        } catch let error as XLSXError {
            XCTAssertEqual(error.code, code, error.description, file: file, line: line)
            check(error)
        } catch {
            XCTFail("expected XLSXError, got \(error)", file: file, line: line)
        }
    }

    func testInvalidSheetNamesCarryLibraryText() throws {
        let dir = try TempDir()
        let workbook = try XLSXWorkbook(path: dir.path("names.xlsx"), createdAt: pinnedCreatedAt)
        _ = try workbook.addWorksheet(named: "Summary")

        expectError(15, { _ = try workbook.addWorksheet(named: "2026/10") }) { error in
            XCTAssertEqual(error.message, #"Worksheet name cannot contain invalid characters: '[ ] : * ? / \'"#)
            XCTAssertEqual(error.sheet, "2026/10")
            XCTAssertEqual(error.operation, "workbook_validate_sheet_name")
            XCTAssertTrue(error.description.contains("2026/10"), error.description)
        }
        for bad in ["a[b", "a]b", "a:b", "a*b", "a?b", #"a\b"#] {
            expectError(15, { _ = try workbook.addWorksheet(named: bad) })
        }
        expectError(14, { _ = try workbook.addWorksheet(named: String(repeating: "x", count: 32)) }) {
            XCTAssertEqual($0.message, "Worksheet name exceeds Excel's limit of 31 characters.")
        }
        // 31 characters counted as characters, not UTF-8 bytes.
        _ = try workbook.addWorksheet(named: String(repeating: "考", count: 31))
        expectError(16, { _ = try workbook.addWorksheet(named: "'quoted'") })
        expectError(17, { _ = try workbook.addWorksheet(named: "SUMMARY") }) {
            XCTAssertEqual($0.message, "Worksheet name is already in use.")
        }
        expectError(XLSXError.parameterValidationCode, { _ = try workbook.addWorksheet(named: "") })
        expectError(XLSXError.parameterValidationCode, { _ = try workbook.addWorksheet(named: "a\u{0}b") })
        XCTAssertEqual(workbook.worksheetNames, ["Summary", String(repeating: "考", count: 31)])
        try workbook.close()
    }

    func testMissingDirectoryFailsAtCloseNotInit() throws {
        let dir = try TempDir()
        let path = dir.path("no-such-dir/out.xlsx")
        // libxlsxwriter opens the output file only in workbook_close.
        let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt)
        let sheet = try workbook.addWorksheet(named: "S")
        try sheet.write(number: 1, row: 0, column: 0)
        expectError(XLSXError.creatingFileCode, { try workbook.close() }) { error in
            XCTAssertEqual(error.message, "Error creating output xlsx file. Usually a permissions error.")
            XCTAssertEqual(error.path, path)
            XCTAssertEqual(error.operation, "workbook_close")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        // The failed close freed the C workbook too.
        XCTAssertTrue(workbook.isClosed)
        expectError(XLSXError.workbookClosedCode, { try sheet.write(number: 2, row: 1, column: 0) })
    }

    func testUseAfterCloseThrows() throws {
        let dir = try TempDir()
        let workbook = try XLSXWorkbook(path: dir.path("closed.xlsx"), createdAt: pinnedCreatedAt)
        let sheet = try workbook.addWorksheet(named: "S")
        let format = try workbook.format(XLSXFormatSpec(bold: true))
        try workbook.close()

        let closed = XLSXError.workbookClosedCode
        expectError(closed, { try sheet.write(string: "x", row: 0, column: 0) }) { error in
            XCTAssertEqual(error.sheet, "S")
            XCTAssertEqual(error.operation, "worksheet_write_string")
        }
        expectError(closed, { try sheet.write(number: 1, row: 0, column: 0, format: format) })
        expectError(closed, { try sheet.writeBlank(row: 0, column: 0, format: format) })
        expectError(closed, { try sheet.setColumnWidth(first: 0, last: 1, width: 10) })
        expectError(closed, { try sheet.setRowHeight(row: 0, height: 20) })
        expectError(closed, { try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 1,
                                                   string: "m", format: nil) })
        expectError(closed, { try sheet.setUpPrinting(repeatRows: 0...0) })
        expectError(closed, { try sheet.freezePanes(row: 1, column: 0) })
        expectError(closed, { try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 1) })
        expectError(closed, { _ = try workbook.addWorksheet(named: "T") })
        expectError(closed, { _ = try workbook.format(XLSXFormatSpec(bold: true)) })
        expectError(closed, { try workbook.close() })
    }

    func testIndicesOutOfRangeAreErrorsNotTraps() throws {
        let dir = try TempDir()
        let workbook = try XLSXWorkbook(path: dir.path("range.xlsx"), createdAt: pinnedCreatedAt)
        let sheet = try workbook.addWorksheet(named: "S")
        let range = XLSXError.indexOutOfRangeCode
        expectError(range, { try sheet.write(number: 1, row: -1, column: 0) }) {
            XCTAssertEqual($0.message, "Worksheet row or column index out of range.")
            XCTAssertEqual($0.row, -1)
        }
        expectError(range, { try sheet.write(number: 1, row: 1_048_576, column: 0) })
        expectError(range, { try sheet.write(string: "x", row: Int.max, column: 0) })
        expectError(range, { try sheet.write(string: "x", row: 0, column: 16_384) }) {
            XCTAssertEqual($0.column, 16_384)
        }
        expectError(range, { try sheet.write(string: "x", row: 0, column: Int.min) })
        expectError(range, { try sheet.writeBlank(row: 0, column: 70_000, format: nil) })
        expectError(range, { try sheet.setColumnWidth(first: 0, last: 65_536, width: 10) })
        expectError(range, { try sheet.setRowHeight(row: 4_294_967_296, height: 10) })
        expectError(range, { try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: -2,
                                                  string: "m", format: nil) })
        expectError(range, { try sheet.setUpPrinting(repeatRows: -1...0) })
        expectError(range, { try sheet.freezePanes(row: 0, column: 16_384) })
        expectError(range, { try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: 2_000_000, lastColumn: 0) })
        // The last valid cell still works.
        try sheet.write(number: 1, row: 1_048_575, column: 16_383)
        try workbook.close()
    }

    func testInvalidValuesAreRefused() throws {
        let dir = try TempDir()
        let path = dir.path("values.xlsx")
        let validation = XLSXError.parameterValidationCode
        expectError(validation, { _ = try XLSXWorkbook(path: path, createdAt: 0) }) {
            XCTAssertEqual($0.message, "Function parameter validation error.")
        }
        expectError(validation, { _ = try XLSXWorkbook(path: "", createdAt: pinnedCreatedAt) })
        expectError(validation, { _ = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt, title: "a\u{0}b") })

        let workbook = try XLSXWorkbook(path: path, createdAt: pinnedCreatedAt)
        let sheet = try workbook.addWorksheet(named: "S")
        expectError(validation, { try sheet.write(number: .nan, row: 0, column: 0) })
        expectError(validation, { try sheet.write(number: -.infinity, row: 0, column: 0) })
        expectError(validation, { try sheet.write(string: "a\u{0}b", row: 0, column: 0) })
        expectError(validation, { try sheet.setColumnWidth(first: 0, last: 0, width: .nan) })
        expectError(validation, { try sheet.setRowHeight(row: 0, height: -1) })
        expectError(validation, { _ = try workbook.format(XLSXFormatSpec(fontSize: 0)) })
        // Library-side checks come back with libxlsxwriter's own text.
        expectError(20, { try sheet.setUpPrinting(repeatRows: 0...0, header: String(repeating: "h", count: 256)) }) {
            XCTAssertEqual($0.message, "Parameter exceeds Excel's limit of 255 characters.")
            XCTAssertEqual($0.operation, "worksheet_set_header")
        }
        expectError(validation, { try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 0,
                                                       string: "one cell", format: nil) })
        expectError(21, { try sheet.write(string: String(repeating: "x", count: 32_768), row: 0, column: 0) })

        // A format from another workbook would be a dangling C pointer here.
        let other = try XLSXWorkbook(path: dir.path("other.xlsx"), createdAt: pinnedCreatedAt)
        let foreign = try other.format(XLSXFormatSpec(bold: true))
        expectError(validation, { try sheet.write(number: 1, row: 0, column: 0, format: foreign) }) {
            XCTAssertEqual($0.detail, "format belongs to another workbook")
        }
        try workbook.close()
    }
}
