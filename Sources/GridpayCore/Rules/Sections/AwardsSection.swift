/// `[[awards]]`: amounts decided across workers or units and split in cents, each its own pay
/// column (see AwardSpec). Each name is a value expressions may use (the worker's share).
///
///     [[awards]]
///     name = "标兵奖励"
///     amount = 300                  # yuan, at most 2 decimals
///     to = '总分 == overall_max(总分) and overall_min(总分) < overall_max(总分)'
///     per = '部门'                   # optional: one amount per distinct value
///     pay = "award"                 # or "charge" (added to 扣款合计)
enum AwardsSection {
    static let keys = ["name", "amount", "to", "per", "pay"]

    /// The awards as written and, by the same index, their checked definitions.
    struct Declared {
        var tables: [TOMLTable] = []
        var directions: [AwardSpec.Direction] = []
        var checked: [CheckedPart<AwardSpec>] = []
    }

    static func read(_ d: RuleReading) -> Declared {
        var awards = Declared()
        awards.tables = d.top.tables("awards")
        awards.checked = awards.tables.map { _ in CheckedPart() }
        for (k, at) in awards.tables.enumerated() {
            let r = d.section(at, RulePlaces.awardSection(k + 1), allowed: keys)
            var direction = AwardSpec.Direction.award
            if let p = r.string("pay", required: false) {
                if let v = AwardSpec.Direction(rawValue: p.value) { direction = v } else {
                    d.report(RuleMessages.badAwardDirection(p.value, at: p.location(ofCharacterAt: 0)))
                }
            }
            awards.directions.append(direction)
            let name = r.text("name") ?? "#\(k + 1)"
            d.declare(name, .award(k), at: at.location)
            let slot = awards.checked[k]
            d.define(.award(k)) {
                guard let award = readAward(r, name: name, direction: direction, d) else { return nil }
                slot.value = award
                return .number
            }
        }
        return awards
    }

    static func readAward(_ r: TOMLSection, name: String, direction: AwardSpec.Direction, _ d: RuleReading) -> AwardSpec? {
        var amount = ExactNumber.zero
        if let a = r.number("amount") {
            if a < .zero || !a.hasAtMostDecimalPlaces(2) {
                d.report(RuleMessages.badAwardAmount(a, at: r.table["amount"]!.location))
            } else { amount = a }
        }
        guard let toText = r.string("to"),
              let (to, _) = d.expression(toText, scope: .worker, expecting: .bool, what: RulePlaces.awardTo(name)) else { return nil }
        var per: CheckedExpr?
        if let p = r.string("per", required: false) {
            guard let (e, _) = d.expression(p, scope: .worker, expecting: nil, what: RulePlaces.awardPer(name)) else { return nil }
            per = e
        }
        return AwardSpec(name: name, amount: amount, to: to, toText: toText.value, per: per, direction: direction, location: r.table.location)
    }
}
