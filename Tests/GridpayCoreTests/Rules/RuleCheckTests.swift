import XCTest
@testable import GridpayCore

/// The check phase through whole (small) rule files: every error has the rule file's own
/// line and column, including inside expressions.
final class RuleCheckTests: XCTestCase {
    static func ruleFile(values: String = "", items: String? = nil, extra: String = "") -> String {
        """
        \(TinyTown.headerAndRoster)

        [tables.events]
        file = "events.csv"
        worker = "编号"
        columns = [
          { name = "编号", type = "id" },
          { name = "结果", type = "choice", values = ["有效", "无效"] },
          { name = "时间", type = "datetime" },
        ]

        [roster]
        table = "roster"
        id = "编号"
        name = "姓名"
        unit = "村"
        group = "网格"

        [values]
        \(values)

        \(items ?? """
        [[items]]
        name = "事件"
        score = 'min(30, count(events))'
        """)

        [pay]
        base = '基数'
        score_pay = 'round(绩效工资基数 * max(0, 总分) / 100, 2)'
        \(extra)
        """
    }

    func errors(_ text: String) -> [String] {
        switch RuleLoader.load(text: text, file: "t.toml") {
        case .success: return []
        case .failure(let f): return f.diagnostics.map(\.description)
        }
    }

    func testValidFileLoads() throws {
        let text = Self.ruleFile(values: "\"有效数\" = 'count(events, 结果 == \"有效\")'")
        guard case .success(let rules) = RuleLoader.load(text: text, file: "t.toml") else { return XCTFail("\(errors(text))") }
        XCTAssertEqual(rules.items.map(\.name), ["事件"])
        XCTAssertEqual(rules.aggregates.map(\.text), ["count(events, 结果 == \"有效\")", "count(events)"])
    }

    func testUnknownNameInsideAnExpressionPointsIntoTheRuleFile() {
        // Line 33 is the first line under [values]; the typo 有效书 on line 34 starts at column 13.
        let text = Self.ruleFile(values: "\"有效数\" = 'count(events, 结果 == \"有效\")'\n\"两倍\" = '2 * 有效书'")
        XCTAssertEqual(errors(text), ["t.toml:34:13: error: unknown name '有效书'; did you mean '有效数'?"])
    }

    func testTypeErrorsAndChoiceValues() {
        let text = Self.ruleFile(values: """
        "有效数" = 'count(events, 结果 == "有校")'
        "坏" = '有效数 and true'
        "比" = 'if 有效数 > 1 then "多" else 0'
        """)
        XCTAssertEqual(errors(text), [
            "t.toml:33:30: error: '有校' is not a value of column '结果', which is one of 有效 / 无效; did you mean '有效'?",
            "t.toml:34:8: error: 'and' needs true/false, but the left side is a number",
            "t.toml:35:33: error: both branches of 'if' must have the same type: 'then' gives text, 'else' gives a number",
        ])
    }

    func testCyclesAreNamed() {
        let text = Self.ruleFile(values: "\"甲\" = '乙 + 1'\n\"乙\" = '甲 * 2'")
        XCTAssertEqual(errors(text), ["t.toml:34:8: error: '甲' depends on itself: 甲 → 乙 → 甲; break the cycle"])
    }

    func testCycleThroughTheTotalIsFound() {
        // An item that uses the rank depends on the total, which is the sum of the items.
        let items = """
        [[items]]
        name = "事件"
        score = '排名'
        """
        XCTAssertEqual(errors(Self.ruleFile(items: items)), ["t.toml:35:1: error: '事件' depends on itself: 事件 → 排名 → 总分 → 事件; break the cycle"])
    }

    func testUnknownKeysAndFunctionsGetSuggestions() {
        let items = """
        [[items]]
        name = "事件"
        scroe = '1'
        full = 10
        """
        XCTAssertEqual(errors(Self.ruleFile(items: items)), [
            "t.toml:37:1: error: unknown key 'scroe' in [[items]] #1; did you mean 'score'?; allowed keys: name, full, score, deductions, min, max",
        ])
        XCTAssertEqual(errors(Self.ruleFile(values: "\"x\" = 'cuont(events)'")), [
            "t.toml:33:8: error: unknown function 'cuont'; did you mean 'count'?",
        ])
    }

