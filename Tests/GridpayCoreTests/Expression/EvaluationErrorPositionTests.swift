import XCTest
@testable import GridpayCore

/// Issue 7.1: an evaluation error points at the rule file's line and column of the expression
/// that failed (before, a dozen errors were raised `at: nil` and said only "a rule").
final class EvaluationErrorPositionTests: XCTestCase {
    /// A row value that divides by a cell which is 0: the row is refused, naming the division.
    func testDivisionByZeroInsideAMeanOfRowsPointsAtTheDivision() throws {
        let town = try TinyTown(values: ["\"均\" = 'mean(rows, 10 / n)'"],
                                rowColumns: "  { name = \"n\", type = \"decimal\" },",
                                rows: [["W1", "2"], ["W1", "0"]], roster: [("W1", "东", "G1", "100")])
        let at = town.position(of: "10 / n")
        XCTAssertEqual(town.problems.map { "\($0.file):\($0.line ?? 0): \($0.message)" },
                       ["rows.csv:3: division by zero while evaluating the rule at \(at) for this row"])
        // Only the good row counts: 10 / 2 = 5, one row → mean 5.
        XCTAssertEqual(try town.value("均", "W1"), "5")
    }

    /// A worker value divided by a group mean that is 0: the error is the worker's, at the '/'
    /// expression (its first character), and the run is stopped with it.
    func testDivisionByZeroOverAGroupMeanPointsAtTheExpression() throws {
        let town = try TinyTown(values: ["\"比\" = '基数 / group_mean(网格, 基数)'"],
                                roster: [("W1", "东", "G1", "0"), ("W2", "东", "G1", "0")],
                                items: "[[items]]\nname = \"项\"\nscore = '比'")
        let at = town.position(of: "基数 / group_mean")
        // Both workers of G1 have 基数 0: the mean is 0 for each, and each is reported.
        XCTAssertEqual(town.reportErrors(), ["\(at): error: worker W1: division by zero", "\(at): error: worker W2: division by zero"])
    }

    /// An empty optional cell used as a number: the message names the empty column and the rule.
    func testAnEmptyCellUsedAsANumberNamesTheRulePosition() throws {
        let town = try TinyTown(values: ["\"和\" = 'sum(rows, n * 2)'"],
                                rowColumns: "  { name = \"n\", type = \"decimal\", optional = true },",
                                rows: [["W1", ""]], roster: [("W1", "东", "G1", "100")])
        let at = town.position(of: "n * 2")
        XCTAssertEqual(town.problems.map(\.message), [
            "n is empty (no value) on this row, but the rule at \(at) uses it as a value; test it first, e.g. has(n) and …",
        ])
    }

