/// RFC 4180: a field holding a comma, a double quote, CR or LF goes in double quotes, with each
/// double quote inside doubled.
public enum CSVField {
    public static func needsQuotes(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
    }

    /// The field's bytes as they appear in the file.
    public static func encoded(_ text: String) -> [UInt8] {
        needsQuotes(text) ? [UInt8(ascii: "\"")] + escapedInner(text) + [UInt8(ascii: "\"")] : Array(text.utf8)
    }

    /// Inner bytes of a quoted field (quotes doubled, no surrounding quotes).
    public static func escapedInner(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            out.append(b)
            if b == UInt8(ascii: "\"") { out.append(b) }
        }
        return out
    }
}
