import XCTest
@testable import GridpayCore

/// A small town for the tests of the ingestion types: TinyTown's roster (编号, 姓名, 村, 网格, 基数)
/// read from `roster`, and the tables the test declares.
struct IngestFixture {
    let rules: RuleSet
    /// The roster as read (same_in_group is checked on it), and the month made from it.
    let roster: RosterReading
    let month: MonthReading
    /// The roster's problems (a bad roster row is left out).
    let rosterProblems: [InputProblem]

    /// `tables`: TOML of the test's tables; `rosterSection`: further lines of [roster].
    init(tables: String, roster: [[String]], rosterSection: String = "", period: String = "2026-10") throws {
        let text = """
            \(TinyTown.headerAndRoster)

            \(tables)

            [roster]
            table = "roster"
            id = "编号"
            name = "姓名"
            unit = "村"
            group = "网格"
            \(rosterSection)

            [[items]]
            name = "项"
            full = 0

            [pay]
            base = '基数'
            score_pay = '0'
            """
        switch RuleLoader.load(text: text, file: "t.toml") {
        case .success(let r): rules = r
        case .failure(let f):
            XCTFail(f.diagnostics.map(\.description).joined(separator: "\n"))
            throw f
        }
        self.roster = RosterReading(rules: rules, period: Period.parse(period)!)
        let ingest = TableIngest(roster: self.roster, accepted: [])
        ingest.consume(fields: rules.rosterTable.columns.map(\.name), line: 1)
        for (k, row) in roster.enumerated() { ingest.consume(fields: row, line: k + 2) }
        ingest.finish()
        rosterProblems = ingest.problems
        month = MonthReading(roster: self.roster.finish())
    }

    func table(_ name: String) -> Int { rules.tables.firstIndex { $0.name == name }! }
    func spec(_ name: String) -> TableSpec { rules.tables[table(name)] }

    /// Problems as the tests compare them: `line:field kind message`.
    static func described(_ problems: [InputProblem]) -> [String] {
        problems.map { "\($0.line.map(String.init) ?? "-"):\($0.column.map(String.init) ?? "-") \($0.kind.rawValue) \($0.message)" }
    }
}

/// Calls `body` with the record of `fields` at `line`.
func withRecord(_ fields: [String], line: Int, _ body: (StringRecord) -> Void) {
    StringRecord.with(fields, line: line, body)
}
