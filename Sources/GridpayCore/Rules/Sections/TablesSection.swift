/// `[tables.<name>]`: what each export of a period looks like.
///
///     [tables.events]
///     file = "events.csv"            # a plain file name in the period's input folder, or a
///                                    # pattern with `*` ("patrol-*.csv": every match, in name order)
///     (layout keys: TableFormReader)
///     worker = "网格员编号"            # the column naming the worker a row belongs to, or
///     group = "网格编号"               # the column naming its group (or both)
///     complete = true                # group tables: every group has a row (or "<choice column>")
///     unique = ["事件编号", ["培训编号", "网格员编号"]]
///     within_period = true           # dates and times lie inside the period (default)
///     columns = [ { name = "…", type = "…", … }, … ]   (ColumnReader)
///     [[tables.events.checks]]       (RowChecksSection)
enum TablesSection {
    static let keys = ["file", "encoding", "worker", "group", "complete", "columns", "unique", "within_period", "checks"] + TableFormReader.keys

    /// The tables as declared, with what can only be resolved later: each table's `worker` column
    /// (once the roster is known) and its `[[tables.<name>.checks]]` (once names are known), by index.
    struct Declared {
        var tables: [TableSpec] = []
        var workerColumnNames: [Int: TOMLString] = [:]
        /// Each group table's `group = "…"`, by index (the roster's own is refused once it is known).
        var groupColumnNames: [Int: TOMLString] = [:]
        var checkTables: [Int: [TOMLTable]] = [:]
    }

    static func read(_ d: RuleReading) -> Declared {
        var declared = Declared()
        guard let tablesTable = d.top.subtable("tables") else { return declared }
        for entry in tablesTable.entries {
            guard case .table(let t) = entry.node.value else {
                d.report(RuleMessages.tableNotATable(entry.key, at: entry.node.location))
                continue
            }
            let spec = readTable(t, named: entry.key, at: entry.keyLocation, into: &declared, d)
            declared.tables.append(spec)
        }
        return declared
    }

    /// Table `declared.tables.count`: its spec; its worker column name and checks go to `declared`.
    static func readTable(_ t: TOMLTable, named name: String, at loc: SourceLocation, into declared: inout Declared, _ d: RuleReading) -> TableSpec {
        let index = declared.tables.count
        let r = d.section(t, RulePlaces.tableSection(name), allowed: keys)
        if r.has("checks") { declared.checkTables[index] = r.tables("checks") }
        let file = r.string("file")
        var spec = TableSpec(name: name, file: file?.value ?? "", encoding: .utf8, columns: [], workerColumn: nil, uniqueKeys: [],
                             withinPeriod: r.bool("within_period") ?? true, location: loc)
        if let f = file, let why = PlainName.problem(f.value) {
            d.report(RuleMessages.fileNotPlain(why, at: f.location(ofCharacterAt: 0)))
            spec.file = ""
        }
        TableFormReader.read(r, into: &spec, d)
        for colNode in r.array("columns") ?? [] {
            guard let c = ColumnReader.read(colNode, table: name, d) else { continue }
            if spec.columns.contains(where: { $0.name == c.name }) { d.report(RuleMessages.columnDeclaredTwice(c.name, in: name, at: c.location)) }
            spec.columns.append(c)
        }
        if let w = r.string("worker", required: false) { declared.workerColumnNames[index] = w }
        readGroup(r, into: &spec, d)
        if spec.groupColumn != nil, let g = r.string("group", required: false) { declared.groupColumnNames[index] = g }
        readUniqueKeys(r, into: &spec, d)
        return spec
    }

    /// `group` and `complete`. With both worker and group, a row names its group and, optionally,
    /// one worker of it; each deduction says whom it applies to (applies_to).
    static func readGroup(_ r: TOMLSection, into spec: inout TableSpec, _ d: RuleReading) {
        if let g = r.string("group", required: false) {
            if let i = spec.columnIndex(g.value) { spec.groupColumn = i } else {
                d.report(RuleMessages.groupNotAColumn(g.value, of: spec, at: g.location(ofCharacterAt: 0)))
            }
        }
        guard let node = r.table["complete"] else { return }
        switch node.value {
        case .bool(true): spec.completeness = .everyGroup
        case .string(let c):
            if let i = spec.columnIndex(c.value) {
                if case .choice = spec.columns[i].type { spec.completeness = .everyValue(column: i) } else {
                    d.report(RuleMessages.completeNotAChoice(c.value, of: spec, at: c.location(ofCharacterAt: 0)))
                }
            } else {
                d.report(RuleMessages.completeNotAColumn(c.value, of: spec, at: c.location(ofCharacterAt: 0)))
            }
        default:
            d.report(RuleMessages.badComplete(at: node.location))
        }
        if spec.groupColumn == nil && !r.has("group") {
            d.report(RuleMessages.completeWithoutGroup(spec.name, at: node.location))
        }
    }

    /// `unique = ["<column>", ["<column>", "<column>"], …]`: single columns or column sets.
    static func readUniqueKeys(_ r: TOMLSection, into spec: inout TableSpec, _ d: RuleReading) {
        for keyNode in r.array("unique", required: false) ?? [] {
            var names: [TOMLString] = []
            switch keyNode.value {
            case .string(let s): names = [s]
            case .array(let parts):
                for p in parts { if case .string(let s) = p.value { names.append(s) } }
            default: break
            }
            var key: [Int] = []
            for n in names {
                if let i = spec.columnIndex(n.value) { key.append(i) } else {
                    d.report(RuleMessages.uniqueNotAColumn(n.value, of: spec, at: n.location(ofCharacterAt: 0)))
                }
            }
            if !key.isEmpty { spec.uniqueKeys.append(key) }
        }
    }

    /// `worker = "…"` of each table, once the roster is known; then every table but the
    /// roster must say whose its rows are.
    static func resolveWorkerColumns(_ declared: Declared, roster: RosterSpec, _ d: RuleReading) -> [TableSpec] {
        var tables = declared.tables
        for (ti, w) in declared.workerColumnNames.sorted(by: { $0.key < $1.key }) {
            if let i = tables[ti].columnIndex(w.value) { tables[ti].workerColumn = i } else {
                d.report(RuleMessages.workerNotAColumn(w.value, of: tables[ti], at: w.location(ofCharacterAt: 0)))
            }
        }
        // The roster's rows are the workers: its groups are [roster] group, not a group of its own.
        if let g = declared.groupColumnNames[roster.table] { d.report(RuleMessages.groupOnRoster(at: g.location(ofCharacterAt: 0))) }
        for (ti, t) in tables.enumerated() where ti != roster.table && t.workerColumn == nil && t.groupColumn == nil {
            d.report(RuleMessages.tableNeedsWorkerOrGroup(t.name, at: t.location))
        }
        return tables
    }
}
