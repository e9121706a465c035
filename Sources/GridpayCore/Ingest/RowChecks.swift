/// The checks a decoded row must pass beyond its cells' own types (SPEC §6): its columns' cell
/// rules (required_when, empty_when, on_roster, same_on_roster) and the table's declared checks
/// (`[[tables.<name>.checks]]`). Each failure is an error at the row and column; a row that fails
/// one is not counted.
final class RowChecks {
    let spec: TableSpec
    let cellRules: CellRuleSet?
    /// The table's declared row checks, compiled.
    let declared: [(RowPredicate, RowCheck)]
    /// The roster's declaration (its file and column names, for on_roster's messages).
    let rosterTable: TableSpec
    let problems: FileProblems

    /// `cellRules`: the table's, compiled with the roster's values (none for the roster itself).
    init(spec: TableSpec, cellRules: CellRuleSet?, rules: RuleSet, period: PeriodLengths, problems: FileProblems) {
        self.spec = spec
        self.cellRules = cellRules
        let compiler = RowCompiler(spec: spec, period: period)
        declared = spec.checks.map { (compiler.predicate($0.require), $0) }
        rosterTable = rules.rosterTable
        self.problems = problems
    }

    /// Another table's checks, with its cell rules as compiled for the month's roster.
    convenience init(table: Int, spec: TableSpec, month: MonthReading, problems: FileProblems) {
        self.init(spec: spec, cellRules: month.cellRuleSets[table], rules: month.rules, period: month.lengths, problems: problems)
    }

    /// The cell rules on a decoded row; each violation is reported at its cell. False when the row
    /// breaks one.
    func passCellRules(_ row: RowView, fieldOf: [Int], line: Int) -> Bool {
        guard let cellRules else { return true }
        var ok = true
        for rule in cellRules.rules {
            let c = rule.column
            let filled = !row.fields[c].isEmpty
            let text = filled ? String(decoding: row.fields[c], as: UTF8.self) : ""
            guard passesConditions(rule, row, filled: filled, text: text, field: fieldOf[c] + 1, line: line) else {
                ok = false
                continue
            }
            guard filled, rule.onRoster != nil else { continue }
            if !isOnRoster(rule, row, text: text, field: fieldOf[c] + 1, line: line) { ok = false }
        }
        return ok
    }

    /// required_when and empty_when.
    func passesConditions(_ rule: CellRuleSet.Rule, _ row: RowView, filled: Bool, text: String, field: Int, line: Int) -> Bool {
        let name = spec.columns[rule.column].name
        do throws(EvaluationError) {
            if !filled, let p = rule.requiredWhen, try p(row) {
                problems.report(.badValue, line: line, field: field, column: name, InputMessages.requiredWhen(name, condition: rule.requiredText ?? ""))
                return false
            }
            if filled, let p = rule.emptyWhen, try p(row) {
                problems.report(.badValue, line: line, field: field, column: name, InputMessages.emptyWhen(name, text, condition: rule.emptyText ?? ""))
                return false
            }
        } catch {
            problems.report(.badValue, line: line, field: field, column: name, InputMessages.cellRuleFailed(error.message, column: name), acceptable: false)
            return false
        }
        return true
    }

    /// on_roster, and same_on_roster: the filled cell is a value of the roster's column, on a
    /// roster row that agrees with this row's columns.
    func isOnRoster(_ rule: CellRuleSet.Rule, _ row: RowView, text: String, field: Int, line: Int) -> Bool {
        guard let rc = rule.onRoster else { return true }
        let name = spec.columns[rule.column].name
        let rosterName = rosterTable.columns[rc].name
        guard rule.values.contains(text) else {
            let suggestion = Suggestion.didYouMean(text, among: rule.values.count <= 5000 ? Array(rule.values).sorted() : [], maxDistance: 1)
            problems.report(.badValue, line: line, field: field, column: name,
                            InputMessages.notOnRosterColumn(name, text, rosterColumn: rosterName, roster: rosterTable.file, suggestion: suggestion))
            return false
        }
        guard !rule.same.isEmpty else { return true }
        let own = rule.same.map { String(decoding: row.fields[$0.column], as: UTF8.self) }
        guard let options = rule.matches[text], !options.contains(own) else { return true }
        let theirs = options[0]
        let differing = zip(rule.same, zip(own, theirs)).filter { $0.1.0 != $0.1.1 }.map { m, v in
            (column: spec.columns[m.column].name, roster: v.1, row: v.0)
        }
        problems.report(.badValue, line: line, field: field, column: name,
                        InputMessages.belongsToAnother(name, text, groupColumns: rule.same.map { spec.columns[$0.column].name },
                                                       differing: differing, rosterColumn: rosterName))
        return false
    }

    /// The table's declared checks on the decoded row; each failure is a problem at its column.
    func passDeclared(_ row: RowView, fieldOf: [Int], line: Int) -> Bool {
        var ok = true
        for (predicate, check) in declared {
            do throws(EvaluationError) {
                if try predicate(row) { continue }
                let message = ReasonTemplate.fill(check.message) { name in
                    spec.columnIndex(name).map { String(decoding: row.fields[$0], as: UTF8.self) }
                }
                problems.report(.badValue, line: line, field: check.column.map { fieldOf[$0] + 1 }, column: check.column.map { spec.columns[$0].name },
                                InputMessages.checkNotMet(message, requirement: check.requireText))
            } catch {
                problems.report(.badValue, line: line, error.isEmptyValue ? emptyValueMessage(error, row) : InputMessages.checkFailed(error.message, at: "\(check.location)"),
                                acceptable: false)
            }
            ok = false
        }
        return ok
    }

    /// A rule used an empty optional cell as a value: name the row's empty cells and the cure.
    func emptyValueMessage(_ error: EvaluationError, _ row: RowView) -> String {
        let empty = spec.columns.indices.filter { row.values[$0].isEmpty }.map { spec.columns[$0].name }
        return InputMessages.emptyValueUsed(empty, at: error.location.map { "\($0)" })
    }
}