    func testAggregatesNeedATableAndRowScopeCannotSeeWorkerValues() {
        let text = Self.ruleFile(values: """
        "有效数" = 'count(event)'
        "甲" = 'count(events, 有效数 > 1)'
        """)
        XCTAssertEqual(errors(text), [
            "t.toml:33:16: error: 'event' is not an input table that rows are counted in; did you mean 'events'?; tables: events",
            "t.toml:34:22: error: unknown name '有效数': not a column of table 'events'; '有效数' is a per-worker value and cannot be used while reading single rows of events",
        ])
    }
}

/// `days_in_period` and `days_in_month` against the town's assessment period.
final class PeriodNameTests: XCTestCase {
    func testDaysInMonthIsRefusedForAQuarterlyTownAndDaysInPeriodIsNot() {
        let monthly = RuleCheckTests.ruleFile(values: "\"日均\" = 'count(events) / days_in_period'")
        guard case .success = RuleLoader.load(text: monthly, file: "t.toml") else { return XCTFail("days_in_period is valid") }
        let quarterly = RuleCheckTests.ruleFile(values: "\"日均\" = 'count(events) / days_in_month'")
            .replacingOccurrences(of: "effective_from = \"2026-01\"", with: "effective_from = \"2026-01\"\nperiod = \"quarter\"")
        guard case .failure(let f) = RuleLoader.load(text: quarterly, file: "t.toml") else { return XCTFail("days_in_month in a quarterly town") }
        // Line 34 (one more than usual: the period line); the expression starts at column 9 and
        // `days_in_month` is 16 characters into it: column 25.
        XCTAssertEqual(f.diagnostics.map(\.description), [
            "t.toml:34:25: error: days_in_month is the length of a month, but this town is assessed by quarter; use days_in_period (the days of the quarter being run)",
        ])
        // A year and a half-year are assessment periods too (SPEC §17); a week is not.
        for kind in ["half-year", "year"] {
            let text = RuleCheckTests.ruleFile().replacingOccurrences(of: "effective_from = \"2026-01\"", with: "effective_from = \"2026-01\"\nperiod = \"\(kind)\"")
            guard case .success(let r) = RuleLoader.load(text: text, file: "t.toml") else { return XCTFail("\(kind) is an assessment period") }
            XCTAssertEqual(r.periodKind.rawValue, kind)
        }
        let weekly = RuleCheckTests.ruleFile().replacingOccurrences(of: "effective_from = \"2026-01\"", with: "effective_from = \"2026-01\"\nperiod = \"week\"")
        guard case .failure(let y) = RuleLoader.load(text: weekly, file: "t.toml") else { return XCTFail("a week is not an assessment period") }
        XCTAssertEqual(y.diagnostics.map(\.description), [
            "t.toml:5:11: error: period (the assessment period) must be \"month\", \"quarter\", \"half-year\" or \"year\", found 'week'",
        ])
    }

    func testDaysInPeriodOfAMonthIsItsDays() throws {
        let text = RuleCheckTests.ruleFile(values: "\"天数\" = 'days_in_period'\n\"月天数\" = 'days_in_month'")
        guard case .success(let rules) = RuleLoader.load(text: text, file: "t.toml") else { return XCTFail() }
        let c = MonthScoring(MonthReading(roster: RosterReading(rules: rules, period: Period.parse("2026-02")!).finish()).finish(), history: nil)
        XCTAssertEqual(try c.value(rules.values[0].expr, worker: 0), .number(ExactNumber(28)))
        XCTAssertEqual(try c.value(rules.values[1].expr, worker: 0), .number(ExactNumber(28)))
        let q = MonthScoring(MonthReading(roster: RosterReading(rules: rules, span: CalendarPeriod.parse("2026-Q1")!).finish()).finish(), history: nil)
        XCTAssertEqual(try q.value(rules.values[0].expr, worker: 0), .number(ExactNumber(31 + 28 + 31)))
    }
}
