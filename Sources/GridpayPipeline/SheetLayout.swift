import GridpayCore
import GridpayXLSX

// Printable sheets for every workbook gridpay writes (SPEC §5): column widths from the content
// (CJK counted double), long headers wrapped, 是/否 centered, numbers right-aligned with
// thousands separators, A4 landscape with the header row repeated. A workbook makes one
// `SheetFormats`, then one `TableSheet` per sheet: it writes the header row and print setup,
// measures every cell written through it, and sets the column widths in `finish()`.
//
//     let formats = SheetFormats(book)
//     let t = try TableSheet(book, formats, name: "等次评定", title: "清河镇 2026 等次评定",
//                            columns: [.init("排名", .integer), .init("姓名", .text), .init("平均分", .score)],
//                            dataRows: workers.count)
//     try t.number(1, row: 1, column: 0); try t.text("王芳", row: 1, column: 1); …
//     try t.finish()
//
// Works with constant-memory workbooks (rows in ascending order): widths are set at the end,
// the header row's height from the headers alone.

/// How a column's cells look. Numbers are right-aligned; 是/否 and grades centered.
enum ColumnStyle: Hashable, Sendable {
    /// Free text, left-aligned; wraps past the column's widest allowed width.
    case text
    /// Short values read at a glance (是/否, 等次): centered.
    case centered
    /// Whole numbers that are identifiers or positions (排名, 行号): "0".
    case integer
    /// Counts: "#,##0".
    case count
    /// Points: "#,##0.00".
    case score
    /// Yuan: "#,##0.00".
    case money
    /// A rate stored as a fraction (0.9 prints 90.00%): "0.00%".
    case percent
    /// A rate stored as a fraction to 0.1% (0.667 prints 66.7%): "0.0%".
    case percent1

    var numberFormat: String? {
        switch self {
        case .text, .centered: return nil
        case .integer: return "0"
        case .count: return "#,##0"
        case .score, .money: return "#,##0.00"
        case .percent: return "0.00%"
        case .percent1: return "0.0%"
        }
    }

    var alignment: XLSXFormatSpec.Alignment {
        switch self {
        case .text: return .left
        case .centered: return .center
        default: return .right
        }
    }

    /// The widest a column of this style grows (Excel character units); longer text wraps.
    var maxWidth: Double {
        switch self {
        case .text: return 40
        case .centered: return 16
        default: return 20
        }
    }
}

/// One column of a table: its header and how its cells look.
extension XLSXWorkbook {
    /// A workbook as gridpay writes each one: dated by its period, never by the clock (the same
    /// inputs give the same bytes), streamed row by row (constant memory), gridpay as author.
    static func gridpay(path: String, period: CalendarPeriod, title: String, comments: String) throws(XLSXError) -> XLSXWorkbook {
        try XLSXWorkbook(path: path, createdAt: period.epochSeconds, constantMemory: true,
                         title: title, author: "gridpay \(GridpayVersion.current)", comments: comments)
    }
}

struct SheetColumn: Sendable {
    var header: String
    var style: ColumnStyle
    /// Overrides `style.maxWidth` (e.g. a message column that may be wider).
    var maxWidth: Double?

    init(_ header: String, _ style: ColumnStyle, maxWidth: Double? = nil) {
        self.header = header
        self.style = style
        self.maxWidth = maxWidth
    }

    /// Characters across the text column of a 说明 sheet before it wraps: wide enough for a
    /// "SHA-256 <64 hex digits>；<bytes> 字节" line on one row.
    static let aboutTextWidth = 120.0

    /// The columns of every 说明 sheet (run, rating, comparison): 项目 and 内容.
    static var about: [SheetColumn] { [SheetColumn("项目", .text), SheetColumn("内容", .text, maxWidth: aboutTextWidth)] }
}

/// Display width of text in Excel character units (the width of "0"): CJK and full-width
/// characters count 2, everything else 1.
enum TextWidth {
    static func units(_ text: String) -> Double {
        var n = 0
        for s in text.unicodeScalars { n += isWide(s.value) ? 2 : 1 }
        return Double(n)
    }

