/// The cell rules of a column of `[tables.<name>]` that look beyond the cell's own text,
/// checked once the tables are known (they name columns and hold row expressions):
/// - `required_when = '<row condition>'`: the cell must be filled when the condition holds;
/// - `empty_when = '<row condition>'`: the cell must be empty when the condition holds
///   (a column with either rule may be empty otherwise);
/// - `on_roster = "<roster column>"`: a filled cell must be a value of that roster column;
/// - `same_on_roster = ["<column>", …]` (with on_roster): the roster row it names must have the
///   same value as this row in each listed column (a column of both tables).
/// Each violation is an error at the row and column, like a bad value (CellRules.swift).
enum ColumnRulesSection {
    /// The tables with their columns' cell rules.
    static func read(_ d: RuleReading, tables declared: [TableSpec]) -> [TableSpec] {
        var tables = declared
        guard let tablesNode = d.top.subtable("tables", required: false) else { return tables }
        for (ti, entry) in tablesNode.entries.enumerated() where ti < tables.count {
            guard case .table(let t) = entry.node.value, let columns = t["columns"], case .array(let nodes) = columns.value else { continue }
            for node in nodes {
                guard case .table(let ct) = node.value, let nameNode = ct["name"], case .string(let name) = nameNode.value,
                      let c = tables[ti].columnIndex(name.value) else { continue }
                // The column's keys were checked by ColumnReader: read them without reporting again.
                let r = TOMLSection(ct, path: RulePlaces.columnOf(entry.key)) { _ in }
                readConditions(r, table: ti, into: &tables[ti].columns[c], d)
                readOnRoster(r, of: tables[ti], index: ti, roster: tables[d.context.rosterTable], into: &tables[ti].columns[c], d)
            }
        }
        return tables
    }

    static func readConditions(_ r: TOMLSection, table ti: Int, into column: inout ColumnSpec, _ d: RuleReading) {
        for key in ["required_when", "empty_when"] {
            guard let s = r.string(key, required: false) else { continue }
            if ti == d.context.rosterTable {
                d.report(RuleMessages.conditionOnRoster(key, at: s.location(ofCharacterAt: 0)))
                continue
            }
            guard let (e, _) = d.expression(s, scope: .row(table: ti), expecting: .bool, what: key) else { continue }
            column.optional = true
            if key == "required_when" { column.requiredWhen = e; column.requiredWhenText = s.value } else {
                column.emptyWhen = e; column.emptyWhenText = s.value
            }
        }
    }

    static func readOnRoster(_ r: TOMLSection, of table: TableSpec, index ti: Int, roster: TableSpec, into column: inout ColumnSpec, _ d: RuleReading) {
        guard let s = r.string("on_roster", required: false) else {
            if let m = r.table["same_on_roster"] { d.report(RuleMessages.sameOnRosterWithoutOnRoster(at: m.location)) }
            return
        }
        guard ti != d.context.rosterTable else { return d.report(RuleMessages.onRosterOnRoster(at: s.location(ofCharacterAt: 0))) }
        guard let rc = roster.columnIndex(s.value) else {
            return d.report(RuleMessages.onRosterNotARosterColumn(s.value, roster: roster, at: s.location(ofCharacterAt: 0)))
        }
        guard roster.columns[rc].type.valueType == .text, column.type.valueType == .text else {
            return d.report(RuleMessages.onRosterNotText(column: column.name, rosterColumn: s.value, at: s.location(ofCharacterAt: 0)))
        }
        column.onRoster = rc
        for m in r.array("same_on_roster", required: false) ?? [] {
            guard case .string(let ms) = m.value else {
                d.report(RuleMessages.sameOnRosterNotText(at: m.location))
                continue
            }
            guard let own = table.columnIndex(ms.value), let other = roster.columnIndex(ms.value) else {
                d.report(RuleMessages.sameOnRosterNotInBoth(ms.value, of: table, at: ms.location(ofCharacterAt: 0)))
                continue
            }
            column.sameOnRoster.append((own, other))
        }
    }
}
