import Foundation
import XCTest
@testable import GridpayCore

/// The function catalog is the one place a function is declared: the README's reference is
/// generated from it, and every function has a test of its family under Tests/GridpayCoreTests.
final class FunctionCatalogTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// README.md between the markers is FunctionReference.markdown(); re-record with
    /// GRIDPAY_RECORD_GOLDEN=1 swift test --filter FunctionCatalogTests.
    func testTheReadmesFunctionReferenceIsCurrent() throws {
        let url = Self.packageRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let updated = try XCTUnwrap(FunctionReference.updating(readme), "README.md lacks the markers \(FunctionReference.beginMarker) … \(FunctionReference.endMarker)")
        if ProcessInfo.processInfo.environment["GRIDPAY_RECORD_GOLDEN"] == "1", updated != readme {
            try updated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertTrue(updated == readme, "README.md's function reference is stale: GRIDPAY_RECORD_GOLDEN=1 swift test --filter FunctionCatalogTests")
    }

    func testEveryFunctionIsDeclaredOnceAndDocumented() {
        let names = FunctionCatalog.entries.map(\.name)
        XCTAssertEqual(names.count, Set(names).count, "a name declared twice")
        for e in FunctionCatalog.entries {
            XCTAssertTrue(e.usage.hasPrefix(e.name + "("), e.name)
            XCTAssertFalse(e.summary.isEmpty, e.name)
            XCTAssertTrue(FunctionReference.markdown().contains("`\(e.usage)`"), e.name)
        }
    }

    /// Adding a function means adding its test: each name is called in a test of its family.
    func testEveryFunctionIsCalledInAFamilyTest() throws {
        let dir = Self.packageRoot.appendingPathComponent("Tests/GridpayCoreTests")
        var sources = ""
        for case let url as URL in FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            guard url.lastPathComponent != "FunctionCatalogTests.swift" else { continue }
            sources += try String(contentsOf: url, encoding: .utf8)
        }
        for e in FunctionCatalog.entries {
            XCTAssertTrue(sources.contains("\(e.name)("), "no test calls \(e.name)()")
        }
    }

    /// The evaluator reads the catalog's implementation: a scalar entry evaluates without a row.
    func testScalarImplementationsComeFromTheCatalog() throws {
        let loc = SourceLocation(file: "t", line: 1, column: 1)
        let round = FunctionCatalog.scalar("round")
        XCTAssertEqual(try round.evaluate([.number(ExactNumber(decimalText: "2.345")!), .number(ExactNumber(2))], loc), .number(ExactNumber(decimalText: "2.35")!))
        XCTAssertEqual(try FunctionCatalog.scalar("is_empty").evaluate([.empty], loc), .bool(true))
    }
}