    /// East Asian wide and full-width ranges (Unicode UAX #11, W and F), coarse but complete
    /// for Chinese text.
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        return (v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
            || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x20000 && v <= 0x3FFFD)
    }

    /// Width of a number as the style prints it ("#,##0.00" → "-12,345.60" is 10).
    static func units(number: Double, style: ColumnStyle) -> Double {
        let decimals: Int
        var value = number.magnitude
        switch style {
        case .score, .money: decimals = 2
        case .percent: decimals = 2; value *= 100
        case .percent1: decimals = 1; value *= 100
        default: decimals = 0
        }
        // Only the count of digits matters; past 10^15 a cell shows an exponent anyway.
        var whole = value < 1e15 ? Int(value.rounded(.toNearestOrAwayFromZero)) : Int(1e15)
        var digits = 1
        while whole >= 10 { whole /= 10; digits += 1 }
        var n = digits + (decimals > 0 ? decimals + 1 : 0) + (number < 0 ? 1 : 0)
        if style == .count || style == .score || style == .money { n += (digits - 1) / 3 }
        if style == .percent || style == .percent1 { n += 1 }
        return Double(n)
    }
}

/// Column widths from what is written: the widest value, and the header wrapped onto at most a
/// few lines when it is longer than its values.
struct ColumnSizer {
    /// A header up to this wide stays on one line (6 Chinese characters in bold); a longer one
    /// wraps onto lines about this wide, unless the values make the column wider anyway.
    static let headerLineUnits: Double = 14
    /// Space around the text: cell padding and a font a little wider than Calibri's digits.
    static let padding: Double = 2
    static let minWidth: Double = 4

    let columns: [SheetColumn]
    private(set) var widest: [Double]

    init(_ columns: [SheetColumn]) {
        self.columns = columns
        widest = [Double](repeating: 0, count: columns.count)
    }

    /// Bold headers run about 10% wider than the body text.
    static func headerUnits(_ header: String) -> Double { TextWidth.units(header) * 1.1 }

    /// Lines the header takes, given the column is at least as wide as `headerNeed`.
    static func headerLines(_ header: String) -> Int {
        let w = headerUnits(header)
        return w <= headerLineUnits ? 1 : Int((w / headerLineUnits).rounded(.up))
    }

    /// Width the header needs on its lines (plus one character of slack: wrapping breaks
    /// between characters, so a line can end up to one Chinese character short).
    static func headerNeed(_ header: String) -> Double {
        let lines = headerLines(header)
        let w = headerUnits(header)
        return lines == 1 ? w : (w / Double(lines)).rounded(.up) + 2
    }

    mutating func measure(_ units: Double, column: Int) {
        if units > widest[column] { widest[column] = units }
    }

    func maxWidth(_ column: Int) -> Double { columns[column].maxWidth ?? columns[column].style.maxWidth }

    /// True when text of this width must wrap in the column (it is wider than the column may be).
    func wraps(_ units: Double, column: Int) -> Bool { units + Self.padding > maxWidth(column) }

    /// Lines that wrapped text takes in its column at the widest (one Chinese character of slack
    /// per line: wrapping breaks before a character that does not fit whole).
    func lines(_ units: Double, column: Int) -> Int {
        let room = max(1, maxWidth(column) - Self.padding - 2)
        return max(1, Int((units / room).rounded(.up)))
    }

    func width(_ column: Int) -> Double {
        let need = max(widest[column], Self.headerNeed(columns[column].header)) + Self.padding
        return min(maxWidth(column), max(Self.minWidth, need.rounded(.up)))
    }

    var widths: [Double] { columns.indices.map(width) }
}

/// The formats of one workbook, by style: bordered cells, bold for totals, wrapped where text
/// is longer than its column may grow.
final class SheetFormats {
    let book: XLSXWorkbook
    private var cache: [Key: XLSXFormat] = [:]
    private struct Key: Hashable { let style: ColumnStyle; let bold: Bool; let wrap: Bool }

