import CXLSXWriter

/// One worksheet of an `XLSXWorkbook`.
///
/// No deinit: the `lxw_worksheet` belongs to the C workbook. The strong `workbook` reference keeps
/// that memory alive, and every method checks the workbook is still open before touching C.
///
/// Rows and columns are zero-based. Out-of-range indices (rows 0..<1_048_576, columns 0..<16_384)
/// are thrown as `indexOutOfRangeCode` before any integer conversion, so they can't trap.
///
/// constant_memory: libxlsxwriter keeps only the current row in memory. A write to an earlier row
/// (or anything else that touches one, like `setRowHeight` or `autofilter`) is rejected by the library
/// with LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE and nothing is written. The wrapper does not reorder
/// or buffer: it throws that error, with a `detail` naming the row already reached, so a caller's
/// ordering bug surfaces instead of a silently missing cell.
public final class XLSXWorksheet {
    public let name: String
    public let workbook: XLSXWorkbook
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    /// Highest row written so far; used only to explain constant_memory ordering errors.
    private var currentRow = -1

    /// Paper size code for A4 in `worksheet_set_paper`.
    public static let paperA4: UInt8 = 9

    init(name: String, workbook: XLSXWorkbook, handle: UnsafeMutablePointer<lxw_worksheet>) {
        self.name = name
        self.workbook = workbook
        self.handle = handle
    }

    /// Always writes a string cell (worksheet_write_string), even for text starting with "=":
    /// payroll text from input files must never become a formula.
    /// An empty string writes a blank cell if `format` is given, otherwise nothing (library behaviour).
    public func write(string: String, row: Int, column: Int, format: XLSXFormat? = nil) throws(XLSXError) {
        let op = "worksheet_write_string"
        let ws = try open(op, row: row, column: column)
        let (r, c) = try cell(op, row: row, column: column)
        try XLSXWorkbook.requireCString(string, operation: op, path: workbook.path, what: "string",
                                        sheet: name, row: row, column: column)
        let fmt = try formatHandle(format, op, row: row, column: column)
        let result = string.withCString { worksheet_write_string(ws, r, c, $0, fmt) }
        try check(result, op, row: row, column: column)
        noteRow(row)
    }

    /// Writes a numeric cell. NaN and infinities are refused: libxlsxwriter would print them into
    /// the XML as text Excel can't read.
    public func write(number: Double, row: Int, column: Int, format: XLSXFormat? = nil) throws(XLSXError) {
        let op = "worksheet_write_number"
        let ws = try open(op, row: row, column: column)
        let (r, c) = try cell(op, row: row, column: column)
        guard number.isFinite else {
            throw error(LXW_ERROR_PARAMETER_VALIDATION, op, row: row, column: column,
                        detail: "number \(number) is not finite")
        }
        let fmt = try formatHandle(format, op, row: row, column: column)
        try check(worksheet_write_number(ws, r, c, number, fmt), op, row: row, column: column)
        noteRow(row)
    }

    /// Writes a formatted empty cell (e.g. a bordered gap). Without a format the library writes nothing.
    public func writeBlank(row: Int, column: Int, format: XLSXFormat? = nil) throws(XLSXError) {
        let op = "worksheet_write_blank"
        let ws = try open(op, row: row, column: column)
        let (r, c) = try cell(op, row: row, column: column)
        let fmt = try formatHandle(format, op, row: row, column: column)
        try check(worksheet_write_blank(ws, r, c, fmt), op, row: row, column: column)
        noteRow(row)
    }

    /// Width in Excel character units for columns first...last.
    public func setColumnWidth(first: Int, last: Int, width: Double, format: XLSXFormat? = nil) throws(XLSXError) {
        let op = "worksheet_set_column"
        let ws = try open(op, column: first)
        let c1 = try columnIndex(op, first, row: nil)
        let c2 = try columnIndex(op, last, row: nil)
        guard width.isFinite, width >= 0 else {
            throw error(LXW_ERROR_PARAMETER_VALIDATION, op, row: nil, column: first,
                        detail: "width \(width) must be finite and >= 0")
        }
        let fmt = try formatHandle(format, op, row: nil, column: first)
        try check(worksheet_set_column(ws, c1, c2, width, fmt), op, row: nil, column: first)
    }

    /// Height in points.
    public func setRowHeight(row: Int, height: Double) throws(XLSXError) {
        let op = "worksheet_set_row"
        let ws = try open(op, row: row)
        let r = try rowIndex(op, row, column: nil)
        guard height.isFinite, height >= 0 else {
            throw error(LXW_ERROR_PARAMETER_VALIDATION, op, row: row, column: nil,
                        detail: "height \(height) must be finite and >= 0")
        }
        try check(worksheet_set_row(ws, r, height, nil), op, row: row, column: nil)
        noteRow(row)
    }