    /// count_by(): an empty key cell points at the key expression.
    func testAnEmptyKeyOfCountByPointsAtTheKey() throws {
        let town = try TinyTown(values: ["\"日\" = 'count_by(rows, d, count() >= 1)'"],
                                rowColumns: "  { name = \"d\", type = \"date\", optional = true },",
                                rows: [["W1", ""]], roster: [("W1", "东", "G1", "100")])
        XCTAssertEqual(town.problems.map(\.message), [
            "d is empty (no value) on this row, but the rule at \(town.position(of: "count_by(")) uses it as a value; test it first, e.g. has(d) and …",
        ])
    }

    /// [pay] score_pay that is not a whole number of fen: the error points at the formula.
    func testScorePayOfAFractionOfAFenPointsAtTheFormula() throws {
        let town = try TinyTown(values: [], roster: [("W1", "东", "G1", "100")],
                                extra: "")
        // The base file's score_pay is '0'; rebuild with one that gives 100 / 3.
        let text = town.text.replacingOccurrences(of: "score_pay = '0'", with: "score_pay = '绩效工资基数 / 3'")
        guard case .success(let rules) = RuleLoader.load(text: text, file: TinyTown.file) else { return XCTFail("rules") }
        let c = MonthComputation(rules: rules, span: CalendarPeriod.parse("2026-10")!, history: nil)
        let roster = TableIngest(table: rules.roster.table, month: c, accepted: [])
        roster.consume(fields: ["编号", "姓名", "村", "网格", "基数"], line: 1)
        roster.consume(fields: ["W1", "甲", "东", "G1", "100"], line: 2)
        c.startRows()
        guard case .failure(let f) = MonthReport.build(c) else { return XCTFail("a third of a fen was paid") }
        let line = text.prefix(upTo: text.range(of: "score_pay = '绩效")!.lowerBound).filter { $0 == "\n" }.count + 1
        // Column 14: `score_pay = '` is 13 characters; the formula starts after it.
        XCTAssertEqual(f.diagnostics.map(\.description), [
            "t.toml:\(line):14: error: worker W1: [pay] score_pay gives ≈33.333333, which is not a whole number of fen; round it, e.g. round(…, 2)",
        ])
    }

    /// A history provider's error without a position (e.g. the ledger keeps no such value) points
    /// at the consecutive() that asked for it.
    func testAHistoryErrorPointsAtTheConsecutiveCall() throws {
        final class Broken: HistoryProvider {
            func unavailability(of period: CalendarPeriod) -> String? { nil }
            func value(named name: String, period: CalendarPeriod, workerID: String) throws(EvaluationError) -> Value? {
                throw EvaluationError("the published results of \(period) keep no value '\(name)'", at: nil)
            }
        }
        let town = try TinyTown(values: ["\"达标\" = '基数 > 50'", "\"三连\" = 'consecutive(达标, 2)'"],
                                roster: [("W1", "东", "G1", "100")],
                                items: "[[items]]\nname = \"项\"\nscore = 'if 三连 then 1 else 0'", history: Broken())
        XCTAssertEqual(town.reportErrors(), [
            "\(town.position(of: "consecutive(")): error: worker W1: the published results of 2026-09 keep no value '达标'",
        ])
    }

    /// add_hours() by a duration that is not whole seconds: the error points at the call.
    func testATimeThatMissesAWholeSecondPointsAtTheCall() throws {
        let town = try TinyTown(values: ["\"晚\" = 'count(rows, add_minutes(t, n) > t)'"],
                                rowColumns: "  { name = \"t\", type = \"datetime\" },\n  { name = \"n\", type = \"decimal\" },",
                                rows: [["W1", "2026-10-01 08:00", "0.001"]], roster: [("W1", "东", "G1", "100")])
        XCTAssertEqual(town.problems.map(\.message), [
            "add_minutes() by 0.001 does not land on a whole second; expected a duration of whole seconds while evaluating the rule at \(town.position(of: "add_minutes(")) for this row",
        ])
    }

    /// A running total that outgrows exact arithmetic points at the aggregate (9·10¹⁸ + 9·10¹⁸ does
    /// not fit in 64 bits); the second row is refused, the first counted.
    func testAnOverflowingSumPointsAtTheAggregate() throws {
        let town = try TinyTown(values: ["\"和\" = 'sum(rows, n)'"], rowColumns: "  { name = \"n\", type = \"decimal\" },",
                                rows: [["W1", "9000000000000000000"], ["W1", "9000000000000000000"]], roster: [("W1", "东", "G1", "0")])
        XCTAssertEqual(town.problems.map { "\($0.line ?? 0): \($0.message)" },
                       ["3: number too large for exact arithmetic in sum(rows, n) while evaluating the rule at \(town.position(of: "sum(rows")) for this row"])
    }

    /// A group function that outgrows exact arithmetic points at its call.
    func testAnOverflowingGroupSumPointsAtTheCall() throws {
        let town = try TinyTown(values: ["\"组和\" = 'group_sum(网格, 基数)'"],
                                roster: [("W1", "东", "G1", "9000000000000000000"), ("W2", "东", "G1", "9000000000000000000")],
                                items: "[[items]]\nname = \"项\"\nscore = '组和'")
        let at = town.position(of: "group_sum(")
        XCTAssertEqual(town.reportErrors(), ["\(at): error: worker W1: number too large for exact arithmetic in group_sum(网格, 基数)",
                                             "\(at): error: worker W2: number too large for exact arithmetic in group_sum(网格, 基数)"])
    }
}
