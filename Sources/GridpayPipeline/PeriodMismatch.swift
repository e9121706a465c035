import GridpayCore

/// A period of the wrong kind for the town (e.g. a quarter for a town assessed by month).
enum PeriodMismatch {
    static func message(town: String, asked: CalendarPeriod, assessedBy kind: PeriodKind, ruleFile: String) -> String {
        let example: CalendarPeriod = kind == .month ? CalendarPeriod(month: asked.lastMonth) : .of(kind, holding: asked.firstMonth)
        let form = kind.form
        return "\(town) is assessed by \(kind.rawValue) (\(ruleFile): [rules] period = \"\(kind.rawValue)\"), so it is run for a \(kind.rawValue), not for \(asked); expected \(form), e.g. gridpay run \(town) \(example)"
    }
}
