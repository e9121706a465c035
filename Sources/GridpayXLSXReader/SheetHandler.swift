/// A worksheet's XML as it streams: each <row> becomes one record of cell texts, by column
/// (cells the sheet leaves out are empty), handed over when the row ends and then dropped.
final class SheetHandler: XMLStreamHandler {
    let shared: [[UInt8]]
    let styles: [StylesHandler.Shown]
    let cells: CellText
    let body: (XLSXRow) throws -> Void
    var failure: Error?

    /// The row being read: its cells' bytes, one after the other, and where each column ends.
    var rowBytes: [UInt8] = []
    var ends: [Int] = []
    /// Per column, what a date cell shows (XLSXDateShown's raw value, 0: not a date cell).
    var rowShown: [UInt8] = []
    var rowHasDate = false
    var rowNumber = 0
    var column = -1
    var type: UInt8 = 0
    var style = 0
    var value: [UInt8] = []
    var collecting = false
    var inInline = false

    init(shared: [[UInt8]], styles: [StylesHandler.Shown], date1904: Bool, body: @escaping (XLSXRow) throws -> Void) {
        self.shared = shared
        self.styles = styles
        cells = CellText(date1904: date1904)
        self.body = body
    }

    func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) {
        if named(name, "row") {
            rowNumber = a.value("r").flatMap(Self.number) ?? rowNumber + 1
            rowBytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            rowShown.removeAll(keepingCapacity: true)
            rowHasDate = false
            column = -1
        } else if named(name, "c") {
            var ref: UnsafeBufferPointer<UInt8>?, t: UnsafeBufferPointer<UInt8>?, s: UnsafeBufferPointer<UInt8>?
            a.forEach { key, value in
                guard key.count == 1 else { return }
                switch key[0] {
                case UInt8(ascii: "r"): if ref == nil { ref = value }
                case UInt8(ascii: "t"): if t == nil { t = value }
                case UInt8(ascii: "s"): if s == nil { s = value }
                default: break
                }
            }
            column = ref.flatMap(Self.columnIndex) ?? column + 1
            type = t.map { $0.first ?? 0 } ?? 0
            if let t, t.count >= 3, t[0] == UInt8(ascii: "s"), t[1] == UInt8(ascii: "t") { type = UInt8(ascii: "S") }  // str
            style = s.flatMap(Self.number) ?? 0
            value.removeAll(keepingCapacity: true)
        } else if named(name, "v") {
            collecting = true
        } else if named(name, "is") {
            inInline = true
        } else if named(name, "t"), inInline {
            collecting = true
        }
    }

    func end(_ name: UnsafeBufferPointer<UInt8>) {
        if named(name, "v") || named(name, "t") {
            collecting = false
        } else if named(name, "is") {
            inInline = false
        } else if named(name, "c") {
            endCell()
        } else if named(name, "row") {
            endRow()
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) { if collecting { value.append(contentsOf: bytes) } }

    func endCell() {
        guard column >= 0, column < XLSXLimits.columns else { return }
        // Columns skipped since the previous cell are empty.
        while ends.count < column {
            ends.append(rowBytes.count)
            rowShown.append(0)
        }
        guard ends.count == column else { return }   // a column given twice: the first counts
        var shownDate: XLSXDateShown?
        switch type {
        case UInt8(ascii: "s"):
            // A cell naming a shared string the workbook lacks is damage, never an empty cell.
            guard let i = value.withUnsafeBufferPointer({ Self.number($0) }), i < shared.count else {
                if failure == nil { failure = XLSXReadError.missingPart(ExportReadMessages.sharedStringNamed(row: rowNumber, index: String(decoding: value, as: UTF8.self))) }
                return
            }
            rowBytes += shared[i]
        case UInt8(ascii: "b"):
            rowBytes += Array((value == [UInt8(ascii: "1")] ? "TRUE" : "FALSE").utf8)
        case UInt8(ascii: "n"), 0:
            // A style the workbook lacks could hide a date format: damage, not a plain number.
            guard style == 0 || style < styles.count else {
                if failure == nil { failure = XLSXReadError.missingPart(ExportReadMessages.cellStyleNamed(row: rowNumber, style: style)) }
                return
            }
            let shown = style < styles.count ? styles[style] : .number
            let text = cells.number(value, shown: shown)
            rowBytes += text
            if shown != .number, shown != .percent { shownDate = XLSXDateShown.of(text, shown: shown) }
        case UInt8(ascii: "d"):
            let text = cells.isoDate(value)
            rowBytes += text
            shownDate = XLSXDateShown.of(text, shown: text.count > 10 ? .dateTime : .date)
        case UInt8(ascii: "e"):
            // An error value (#DIV/0!, #NAME?) is no value: kept as shown, marked so that a
            // declared column reports it rather than reading "#NAME?" as a name.
            rowBytes += value
            shownDate = .errorValue
        default:   // inlineStr, str (a formula's text): the text as it is
            rowBytes += value
        }
        ends.append(rowBytes.count)
        rowShown.append(shownDate?.rawValue ?? 0)
        if shownDate != nil { rowHasDate = true }
    }

    func endRow() {
        guard failure == nil else { return }
        // A row without any text (formatting only) is blank, as a blank line of a CSV file is.
        guard !rowBytes.isEmpty else { return }
        do {
            try rowBytes.withUnsafeBufferPointer { b in
                try ends.withUnsafeBufferPointer { e in
                    try rowShown.withUnsafeBufferPointer { shown in
                        try body(XLSXRow(line: rowNumber, count: e.count, base: b.baseAddress, ends: e.baseAddress!, shown: rowHasDate ? shown.baseAddress : nil))
                    }
                }
            }
        } catch { failure = error }
    }

    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty, b.count < 10 else { return nil }
        var v = 0
        for c in b { guard c >= 48, c <= 57 else { return nil }; v = v * 10 + Int(c - 48) }
        return v
    }

    /// `BC12` → 54 (0-based): the letters of a cell reference.
    static func columnIndex(_ ref: UnsafeBufferPointer<UInt8>) -> Int? {
        var v = 0, letters = 0
        for c in ref {
            guard c >= 65, c <= 90 else { break }
            v = v * 26 + Int(c - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : v - 1
    }
}

/// One row of a sheet: its number (the line messages name) and its cells' texts, valid only
/// during the call that hands it over.
public struct XLSXRow {
    public let line: Int
    public let count: Int
    let base: UnsafePointer<UInt8>?
    let ends: UnsafePointer<Int>
    /// Per cell, XLSXDateShown's raw value (0: a plain cell); nil where every cell is plain.
    let shown: UnsafePointer<UInt8>?

    init(line: Int, count: Int, base: UnsafePointer<UInt8>?, ends: UnsafePointer<Int>, shown: UnsafePointer<UInt8>? = nil) {
        self.line = line
        self.count = count
        self.base = base
        self.ends = ends
        self.shown = shown
    }

    /// What cell `i` shows where it is a date cell (a serial day number under a date format, a
    /// `t="d"` cell, an XLS date): its text is then ISO, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or
    /// `HH:MM:SS`. Nil for text, numbers and cells past the row's end.
    public func dateShown(_ i: Int) -> XLSXDateShown? {
        guard let shown, i < count else { return nil }
        return XLSXDateShown(rawValue: shown[i])
    }

    public func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : ends[i - 1]
        return UnsafeBufferPointer(start: base.map { $0 + start }, count: ends[i] - start)
    }

    public func string(_ i: Int) -> String { String(decoding: field(i), as: UTF8.self) }

    /// Calls `body` with the row of `cells` (no date cells).
    static func with(_ cells: [[UInt8]], line: Int, _ body: (XLSXRow) throws -> Void) throws {
        guard !cells.isEmpty else { return }
        var bytes: [UInt8] = [], ends: [Int] = []
        for cell in cells {
            bytes += cell
            ends.append(bytes.count)
        }
        try bytes.withUnsafeBufferPointer { b in
            try ends.withUnsafeBufferPointer { e in try body(XLSXRow(line: line, count: e.count, base: b.baseAddress, ends: e.baseAddress!)) }
        }
    }
}

/// What a date cell's number format shows.
public enum XLSXDateShown: UInt8, Sendable {
    case date = 1, dateTime = 2, time = 3
    /// Not a date: a spreadsheet's error value (`#DIV/0!`, `#NAME?`, `#N/A`), its text as shown.
    case errorValue = 4

    /// What a cell written as `text` under a format showing `shown` is, where the text is the
    /// date it shows (a serial number too large for a date stays a number: nil).
    static func of(_ text: [UInt8], shown: StylesHandler.Shown) -> XLSXDateShown? {
        let dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
        switch shown {
        case .date where text.count >= 10 && text[4] == dash: return .date
        case .dateTime where text.count >= 10 && text[4] == dash: return .dateTime
        case .time where text.count == 8 && text[2] == colon: return .time
        default: return nil
        }
    }
}

/// What a sheet may hold before it is refused.
public enum XLSXLimits {
    /// Columns of a row (XFD is column 16,384).
    public static let columns = 16_384
    /// Bytes of all shared strings (the one part held in memory).
    public static let sharedStringBytes = 256 << 20
}
