/// `[summary]` columns added to 考核汇总 after the flags, and `[[group_sheets]]`: a sheet with
/// one row per roster group. Both list display columns.
///
///     [summary]
///     columns = [ { name = "团队得分", value = 'group_mean(团队, 总分)', format = "score" } ]
///     [[group_sheets]]
///     name = "团队考核"
///     order = 'group_rank(团队, 总分)'     # optional: rows ascending by this
///     columns = [ { name = "…", value = '…', format = "score|integer|percent|percent1|money", when = '…' } ]
///
/// A group sheet is a `SheetSpec` without lines whose rows are keyed by the roster group (headed
/// by the roster's group label), laid out as the sheet's own table right after 绩效工资;
/// `[[sheets]]` (SheetsSection) is the other spelling of the same model.
enum DisplaySheetsSection {
    struct Display {
        var summaryColumns: [DisplayColumn] = []
        var periodSummary: PeriodSummarySpec?
        /// The group sheets, in the order read.
        var sheets: [SheetSpec] = []
    }

    /// `header`: the town's periods (a summary period is shorter and not the preliminary one).
    static func read(_ d: RuleReading, header: RulesSection.Header) -> Display {
        var display = Display()
        if let st = d.top.subtable("summary", required: false) {
            let r = d.section(st, RulePlaces.summarySection, allowed: ["columns"])
            display.summaryColumns = readColumns(r.array("columns") ?? [], path: RulePlaces.summaryColumn, d)
        }
        display.periodSummary = readPeriodSummary(d, header: header)
        for (i, gt) in d.top.tables("group_sheets").enumerated() {
            let r = d.section(gt, RulePlaces.groupSheetSection(i + 1), allowed: ["name", "order", "columns"])
            guard let name = r.text("name") else { continue }
            var order: CheckedExpr?
            if let o = r.string("order", required: false) {
                order = d.expression(o, scope: .worker, expecting: .number, what: RulePlaces.sheetOrder(name))?.0
            }
            let columns = readColumns(r.array("columns") ?? [], path: RulePlaces.groupSheetColumn(name), d)
            SheetsSection.checkName(name, at: gt.location, earlier: display.sheets, d)
            display.sheets.append(SheetSpec(name: name, lines: [], rows: .init(key: .rosterGroup, label: nil, order: order, columns: columns),
                                            layout: .rowsTable, placement: .afterPay, location: gt.location))
        }
        return display
    }

    /// `[period_summary]`: `period` (shorter than the town's, not its preliminary) and `columns`.
    static func readPeriodSummary(_ d: RuleReading, header: RulesSection.Header) -> PeriodSummarySpec? {
        guard let st = d.top.subtable("period_summary", required: false) else { return nil }
        let r = d.section(st, RulePlaces.periodSummarySection, allowed: ["period", "columns"])
        guard let s = r.string("period"),
              let kind = RulesSection.shorterKind("[period_summary] period", s, assessedBy: header.periodKind, d) else { return nil }
        if kind == header.preliminaryKind { d.report(RuleMessages.summaryIsPreliminary(kind, at: s.location(ofCharacterAt: 0))) }
        let columns = readColumns(r.array("columns") ?? [], path: RulePlaces.periodSummaryColumn, d)
        return PeriodSummarySpec(kind: kind, columns: columns, location: st.location)
    }

    /// `{ name = "…", value = '<expression>', format = "score|integer|percent|percent1|money", when = '<true/false>' }`.
    static func readColumns(_ nodes: [TOMLNode], path: String, _ d: RuleReading) -> [DisplayColumn] {
        nodes.compactMap { node in
            guard case .table(let t) = node.value else {
                d.report(RuleMessages.displayColumnNotATable(path, is: node.value.kindName, at: node.location))
                return nil
            }
            return readColumn(t, path: path, d)
        }
    }

    static func readColumn(_ t: TOMLTable, path: String, _ d: RuleReading) -> DisplayColumn? {
        let r = d.section(t, path, allowed: ["name", "value", "format", "when"])
        guard let name = r.text("name"), let v = r.string("value") else { return nil }
        guard let (e, type) = d.expression(v, scope: .worker, expecting: nil, what: RulePlaces.sheetColumn(name)) else { return nil }
        var format = DisplayColumn.Format.score
        if let f = r.string("format", required: false) {
            let names = DisplayColumn.Format.allCases.map(\.rawValue)
            if let k = DisplayColumn.Format(rawValue: f.value) { format = k } else {
                d.report(RuleMessages.unknownFormat(f.value, formats: names, at: f.location(ofCharacterAt: 0)))
            }
            if type != .number { d.report(RuleMessages.formatOfNonNumber(column: name, type: type, at: f.location(ofCharacterAt: 0))) }
        }
        var when: CheckedExpr?
        let whenNode = r.string("when", required: false)
        if let w = whenNode {
            when = d.expression(w, scope: .worker, expecting: .bool, what: RulePlaces.sheetColumnWhen(name))?.0
        }
        return DisplayColumn(name: name, value: e, type: type, format: format, when: when, location: t.location,
                             valueText: v.value, whenText: whenNode?.value)
    }
}
