/// `[duty]`: the duty requirements (完成工作任务, a 是/否 column and a true/false name).
///
///     [duty]
///     met = '有效事件数 >= 25 and 巡查小时每日 >= 10'
enum DutySection {
    /// The duty, checked lazily (its value stays nil without `[duty]` or where its check fails).
    static func read(_ d: RuleReading) -> CheckedPart<DutySpec> {
        let duty = CheckedPart<DutySpec>()
        guard let dt = d.top.subtable("duty", required: false) else { return duty }
        let r = d.section(dt, RulePlaces.dutySection, allowed: ["met"])
        d.declare(RuleLoader.dutyName, .dutyMet, at: dt.location)
        d.define(.dutyMet) {
            guard let s = r.string("met"), let (e, _) = d.expression(s, scope: .worker, expecting: .bool, what: RulePlaces.dutyMet) else { return nil }
            duty.value = DutySpec(met: e, sourceText: s.value, location: s.location(ofCharacterAt: 0))
            return .bool
        }
        return duty
    }
}
