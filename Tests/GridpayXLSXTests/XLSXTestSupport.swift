import Foundation
import XCTest
import ZIPFoundation

/// A fresh directory per test, removed afterwards.
final class TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("gridpay-xlsx-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Every part of the .xlsx zip, decoded as UTF-8 text (all parts we check are XML).
func readParts(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: String] {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    var parts: [String: String] = [:]
    for entry in archive {
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        parts[entry.path] = String(decoding: data, as: UTF8.self)
    }
    return parts
}

func part(_ parts: [String: String], _ name: String, file: StaticString = #filePath,
          line: UInt = #line) throws -> String {
    try XCTUnwrap(parts[name], "missing part \(name); have \(parts.keys.sorted())", file: file, line: line)
}

func assertContains(_ haystack: String, _ needle: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(haystack.contains(needle), "expected to find\n  \(needle)\nin\n  \(haystack)",
                  file: file, line: line)
}
