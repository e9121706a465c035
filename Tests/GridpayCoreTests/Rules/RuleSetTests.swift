import XCTest
@testable import GridpayCore

/// The rule set the loader assembles from its sections' parts: definitions checked out of file
/// order (a name used before it is written) still land in file order, and a changed copy
/// (`with(tables:)`) changes the tables and nothing else.
final class RuleSetTests: XCTestCase {
    func load(_ text: String) throws -> RuleSet {
        switch RuleLoader.load(text: text, file: "t.toml") {
        case .success(let rules): return rules
        case .failure(let f): XCTFail(f.diagnostics.map(\.description).joined(separator: "\n")); throw f
        }
    }

    /// 甲 uses 乙 and item 一 uses item 二, so 乙 and 二 are checked first (while 甲 and 一 are);
    /// the rule set still lists them as written.
    func testLazilyCheckedDefinitionsKeepTheFileOrder() throws {
        let rules = try load(RuleCheckTests.ruleFile(values: "\"甲\" = '乙 + 1'\n\"乙\" = 'count(events)'", items: """
            [[items]]
            name = "一"
            score = '二 / 2'
            [[items]]
            name = "二"
            full = 10
            """, extra: "[duty]\nmet = '甲 > 1'\n\n[[awards]]\nname = \"奖\"\namount = 100\nto = '一 > 4'"))
        XCTAssertEqual(rules.values.map(\.name), ["甲", "乙"])
        XCTAssertEqual(rules.values.map(\.sourceText), ["乙 + 1", "count(events)"])
        XCTAssertEqual(rules.items.map(\.name), ["一", "二"])
        XCTAssertEqual(rules.items.map(\.baseText), ["二 / 2", "10"])
        XCTAssertEqual(rules.duty?.sourceText, "甲 > 1")
        XCTAssertEqual(rules.awards.map(\.name), ["奖"])
        XCTAssertEqual(rules.awards.map(\.toText), ["一 > 4"])
        XCTAssertTrue(rules.hasPay)
        XCTAssertEqual(rules.pay.baseText, "基数")
        XCTAssertEqual(rules.pay.scorePayText, "round(绩效工资基数 * max(0, 总分) / 100, 2)")
    }

    func testWithTablesChangesTheTablesOnly() throws {
        let rules = try load(RuleCheckTests.ruleFile(values: "\"有效数\" = 'count(events, 结果 == \"有效\")'", extra: """
            [scoring]
            total_base = 60
            [[grades]]
            name = "好"
            min = 80
            [[grades]]
            name = "差"
            """))
        var tables = rules.tables
        tables[1].file = "events-2.csv"
        let copy = rules.with(tables: tables)
        XCTAssertEqual(copy.tables.map(\.file), ["roster.csv", "events-2.csv"])
        XCTAssertEqual(rules.tables.map(\.file), ["roster.csv", "events.csv"])
        XCTAssertEqual([copy.town, copy.version, copy.file], ["t", "1", "t.toml"])
        XCTAssertEqual(copy.effectiveFrom, Period(year: 2026, month: 1))
        XCTAssertEqual(copy.values.map(\.name), ["有效数"])
        XCTAssertEqual(copy.items.map(\.name), ["事件"])
        XCTAssertEqual(copy.aggregates.map(\.text), ["count(events, 结果 == \"有效\")", "count(events)"])
        XCTAssertEqual(copy.grades.map(\.name), ["好", "差"])
        XCTAssertEqual(copy.totalBase, ExactNumber(60))
        XCTAssertEqual(copy.roster.table, 0)
        XCTAssertEqual(copy.pay.baseText, "基数")
        XCTAssertTrue(copy.hasPay)
    }
}
