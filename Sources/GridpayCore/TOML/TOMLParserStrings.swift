/// Strings: basic "…" (escapes), literal '…' (none), and their multi-line forms """…""" and
/// '''…''' (a newline right after the opening delimiter is dropped). Every character of the
/// value keeps its place in the file, so an error inside an expression points into the string.
extension TOMLParserState {
    mutating func parseLiteralString() throws(TOMLParseError) -> TOMLString {
        let open = location
        if peek() == "'" && peek(2) == "'" {
            advance(); advance(); advance()
            if let c = current, Self.isNewline(c) { advance() }
            var value = "", locs: [SourceLocation] = []
            while true {
                guard let c = current else { throw fail(TOMLMessages.unclosedMultiLineLiteral(), at: open) }
                if closesMultiLine("'", &value, &locs) { return TOMLString(value: value, characterLocations: locs) }
                value.append(c); locs.append(location); advance()
            }
        }
        advance()
        var value = "", locs: [SourceLocation] = []
        while true {
            guard let c = current, !Self.isNewline(c) else { throw fail(TOMLMessages.unclosedLiteral(), at: open) }
            if c == "'" {
                locs.append(location)
                advance()
                return TOMLString(value: value, characterLocations: locs)
            }
            value.append(c); locs.append(location); advance()
        }
    }

    /// At `quote` × 3 (or 4 or 5: up to two quotes may end the value, as in `"""a""""`): takes
    /// the closing delimiter and the quotes before it, and says whether the string ended.
    mutating func closesMultiLine(_ quote: Character, _ value: inout String, _ locs: inout [SourceLocation]) -> Bool {
        guard current == quote, peek() == quote, peek(2) == quote else { return false }
        var extra = 0
        while extra < 2, peek(3 + extra) == quote { extra += 1 }
        for _ in 0..<extra { value.append(quote); locs.append(location); advance() }
        locs.append(location)
        advance(); advance(); advance()
        return true
    }

    mutating func parseBasicString() throws(TOMLParseError) -> TOMLString {
        let open = location
        let multiline = peek() == "\"" && peek(2) == "\""
        if multiline {
            advance(); advance(); advance()
            if let c = current, Self.isNewline(c) { advance() }
        } else {
            advance()
        }
        var value = "", locs: [SourceLocation] = []
        while true {
            guard let c = current else {
                throw fail(multiline ? TOMLMessages.unclosedMultiLineBasic() : TOMLMessages.unclosedBasic(), at: open)
            }
            if !multiline && Self.isNewline(c) { throw fail(TOMLMessages.unclosedBasicOnItsLine(), at: open) }
            if multiline, closesMultiLine("\"", &value, &locs) { return TOMLString(value: value, characterLocations: locs) }
            if !multiline, c == "\"" {
                locs.append(location); advance()
                return TOMLString(value: value, characterLocations: locs)
            }
            if c == "\\" {
                let escLoc = location
                advance()
                if let ch = try parseEscape(multiline: multiline, at: escLoc) { value.append(ch); locs.append(escLoc) }
                continue
            }
            value.append(c); locs.append(location); advance()
        }
    }

    /// After a backslash: the character it stands for, or nil for a line-ending backslash of a
    /// multi-line string (it drops the line break and the whitespace that follows).
    mutating func parseEscape(multiline: Bool, at escLoc: SourceLocation) throws(TOMLParseError) -> Character? {
        guard let e = current else { throw fail(TOMLMessages.unfinishedEscape()) }
        if multiline && (Self.isNewline(e) || e == " " || e == "\t") {
            // Only spaces may stand between the backslash and the end of its line.
            var k = 0
            while let w = peek(k), w == " " || w == "\t" { k += 1 }
            guard let end = peek(k), Self.isNewline(end) else { throw fail(TOMLMessages.unknownEscape(e), at: escLoc) }
            while let w = current, w == " " || w == "\t" || Self.isNewline(w) { advance() }
            return nil
        }
        if Self.isNewline(e) { throw fail(TOMLMessages.lineEndingBackslash(), at: escLoc) }
        let simple: [Character: Character] = ["n": "\n", "t": "\t", "r": "\r", "\"": "\"", "\\": "\\", "b": "\u{8}", "f": "\u{C}"]
        if let mapped = simple[e] { advance(); return mapped }
        guard e == "u" || e == "U" else { throw fail(TOMLMessages.unknownEscape(e), at: escLoc) }
        let count = e == "u" ? 4 : 8
        advance()
        var hex = ""
        for _ in 0..<count {
            guard let h = current, h.isHexDigit, h.isASCII else { throw fail(TOMLMessages.expectedHexDigits(count, after: e), at: escLoc) }
            hex.append(h); advance()
        }
        guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else { throw fail(TOMLMessages.notAUnicodeScalar(e, hex), at: escLoc) }
        return Character(s)
    }
}
