/// The inputs of a `[[tests]]` case: `[tests.inputs]` (a quarter, half-year or year: `[tests.inputs."YYYY-MM"]`
/// per month; a month left out has empty tables) and `[tests.earlier."YYYY-MM"]` for months
/// before the tested period. Each key is a declared table, each value its CSV text.
enum TestInputsReader {
    static func read(_ r: TOMLSection, span: CalendarPeriod, tables names: [String], _ d: RuleReading) -> [Period: [String: TOMLString]] {
        let period = span.firstMonth
        var inputs: [Period: [String: TOMLString]] = [:]
        if span.kind != .month {
            for m in span.months { inputs[m] = [:] }
            for e in r.subtable("inputs")?.entries ?? [] {
                guard let m = Period.parse(e.key), span.months.contains(m), case .table(let t) = e.node.value else {
                    d.report(RuleMessages.badQuarterTestMonth(e.key, kind: span.kind, months: span.months, at: e.keyLocation))
                    continue
                }
                inputs[m] = tables(t, path: RulePlaces.testInputs(e.key), names: names, d)
            }
        } else if let it = r.subtable("inputs") { inputs[period] = tables(it, path: RulePlaces.testInputsSection, names: names, d) }
        for e in r.subtable("earlier", required: false)?.entries ?? [] {
            guard let p = Period.parse(e.key), p < period else {
                d.report(RuleMessages.badEarlierMonth(e.key, before: period, at: e.keyLocation))
                continue
            }
            guard case .table(let t) = e.node.value else { continue }
            inputs[p] = tables(t, path: RulePlaces.testEarlier(e.key), names: names, d)
        }
        return inputs
    }

    /// `names`: the declared tables.
    static func tables(_ t: TOMLTable, path: String, names: [String], _ d: RuleReading) -> [String: TOMLString] {
        var out: [String: TOMLString] = [:]
        for e in t.entries {
            guard names.contains(e.key) else {
                d.report(RuleMessages.testInputNotATable(e.key, in: path, tables: names, at: e.keyLocation))
                continue
            }
            guard case .string(let s) = e.node.value else {
                d.report(RuleMessages.testInputNotText(e.key, in: path, at: e.node.location))
                continue
            }
            out[e.key] = s
        }
        return out
    }
}
