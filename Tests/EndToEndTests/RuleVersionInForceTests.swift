import Foundation
import XCTest

/// SPEC §2/§9 (effective-dated rule versions, "the rule version in force"): a period before every
/// version's effective_from has no rule in force. It is refused, naming each version's file and
/// effective_from; an earlier period that only the history reads is "history incomplete".
final class RuleVersionInForceTests: XCTestCase {
    typealias Runner = BinaryRunner
    var inputDir: String { Runner.packageRoot.appendingPathComponent("Input").path }

    /// A rules folder holding the shipped rule files of `towns` with effective_from moved to `from`.
    func rules(_ towns: [String], from: String) throws -> Runner.TempFolder {
        let folder = try Runner.TempFolder()
        for town in towns {
            let text = try String(contentsOfFile: Runner.rulesDir + "/\(town).toml", encoding: .utf8)
            XCTAssertTrue(text.contains("effective_from = \"2026-01\""))
            try text.replacingOccurrences(of: "effective_from = \"2026-01\"", with: "effective_from = \"\(from)\"")
                .write(toFile: folder.path("\(town).toml"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The refusal, at the rule file's effective_from value (column 19; kangning line 13, qinghe 12,
    /// shuangqiao 21).
    func refusal(_ folder: Runner.TempFolder, town: String, period: String, from: String) -> String {
        "\(folder.path(town + ".toml")):\(["shuangqiao": 21, "kangning": 13, "qinghe": 12][town]!):19: error: no rule version of \(town) is in force for \(period): "
            + "\(town).toml (version 2026.1) takes effect from \(from) ([rules] effective_from); a period before \(from) needs a rule version in force for it"
    }

    /// The shipped, valid inputs of kangning 2026-10 under a rule file that takes effect from
    /// 2026-11: run, explain and close refuse the month (they ran it silently before) and nothing
    /// is written; likewise a quarter (the version in force at its first month) and a rating (at
    /// its last month).
    func testAPeriodBeforeTheOnlyVersionIsRefusedByEveryCommand() throws {
        let rulesDir = try rules(["kangning", "shuangqiao", "qinghe"], from: "2026-11")
        let out = try Runner.TempFolder()
        let ledger = try Runner.TempFolder()
        let common = ["--rules-dir", rulesDir.path, "--input-dir", inputDir, "--output-dir", out.path]
        for args in [["run", "kangning", "2026-10"], ["explain", "kangning", "2026-10", "K014"],
                     ["close", "kangning", "2026-10", "--by", "审计员", "--ledger-dir", ledger.path]] {
            let r = try Runner.run(args + common)
            XCTAssertEqual(r.status, 1, r.transcript)
            XCTAssertEqual(r.errorLines.first, refusal(rulesDir, town: "kangning", period: "2026-10", from: "2026-11"), r.transcript)
        }
        let q = try Runner.run(["run", "shuangqiao", "2026-Q3"] + common)
        XCTAssertEqual(q.status, 1, q.transcript)
        XCTAssertEqual(q.errorLines.first, refusal(rulesDir, town: "shuangqiao", period: "2026-07", from: "2026-11"), q.transcript)
        let rate = try Runner.run(["rate", "qinghe", "2026-H2", "--ledger-dir", ledger.path] + common)
        XCTAssertEqual(rate.status, 1, rate.transcript)
        let early = try rules(["qinghe"], from: "2027-01")
        let year = try Runner.run(["rate", "qinghe", "2026", "--ledger-dir", ledger.path, "--rules-dir", early.path, "--input-dir", inputDir, "--output-dir", out.path])
        XCTAssertEqual(year.errorLines.first, refusal(early, town: "qinghe", period: "2026-12", from: "2027-01"), year.transcript)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [])
    }

    /// qinghe's rule file moved to take effect from 2026-10: 2026-10 runs, but its history months
    /// 2026-08 and 2026-09 (inputs present) have no version in force, so the history is incomplete
    /// (no 建议更换 can be raised), not computed under a rule that did not apply.
    func testEarlierMonthsWithoutAVersionInForceAreHistoryIncomplete() throws {
        let rules = try Runner.TempFolder()
        let text = try String(contentsOfFile: Runner.rulesDir + "/qinghe.toml", encoding: .utf8)
        try text.replacingOccurrences(of: "effective_from = \"2026-01\"", with: "effective_from = \"2026-10\"")
            .write(toFile: rules.path("qinghe.toml"), atomically: true, encoding: .utf8)
        let out = try Runner.TempFolder()
        let r = try Runner.run(["run", "qinghe", "2026-10", "--quiet", "--rules-dir", rules.path, "--input-dir", inputDir, "--output-dir", out.path])
        XCTAssertEqual(r.status, 0, r.transcript)
        for m in ["2026-08", "2026-09"] {
            XCTAssertTrue(r.warningLines.contains("warning: history incomplete: no usable rule version for \(m): no rule version of qinghe is in force for \(m): "
                + "qinghe.toml (version 2026.1) takes effect from 2026-10 ([rules] effective_from); a period before 2026-10 needs a rule version in force for it"), r.transcript)
        }
        // The run itself before it is refused.
        let early = try Runner.run(["run", "qinghe", "2026-09", "--rules-dir", rules.path, "--input-dir", inputDir, "--output-dir", out.path])
        XCTAssertEqual(early.status, 1, early.transcript)
        // check: the tests whose period is 2026-09 still run, under this version (raising effective_from
        // does not orphan them, issue 24): they pass, as the rules are the same.
        let check = try Runner.run(["check", rules.path("qinghe.toml")])
        XCTAssertEqual(check.status, 0, check.transcript)
        XCTAssertEqual(check.stdoutLines.last { !$0.isEmpty }, "\(rules.path("qinghe.toml")): rules qinghe version 2026.1 are valid; 4 passed, 0 failed", check.transcript)
    }

    /// A folder of versions: every version is named with its effective_from, earliest first.
    func testAFolderOfVersionsNamesEachVersion() throws {
        let rules = try Runner.TempFolder()
        try FileManager.default.createDirectory(atPath: rules.path("qinghe"), withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Runner.rulesDir + "/qinghe.toml", encoding: .utf8)
        for (file, from, version) in [("b.toml", "2026-11", "2026.3"), ("a.toml", "2026-09", "2026.2")] {
            try text.replacingOccurrences(of: "effective_from = \"2026-01\"", with: "effective_from = \"\(from)\"")
                .replacingOccurrences(of: "version = \"2026.1\"", with: "version = \"\(version)\"")
                .write(toFile: rules.path("qinghe/\(file)"), atomically: true, encoding: .utf8)
        }
        let out = try Runner.TempFolder()
        let r = try Runner.run(["run", "qinghe", "2026-08", "--rules-dir", rules.path, "--input-dir", inputDir, "--output-dir", out.path])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines.first, "\(rules.path("qinghe/a.toml")):12:19: error: no rule version of qinghe is in force for 2026-08: "
            + "qinghe/a.toml (version 2026.2) takes effect from 2026-09; qinghe/b.toml (version 2026.3) takes effect from 2026-11 ([rules] effective_from); "
            + "a period before 2026-09 needs a rule version in force for it", r.transcript)
    }
}
