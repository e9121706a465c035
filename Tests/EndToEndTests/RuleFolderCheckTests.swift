import Foundation
import XCTest

/// Issue 24 part 2: `gridpay check Rules/<town>` checks a town's folder of versions: every version,
/// each one's [[tests]] under that version, and the versions together (one town, no two taking
/// effect at once or sharing a version, each in force for some period, spans printed).
final class RuleFolderCheckTests: XCTestCase {
    typealias Runner = BinaryRunner

    /// Rules/<town>.toml with each (old, new) replaced once, written as `folder/name`.
    func version(_ town: String, into folder: String, name: String, _ replacements: [(String, String)]) throws {
        var text = try String(contentsOfFile: "\(Runner.rulesDir)/\(town).toml", encoding: .utf8)
        for (old, new) in replacements {
            XCTAssertEqual(text.components(separatedBy: old).count, 2, "'\(old)' must occur once in \(town).toml")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
    }

    /// `check Rules` (a folder of towns' rule files, each named after its town): every file checked
    /// on its own, none taken for a version of a town called "Rules" (issue 21 audit); exit 0.
    func testAFolderOfTownsChecksEachFileOnItsOwn() throws {
        let zh = try Runner.run(["check", "Rules"], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(zh.status, 0, zh.transcript)
        XCTAssertEqual(zh.stderr, "", zh.transcript)
        // The shipped towns and their [[tests]] (counted, so that a town or a test added keeps this true).
        let towns = try FileManager.default.contentsOfDirectory(atPath: Runner.rulesDir).filter { $0.hasSuffix(".toml") }.count
        let passed = zh.stdoutLines.filter { $0.hasPrefix("通过 Rules/") }.count
        XCTAssertTrue(zh.stdoutLines.contains { $0.hasPrefix("Rules/qinghe.toml：qinghe 的规则（版本 ") }, zh.transcript)
        XCTAssertEqual(zh.stdoutLines.last, "Rules：各镇的规则文件 \(towns) 个，\(towns) 个有效；测试：通过 \(passed) 个，未通过 0 个（这是存放各镇规则文件的文件夹，每个文件单独检查）", zh.transcript)
        let en = try Runner.run(["check", "Rules"])
        XCTAssertEqual(en.status, 0, en.transcript)
        XCTAssertEqual(en.stdoutLines.last, "Rules: \(towns) towns' rule file(s), \(towns) valid; tests: \(passed) passed, 0 failed (a folder of towns' rule files, each checked on its own)", en.transcript)
    }

    /// 2026.1 (the shipped file) and 2026.2 (a missed 镇 check costs 8 points, effective_from raised
    /// to 2026-11). 2026.2's copied tests name 2026-09: they still run, under 2026.2; the one that
    /// pinned the old amount fails at its values (W1: 电话畅通 20 − 5 → 20 − 8 = 12, 总分 5.3 − 3 = 2.3,
    /// 考核绩效 2000 × 2.3% = 46, 未扣足 180 − 46 = 134) and a note says what to do.
    func testEveryVersionIsCheckedAndAnOrphanedTestSaysWhatToDo() throws {
        let root = try Runner.TempFolder()
        let folder = root.path("qinghe")
        try version("qinghe", into: folder, name: "2026.1.toml", [])
        try version("qinghe", into: folder, name: "2026.2.toml", [("version = \"2026.1\"", "version = \"2026.2\""),
                                                                   ("effective_from = \"2026-01\"", "effective_from = \"2026-11\""),
                                                                   ("  points = '-5'\n  yuan = '30'", "  points = '-8'\n  yuan = '30'")])
        let r = try Runner.run(["check", folder])
        XCTAssertEqual(r.status, 1, r.transcript)
        let v2 = "\(folder)/2026.2.toml"
        let test = "test 'two-worker grid mean, negative event item, tiered dispatch, shortfall'"
        XCTAssertEqual(r.errorLines, [
            "\(v2):277:1: error: \(test): W1 电话畅通 is 12, expected 15",
            "\(v2):279:1: error: \(test): W1 总分 is 2.3, expected 5.3",
            "\(v2):281:1: error: \(test): W1 考核绩效 is 46, expected 106",
            "\(v2):284:1: error: \(test): W1 未扣足 is 134, expected 74",
        ], r.transcript)
        XCTAssertTrue(r.stderrLines.contains("\(v2):224:1: note: \(test) tests 2026-09, before this version takes effect (effective_from 2026-11); "
            + "it was run under this version all the same. If this version changed what the test pinned, update its expected values; "
            + "or keep the test in the version in force for 2026-09 and give this version tests of a period from 2026-11 on "
            + "(period = \"2026-11\", with the dates of its inputs in that period)"), r.transcript)
        XCTAssertEqual(Array(r.stdoutLines.filter { !$0.isEmpty }.suffix(4)), [
            "\(folder)/2026.2.toml: rules qinghe version 2026.2 are valid; 3 passed, 1 failed",
            "2026.1.toml (version 2026.1): in force 2026-01 … 2026-10",
            "2026.2.toml (version 2026.2): in force from 2026-11 on",
            "\(folder): 2 version(s), 2 valid; tests: 7 passed, 1 failed; 0 error(s) in the folder",
        ], r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("\(folder)/2026.1.toml: rules qinghe version 2026.1 are valid; 4 passed, 0 failed"), r.transcript)
    }

    /// Two versions taking effect at once, a version number used twice, a file of another town:
    /// each an error at its place; a quarter town's version taking effect inside a quarter: a warning
    /// naming the quarter it really starts with.
    func testOverlapsSharedVersionsOtherTownsAndMidPeriodStarts() throws {
        let root = try Runner.TempFolder()
        let folder = root.path("qinghe")
        try version("qinghe", into: folder, name: "2026.1.toml", [])
        try version("qinghe", into: folder, name: "2026.2.toml", [("effective_from = \"2026-01\"", "effective_from = \"2026-11\"")])
        try version("qinghe", into: folder, name: "2026.3.toml", [("version = \"2026.1\"", "version = \"2026.3\""),
                                                                   ("effective_from = \"2026-01\"", "effective_from = \"2026-11\"")])
        try version("kangning", into: folder, name: "kangning.toml", [("effective_from = \"2026-01\"", "effective_from = \"2025-01\"")])
        let r = try Runner.run(["check", folder])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, [
            "\(folder)/kangning.toml:1:1: error: kangning.toml is a rule file of town 'kangning', but the folder holds versions of 'qinghe'; "
                + "expected [rules] town = \"qinghe\", or the file moved to the folder of its own town",
            "\(folder)/2026.2.toml:12:19: error: 2026.2.toml and 2026.1.toml are both version 2026.1 ([rules] version): outputs and the ledger name a rule file "
                + "by its version, so versions must differ; give the newer one a new version",
            "\(folder)/2026.3.toml:12:19: error: 2026.3.toml and 2026.2.toml both take effect from 2026-11 ([rules] effective_from): which of them is in force "
                + "from 2026-11 is ambiguous; give the newer one a later effective_from, or remove the older",
        ], r.transcript)
        XCTAssertEqual(r.stdoutLines.last { !$0.isEmpty }, "\(folder): 4 version(s), 4 valid; tests: 14 passed, 0 failed; 3 error(s) in the folder", r.transcript)

        let quarters = root.path("shuangqiao")
        try version("shuangqiao", into: quarters, name: "2026.1.toml", [])
        try version("shuangqiao", into: quarters, name: "2026.2.toml", [("version = \"2026.1\"", "version = \"2026.2\""),
                                                                         ("effective_from = \"2026-01\"", "effective_from = \"2026-05\"")])
        let q = try Runner.run(["check", quarters])
        XCTAssertEqual(q.status, 0, q.transcript)
        XCTAssertEqual(q.warningLines, ["\(quarters)/2026.2.toml:21:19: warning: 2026.2.toml takes effect from 2026-05, inside 2026-Q2, which is assessed under "
            + "the version in force at its first month; so it applies from 2026-Q3 on: expected effective_from = \"2026-07\" if that is meant"], q.transcript)
        XCTAssertEqual(Array(q.stdoutLines.filter { $0.contains("in force") }), [
            "2026.1.toml (version 2026.1): in force 2026-Q1 … 2026-Q2", "2026.2.toml (version 2026.2): in force from 2026-Q3 on"], q.transcript)
    }
}
