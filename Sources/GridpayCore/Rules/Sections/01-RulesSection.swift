/// `[rules]`: the town, its name, the rule version, the month it takes effect and the
/// assessment period.
///
///     [rules]
///     town = "qinghe"            # a plain name: Rules/<town>.toml, Input/<town>/
///     name = "清河镇"             # optional, shown on the sheets (default: town)
///     version = "2026.1"
///     effective_from = "2026-01"
///     period = "month"           # "quarter", "half-year" or "year"; optional (default month)
///     preliminary = "half-year"  # optional: a shorter period also assessed and ranked (半年初查)
///     month_starts_on = 26       # a pay month from the 26th of the previous month (SPEC §16); optional
enum RulesSection {
    static let keys = ["town", "name", "version", "effective_from", "period", "month_starts_on", "preliminary"]
    /// Every month has the day: a month starting on the 29th would have no start in February.
    static let latestMonthStart = 28

    static func read(_ d: RuleDraft) {
        guard let table = d.top.subtable("rules") else { return }
        let r = d.section(table, RulePlaces.rulesSection, allowed: keys)
        if let s = r.string("town") {
            d.town = s.value
            if let why = PlainName.problem(s.value) { d.report(RuleMessages.townNotPlain(why, at: s.location(ofCharacterAt: 0))) }
        }
        d.townName = r.text("name", required: false) ?? d.town
        d.version = r.text("version") ?? ""
        if let s = r.string("effective_from") {
            d.effectiveFromLocation = s.location(ofCharacterAt: 0)
            if let p = Period.parse(s.value) { d.effectiveFrom = p } else {
                d.report(RuleMessages.badEffectiveFrom(s.value, at: s.location(ofCharacterAt: 0)))
            }
        }
        if let s = r.string("period", required: false) {
            if let k = PeriodKind(rawValue: s.value) { d.periodKind = k } else {
                d.report(RuleMessages.badAssessmentPeriod(s.value, at: s.location(ofCharacterAt: 0)))
            }
        }
        if let node = r.table["month_starts_on"] {
            if case .number(let n, _) = node.value, n.isInteger, n >= ExactNumber(1), n <= ExactNumber(latestMonthStart) {
                d.monthStartsOn = Int(n.numerator)
            } else {
                let shown: String
                if case .number(_, let text) = node.value { shown = text } else { shown = node.value.kindName }
                d.report(RuleMessages.badMonthStartsOn(shown, latest: latestMonthStart, at: node.location))
            }
        }
        if let s = r.string("preliminary", required: false) {
            d.preliminaryKind = shorterKind("preliminary", s, d)
        }
    }

    /// A period kind shorter than the town's assessment period (preliminary, a summary's period).
    static func shorterKind(_ key: String, _ s: TOMLString, _ d: RuleDraft) -> PeriodKind? {
        if let k = PeriodKind(rawValue: s.value), CalendarPeriod.length(of: k) < CalendarPeriod.length(of: d.periodKind) { return k }
        d.report(RuleMessages.badShorterPeriod(key, s.value, assessedBy: d.periodKind, at: s.location(ofCharacterAt: 0)))
        return nil
    }
}
