import Foundation
import XCTest
@testable import GridpayConsole

/// The console keeps parsed rule files and pay CSVs while their files stay as they were (issue 23's
/// load): a value is made once, and made again when a file changes, appears or goes.
final class StatCacheTests: XCTestCase {
    func testAValueIsMadeAgainOnlyWhenItsFilesChange() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gridpay-statcache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = "\(folder)/a.toml", b = "\(folder)/b.toml"
        try "one".write(toFile: a, atomically: false, encoding: .utf8)
        let cache = StatCache<String>()
        var made = 0
        func read() -> String { cache.value("k", paths: [a, b]) { made += 1; return (try? String(contentsOfFile: a, encoding: .utf8)) ?? "" } }
        XCTAssertEqual(read(), "one")
        XCTAssertEqual(read(), "one")
        XCTAssertEqual(made, 1, "the files did not change")
        try "two!".write(toFile: a, atomically: false, encoding: .utf8)
        XCTAssertEqual(read(), "two!")
        XCTAssertEqual(made, 2, "a changed file")
        // Same size, written again through a new file (as an adoption or an atomic write does): a new inode.
        try "six!".write(toFile: a, atomically: true, encoding: .utf8)
        XCTAssertEqual(read(), "six!")
        try "b".write(toFile: b, atomically: false, encoding: .utf8)
        _ = read()
        XCTAssertEqual(made, 4, "a file that appeared")
        try FileManager.default.removeItem(atPath: b)
        _ = read()
        XCTAssertEqual(made, 5, "a file that went")
        _ = read()
        XCTAssertEqual(made, 5)
    }
}
