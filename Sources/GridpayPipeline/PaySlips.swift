import GridpayCore
import GridpayXLSX

/// Printed page geometry for sheets laid out in blocks (A4 landscape, libxlsxwriter's default
/// margins: 0.7 in left and right, 0.75 in top and bottom).
enum PrintedPage {
    /// Points across the printable width: 841.89 − 2 × 50.4.
    static let width = 741.0
    /// Points down the printable height, less room for the page header and footer:
    /// 595.28 − 2 × 54 = 487, kept at 460.
    static let height = 460.0

    /// Points an Excel column of `width` characters takes (Calibri 11: 7 pixels a character
    /// and 5 of padding; a pixel is ¾ point), and 10% more: LibreOffice draws the same width
    /// about 8% wider.
    static func points(columnWidth width: Double) -> Double { ((width * 7).rounded() + 5) * 0.75 * 1.1 }

    /// Points a row of default height (15) takes.
    static let rowPoints = 15.0

    /// The print scale (percent, at most 100) at which columns of these widths fit across one page.
    static func scale(columnWidths: [Double]) -> Int {
        let total = columnWidths.reduce(0) { $0 + points(columnWidth: $1) }
        guard total > width else { return 100 }
        return max(10, Int((width / total * 100).rounded(.down)))
    }
}

/// 工资条: one slip per worker, cut apart for handing out. Each slip is a title row (the town, the
/// period: a slip cut from the page still says whose pay for which period), a header row and a
/// value row with every column of 绩效工资, then a dashed line to cut along. Slips go in the pay
/// sheet's order (village by village, by id). Printed at a fixed scale with a page break every
/// `perPage` slips, so that no slip is split across pages; past 1,024 pages (Excel's 1,023
/// breaks) the slips continue on 工资条2, 工资条3, ….
extension WorkbookWriter {
    /// Heights in points: title row, value row, the gap with the line to cut along.
    static let slipTitleHeight = 17.0
    static let slipValueHeight = 17.0
    static let slipGapHeight = 12.0
    /// Rows of one slip: title, header, values, cut line.
    static let slipRows = 4
    /// Pages of slips on one sheet: Excel keeps at most 1,023 manual page breaks a sheet.
    static let slipPagesPerSheet = 1024

    /// How the slips are laid out: column widths, print scale, row heights, slips a page.
    struct SlipLayout {
        var widths: [Double]
        var scale: Int
        var headerHeight: Double
        var valueHeight: Double
        var perPage: Int
    }

    /// Each slip's title: the town and the period, e.g. "清河镇 2026-10 绩效工资条".
    var slipTitle: String { "\(rules.townName) \(report.period) \(SheetLabels.paySheet)条" }

    /// The widths from every slip's values, hence the print scale and the slips a page holds.
    func slipLayout(_ table: PayTable, _ columns: [SheetColumn], _ order: [Int]) -> SlipLayout {
        var sizer = ColumnSizer(columns)
        var valueLines = 1
        for k in order {
            for (c, v) in table.row(report.workers[k]).cells.enumerated() {
                switch v {
                case .text(let t):
                    let units = TextWidth.units(t)
                    if sizer.wraps(units, column: c) { valueLines = max(valueLines, sizer.lines(units, column: c)) }
                    sizer.measure(min(units, sizer.maxWidth(c)), column: c)
                case .money(let n), .score(let n): sizer.measure(TextWidth.units(number: n.doubleValue, style: columns[c].style), column: c)
                }
            }
        }
        let widths = sizer.widths
        let scale = PrintedPage.scale(columnWidths: widths)
        let headerLines = columns.map { ColumnSizer.headerLines($0.header) }.max() ?? 1
        let headerHeight = TableSheet.rowHeight(lines: headerLines)
        let valueHeight = max(Self.slipValueHeight, TableSheet.rowHeight(lines: valueLines))
        let slipHeight = Self.slipTitleHeight + headerHeight + valueHeight + Self.slipGapHeight
        let perPage = max(1, Int((PrintedPage.height / (slipHeight * Double(scale) / 100)).rounded(.down)))
        return SlipLayout(widths: widths, scale: scale, headerHeight: headerHeight, valueHeight: valueHeight, perPage: perPage)
    }

    func writeSlips(_ book: XLSXWorkbook, _ s: SheetFormats) throws(XLSXError) {
        let table = payTable
        let columns = table.columns
        let order = payGroups().flatMap { $0.1 }
        let layout = slipLayout(table, columns, order)
        let perSheet = layout.perPage * Self.slipPagesPerSheet
        var first = 0
        var sheetNumber = 0
        repeat {
            sheetNumber += 1
            let name = sheetNumber == 1 ? SheetLabels.slipSheet : "\(SheetLabels.slipSheet)\(sheetNumber)"
            let slips = order[first..<min(order.count, first + perSheet)]
            let ws = try book.addWorksheet(named: name)
            try ws.setUpPrinting(scalePercent: layout.scale,
                                 header: "&C\(TableSheet.escaped("\(rules.townName) \(report.period) \(name)"))",
                                 footer: TableSheet.pageFooter)
            let t = TableSheet(sheet: ws, s, columns: columns)
            for (n, k) in slips.enumerated() { try writeSlip(table.row(report.workers[k]), at: n * Self.slipRows, t, layout, s) }
            for (c, w) in layout.widths.enumerated() { try ws.setColumnWidth(first: c, last: c, width: w) }
            let rowsPerPage = layout.perPage * Self.slipRows
            let breaks = Array(stride(from: rowsPerPage, to: slips.count * Self.slipRows, by: rowsPerPage))
            if !breaks.isEmpty { try ws.setPageBreaks(beforeRows: breaks) }
            first += perSheet
        } while first < order.count
    }

    /// One slip from `top`: title, header, values, cut line.
    func writeSlip(_ pay: PayRow, at top: Int, _ t: TableSheet, _ layout: SlipLayout, _ s: SheetFormats) throws(XLSXError) {
        let last = t.columns.count - 1
        try t.sheet.mergeRange(firstRow: top, firstColumn: 0, lastRow: top, lastColumn: last, string: slipTitle, format: s.title())
        try t.setHeight(row: top, Self.slipTitleHeight)
        try t.writeHeader(row: top + 1)
        try t.setHeight(row: top + 1, layout.headerHeight)
        for (c, v) in pay.cells.enumerated() {
            switch v {
            case .text(let text): try t.text(text, row: top + 2, column: c)
            case .money(let n), .score(let n): try t.number(n, row: top + 2, column: c)
            }
        }
        try t.setHeight(row: top + 2, layout.valueHeight)
        let cut = try s.cutLine()
        for c in 0...last { try t.sheet.writeBlank(row: top + 3, column: c, format: cut) }
        try t.setHeight(row: top + 3, Self.slipGapHeight)
    }
}
