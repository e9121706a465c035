import XCTest
@testable import GridpayCore

/// Property: for generated well-typed expressions over generated rows, what the checker accepts
/// evaluates without a crash, and row scope (a filter or summed value inside count()/sum() over
/// one row per worker) agrees with worker scope (the same text over the same roster columns).
/// Issue 6.1: every comparison in a row filter but a choice column against a literal once
/// recursed without end (RowCompiler.predicate ↔ RowCompiler.function).
final class RowScopePropertyTests: XCTestCase {
    /// SplitMix64: seeded, so a failure is reproducible from the seed in its message.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    }

    static let columns = """
          { name = "编号", type = "id" },
          { name = "姓名", type = "text" },
          { name = "村", type = "text" },
          { name = "网格", type = "id" },
          { name = "基数", type = "decimal", min = 0 },
          { name = "n", type = "decimal", places = 2 },
          { name = "k", type = "integer" },
          { name = "d", type = "date" },
          { name = "t", type = "datetime" },
          { name = "c", type = "choice", values = ["甲", "乙", "丙"] },
          { name = "s", type = "text" },
    """

    static func ruleFile(values: [(String, String)]) -> String {
        """
        [rules]
        town = "t"
        version = "1"
        effective_from = "2026-01"

        [tables.roster]
        file = "roster.csv"
        columns = [
        \(columns)
        ]

        [tables.rows]
        file = "rows.csv"
        worker = "编号"
        columns = [
        \(columns)
        ]

        [roster]
        table = "roster"
        id = "编号"
        name = "姓名"
        unit = "村"
        group = "网格"

        [values]
        \(values.map { "\"\($0.0)\" = '\($0.1)'" }.joined(separator: "\n"))

        [[items]]
        name = "项"
        full = 0

        [pay]
        base = '基数'
        score_pay = '0'
        """
    }

    // Expressions of each type, depth-bounded; every operator of the language appears.
    static func number(_ g: inout Generator, _ depth: Int) -> String {
        let leaves = ["n", "k", "基数", "day(d)", "day(date(t))", "3", "0.5", "-2", "days_in_month"]
        if depth == 0 { return g.pick(leaves) }
        switch g.int(10) {
        case 0: return "(\(number(&g, depth - 1)) + \(number(&g, depth - 1)))"
        case 1: return "(\(number(&g, depth - 1)) - \(number(&g, depth - 1)))"
        case 2: return "(\(number(&g, depth - 1)) * \(g.pick(["2", "0.25", "k", "-1"])))"
        case 3: return "(\(number(&g, depth - 1)) / (abs(k) + 1))"
        case 4: return "-\(number(&g, depth - 1))"
        case 5: return "\(g.pick(["min", "max"]))(\(number(&g, depth - 1)), \(number(&g, depth - 1)))"
        case 6: return "\(g.pick(["abs", "floor", "ceil"]))(\(number(&g, depth - 1)))"
        case 7: return "round(\(number(&g, depth - 1)), \(g.int(3)))"
        case 8: return "(if \(bool(&g, depth - 1)) then \(number(&g, depth - 1)) else \(number(&g, depth - 1)))"
        default: return g.pick(leaves)
        }
    }

    static func text(_ g: inout Generator, _ depth: Int) -> String {
        // A choice column is compared with its own values only (anything else is a check error).
        if depth > 0, g.int(3) == 0 { return "(if \(bool(&g, depth - 1)) then \(g.pick(["c", text(&g, depth - 1)])) else \(text(&g, depth - 1)))" }
        return g.pick(["s", "村", "\"甲\"", "\"x\""])
    }

