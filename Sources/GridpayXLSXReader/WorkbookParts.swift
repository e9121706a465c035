/// Small handlers that collect what the workbook's own parts say: its sheets (workbook.xml and
/// its relationships), shared strings and which cell styles show dates or percentages.
final class TextCollector {
    var bytes: [UInt8] = []
    var active = false
}

/// xl/workbook.xml: sheet names and relationship ids, and the 1904 date system flag.
final class WorkbookHandler: XMLStreamHandler {
    var sheets: [(name: String, relationship: String)] = []
    var date1904 = false

    func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) {
        if named(name, "sheet"), let n = a.string("name"), let id = a.string("id") { sheets.append((n, id)) }
        if named(name, "workbookPr"), let d = a.string("date1904") { date1904 = d == "1" || d == "true" }
    }
    func end(_ name: UnsafeBufferPointer<UInt8>) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// xl/_rels/workbook.xml.rels: relationship id → part.
final class RelationshipsHandler: XMLStreamHandler {
    var targets: [String: String] = [:]

    func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) {
        if named(name, "Relationship"), let id = a.string("Id"), let t = a.string("Target") { targets[id] = t }
    }
    func end(_ name: UnsafeBufferPointer<UInt8>) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// xl/sharedStrings.xml: each <si>'s text (its runs joined; phonetic runs <rPh> left out).
/// The one part held in memory, as SPEC §16 allows.
final class SharedStringsHandler: XMLStreamHandler {
    var strings: [[UInt8]] = []
    var current: [UInt8] = []
    var inText = false
    var inPhonetic = false
    var bytes = 0
    let limit: Int
    var overLimit = false

    init(limit: Int) { self.limit = limit }

    func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) {
        if named(name, "si") { current.removeAll(keepingCapacity: true) }
        else if named(name, "rPh") { inPhonetic = true }
        else if named(name, "t"), !inPhonetic { inText = true }
    }
    func end(_ name: UnsafeBufferPointer<UInt8>) {
        if named(name, "si") {
            bytes += current.count
            if bytes > limit { overLimit = true }
            strings.append(current)
        } else if named(name, "rPh") { inPhonetic = false }
        else if named(name, "t") { inText = false }
    }
    func text(_ b: UnsafeBufferPointer<UInt8>) { if inText { current.append(contentsOf: b) } }
}

/// xl/styles.xml: for each cell style (cellXfs/xf, by index), how its number format shows a number.
final class StylesHandler: XMLStreamHandler {
    /// `elapsed`: a duration in hours that do not wrap at 24 (`[h]:mm:ss`, built-in 46).
    enum Shown: Equatable { case number, date, dateTime, time, elapsed, percent }
    var customFormats: [Int: String] = [:]
    var styleFormats: [Int] = []
    var inCellXfs = false

    func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) {
        if named(name, "numFmt"), let id = a.string("numFmtId").flatMap({ Int($0) }), let code = a.string("formatCode") { customFormats[id] = code }
        else if named(name, "cellXfs") { inCellXfs = true }
        else if named(name, "xf"), inCellXfs { styleFormats.append(a.string("numFmtId").flatMap { Int($0) } ?? 0) }
    }
    func end(_ name: UnsafeBufferPointer<UInt8>) { if named(name, "cellXfs") { inCellXfs = false } }
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// Per style index, how a number in it is shown.
    func shown() -> [Shown] {
        styleFormats.map { id in Self.shown(id: id, code: customFormats[id]) }
    }

    /// Built-in formats 14–22 and 45–47 are dates and times, 9 and 10 percentages; a custom
    /// format is a date where it has date letters outside quotes and brackets.
    static func shown(id: Int, code: String?) -> Shown {
        switch id {
        case 14, 15, 16, 17: return .date
        case 46: return .elapsed
        case 18, 19, 20, 21, 45, 47: return .time
        case 22: return .dateTime
        case 9, 10: return .percent
        default: break
        }
        guard let code else { return .number }
        var letters = Set<Character>()
        var quoted = false, bracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[": if !quoted { bracket = true }
            case "]": if !quoted { bracket = false }
            default: if !quoted, !bracket { letters.insert(c) }
            }
        }
        let hasDate = letters.contains("y") || letters.contains("d"), hasTime = letters.contains("h") || letters.contains("s")
        if hasDate && hasTime { return .dateTime }
        if hasDate { return .date }
        // `[h]` counts hours past 24 (25:30:00 is a day and an hour and a half, never 01:30:00).
        if code.lowercased().contains("[h") { return .elapsed }
        if hasTime { return .time }
        if letters.contains("%") { return .percent }
        return .number
    }
}
