/// `[[tables.<name>.checks]]`: conditions every row of a table must meet (README: "Row checks").
///
///     [[tables.tasks.checks]]
///     require = '办结时间 >= 受理时间'
///     column = "办结时间"                     # optional: where the problem is reported
///     message = "办结时间 {办结时间} is before 受理时间"   # optional; {column} is filled from the row
enum RowChecksSection {
    static let keys = ["require", "column", "message"]

    /// The tables with their checks (`checkTables`: each table's, by index).
    static func read(_ d: RuleReading, tables: [TableSpec], checkTables: [Int: [TOMLTable]]) -> [TableSpec] {
        var tables = tables
        for (ti, list) in checkTables.sorted(by: { $0.key < $1.key }) {
            tables[ti].checks = list.enumerated().compactMap { k, t in readCheck(t, number: k + 1, table: ti, d) }
        }
        return tables
    }

    static func readCheck(_ t: TOMLTable, number: Int, table ti: Int, _ d: RuleReading) -> RowCheck? {
        let spec = d.context.tables[ti]
        let r = d.section(t, RulePlaces.check(number, ofTable: spec.name), allowed: keys)
        guard let s = r.string("require") else { return nil }
        var column: Int?
        if let c = r.string("column", required: false) {
            if let i = spec.columnIndex(c.value) { column = i } else {
                d.report(RuleMessages.checkColumnNotAColumn(c.value, of: spec, at: c.location(ofCharacterAt: 0)))
            }
        }
        let message = r.text("message", required: false) ?? RulePlaces.unmetCheck(s.value)
        for name in ReasonTemplate.placeholders(in: message) where spec.columnIndex(name) == nil {
            d.report(RuleMessages.checkMessageNamesNoColumn(name, of: spec, at: t["message"]!.location))
        }
        guard let (e, _) = d.expression(s, scope: .row(table: ti), expecting: .bool, what: RulePlaces.checkRequire) else { return nil }
        return RowCheck(require: e, requireText: s.value, column: column, message: message, location: t.location)
    }
}
