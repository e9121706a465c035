/// Every syntax error the TOML reader reports, one function per kind (as RuleMessages for the
/// rule sections): what is wrong and what was expected; the parser gives where.
enum TOMLMessages {
    // MARK: characters

    static func controlCharacter(_ code: String) -> String {
        "the control character U+\(code) is not allowed in a rule file (only tab and line breaks are); inside a \"…\" string write it as \\u\(code)"
    }

    // MARK: lines, keys and tables

    static func expectedEndOfLine(found c: Character) -> String {
        "expected the end of the line after the value, found \(shown(c))"
    }

    static func nestedTooDeeply(limit: Int) -> String {
        "tables, arrays and inline tables nest more than \(limit) levels deep here; expected at most \(limit) levels"
    }

    static func unclosedTableHeader() -> String { "expected ']' to close the table header" }

    static func unclosedArrayOfTablesHeader() -> String { "expected ']]' to close the array-of-tables header" }

    static func valueUsedAsArrayOfTables(_ key: String, is kind: String, at loc: SourceLocation) -> String {
        "'\(key)' is already defined as \(kind) at \(loc); cannot use it as an array of tables"
    }

    static func tableDefinedTwice(_ path: String, first: SourceLocation) -> String {
        "table [\(path)] is defined twice (first at \(first))"
    }

    static func arrayOfValuesAsTable(_ key: String) -> String { "'\(key)' is an array of values, not of tables" }

    static func valueUsedAsTable(_ key: String, is kind: String, at loc: SourceLocation) -> String {
        "'\(key)' is already \(kind) (at \(loc)); cannot use it as a table"
    }

    static func inlineTableExtended(_ key: String, at loc: SourceLocation) -> String {
        "'\(key)' is an inline table (at \(loc)), complete as written; a [table] header cannot add to it"
    }

    static func keyAtEndOfFile() -> String { "expected a key, found the end of the file" }

    static func bareKeyNotASCII(_ c: Character) -> String {
        "a bare key may only use A-Z a-z 0-9 _ -; put a key such as '\(c)…' in double quotes, e.g. \"业务培训\" = …"
    }

    static func bareKeyGoesOn() -> String { "a bare key may only use A-Z a-z 0-9 _ -; put this key in double quotes" }

    static func expectedKey(found c: Character) -> String { "expected a key, found \(shown(c))" }

    static func expectedEquals(after key: String) -> String { "expected '=' after the key '\(key)'" }

    static func keyIsNotATable(_ key: String, definedAt loc: SourceLocation) -> String { "'\(key)' is already defined at \(loc)" }

    static func keyDefinedTwice(_ key: String, first: SourceLocation) -> String { "the key '\(key)' is defined twice (first at \(first))" }

    // MARK: values

    static func valueAtEndOfFile() -> String { "expected a value, found the end of the file" }

    static func valueMissing() -> String { "expected a value after '=', found the end of the line" }

    static func unquotedWord(_ word: String) -> String {
        "expected a value (string, number, true/false, array or table), found '\(word)'; text must be quoted"
    }

    static func badNumber(_ text: String) -> String {
        "'\(text)' is not a number this rule format accepts (plain decimals such as 12, -3, 0.5; no exponents); dates must be quoted strings"
    }

    static func leadingZero(_ text: String) -> String {
        "'\(text)' has a leading zero, which TOML does not allow; write it without (e.g. 7, 0.5)"
    }

    static func digitsAroundPoint(_ text: String) -> String {
        "'\(text)' needs digits on both sides of its decimal point, e.g. 1.0 or 0.5"
    }

    static func misplacedUnderscore(_ text: String) -> String {
        "'\(text)' has an underscore that is not between two digits; write e.g. 1_000"
    }

    static func expectedValue(found c: Character) -> String {
        "expected a value (string, number, true/false, array or table), found '\(c)'"
    }

    static func unclosedArray() -> String { "this array is never closed with ']'" }

    static func unclosedArrayBeforeLine(_ nextLine: Int) -> String {
        "this array is never closed with ']' (the next line that is not part of it is line \(nextLine))"
    }

    static func expectedCommaInArray(openedAt open: SourceLocation) -> String {
        "expected ',' or ']' in the array that starts at \(open.line):\(open.column)"
    }

    static func inlineTableOnOneLine() -> String {
        "an inline table { … } must stay on one line; use a [table] section for longer ones"
    }

    static func expectedCommaInInlineTable() -> String { "expected ',' or '}' in the inline table" }

    // MARK: strings

    static func unclosedMultiLineLiteral() -> String { "this multi-line string is never closed with '''" }

    static func unclosedLiteral() -> String { "this string is never closed with '" }

    static func unclosedMultiLineBasic() -> String { "this multi-line string is never closed with \"\"\"" }

    static func unclosedBasic() -> String { "this string is never closed with \"" }

    static func unclosedBasicOnItsLine() -> String { "this string is never closed with \" on its line" }

    static func unfinishedEscape() -> String { "unfinished escape sequence" }

    static func expectedHexDigits(_ count: Int, after e: Character) -> String { "expected \(count) hex digits after \\\(e)" }

    static func notAUnicodeScalar(_ e: Character, _ hex: String) -> String { "\\\(e)\(hex) is not a Unicode scalar" }

    static func lineEndingBackslash() -> String {
        "a backslash at the end of a line continues only a multi-line string \"\"\"…\"\"\"; write \\\\ for a backslash"
    }

    static func unknownEscape(_ e: Character) -> String {
        "unknown escape sequence '\\\(e)'; use a literal string '…' to avoid escaping"
    }

    // MARK: helpers (not kinds)

    /// A character as messages show it: quoted, or "the end of the line" for a line break.
    private static func shown(_ c: Character) -> String {
        c == "\n" || c == "\r\n" ? "the end of the line" : "'\(c)'"
    }
}
