/// `[roster]`: which table lists the workers, and which of its columns fill the product's
/// fixed columns (网格员编号, 姓名, 村(社区), 网格编号).
///
///     [roster]
///     table = "roster"
///     id = "网格员编号"
///     name = "姓名"
///     unit = "村(社区)"
///     group = "网格编号"
///     same_in_group = ["站点"]      # optional: one value within a group
///     labels = ["人员编号", "姓名", "站点", "团队"]   # optional: the sheets' own labels
///     show = ["岗位"]               # optional: roster columns shown after the four
enum RosterSection {
    static let keys = ["table", "id", "name", "unit", "group", "same_in_group", "labels", "show"]

    /// The roster, or nil where `[roster]` or its table is missing or unknown (reported).
    static func read(_ d: RuleReading, tables: [TableSpec]) -> RosterSpec? {
        guard let rt = d.top.subtable("roster") else { return nil }
        let r = d.section(rt, RulePlaces.rosterSection, allowed: keys)
        guard let tn = r.string("table") else { return nil }
        guard let ti = tables.firstIndex(where: { $0.name == tn.value }) else {
            d.report(RuleMessages.rosterTableUnknown(tn.value, tables: tables.map(\.name), at: tn.location(ofCharacterAt: 0)))
            return nil
        }
        let table = tables[ti]
        func column(_ key: String) -> Int {
            guard let s = r.string(key) else { return 0 }
            if let i = table.columnIndex(s.value) { return i }
            d.report(RuleMessages.rosterColumnUnknown(key, names: s.value, of: table, at: s.location(ofCharacterAt: 0)))
            return 0
        }
        var roster = RosterSpec(table: ti, idColumn: column("id"), nameColumn: column("name"), unitColumn: column("unit"), groupColumn: column("group"))
        roster.sameInGroup = columns(r, "same_in_group", of: table, notText: RuleMessages.sameInGroupNotText, d)
        roster.labels = readLabels(r, d)
        roster.shown = columns(r, "show", of: table, notText: RuleMessages.rosterShowNotText, d)
        return roster
    }

    /// The tables with the roster's id column a unique key of its table (first).
    static func keyedById(_ tables: [TableSpec], roster: RosterSpec) -> [TableSpec] {
        var tables = tables
        if !tables[roster.table].uniqueKeys.contains([roster.idColumn]) { tables[roster.table].uniqueKeys.insert([roster.idColumn], at: 0) }
        return tables
    }

    /// `same_in_group` or `show`: roster columns by name.
    static func columns(_ r: TOMLSection, _ key: String, of table: TableSpec, notText: (SourceLocation) -> Diagnostic, _ d: RuleReading) -> [Int] {
        var out: [Int] = []
        for node in r.array(key, required: false) ?? [] {
            guard case .string(let c) = node.value else {
                d.report(notText(node.location))
                continue
            }
            if let i = table.columnIndex(c.value) { out.append(i) } else {
                d.report(RuleMessages.rosterColumnUnknown(key, names: c.value, of: table, at: c.location(ofCharacterAt: 0)))
            }
        }
        return out
    }

    static func readLabels(_ r: TOMLSection, _ d: RuleReading) -> [String]? {
        guard let labels = r.array("labels", required: false) else { return nil }
        let texts = labels.compactMap { n -> String? in if case .string(let s) = n.value { return s.value } else { return nil } }
        if texts.count == 4 && labels.count == 4 && !texts.contains("") { return texts }
        d.report(RuleMessages.badRosterLabels(at: r.table["labels"]!.location))
        return nil
    }
}
