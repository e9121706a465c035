/// The value-form keys of a column (SPEC §16): the forms its cells are written in.
///
///     { name = "受理时间", type = "datetime", formats = ["yyyy/M/d H:mm", "yyyy年M月d日 H:mm"] }
///     { name = "时长", type = "duration", unit = "minutes", formats = ["h:mm:ss", "h:mm"], min = 0 }
///     { name = "金额", type = "decimal", thousands = "," }
///     { name = "满意率", type = "decimal", percent = true, max = 1 }
///     { name = "次数", type = "integer", full_width_digits = true }
enum ColumnFormReader {
    static let keys = ["formats", "unit", "thousands", "percent", "full_width_digits"]

    /// The column's forms (nil: plain, as before §16), reported where a key does not fit its type.
    static func read(_ r: TOMLSection, type: ColumnType, isDuration: Bool, column: String, _ d: RuleReading) -> CellForms? {
        var forms = CellForms()
        var declared = false
        let kind: CellPattern.Kind? = isDuration ? .duration : (type == .date ? .date : (type == .datetime ? .datetime : nil))
        let isNumber = !isDuration && (type == .integer || type.valueType == .number)
        if isDuration {
            if let u = r.string("unit") {
                if let unit = DurationUnit(rawValue: u.value) { forms.duration = unit } else {
                    d.report(RuleMessages.badDurationUnit(InputExcerpt.show(u.value), at: u.location(ofCharacterAt: 0)))
                }
            }
            declared = true
        } else if let u = r.string("unit", required: false) {
            d.report(RuleMessages.formKeyNotForType("unit", column: column, type: "duration", at: u.location(ofCharacterAt: 0)))
        }
        if let items = r.array("formats", required: false) {
            declared = true
            if let kind { forms.patterns = patterns(items, kind, at: r.table["formats"]!.location, d) } else {
                d.report(RuleMessages.formKeyNotForType("formats", column: column, type: ColumnTypeMessages.types(["date", "datetime", "duration"]), at: r.table["formats"]!.location))
            }
        }
        if let s = r.string("thousands", required: false) {
            declared = true
            if !isNumber { d.report(RuleMessages.formKeyNotForType("thousands", column: column, type: ColumnTypeMessages.types(["integer", "decimal"]), at: s.location(ofCharacterAt: 0))) }
            else if s.value == "," { forms.thousands = UInt8(ascii: ",") }
            else { d.report(RuleMessages.badThousands(InputExcerpt.show(s.value), at: s.location(ofCharacterAt: 0))) }
        }
        if let p = r.bool("percent"), p {
            declared = true
            if isNumber { forms.percent = true } else {
                d.report(RuleMessages.formKeyNotForType("percent", column: column, type: ColumnTypeMessages.types(["integer", "decimal"]), at: r.table["percent"]!.location))
            }
        }
        if let f = r.bool("full_width_digits"), f {
            declared = true
            if isNumber || kind != nil { forms.fullWidthDigits = true } else {
                d.report(RuleMessages.formKeyNotForType("full_width_digits", column: column, type: ColumnTypeMessages.types(["integer", "decimal", "date", "datetime", "duration"]), at: r.table["full_width_digits"]!.location))
            }
        }
        return declared ? forms : nil
    }

    /// `formats = ["…", …]`: each pattern compiled; a bad one is reported at its character.
    static func patterns(_ items: [TOMLNode], _ kind: CellPattern.Kind, at loc: SourceLocation, _ d: RuleReading) -> [CellPattern] {
        var out: [CellPattern] = []
        for item in items {
            guard case .string(let s) = item.value else {
                d.report(RuleMessages.formatNotText(is: item.value.kindName, at: item.location))
                continue
            }
            switch CellPattern.compile(s.value, kind) {
            case .success(let p): out.append(p)
            case .failure(let problem): d.report(RuleMessages.badFormat(s.value, problem.message, at: s.location(ofCharacterAt: problem.offset)))
            }
        }
        if items.isEmpty { d.report(RuleMessages.noFormats(at: loc)) }
        return out
    }
}