    init(_ book: XLSXWorkbook) { self.book = book }

    func header() throws(XLSXError) -> XLSXFormat {
        try book.format(XLSXFormatSpec(bold: true, horizontalAlignment: .center, border: true, wrapText: true, verticalCenter: true))
    }

    /// A title inside a sheet (each pay slip's town and period): bold, left, no border.
    func title() throws(XLSXError) -> XLSXFormat {
        try book.format(XLSXFormatSpec(bold: true, horizontalAlignment: .left, verticalCenter: true))
    }

    /// A row's cells that draw a dashed line to cut along.
    func cutLine() throws(XLSXError) -> XLSXFormat { try book.format(XLSXFormatSpec(dashedBottom: true)) }

    func cell(_ style: ColumnStyle, bold: Bool = false, wrap: Bool = false) throws(XLSXError) -> XLSXFormat {
        let key = Key(style: style, bold: bold, wrap: wrap)
        if let f = cache[key] { return f }
        let f = try book.format(XLSXFormatSpec(bold: bold, numberFormat: style.numberFormat,
                                               horizontalAlignment: style.alignment, border: true, wrapText: wrap,
                                               verticalCenter: true))
        cache[key] = f
        return f
    }
}

/// One printable table: header row at `headerRow` (repeated on every printed page, frozen,
/// with filter buttons over `dataRows` rows), cells written through it measured for the widths.
final class TableSheet {
    let sheet: XLSXWorksheet
    let formats: SheetFormats
    private(set) var sizer: ColumnSizer
    var columns: [SheetColumn] { sizer.columns }
    /// The row whose height was last raised for wrapped text, and to how many lines.
    private var tallRow = -1, tallLines = 1
    /// Heights set on rows (points); other rows have the default height.
    private(set) var rowHeights: [Int: Double] = [:]
    /// The running page header (Excel codes: "&C" centers): the sheet's title.
    private(set) var pageHeader: String?
    /// The page number on every printed page.
    static let pageFooter = "&C第 &P 页，共 &N 页"

