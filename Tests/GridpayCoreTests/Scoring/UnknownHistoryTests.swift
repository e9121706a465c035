import XCTest
@testable import GridpayCore

/// Issue 6.2: missing history is unknown, not false. Unknown passes through not/and/or/if; a flag
/// whose condition is unknown is not raised (备注 历史不完整); an item, value or pay amount that
/// depends on it is an error naming the workers and the missing months, unless the rule file
/// says what a missing month counts as (`consecutive(x, 3, missing = false)`), which 备注 states.
final class UnknownHistoryTests: XCTestCase {
    /// 2026-08 is missing; in 2026-09 every worker was 达标 (true).
    final class History: HistoryProvider {
        func unavailability(of period: CalendarPeriod) -> HistoryReason? {
            "\(period)" == "2026-08" ? HistoryReason { "the inputs of 2026-08 are missing" } : nil
        }
        func value(named name: String, period: CalendarPeriod, workerID: String) throws(EvaluationError) -> Value? { .bool(true) }
    }

    /// Worker W1 has 基数 100 (达标: 基数 > 50), W2 has 基数 10 (not 达标).
    func month(values: String = "", items: String, flags: String = "") throws -> Result<MonthReport, RuleLoader.Failure> {
        let text = RuleCheckTests.ruleFile(values: "\"达标\" = '基数 > 50'\n" + values, items: items, extra: flags)
        let rules: RuleSet
        switch RuleLoader.load(text: text, file: "t.toml") {
        case .success(let r): rules = r
        case .failure(let f): XCTFail("\(f.diagnostics.map(\.description))"); throw f
        }
        let rosterReading = RosterReading(rules: rules, span: CalendarPeriod.parse("2026-10")!)
        let roster = TableIngest(roster: rosterReading, accepted: [])
        roster.consume(fields: ["编号", "姓名", "村", "网格", "基数"], line: 1)
        roster.consume(fields: ["W1", "甲", "东", "G1", "100"], line: 2)
        roster.consume(fields: ["W2", "乙", "东", "G1", "10"], line: 3)
        return MonthReport.build(MonthScoring(MonthReading(roster: rosterReading.finish()).finish(), history: History()))
    }

    func testAnItemThatDependsOnUnknownHistoryIsAnErrorNamingWorkersAndMonths() throws {
        // Before: not consecutive(…) was true for W1 (2026-08 missing → false), so W1 was paid 5
        // points nobody could know were due. W2 is not 达标 this month: known, 5 points.
        let result = try month(items: """
        [[items]]
        name = "奖励"
        score = 'if not consecutive(达标, 3) then 5 else 0'
        """)
        guard case .failure(let f) = result else { return XCTFail("an unknown item was scored") }
        XCTAssertEqual(f.diagnostics.map(\.description), [
            "t.toml:36:1: error: item '奖励' depends on earlier periods whose results are missing for 1 worker(s): W1; missing: 2026-08 (the inputs of 2026-08 are missing). Provide those periods' inputs, or say in the rule file what a missing period counts as, e.g. consecutive(name, 3, missing = false)",
            // W2's own item is known, but its rank depends on W1's total.
            "error: 排名 depends on earlier periods whose results are missing for 1 worker(s): W2; missing: 2026-08 (the inputs of 2026-08 are missing). Provide those periods' inputs, or say in the rule file what a missing period counts as, e.g. consecutive(name, 3, missing = false)",
        ])
    }

    func testAnExplicitDefaultIsUsedAndStated() throws {
        let result = try month(items: """
        [[items]]
        name = "奖励"
        score = 'if not consecutive(达标, 3, missing = false) then 5 else 0'
        """)
        guard case .success(let r) = result else { return XCTFail("\(result)") }
        let byId = Dictionary(uniqueKeysWithValues: r.workers.map { ($0.id, $0) })
        // W1: 2026-08 counts as 否, so not consecutive = true → 5; W2 not 达标 now → 5, nothing assumed.
        XCTAssertEqual(byId["W1"]?.items, [ExactNumber(5)])
        XCTAssertEqual(byId["W1"]?.historyAssumption, "历史不完整：2026-08 的达标按否计")
        XCTAssertEqual(byId["W2"]?.items, [ExactNumber(5)])
        XCTAssertNil(byId["W2"]?.historyAssumption)
    }

    func testUnknownPassesThroughNotAndOrIfInFlags() throws {
        let result = try month(items: """
        [[items]]
        name = "项"
        full = 1
        """, flags: """
        [[flags]]
        name = "且"
        when = 'consecutive(达标, 3) and 基数 > 50'
        [[flags]]
        name = "假且"
        when = 'consecutive(达标, 3) and 基数 > 500'
        [[flags]]
        name = "或"
        when = 'consecutive(达标, 3) or 基数 > 50'
        [[flags]]
        name = "非"
        when = 'not consecutive(达标, 3)'
        [[flags]]
        name = "若"
        when = 'if consecutive(达标, 3) then true else true'
        """)
        guard case .success(let r) = result else { return XCTFail("\(result)") }
        let byId = Dictionary(uniqueKeysWithValues: r.workers.map { ($0.id, $0) })
        // W1 (达标 now, 08 missing): 且 unknown → 否; 假且 false and unknown = false; 或 true or
        // unknown = true; 非 unknown → 否; 若 unknown → 否. Flags were not raised: 历史不完整.
        XCTAssertEqual(byId["W1"]?.flags, [false, false, true, false, false])
        XCTAssertEqual(byId["W1"]?.historyIncomplete, true)
        // W2 (not 达标 now): consecutive is known false; 非 and 若 (else branch) are raised.
        XCTAssertEqual(byId["W2"]?.flags, [false, false, false, true, true])
        XCTAssertEqual(byId["W2"]?.historyIncomplete, false)
    }

    func testKnownFalseAndUnknownIsNotIncomplete() throws {
        // Only W1's flag condition is unknown; W2's is decided by 基数 > 50 being false.
        let result = try month(items: "[[items]]\nname = \"项\"\nfull = 1", flags: """
        [[flags]]
        name = "更换"
        when = '基数 > 50 and consecutive(达标, 3)'
        """)
        guard case .success(let r) = result else { return XCTFail("\(result)") }
        XCTAssertEqual(r.workers.filter(\.historyIncomplete).map(\.id), ["W1"])
    }

    func testTheDefaultIsWrittenAsMissingTrueOrFalse() {
        let text = RuleCheckTests.ruleFile(values: """
        "达标" = '基数 > 50'
        "a" = 'consecutive(达标, 3, missing = 1)'
        "b" = 'min(1, x = 2)'
        "c" = 'consecutive(达标, 3, absent = false)'
        "d" = '基数 = 2'
        """)
        guard case .failure(let f) = RuleLoader.load(text: text, file: "t.toml") else { return XCTFail() }
        XCTAssertEqual(f.diagnostics.map(\.description), [
            "t.toml:34:27: error: the third argument of consecutive() is written missing = true or missing = false: what a period whose results are missing counts as",
            "t.toml:35:15: error: 'x = …' names an argument, which only consecutive() takes (missing = true or false)",
            "t.toml:36:27: error: the third argument of consecutive() is written missing = true or missing = false: what a period whose results are missing counts as",
            "t.toml:37:11: error: '=' is not an operator here; use '==' to compare",
        ])
    }
}
