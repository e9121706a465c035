import Foundation
import XCTest

/// The history providers' errors (GridpayPipeline's MonthReader, GridpayLedger's LedgerHistory):
/// consecutive() asks an earlier period for a value that the rule version in force there, or
/// the ledger's published results, do not have. The error points at the consecutive() call.
/// qinghe's rule file in two versions: a.toml as shipped (from 2026-01) and b.toml from 2026-10
/// with 末位 renamed 垫底, so that October asks September for 垫底.
final class HistoryProviderMessageTests: XCTestCase {
    typealias Runner = BinaryRunner
    var inputDir: String { Runner.packageRoot.appendingPathComponent("Input").path }

    func versions(renamed: Bool) throws -> Runner.TempFolder {
        let rules = try Runner.TempFolder()
        try FileManager.default.createDirectory(atPath: rules.path("qinghe"), withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Runner.rulesDir + "/qinghe.toml", encoding: .utf8)
        try text.write(toFile: rules.path("qinghe/a.toml"), atomically: true, encoding: .utf8)
        if renamed { try addRenamedVersion(rules) }
        return rules
    }

    func addRenamedVersion(_ rules: Runner.TempFolder) throws {
        let text = try String(contentsOfFile: Runner.rulesDir + "/qinghe.toml", encoding: .utf8)
        XCTAssertTrue(text.contains("when = 'consecutive(末位, 3) and not 完成工作任务'"))
        try text.replacingOccurrences(of: "effective_from = \"2026-01\"", with: "effective_from = \"2026-10\"")
            .replacingOccurrences(of: "version = \"2026.1\"", with: "version = \"2026.2\"")
            .replacingOccurrences(of: "末位", with: "垫底")
            .write(toFile: rules.path("qinghe/b.toml"), atomically: true, encoding: .utf8)
    }

    /// Where b.toml writes consecutive(: the 建议更换 flag's `when`, line 195, column 9
    /// (`when = '` is 8 characters).
    func consecutiveCall(_ rules: Runner.TempFolder) -> String { rules.path("qinghe/b.toml") + ":195:9" }

    /// Computed from its inputs under a.toml, September has no 垫底.
    func testAnEarlierVersionWithoutTheValue() throws {
        let rules = try versions(renamed: true)
        let out = try Runner.TempFolder()
        let r = try Runner.run(["run", "qinghe", "2026-10", "--rules-dir", rules.path, "--input-dir", inputDir, "--output-dir", out.path])
        XCTAssertEqual(r.status, 1, r.transcript)
        // Only QH0052, last in October, asks September (consecutive() stops at a false month).
        XCTAssertEqual(r.errorLines.filter { $0.hasPrefix(consecutiveCall(rules)) }, [
            "\(consecutiveCall(rules)): error: worker QH0052: the rule version in force for 2026-09 (\(rules.path("qinghe/a.toml")), version 2026.1) has no value '垫底'",
        ], r.transcript)
    }

    /// August and September closed under a.toml: their published results keep 末位, not 垫底.
    func testPublishedResultsWithoutTheValue() throws {
        let rules = try versions(renamed: false)
        let out = try Runner.TempFolder()
        let ledger = try Runner.TempFolder()
        let common = ["--rules-dir", rules.path, "--input-dir", inputDir, "--output-dir", out.path, "--ledger-dir", ledger.path]
        for month in ["2026-08", "2026-09"] {
            let c = try Runner.run(["close", "qinghe", month, "--by", "审计员"] + common)
            XCTAssertEqual(c.status, 0, c.transcript)
        }
        try addRenamedVersion(rules)
        let r = try Runner.run(["run", "qinghe", "2026-10"] + common)
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines.filter { $0.hasPrefix(consecutiveCall(rules)) }, [
            "\(consecutiveCall(rules)): error: worker QH0052: the ledger's published results of 2026-09 keep no true/false value '垫底' (they keep: 末位); consecutive() can only read those",
        ], r.transcript)
    }
}
