/// `[pay]`: the performance-pay base (绩效工资基数) and the score pay (考核绩效), both names
/// expressions may use; optionally one pay column for the yuan of all items together.
///
///     [pay]
///     base = '绩效工资基数(元)'
///     score_pay = 'round(绩效工资基数 * max(0, 总分) / 100, 2)'
///     item_yuan_label = "扣款"       # optional: one column instead of one per item
///     recipient_signature = true     # optional: a 领款人签字 column on 绩效工资 (offices paying in cash)
enum PaySection {
    static let keys = ["base", "score_pay", "item_yuan_label", "recipient_signature"]

    /// What `[pay]` declares; its two amounts are checked lazily (score pay needs the awards).
    struct Declared {
        var itemYuanLabel: String?
        var recipientSignature = false
        var base = CheckedPart<(expr: CheckedExpr, text: String)>()
        var scorePay = CheckedPart<(expr: CheckedExpr, text: String)>()
    }

    /// nil: the file has no `[pay]`.
    static func read(_ d: RuleReading, items: ItemsSection.Declared, awards: AwardsSection.Declared) -> Declared? {
        guard let pt = d.top.subtable("pay", required: false) else { return nil }
        let r = d.section(pt, RulePlaces.paySection, allowed: keys)
        var pay = Declared()
        if let label = r.text("item_yuan_label", required: false) {
            pay.itemYuanLabel = label
            d.declare(label, .itemYuan, at: pt.location)
            d.define(.itemYuan) {
                for (i, t) in items.tables.enumerated() { d.check(.item(i), at: t.location) }
                return .number
            }
        }
        pay.recipientSignature = r.bool("recipient_signature") ?? false
        d.declare(RuleLoader.payBaseName, .payBase, at: pt.location)
        d.declare(RuleLoader.scorePayName, .scorePay, at: pt.location)
        let base = pay.base, scorePay = pay.scorePay
        d.define(.payBase) {
            guard let s = r.string("base"), let (e, _) = d.expression(s, scope: .worker, expecting: .number, what: RulePlaces.payBase) else { return nil }
            base.value = (e, s.value)
            return .number
        }
        d.define(.scorePay) {
            guard let s = r.string("score_pay"),
                  let (e, _) = d.expression(s, scope: .worker, expecting: .number, what: RulePlaces.scorePay) else { return nil }
            scorePay.value = (e, s.value)
            // Score pay includes the awards paid with it.
            for (k, direction) in awards.directions.enumerated() where direction == .award {
                guard d.context.typeOf(.award(k), referencedAt: awards.tables[k].location) != nil else { return nil }
            }
            return .number
        }
        return pay
    }

    /// A rule file without [pay] is valid: the town pays nothing from the assessment (SPEC §17,
    /// xinhe rewards by awards instead of subsidies). What moves money then has nowhere to go:
    /// a deduction in yuan or an award is refused (reported only when nothing else is wrong).
    static func requirePay(_ d: RuleReading, pay: PaySpec?, items: [ItemSpec], awards: [AwardSpec]) {
        guard pay == nil, !d.top.has("pay"), !d.context.diagnostics.hasErrors else { return }
        for item in items {
            for deduction in item.deductions where deduction.yuan != nil {
                d.report(RuleMessages.yuanWithoutPay(item: item.name, at: deduction.location))
            }
        }
        for award in awards {
            d.report(RuleMessages.awardWithoutPay(award.name, at: award.location))
        }
    }
}
