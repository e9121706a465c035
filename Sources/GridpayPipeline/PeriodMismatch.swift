import GridpayCore

/// A period of the wrong kind for the town (e.g. a quarter for a town assessed by month).
enum PeriodMismatch {
    static func message(town: String, asked: CalendarPeriod, rules: RuleSet, ruleFile: String, words: CommandWords) -> String {
        let kind = rules.periodKind
        let holding: CalendarPeriod = kind == .month ? CalendarPeriod(month: asked.lastMonth) : .of(kind, holding: asked.firstMonth)
        // The shorter periods the town is also run for (SPEC §17: xinhe's 半年初查 and 每季度汇总).
        var also: [String] = []
        if let p = rules.preliminaryPeriods(of: holding).first { also.append(PeriodMessages.alsoPreliminary(p)) }
        if let s = rules.periodSummary { also.append(PeriodMessages.alsoSummary(s.kind)) }
        return PeriodMessages.wrongKind(town, kind: kind, ruleFile: ruleFile, asked: "\(asked)", example: "\(holding)", also: also, words: words)
    }
}
