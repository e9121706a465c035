/// The cell rules of one table (required_when, empty_when, on_roster, same_on_roster; read by
/// Sections/ColumnRulesSection), compiled once per month with the roster values they look up;
/// `RowChecks` applies them to each row.
final class CellRuleSet {
    struct Rule {
        let column: Int
        let requiredWhen: RowPredicate?
        let emptyWhen: RowPredicate?
        let requiredText: String?
        let emptyText: String?
        /// Roster values of on_roster (nil: no such rule), and with same_on_roster, the roster's
        /// values of those columns for each of them.
        let onRoster: Int?
        let values: Set<String>
        let same: [(column: Int, rosterColumn: Int)]
        let matches: [String: [[String]]]
    }
    let rules: [Rule]

    init?(table: Int, roster: Roster) {
        let spec = roster.rules.tables[table]
        let compiler = RowCompiler(spec: spec, period: roster.lengths)
        var rules: [Rule] = []
        for (c, col) in spec.columns.enumerated() where col.requiredWhen != nil || col.emptyWhen != nil || col.onRoster != nil {
            var values = Set<String>()
            var matches: [String: [[String]]] = [:]
            if let rc = col.onRoster {
                for row in roster.rows {
                    let v = row[rc].description
                    values.insert(v)
                    if !col.sameOnRoster.isEmpty { matches[v, default: []].append(col.sameOnRoster.map { row[$0.rosterColumn].description }) }
                }
            }
            rules.append(Rule(column: c, requiredWhen: col.requiredWhen.map(compiler.predicate), emptyWhen: col.emptyWhen.map(compiler.predicate),
                              requiredText: col.requiredWhenText, emptyText: col.emptyWhenText, onRoster: col.onRoster,
                              values: values, same: col.sameOnRoster, matches: matches))
        }
        if rules.isEmpty { return nil }
        self.rules = rules
    }
}

extension TableSpec {
    /// Columns the cell rules read (conditions, and the columns compared with the roster).
    var cellRuleColumns: Set<Int> {
        var used = Set<Int>()
        for (c, col) in columns.enumerated() where col.requiredWhen != nil || col.emptyWhen != nil || col.onRoster != nil {
            used.insert(c)
            col.requiredWhen?.rowColumns(into: &used)
            col.emptyWhen?.rowColumns(into: &used)
            for m in col.sameOnRoster { used.insert(m.column) }
        }
        return used
    }
}