    /// Merges the range and writes `string` (as a string, never a formula) into it.
    /// A single-cell range is refused by the library (parameter validation).
    public func mergeRange(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, string: String,
                           format: XLSXFormat? = nil) throws(XLSXError) {
        let op = "worksheet_merge_range"
        let ws = try open(op, row: firstRow, column: firstColumn)
        let (r1, c1) = try cell(op, row: firstRow, column: firstColumn)
        let (r2, c2) = try cell(op, row: lastRow, column: lastColumn)
        try XLSXWorkbook.requireCString(string, operation: op, path: workbook.path, what: "string",
                                        sheet: name, row: firstRow, column: firstColumn)
        let fmt = try formatHandle(format, op, row: firstRow, column: firstColumn)
        let result = string.withCString { worksheet_merge_range(ws, r1, c1, r2, c2, $0, fmt) }
        try check(result, op, row: firstRow, column: firstColumn)
        noteRow(max(firstRow, lastRow))
    }

    /// Printable setup: A4 landscape, all columns fit one page wide (any number of pages tall),
    /// `repeatRows` repeated on every printed page, centered horizontally, optional header/footer
    /// (Excel codes: "&P / &N" prints "page / pages", "&C" centers, "&&" is a literal ampersand;
    /// at most 255 characters).
    public func setUpPrinting(repeatRows: ClosedRange<Int>, header: String? = nil,
                              footer: String? = nil) throws(XLSXError) {
        let op = "worksheet_repeat_rows"
        let ws = try open(op, row: repeatRows.lowerBound)
        let first = try rowIndex(op, repeatRows.lowerBound, column: nil)
        let last = try rowIndex(op, repeatRows.upperBound, column: nil)
        if let header {
            try XLSXWorkbook.requireCString(header, operation: "worksheet_set_header", path: workbook.path,
                                            what: "header", sheet: name)
        }
        if let footer {
            try XLSXWorkbook.requireCString(footer, operation: "worksheet_set_footer", path: workbook.path,
                                            what: "footer", sheet: name)
        }
        // Calls that can fail go first, so a thrown error leaves the void setters below untouched.
        if let header {
            try check(header.withCString { worksheet_set_header(ws, $0) }, "worksheet_set_header",
                      row: nil, column: nil)
        }
        if let footer {
            try check(footer.withCString { worksheet_set_footer(ws, $0) }, "worksheet_set_footer",
                      row: nil, column: nil)
        }
        try check(worksheet_repeat_rows(ws, first, last), op, row: repeatRows.lowerBound, column: nil)
        // These setters return void: nothing to check.
        worksheet_set_paper(ws, Self.paperA4)
        worksheet_set_landscape(ws)
        worksheet_fit_to_pages(ws, 1, 0)  // 0 = as many pages tall as needed
        worksheet_center_horizontally(ws)
    }

    /// Freezes rows above `row` and columns left of `column`.
    /// Throws (unlike the brief's non-throwing sketch) so use after close and bad indices are errors.
    public func freezePanes(row: Int, column: Int) throws(XLSXError) {
        let op = "worksheet_freeze_panes"
        let ws = try open(op, row: row, column: column)
        let (r, c) = try cell(op, row: row, column: column)
        worksheet_freeze_panes(ws, r, c)  // returns void
    }

    /// Adds filter buttons to the header row of the range. In constant_memory mode the library
    /// rejects a range whose last row is before the row currently being written, so call it early.
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(XLSXError) {
        let op = "worksheet_autofilter"
        let ws = try open(op, row: firstRow, column: firstColumn)
        let (r1, c1) = try cell(op, row: firstRow, column: firstColumn)
        let (r2, c2) = try cell(op, row: lastRow, column: lastColumn)
        try check(worksheet_autofilter(ws, r1, c1, r2, c2), op, row: firstRow, column: firstColumn,
                  orderRow: max(firstRow, lastRow))
    }

    // MARK: - Helpers

    fileprivate func open(_ op: String, row: Int? = nil,
                      column: Int? = nil) throws(XLSXError) -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try workbook.openHandle(op, sheet: name, row: row, column: column)
        return handle
    }

    fileprivate func cell(_ op: String, row: Int, column: Int) throws(XLSXError) -> (lxw_row_t, lxw_col_t) {
        (try rowIndex(op, row, column: column), try columnIndex(op, column, row: row))
    }

    fileprivate func rowIndex(_ op: String, _ row: Int, column: Int?) throws(XLSXError) -> lxw_row_t {
        guard row >= 0, row < Int(LXW_ROW_MAX) else {
            throw error(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, op, row: row, column: column,
                        detail: "row must be in 0..<\(LXW_ROW_MAX)")
        }
        return lxw_row_t(row)
    }

    private func columnIndex(_ op: String, _ column: Int, row: Int?) throws(XLSXError) -> lxw_col_t {
        guard column >= 0, column < Int(LXW_COL_MAX) else {
            throw error(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, op, row: row, column: column,
                        detail: "column must be in 0..<\(LXW_COL_MAX)")
        }
        return lxw_col_t(column)
    }

    /// A format from another workbook would point into foreign (possibly freed) C memory.
    private func formatHandle(_ format: XLSXFormat?, _ op: String, row: Int?,
                              column: Int?) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        guard format.workbook === workbook else {
            throw error(LXW_ERROR_PARAMETER_VALIDATION, op, row: row, column: column,
                        detail: "format belongs to another workbook")
        }
        return format.handle
    }

    private func noteRow(_ row: Int) {
        currentRow = max(currentRow, row)
    }

    /// `orderRow` is the row the library compares with the current row in constant_memory mode
    /// (the last row for ranges it only records, like autofilter).
    fileprivate func check(_ result: lxw_error, _ op: String, row: Int?, column: Int?,
                       orderRow: Int? = nil) throws(XLSXError) {
        guard result != LXW_NO_ERROR else { return }
        var detail: String?
        if result == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, workbook.constantMemory,
           let checked = orderRow ?? row, checked < currentRow {
            detail = "constant_memory mode writes rows in ascending order: row \(checked) is before row "
                + "\(currentRow), which was already started, so libxlsxwriter rejected it and wrote nothing"
        }
        throw error(result, op, row: row, column: column, detail: detail)
    }

    fileprivate func error(_ code: lxw_error, _ op: String, row: Int?, column: Int?,
                       detail: String?) -> XLSXError {
        XLSXError(operation: op, error: code, path: workbook.path, sheet: name, row: row, column: column,
                  detail: detail)
    }
}

