/// `[[sheets]]`: summary sheets declared in the rule file. Each has totals lines (a label, an
/// optional kind such as 收入 / 支出, and a worker-scope value that is the same for every worker,
/// e.g. `overall_sum(x)`), and optionally `[sheets.units]`: one row per distinct value of `key`
/// (first appearance in roster order) with the declared columns, each the same for every worker
/// of the unit (unit-level values such as `group_mean(部门, 总分)` or `group_rank(…)`), shown as
/// computed. Read into a `SheetSpec` laid out totals first, after 扣分明细; `[[group_sheets]]`
/// (DisplaySheetsSection) is the other spelling of the same model.
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
    /// `earlier`: the sheets read before (`[[group_sheets]]`), whose names these may not take;
    /// returns them followed by these.
    static func read(_ d: RuleReading, after earlier: [SheetSpec]) -> [SheetSpec] {
        var sheets = earlier
        for (i, st) in d.top.tables("sheets").enumerated() {
            let r = d.section(st, RulePlaces.sheetSection(i + 1), allowed: ["name", "lines", "units"])
            let name = r.text("name") ?? ""
            var sheet = SheetSpec(name: name, lines: [], rows: nil, layout: .totalsFirst, placement: .afterDetails, location: st.location)
            for (j, lt) in r.tables("lines").enumerated() {
                if let line = readLine(lt, number: j + 1, sheet: name, d) { sheet.lines.append(line) }
            }
            if let ut = r.subtable("units", required: false) { sheet.rows = readUnits(ut, sheet: name, d) }
            checkName(name, at: st.location, earlier: sheets, d)
            sheets.append(sheet)
        }
        return sheets
    }

    /// A sheet of the rule file needs a name that no sheet of the workbook has, nor an earlier one
    /// of the rule file (in either spelling).
    static func checkName(_ name: String, at location: SourceLocation, earlier: [SheetSpec], _ d: RuleReading) {
        if ProductSheetNames.all.contains(name) || earlier.contains(where: { $0.name == name }) {
            d.report(RuleMessages.sheetNameTaken(name, at: location))
        }
    }

    static func readLine(_ lt: TOMLTable, number: Int, sheet: String, _ d: RuleReading) -> SheetSpec.Line? {
        let l = d.section(lt, RulePlaces.sheetLineSection(number, ofSheet: sheet), allowed: ["label", "kind", "value"])
        guard let label = l.text("label"), let v = l.string("value"),
              let (e, _) = d.expression(v, scope: .worker, expecting: .number, what: RulePlaces.sheetLine(label)) else { return nil }
        return .init(label: label, kind: l.text("kind", required: false) ?? "", value: e, location: v.location(ofCharacterAt: 0))
    }

    /// `[sheets.units]`: the rows, or nil when its key is missing or wrong (reported). Columns
    /// have no format: each value is shown as computed.
    static func readUnits(_ ut: TOMLTable, sheet: String, _ d: RuleReading) -> SheetSpec.Rows? {
        let u = d.section(ut, RulePlaces.unitsSection(ofSheet: sheet), allowed: ["key", "label", "columns"])
        var rows: SheetSpec.Rows?
        if let k = u.string("key"), let (e, _) = d.expression(k, scope: .worker, expecting: nil, what: RulePlaces.unitKey) {
            rows = .init(key: .value(e), label: u.text("label", required: false) ?? k.value, order: nil, columns: [])
        }
        for (j, ct) in u.tables("columns").enumerated() {
            let c = d.section(ct, RulePlaces.unitColumnSection(j + 1, ofSheet: sheet), allowed: ["name", "value"])
            guard let cn = c.text("name"), let v = c.string("value"),
                  let (e, t) = d.expression(v, scope: .worker, expecting: nil, what: RulePlaces.unitColumn(cn)) else { continue }
            rows?.columns.append(DisplayColumn(name: cn, value: e, type: t, format: nil, when: nil, location: v.location(ofCharacterAt: 0)))
        }
        return rows
    }
}
