/// A column of `[tables.<name>] columns`: its name, type and the limits of its cells.
///
///     { name = "巡查时长(分钟)", type = "decimal", min = 0, places = 2 }
///     { name = "核查结果", type = "choice", values = ["有效", "无效"] }
///     { name = "受理时间", type = "datetime", optional = true, within_period = false }
///
/// Types: id, text, integer, decimal (places), date, datetime, duration (unit, formats), choice
/// (values). The forms cells are written in (formats, thousands, percent …) are read by
/// ColumnFormReader. The cell rules
/// (required_when, empty_when, on_roster, same_on_roster) are read by ColumnRulesSection.
enum ColumnReader {
    static let keys = ["name", "type", "min", "max", "places", "values", "optional",
                       "required_when", "empty_when", "on_roster", "same_on_roster", "within_period"] + ColumnFormReader.keys
    static let types = ["id", "text", "integer", "decimal", "date", "datetime", "duration", "choice"]

    static func read(_ node: TOMLNode, table: String, _ d: RuleReading) -> ColumnSpec? {
        guard case .table(let t) = node.value else {
            d.report(RuleMessages.columnNotATable(of: table, is: node.value.kindName, at: node.location))
            return nil
        }
        let r = d.section(t, RulePlaces.columnOf(table), allowed: keys)
        guard let name = r.text("name"), let typeName = r.string("type"), let type = columnType(typeName, r, d) else { return nil }
        var column = ColumnSpec(name: name, type: type, minimum: r.number("min", required: false), maximum: r.number("max", required: false),
                                optional: r.bool("optional") ?? false, location: t.location, withinPeriod: r.bool("within_period"))
        column.forms = ColumnFormReader.read(r, type: type, isDuration: typeName.value == "duration", column: name, d)
        return column
    }

    static func columnType(_ typeName: TOMLString, _ r: TOMLSection, _ d: RuleReading) -> ColumnType? {
        switch typeName.value {
        case "id": return .id
        case "text": return .text
        case "integer": return .integer
        case "decimal": return .decimal(places: r.number("places", required: false).map { Int($0.numerator) })
        case "date": return .date
        case "datetime": return .datetime
        // A duration is a number counted in its unit (SPEC §16), read in its declared forms.
        case "duration": return .decimal(places: nil)
        case "choice":
            var values: [String] = []
            for v in r.array("values") ?? [] {
                if case .string(let s) = v.value { values.append(s.value) } else { d.report(RuleMessages.choiceValueNotText(at: v.location)) }
            }
            if values.isEmpty { d.report(RuleMessages.choiceWithoutValues(at: r.table.location)) }
            return .choice(values)
        default:
            d.report(RuleMessages.unknownColumnType(typeName.value, types: types, at: typeName.location(ofCharacterAt: 0)))
            return nil
        }
    }
}
