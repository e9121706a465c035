/// Column rules that look beyond a cell's own text (required_when, empty_when, on_roster,
/// same_on_roster; read by Sections/05-ColumnRulesSection), compiled and applied to each row.
/// Each violation is an error at the row and column, like a bad value.
/// The cell rules of one table, compiled, with the roster values they look up.
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

    init?(table: Int, month: MonthReading) {
        let spec = month.rules.tables[table]
        let compiler = RowCompiler(spec: spec, period: month.lengths)
        var rules: [Rule] = []
        for (c, col) in spec.columns.enumerated() where col.requiredWhen != nil || col.emptyWhen != nil || col.onRoster != nil {
            var values = Set<String>()
            var matches: [String: [[String]]] = [:]
            if let rc = col.onRoster {
                for row in month.rosterRows {
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

extension TableIngest {
    /// Checks the table's cell rules on a decoded row; reports each violation at its cell.
    /// Returns false when the row breaks one (it is then not counted).
    func checkCellRules(_ rules: CellRuleSet, _ row: RowView, line: Int) -> Bool {
        var ok = true
        for rule in rules.rules {
            let c = rule.column
            let name = spec.columns[c].name
            let field = fieldOf[c] + 1
            let filled = !row.fields[c].isEmpty
            let text = filled ? String(decoding: row.fields[c], as: UTF8.self) : ""
            do throws(EvaluationError) {
                if !filled, let p = rule.requiredWhen, try p(row) {
                    problem(.badValue, line: line, field: field, column: name, "\(name) is empty; expected a value when \(rule.requiredText ?? "")")
                    ok = false
                    continue
                }
                if filled, let p = rule.emptyWhen, try p(row) {
                    problem(.badValue, line: line, field: field, column: name, "\(name) is '\(text)'; expected it to be empty when \(rule.emptyText ?? "")")
                    ok = false
                    continue
                }
            } catch {
                problem(.badValue, line: line, field: field, column: name, "\(error.message) while checking \(name)", acceptable: false)
                ok = false
                continue
            }
            guard filled, let rc = rule.onRoster else { continue }
            let rosterSpec = month.rules.rosterTable
            let rosterName = rosterSpec.columns[rc].name
            guard rule.values.contains(text) else {
                problem(.badValue, line: line, field: field, column: name,
                        "\(name) '\(text)' is not a \(rosterName) on the roster (\(rosterSpec.file))\(Suggestion.didYouMean(text, among: rule.values.count <= 5000 ? Array(rule.values).sorted() : [], maxDistance: 1)); expected a \(rosterName) of the roster")
                ok = false
                continue
            }
            guard !rule.same.isEmpty else { continue }
            let own = rule.same.map { String(decoding: row.fields[$0.column], as: UTF8.self) }
            guard let options = rule.matches[text], !options.contains(own) else { continue }
            let theirs = options[0]
            let described = zip(rule.same, zip(own, theirs)).filter { $0.1.0 != $0.1.1 }.map { m, v in
                "\(spec.columns[m.column].name) '\(v.1)' on the roster, '\(v.0)' on this row"
            }.joined(separator: ", ")
            problem(.badValue, line: line, field: field, column: name,
                    "\(name) '\(text)' belongs to another \(rule.same.map { spec.columns[$0.column].name }.joined(separator: " / ")): \(described); expected a \(rosterName) of the row's \(rule.same.map { spec.columns[$0.column].name }.joined(separator: " / "))")
            ok = false
        }
        return ok
    }
}
