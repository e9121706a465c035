/// `[[items.deductions]]`: what an item loses. Per row of a table (`table` + optional `when`,
/// amounts in row scope) or counted (`count`, worker scope, times the amounts).
///
///     [[items.deductions]]
///     table = "phone_checks"
///     when = '抽查层级 == "镇" and 是否接听 == "否"'
///     points = '-5'                 # points, yuan or both
///     yuan = '30'
///     reason = "镇级抽查未接听 {抽查编号}"   # {column} is filled from the row
///     applies_to = "group"          # tables with group: "worker" or "group"
enum DeductionReader {
    static let keys = ["table", "when", "count", "points", "yuan", "reason", "applies_to"]

    /// nil: the deduction is left out (reported). `ok` turns false where the item cannot be
    /// used; it is shared by the item's deductions, so a missing amount is reported only
    /// while nothing before it failed.
    static func read(_ dt: TOMLTable, number: Int, item: String, ok: inout Bool, _ d: RuleReading) -> DeductionSpec? {
        let r = d.section(dt, RulePlaces.deduction(number, ofItem: item), allowed: keys)
        let reason = r.text("reason") ?? ""
        var tableIndex: Int?
        if let tn = r.string("table", required: false) {
            let ctx = d.context
            guard let ti = ctx.tables.firstIndex(where: { $0.name == tn.value }), ti != ctx.rosterTable else {
                let names = ctx.tables.enumerated().filter { $0.offset != ctx.rosterTable }.map(\.element.name)
                d.report(RuleMessages.deductionTableUnknown(tn.value, tables: names, at: tn.location(ofCharacterAt: 0)))
                ok = false
                return nil
            }
            tableIndex = ti
        }
        guard let (source, amountScope) = readSource(r, table: tableIndex, reason: reason, d) else { ok = false; return nil }
        var points: CheckedExpr?, yuan: CheckedExpr?
        // The amounts of a row are evaluated only where `when` holds: its has() guards them.
        let present = r.string("when", required: false).flatMap { try? ExpressionParser.parse(ExpressionSource($0).text) }.map(OptionalGuards.whenTrue) ?? []
        if let p = r.string("points", required: false) {
            if let (e, _) = d.expression(p, scope: amountScope, expecting: .number, what: RulePlaces.deductionPoints, present: present) { points = e } else { ok = false }
        }
        if let y = r.string("yuan", required: false) {
            if let (e, _) = d.expression(y, scope: amountScope, expecting: .number, what: RulePlaces.deductionYuan, present: present) { yuan = e } else { ok = false }
        }
        if points == nil && yuan == nil && ok {
            d.report(RuleMessages.deductionWithoutAmount(at: dt.location))
            ok = false
        }
        var spec = DeductionSpec(source: source, points: points, yuan: yuan, reason: reason, sourceText: "", location: dt.location)
        readAppliesTo(r, into: &spec, d)
        return spec
    }

    /// Counted (`count`) or per row (`table`, `when`); and the scope its amounts are read in.
    static func readSource(_ r: TOMLSection, table: Int?, reason: String, _ d: RuleReading) -> (DeductionSpec.Source, Scope)? {
        if let countText = r.string("count", required: false) {
            guard let (e, _) = d.expression(countText, scope: .worker, expecting: .number, what: RulePlaces.deductionCount) else { return nil }
            if r.has("when") { d.report(RuleMessages.countedDeductionWithWhen(at: r.table["when"]!.location)) }
            return (.counted(count: e, table: table), .worker)
        }
        guard let ti = table else {
            d.report(RuleMessages.deductionWithoutSource(at: r.table.location))
            return nil
        }
        var when: CheckedExpr?
        if let w = r.string("when", required: false) {
            guard let (e, _) = d.expression(w, scope: .row(table: ti), expecting: .bool, what: RulePlaces.deductionWhen) else { return nil }
            when = e
        }
        let spec = d.context.tables[ti]
        for name in ReasonTemplate.placeholders(in: reason) where spec.columnIndex(name) == nil {
            d.report(RuleMessages.reasonNamesNoColumn(name, of: spec, at: r.table["reason"]!.location))
        }
        return (.perRow(table: ti, when: when), .row(table: ti))
    }

    /// Per row of a table with a group column: the row's worker, or every worker of its group
    /// (the default where the table has no worker column).
    static func readAppliesTo(_ r: TOMLSection, into spec: inout DeductionSpec, _ d: RuleReading) {
        let tables = d.context.tables
        guard let a = r.string("applies_to", required: false) else {
            if case .perRow(let ti, _) = spec.source, tables[ti].workerColumn == nil { spec.appliesToGroup = true }
            return
        }
        guard case .perRow(let ti, _) = spec.source, tables[ti].groupColumn != nil, a.value == "group" || a.value == "worker" else {
            return d.report(RuleMessages.badAppliesTo(at: a.location(ofCharacterAt: 0)))
        }
        spec.appliesToGroup = a.value == "group"
        if !spec.appliesToGroup && tables[ti].workerColumn == nil {
            d.report(RuleMessages.appliesToWorkerWithoutWorker(tables[ti].name, at: a.location(ofCharacterAt: 0)))
        }
    }
}