// MARK: - Charts and print layout beyond one table

extension XLSXWorksheet {
    /// Places `chart` with its top-left corner in the cell at (`row`, `column`), scaled from
    /// libxlsxwriter's default 480 × 288 pixels. A chart can be inserted once.
    public func insertChart(_ chart: XLSXChart, row: Int, column: Int, xScale: Double = 1,
                            yScale: Double = 1) throws(XLSXError) {
        let op = "worksheet_insert_chart_opt"
        let ws = try open(op, row: row, column: column)
        let (r, c) = try cell(op, row: row, column: column)
        guard chart.workbook === workbook else {
            throw error(LXW_ERROR_PARAMETER_VALIDATION, op, row: row, column: column,
                        detail: "chart belongs to another workbook")
        }
        guard xScale.isFinite, yScale.isFinite, xScale > 0, yScale > 0 else {
            throw error(LXW_ERROR_PARAMETER_VALIDATION, op, row: row, column: column,
                        detail: "scale \(xScale) × \(yScale) must be finite and > 0")
        }
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        try check(worksheet_insert_chart_opt(ws, r, c, chart.handle, &options), op, row: row, column: column)
    }

    /// Print setup for a sheet laid out in blocks (e.g. pay slips): A4 landscape, centered,
    /// printed at a fixed `scalePercent` (10...400) instead of fit to width, so that manual
    /// page breaks hold (Excel ignores them under fit to page), and no repeated rows.
    public func setUpPrinting(scalePercent: Int, header: String? = nil, footer: String? = nil) throws(XLSXError) {
        let op = "worksheet_set_print_scale"
        let ws = try open(op)
        guard (10...400).contains(scalePercent) else {
            throw error(LXW_ERROR_PARAMETER_VALIDATION, op, row: nil, column: nil,
                        detail: "print scale \(scalePercent)% is outside 10...400")
        }
        for (text, what) in [(header, "header"), (footer, "footer")] {
            if let text {
                try XLSXWorkbook.requireCString(text, operation: "worksheet_set_\(what)", path: workbook.path,
                                                what: what, sheet: name)
            }
        }
        if let header {
            try check(header.withCString { worksheet_set_header(ws, $0) }, "worksheet_set_header", row: nil, column: nil)
        }
        if let footer {
            try check(footer.withCString { worksheet_set_footer(ws, $0) }, "worksheet_set_footer", row: nil, column: nil)
        }
        // Void setters.
        worksheet_set_paper(ws, Self.paperA4)
        worksheet_set_landscape(ws)
        worksheet_center_horizontally(ws)
        worksheet_set_print_scale(ws, UInt16(scalePercent))
    }

    /// Manual page breaks: a new printed page starts at each of `rows` (zero-based; row 0 is
    /// not a break). Excel allows at most 1,023 per sheet; more are refused here rather than
    /// dropped. Replaces any breaks set before.
    public func setPageBreaks(beforeRows rows: [Int]) throws(XLSXError) {
        let op = "worksheet_set_h_pagebreaks"
        let ws = try open(op)
        guard rows.count <= Int(LXW_BREAKS_MAX) else {
            throw error(LXW_ERROR_PARAMETER_VALIDATION, op, row: nil, column: nil,
                        detail: "\(rows.count) page breaks; a sheet holds at most \(LXW_BREAKS_MAX)")
        }
        var breaks: [lxw_row_t] = []
        for row in rows {
            guard row > 0 else {
                throw error(LXW_ERROR_PARAMETER_VALIDATION, op, row: row, column: nil,
                            detail: "a page break goes before a row > 0")
            }
            breaks.append(try rowIndex(op, row, column: nil))
        }
        breaks.append(0)  // the list ends at 0
        try check(breaks.withUnsafeMutableBufferPointer { worksheet_set_h_pagebreaks(ws, $0.baseAddress) }, op,
                  row: nil, column: nil)
    }
}
