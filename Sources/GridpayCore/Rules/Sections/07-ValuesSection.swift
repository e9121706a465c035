/// `[values]`: named per-worker quantities, each an expression other expressions may use.
///
///     [values]
///     "有效事件数" = 'count(events, 核查结果 == "有效")'
///     "巡查小时每日" = 'sum(patrol, 巡查时长(分钟)) / 60 / days_in_month'
enum ValuesSection {
    static func read(_ d: RuleDraft) {
        if let vt = d.top.subtable("values", required: false) {
            for entry in vt.entries {
                guard case .string(let s) = entry.node.value else {
                    d.report(RuleMessages.valueNotAnExpression(entry.key, is: entry.node.value.kindName, at: entry.node.location))
                    continue
                }
                d.valueSources.append((entry.key, s, entry.keyLocation))
            }
        }
        d.checkedValues = Array(repeating: nil, count: d.valueSources.count)
        for (i, (name, s, loc)) in d.valueSources.enumerated() {
            d.declare(name, .value(i), at: loc)
            d.context.valueIndices[name] = i
            d.define(.value(i)) { [unowned d] in
                guard let (e, t) = d.expression(s, scope: .worker, expecting: nil, what: RulePlaces.value(name)) else { return nil }
                d.checkedValues[i] = NamedValue(name: name, expr: e, type: t, sourceText: s.value, location: loc)
                return t
            }
        }
    }
}
