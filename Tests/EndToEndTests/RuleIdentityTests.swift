import Foundation
import GridpayHash
import XCTest

/// Issue 24 part 3: a rule file's identity is its bytes, never its path. qinghe.toml moved into
/// Rules/qinghe/2026.1.toml with identical bytes is the same rule file to run, verify and compare
/// of closed months; changed bytes are refused with both hashes and where they differ.
final class RuleIdentityTests: XCTestCase {
    typealias Runner = BinaryRunner
    var inputDir: String { Runner.packageRoot.appendingPathComponent("Input").path }

    func testTheSameBytesMovedIntoAVersionsFolderAreTheSameRuleFile() throws {
        let root = try Runner.TempFolder()
        let rules = root.path("Rules"), out = root.path("Output"), ledger = root.path("Ledger")
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        let shipped = try Data(contentsOf: URL(fileURLWithPath: Runner.rulesDir + "/qinghe.toml"))
        try shipped.write(to: URL(fileURLWithPath: rules + "/qinghe.toml"))
        let common = ["--rules-dir", rules, "--input-dir", inputDir, "--output-dir", out, "--ledger-dir", ledger, "--quiet"]
        for m in ["2026-08", "2026-09"] {
            let c = try Runner.run(["close", "qinghe", m, "--by", "张三"] + common)
            XCTAssertEqual(c.status, 0, c.transcript)
        }
        let published = Runner.snapshot(out + "/qinghe/2026-09")
        XCTAssertEqual(published.keys.filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".csv") || $0.hasSuffix(".json") }.count, 3)

        // Moved, bytes unchanged.
        try FileManager.default.createDirectory(atPath: rules + "/qinghe", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: rules + "/qinghe.toml", toPath: rules + "/qinghe/2026.1.toml")
        try FileManager.default.removeItem(atPath: out)
        let run = try Runner.run(["run", "qinghe", "2026-09"] + common)
        XCTAssertEqual(run.status, 0, run.transcript)
        // The same bytes as published: 说明 and the manifest name the file it was closed with.
        XCTAssertEqual(Runner.snapshot(out + "/qinghe/2026-09"), published)
        let verify = try Runner.run(["verify", "qinghe", "2026-09", "--input-dir", inputDir, "--ledger-dir", ledger])
        XCTAssertEqual(verify.status, 0, verify.transcript)
        let candidate = root.path("candidate.toml")
        try shipped.write(to: URL(fileURLWithPath: candidate))
        let compare = try Runner.run(["compare", "qinghe", "2026-09", "--rules", candidate] + common)
        XCTAssertEqual(compare.status, 0, compare.transcript)
        XCTAssertTrue(compare.stdout.contains("总分 changes for 0, 排名 for 0, flags or 等次 for 0, 实发绩效 for 0"), compare.transcript)

        // One byte more: refused, naming both full hashes and where they first differ.
        var changed = shipped
        changed.append(contentsOf: Array("\n".utf8))
        try changed.write(to: URL(fileURLWithPath: rules + "/qinghe/2026.1.toml"))
        let was = try SHA256Digest.hex([UInt8](shipped)), now = try SHA256Digest.hex([UInt8](changed))
        let refused = try Runner.run(["run", "qinghe", "2026-09"] + common)
        XCTAssertEqual(refused.status, 1, refused.transcript)
        let digit = Array(was).indices.first { Array(was)[$0] != Array(now)[$0] }!
        let at = { (h: String) in String(h.dropFirst(digit).prefix(8)) }
        XCTAssertEqual(refused.errorLines.first, "error: \(rules)/qinghe/2026.1.toml: SHA-256 \(now) differs from the ledger's \(was) "
            + "(they differ from hex digit \(digit + 1) on: \(digit == 0 ? "" : "…")\(at(now)) against \(digit == 0 ? "" : "…")\(at(was)); "
            + "rule file qinghe.toml, version 2026.1)", refused.transcript)
    }
}
