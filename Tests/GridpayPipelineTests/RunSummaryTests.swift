import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// The summary `run` prints: workers, total payable (in words too), the change against the period
/// before from its last run (the ledger's published total is put in by LedgerCommands).
final class RunSummaryTests: XCTestCase {
    func n(_ s: String) -> ExactNumber { ExactNumber(decimalText: s)! }

    func summary(total: String?, previous: (String, Bool)?) -> RunSummary {
        RunSummary(town: "qinghe", townName: "清河镇", period: "2026-10", workers: 53, totalPayable: total.map(n),
                   previousPeriod: "2026-09", previous: previous.map { RunSummary.Previous(period: "2026-09", totalPayable: n($0.0), closed: $0.1) })
    }

    func testWordedInChineseAndEnglish() {
        // 98,821.91 − 100,888.67 = −2,066.76; / 100,888.67 = −2.0486…% → −2.05%.
        let down = summary(total: "98821.91", previous: ("100888.67", true))
        XCTAssertEqual(down.change, n("-2066.76"))
        XCTAssertEqual(down.changePercent, n("-2.05"))
        XCTAssertEqual(Language.with(.zh) { down.lines }, [
            "清河镇 2026-10：网格员 53 人，实发绩效合计 98,821.91 元（人民币玖万捌仟捌佰贰拾壹元玖角壹分）",
            "比上期 2026-09 减少 2,066.76 元（-2.05%）；上期合计 100,888.67 元，为结账公布数",
        ])
        XCTAssertEqual(Language.with(.en) { down.lines }, [
            "qinghe 2026-10 (清河镇): 53 workers, total payable 98,821.91 yuan",
            "against 2026-09: -2,066.76 yuan (-2.05%); 2026-09 total 100,888.67 yuan, as closed and published",
        ])
        // 1,000.00 → 1,234.50: +234.50, +23.45%; from a last run, not closed.
        let up = summary(total: "1234.5", previous: ("1000", false))
        XCTAssertEqual(Language.with(.zh) { up.lines }[1], "比上期 2026-09 增加 234.50 元（+23.45%）；上期合计 1,000.00 元，为上次运行结果（未结账）")
        // From 0 there is no percentage.
        XCTAssertEqual(Language.with(.en) { summary(total: "5", previous: ("0", false)).lines }[1],
                       "against 2026-09: +5.00 yuan; 2026-09 total 0.00 yuan, as last run (not closed)")
        XCTAssertEqual(Language.with(.zh) { summary(total: "5", previous: ("5", true)).lines }[1], "与上期 2026-09 持平；上期合计 5.00 元，为结账公布数")
        XCTAssertEqual(Language.with(.zh) { summary(total: "0", previous: nil).lines },
                       ["清河镇 2026-10：网格员 53 人，实发绩效合计 0.00 元（人民币零元整）", "上期 2026-09 未结账，也没有运行结果，无从比较"])
        XCTAssertEqual(Language.with(.zh) { summary(total: nil, previous: nil).lines }, ["清河镇 2026-10：网格员 53 人；未设绩效工资（规则文件无 [pay]）"])
    }

    func testMoneyHasThousandsSeparators() {
        XCTAssertEqual(RunSummary.money(n("0")), "0.00")
        XCTAssertEqual(RunSummary.money(n("999.5")), "999.50")
        XCTAssertEqual(RunSummary.money(n("1000")), "1,000.00")
        XCTAssertEqual(RunSummary.money(n("-1234567.891")), "-1,234,567.89")
    }

    /// The previous month's total from its last run: the sum of 实发绩效 in the pay CSV its manifest
    /// lists (qinghe 2026-09: 100,888.67), and none once that CSV no longer has the manifest's hash.
    func testPreviousTotalFromTheLastRunWhenItsPayCSVIsTheOneRecorded() throws {
        let tmp = TemporaryFolder()
        guard case .success(let september) = MonthRunner.run(TestTown.sample("qinghe", "2026-09", output: tmp.path)) else { return XCTFail("2026-09 did not run") }
        XCTAssertNil(september.summary?.previous, "2026-08 was not run")
        guard case .success(let october) = MonthRunner.run(TestTown.sample("qinghe", "2026-10", output: tmp.path)) else { return XCTFail("2026-10 did not run") }
        XCTAssertEqual(september.summary?.totalPayable, n("100888.67"))
        XCTAssertEqual(october.summary?.workers, 53)
        XCTAssertEqual(october.summary?.totalPayable, n("98821.91"))
        XCTAssertEqual(october.summary?.previous, RunSummary.Previous(period: "2026-09", totalPayable: n("100888.67"), closed: false))
        let csv = "\(tmp.path)/qinghe/2026-09/qinghe-2026-09-pay.csv"
        try (String(contentsOfFile: csv, encoding: .utf8) + "\r\n").write(toFile: csv, atomically: true, encoding: .utf8)
        XCTAssertNil(RunSummary.lastRun(town: "qinghe", period: "2026-09", outputDir: tmp.path))
    }
}
