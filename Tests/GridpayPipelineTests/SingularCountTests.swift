import GridpayTestSupport
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// English counts are singular for one ("1 problem", "1 worker", "1 of them is a single row");
/// Chinese has no plural and says the same for any count.
final class SingularCountTests: XCTestCase {
    func testEnglishCountsOfOneAreSingular() {
        XCTAssertEqual(englishCount(1, "row"), "1 row")
        XCTAssertEqual(englishCount(0, "row"), "0 rows")
        XCTAssertEqual(englishCount(2, "match", "matches"), "2 matches")
        XCTAssertEqual(englishCount("1", "point"), "1 point")
        XCTAssertEqual(englishCount("0.5", "point"), "0.5 points")
    }

    func testARefusedRunCountsItsProblemsInTheSingularForOne() {
        let refusal = { RunMessages.runRefused(1, town: "qinghe", period: "2026-10")
                        + RunMessages.acceptableRows(1, example: "events.csv:12", advice: nil, words: .commandLine) }
        XCTAssertEqual(Language.with(.en, refusal),
                       "1 problem in the inputs of qinghe 2026-10 would change someone's pay; nothing was written. "
                        + "1 of them is a single row that can be left out on purpose with --accept FILE:LINE (e.g. --accept events.csv:12)")
        XCTAssertEqual(Language.with(.zh, refusal),
                       "qinghe 2026-10 的输入中有 1 个问题会影响某人的绩效工资；没有写出任何文件。其中 1 个是单独的一行，确认无误后可用 --accept 文件:行号 有意剔除（如 --accept events.csv:12）")
        XCTAssertEqual(Language.with(.en) { RunMessages.runRefused(2, town: "qinghe", period: "2026-10") },
                       "2 problems in the inputs of qinghe 2026-10 would change someone's pay; nothing was written")
    }

    func testTheSummaryOfOneWorkerAndAnEarlierMonthWithOneProblem() {
        XCTAssertEqual(Language.with(.en) { RunSummaryMessages.headline(town: "t", townName: "甲镇", period: "2026-10", workers: 1, total: "1,800.00", words: "壹仟捌佰元整") },
                       "t 2026-10 (甲镇): 1 worker, total payable 1,800.00 yuan")
        XCTAssertEqual(Language.with(.en) { RunSummaryMessages.headlineWithoutPay(town: "t", townName: "甲镇", period: "2026", workers: 1) },
                       "t 2026 (甲镇): 1 worker; no pay is computed (the rule file has no [pay])")
        XCTAssertEqual(Language.with(.zh) { RunSummaryMessages.headline(town: "t", townName: "甲镇", period: "2026-10", workers: 1, total: "1,800.00", words: "壹仟捌佰元整") },
                       "甲镇 2026-10：网格员 1 人，实发绩效合计 1,800.00 元（人民币壹仟捌佰元整）")
        XCTAssertEqual(Language.with(.en) { HistoryMessages.inputsHaveProblems("2026-09", count: 1, row: "events.csv:12", "日期 is empty") },
                       "the inputs of 2026-09 have 1 problem, e.g. events.csv:12: 日期 is empty")
    }
}
