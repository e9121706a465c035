/// `[[sheets]]`: summary sheets declared in the rule file. Each has totals lines (a label, an
/// optional kind such as 收入 / 支出, and a worker-scope value that is the same for every worker,
/// e.g. `overall_sum(x)`), and optionally `[sheets.units]`: one row per distinct value of `key`
/// (first appearance in roster order) with the declared columns, each evaluated for the unit's
/// first worker (so use unit-level values such as `group_mean(部门, 总分)` or `group_rank(…)`).
///
///     [[sheets]]
///     name = "激励基金"
///       [[sheets.lines]]
///       label = "扣分负激励"
///       kind = "收入"
///       value = 'overall_sum(扣分负激励)'
///       [sheets.units]
///       key = '部门'
///       label = "部门"
///         [[sheets.units.columns]]
///         name = "人数"
///         value = 'group_count(部门)'
enum SheetsSection {
    /// Sheets the workbook always has (or may have): a declared sheet needs another name.
    static let productSheets = ["考核汇总", "绩效工资", "扣分明细", "数据问题", "说明", "工资条", "统计"]

    static func read(_ d: RuleDraft) {
        for (i, st) in d.top.tables("sheets").enumerated() {
            let r = d.section(st, "[[sheets]] #\(i + 1)", allowed: ["name", "lines", "units"])
            let name = r.text("name") ?? ""
            var sheet = SummarySheetSpec(name: name, lines: [], unitKey: nil, unitLabel: "", columns: [], location: st.location)
            for (j, lt) in r.tables("lines").enumerated() {
                if let line = readLine(lt, number: j + 1, sheet: name, d) { sheet.lines.append(line) }
            }
            if let ut = r.subtable("units", required: false) { readUnits(ut, into: &sheet, d) }
            if productSheets.contains(name) || d.sheets.contains(where: { $0.name == name }) {
                d.report(RuleMessages.sheetNameTaken(name, at: st.location))
            }
            d.sheets.append(sheet)
        }
    }

    static func readLine(_ lt: TOMLTable, number: Int, sheet: String, _ d: RuleDraft) -> SummarySheetSpec.Line? {
        let l = d.section(lt, "line #\(number) of sheet '\(sheet)'", allowed: ["label", "kind", "value"])
        guard let label = l.text("label"), let v = l.string("value"),
              let (e, _) = d.expression(v, scope: .worker, expecting: .number, what: "the value of '\(label)'") else { return nil }
        return .init(label: label, kind: l.text("kind", required: false) ?? "", value: e, location: v.location(ofCharacterAt: 0))
    }

    static func readUnits(_ ut: TOMLTable, into sheet: inout SummarySheetSpec, _ d: RuleDraft) {
        let u = d.section(ut, "[sheets.units] of sheet '\(sheet.name)'", allowed: ["key", "label", "columns"])
        if let k = u.string("key"), let (e, _) = d.expression(k, scope: .worker, expecting: nil, what: "the unit key") {
            sheet.unitKey = e
            sheet.unitLabel = u.text("label", required: false) ?? k.value
        }
        for (j, ct) in u.tables("columns").enumerated() {
            let c = d.section(ct, "column #\(j + 1) of sheet '\(sheet.name)'", allowed: ["name", "value"])
            guard let cn = c.text("name"), let v = c.string("value"),
                  let (e, t) = d.expression(v, scope: .worker, expecting: nil, what: "column '\(cn)'") else { continue }
            sheet.columns.append(.init(name: cn, value: e, type: t, location: v.location(ofCharacterAt: 0)))
        }
    }
}
