import GridpayCore
import GridpayXLSX

/// The rule file's own sheets (`SheetSpec`: `[[group_sheets]]` and `[[sheets]]`), each written
/// where its placement says and laid out as its layout says.
extension WorkbookWriter {
    /// The rule file's sheets that go at `placement`, in the order declared.
    func writeRuleSheets(_ book: XLSXWorkbook, _ s: SheetFormats, at placement: SheetSpec.Placement) throws(XLSXError) {
        for sheet in report.sheets where sheet.spec.placement == placement { try writeRuleSheet(book, s, sheet) }
    }

    /// One sheet: its rows table as the sheet's own table (`.rowsTable`), or its totals lines
    /// under 项目, 金额(元), 类别 and then, after a blank row where there are lines, its rows
    /// table under a header of its own (`.totalsFirst`). The rows table's first column is the
    /// key, headed by its label (default: the roster's group label).
    func writeRuleSheet(_ book: XLSXWorkbook, _ s: SheetFormats, _ sheet: SheetResult) throws(XLSXError) {
        let spec = sheet.spec
        let table = spec.rows.map { [SheetColumn($0.label ?? SheetLabels.roster(rules)[3], .text)] + $0.columns.map(displayColumn) } ?? []
        if spec.layout == .rowsTable, spec.lines.isEmpty, let rows = spec.rows {
            let ws = try self.sheet(book, spec.name, table, dataRows: sheet.rows.count, s)
            try writeRows(ws, sheet.rows, rows.columns, from: 1)
            try ws.finish()
            return
        }
        let totals = [SheetLabels.lineLabel, SheetLabels.lineAmount, SheetLabels.lineKind]
        let columns = (0..<max(totals.count, table.count)).map { c in
            SheetColumn(c < totals.count ? totals[c] : "", c == 1 ? .money : .text)
        }
        let ws = try self.sheet(book, spec.name, columns, dataRows: nil, s)
        var row = 1
        for line in sheet.lines {
            try ws.text(line.label, row: row, column: 0)
            try ws.number(line.value, row: row, column: 1)
            try ws.text(line.kind, row: row, column: 2)
            row += 1
        }
        if let rows = spec.rows {
            if !sheet.lines.isEmpty { row += 1 }
            try ws.writeHeader(table.map(\.header), row: row)
            try writeRows(ws, sheet.rows, rows.columns, from: row + 1)
        }
        try ws.finish()
    }

    /// The rows from sheet row `first` on: the key, then each cell in its column's format, or as
    /// computed where the column has none.
    func writeRows(_ ws: TableSheet, _ rows: [SheetResult.Row], _ columns: [DisplayColumn], from first: Int) throws(XLSXError) {
        for (r, row) in rows.enumerated() {
            try writeComputed(ws, row.key, row: first + r, column: 0)
            for (k, v) in row.cells.enumerated() {
                if columns[k].format == nil {
                    try writeComputed(ws, v, row: first + r, column: k + 1)
                } else {
                    try writeCell(ws, v, row: first + r, column: k + 1)
                }
            }
        }
    }

    /// A value as computed: a whole number as a count (#,##0), any other number as a score
    /// (#,##0.00), true/false as 是/否 centered, anything else as text; blank for nil.
    func writeComputed(_ ws: TableSheet, _ v: Value?, row: Int, column: Int) throws(XLSXError) {
        switch v {
        case .number(let n)?: try ws.number(n, row: row, column: column, style: n.isInteger ? .count : .score)
        case .bool(let b)?: try ws.text(SheetLabels.yesNo(b), row: row, column: column, style: .centered)
        case let other?: try ws.text(other.description, row: row, column: column)
        case nil: try ws.blank(row: row, column: column)
        }
    }
}
