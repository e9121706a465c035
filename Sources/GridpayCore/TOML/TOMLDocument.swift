/// The subset of TOML 1.0 that rule files use, parsed with a position for every key, value and
/// every character of every string, so that an error inside an expression embedded in a string
/// points at the rule file's own line and column.
///
/// Supported: comments, `[table]`, `[[array.of.tables]]`, bare/quoted/dotted keys, basic and
/// literal strings (single- and multi-line), integers, decimals, booleans, arrays (multi-line,
/// trailing comma) and inline tables. Not supported (rule files do not need them), and refused
/// with a message that says so: dates and times as TOML values (write them as strings),
/// exponents, hex/octal/binary, inf/nan. The parser is in TOMLParser*.swift, its messages in
/// TOMLMessages; TOMLParserTests holds the valid and invalid documents it is tested against.
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
        case .string: bilingual(zh: "字符串", en: "a string")
        case .number: bilingual(zh: "数字", en: "a number")
        case .bool: bilingual(zh: "是非值（true/false）", en: "a boolean")
        case .array: bilingual(zh: "数组", en: "an array")
        case .table: bilingual(zh: "表", en: "a table")
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
    /// Made by a dotted key (`a.b = 1` makes `a`): no `[a]` header may define it again.
    var madeByDottedKey = false
    /// Keys whose arrays were made by `[[key]]` headers (others are arrays of values).
    var arraysOfTables: Set<String> = []

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
        try refuseControlCharacters(text, file: file)
        var p = TOMLParserState(text: text, file: file)
        return try p.parseDocument()
    }

    /// TOML allows no control character but tab and line breaks (LF, CRLF), anywhere (strings
    /// and comments included). Checked scalar by scalar: a control character followed by a
    /// combining mark is one Character and must not hide in it.
    static func refuseControlCharacters(_ text: String, file: String) throws(TOMLParseError) {
        var line = 1, column = 1
        for c in text {
            if c == "\n" || c == "\r\n" { line += 1; column = 1; continue }
            for s in c.unicodeScalars where s != "\t" && (s.value < 0x20 || s.value == 0x7F) {
                let hex = String(s.value, radix: 16, uppercase: true)
                let code = String(repeating: "0", count: 4 - hex.count) + hex
                throw TOMLParseError(diagnostic: .error(TOMLMessages.controlCharacter(code), at: SourceLocation(file: file, line: line, column: column)))
            }
            column += 1
        }
    }
}
