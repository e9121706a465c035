/// How input text appears in messages, and the byte-level checks on cells that need no String:
/// a message echoes at most a short excerpt of any input, with control characters escaped, so
/// junk input cannot flood the terminal or hide in it.
public enum InputExcerpt {
    /// At most `limit` characters of `text`, control characters as \t, \n, \r, \0 or \u{…};
    /// "…(N characters)" marks a cut.
    public static func show(_ text: String, limit: Int = 40) -> String {
        var out = ""
        var count = 0
        for ch in text.unicodeScalars {
            if count == limit {
                return out + "…(\(text.unicodeScalars.count) characters)"
            }
            count += 1
            switch ch.value {
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x00: out += "\\0"
            case 0x01...0x1F, 0x7F...0x9F, 0x2028, 0x2029: out += "\\u{\(String(ch.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// "U+0000" for a byte.
    public static func codePoint(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// Offset of the first C0 control byte other than tab, LF and CR, or of DEL (XML, and so
    /// XLSX, cannot hold them); nil when there is none. Eight bytes at a time.
    @inline(__always)
    public static func firstControlCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = bytes.baseAddress else { return nil }
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            // A byte < 0x20 or == 0x7F somewhere in the word (exact for ASCII and UTF-8 bytes).
            let low = (x &- 0x2020_2020_2020_2020) & ~x & 0x8080_8080_8080_8080
            let y = x ^ 0x7F7F_7F7F_7F7F_7F7F
            let del = (y &- 0x0101_0101_0101_0101) & ~y & 0x8080_8080_8080_8080
            if low | del != 0 { break }
            i += 8
        }
        while i < n {
            let b = p[i]
            if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F { return i }
            i += 1
        }
        return nil
    }

    /// Digits, with at most a leading '-': the only spelling of a whole number in an export.
    public static func isPlainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if bytes.first == UInt8(ascii: "-") { i = 1 }
        guard i < bytes.count else { return false }
        while i < bytes.count {
            guard bytes[i] >= 0x30, bytes[i] <= 0x39 else { return false }
            i += 1
        }
        return true
    }
}

/// Names that become part of a path: a town (Rules/<town>.toml, Input/<town>/…) and a table's
/// file (Input/<town>/<YYYY-MM>/<file>). A plain name: one path component, never `.` or `..`,
/// no `/` or `\`, no control characters, not empty.
public enum PlainName {
    /// nil when `name` is a plain name; otherwise what is wrong with it.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return PlainNameMessages.empty() }
        if name == "." || name == ".." { return PlainNameMessages.namesAFolder(name) }
        if name.contains("/") || name.contains("\\") { return PlainNameMessages.pathSeparator(InputExcerpt.show(name)) }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return PlainNameMessages.controlCharacter(InputExcerpt.show(name)) }
        // A BOM or zero-width character (e.g. pasted with the name) cannot be seen: the file would
        // be reported missing beside the file it seems to name.
        if let c = name.unicodeScalars.first(where: { $0.properties.generalCategory == .format }) {
            let code = String(c.value, radix: 16, uppercase: true)
            return PlainNameMessages.invisibleCharacter(InputExcerpt.show(name), code: code)
        }
        return nil
    }
}
