/// `[[sheets]]`: summary sheets declared in the rule file. Each has totals lines (a label, an
/// optional kind such as 收入 / 支出, and a worker-scope value that is the same for every worker,
/// e.g. `overall_sum(x)`), and optionally `[sheets.units]`: one row per distinct value of `key`
/// (first appearance in roster order) with the declared columns, each evaluated for the unit's
/// first worker (so use unit-level values such as `group_mean(部门, 总分)` or `group_rank(…)`).
extension RuleLoader {
    static func readSheets(_ top: TOMLReader, context ctx: CheckContext) -> [SummarySheetSpec] {
        var sheets: [SummarySheetSpec] = []
        for (i, st) in top.tables("sheets").enumerated() {
            let r = TOMLReader(st, path: "[[sheets]] #\(i + 1)", context: ctx, allowed: ["name", "lines", "units"])
            let name = r.text("name") ?? ""
            var sheet = SummarySheetSpec(name: name, lines: [], unitKey: nil, unitLabel: "", columns: [], location: st.location)
            for (j, lt) in r.tables("lines").enumerated() {
                let l = TOMLReader(lt, path: "line #\(j + 1) of sheet '\(name)'", context: ctx, allowed: ["label", "kind", "value"])
                guard let label = l.text("label"), let v = l.string("value"),
                      let (e, _) = ExpressionChecker.check(ExpressionSource(v), scope: .worker, expecting: .number, context: ctx, what: "the value of '\(label)'") else { continue }
                sheet.lines.append(.init(label: label, kind: l.text("kind", required: false) ?? "", value: e, location: v.location(ofCharacterAt: 0)))
            }
            if let ut = r.subtable("units", required: false) {
                let u = TOMLReader(ut, path: "[sheets.units] of sheet '\(name)'", context: ctx, allowed: ["key", "label", "columns"])
                if let k = u.string("key"), let (e, _) = ExpressionChecker.check(ExpressionSource(k), scope: .worker, expecting: nil, context: ctx, what: "the unit key") {
                    sheet.unitKey = e
                    sheet.unitLabel = u.text("label", required: false) ?? k.value
                }
                for (j, ct) in u.tables("columns").enumerated() {
                    let c = TOMLReader(ct, path: "column #\(j + 1) of sheet '\(name)'", context: ctx, allowed: ["name", "value"])
                    guard let cn = c.text("name"), let v = c.string("value"),
                          let (e, t) = ExpressionChecker.check(ExpressionSource(v), scope: .worker, expecting: nil, context: ctx, what: "column '\(cn)'") else { continue }
                    sheet.columns.append(.init(name: cn, value: e, type: t, location: v.location(ofCharacterAt: 0)))
                }
            }
            if ["考核汇总", "绩效工资", "扣分明细", "数据问题", "说明", "工资条", "统计"].contains(name) || sheets.contains(where: { $0.name == name }) {
                r.error("a sheet named '\(name)' already exists in the workbook; choose another name", at: st.location)
            }
            sheets.append(sheet)
        }
        return sheets
    }
}
