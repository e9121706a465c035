import GridpayTestSupport
import GridpayXLSX
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §16 through a run: an XLSX or XLS export whose two-row header merges 单号 and 人 down
/// over rows 1–2 and 扣分 across two columns over 分 and 备注 is read with `header_row = 2`.
final class MergedHeaderRunTests: XCTestCase {
    /// `format`: xlsx or xls (the file is events.<format>): ExportFormTests' town with the
    /// events table in that format, its header on row 2.
    static func rules(_ format: String) -> String {
        ExportFormTests.rules(["format = \"\(format)\"", "header_row = 2"], file: "events.\(format)")
    }

    static func workbook() throws -> Data {
        let path = NSTemporaryDirectory() + "merged-run-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path, createdAt: 1_790_000_000)
        let sheet = try book.addWorksheet(named: "事件")
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 0, string: "单号")
        try sheet.mergeRange(firstRow: 0, firstColumn: 1, lastRow: 1, lastColumn: 1, string: "人")
        try sheet.mergeRange(firstRow: 0, firstColumn: 2, lastRow: 0, lastColumn: 3, string: "扣分")
        try sheet.write(string: "分", row: 1, column: 2)
        try sheet.write(string: "备注", row: 1, column: 3)
        for (r, cells) in [["E1", "A1", "2", "迟到"], ["E2", "A2", "3", ""], ["E3", "A1", "1", "缺勤"]].enumerated() {
            for (c, cell) in cells.enumerated() where !cell.isEmpty {
                if let n = Double(cell) { try sheet.write(number: n, row: r + 2, column: c) } else { try sheet.write(string: cell, row: r + 2, column: c) }
            }
        }
        try book.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func testAHeaderSpreadOverMergedCells() throws {
        try assertTheMergedHeaderIsRead("xlsx", Self.workbook())
    }

    /// The same sheet saved by LibreOffice as a legacy XLS (scripts/make-xls-fixtures.py): libfreexl
    /// gives no merged cells; they are read from the workbook's MERGEDCELLS records.
    func testAnXLSHeaderSpreadOverMergedCells() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GridpayXLSXReaderTests/Fixtures/libreoffice-merged-events.xls")
        try assertTheMergedHeaderIsRead("xls", Data(contentsOf: fixture))
    }

    func assertTheMergedHeaderIsRead(_ format: String, _ bytes: Data, file: StaticString = #filePath, line: UInt = #line) throws {
        guard case .success(let m) = try TestTown.formsMonth(rules: Self.rules(format), files: ["events.\(format)": bytes]) else {
            return XCTFail("the month must run", file: file, line: line)
        }
        XCTAssertEqual(m.reportedProblems.map(\.message), [], file: file, line: line)
        // A1: 10 − 2 − 1 = 7; A2: 10 − 3 = 7; rows at their sheet rows 3, 4, 5.
        XCTAssertEqual(m.report.workers.map { "\($0.id) \($0.items.map(\.description).joined(separator: " "))" }, ["A1 7", "A2 7"], file: file, line: line)
        XCTAssertEqual(m.report.workers.flatMap { w in w.records.map { "\(w.id) \($0.line ?? 0) \($0.points)" } }.sorted(),
                       ["A1 3 -2", "A1 5 -1", "A2 4 -3"], file: file, line: line)
    }
}
