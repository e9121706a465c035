/// `[[tables.<name>.checks]]`: conditions every row of a table must meet (README: "Row checks").
extension RuleLoader {
    static func readRowChecks(_ list: [TOMLTable], table ti: Int, context ctx: CheckContext) -> [RowCheck] {
        let spec = ctx.tables[ti]
        var out: [RowCheck] = []
        for (k, t) in list.enumerated() {
            let r = TOMLReader(t, path: "check #\(k + 1) of table \(spec.name)", context: ctx, allowed: ["require", "column", "message"])
            guard let s = r.string("require") else { continue }
            var column: Int?
            if let c = r.string("column", required: false) {
                if let i = spec.columnIndex(c.value) { column = i } else {
                    r.error("column names '\(c.value)', which is not a column of \(spec.name)\(Suggestion.didYouMean(c.value, among: spec.columns.map(\.name)))", at: c.location(ofCharacterAt: 0))
                }
            }
            let message = r.text("message", required: false) ?? "the row does not meet the check '\(s.value)'"
            for name in ReasonTemplate.placeholders(in: message) where spec.columnIndex(name) == nil {
                r.error("the message names {\(name)}, which is not a column of \(spec.name)\(Suggestion.didYouMean(name, among: spec.columns.map(\.name)))", at: t["message"]!.location)
            }
            guard let (e, _) = ExpressionChecker.check(ExpressionSource(s), scope: .row(table: ti), expecting: .bool, context: ctx,
                                                       what: "the require of a check") else { continue }
            out.append(RowCheck(require: e, requireText: s.value, column: column, message: message, location: t.location))
        }
        return out
    }
}
