/// The product's own names (总分, 排名; 等次, 完成工作任务 and the pay names come with their
/// sections): declared like the rule file's names, so expressions can use them and cycles
/// through them are found. Once every name is declared, each definition is checked once, in
/// file order (lazy definitions make the order irrelevant to the results).
enum ProductNames {
    static func declareTotalAndRank(_ d: RuleReading, items: ItemsSection.Declared) {
        let root = d.root.location
        d.declare(RuleLoader.totalName, .total, at: root)
        d.define(.total) {
            for t in items.tables.indices { d.check(.item(t), at: items.tables[t].location) }
            return .number
        }
        d.declare(RuleLoader.rankName, .rank, at: root)
        d.define(.rank) { d.context.typeOf(.total, referencedAt: root).map { _ in .number } }
    }

    /// Checks every definition not checked yet, in file order; the pay, once both its names are checked.
    static func checkAll(_ d: RuleReading, values: ValuesSection.Declared, items: ItemsSection.Declared,
                         awards: AwardsSection.Declared, pay: PaySection.Declared?) -> PaySpec? {
        let root = d.root.location, defined = d.context.definitions
        for (i, v) in values.sources.enumerated() { d.check(.value(i), at: v.location) }
        for (i, t) in items.tables.enumerated() { d.check(.item(i), at: t.location) }
        d.check(.total, at: root)
        d.check(.rank, at: root)
        if defined[.dutyMet] != nil { d.check(.dutyMet, at: root) }
        for (k, t) in awards.tables.enumerated() { d.check(.award(k), at: t.location) }
        if defined[.itemYuan] != nil { d.check(.itemYuan, at: root) }
        if defined[.grade] != nil { d.check(.grade, at: root) }
        guard defined[.payBase] != nil else { return nil }
        d.check(.payBase, at: root)
        d.check(.scorePay, at: root)
        guard let b = pay?.base.value, let s = pay?.scorePay.value else { return nil }
        return PaySpec(base: b.expr, baseText: b.text, scorePay: s.expr, scorePayText: s.text)
    }
}
