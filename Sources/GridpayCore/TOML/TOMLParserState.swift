/// The TOML parser: a cursor over the document's characters that knows its line and column.
/// This file reads the document's lines, table headers and keys; TOMLParserValues.swift the
/// values, TOMLParserStrings.swift the strings.
struct TOMLParserState {
    let chars: [Character]
    let file: String
    var i = 0
    var line = 1
    var column = 1
    /// How deep the value being read sits (header keys, dotted keys, arrays, inline tables): past
    /// `maxNesting` the reader refuses, so that no text can exhaust the stack of whoever walks the tree.
    var nesting = 0
    static let maxNesting = 64

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
        if Self.isNewline(c) {
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
            while let c = current, !Self.isNewline(c) { advance() }
        }
    }

    /// After a value or header only spaces and a comment may follow on the line.
    mutating func expectEndOfLine() throws(TOMLParseError) {
        skipSpaces()
        skipComment()
        guard let c = current else { return }
        guard Self.isNewline(c) else { throw fail(TOMLMessages.expectedEndOfLine(found: c)) }
        advance()
    }

    /// Blank lines and comments: between lines of the document, and inside arrays.
    mutating func skipBlankLinesAndComments() {
        while true {
            skipSpaces()
            skipComment()
            if let c = current, Self.isNewline(c) { advance(); continue }
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

    // MARK: table headers

    mutating func parseHeader(root: TOMLTable) throws(TOMLParseError) -> TOMLTable {
        let start = location
        advance()
        let isArray = current == "["
        if isArray { advance() }
        skipSpaces()
        nesting = 0
        let keys = try parseDottedKey()
        nesting = keys.count
        skipSpaces()
        guard current == "]" else { throw fail(TOMLMessages.unclosedTableHeader()) }
        advance()
        if isArray {
            guard current == "]" else { throw fail(TOMLMessages.unclosedArrayOfTablesHeader()) }
            advance()
        }
        try expectEndOfLine()
        var table = root
        for (key, keyLoc) in keys.dropLast() { table = try openTable(key, at: keyLoc, in: table) }
        let (key, keyLoc) = keys.last!
        if isArray { return try appendTable(key, at: keyLoc, header: start, to: table) }
        return try defineTable(key, at: keyLoc, header: start, path: keys.map(\.0).joined(separator: "."), in: table)
    }

    /// A key on the way to a header's table (`a` of `[a.b]`): an existing table, the last table
    /// of an array of tables, or a new implicit table.
    mutating func openTable(_ key: String, at keyLoc: SourceLocation, in table: TOMLTable) throws(TOMLParseError) -> TOMLTable {
        guard let existing = table[key] else {
            let t = TOMLTable(location: keyLoc)
            table.set(key, keyLocation: keyLoc, node: TOMLNode(value: .table(t), location: keyLoc))
            return t
        }
        switch existing.value {
        case .table(let t):
            guard !t.isInline else { throw fail(TOMLMessages.inlineTableExtended(key, at: existing.location), at: keyLoc) }
            return t
        case .array(let items) where table.arraysOfTables.contains(key):
            // [a.b] after [[a]] extends the last element of the array.
            guard case .table(let t)? = items.last?.value else { throw fail(TOMLMessages.arrayOfValuesAsTable(key), at: keyLoc) }
            return t
        case .array:
            throw fail(TOMLMessages.arrayOfValuesAsTable(key), at: keyLoc)
        default:
            throw fail(TOMLMessages.valueUsedAsTable(key, is: existing.value.kindName, at: existing.location), at: keyLoc)
        }
    }

    /// The last key of `[a.b]`: a new table, or one made implicitly by an earlier header. A table
    /// is defined once: not again by a header, nor one made by dotted keys or written inline.
    mutating func defineTable(_ key: String, at keyLoc: SourceLocation, header: SourceLocation, path: String,
                              in table: TOMLTable) throws(TOMLParseError) -> TOMLTable {
        guard let existing = table[key] else {
            let t = TOMLTable(location: header)
            t.explicitlyDefined = true
            table.set(key, keyLocation: keyLoc, node: TOMLNode(value: .table(t), location: header))
            return t
        }
        guard case .table(let t) = existing.value else {
            throw fail(TOMLMessages.valueUsedAsTable(key, is: existing.value.kindName, at: existing.location), at: keyLoc)
        }
        if t.explicitlyDefined || t.isInline || t.madeByDottedKey {
            throw fail(TOMLMessages.tableDefinedTwice(path, first: t.location), at: keyLoc)
        }
        t.explicitlyDefined = true
        return t
    }

    /// The last key of `[[a.b]]`: a new table appended to the array of tables.
    mutating func appendTable(_ key: String, at keyLoc: SourceLocation, header: SourceLocation, to table: TOMLTable) throws(TOMLParseError) -> TOMLTable {
        let newTable = TOMLTable(location: header)
        newTable.explicitlyDefined = true
        let node = TOMLNode(value: .table(newTable), location: header)
        guard let existing = table[key] else {
            table.set(key, keyLocation: keyLoc, node: TOMLNode(value: .array([node]), location: header))
            table.arraysOfTables.insert(key)
            return newTable
        }
        guard case .array(var items) = existing.value, table.arraysOfTables.contains(key) else {
            throw fail(TOMLMessages.valueUsedAsArrayOfTables(key, is: existing.value.kindName, at: existing.location), at: keyLoc)
        }
        items.append(node)
        table.set(key, keyLocation: keyLoc, node: TOMLNode(value: .array(items), location: existing.location))
        return newTable
    }

    // MARK: keys

    mutating func parseDottedKey() throws(TOMLParseError) -> [(String, SourceLocation)] {
        var keys: [(String, SourceLocation)] = []
        while true {
            skipSpaces()
            let loc = location
            if nesting + keys.count >= Self.maxNesting { throw fail(TOMLMessages.nestedTooDeeply(limit: Self.maxNesting), at: loc) }
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
        while let c = current, Self.isBareKeyChar(c) {
            key.append(c)
            advance()
        }
        if key.isEmpty {
            if c.isLetter { throw fail(TOMLMessages.bareKeyNotASCII(c)) }
            throw fail(TOMLMessages.expectedKey(found: c))
        }
        if let c = current, c.isLetter, !Self.isBareKeyChar(c) { throw fail(TOMLMessages.bareKeyGoesOn()) }
        return key
    }

    /// `key = value`, the key maybe dotted (`a.b = 1` makes the table `a` unless it exists).
    mutating func parseKeyValue(into table: TOMLTable) throws(TOMLParseError) {
        let keys = try parseDottedKey()
        skipSpaces()
        guard current == "=" else { throw fail(TOMLMessages.expectedEquals(after: keys.map(\.0).joined(separator: "."))) }
        advance()
        skipSpaces()
        nesting += keys.count
        defer { nesting -= keys.count }
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
                t.madeByDottedKey = true
                target.set(key, keyLocation: loc, node: TOMLNode(value: .table(t), location: loc))
                target = t
            }
        }
        let (key, loc) = keys.last!
        if let existing = target.entry(key) { throw fail(TOMLMessages.keyDefinedTwice(key, first: existing.keyLocation), at: loc) }
        target.set(key, keyLocation: loc, node: node)
    }
}
