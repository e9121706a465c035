/// The subset of TOML 1.0 that rule files use, parsed with a position for every key, value and
/// every character of every string, so that an error inside an expression embedded in a string
/// points at the rule file's own line and column.
///
/// Supported: comments, `[table]`, `[[array.of.tables]]`, bare/quoted/dotted keys, basic and
/// literal strings (single- and multi-line), integers, decimals, booleans, arrays (multi-line,
/// trailing comma) and inline tables. Not supported (rule files do not need them): dates and
/// times as TOML values (write them as strings), exponents, hex/octal/binary, inf/nan.
public struct TOMLString: Sendable {
    public var value: String
    /// The source location of each Character of `value`, plus one past the end.
    public var characterLocations: [SourceLocation]

    public func location(ofCharacterAt offset: Int) -> SourceLocation {
        characterLocations[min(max(0, offset), characterLocations.count - 1)]
    }
}

public indirect enum TOMLValue: Sendable {
    case string(TOMLString)
    case number(ExactNumber, text: String)
    case bool(Bool)
    case array([TOMLNode])
    case table(TOMLTable)

    public var kindName: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

public struct TOMLNode: Sendable {
    public var value: TOMLValue
    public var location: SourceLocation
}

/// An ordered table. A class so that `[a.b]` headers can reopen and extend tables in place.
public final class TOMLTable: @unchecked Sendable {
    public struct Entry {
        public var key: String
        public var keyLocation: SourceLocation
        public var node: TOMLNode
    }

    public private(set) var entries: [Entry] = []
    private var index: [String: Int] = [:]
    public let location: SourceLocation
    /// Defined by a `[header]` or inline: may not be defined again.
    var explicitlyDefined = false
    var isInline = false

    init(location: SourceLocation) { self.location = location }

    public subscript(key: String) -> TOMLNode? { index[key].map { entries[$0].node } }
    public func entry(_ key: String) -> Entry? { index[key].map { entries[$0] } }
    public var keys: [String] { entries.map(\.key) }

    func set(_ key: String, keyLocation: SourceLocation, node: TOMLNode) {
        if let i = index[key] {
            entries[i].node = node
        } else {
            index[key] = entries.count
            entries.append(Entry(key: key, keyLocation: keyLocation, node: node))
        }
    }
}

public struct TOMLParseError: Error, Sendable {
    public var diagnostic: Diagnostic
}

public enum TOMLParser {
    /// Parses a whole document. Syntax errors stop parsing: after a malformed line nothing
    /// after it can be trusted, so the first error is the one worth reading.
    public static func parse(_ text: String, file: String) throws(TOMLParseError) -> TOMLTable {
        // TOML allows no control character but tab and line breaks, anywhere (strings included).
        var line = 1, column = 1
        for c in text {
            if c == "\n" || c == "\r\n" { line += 1; column = 1; continue }
            if c != "\t", c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value, v < 0x20 || v == 0x7F {
                let hex = String(v, radix: 16, uppercase: true)
                let code = String(repeating: "0", count: 4 - hex.count) + hex
                throw TOMLParseError(diagnostic: .error(TOMLMessages.controlCharacter(code), at: SourceLocation(file: file, line: line, column: column)))
            }
            column += 1
        }
        var p = Parser(text: text, file: file)
        return try p.parseDocument()
    }
}

private struct Parser {
    let chars: [Character]
    let file: String
    var i = 0
    var line = 1
    var column = 1

    init(text: String, file: String) {
        chars = Array(text)
        self.file = file
        if chars.first == "\u{FEFF}" { i = 1 }
    }

    var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
    var atEnd: Bool { i >= chars.count }
    var current: Character? { i < chars.count ? chars[i] : nil }
    func peek(_ k: Int = 1) -> Character? { i + k < chars.count ? chars[i + k] : nil }

    static func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

    mutating func advance() {
        guard let c = current else { return }
        i += 1
        if Parser.isNewline(c) {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    func fail(_ message: String, at loc: SourceLocation? = nil) -> TOMLParseError {
        TOMLParseError(diagnostic: .error(message, at: loc ?? location))
    }

    mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { advance() }
    }

    mutating func skipComment() {
        if current == "#" {
            while let c = current, !Parser.isNewline(c) { advance() }
        }
    }

    /// After a value or header only spaces and a comment may follow on the line.
    mutating func expectEndOfLine() throws(TOMLParseError) {
        skipSpaces()
        skipComment()
        guard let c = current else { return }
        guard Parser.isNewline(c) else {
            throw fail(TOMLMessages.expectedEndOfLine(found: c))
        }
        advance()
    }

    mutating func skipBlankLinesAndComments() {
        while true {
            skipSpaces()
            skipComment()
            if let c = current, Parser.isNewline(c) { advance(); continue }
            return
        }
    }

    mutating func parseDocument() throws(TOMLParseError) -> TOMLTable {
        let root = TOMLTable(location: SourceLocation(file: file, line: 1, column: 1))
        var currentTable = root
        while true {
            skipBlankLinesAndComments()
            guard let c = current else { break }
            if c == "[" {
                currentTable = try parseHeader(root: root)
            } else {
                try parseKeyValue(into: currentTable)
                try expectEndOfLine()
            }
        }
        return root
    }

    mutating func parseHeader(root: TOMLTable) throws(TOMLParseError) -> TOMLTable {
        let start = location
        advance()
        let isArray = current == "["
        if isArray { advance() }
        skipSpaces()
        let keys = try parseDottedKey()
        skipSpaces()
        guard current == "]" else { throw fail(TOMLMessages.unclosedTableHeader()) }
        advance()
        if isArray {
            guard current == "]" else { throw fail(TOMLMessages.unclosedArrayOfTablesHeader()) }
            advance()
        }
        try expectEndOfLine()
        var table = root
        for (n, (key, keyLoc)) in keys.enumerated() {
            let last = n == keys.count - 1
            if last && isArray {
                let newTable = TOMLTable(location: start)
                newTable.explicitlyDefined = true
                if let existing = table[key] {
                    guard case .array(var items) = existing.value else {
                        throw fail(TOMLMessages.valueUsedAsArrayOfTables(key, is: existing.value.kindName, at: existing.location), at: keyLoc)
                    }
                    items.append(TOMLNode(value: .table(newTable), location: start))
                    table.set(key, keyLocation: keyLoc, node: TOMLNode(value: .array(items), location: existing.location))
                } else {
                    table.set(key, keyLocation: keyLoc, node: TOMLNode(value: .array([TOMLNode(value: .table(newTable), location: start)]), location: start))
                }
                return newTable
            }
            if let existing = table[key] {
                switch existing.value {
                case .table(let t):
                    if last {
                        if t.explicitlyDefined || t.isInline {
                            throw fail(TOMLMessages.tableDefinedTwice(keys.map(\.0).joined(separator: "."), first: t.location), at: keyLoc)
                        }
                        t.explicitlyDefined = true
                    }
                    table = t
                case .array(let items):
                    // [a.b] after [[a]] extends the last element of the array.
                    guard case .table(let t)? = items.last?.value else {
                        throw fail(TOMLMessages.arrayOfValuesAsTable(key), at: keyLoc)
                    }
                    table = t
                default:
                    throw fail(TOMLMessages.valueUsedAsTable(key, is: existing.value.kindName, at: existing.location), at: keyLoc)
                }
            } else {
                let t = TOMLTable(location: last ? start : keyLoc)
                t.explicitlyDefined = last
                table.set(key, keyLocation: keyLoc, node: TOMLNode(value: .table(t), location: t.location))
                table = t
            }
        }
        return table
    }

    mutating func parseDottedKey() throws(TOMLParseError) -> [(String, SourceLocation)] {
        var keys: [(String, SourceLocation)] = []
        while true {
            skipSpaces()
            let loc = location
            keys.append((try parseSimpleKey(), loc))
            skipSpaces()
            if current == "." { advance(); continue }
            return keys
        }
    }

    static func isBareKeyChar(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first, s.isASCII else { return false }
        return c.isLetter || c.isNumber || c == "_" || c == "-"
    }

    mutating func parseSimpleKey() throws(TOMLParseError) -> String {
        guard let c = current else { throw fail(TOMLMessages.keyAtEndOfFile()) }
        if c == "\"" { return try parseBasicString().value }
        if c == "'" { return try parseLiteralString().value }
        var key = ""
        while let c = current, Parser.isBareKeyChar(c) {
            key.append(c)
            advance()
        }
        if key.isEmpty {
            if c.isLetter {
                throw fail(TOMLMessages.bareKeyNotASCII(c))
            }
            throw fail(TOMLMessages.expectedKey(found: c))
        }
        if let c = current, c.isLetter, !Parser.isBareKeyChar(c) {
            throw fail(TOMLMessages.bareKeyGoesOn())
        }
        return key
    }

    mutating func parseKeyValue(into table: TOMLTable) throws(TOMLParseError) {
        let keys = try parseDottedKey()
        skipSpaces()
        guard current == "=" else {
            throw fail(TOMLMessages.expectedEquals(after: keys.map(\.0).joined(separator: ".")))
        }
        advance()
        skipSpaces()
        let node = try parseValue()
        var target = table
        for (key, loc) in keys.dropLast() {
            if let existing = target[key] {
                guard case .table(let t) = existing.value, !t.explicitlyDefined, !t.isInline else {
                    throw fail(TOMLMessages.keyIsNotATable(key, definedAt: existing.location), at: loc)
                }
                target = t
            } else {
                let t = TOMLTable(location: loc)
                target.set(key, keyLocation: loc, node: TOMLNode(value: .table(t), location: loc))
                target = t
            }
        }
        let (key, loc) = keys.last!
        if let existing = target.entry(key) {
            throw fail(TOMLMessages.keyDefinedTwice(key, first: existing.keyLocation), at: loc)
        }
        target.set(key, keyLocation: loc, node: node)
    }

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
            if c.isNumber || c == "-" || c == "+" {
                var text = ""
                while let c = current, c.isNumber || c == "." || c == "-" || c == "+" || c == "_" || c == "e" || c == "E" {
                    text.append(c)
                    advance()
                }
                let cleaned = text.filter { $0 != "_" }
                guard let n = ExactNumber(decimalText: cleaned) else {
                    throw fail(TOMLMessages.badNumber(text), at: loc)
                }
                return TOMLNode(value: .number(n, text: text), location: loc)
            }
            throw fail(TOMLMessages.expectedValue(found: c))
        }
    }

    mutating func skipArrayWhitespace() {
        while true {
            skipSpaces()
            skipComment()
            if let c = current, Parser.isNewline(c) { advance(); continue }
            return
        }
    }

    mutating func parseArray() throws(TOMLParseError) -> [TOMLNode] {
        let open = location
        advance()
        var items: [TOMLNode] = []
        while true {
            skipArrayWhitespace()
            guard let c = current else { throw fail(TOMLMessages.unclosedArray(), at: open) }
            if c == "]" { advance(); return items }
            // A table header or a key = value at the start of a line: the array was left open.
            if location.column == 1, c == "[" || lineLooksLikeKeyValue() {
                throw fail(TOMLMessages.unclosedArrayBeforeLine(location.line), at: open)
            }
            items.append(try parseValue())
            skipArrayWhitespace()
            if current == "," { advance(); continue }
            if current == "]" { advance(); return items }
            if atEnd { throw fail(TOMLMessages.unclosedArray(), at: open) }
            throw fail(TOMLMessages.expectedCommaInArray(openedAt: open))
        }
    }

    /// From here to the end of the line: a bare or quoted key, then '='.
    func lineLooksLikeKeyValue() -> Bool {
        guard let first = current, Parser.isBareKeyChar(first) || first == "\"" else { return false }
        var k = 0
        var sawKey = false
        while let c = peek(k), !Parser.isNewline(c) {
            if c == "=" { return sawKey && peek(k + 1) != "=" }
            if c == "," || c == "{" || c == "}" || c == "[" || c == "]" { return false }
            sawKey = true
            k += 1
        }
        return false
    }

    mutating func parseInlineTable() throws(TOMLParseError) -> TOMLTable {
        let table = TOMLTable(location: location)
        table.isInline = true
        advance()
        skipSpaces()
        if current == "}" { advance(); return table }
        while true {
            skipSpaces()
            try parseKeyValue(into: table)
            skipSpaces()
            if current == "," { advance(); continue }
            if current == "}" { advance(); return table }
            if let c = current, Parser.isNewline(c) {
                throw fail(TOMLMessages.inlineTableOnOneLine())
            }
            throw fail(TOMLMessages.expectedCommaInInlineTable())
        }
    }

    mutating func parseLiteralString() throws(TOMLParseError) -> TOMLString {
        let open = location
        if peek() == "'" && peek(2) == "'" {
            advance(); advance(); advance()
            if let c = current, Parser.isNewline(c) { advance() }
            var value = "", locs: [SourceLocation] = []
            while true {
                guard let c = current else { throw fail(TOMLMessages.unclosedMultiLineLiteral(), at: open) }
                if c == "'" && peek() == "'" && peek(2) == "'" {
                    locs.append(location)
                    advance(); advance(); advance()
                    return TOMLString(value: value, characterLocations: locs)
                }
                value.append(c); locs.append(location); advance()
            }
        }
        advance()
        var value = "", locs: [SourceLocation] = []
        while true {
            guard let c = current, !Parser.isNewline(c) else { throw fail(TOMLMessages.unclosedLiteral(), at: open) }
            if c == "'" {
                locs.append(location)
                advance()
                return TOMLString(value: value, characterLocations: locs)
            }
            value.append(c); locs.append(location); advance()
        }
    }

    mutating func parseBasicString() throws(TOMLParseError) -> TOMLString {
        let open = location
        let multiline = peek() == "\"" && peek(2) == "\""
        if multiline {
            advance(); advance(); advance()
            if let c = current, Parser.isNewline(c) { advance() }
        } else {
            advance()
        }
        var value = "", locs: [SourceLocation] = []
        while true {
            guard let c = current else {
                throw fail(multiline ? TOMLMessages.unclosedMultiLineBasic() : TOMLMessages.unclosedBasic(), at: open)
            }
            if !multiline && Parser.isNewline(c) { throw fail(TOMLMessages.unclosedBasicOnItsLine(), at: open) }
            if c == "\"" {
                if !multiline {
                    locs.append(location); advance()
                    return TOMLString(value: value, characterLocations: locs)
                }
                if peek() == "\"" && peek(2) == "\"" {
                    locs.append(location)
                    advance(); advance(); advance()
                    return TOMLString(value: value, characterLocations: locs)
                }
            }
            if c == "\\" {
                let escLoc = location
                advance()
                guard let e = current else { throw fail(TOMLMessages.unfinishedEscape()) }
                if multiline && (Parser.isNewline(e) || e == " " || e == "\t") {
                    // Line-ending backslash: trim the newline and following whitespace.
                    while let w = current, w == " " || w == "\t" || Parser.isNewline(w) { advance() }
                    continue
                }
                let mapped: Character
                switch e {
                case "n": mapped = "\n"
                case "t": mapped = "\t"
                case "r": mapped = "\r"
                case "\"": mapped = "\""
                case "\\": mapped = "\\"
                case "b": mapped = "\u{8}"
                case "f": mapped = "\u{C}"
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    advance()
                    var hex = ""
                    for _ in 0..<count {
                        guard let h = current, h.isHexDigit else { throw fail(TOMLMessages.expectedHexDigits(count, after: e), at: escLoc) }
                        hex.append(h); advance()
                    }
                    guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else { throw fail(TOMLMessages.notAUnicodeScalar(e, hex), at: escLoc) }
                    value.append(Character(s)); locs.append(escLoc)
                    continue
                default:
                    throw fail(TOMLMessages.unknownEscape(e), at: escLoc)
                }
                advance()
                value.append(mapped); locs.append(escLoc)
                continue
            }
            value.append(c); locs.append(location); advance()
        }
    }
}
