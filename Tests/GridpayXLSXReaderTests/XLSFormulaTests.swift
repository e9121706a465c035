import Foundation
import XCTest
import GridpayTestSupport
@testable import GridpayXLSXReader

/// Formula cells of a legacy XLS export, which libfreexl gives no value for: their cached results
/// are read from the BIFF records (BIFFFormula). Fixtures/libreoffice-formulas.xls is made by
/// scripts/make-xls-fixtures.py (openpyxl writes the formulas, LibreOffice computes and saves
/// them as XLS); each row's 值 is a formula whose result is of one kind.
final class XLSFormulaTests: XCTestCase {
    static let path = XLSReaderTests.fixture("libreoffice-formulas.xls")

    /// Each result as a cell of its kind reads: numbers at 15 significant digits, a date and a
    /// date-time by their number format, a percentage as shown, text (one over two CONTINUE
    /// records: 6,000 Chinese characters; 10,000 Latin ones), empty text, booleans, error values.
    func testEachKindOfResultReadsAsACellOfItsKind() throws {
        var rows: [String] = [], marks: [String] = []
        try XLSReader(path: Self.path).forEachRow(sheet: nil) { row in
            rows.append("\(row.line): " + (0..<row.count).map { row.string($0) }.joined(separator: "|"))
            for i in 0..<row.count { if let shown = row.dateShown(i) { marks.append("\(row.line):\(i) \(shown)") } }
        }
        XCTAssertEqual(rows, [
            "1: 种类|值", "2: 数字|2.5", "3: 整数|42", "4: 引用|84", "5: 日期|2026-10-05", "6: 日期时间|2026-10-05 08:38:00",
            "7: 百分比|92.3%", "8: 文字|网格员", "9: 长文字|" + String(repeating: "网格", count: 3000),
            "10: 长英文|" + String(repeating: "ab", count: 5000), "11: 空文字|", "12: 真|TRUE", "13: 假|FALSE",
            "14: 除以零|#DIV/0!", "15: 无值|#N/A",
        ])
        XCTAssertEqual(marks, ["5:1 date", "6:1 dateTime", "14:1 errorValue", "15:1 errorValue"])
    }

    /// The records as LibreOffice wrote them: the long texts' STRING records are continued.
    func testTheFixtureHasEveryKindOfResultRecord() throws {
        let sheet = try XCTUnwrap(XLSReader(path: Self.path).biff.sheet(0))
        XCTAssertEqual(sheet.errors, [13 << 16 | 1: 0x07, 14 << 16 | 1: 0x2A])
        XCTAssertEqual(sheet.booleans, [11 << 16 | 1: true, 12 << 16 | 1: false])
        XCTAssertEqual(sheet.texts.keys.sorted(), [7 << 16 | 1, 8 << 16 | 1, 9 << 16 | 1, 10 << 16 | 1])
        XCTAssertEqual(sheet.texts[10 << 16 | 1], [])
        XCTAssertEqual(sheet.values, [2.5, 42, 84, 46300, 46300 + (8 * 60 + 38) / 1440.0, 0.923])
    }

    /// A FORMULA record's 8-byte result: a double, or by its first byte under 0xFFFF text,
    /// boolean, error, empty text; a record too short to hold one, or of an unknown kind, is none.
    func testTheResultField() {
        func record(_ result: [UInt8]) -> [UInt8] { [1, 0, 2, 0, 15, 0] + result + [0, 0, 0, 0, 0, 0, 0, 0] }
        XCTAssertEqual(BIFFFormula.result(record([0, 0, 0, 0, 0, 0, 0x04, 0x40]), 0, 22), .number(2.5))
        XCTAssertEqual(BIFFFormula.result(record([0, 0, 0, 0, 0, 0, 0xFF, 0xFF]), 0, 22), .text)
        XCTAssertEqual(BIFFFormula.result(record([1, 0, 1, 0, 0, 0, 0xFF, 0xFF]), 0, 22), .boolean(true))
        XCTAssertEqual(BIFFFormula.result(record([2, 0, 0x17, 0, 0, 0, 0xFF, 0xFF]), 0, 22), .error(0x17))
        XCTAssertEqual(BIFFFormula.result(record([3, 0, 0, 0, 0, 0, 0xFF, 0xFF]), 0, 22), .emptyText)
        XCTAssertNil(BIFFFormula.result(record([4, 0, 0, 0, 0, 0, 0xFF, 0xFF]), 0, 22))
        XCTAssertNil(BIFFFormula.result(record([0, 0, 0, 0, 0, 0, 0x04, 0x40]), 0, 19))
        XCTAssertEqual(BIFFFormula.errorText(0x17), "#REF!")
        XCTAssertEqual(BIFFFormula.errorText(0x99), "#0x99")
    }

    /// A STRING record's characters, 8- or 16-bit by each part's flags byte (a CONTINUE record
    /// may switch), never read past a record's end: a count larger than the records hold keeps
    /// what they hold.
    func testAStringOverContinueRecordsIsBoundedByEachRecord() {
        var s = BIFFStringReader()
        // 5 characters: "ab" 8-bit, then "网格员" 16-bit in a CONTINUE record.
        s.start([5, 0, 0, 0x61, 0x62], 0, 5)
        XCTAssertFalse(s.isComplete)
        s.proceed([1, 0x51, 0x7F, 0x3C, 0x68, 0x58, 0x54], 0, 7)
        XCTAssertTrue(s.isComplete)
        XCTAssertEqual(String(decoding: s.utf8, as: UTF8.self), "ab网格员")
        // 100 characters claimed, 3 held; the bytes past the record's length are another record's.
        var short = BIFFStringReader()
        short.start([100, 0, 0, 0x61, 0x62, 0x63, 0x64, 0x65], 0, 6)
        XCTAssertEqual(String(decoding: short.utf8, as: UTF8.self), "abc")
        XCTAssertFalse(short.isComplete)
        // A 16-bit character cut by the record's end is not read.
        var cut = BIFFStringReader()
        cut.start([2, 0, 1, 0x51, 0x7F, 0x3C], 0, 6)
        XCTAssertEqual(String(decoding: cut.utf8, as: UTF8.self), "网")
        // Records too short for a count or a flags byte: nothing.
        var empty = BIFFStringReader()
        empty.start([1, 0], 0, 2)
        empty.proceed([], 0, 0)
        XCTAssertEqual(empty.utf8, [])
    }

    /// The workbook stream damaged (bytes changed, cut, repeated) behind libfreexl's back: the
    /// formula, STRING and CONTINUE records are read within their lengths, never past the stream.
    func testADamagedWorkbookStreamIsReadWithinItsRecords() throws {
        let file = try ZipFile(path: Self.path)
        let good = try CompoundFile.workbookStream(file.bytes(at: 0, count: file.size))
        var texts = 0
        for seed in FuzzPlan.seeds(default: 200, salt: 0x464F_524D) {
            var rng = SplitMix64(seed: seed)
            let stream = XLSXReaderFuzzTests.damaged(good, &rng)
            let book = BIFFWorkbook(stream: stream)
            for i in book.sheetOffsets.indices { texts += book.sheet(i)?.texts.count ?? 0 }
        }
        XCTAssertGreaterThan(texts, 0)
    }
}
