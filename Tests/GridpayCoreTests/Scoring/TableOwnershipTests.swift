import XCTest
@testable import GridpayCore

/// Issue 6.8: tables read on two threads once appended to one shared deduction list (a data race
/// that a thread-sanitizer build reported for explain and check). Each table now owns its
/// deductions until the month adopts them, tables in rule-file order. (The thread-sanitizer run
/// of explain, check and a two-thread run is in scripts/test.sh.)
final class TableOwnershipTests: XCTestCase {
    func testEachTableKeepsItsOwnDeductionsUntilAdopted() throws {
        let text = RuleCheckTests.ruleFile(items: """
        [[items]]
        name = "事件"
        full = 10
          [[items.deductions]]
          table = "events"
          when = '结果 == "无效"'
          points = '-3'
          reason = "无效事件"
        """)
        guard case .success(let rules) = RuleLoader.load(text: text, file: "t.toml") else { return XCTFail() }
        let rosterReading = RosterReading(rules: rules, period: Period.parse("2026-10")!)
        let roster = TableIngest(roster: rosterReading, accepted: [])
        roster.consume(fields: ["编号", "姓名", "村", "网格", "基数"], line: 1)
        roster.consume(fields: ["W1", "甲", "东", "G1", "100"], line: 2)
        roster.consume(fields: ["W2", "乙", "东", "G1", "100"], line: 3)
        let month = MonthReading(roster: rosterReading.finish())
        let events = TableIngest(table: 1, month: month, accepted: [])
        events.consume(fields: ["编号", "结果", "时间"], line: 1)
        events.consume(fields: ["W2", "无效", "2026-10-02 08:00"], line: 2)
        events.consume(fields: ["W1", "有效", "2026-10-02 09:00"], line: 3)
        events.consume(fields: ["W2", "无效", "2026-10-03 08:00"], line: 4)
        XCTAssertEqual(events.problems.map(\.message), [])
        // Nothing shared is written while the table is read.
        XCTAssertEqual(month.records.map(\.count), [0, 0])
        XCTAssertEqual(events.ownDeductions?.records.map { "\($0.0):\($0.1.line!)" }, ["1:2", "1:4"])
        month.adopt(events.ownDeductions!)
        XCTAssertEqual(month.records.map { $0.map { $0.line! } }, [[], [2, 4]])
        // 10 − 3 × 2 invalid events = 4 for W2; W1 keeps 10.
        let scoring = MonthScoring(month.finish(), history: nil)
        XCTAssertEqual(try scoring.symbol(.item(0), worker: 1), .number(ExactNumber(4)))
        XCTAssertEqual(try scoring.symbol(.item(0), worker: 0), .number(ExactNumber(10)))
    }
}