    static func bool(_ g: inout Generator, _ depth: Int) -> String {
        let order = ["==", "!=", "<", "<=", ">", ">="]
        if depth == 0 {
            switch g.int(6) {
            case 0: return "c \(g.pick(["==", "!="])) \(g.pick(["\"甲\"", "\"乙\"", "\"丙\""]))"
            case 1: return "d \(g.pick(order)) date(\"2026-10-\(g.pick(["01", "10", "15", "31"]))\")"
            case 2: return "t \(g.pick(order)) datetime(\"2026-10-15 \(g.pick(["00:00", "08:30", "12:00:01"]))\")"
            case 3: return "n \(g.pick(order)) k"
            case 4: return g.pick(["true", "false"])
            default: return "s \(g.pick(["==", "!="])) \"x\""
            }
        }
        switch g.int(9) {
        case 0: return "(\(bool(&g, depth - 1)) and \(bool(&g, depth - 1)))"
        case 1: return "(\(bool(&g, depth - 1)) or \(bool(&g, depth - 1)))"
        case 2: return "not (\(bool(&g, depth - 1)))"
        case 3: return "\(number(&g, depth - 1)) \(g.pick(order)) \(number(&g, depth - 1))"
        case 4: return "\(text(&g, depth - 1)) \(g.pick(["==", "!="])) \(text(&g, depth - 1))"
        case 5: return "date(t) \(g.pick(order)) d"
        case 6: return "(\(bool(&g, depth - 1))) \(g.pick(["==", "!="])) (\(bool(&g, depth - 1)))"
        case 7: return "(if \(bool(&g, depth - 1)) then \(bool(&g, depth - 1)) else \(bool(&g, depth - 1)))"
        default: return bool(&g, 0)
        }
    }

    static func row(_ g: inout Generator, id: String) -> [String] {
        let n = ["0", "1.5", "-2.25", "10", "0.01", "-0.5", "7"]
        let dates = ["2026-10-01", "2026-10-10", "2026-10-15", "2026-10-31"]
        let times = ["00:00", "08:30", "08:30:00", "12:00:01", "23:59:59"]
        return [id, "名\(id)", g.pick(["东村", "西村"]), g.pick(["G1", "G2"]), g.pick(["0", "1800", "2080.25"]),
                g.pick(n), g.pick(["0", "1", "-3", "12"]), g.pick(dates), "\(g.pick(dates)) \(g.pick(times))",
                g.pick(["甲", "乙", "丙"]), g.pick(["x", "y"])]
    }

    func testRowScopeAgreesWithWorkerScope() throws {
        let header = ["编号", "姓名", "村", "网格", "基数", "n", "k", "d", "t", "c", "s"]
        var checked = 0
        for seed in UInt64(1)...12 {
            var g = Generator(state: seed)
            var values: [(String, String)] = []
            for i in 0..<16 {
                if i % 2 == 0 {
                    let e = Self.bool(&g, 3)
                    values.append(("wb\(i)", e))
                    values.append(("rb\(i)", "count(rows, \(e))"))
                } else {
                    let e = Self.number(&g, 3)
                    values.append(("wn\(i)", e))
                    values.append(("rn\(i)", "sum(rows, \(e))"))
                }
            }
            let text = Self.ruleFile(values: values)
            let rules: RuleSet
            switch RuleLoader.load(text: text, file: "p.toml") {
            case .success(let r): rules = r
            case .failure(let f): return XCTFail("seed \(seed): generated well-typed rules were refused: \(f.diagnostics.map(\.description))")
            }
            let rosterReading = RosterReading(rules: rules, period: Period.parse("2026-10")!)
            let rosterIndex = rules.roster.table
            let roster = TableIngest(roster: rosterReading, accepted: [])
            let rowTable = rules.tables.indices.first { $0 != rosterIndex }!
            var rows: [[String]] = []
            roster.consume(fields: header, line: 1)
            for w in 0..<24 {
                let r = Self.row(&g, id: "W\(w)")
                rows.append(r)
                roster.consume(fields: r, line: w + 2)
            }
            XCTAssertEqual(roster.problems.map(\.message), [])
            let month = MonthReading(roster: rosterReading.finish())
            let ingest = TableIngest(table: rowTable, month: month, accepted: [])
            ingest.consume(fields: header, line: 1)
            // One row per worker, the same cells as its roster row.
            for (w, r) in rows.enumerated() { ingest.consume(fields: r, line: w + 2) }
            XCTAssertEqual(ingest.problems.map(\.message), [], "seed \(seed)")
            let scoring = MonthScoring(month.finish(), history: nil)
            for w in 0..<rows.count {
                for i in 0..<16 {
                    let worker = values[2 * i], inRows = values[2 * i + 1]
                    let a = try scoring.symbol(.value(2 * i), worker: w)
                    let b = try scoring.symbol(.value(2 * i + 1), worker: w)
                    let expected: Value = i % 2 == 0 ? .number(ExactNumber(a.bool == true ? 1 : 0)) : a
                    XCTAssertEqual(b, expected, "seed \(seed), worker \(w): \(inRows) vs \(worker.1) (row \(rows[w]))")
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 12 * 24 * 16)
    }

    /// The three filters of the issue, each with a hand count.
    func testIssueFiltersCount() throws {
        let text = Self.ruleFile(values: [
            ("长", "count(rows, n >= 1.5)"),
            ("非甲且短", "sum(rows, n, c != \"甲\" and n < 5)"),
            ("十五日后", "count(rows, d > date(\"2026-10-15\"))"),
            ("晚", "count(rows, t >= datetime(\"2026-10-15 08:30\"))"),
        ])
        guard case .success(let rules) = RuleLoader.load(text: text, file: "p.toml") else { return XCTFail() }
        let rosterReading = RosterReading(rules: rules, period: Period.parse("2026-10")!)
        let roster = TableIngest(roster: rosterReading, accepted: [])
        let header = ["编号", "姓名", "村", "网格", "基数", "n", "k", "d", "t", "c", "s"]
        roster.consume(fields: header, line: 1)
        roster.consume(fields: ["W1", "甲", "东", "G1", "0", "0", "0", "2026-10-01", "2026-10-01 00:00", "甲", "x"], line: 2)
        let month = MonthReading(roster: rosterReading.finish())
        let ingest = TableIngest(table: 1 - rules.roster.table, month: month, accepted: [])
        ingest.consume(fields: header, line: 1)
        ingest.consume(fields: ["W1", "名", "村", "G", "0", "1.5", "0", "2026-10-15", "2026-10-15 08:30", "乙", "x"], line: 2)
        ingest.consume(fields: ["W1", "名", "村", "G", "0", "7", "0", "2026-10-16", "2026-10-15 08:29:59", "丙", "x"], line: 3)
        ingest.consume(fields: ["W1", "名", "村", "G", "0", "-2.25", "0", "2026-10-31", "2026-10-31 00:00", "甲", "x"], line: 4)
        XCTAssertEqual(ingest.problems.map(\.message), [])
        let scoring = MonthScoring(month.finish(), history: nil)
        // n ≥ 1.5: lines 2, 3 → 2. c ≠ 甲 and n < 5: line 2 only → 1.5. d > 10-15: lines 3, 4 → 2.
        // t ≥ 10-15 08:30: lines 2, 4 → 2.
        XCTAssertEqual(try scoring.symbol(.value(0), worker: 0), .number(ExactNumber(2)))
        XCTAssertEqual(try scoring.symbol(.value(1), worker: 0), .number(ExactNumber(decimalText: "1.5")!))
        XCTAssertEqual(try scoring.symbol(.value(2), worker: 0), .number(ExactNumber(2)))
        XCTAssertEqual(try scoring.symbol(.value(3), worker: 0), .number(ExactNumber(2)))
    }

    func testDateLiteralsAreCheckedInPlace() {
        let text = Self.ruleFile(values: [("a", "count(rows, d > date(\"2026-02-30\"))"), ("b", "count(rows, d > \"2026-10-01\")")])
        guard case .failure(let f) = RuleLoader.load(text: text, file: "p.toml") else { return XCTFail() }
        XCTAssertEqual(f.diagnostics.map(\.description), [
            "p.toml:47:29: error: '2026-02-30' is not a date YYYY-MM-DD, e.g. date(\"2026-10-15\")",
            "p.toml:48:20: error: cannot compare a date with text; write a date in the rule file as date(\"2026-10-15\")",
        ])
    }
}

extension RowScopePropertyTests {
    /// An empty optional choice cell once kept the previous row's choice index, so a filter
    /// counted it as that value: now it is no value (has() false; comparing it unguarded is refused
    /// by the checker, OptionalGuards).
    func testAnEmptyOptionalChoiceIsNotThePreviousRowsValue() throws {
        var text = Self.ruleFile(values: [("是数", "count(rows, has(c) and c == \"甲\")")])
        // The rows table's c (its second declaration) is optional.
        let c = #"{ name = "c", type = "choice", values = ["甲", "乙", "丙"] }"#
        let last = try XCTUnwrap(text.range(of: c, options: .backwards))
        text.replaceSubrange(last, with: #"{ name = "c", type = "choice", values = ["甲", "乙", "丙"], optional = true }"#)
        XCTAssertEqual(text.components(separatedBy: "optional = true").count, 2, "the rows table's c is optional")
        guard case .success(let rules) = RuleLoader.load(text: text, file: "p.toml") else { return XCTFail("rules") }
        let rosterReading = RosterReading(rules: rules, period: Period.parse("2026-10")!)
        let header = ["编号", "姓名", "村", "网格", "基数", "n", "k", "d", "t", "c", "s"]
        let roster = TableIngest(roster: rosterReading, accepted: [])
        roster.consume(fields: header, line: 1)
        roster.consume(fields: ["W1", "甲", "东", "G1", "0", "0", "0", "2026-10-01", "2026-10-01 00:00", "甲", "x"], line: 2)
        XCTAssertEqual(roster.problems.map(\.message), [])
        let month = MonthReading(roster: rosterReading.finish())
        let ingest = TableIngest(table: 1 - rules.roster.table, month: month, accepted: [])
        ingest.consume(fields: header, line: 1)
        ingest.consume(fields: ["W1", "名", "村", "G", "0", "0", "0", "2026-10-01", "2026-10-01 00:00", "甲", "x"], line: 2)
        ingest.consume(fields: ["W1", "名", "村", "G", "0", "0", "0", "2026-10-01", "2026-10-01 00:00", "", "x"], line: 3)
        let scoring = MonthScoring(month.finish(), history: nil)
        // Line 2 counts; line 3 is not counted as 甲 (before: 2), and is reported at its row.
        XCTAssertEqual(try scoring.symbol(.value(0), worker: 0), .number(ExactNumber(1)))
        XCTAssertEqual(ingest.problems.map(\.message), [], "an optional cell may be empty")
    }
}
