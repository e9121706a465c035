import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayLedger
@testable import GridpayPipeline

/// SPEC §17: a rule file without [pay] is valid; its outputs have no 绩效工资 sheet, no pay CSV
/// and no 工资条, and nothing else pretends there is pay (explain, compare, close, status).
final class NoPayTownTests: XCTestCase {
    static let rules = TestTown.withMarks("np", rest: TestTown.markedItem)

    /// Its March: A loses 2.5 of 10, B none.
    static func town() throws -> TownFolder {
        let town = try TownFolder("np", rules: rules)
        try town.write(month: "2026-03", ["roster.csv": "编号,姓名,村,网格\nA,甲,东村,G1\nB,乙,东村,G1\n", "marks.csv": "记录,编号,日期,分\n1,A,2026-03-02,2.5\n"])
        return town
    }

    func testATownWithoutPayWritesNoPayAndSaysNone() throws {
        let town = try Self.town()
        guard case .success(let result) = MonthRunner.run(town.request("2026-03")) else { return XCTFail("a town without [pay] runs") }
        XCTAssertEqual(result.files, ["np-2026-03.xlsx", "np-2026-03-manifest.json"])
        let book = try WorkbookReader(path: "\(result.directory)/np-2026-03.xlsx")
        XCTAssertEqual(book.sheetOrder, ["考核汇总", "统计", "扣分明细", "数据问题", "说明"])
        // A: 10 − 2.5 = 7.5; B: 10.
        XCTAssertEqual(Array(book.row("考核汇总", 1).prefix(7)), ["1", "B", "乙", "东村", "G1", "10", "10"])
        XCTAssertEqual(Array(book.row("考核汇总", 2).prefix(7)), ["2", "A", "甲", "东村", "G1", "7.5", "7.5"])
        let about = (1...30).map { book.row("说明", $0) }.filter { !$0.isEmpty }
        XCTAssertTrue(about.contains(["绩效工资", "规则文件未设 [pay]：本考核不计发绩效工资，不出绩效工资表与工资条"]), "\(about)")
        let manifest = try String(contentsOfFile: "\(result.directory)/np-2026-03-manifest.json", encoding: .utf8)
        XCTAssertFalse(manifest.contains("-pay.csv"), manifest)

        // explain: items and total, no pay line.
        guard case .success(let m) = MonthRunner.prepare(town.request("2026-03")) else { return XCTFail() }
        let a = m.report.workers.first { $0.id == "A" }!
        let text = Explanation.text(worker: a, in: m.scoring, ruleFile: "np.toml", workerCount: 2)
        for name in [RuleLoader.payBaseName, RuleLoader.scorePayName, RuleLoader.deductionsName, RuleLoader.payableName, RuleLoader.shortfallName] {
            XCTAssertFalse(text.contains(name), text)
        }
        XCTAssertTrue(text.hasSuffix("总分 = 7.50（各项之和）   排名 2 / 2\n"), text)

        // compare: no 实发绩效 in the summary or the workbook.
        let candidatePath = "\(town.root.path)/candidate.toml"
        try Self.rules.replacingOccurrences(of: "points = '-分'", with: "points = '-2 * 分'").write(toFile: candidatePath, atomically: true, encoding: .utf8)
        guard case .success(let compared) = CompareRunner.run(CompareRequest(run: town.request("2026-03"), candidate: candidatePath)) else { return XCTFail("compare") }
        let summary = compared.comparison.summary()
        XCTAssertFalse(summary.contains("实发") || summary.contains("payable"), summary)
        XCTAssertTrue(summary.contains("  A 甲: 总分 7.50 → 5.00 (-2.50)\n"), summary)
        let cbook = try WorkbookReader(path: compared.path)
        XCTAssertEqual(cbook.row("比较", 0).filter { $0.contains("实发") }, [])
        // The item columns come right after 标记或等次变化: A's 考核 7.5 → 5 (−2.5).
        XCTAssertEqual(Array(cbook.row("比较", 0).suffix(4)), ["标记或等次变化", "考核现行", "考核拟议", "考核差额"])
        XCTAssertEqual(Array(cbook.row("比较", 2).suffix(3)), ["7.5", "5", "-2.5"])
        XCTAssertEqual(cbook.row("单位汇总", 0).filter { $0.contains("实发") }, [])

        // close and status: no total payable.
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        guard case .success(let closed) = LedgerCommands.close(town.request("2026-03"), by: "张三", ledgerDir: town.ledgerDir, now: at) else { return XCTFail("close") }
        XCTAssertEqual(closed.lines.dropLast().last, "closed np 2026-03 by 张三 at 2026-05-28 20:26:40 +00:00: 2 workers, rule version 1; recorded in \(town.ledgerDir)/np.sqlite")
        guard case .success(let status) = LedgerCommands.status(town: "np", inputDir: town.inputDir, ledgerDir: town.ledgerDir, zone: TimeZone(identifier: "UTC")!) else { return XCTFail("status") }
        XCTAssertEqual(status.lines[2], "2026-03 | 张三 | 2026-05-28 20:26:40 +00:00 | 1 | 2 | — (no pay: the rule file has no [pay])")
    }

    func testYuanOrAnAwardWithoutPayIsRefused() throws {
        let yuan = Self.rules.replacingOccurrences(of: "points = '-分'", with: "points = '-分'\n  yuan = '30'")
        guard case .failure(let f) = RuleLoader.load(text: yuan, file: "np.toml") else { return XCTFail("yuan without [pay]") }
        XCTAssertEqual(f.diagnostics.map(\.description), [
            "np.toml:37:3: error: item '考核' deducts yuan, but the rule file has no [pay] section (a town without [pay] pays nothing from the assessment); add [pay] with base and score_pay, or remove the yuan",
        ])
    }
}
