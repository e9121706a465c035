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

    static func read(_ d: RuleDraft) {
        guard let rt = d.top.subtable("roster") else { return }
        let r = d.section(rt, RulePlaces.rosterSection, allowed: keys)
        guard let tn = r.string("table") else { return }
        guard let ti = d.tables.firstIndex(where: { $0.name == tn.value }) else {
            d.report(RuleMessages.rosterTableUnknown(tn.value, tables: d.tables.map(\.name), at: tn.location(ofCharacterAt: 0)))
            return
        }
        d.roster.table = ti
        func column(_ key: String) -> Int {
            guard let s = r.string(key) else { return 0 }
            if let i = d.tables[ti].columnIndex(s.value) { return i }
            d.report(RuleMessages.rosterColumnUnknown(key, names: s.value, of: d.tables[ti], at: s.location(ofCharacterAt: 0)))
            return 0
        }
        d.roster.idColumn = column("id")
        d.roster.nameColumn = column("name")
        d.roster.unitColumn = column("unit")
        d.roster.groupColumn = column("group")
        readSameInGroup(r, table: ti, d)
        readLabels(r, d)
        readShown(r, table: ti, d)
        if !d.tables[ti].uniqueKeys.contains([d.roster.idColumn]) { d.tables[ti].uniqueKeys.insert([d.roster.idColumn], at: 0) }
    }

    static func readSameInGroup(_ r: TOMLSection, table ti: Int, _ d: RuleDraft) {
        for node in r.array("same_in_group", required: false) ?? [] {
            guard case .string(let c) = node.value else {
                d.report(RuleMessages.sameInGroupNotText(at: node.location))
                continue
            }
            if let i = d.tables[ti].columnIndex(c.value) { d.roster.sameInGroup.append(i) } else {
                d.report(RuleMessages.rosterColumnUnknown("same_in_group", names: c.value, of: d.tables[ti], at: c.location(ofCharacterAt: 0)))
            }
        }
    }

    static func readShown(_ r: TOMLSection, table ti: Int, _ d: RuleDraft) {
        for node in r.array("show", required: false) ?? [] {
            guard case .string(let c) = node.value else {
                d.report(RuleMessages.rosterShowNotText(at: node.location))
                continue
            }
            if let i = d.tables[ti].columnIndex(c.value) { d.roster.shown.append(i) } else {
                d.report(RuleMessages.rosterColumnUnknown("show", names: c.value, of: d.tables[ti], at: c.location(ofCharacterAt: 0)))
            }
        }
    }

    static func readLabels(_ r: TOMLSection, _ d: RuleDraft) {
        guard let labels = r.array("labels", required: false) else { return }
        let texts = labels.compactMap { n -> String? in if case .string(let s) = n.value { return s.value } else { return nil } }
        if texts.count == 4 && labels.count == 4 && !texts.contains("") { d.roster.labels = texts } else {
            d.report(RuleMessages.badRosterLabels(at: r.table["labels"]!.location))
        }
    }
}
