import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayLedger
@testable import GridpayPipeline

/// SPEC §9 and §17 on the shipped Rules/xinhe.toml with the ledger: what can be closed, and
/// the year reading its closed half-year as published.
///
/// A year of two workers: A (网格长) and B (网格员) all year. Findings: March A 党建 2; May B
/// 统计工作 1.5; August A 综治维稳 1. No forums.
/// 2026-H1: A 党建 8 → 98, B 统计工作 8.5 → 98.5.
/// 2026: A 党建 8, 综治维稳 9 → 97; B 98.5.
final class XinheLedgerTests: XCTestCase {
    struct Year {
        let root = TemporaryFolder()
        var ledgerDir: String { "\(root.path)/Ledger" }

        init() throws {
            let findings: [Int: String] = [
                3: "F1,2026-03-10,A,党建,2,看,台账不全,李督查\n",
                5: "F2,2026-05-12,B,统计工作,1.5,评,月报迟报,王督查\n",
                8: "F3,2026-08-05,A,综治维稳,1,看,纠纷未及时化解,周督查\n",
            ]
            for m in 1...12 {
                let dir = String(format: "\(root.path)/Input/xinhe/2026-%02d", m)
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                try "网格员编号,姓名,村(社区),网格编号,岗位\nA,甲,东苑社区,DY-01,网格长\nB,乙,东苑社区,DY-01,网格员\n"
                    .write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
                try ("督查编号,督查日期,网格员编号,类别,扣分,方式,情况,督查人\n" + (findings[m] ?? ""))
                    .write(toFile: "\(dir)/findings.csv", atomically: true, encoding: .utf8)
                try "座谈会日期,网格员编号,满意,基本满意,不满意\n".write(toFile: "\(dir)/forum.csv", atomically: true, encoding: .utf8)
            }
        }

        func request(_ period: String) -> RunRequest {
            var r = RunRequest(town: "xinhe", period: CalendarPeriod.parse(period)!)
            r.rulesDir = "\(packageRoot)/Rules"
            r.inputDir = "\(root.path)/Input"
            r.outputDir = "\(root.path)/Output"
            return r
        }
    }

    static let at = Date(timeIntervalSince1970: 1_780_000_000)

    /// A quarter's summary (季度汇总) scores, ranks and pays nothing: closing it is refused before
    /// anything is made, saying why and what can be closed.
    func testAQuarterSummaryCannotBeClosed() throws {
        let year = try Year()
        let rules = "\(packageRoot)/Rules/xinhe.toml"
        for (language, expected) in [
            (Language.en, "cannot close xinhe 2026-Q1: a quarter is xinhe's summary period (\(rules): [period_summary] period = \"quarter\"), summarised with no score, rank or pay, so it publishes no results for the ledger; its summary is made by gridpay run xinhe 2026-Q1. What can be closed is the assessment period (a year, e.g. gridpay close xinhe 2026 --by <name>) and its preliminary half-year (e.g. 2026-H1); nothing was recorded"),
            (Language.zh, "不能对 xinhe 2026-Q1 结账：季度是 xinhe 的汇总期间（\(rules)：[period_summary] period = \"quarter\"），只作汇总，不评分、不排名、不计发，没有可公布的结果可记入台账；其汇总表用 gridpay run xinhe 2026-Q1 生成。可以结账的是考核期间（年，如 gridpay close xinhe 2026 --by <姓名>），以及其半年初查（如 2026-H1）；未记录任何内容"),
        ] {
            let result = Language.with(language) { LedgerCommands.close(year.request("2026-Q1"), by: "张三", ledgerDir: year.ledgerDir, now: Self.at) }
            guard case .failure(let refused) = result else { return XCTFail("a quarter's summary was closed") }
            XCTAssertEqual(refused.diagnostics.map(\.message), [expected])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: year.ledgerDir), "nothing is made for a refused close")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(year.root.path)/Output/xinhe/2026-Q1"))
        // The half-year and the year are closed as before.
        for p in ["2026-H1", "2026"] {
            guard case .success = LedgerCommands.close(year.request(p), by: "张三", ledgerDir: year.ledgerDir, now: Self.at) else { return XCTFail("close \(p)") }
        }
    }
}
