import XCTest
@testable import GridpayCore

/// A town of a few workers written in place, for tests that pin one function's values by hand:
/// a roster (编号, 姓名, 村, 网格, 基数) and one input table `rows` whose columns the test declares.
struct TinyTown {
    static let file = "t.toml"

    let text: String
    let rules: RuleSet
    let month: MonthScoring
    /// Problems of the rows read (roster, then rows).
    let problems: [InputProblem]

    /// `values`: the [values] section's lines; `rowColumns`: the TOML of the rows table's columns
    /// (a column 编号 naming the worker is added first); `roster`: (id, 村, 网格, 基数) per worker.
    init(values: [String], rowColumns: String = "", rows: [[String]] = [], roster: [(String, String, String, String)],
         items: String = "[[items]]\nname = \"项\"\nfull = 0", extra: String = "", month: String = "2026-10",
         history: HistoryProvider? = nil, accepted: Set<RowPosition> = [], quarterly: Bool = false) throws {
        var text = TinyTown.ruleFile(values: values, rowColumns: rowColumns, items: items, extra: extra)
        if quarterly { text = text.replacingOccurrences(of: "effective_from = \"2026-01\"\n", with: "effective_from = \"2026-01\"\nperiod = \"quarter\"\n") }
        try self.init(text: text, rows: rows, roster: roster.enumerated().map { k, w in [w.0, "名\(k)", w.1, w.2, w.3] },
                      month: month, history: history, accepted: accepted)
    }

    /// A town of a rule file written whole: `roster` gives every cell of each roster row, in the
    /// order of the roster table's columns (whatever they are); `rows` as above.
    init(text: String, rows: [[String]] = [], roster: [[String]], month: String = "2026-10",
         history: HistoryProvider? = nil, accepted: Set<RowPosition> = []) throws {
        self.text = text
        switch RuleLoader.load(text: text, file: TinyTown.file) {
        case .success(let r): rules = r
        case .failure(let f):
            XCTFail(f.diagnostics.map(\.description).joined(separator: "\n"))
            throw f
        }
        let rosterReading = RosterReading(rules: rules, span: CalendarPeriod.parse(month)!)
        let rosterIngest = TableIngest(roster: rosterReading, accepted: [])
        rosterIngest.consume(fields: rules.tables[rules.roster.table].columns.map(\.name), line: 1)
        for (k, w) in roster.enumerated() { rosterIngest.consume(fields: w, line: k + 2) }
        rosterIngest.finish()
        let c = MonthReading(roster: rosterReading.finish())
        var problems = rosterIngest.problems
        if let t = rules.tables.firstIndex(where: { $0.name == "rows" }) {
            let ingest = TableIngest(table: t, month: c, accepted: accepted)
            ingest.consume(fields: rules.tables[t].columns.map(\.name), line: 1)
            for (k, r) in rows.enumerated() { ingest.consume(fields: r, line: k + 2) }
            ingest.finish()
            if let own = ingest.ownDeductions { c.adopt(own) }
            problems += ingest.problems
        }
        self.problems = problems
        self.month = MonthScoring(c.finish(), history: history)
    }

    /// [rules] and the roster table every small test town starts with (RuleCheckTests too; the
    /// positions its tests assert count these 14 lines).
    static let headerAndRoster = """
        [rules]
        town = "t"
        version = "1"
        effective_from = "2026-01"

        [tables.roster]
        file = "roster.csv"
        columns = [
          { name = "编号", type = "id" },
          { name = "姓名", type = "text" },
          { name = "村", type = "text" },
          { name = "网格", type = "id" },
          { name = "基数", type = "decimal", min = 0 },
        ]
        """

    static func ruleFile(values: [String], rowColumns: String, items: String, extra: String) -> String {
        let rowsTable = rowColumns.isEmpty ? "" : """
        [tables.rows]
        file = "rows.csv"
        worker = "编号"
        columns = [
          { name = "编号", type = "id" },
        \(rowColumns)
        ]

        """
        return """
        \(headerAndRoster)

        \(rowsTable)
        [roster]
        table = "roster"
        id = "编号"
        name = "姓名"
        unit = "村"
        group = "网格"

        [values]
        \(values.joined(separator: "\n"))

        \(items)

        [pay]
        base = '基数'
        score_pay = '0'
        \(extra)
        """
    }

    /// The named value of [values] for the worker with this id, as its text (e.g. "2.5", "true").
    func value(_ name: String, _ id: String) throws -> String {
        let w = try XCTUnwrap(month.workerIndex(id), "no worker \(id)")
        let v = try XCTUnwrap(rules.values.firstIndex { $0.name == name }, "no value \(name)")
        do { return try month.symbol(.value(v), worker: w).description } catch {
            XCTFail("\(name) of \(id): \(error.location.map { "\($0): " } ?? "")\(error.message)")
            throw error
        }
    }

    /// `t.toml:line:column` of the first occurrence of `needle` in the rule file (columns count
    /// characters, as the rule file's messages do).
    func position(of needle: String, after anchor: String = "") -> String {
        let start = anchor.isEmpty ? text.startIndex : text.range(of: anchor)!.upperBound
        let r = text.range(of: needle, range: start..<text.endIndex)!
        let before = text[..<r.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return "\(TinyTown.file):\(line):\(text[lineStart..<r.lowerBound].count + 1)"
    }

    /// The month's report, or the diagnostics that stopped it.
    func report() -> Result<MonthReport, RuleLoader.Failure> { MonthReport.build(month) }

    /// The report's line of each worker, by id (build the report once: it takes the records).
    func workers() throws -> [String: WorkerReport] {
        switch report() {
        case .success(let r): return Dictionary(uniqueKeysWithValues: r.workers.map { ($0.id, $0) })
        case .failure(let f): XCTFail(f.diagnostics.map(\.description).joined(separator: "\n")); throw f
        }
    }

    func reportErrors() -> [String] {
        guard case .failure(let f) = report() else { return [] }
        return f.diagnostics.map(\.description)
    }
}
