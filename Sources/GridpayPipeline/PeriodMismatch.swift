import GridpayCore

/// A period of the wrong kind for the town (e.g. a quarter for a town assessed by month).
enum PeriodMismatch {
    static func message(town: String, asked: CalendarPeriod, rules: RuleSet, ruleFile: String) -> String {
        let kind = rules.periodKind
        let holding: CalendarPeriod = kind == .month ? CalendarPeriod(month: asked.lastMonth) : .of(kind, holding: asked.firstMonth)
        var text = "\(town) is assessed by \(kind.rawValue) (\(ruleFile): [rules] period = \"\(kind.rawValue)\"), so it is run for a \(kind.rawValue), not for \(asked); expected \(kind.form), e.g. gridpay run \(town) \(holding)"
        // The shorter periods the town is also run for (SPEC §17: xinhe's 半年初查 and 每季度汇总).
        var also: [String] = []
        if let p = rules.preliminaryPeriods(of: holding).first { also.append("its preliminary \(p.kind.rawValue) (e.g. \(p))") }
        if let s = rules.periodSummary { also.append("a \(s.kind.rawValue)'s summary (\(s.kind.form))") }
        if !also.isEmpty { text += "; it is also run for \(also.joined(separator: " and "))" }
        return text
    }
}
