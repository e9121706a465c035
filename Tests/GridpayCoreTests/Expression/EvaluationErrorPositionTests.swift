import Foundation
import GridpayTestSupport
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

    /// Twelve workers failing at one rule position: one line, the first ten named in roster order.
    func testOneRuleFailingForManyWorkersIsOneLine() throws {
        let roster = (1...12).map { ("W\($0)", "东", "G1", "0") }
        let town = try TinyTown(values: ["\"比\" = '基数 / group_mean(网格, 基数)'"], roster: roster,
                                items: "[[items]]\nname = \"项\"\nscore = '比'")
        let at = town.position(of: "基数 / group_mean")
        XCTAssertEqual(town.reportErrors(), ["\(at): error: 12 workers (W1, W2, W3, W4, W5, W6, W7, W8, W9, W10 and 2 more): division by zero"])
    }

    /// A worker value divided by a group mean that is 0: the error is the worker's, at the '/'
    /// expression (its first character), and the run is stopped with it.
    func testDivisionByZeroOverAGroupMeanPointsAtTheExpression() throws {
        let town = try TinyTown(values: ["\"比\" = '基数 / group_mean(网格, 基数)'"],
                                roster: [("W1", "东", "G1", "0"), ("W2", "东", "G1", "0")],
                                items: "[[items]]\nname = \"项\"\nscore = '比'")
        let at = town.position(of: "基数 / group_mean")
        // Both workers of G1 have 基数 0: the mean is 0 for each; one line names both.
        XCTAssertEqual(town.reportErrors(), ["\(at): error: 2 workers (W1, W2): division by zero"])
    }

    /// An empty optional cell used as a number: the message names the empty column and the rule.
    func testAnEmptyCellUsedAsANumberNamesTheRulePosition() throws {
        // (Through max(): arithmetic on it directly is refused by the checker, OptionalGuards.)
        let town = try TinyTown(values: ["\"和\" = 'sum(rows, max(n, 0) * 2)'"],
                                rowColumns: "  { name = \"n\", type = \"decimal\", optional = true },",
                                rows: [["W1", ""]], roster: [("W1", "东", "G1", "100")])
        let at = town.position(of: "max(n, 0) * 2")
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
        let rosterReading = RosterReading(rules: rules, span: CalendarPeriod.parse("2026-10")!)
        let roster = TableIngest(roster: rosterReading, accepted: [])
        roster.consume(fields: ["编号", "姓名", "村", "网格", "基数"], line: 1)
        roster.consume(fields: ["W1", "甲", "东", "G1", "100"], line: 2)
        let c = MonthReading(roster: rosterReading.finish())
        guard case .failure(let f) = MonthReport.build(MonthScoring(c.finish(), history: nil)) else { return XCTFail("a third of a fen was paid") }
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
            func unavailability(of period: CalendarPeriod) -> HistoryReason? { nil }
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
    /// not fit in 64 bits; each row 10¹² × 9·10⁶, input cells being at most 10¹²); the second row
    /// is refused, the first counted.
    func testAnOverflowingSumPointsAtTheAggregate() throws {
        let town = try TinyTown(values: ["\"和\" = 'sum(rows, n * 9000000)'"], rowColumns: "  { name = \"n\", type = \"decimal\" },",
                                rows: [["W1", "1000000000000"], ["W1", "1000000000000"]], roster: [("W1", "东", "G1", "0")])
        XCTAssertEqual(town.problems.map { "\($0.line ?? 0): \($0.message)" },
                       ["3: number too large for exact arithmetic in sum(rows, n * 9000000) while evaluating the rule at \(town.position(of: "sum(rows")) for this row"])
    }

    /// A group function that outgrows exact arithmetic points at its call.
    func testAnOverflowingGroupSumPointsAtTheCall() throws {
        let town = try TinyTown(values: ["\"组和\" = 'group_sum(网格, 基数 * 9000000)'"],
                                roster: [("W1", "东", "G1", "1000000000000"), ("W2", "东", "G1", "1000000000000")],
                                items: "[[items]]\nname = \"项\"\nscore = '组和'")
        let at = town.position(of: "group_sum(")
        XCTAssertEqual(town.reportErrors(), ["\(at): error: 2 workers (W1, W2): number too large for exact arithmetic in group_sum(网格, 基数 * 9000000)"])
    }
}

/// Every message of EvaluationMessages, shown by running a tiny town: one case per function (a
/// case may show several, e.g. a sheet's prefix and its column's message), each with the exact
/// diagnostics, positions included. `testEveryEvaluationMessageFunctionHasACase` reads the
/// catalogue's source (as RuleMessageFixtureTests reads the loader's) and fails on a function
/// without a case, or a case whose messages do not contain its functions' wording.
extension EvaluationErrorPositionTests {
    struct MessageCase {
        /// The EvaluationMessages functions whose wording `expected` shows.
        var shows: [String]
        var got: [String]
        var expected: [String]
    }

    static let catalogue = "Expression/EvaluationMessages.swift"

    /// Functions of the catalogue that no input can reach, each with why (none today: what the
    /// checker rules out is a precondition where it is evaluated, not a message).
    static let unreachable: [String: String] = [:]

    /// The roster of TinyTown with an optional decimal column 加 after 基数.
    static func rosterWithOptional(_ text: String) -> String {
        text.replacingOccurrences(of: "  { name = \"基数\", type = \"decimal\", min = 0 },\n",
                                  with: "  { name = \"基数\", type = \"decimal\", min = 0 },\n  { name = \"加\", type = \"decimal\", optional = true },\n")
    }

    static func ruleFile(values: [String] = [], rowColumns: String = "", items: String = "[[items]]\nname = \"项\"\nfull = 0", extra: String = "") -> String {
        TinyTown.ruleFile(values: values, rowColumns: rowColumns, items: items, extra: extra)
    }

    static let bands = "  [[ratings.bands]]\n  name = \"合格\"\n  min = 60\n  [[ratings.bands]]\n  name = \"不合格\""

    func messageCases() throws -> [MessageCase] {
        var cases: [MessageCase] = []
        let big = "9000000000000000000"   // 9·10¹⁸: two of these do not fit in 64 bits (max ≈ 9.22·10¹⁸)
        // An input cell is at most 10¹² (InputNumberLimits): rules scale it up to 9·10¹⁸.
        let largestCell = "1000000000000"

        // 基数 / group_mean(网格, 基数) with every 基数 0: 0 / 0 for each worker, at the '/' expression.
        do {
            let t = try TinyTown(values: ["\"比\" = '基数 / group_mean(网格, 基数)'"], roster: [("W1", "东", "G1", "0"), ("W2", "东", "G1", "0")],
                                 items: "[[items]]\nname = \"项\"\nscore = '比'")
            let at = t.position(of: "基数 / group_mean")
            cases.append(MessageCase(shows: ["forWorkers", "arithmetic"], got: t.reportErrors(),
                                     expected: ["\(at): error: 2 workers (W1, W2): division by zero"]))
        }
        // group_sum over 9·10¹⁸ twice: the group function's overflow names the call as written.
        do {
            let t = try TinyTown(values: ["\"组和\" = 'group_sum(网格, 基数 * 9000000)'"], roster: [("W1", "东", "G1", largestCell), ("W2", "东", "G1", largestCell)],
                                 items: "[[items]]\nname = \"项\"\nscore = '组和'")
            let at = t.position(of: "group_sum(")
            cases.append(MessageCase(shows: ["arithmeticIn"], got: t.reportErrors(),
                                     expected: ["\(at): error: 2 workers (W1, W2): number too large for exact arithmetic in group_sum(网格, 基数 * 9000000)"]))
        }
        // consecutive(达标, 2) with no history: 2026-09 is missing; the item that reads it is unknown.
        do {
            let t = try TinyTown(values: ["\"达标\" = '基数 > 50'", "\"两连\" = 'consecutive(达标, 2)'"], roster: [("W1", "东", "G1", "100")],
                                 items: "[[items]]\nname = \"项\"\nscore = 'if 两连 then 1 else 0'")
            let at = t.position(of: "[[items]]")
            cases.append(MessageCase(shows: ["dependsOnMissingHistory", "missingHistory", "noHistoryProvided"], got: t.reportErrors(), expected: [
                "\(at): error: item '项' depends on earlier periods whose results are missing for 1 worker(s): W1; missing: 2026-09 (no history was provided). Provide those periods' inputs, or say in the rule file what a missing period counts as, e.g. consecutive(name, 3, missing = false)",
            ]))
        }
        // An optional roster cell, empty for W1, multiplied: the error points at the '*' expression.
        do {
            let text = Self.rosterWithOptional(Self.ruleFile(values: ["\"倍\" = 'max(加, 0) * 2'"], items: "[[items]]\nname = \"项\"\nscore = '倍'"))
            let t = try TinyTown(text: text, roster: [["W1", "甲", "东", "G1", "100", ""]])
            cases.append(MessageCase(shows: ["forWorker", "emptyValue"], got: t.reportErrors(),
                                     expected: ["\(t.position(of: "max(加, 0) * 2")): error: worker W1: an empty cell (no value) was used as a value"]))
        }
        // An item whose score is that empty cell itself: no number, at the item.
        do {
            let text = Self.rosterWithOptional(Self.ruleFile(items: "[[items]]\nname = \"项\"\nscore = '加'"))
            let t = try TinyTown(text: text, roster: [["W1", "甲", "东", "G1", "100", ""]])
            cases.append(MessageCase(shows: ["itemNotANumber"], got: t.reportErrors(),
                                     expected: ["\(t.position(of: "[[items]]")): error: worker W1: item 项 is not a number"]))
        }
        // (10¹² × 9·10⁶ + 1) / 3 = 3·10¹⁸ + 1/3, rounded to 0.01: 300000000000000000033 / 100 does not fit.
        do {
            let t = try TinyTown(values: [], roster: [("W1", "东", "G1", largestCell)], items: "[[items]]\nname = \"项\"\nscore = '(基数 * 9000000 + 1) / 3'")
            cases.append(MessageCase(shows: ["arithmeticInItem"], got: t.reportErrors(),
                                     expected: ["\(t.position(of: "[[items]]")): error: worker W1: number too large for exact arithmetic in item 项"]))
        }
        // score_pay 10¹² × 9223372 + 36854775800 = 9223372036854775800 (64-bit max − 7) plus an award of 300 to everyone.
        do {
            let text = Self.ruleFile(extra: "\n[[awards]]\nname = \"奖\"\namount = 300\nto = 'true'")
                .replacingOccurrences(of: "score_pay = '0'", with: "score_pay = '基数 * 9223372 + 36854775800'")
            let t = try TinyTown(text: text, roster: [["W1", "甲", "东", "G1", largestCell]])
            cases.append(MessageCase(shows: ["arithmeticAddingAward"], got: t.reportErrors(),
                                     expected: ["\(t.position(of: "[[awards]]")): error: worker W1: number too large for exact arithmetic adding 奖 to the score pay"]))
        }
        // Two items each deducting 9·10¹⁸ yuan for W1's one row; a flag reads their sum ([pay] item_yuan_label).
        do {
            let deduction = "  [[items.deductions]]\n  table = \"rows\"\n  points = '-1'\n  yuan = '\(big)'\n  reason = \"扣\""
            let items = "[[items]]\nname = \"甲\"\nfull = 0\n\(deduction)\n[[items]]\nname = \"乙\"\nfull = 0\n\(deduction)"
            let t = try TinyTown(values: [], rowColumns: "  { name = \"n\", type = \"decimal\" },", rows: [["W1", "1"]], roster: [("W1", "东", "G1", "0")],
                                 items: items, extra: "item_yuan_label = \"扣款\"\n\n[[flags]]\nname = \"欠\"\nwhen = '扣款 > 0'")
            cases.append(MessageCase(shows: ["arithmeticAddingItemsYuan"], got: t.reportErrors(),
                                     expected: ["error: worker W1: number too large for exact arithmetic adding the items' yuan"]))
        }
        // total_base 9·10¹⁸ added to an item of 10¹² × 9·10⁶.
        do {
            let t = try TinyTown(values: [], roster: [("W1", "东", "G1", largestCell)], items: "[[items]]\nname = \"项\"\nscore = '基数 * 9000000'",
                                 extra: "\n[scoring]\ntotal_base = \(big)")
            cases.append(MessageCase(shows: ["arithmeticAddingTotalBase"], got: t.reportErrors(),
                                     expected: ["error: worker W1: number too large for exact arithmetic adding the total's base"]))
        }
        // add_minutes(t, 0.001): 0.06 seconds.
        do {
            let t = try TinyTown(values: ["\"晚\" = 'count(rows, add_minutes(t, n) > t)'"],
                                 rowColumns: "  { name = \"t\", type = \"datetime\" },\n  { name = \"n\", type = \"decimal\" },",
                                 rows: [["W1", "2026-10-01 08:00", "0.001"]], roster: [("W1", "东", "G1", "100")])
            cases.append(MessageCase(shows: ["notAWholeSecond"], got: t.problems.map(\.message), expected: [
                "add_minutes() by 0.001 does not land on a whole second; expected a duration of whole seconds while evaluating the rule at \(t.position(of: "add_minutes(")) for this row",
            ]))
        }
        // score_pay = 基数 / 3 with 基数 100: 33.333…, shown to six places.
        do {
            let text = Self.ruleFile().replacingOccurrences(of: "score_pay = '0'", with: "score_pay = '基数 / 3'")
            let t = try TinyTown(text: text, roster: [["W1", "甲", "东", "G1", "100"]])
            cases.append(MessageCase(shows: ["scorePayNotWholeFen"], got: t.reportErrors(), expected: [
                "\(t.position(of: "基数 / 3")): error: worker W1: [pay] score_pay gives ≈33.333333, which is not a whole number of fen; round it, e.g. round(…, 2)",
            ]))
        }
        // One row deducting 0.001 yuan.
        do {
            let items = "[[items]]\nname = \"项\"\nfull = 0\n  [[items.deductions]]\n  table = \"rows\"\n  yuan = '0.001'\n  reason = \"扣\""
            let t = try TinyTown(values: [], rowColumns: "  { name = \"n\", type = \"decimal\" },", rows: [["W1", "1"]], roster: [("W1", "东", "G1", "0")], items: items)
            cases.append(MessageCase(shows: ["deductionsNotWholeFen"], got: t.reportErrors(),
                                     expected: ["error: worker W1: the yuan deductions add up to 0.001, which is not a whole number of fen"]))
        }
        let twoWorkers = [("W1", "东", "G1", "100"), ("W2", "东", "G1", "80")]
        // A totals line of 基数: 100 for W1, 80 for W2.
        do {
            let t = try TinyTown(values: [], roster: twoWorkers,
                                 extra: "\n[[sheets]]\nname = \"汇总表\"\n  [[sheets.lines]]\n  label = \"基数\"\n  kind = \"合计\"\n  value = '基数'")
            cases.append(MessageCase(shows: ["sheetLineDiffers"], got: t.reportErrors(), expected: [
                "\(t.position(of: "基数", after: "value = '")): error: the value of '基数' on sheet 汇总表 differs between workers (100 for W1, 80 for W2); a totals line needs one value for the month, e.g. overall_sum(…)",
            ]))
        }
        // A group sheet's column 基数 within group G1.
        do {
            let t = try TinyTown(values: [], roster: twoWorkers,
                                 extra: "\n[[group_sheets]]\nname = \"网格表\"\ncolumns = [\n  { name = \"基数\", value = '基数' },\n]")
            cases.append(MessageCase(shows: ["onSheet", "groupSheetColumnDiffers"], got: t.reportErrors(), expected: [
                "\(t.position(of: "{ name = \"基数\", value")): error: sheet 网格表: column 基数 differs within group 'G1' (W1: 100, W2: 80); a group sheet shows values that are the same for every member, e.g. group_sum(…)",
            ]))
        }
        // A unit row keyed by 网格, labelled 片: its column 基数.
        do {
            let t = try TinyTown(values: [], roster: twoWorkers, extra: """

                [[sheets]]
                name = "片表"
                  [sheets.units]
                  key = '网格'
                  label = "片"
                    [[sheets.units.columns]]
                    name = "基数"
                    value = '基数'
                """)
            cases.append(MessageCase(shows: ["unitColumnDiffers"], got: t.reportErrors(), expected: [
                "\(t.position(of: "基数", after: "value = '")): error: sheet 片表: column 基数 differs within 片 'G1' (W1: 100, W2: 80); a row shows values that are the same for every worker with its key, e.g. group_sum(…) or group_count(…)",
            ]))
        }
        // A group sheet ordered by 基数: no position of its own (the sheet's is used).
        do {
            let t = try TinyTown(values: [], roster: twoWorkers,
                                 extra: "\n[[group_sheets]]\nname = \"网格表\"\norder = '基数'\ncolumns = [\n  { name = \"人数\", value = 'group_count(网格)' },\n]")
            cases.append(MessageCase(shows: ["sheetOrderDiffers"], got: t.reportErrors(), expected: [
                "\(t.position(of: "[[group_sheets]]")): error: sheet 网格表: the order differs within group 'G1'; order by a value that is the same for every member",
            ]))
        }
        // Ratings of a year over its months (RatingReport.build on results given by hand).
        let rated = try TinyTown(values: [], roster: [("W1", "东", "G1", "100")],
                                 extra: "\n[[ratings]]\nperiods = [\"year\"]\nmean = \"总分\"\n\(Self.bands)")
        let spec = try XCTUnwrap(rated.rules.rating(for: .year))
        let at = rated.position(of: "[[ratings]]")
        func rate(_ totals: [String?]) -> [String] {
            let results = totals.enumerated().map { k, total in
                PeriodResults(period: CalendarPeriod.parse(String(format: "2026-%02d", k + 1))!, closed: true,
                              workers: [.init(id: "W1", name: "甲", unit: "东", group: "G1",
                                              numbers: total.map { ["总分": ExactNumber(decimalText: $0)!] } ?? [:], flags: [:])],
                              sources: [])
            }
            do {
                _ = try RatingReport.build(town: "t", townName: "t", period: CalendarPeriod.parse("2026")!, spec: spec, results: results)
                return []
            } catch { return [Diagnostic.error(error.message, at: error.location).description] }
        }
        // February's results keep no 总分.
        cases.append(MessageCase(shows: ["ratingResultsLack"], got: rate(["90", nil]),
                                 expected: ["\(at): error: the results of 2026-02 have no '总分' to average"]))
        // 9·10¹⁸ + 9·10¹⁸ does not fit.
        cases.append(MessageCase(shows: ["arithmeticAddingRatingScore"], got: rate([big, big]),
                                 expected: ["\(at): error: number too large for exact arithmetic adding 总分 of worker W1"]))
        // (9·10¹⁸ + 1 + 0) / 3 rounded to 0.01: 300000000000000000033 / 100 does not fit.
        cases.append(MessageCase(shows: ["arithmeticInRatingMean"], got: rate([big, "1", "0"]),
                                 expected: ["\(at): error: number too large for exact arithmetic in the mean of worker W1"]))
        return cases
    }

    func testEachEvaluationMessageCaseGivesExactlyItsMessages() throws {
        for c in try messageCases() {
            XCTAssertEqual(c.got, c.expected, c.shows.joined(separator: ", "))
        }
    }

    /// Every function of EvaluationMessages is shown by a case (or listed as unreachable, with why),
    /// and each case's expected messages contain the wording of each function it names (its body's
    /// literal read as a pattern, an interpolation matching anything).
    func testEveryEvaluationMessageFunctionHasACase() throws {
        let functions = try RuleMessageFixtureTests.messageFunctions(in: Self.catalogue)
        XCTAssertGreaterThan(functions.count, 20)
        XCTAssertEqual(functions.count, Set(functions.map(\.name)).count, "two message functions of one name")
        let cases = try messageCases()
        for f in functions where Self.unreachable[f.name] == nil {
            let showing = cases.filter { $0.shows.contains(f.name) }
            guard !showing.isEmpty else { XCTFail("\(f.name): no case of EvaluationErrorPositionTests.messageCases shows it"); continue }
            guard let literal = f.literal else { XCTFail("\(f.name): its body is not a string literal"); continue }
            let pattern = try NSRegularExpression(pattern: CatalogueSource.pattern(ofLiteral: literal))
            let shown = showing.flatMap(\.expected).contains { pattern.firstMatch(in: $0, range: NSRange(location: 0, length: ($0 as NSString).length)) != nil }
            XCTAssertTrue(shown, "\(f.name): no expected message of its cases has the function's wording \(literal)")
        }
        let named = Set(cases.flatMap(\.shows)).union(Self.unreachable.keys)
        XCTAssertEqual(named.subtracting(functions.map(\.name)).sorted(), [], "cases naming no function of EvaluationMessages")
    }

    /// The cases in Chinese: their messages are the golden EvaluationMessageCases.zh.txt beside this
    /// file (GRIDPAY_RECORD_GOLDEN=1 re-records it; read the diff), and each function's Chinese
    /// wording is in a message of a case that shows it.
    func testEachEvaluationMessageCaseInChinese() throws {
        let cases = try Language.with(.zh) { try messageCases() }
        let text = cases.map { "## \($0.shows.joined(separator: ", "))\n" + $0.got.map { $0 + "\n" }.joined() }.joined()
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("EvaluationMessageCases.zh.txt")
        if ProcessInfo.processInfo.environment["GRIDPAY_RECORD_GOLDEN"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        } else {
            XCTAssertEqual(text, try String(contentsOf: golden, encoding: .utf8), "\(golden.path) (GRIDPAY_RECORD_GOLDEN=1 re-records)")
        }
        for f in try CatalogueSource.read("GridpayCore/" + Self.catalogue).functions where Self.unreachable[f.name] == nil {
            guard let zh = f.zh else { XCTFail("\(f.name): not in Chinese"); continue }
            let pattern = try NSRegularExpression(pattern: CatalogueSource.pattern(ofLiteral: zh))
            let shown = cases.filter { $0.shows.contains(f.name) }.flatMap(\.got)
                .contains { pattern.firstMatch(in: $0, range: NSRange(location: 0, length: ($0 as NSString).length)) != nil }
            XCTAssertTrue(shown, "\(f.name): no Chinese message of its cases has the function's wording \(zh)")
        }
    }
}
