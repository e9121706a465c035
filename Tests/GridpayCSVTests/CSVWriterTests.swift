import Foundation
import GridpayCSV
import XCTest

final class CSVWriterTests: XCTestCase {
    func testExactBytesWithBOMQuotesAndCRLF() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("tiny.csv").path
        let writer = try CSVWriter(path: path)
        try writer.write(record: ["a", "b\"c"])
        try writer.write(record: ["", "x,y"])
        try writer.close()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(bytes, [0xEF, 0xBB, 0xBF] + Array("\"a\",\"b\"\"c\"\r\n\"\",\"x,y\"\r\n".utf8))
    }

    func testNoBOMAndLFLineEnding() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("plain.csv").path
        let writer = try CSVWriter(path: path, writeUTF8BOM: false, lineEnding: "\n")
        try writer.write(record: ["张三", "1"])
        try writer.write(record: [])
        try writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, "\"张三\",\"1\"\n\n")
    }

    func testRoundTripThroughReader() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("round.csv").path
        let rows: [[String]] = [
            ["编号", "姓名", "备注"],
            ["W001", "张三", "a,b"],
            ["W002", "say \"hi\"", "line1\nline2"],
            ["W003", "=1+1", "crlf\r\ninside"],
            ["W004", "", " spaced "],
            ["only one"],
        ]
        let writer = try CSVWriter(path: path)
        for row in rows { try writer.write(record: row) }
        try writer.close()
        let outcome = read(path: path, chunkSize: 5)
        XCTAssertNil(outcome.error)
        XCTAssertEqual(outcome.records.map(\.fields), rows)
        XCTAssertEqual(outcome.records.map(\.line), [1, 2, 3, 5, 7, 8])
    }

    func testCannotCreateInMissingDirectory() {
        let path = "/nonexistent-gridpay-dir/out.csv"
        XCTAssertThrowsError(try CSVWriter(path: path)) { error in
            XCTAssertEqual(error as? CSVWriteError, .cannotCreate(path: path, reason: "No such file or directory"))
        }
    }

    func testFullDiskIsReportedByClose() throws {
        // /dev/full accepts the buffered writes; the flush in fclose fails with ENOSPC.
        let writer = try CSVWriter(path: "/dev/full")
        try writer.write(record: ["a"])
        XCTAssertThrowsError(try writer.close()) { error in
            XCTAssertEqual(error as? CSVWriteError, .closeFailed(path: "/dev/full", reason: "No space left on device"))
        }
    }

    func testWriteAfterCloseIsAnError() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("closed.csv").path
        let writer = try CSVWriter(path: path)
        try writer.close()
        try writer.close()  // closing twice is harmless
        XCTAssertThrowsError(try writer.write(record: ["x"])) { error in
            XCTAssertEqual(error as? CSVWriteError, .alreadyClosed(path: path))
        }
    }
}
