/// Every syntax error the TOML reader reports, one function per kind (as RuleMessages for the
/// rule sections): what is wrong and what was expected; the parser gives where. Each body is one
/// bilingual(zh:en:); `RuleMessageFixtureTests` keeps a fixture per function with both texts.
enum TOMLMessages {
    // MARK: characters

    static func controlCharacter(_ code: String) -> String {
        bilingual(zh: "规则文件中不允许控制字符 U+\(code)（只允许制表符和换行）；在 \"…\" 字符串内请写成 \\u\(code)",
                  en: "the control character U+\(code) is not allowed in a rule file (only tab and line breaks are); inside a \"…\" string write it as \\u\(code)")
    }

    // MARK: lines, keys and tables

    static func expectedEndOfLine(found c: Character) -> String {
        bilingual(zh: "值后面应为行尾，却是\(shown(c))", en: "expected the end of the line after the value, found \(shown(c))")
    }

    static func nestedTooDeeply(limit: Int) -> String {
        bilingual(zh: "表、数组和内联表在这里嵌套超过 \(limit) 层；最多 \(limit) 层",
                  en: "tables, arrays and inline tables nest more than \(limit) levels deep here; expected at most \(limit) levels")
    }

    static func unclosedTableHeader() -> String { bilingual(zh: "表头应以“]”结束", en: "expected ']' to close the table header") }

    static func unclosedArrayOfTablesHeader() -> String { bilingual(zh: "表数组的表头应以“]]”结束", en: "expected ']]' to close the array-of-tables header") }

    static func valueUsedAsArrayOfTables(_ key: String, is kind: String, at loc: SourceLocation) -> String {
        bilingual(zh: "“\(key)”已在 \(loc) 定义为\(kind)，不能再用作表数组",
                  en: "'\(key)' is already defined as \(kind) at \(loc); cannot use it as an array of tables")
    }

    static func tableDefinedTwice(_ path: String, first: SourceLocation) -> String {
        bilingual(zh: "表 [\(path)] 定义了两次（第一次在 \(first)）", en: "table [\(path)] is defined twice (first at \(first))")
    }

    static func arrayOfValuesAsTable(_ key: String) -> String {
        bilingual(zh: "“\(key)”是值的数组，不是表的数组", en: "'\(key)' is an array of values, not of tables")
    }

    static func valueUsedAsTable(_ key: String, is kind: String, at loc: SourceLocation) -> String {
        bilingual(zh: "“\(key)”已经是\(kind)（在 \(loc)），不能再用作表", en: "'\(key)' is already \(kind) (at \(loc)); cannot use it as a table")
    }

    static func inlineTableExtended(_ key: String, at loc: SourceLocation) -> String {
        bilingual(zh: "“\(key)”是内联表（在 \(loc)），写成时即已完整；[表] 表头不能再往里添加",
                  en: "'\(key)' is an inline table (at \(loc)), complete as written; a [table] header cannot add to it")
    }

    static func keyAtEndOfFile() -> String { bilingual(zh: "这里应为键，却已到文件末尾", en: "expected a key, found the end of the file") }

    static func bareKeyNotASCII(_ c: Character) -> String {
        bilingual(zh: "不加引号的键只能用 A-Z a-z 0-9 _ -；像“\(c)…”这样的键请放在双引号里，例如 \"业务培训\" = …",
                  en: "a bare key may only use A-Z a-z 0-9 _ -; put a key such as '\(c)…' in double quotes, e.g. \"业务培训\" = …")
    }

    static func bareKeyGoesOn() -> String {
        bilingual(zh: "不加引号的键只能用 A-Z a-z 0-9 _ -；请把这个键放在双引号里", en: "a bare key may only use A-Z a-z 0-9 _ -; put this key in double quotes")
    }

    static func expectedKey(found c: Character) -> String { bilingual(zh: "这里应为键，却是\(shown(c))", en: "expected a key, found \(shown(c))") }

    static func expectedEquals(after key: String) -> String { bilingual(zh: "键“\(key)”后面应为“=”", en: "expected '=' after the key '\(key)'") }

    static func keyIsNotATable(_ key: String, definedAt loc: SourceLocation) -> String {
        bilingual(zh: "“\(key)”已在 \(loc) 定义", en: "'\(key)' is already defined at \(loc)")
    }

    static func keyDefinedTwice(_ key: String, first: SourceLocation) -> String {
        bilingual(zh: "键“\(key)”定义了两次（第一次在 \(first)）", en: "the key '\(key)' is defined twice (first at \(first))")
    }

    // MARK: values

    static func valueAtEndOfFile() -> String { bilingual(zh: "这里应为值，却已到文件末尾", en: "expected a value, found the end of the file") }

    static func valueMissing() -> String { bilingual(zh: "“=”后面应为值，却已到行尾", en: "expected a value after '=', found the end of the line") }

    static func unquotedWord(_ word: String) -> String {
        bilingual(zh: "这里应为值（字符串、数字、true/false、数组或表），却是“\(word)”；文字必须加引号",
                  en: "expected a value (string, number, true/false, array or table), found '\(word)'; text must be quoted")
    }