    /// - Parameters:
    ///   - title: printed centered at the top of every page.
    ///   - dataRows: rows under the header covered by the filter; nil for no filter.
    init(_ book: XLSXWorkbook, _ formats: SheetFormats, name: String, title: String, columns: [SheetColumn],
         dataRows: Int?) throws(XLSXError) {
        self.formats = formats
        sizer = ColumnSizer(columns)
        sheet = try book.addWorksheet(named: name)
        pageHeader = "&C\(Self.escaped(title))"
        try sheet.setUpPrinting(repeatRows: 0...0, header: pageHeader, footer: Self.pageFooter)
        try sheet.freezePanes(row: 1, column: 0)
        try writeHeader(row: 0)
        if let dataRows { try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: dataRows, lastColumn: columns.count - 1) }
    }

    /// A sheet with the same measuring but no table header (the caller lays it out).
    init(sheet: XLSXWorksheet, _ formats: SheetFormats, columns: [SheetColumn]) {
        self.sheet = sheet
        self.formats = formats
        sizer = ColumnSizer(columns)
    }

    /// "&" starts a code in Excel's page headers; a literal one is "&&".
    static func escaped(_ title: String) -> String { title.replacingOccurrences(of: "&", with: "&&") }

    /// The header cells of every column at `row`, taller when a header wraps. Empty headers
    /// are left out.
    func writeHeader(row: Int) throws(XLSXError) {
        try writeHeader(columns.map(\.header), row: row, measured: false)
    }

    /// A further header row inside the sheet (a second table under the first): measured for the
    /// widths like the column headers.
    func writeHeader(_ headers: [String], row: Int) throws(XLSXError) {
        try writeHeader(headers, row: row, measured: true)
    }

    private func writeHeader(_ headers: [String], row: Int, measured: Bool) throws(XLSXError) {
        let f = try formats.header()
        for (c, h) in headers.enumerated() where !h.isEmpty {
            try sheet.write(string: h, row: row, column: c, format: f)
            if measured { sizer.measure(ColumnSizer.headerNeed(h), column: c) }
        }
        let lines = headers.map { ColumnSizer.headerLines($0) }.max() ?? 1
        if lines > 1 { try setHeight(row: row, Self.rowHeight(lines: lines)) }
    }

    /// Sets a row's height (points) and remembers it for laying out printed pages.
    func setHeight(row: Int, _ height: Double) throws(XLSXError) {
        try sheet.setRowHeight(row: row, height: height)
        rowHeights[row] = height
    }

    /// Raises a row to at least `height` points (e.g. room to sign), keeping a taller wrap.
    func raise(row: Int, to height: Double) throws(XLSXError) {
        if (rowHeights[row] ?? 0) < height { try setHeight(row: row, height) }
    }

    /// Points a row takes on the page (before the print scale).
    func height(of row: Int) -> Double { rowHeights[row] ?? PrintedPage.rowPoints }

    /// Makes a column at least `units` wide (e.g. room to sign in an empty column).
    func reserve(_ units: Double, column: Int) { sizer.measure(units, column: column) }

    /// Points for a row of `lines` lines of 11-point text (Chinese glyphs need about 15 each).
    static func rowHeight(lines: Int) -> Double { Double(lines) * 15 + 2 }

    /// Text in the column's style (wrapped when longer than the column may grow).
    func text(_ value: String, row: Int, column: Int, bold: Bool = false, style: ColumnStyle? = nil) throws(XLSXError) {
        let units = TextWidth.units(value)
        let wrap = sizer.wraps(units, column: column)
        sizer.measure(wrap ? sizer.maxWidth(column) : units, column: column)
        let st = style ?? (columns[column].style == .centered ? .centered : .text)
        try sheet.write(string: value, row: row, column: column, format: formats.cell(st, bold: bold, wrap: wrap))
        if wrap {
            // Spreadsheets do not grow a row for wrapped text on their own: set its height.
            // (Constant memory: the row is still the current one, so this is allowed.)
            let lines = sizer.lines(units, column: column)
            if row != tallRow || lines > tallLines {
                tallRow = row
                tallLines = lines
                try setHeight(row: row, Self.rowHeight(lines: lines))
            }
        }
    }

    /// A number in the column's style, or in `style` where one table column holds several kinds.
    func number(_ value: ExactNumber, row: Int, column: Int, bold: Bool = false, style: ColumnStyle? = nil) throws(XLSXError) {
        try number(value.doubleValue, row: row, column: column, bold: bold, style: style)
    }

    func number(_ value: Int, row: Int, column: Int, bold: Bool = false, style: ColumnStyle? = nil) throws(XLSXError) {
        try number(Double(value), row: row, column: column, bold: bold, style: style)
    }

    func number(_ value: Double, row: Int, column: Int, bold: Bool = false, style: ColumnStyle? = nil) throws(XLSXError) {
        let style = style ?? columns[column].style
        sizer.measure(TextWidth.units(number: value, style: style), column: column)
        try sheet.write(number: value, row: row, column: column, format: formats.cell(style, bold: bold))
    }

    /// An empty bordered cell in the column's style.
    func blank(row: Int, column: Int, bold: Bool = false) throws(XLSXError) {
        try sheet.writeBlank(row: row, column: column, format: formats.cell(columns[column].style, bold: bold))
    }

    /// Plain text outside the table (signature lines): not measured, no border.
    func note(_ value: String, row: Int, column: Int) throws(XLSXError) {
        try sheet.write(string: value, row: row, column: column)
    }

    /// Sets every column's width from what was written.
    func finish() throws(XLSXError) {
        for (c, w) in sizer.widths.enumerated() { try sheet.setColumnWidth(first: c, last: c, width: w) }
    }
}
