/// `[values]`: named per-worker quantities, each an expression other expressions may use.
///
///     [values]
///     "有效事件数" = 'count(events, 核查结果 == "有效")'
///     "巡查小时每日" = 'sum(patrol, 巡查时长(分钟)) / 60 / days_in_month'
enum ValuesSection {
    /// The values as written (every name, also one whose expression has an error) and, by the
    /// same index, their checked definitions.
    struct Declared {
        var sources: [(name: String, source: TOMLString, location: SourceLocation)] = []
        var checked: [CheckedPart<NamedValue>] = []
    }

    static func read(_ d: RuleReading) -> Declared {
        var values = Declared()
        if let vt = d.top.subtable("values", required: false) {
            for entry in vt.entries {
                guard case .string(let s) = entry.node.value else {
                    d.report(RuleMessages.valueNotAnExpression(entry.key, is: entry.node.value.kindName, at: entry.node.location))
                    continue
                }
                values.sources.append((entry.key, s, entry.keyLocation))
            }
        }
        values.checked = values.sources.map { _ in CheckedPart() }
        for (i, (name, s, loc)) in values.sources.enumerated() {
            d.declare(name, .value(i), at: loc)
            d.context.valueIndices[name] = i
            let slot = values.checked[i]
            d.define(.value(i)) {
                guard let (e, t) = d.expression(s, scope: .worker, expecting: nil, what: RulePlaces.value(name)) else { return nil }
                slot.value = NamedValue(name: name, expr: e, type: t, sourceText: s.value, location: loc)
                return t
            }
        }
        return values
    }
}
