/// `[scoring]`: how item scores are rounded and the total bounded.
///
///     [scoring]
///     item_rounding = 2             # decimals of each item score, 0 to 6 (default 2)
///     total_base = 100              # added to the sum of the items (default 0)
///     total_floor = 0               # or "none" (上不封顶，下不保底: both "none", the default)
///     total_ceiling = "none"
enum ScoringSection {
    static let keys = ["item_rounding", "total_floor", "total_ceiling", "total_base"]

    /// How item scores are rounded and the total bounded (the defaults without `[scoring]`).
    struct Scoring {
        var roundingPlaces = 2
        var totalMinimum: ExactNumber?
        var totalMaximum: ExactNumber?
        var totalBase = ExactNumber.zero
    }

    static func read(_ d: RuleReading) -> Scoring {
        var scoring = Scoring()
        guard let st = d.top.subtable("scoring", required: false) else { return scoring }
        let r = d.section(st, RulePlaces.scoringSection, allowed: keys)
        scoring.totalBase = r.number("total_base", required: false) ?? .zero
        if let p = r.number("item_rounding", required: false) {
            if p.isInteger, p >= .zero, p <= ExactNumber(6) { scoring.roundingPlaces = Int(p.numerator) } else {
                d.report(RuleMessages.badItemRounding(at: st["item_rounding"]!.location))
            }
        }
        scoring.totalMinimum = r.numberOrNone("total_floor")
        scoring.totalMaximum = r.numberOrNone("total_ceiling")
        return scoring
    }
}
