import Foundation
import XCTest
import GridpayXLSX
@testable import GridpayXLSXReader

/// A header spread over merged cells (SPEC §16): names merged down onto the header row name its
/// columns; a name merged across columns names the first only.
final class MergedHeaderTests: XCTestCase {
    /// Rows 1–2 a two-row header: 单号 and 人 merged down (A1:A2, B1:B2), 巡查 across C1:D1 over 开始
    /// and 分; then one row of data.
    static func workbook() throws -> String {
        let path = NSTemporaryDirectory() + "merged-header-\(UUID().uuidString).xlsx"
        let book = try XLSXWorkbook(path: path, createdAt: 1_790_000_000)
        let sheet = try book.addWorksheet(named: "巡查")
        try sheet.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 0, string: "单号")
        try sheet.mergeRange(firstRow: 0, firstColumn: 1, lastRow: 1, lastColumn: 1, string: "人")
        try sheet.mergeRange(firstRow: 0, firstColumn: 2, lastRow: 0, lastColumn: 3, string: "巡查")
        try sheet.write(string: "开始", row: 1, column: 2)
        try sheet.write(string: "分", row: 1, column: 3)
        for (c, cell) in ["E1", "A1", "08:00", "2"].enumerated() { try sheet.write(string: cell, row: 2, column: c) }
        try book.close()
        return path
    }

    static func rows(_ path: String, headerRow: Int?) throws -> [String] {
        var out: [String] = []
        try XLSXReader(path: path).forEachRow(sheet: nil, headerRow: headerRow) { row in
            out.append("\(row.line): " + (0..<row.count).map { row.string($0) }.joined(separator: "|"))
        }
        return out
    }

    func testNamesMergedDownOntoTheHeaderRowNameItsColumns() throws {
        let path = try Self.workbook()
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(try Self.rows(path, headerRow: nil), ["1: 单号|人|巡查", "2: ||开始|分", "3: E1|A1|08:00|2"])
        XCTAssertEqual(try Self.rows(path, headerRow: 2), ["1: 单号|人|巡查", "2: 单号|人|开始|分", "3: E1|A1|08:00|2"])
        // Row 1 as the header has no empty cell before its last name: read as it is.
        XCTAssertEqual(try Self.rows(path, headerRow: 1), ["1: 单号|人|巡查", "2: ||开始|分", "3: E1|A1|08:00|2"])
    }

    func testTheMergedRangesAreReadOnlyForAHeaderWithAGap() throws {
        var asked = 0
        let rows: [(line: Int, cells: [[UInt8]])] = [(1, [Array("单号".utf8), Array("人".utf8)]), (2, [[], Array("开始".utf8)])]
        let whole = MergedHeader(headerRow: 1, rows: rows) { asked += 1; return [] }
        XCTAssertNil(whole.cells)
        XCTAssertEqual(asked, 0)
        let gap = MergedHeader(headerRow: 2, rows: rows) { asked += 1; return [MergedRange(firstRow: 1, lastRow: 2, firstColumn: 0, lastColumn: 0)] }
        XCTAssertEqual(asked, 1)
        XCTAssertEqual(gap.cells?.map { String(decoding: $0, as: UTF8.self) }, ["单号", "开始"])
        // A range across columns fills none of the header's other cells.
        let across = MergedHeader(headerRow: 2, rows: [(1, [[], Array("巡查".utf8)]), (2, [[], [], Array("分".utf8)])]) {
            [MergedRange(firstRow: 1, lastRow: 2, firstColumn: 1, lastColumn: 2)]
        }
        XCTAssertEqual(across.cells?.map { String(decoding: $0, as: UTF8.self) }, ["", "巡查", "分"])
        XCTAssertTrue(MergedHeader.hasGap([[], Array("a".utf8)]))
        XCTAssertFalse(MergedHeader.hasGap([Array("a".utf8), []]))
    }

    func testRangeReferences() {
        func range(_ text: String) -> MergedRange? {
            var t = text
            return t.withUTF8 { MergedRange(reference: $0) }
        }
        XCTAssertEqual(range("A1:B2"), MergedRange(firstRow: 1, lastRow: 2, firstColumn: 0, lastColumn: 1))
        XCTAssertEqual(range("AA10:AB12"), MergedRange(firstRow: 10, lastRow: 12, firstColumn: 26, lastColumn: 27))
        XCTAssertEqual(range("C3"), MergedRange(firstRow: 3, lastRow: 3, firstColumn: 2, lastColumn: 2))
        XCTAssertNil(range("1:2"))
        XCTAssertNil(range("A:B"))
    }
}
