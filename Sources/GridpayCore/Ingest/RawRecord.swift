/// One record of an export as bytes: what the CSV and workbook readers hand over, without a
/// String per field.
public protocol RawRecord {
    var line: Int { get }
    var count: Int { get }
    func field(_ i: Int) -> UnsafeBufferPointer<UInt8>
    /// What field `i` shows where it is a spreadsheet's date cell (its text is then ISO); nil
    /// for any other cell, and for every field of a CSV file.
    func spreadsheetDate(_ i: Int) -> SpreadsheetDate?
    /// Whether field `i` is a spreadsheet's error value (`#DIV/0!`, `#NAME?`): its text is what
    /// the cell shows, never a value. False for every field of a CSV file.
    func spreadsheetError(_ i: Int) -> Bool
}

extension RawRecord {
    public func spreadsheetDate(_ i: Int) -> SpreadsheetDate? { nil }
    public func spreadsheetError(_ i: Int) -> Bool { false }
}

/// What a spreadsheet's date cell shows (SPEC §16: it is read as the date it shows, whatever
/// forms its column declares for text): a date (`YYYY-MM-DD`), a date and time
/// (`YYYY-MM-DD HH:MM:SS`) or a time of day (`HH:MM:SS`).
public enum SpreadsheetDate: Sendable {
    case date, dateTime, time
}

/// A record given as Strings (tests, small inputs), its fields laid end to end in one buffer.
struct StringRecord: RawRecord {
    let line: Int
    let count: Int
    let base: UnsafePointer<UInt8>?
    let ends: UnsafePointer<Int>

    func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : ends[i - 1]
        return UnsafeBufferPointer(start: base.map { $0 + start }, count: ends[i] - start)
    }

    /// Calls `body` with the record of `fields`.
    static func with(_ fields: [String], line: Int, _ body: (StringRecord) -> Void) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for f in fields {
            bytes.append(contentsOf: f.utf8)
            ends.append(bytes.count)
        }
        bytes.withUnsafeBufferPointer { b in
            ends.withUnsafeBufferPointer { e in
                body(StringRecord(line: line, count: fields.count, base: b.baseAddress, ends: e.baseAddress!))
            }
        }
    }
}

/// A cell's bytes as text, for messages and the columns some rule reads.
enum CellText {
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A cell as messages show it: at most 40 characters, control characters escaped.
    static func shown(_ bytes: UnsafeBufferPointer<UInt8>) -> String { InputExcerpt.show(text(bytes)) }
}

@inline(__always)
func memEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where a[i] != b[i] { return false }
    return true
}
