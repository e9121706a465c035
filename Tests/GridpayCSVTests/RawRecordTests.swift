import XCTest
@testable import GridpayCSV

final class RawRecordTests: XCTestCase {
    func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { isValidUTF8($0) } }

    func testUTF8ValidatorAgreesWithTheStandardLibrary() {
        XCTAssertTrue(valid(Array("网格员编号,QH0001 and more ASCII than eight".utf8)))
        XCTAssertTrue(valid([0xF0, 0x9F, 0x98, 0x80]))          // U+1F600
        XCTAssertFalse(valid([0xC0, 0x80]))                     // overlong NUL
        XCTAssertFalse(valid([0xE0, 0x80, 0x80]))               // overlong
        XCTAssertFalse(valid([0xED, 0xA0, 0x80]))               // surrogate
        XCTAssertFalse(valid([0xF4, 0x90, 0x80, 0x80]))         // above U+10FFFF
        XCTAssertFalse(valid([0xE7, 0xBD]))                     // cut short
        XCTAssertFalse(valid(Array("abcdefgh".utf8) + [0xFF]))  // after the fast path
        // Every two-byte sequence, compared with String(validating:).
        for a in 0...255 {
            for b in 0...255 {
                let bytes: [UInt8] = [UInt8(a), UInt8(b)]
                XCTAssertEqual(valid(bytes), String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
            }
        }
    }

    func testRawRecordsMatchStringRecords() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("raw-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "\u{FEFF}a,b,c\r\n1,\"x,\"\"y\"\"\",网格\r\n\r\n2,,\"multi\nline\"\n"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        var strings: [CSVRecord] = []
        try CSVReader(path: path, encoding: .utf8).forEachRecord { strings.append($0) }
        var raw: [CSVRecord] = []
        try CSVReader(path: path, encoding: .utf8, chunkSize: 3).forEachRawRecord { r in
            raw.append(CSVRecord(line: r.line, fields: r.strings))
            XCTAssertEqual(r.field(0).count, r.string(0).utf8.count)
        }
        XCTAssertEqual(raw, strings)
        XCTAssertEqual(raw.map(\.line), [1, 2, 4])
        XCTAssertEqual(raw[1].fields, ["1", "x,\"y\"", "网格"])
        XCTAssertEqual(raw[2].fields, ["2", "", "multi\nline"])
    }
}
