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

    /// What `[rules]` says (defaults where a key is missing or wrong, reported).
    struct Header {
        var town = ""
        var townName = ""
        var version = ""
        var effectiveFrom = Period(year: 1900, month: 1)
        var effectiveFromLocation: SourceLocation?
        var periodKind = PeriodKind.month
        /// `month_starts_on`: the day of the previous month a pay month starts on (1: the calendar month).
        var monthStartsOn = 1
        var preliminaryKind: PeriodKind?
    }

    static func read(_ d: RuleReading) -> Header {
        var h = Header()
        guard let table = d.top.subtable("rules") else { return h }
        let r = d.section(table, RulePlaces.rulesSection, allowed: keys)
        if let s = r.string("town") {
            h.town = s.value
            if let why = PlainName.problem(s.value) { d.report(RuleMessages.townNotPlain(why, at: s.location(ofCharacterAt: 0))) }
        }
        h.townName = r.text("name", required: false) ?? h.town
        h.version = r.text("version") ?? ""
        if let s = r.string("effective_from") {
            h.effectiveFromLocation = s.location(ofCharacterAt: 0)
            if let p = Period.parse(s.value) { h.effectiveFrom = p } else {
                d.report(RuleMessages.badEffectiveFrom(s.value, at: s.location(ofCharacterAt: 0)))
            }
        }
        if let s = r.string("period", required: false) {
            if let k = PeriodKind(rawValue: s.value) { h.periodKind = k } else {
                d.report(RuleMessages.badAssessmentPeriod(s.value, at: s.location(ofCharacterAt: 0)))
            }
        }
        if let node = r.table["month_starts_on"] { h.monthStartsOn = monthStart(node, d) ?? h.monthStartsOn }
        if let s = r.string("preliminary", required: false) {
            h.preliminaryKind = shorterKind("preliminary", s, assessedBy: h.periodKind, d)
        }
        return h
    }

    /// `month_starts_on`: a day 1 to 28; nil where it is not (reported).
    static func monthStart(_ node: TOMLNode, _ d: RuleReading) -> Int? {
        if case .number(let n, _) = node.value, n.isInteger, n >= ExactNumber(1), n <= ExactNumber(latestMonthStart) {
            return Int(n.numerator)
        }
        let shown: String
        if case .number(_, let text) = node.value { shown = text } else { shown = node.value.kindName }
        d.report(RuleMessages.badMonthStartsOn(shown, latest: latestMonthStart, at: node.location))
        return nil
    }

    /// A period kind shorter than the town's assessment period (preliminary, a summary's period).
    static func shorterKind(_ key: String, _ s: TOMLString, assessedBy periodKind: PeriodKind, _ d: RuleReading) -> PeriodKind? {
        if let k = PeriodKind(rawValue: s.value), CalendarPeriod.length(of: k) < CalendarPeriod.length(of: periodKind) { return k }
        d.report(RuleMessages.badShorterPeriod(key, s.value, assessedBy: periodKind, at: s.location(ofCharacterAt: 0)))
        return nil
    }
}
