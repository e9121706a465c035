/// How one table's export is laid out (SPEC §16), as the rule file declares it: nothing here is
/// guessed from a file. Read by TableFormReader; applied by `TableLayout` and the file readers.
public struct TableForm: Sendable, Equatable {
    /// `format`: a CSV file (default), an XLSX workbook or a legacy XLS one.
    public internal(set) var format = TableFormat.csv
    /// `sheet`: the workbook's sheet to read (nil: the first).
    public internal(set) var sheet: String? = nil
    /// The byte between fields of a CSV export: ',' (default), '\t' or ';'.
    public internal(set) var delimiter: UInt8 = UInt8(ascii: ",")
    /// The header's row, 1-based; rows above it are title rows, skipped.
    public internal(set) var headerRow = 1
    /// A last row whose first cell is this word (e.g. 合计) is skipped; any other row starting with
    /// it is an error.
    public internal(set) var totalsRow: String? = nil
    /// Rows naming a worker who is not on the roster are listed as warnings and left out
    /// (`unknown_workers = "leave-out"`) instead of being errors.
    public internal(set) var leavesOutUnknownWorkers = false

    public init() {}

    /// The delimiters a rule file may declare, as it writes them.
    public static let delimiters: [(text: String, byte: UInt8)] = [(",", UInt8(ascii: ",")), ("\t", 0x09), (";", UInt8(ascii: ";"))]

    /// The delimiter as 说明 and the manifest show it.
    public var delimiterName: String {
        switch delimiter {
        case 0x09: return "tab"
        case UInt8(ascii: ";"): return "semicolon"
        default: return "comma"
        }
    }
}

/// What kind of file a table's export is.
public enum TableFormat: String, Sendable, Equatable, CaseIterable {
    case csv, xlsx, xls
}

/// `file` with `*`: every file of the period's folder the pattern matches (a `*` stands for any
/// run of characters, none included), in name order.
public enum FilePattern {
    public static func isPattern(_ file: String) -> Bool { file.contains("*") }

    /// Whether `name` matches `pattern`, compared by Unicode scalars.
    public static func matches(_ name: String, pattern: String) -> Bool {
        let parts = pattern.unicodeScalars.split(separator: "*", omittingEmptySubsequences: false).map(Array.init)
        var rest = Array(name.unicodeScalars)[...]
        guard let first = parts.first, rest.starts(with: first) else { return false }
        rest = rest.dropFirst(first.count)
        if parts.count == 1 { return rest.isEmpty }
        for part in parts.dropFirst().dropLast() {
            guard let at = firstIndex(of: part, in: rest) else { return false }
            rest = rest[(at + part.count)...]
        }
        let last = parts[parts.count - 1]
        return rest.count >= last.count && rest.suffix(last.count).elementsEqual(last)
    }

    static func firstIndex(of part: [Unicode.Scalar], in text: ArraySlice<Unicode.Scalar>) -> Int? {
        if part.isEmpty { return text.startIndex }
        var i = text.startIndex
        while i + part.count <= text.endIndex {
            if text[i..<(i + part.count)].elementsEqual(part) { return i }
            i += 1
        }
        return nil
    }

    /// The matching names among `names`, in name order (by UTF-8 bytes, the same everywhere).
    public static func matching(_ names: [String], pattern: String) -> [String] {
        names.filter { matches($0, pattern: pattern) }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
