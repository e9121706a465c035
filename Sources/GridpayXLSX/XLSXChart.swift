import CXLSXWriter

/// A native chart of one workbook (libxlsxwriter draws it as DrawingML; Excel and LibreOffice
/// render it from the cells its series point at). Create it with `XLSXWorkbook.addChart`, add
/// series over cell ranges, then place it with `XLSXWorksheet.insertChart`.
///
/// No deinit: the `lxw_chart` belongs to the C workbook, like formats and worksheets; after
/// close every method throws `workbookClosedCode`.
public final class XLSXChart {
    public enum Kind: Sendable {
        /// Horizontal bars.
        case bar
        /// Vertical bars.
        case column
        case pie

        var code: UInt8 {
            switch self {
            case .bar: return UInt8(LXW_CHART_BAR.rawValue)
            case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
            case .pie: return UInt8(LXW_CHART_PIE.rawValue)
            }
        }
    }

    /// A rectangular range of one worksheet, zero-based and inclusive.
    public struct Range: Sendable, Equatable {
        public var sheet: String
        public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

        public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
            self.sheet = sheet
            self.firstRow = firstRow
            self.firstColumn = firstColumn
            self.lastRow = lastRow
            self.lastColumn = lastColumn
        }

        /// Rows first...last of one column.
        public static func column(_ column: Int, rows: ClosedRange<Int>, of sheet: String) -> Range {
            Range(sheet: sheet, firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
        }
    }

    /// What each data point's label shows.
    public enum Labels: Sendable {
        case none
        case values
        /// Pie charts: each slice's share of the whole.
        case percentages
    }

    public let kind: Kind
    public let workbook: XLSXWorkbook
    let handle: UnsafeMutablePointer<lxw_chart>

    init(kind: Kind, workbook: XLSXWorkbook, handle: UnsafeMutablePointer<lxw_chart>) {
        self.kind = kind
        self.workbook = workbook
        self.handle = handle
    }

