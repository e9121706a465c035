/// The product's own names (总分, 排名; 等次, 完成工作任务 and the pay names come with their
/// sections): declared like the rule file's names, so expressions can use them and cycles
/// through them are found. Once every name is declared, each definition is checked once, in
/// file order (lazy definitions make the order irrelevant to the results).
enum ProductNames {
    static func declareTotalAndRank(_ d: RuleDraft) {
        let root = d.root.location
        d.declare(RuleLoader.totalName, .total, at: root)
        d.define(.total) { [unowned d] in
            for i in d.itemTables.indices { d.check(.item(i), at: d.itemTables[i].location) }
            return .number
        }
        d.declare(RuleLoader.rankName, .rank, at: root)
        d.define(.rank) { [unowned d] in d.context.typeOf(.total, referencedAt: root).map { _ in .number } }
    }

    static func checkAll(_ d: RuleDraft) {
        let root = d.root.location, defined = d.context.definitions
        for (i, v) in d.valueSources.enumerated() { d.check(.value(i), at: v.location) }
        for (i, t) in d.itemTables.enumerated() { d.check(.item(i), at: t.location) }
        d.check(.total, at: root)
        d.check(.rank, at: root)
        if defined[.dutyMet] != nil { d.check(.dutyMet, at: root) }
        for (k, t) in d.awardTables.enumerated() { d.check(.award(k), at: t.location) }
        if defined[.itemYuan] != nil { d.check(.itemYuan, at: root) }
        if defined[.grade] != nil { d.check(.grade, at: root) }
        if defined[.payBase] != nil {
            d.check(.payBase, at: root)
            d.check(.scorePay, at: root)
            if let b = d.payBase, let s = d.scorePay { d.pay = PaySpec(base: b.0, baseText: b.1, scorePay: s.0, scorePayText: s.1) }
        }
    }
}
