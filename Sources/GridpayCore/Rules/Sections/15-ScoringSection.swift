/// `[scoring]`: how item scores are rounded and the total bounded.
///
///     [scoring]
///     item_rounding = 2             # decimals of each item score, 0 to 6 (default 2)
///     total_base = 100              # added to the sum of the items (default 0)
///     total_floor = 0               # or "none" (上不封顶，下不保底: both "none", the default)
///     total_ceiling = "none"
enum ScoringSection {
    static let keys = ["item_rounding", "total_floor", "total_ceiling", "total_base"]

    static func read(_ d: RuleDraft) {
        guard let st = d.top.subtable("scoring", required: false) else { return }
        let r = d.section(st, RulePlaces.scoringSection, allowed: keys)
        d.totalBase = r.number("total_base", required: false) ?? .zero
        if let p = r.number("item_rounding", required: false) {
            if p.isInteger, p >= .zero, p <= ExactNumber(6) { d.roundingPlaces = Int(p.numerator) } else {
                d.report(RuleMessages.badItemRounding(at: st["item_rounding"]!.location))
            }
        }
        d.totalMinimum = r.numberOrNone("total_floor")
        d.totalMaximum = r.numberOrNone("total_ceiling")
    }
}
