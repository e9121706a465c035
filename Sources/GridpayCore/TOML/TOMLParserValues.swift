/// Values: strings (TOMLParserStrings.swift), numbers, booleans, arrays and inline tables.
extension TOMLParserState {
    mutating func parseValue() throws(TOMLParseError) -> TOMLNode {
        let loc = location
        guard let c = current else { throw fail(TOMLMessages.valueAtEndOfFile()) }
        switch c {
        case "\"":
            return TOMLNode(value: .string(try parseBasicString()), location: loc)
        case "'":
            return TOMLNode(value: .string(try parseLiteralString()), location: loc)
        case "[":
            return TOMLNode(value: .array(try parseArray()), location: loc)
        case "{":
            return TOMLNode(value: .table(try parseInlineTable()), location: loc)
        case "t", "f":
            var word = ""
            while let c = current, c.isLetter { word.append(c); advance() }
            if word == "true" { return TOMLNode(value: .bool(true), location: loc) }
            if word == "false" { return TOMLNode(value: .bool(false), location: loc) }
            throw fail(TOMLMessages.unquotedWord(word), at: loc)
        default:
            if c.isNumber || c == "-" || c == "+" { return TOMLNode(value: try parseNumber(), location: loc) }
            if Self.isNewline(c) || c == "#" { throw fail(TOMLMessages.valueMissing()) }
            throw fail(TOMLMessages.expectedValue(found: c))
        }
    }

    /// A decimal number as TOML writes one: an optional sign, digits without leading zeros, an
    /// optional fraction, underscores only between digits. The whole token is read (letters,
    /// ':' and '-' too), so that a date, a time, 0x1F or 1e5 is refused as one word.
    mutating func parseNumber() throws(TOMLParseError) -> TOMLValue {
        let loc = location
        var text = ""
        while let c = current, c.isNumber || c.isLetter || c == "." || c == "-" || c == "+" || c == "_" || c == ":" {
            text.append(c)
            advance()
        }
        guard let n = ExactNumber(decimalText: text.filter { $0 != "_" }) else {
            throw fail(TOMLMessages.badNumber(text), at: loc)
        }
        let unsigned = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        if parts.contains(where: { $0.isEmpty || $0.first == "_" || $0.last == "_" || $0.contains("__") }) {
            throw fail(parts.contains(where: \.isEmpty) ? TOMLMessages.digitsAroundPoint(text) : TOMLMessages.misplacedUnderscore(text), at: loc)
        }
        if parts[0].count > 1, parts[0].first == "0" { throw fail(TOMLMessages.leadingZero(text), at: loc) }
        return .number(n, text: text)
    }

    /// Entering an array or inline table at the current character (its opening bracket).
    mutating func enterNested() throws(TOMLParseError) {
        nesting += 1
        if nesting > Self.maxNesting { throw fail(TOMLMessages.nestedTooDeeply(limit: Self.maxNesting)) }
    }

    mutating func parseArray() throws(TOMLParseError) -> [TOMLNode] {
        try enterNested()
        defer { nesting -= 1 }
        let open = location
        advance()
        var items: [TOMLNode] = []
        while true {
            skipBlankLinesAndComments()
            guard let c = current else { throw fail(TOMLMessages.unclosedArray(), at: open) }
            if c == "]" { advance(); return items }
            try refuseLeftOpen(open)
            items.append(try parseValue())
            skipBlankLinesAndComments()
            if current == "," { advance(); continue }
            if current == "]" { advance(); return items }
            if atEnd { throw fail(TOMLMessages.unclosedArray(), at: open) }
            try refuseLeftOpen(open)
            throw fail(TOMLMessages.expectedCommaInArray(openedAt: open))
        }
    }

    /// A table header or a `key = value` at the start of a line inside an array: the array was
    /// left open, and the message says so at its opening.
    func refuseLeftOpen(_ open: SourceLocation) throws(TOMLParseError) {
        if location.column == 1, lineLooksLikeHeader() || lineLooksLikeKeyValue() {
            throw fail(TOMLMessages.unclosedArrayBeforeLine(location.line), at: open)
        }
    }

    /// From here to the end of the line: `[key]` or `[[key]]` (a dotted key, maybe quoted), then
    /// at most a comment. (`[1, 2]` at the start of a line inside an array is a value.)
    func lineLooksLikeHeader() -> Bool {
        guard current == "[" else { return false }
        var k = peek() == "[" ? 2 : 1
        var sawKey = false
        while let c = peek(k), c != "]" {
            guard Self.isBareKeyChar(c) || c.isLetter || c.isNumber || c == "." || c == " " || c == "\"" || c == "'" else { return false }
            sawKey = true
            k += 1
        }
        while peek(k) == "]" { k += 1 }
        while let c = peek(k), c == " " || c == "\t" { k += 1 }
        guard let c = peek(k) else { return sawKey }
        return sawKey && (Self.isNewline(c) || c == "#")
    }

    /// From here to the end of the line: a bare or quoted key, then '='.
    func lineLooksLikeKeyValue() -> Bool {
        guard let first = current, Self.isBareKeyChar(first) || first == "\"" else { return false }
        var k = 0
        var sawKey = false
        while let c = peek(k), !Self.isNewline(c) {
            if c == "=" { return sawKey && peek(k + 1) != "=" }
            if c == "," || c == "{" || c == "}" || c == "[" || c == "]" { return false }
            sawKey = true
            k += 1
        }
        return false
    }

    mutating func parseInlineTable() throws(TOMLParseError) -> TOMLTable {
        try enterNested()
        defer { nesting -= 1 }
        let table = TOMLTable(location: location)
        table.isInline = true
        advance()
        skipSpaces()
        if current == "}" { advance(); return table }
        while true {
            skipSpaces()
            if let c = current, Self.isNewline(c) { throw fail(TOMLMessages.inlineTableOnOneLine()) }
            try parseKeyValue(into: table)
            skipSpaces()
            if current == "," { advance(); continue }
            if current == "}" { advance(); return table }
            if let c = current, Self.isNewline(c) { throw fail(TOMLMessages.inlineTableOnOneLine()) }
            throw fail(TOMLMessages.expectedCommaInInlineTable())
        }
    }
}
