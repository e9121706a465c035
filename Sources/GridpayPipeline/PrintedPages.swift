import GridpayXLSX

/// Rows of a table sheet that belong on one printed page when they fit: a village's workers
/// with its 小计, the 合计 with the amount in words and the signature lines.
struct RowBlock: Equatable, Sendable {
    var first: Int
    var last: Int
}

enum PageBreaks {
    /// Excel keeps at most 1,023 manual page breaks a sheet.
    static let limit = 1023

    /// Rows before which a new page starts, so that a block that fits on a page (`capacity`
    /// points, what the page holds under its repeated header) is never split: it starts a page
    /// when it does not fit in what is left of the current one. A block taller than a page starts
    /// where it is and breaks where each page is full. Past `limit` breaks (about 30,000 rows) the
    /// rest is left to the spreadsheet's own breaks.
    static func plan(_ blocks: [RowBlock], height: (Int) -> Double, capacity: Double, limit: Int = limit) -> [Int] {
        var breaks: [Int] = []
        var used = 0.0
        for block in blocks {
            let rows = block.first...block.last
            let total = rows.reduce(0) { $0 + height($1) }
            if used > 0 && used + total > capacity && total <= capacity {
                guard breaks.count < limit else { return breaks }
                breaks.append(block.first)
                used = 0
            }
            for r in rows {
                let h = height(r)
                if used > 0 && used + h > capacity {
                    guard breaks.count < limit else { return breaks }
                    breaks.append(r)
                    used = 0
                }
                used += h
            }
        }
        return breaks
    }
}

extension TableSheet {
    /// Prints the table at the scale at which its columns fit one page wide, instead of fit to
    /// width (Excel ignores manual page breaks under fit to page), with page breaks that keep
    /// each of `blocks` on one page where it fits. Call after the last row (widths are final).
    func printKeepingTogether(_ blocks: [RowBlock]) throws(XLSXError) {
        let scale = PrintedPage.scale(columnWidths: sizer.widths)
        try sheet.setUpPrinting(scalePercent: scale, header: pageHeader, footer: Self.pageFooter)
        let capacity = PrintedPage.height * 100 / Double(scale) - height(of: 0)
        let breaks = PageBreaks.plan(blocks, height: height(of:), capacity: capacity)
        if !breaks.isEmpty { try sheet.setPageBreaks(beforeRows: breaks) }
    }
}