    static func badNumber(_ text: String) -> String {
        bilingual(zh: "“\(text)”不是本规则格式接受的数字（只接受 12、-3、0.5 这样的普通小数，不用指数）；日期必须写成加引号的字符串",
                  en: "'\(text)' is not a number this rule format accepts (plain decimals such as 12, -3, 0.5; no exponents); dates must be quoted strings")
    }

    static func leadingZero(_ text: String) -> String {
        bilingual(zh: "“\(text)”以 0 开头，TOML 不允许；请去掉前导零（例如 7、0.5）",
                  en: "'\(text)' has a leading zero, which TOML does not allow; write it without (e.g. 7, 0.5)")
    }

    static func digitsAroundPoint(_ text: String) -> String {
        bilingual(zh: "“\(text)”的小数点两边都要有数字，例如 1.0 或 0.5", en: "'\(text)' needs digits on both sides of its decimal point, e.g. 1.0 or 0.5")
    }

    static func misplacedUnderscore(_ text: String) -> String {
        bilingual(zh: "“\(text)”中有下划线不在两个数字之间；应写成例如 1_000", en: "'\(text)' has an underscore that is not between two digits; write e.g. 1_000")
    }

    static func expectedValue(found c: Character) -> String {
        bilingual(zh: "这里应为值（字符串、数字、true/false、数组或表），却是“\(c)”",
                  en: "expected a value (string, number, true/false, array or table), found '\(c)'")
    }

    static func unclosedArray() -> String { bilingual(zh: "这个数组没有用“]”结束", en: "this array is never closed with ']'") }

    static func unclosedArrayBeforeLine(_ nextLine: Int) -> String {
        bilingual(zh: "这个数组没有用“]”结束（第 \(nextLine) 行起已不属于它）",
                  en: "this array is never closed with ']' (the next line that is not part of it is line \(nextLine))")
    }

    static func expectedCommaInArray(openedAt open: SourceLocation) -> String {
        bilingual(zh: "第\(open.line)行第\(open.column)列开始的数组中，这里应为“,”或“]”",
                  en: "expected ',' or ']' in the array that starts at \(open.line):\(open.column)")
    }

    static func inlineTableOnOneLine() -> String {
        bilingual(zh: "内联表 { … } 必须写在一行内；较长的请用 [表] 小节", en: "an inline table { … } must stay on one line; use a [table] section for longer ones")
    }

    static func expectedCommaInInlineTable() -> String { bilingual(zh: "内联表中这里应为“,”或“}”", en: "expected ',' or '}' in the inline table") }

    // MARK: strings

    static func unclosedMultiLineLiteral() -> String { bilingual(zh: "这个多行字符串没有用 ''' 结束", en: "this multi-line string is never closed with '''") }

    static func unclosedLiteral() -> String { bilingual(zh: "这个字符串没有用 ' 结束", en: "this string is never closed with '") }

    static func unclosedMultiLineBasic() -> String { bilingual(zh: "这个多行字符串没有用 \"\"\" 结束", en: "this multi-line string is never closed with \"\"\"") }

    static func unclosedBasic() -> String { bilingual(zh: "这个字符串没有用 \" 结束", en: "this string is never closed with \"") }

    static func unclosedBasicOnItsLine() -> String { bilingual(zh: "这个字符串在本行内没有用 \" 结束", en: "this string is never closed with \" on its line") }

    static func unfinishedEscape() -> String { bilingual(zh: "转义序列不完整", en: "unfinished escape sequence") }

    static func expectedHexDigits(_ count: Int, after e: Character) -> String {
        bilingual(zh: "\\\(e) 后面应为 \(count) 位十六进制数字", en: "expected \(count) hex digits after \\\(e)")
    }

    static func notAUnicodeScalar(_ e: Character, _ hex: String) -> String {
        bilingual(zh: "\\\(e)\(hex) 不是有效的 Unicode 字符", en: "\\\(e)\(hex) is not a Unicode scalar")
    }

    static func lineEndingBackslash() -> String {
        bilingual(zh: "行尾的反斜杠只在多行字符串 \"\"\"…\"\"\" 中表示续行；反斜杠本身请写成 \\\\",
                  en: "a backslash at the end of a line continues only a multi-line string \"\"\"…\"\"\"; write \\\\ for a backslash")
    }

    static func unknownEscape(_ e: Character) -> String {
        bilingual(zh: "未知的转义序列“\\\(e)”；不想转义可用单引号字符串 '…'",
                  en: "unknown escape sequence '\\\(e)'; use a literal string '…' to avoid escaping")
    }

    // MARK: helpers (not kinds)

    /// A character as messages show it: quoted, or "the end of the line" for a line break.
    private static func shown(_ c: Character) -> String {
        c == "\n" || c == "\r\n" ? bilingual(zh: "行尾", en: "the end of the line") : bilingual(zh: "“\(c)”", en: "'\(c)'")
    }
}
