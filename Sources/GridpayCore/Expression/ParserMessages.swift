/// Every syntax error inside an expression (the lexer's and the parser's), one function per kind
/// of problem, as `CheckerMessages` for the checker and `TOMLMessages` for the rule file's own
/// syntax: what is wrong and what was expected; the parser gives where. `RuleMessageFixtureTests`
/// keeps a bad-rule fixture `checker-<function>` per function here, and each body is one
/// bilingual(zh:en:) whose texts the test matches against that fixture's messages.
enum ParserMessages {
    // MARK: characters (lexer)

    static func badNumberLiteral(_ text: String) -> String {
        bilingual(zh: "“\(text)”不是数字；应为数字，最多一个小数点", en: "'\(text)' is not a number; expected digits with at most one decimal point")
    }

    /// `quote`: " or ' (text) or ` (a name).
    static func unclosedQuote(_ quote: Character) -> String {
        bilingual(zh: "这个\(quote == "`" ? "名称" : "文字")没有用 \(quote) 结束", en: "this \(quote == "`" ? "name" : "text") is never closed with \(quote)")
    }

    static func singleEquals() -> String {
        bilingual(zh: "这里的“=”不是运算符；比较相等请写“==”", en: "'=' is not an operator here; use '==' to compare")
    }

    static func symbolOperator(_ symbol: Character) -> String {
        bilingual(zh: "“\(symbol)”不是运算符；请写 and、or、not", en: "'\(symbol)' is not an operator; write 'and', 'or', 'not'")
    }

    static func unexpectedCharacter(_ c: Character) -> String {
        bilingual(zh: "意外的字符“\(c)”；含括号或空格的名称要放在反引号里，例如 `巡查时长(分钟)`",
                  en: "unexpected character '\(c)'; names with brackets or spaces go in backticks, e.g. `巡查时长(分钟)`")
    }

    // MARK: structure (parser)

    static func trailingToken(_ found: Token) -> String {
        bilingual(zh: "完整的表达式后面多出了\(describe(found))；应为运算符或表达式结束",
                  en: "unexpected \(describe(found)) after a complete expression; expected an operator or the end")
    }

    static func ifWithoutThen(found: Token) -> String {
        bilingual(zh: "“if”的条件后应为“then”，却是\(describe(found))", en: "expected 'then' after the condition of 'if', found \(describe(found))")
    }

    static func ifWithoutElse(found: Token) -> String {
        bilingual(zh: "应为“else”（每个“if”都要有），却是\(describe(found))", en: "expected 'else' (every 'if' needs one), found \(describe(found))")
    }

    static func chainedComparison() -> String {
        bilingual(zh: "比较不能连写；请写成“a < b and b < c”", en: "comparisons do not chain; write 'a < b and b < c'")
    }

    static func keywordAsValue(_ keyword: String) -> String {
        bilingual(zh: "这里应为一个值，却是关键字“\(keyword)”", en: "expected a value, found the keyword '\(keyword)'")
    }

    static func unclosedArguments(of function: String, found: Token) -> String {
        bilingual(zh: "\(function)( 的参数应以“)”结束，却是\(describe(found))", en: "expected ')' to close the arguments of \(function)(, found \(describe(found))")
    }

    static func unclosedParenthesis(found: Token) -> String {
        bilingual(zh: "应以“)”与“(”配对，却是\(describe(found))", en: "expected ')' to close '(', found \(describe(found))")
    }

    static func nestedTooDeeply(limit: Int) -> String {
        bilingual(zh: "表达式在这里嵌套超过 \(limit) 层（括号、函数调用、if、not、负号或一串运算符）；最多 \(limit) 层：请拆成几个有名称的值",
                  en: "the expression nests more than \(limit) levels deep here (parentheses, calls, 'if', 'not', '-' or a chain of operators); expected at most \(limit): split it into named values")
    }

    static func expectedValue(found: Token) -> String {
        bilingual(zh: "这里应为一个值（数字、文字、名称、函数调用或“(”），却是\(describe(found))",
                  en: "expected a value (number, text, name, function call or '('), found \(describe(found))")
    }

    // MARK: parts of messages

    /// A token as a message names it.
    private static func describe(_ t: Token) -> String {
        switch t.kind {
        case .number(let n): bilingual(zh: "数字 \(n)", en: "number \(n)")
        case .string(let s): bilingual(zh: "文字 \"\(s)\"", en: "text \"\(s)\"")
        case .name(let n), .quotedName(let n): bilingual(zh: "名称“\(n)”", en: "name '\(n)'")
        case .symbol(let s): bilingual(zh: "“\(s)”", en: "'\(s)'")
        case .end: bilingual(zh: "表达式结尾", en: "the end of the expression")
        }
    }
}