    /// Adds a series: `values` plotted against `categories`, labelled as `labels` says and
    /// named `name` in the legend. Ranges are refused (parameter validation) when out of the
    /// sheet's bounds, reversed, or when `values` is not one row or one column.
    public func addSeries(name: String? = nil, categories: Range, values: Range, labels: Labels = .none) throws(XLSXError) {
        let op = "chart_add_series"
        _ = try workbook.openHandle(op)
        for r in [categories, values] {
            try XLSXWorkbook.requireCString(r.sheet, operation: op, path: workbook.path, what: "sheet name", sheet: r.sheet)
            guard r.firstRow >= 0, r.firstColumn >= 0, r.firstRow <= r.lastRow, r.firstColumn <= r.lastColumn,
                  r.lastRow < Int(LXW_ROW_MAX), r.lastColumn < Int(LXW_COL_MAX) else {
                throw XLSXError(operation: op, error: LXW_ERROR_PARAMETER_VALIDATION, path: workbook.path, sheet: r.sheet,
                                row: r.firstRow, column: r.firstColumn,
                                detail: "range rows \(r.firstRow)...\(r.lastRow), columns \(r.firstColumn)...\(r.lastColumn) is empty or outside the sheet")
            }
        }
        guard values.firstRow == values.lastRow || values.firstColumn == values.lastColumn else {
            throw XLSXError(operation: op, error: LXW_ERROR_PARAMETER_VALIDATION, path: workbook.path, sheet: values.sheet,
                            detail: "a series' values are one row or one column")
        }
        if let name { try XLSXWorkbook.requireCString(name, operation: op, path: workbook.path, what: "series name") }
        // NULL ranges, set below from rows and columns (the library quotes the sheet name).
        guard let series = chart_add_series(handle, nil, nil) else {
            throw XLSXError(operation: op, error: LXW_ERROR_MEMORY_MALLOC_FAILED, path: workbook.path)
        }
        // The setters below return void: they only copy their arguments.
        categories.sheet.withCString {
            chart_series_set_categories(series, $0, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn),
                                        lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
        }
        values.sheet.withCString {
            chart_series_set_values(series, $0, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
                                    lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        }
        if let name { name.withCString { chart_series_set_name(series, $0) } }
        switch labels {
        case .none: break
        case .values: chart_series_set_labels(series)
        case .percentages:
            // Category and percentage, no value: "是 87%".
            chart_series_set_labels(series)
            chart_series_set_labels_options(series, 0, 1, 0)
            chart_series_set_labels_percentage(series)
            chart_series_set_labels_num_format(series, "0.00%")
        }
    }

    /// The chart's title, shown above the plot.
    public func setTitle(_ title: String) throws(XLSXError) {
        let op = "chart_title_set_name"
        _ = try workbook.openHandle(op)
        try XLSXWorkbook.requireCString(title, operation: op, path: workbook.path, what: "title")
        title.withCString { chart_title_set_name(handle, $0) }  // void
    }

    /// Axis titles (not for pie charts, which have no axes): `category` names the axis of the
    /// categories, `value` the axis of the values.
    public func setAxisNames(category: String?, value: String?) throws(XLSXError) {
        let op = "chart_axis_set_name"
        _ = try workbook.openHandle(op)
        guard kind != .pie else {
            throw XLSXError(operation: op, error: LXW_ERROR_PARAMETER_VALIDATION, path: workbook.path,
                            detail: "a pie chart has no axes")
        }
        for t in [category, value].compactMap({ $0 }) {
            try XLSXWorkbook.requireCString(t, operation: op, path: workbook.path, what: "axis name")
        }
        // x_axis is the category axis and y_axis the value axis, except in bar charts, where
        // libxlsxwriter swaps them (x_axis is the horizontal value axis there).
        let (categoryAxis, valueAxis) = kind == .bar ? (handle.pointee.y_axis, handle.pointee.x_axis)
                                                     : (handle.pointee.x_axis, handle.pointee.y_axis)
        if let category { category.withCString { chart_axis_set_name(categoryAxis, $0) } }
        if let value { value.withCString { chart_axis_set_name(valueAxis, $0) } }
    }

    /// Starts the value axis at `minimum` (e.g. 0, so that bar lengths compare honestly; a
    /// spreadsheet otherwise may start it near the smallest value).
    public func setValueAxisMinimum(_ minimum: Double) throws(XLSXError) {
        let op = "chart_axis_set_min"
        _ = try workbook.openHandle(op)
        guard kind != .pie else {
            throw XLSXError(operation: op, error: LXW_ERROR_PARAMETER_VALIDATION, path: workbook.path,
                            detail: "a pie chart has no axes")
        }
        guard minimum.isFinite else {
            throw XLSXError(operation: op, error: LXW_ERROR_PARAMETER_VALIDATION, path: workbook.path,
                            detail: "axis minimum \(minimum) is not finite")
        }
        chart_axis_set_min(kind == .bar ? handle.pointee.x_axis : handle.pointee.y_axis, minimum)  // void
    }

    /// A bar chart's categories from the top down in the order of their cells (it draws the
    /// first at the bottom otherwise), with the value axis kept at the bottom. (libxlsxwriter
    /// swaps a bar chart's axes: its category axis is `y_axis`.)
    public func listCategoriesTopDown() throws(XLSXError) {
        _ = try workbook.openHandle("chart_axis_set_reverse")
        chart_axis_set_reverse(handle.pointee.y_axis)
        chart_axis_set_crossing_max(handle.pointee.y_axis)
    }

    /// Shows no legend (one series needs none).
    public func hideLegend() throws(XLSXError) {
        _ = try workbook.openHandle("chart_legend_set_position")
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
    }
}

extension XLSXWorkbook {
    /// A new chart of this workbook; it appears once a worksheet inserts it.
    public func addChart(_ kind: XLSXChart.Kind) throws(XLSXError) -> XLSXChart {
        let op = "workbook_add_chart"
        let wb = try openHandle(op)
        guard let chart = workbook_add_chart(wb, kind.code) else {
            throw XLSXError(operation: op, error: LXW_ERROR_MEMORY_MALLOC_FAILED, path: path)
        }
        return XLSXChart(kind: kind, workbook: self, handle: chart)
    }
}
