import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// A table that declares both `worker` and `group` (README: tables keyed by a group): a row
/// belongs to its group and may name one worker of it; each per-row deduction applies to the
/// named worker (`applies_to = "worker"`) or to every worker of the row's group ("group").
final class MixedTableTests: XCTestCase {
    static let rules = #"""
    \#(TestTown.header("mix"))

    \#(TestTown.roster(unit: "科室", group: "片区"))

    [tables.events]
    file = "events.csv"
    worker = "人"
    group = "片区"
    columns = [
      { name = "单号", type = "id" },
      { name = "片区", type = "id" },
      { name = "人", type = "id", optional = true },
      { name = "类型", type = "choice", values = ["本人", "外来"] },
      { name = "分", type = "integer" },
    ]

    [values]
    "本人次数" = 'count(events)'

    [[items]]
    name = "本人"
    full = 0
      [[items.deductions]]
      table = "events"
      applies_to = "worker"
      points = '-分'
      reason = "本人 {单号}"

    [[items]]
    name = "连带"
    full = 0
      [[items.deductions]]
      table = "events"
      applies_to = "group"
      when = '类型 == "外来"'
      points = '-分'
      yuan = '分'
      reason = "连带 {单号}"

    [pay]
    base = '0'
    score_pay = '0'
    """#

    func testRowsApplyToTheNamedWorkerOrToEveryMemberOfTheGroup() throws {
        let tmp = TemporaryFolder()
        let dir = "\(tmp.path)/mix/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "编号,姓名,科室,片区\nA1,一,甲,Q1\nA2,二,甲,Q1\nA3,三,乙,Q1\nB1,四,乙,Q2\n".write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        // line 2: A1's own (−2); line 3: nobody named in Q1 → A1, A2, A3 each −3 (3 yuan);
        // line 4: B1's own (−1).
        try "单号,片区,人,类型,分\nE1,Q1,A1,本人,2\nE2,Q1,,外来,3\nE3,Q2,B1,本人,1\n".write(toFile: "\(dir)/events.csv", atomically: true, encoding: .utf8)
        guard case .success(let rules) = RuleLoader.load(text: Self.rules, file: "mix.toml") else { return XCTFail("rules") }
        var request = RunRequest(town: "mix", period: Period.parse("2026-10")!)
        request.inputDir = tmp.path
        guard case .success(let m) = MonthRunner.prepare(request, rules: { _ in .success(LoadedRules(path: "mix.toml", text: Self.rules, sha256: "", rules: rules)) }) else {
            return XCTFail("prepare")
        }
        func w(_ id: String) -> WorkerReport { m.report.workers.first { $0.id == id }! }
        XCTAssertEqual(["A1", "A2", "A3", "B1"].map { w($0).items.map(\.description) }, [["-2", "-3"], ["0", "-3"], ["0", "-3"], ["-1", "0"]])
        XCTAssertEqual(["A1", "A2", "B1"].map { w($0).deductions.description }, ["3", "3", "0"])
        // An aggregate counts the rows that name the worker (A1: 1, A2: 0).
        XCTAssertEqual(try MonthReport.lookup("本人次数", worker: w("A1"), in: m.scoring), .number(ExactNumber(1)))
        XCTAssertEqual(try MonthReport.lookup("本人次数", worker: w("A2"), in: m.scoring), .number(.zero))
        // One 扣分明细 line per member, each naming events.csv line 3.
        let shared = m.report.workers.flatMap { r in r.records.filter { $0.reason == "连带 E2" }.map { "\(r.id) \($0.file ?? ""):\($0.line ?? 0) \($0.points)" } }
        XCTAssertEqual(shared.sorted(), ["A1 events.csv:3 -3", "A2 events.csv:3 -3", "A3 events.csv:3 -3"])
    }

    func testAppliesToIsCheckedWhereItIsWritten() {
        let bad = Self.rules.replacingOccurrences(of: #"applies_to = "group""#, with: #"applies_to = "everyone""#)
        guard case .failure(let f) = RuleLoader.load(text: bad, file: "mix.toml") else { return XCTFail("must fail") }
        let line = bad.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("everyone") }! + 1
        XCTAssertEqual(f.diagnostics.map(\.description).filter { $0.contains("applies_to") },
                       ["mix.toml:\(line):17: error: applies_to is \"worker\" (the worker the row names) or \"group\" (every worker of the row's group), for a per-row deduction on a table that declares group = \"…\""])
    }
}
