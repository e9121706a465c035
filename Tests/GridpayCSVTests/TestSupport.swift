import Foundation
import GridpayCSV
import XCTest

/// Path of a committed fixture file.
func fixturePath(_ name: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
        XCTFail("missing fixture \(name)", file: file, line: line)
        return "/missing-fixture/\(name)"
    }
    return url.path
}

/// Records delivered before reading stopped, and the error that stopped it (nil when the file was read whole).
struct ReadOutcome: Equatable, CustomStringConvertible {
    var records: [CSVRecord]
    var error: CSVReadError?
    var description: String { "records: \(records.map { "\($0.line):\($0.fields)" }), error: \(String(describing: error))" }
}

func read(path: String, encoding: CSVTextEncoding = .utf8, chunkSize: Int = 1 << 20) -> ReadOutcome {
    var records: [CSVRecord] = []
    do {
        let reader = try CSVReader(path: path, encoding: encoding, chunkSize: chunkSize)
        try reader.forEachRecord { records.append($0) }
        return ReadOutcome(records: records, error: nil)
    } catch let error as CSVReadError {
        return ReadOutcome(records: records, error: error)
    } catch {
        XCTFail("unexpected error type: \(error)")
        return ReadOutcome(records: records, error: nil)
    }
}

func readFixture(_ name: String, encoding: CSVTextEncoding = .utf8, chunkSize: Int = 1 << 20) -> ReadOutcome {
    read(path: fixturePath(name), encoding: encoding, chunkSize: chunkSize)
}

/// A fresh temporary directory, removed when the test ends.
func makeTemporaryDirectory(_ testCase: XCTestCase) throws -> URL {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("gridpay-csv-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    return directory
}

func writeTemporaryFile(_ testCase: XCTestCase, name: String, bytes: [UInt8]) throws -> String {
    let url = try makeTemporaryDirectory(testCase).appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func record(_ line: Int, _ fields: String...) -> CSVRecord {
    CSVRecord(line: line, fields: fields)
}
