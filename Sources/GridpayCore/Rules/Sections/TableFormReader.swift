/// The layout keys of `[tables.<name>]` (SPEC §16): how the export is written, declared once.
///
///     format = "xlsx"                # "csv" (default), "xlsx" or "xls"
///     sheet = "巡查记录"               # an XLSX workbook's sheet (default: the first)
///     delimiter = "\t"               # "," (default), "\t" or ";"
///     encoding = "utf-16"            # "utf-8" (default, BOM or not), "gb18030", "utf-16" (with BOM)
///     header_row = 3                 # the header's row, 1-based (rows above: title rows)
///     totals_row = "合计"             # a last row whose first cell is this word is skipped
///     unknown_workers = "leave-out"  # rows of people not on the roster: warnings, not counted
enum TableFormReader {
    static let keys = ["format", "sheet", "delimiter", "header_row", "totals_row", "unknown_workers"]
    /// Title rows above a header: a few in real exports; past this the number is a mistake.
    static let highestHeaderRow = 1000

    static func read(_ r: TOMLSection, into spec: inout TableSpec, _ d: RuleReading) {
        if let f = r.string("format", required: false) {
            if let format = TableFormat(rawValue: f.value) { spec.form.format = format } else {
                d.report(RuleMessages.badTableFormat(InputExcerpt.show(f.value), at: f.location(ofCharacterAt: 0)))
            }
        }
        if let s = r.string("sheet", required: false) {
            if spec.form.format == .csv { d.report(RuleMessages.sheetOfACSVFile(spec.name, at: s.location(ofCharacterAt: 0))) }
            else if s.value.isEmpty { d.report(RuleMessages.emptySheetName(at: s.location(ofCharacterAt: 0))) }
            else { spec.form.sheet = s.value }
        }
        if let enc = r.string("encoding", required: false) {
            if let e = InputEncoding(rawValue: enc.value.lowercased()) { spec.encoding = e } else {
                d.report(RuleMessages.badEncoding(enc.value, at: enc.location(ofCharacterAt: 0)))
            }
        }
        if let s = r.string("delimiter", required: false) {
            if let known = TableForm.delimiters.first(where: { $0.text == s.value }) { spec.form.delimiter = known.byte } else {
                d.report(RuleMessages.badDelimiter(InputExcerpt.show(s.value), at: s.location(ofCharacterAt: 0)))
            }
        }
        if let node = r.table["header_row"] {
            if case .number(let n, _) = node.value, n.isInteger, n >= ExactNumber(1), n <= ExactNumber(highestHeaderRow) {
                spec.form.headerRow = Int(n.numerator)
            } else {
                let shown: String
                if case .number(_, let text) = node.value { shown = text } else { shown = node.value.kindName }
                d.report(RuleMessages.badHeaderRow(shown, highest: highestHeaderRow, at: node.location))
            }
        }
        if let s = r.string("totals_row", required: false) {
            if s.value.isEmpty { d.report(RuleMessages.emptyTotalsRow(at: s.location(ofCharacterAt: 0))) } else { spec.form.totalsRow = s.value }
        }
        if let s = r.string("unknown_workers", required: false) {
            if s.value == "leave-out" { spec.form.leavesOutUnknownWorkers = true } else {
                d.report(RuleMessages.badUnknownWorkers(InputExcerpt.show(s.value), at: s.location(ofCharacterAt: 0)))
            }
        }
    }
}
