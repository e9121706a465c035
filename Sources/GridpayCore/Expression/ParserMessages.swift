/// Every syntax error inside an expression (the lexer's and the parser's), one function per kind
/// of problem, as `CheckerMessages` for the checker and `TOMLMessages` for the rule file's own
/// syntax: what is wrong and what was expected; the parser gives where. `RuleMessageFixtureTests`
/// keeps a bad-rule fixture `checker-<function>` per function here, and each body is one string
/// literal that the test matches against that fixture's message.
enum ParserMessages {
    // MARK: characters (lexer)

    static func badNumberLiteral(_ text: String) -> String {
        "'\(text)' is not a number; expected digits with at most one decimal point"
    }

    /// `quote`: " or ' (text) or ` (a name).
    static func unclosedQuote(_ quote: Character) -> String {
        "this \(quote == "`" ? "name" : "text") is never closed with \(quote)"
    }

    static func singleEquals() -> String {
        "'=' is not an operator here; use '==' to compare"
    }

    static func symbolOperator(_ symbol: Character) -> String {
        "'\(symbol)' is not an operator; write 'and', 'or', 'not'"
    }

    static func unexpectedCharacter(_ c: Character) -> String {
        "unexpected character '\(c)'; names with brackets or spaces go in backticks, e.g. `巡查时长(分钟)`"
    }

    // MARK: structure (parser)

    static func trailingToken(_ found: Token) -> String {
        "unexpected \(describe(found)) after a complete expression; expected an operator or the end"
    }

    static func ifWithoutThen(found: Token) -> String {
        "expected 'then' after the condition of 'if', found \(describe(found))"
    }

    static func ifWithoutElse(found: Token) -> String {
        "expected 'else' (every 'if' needs one), found \(describe(found))"
    }

    static func chainedComparison() -> String {
        "comparisons do not chain; write 'a < b and b < c'"
    }

    static func keywordAsValue(_ keyword: String) -> String {
        "expected a value, found the keyword '\(keyword)'"
    }

    static func unclosedArguments(of function: String, found: Token) -> String {
        "expected ')' to close the arguments of \(function)(, found \(describe(found))"
    }

    static func unclosedParenthesis(found: Token) -> String {
        "expected ')' to close '(', found \(describe(found))"
    }

    static func nestedTooDeeply(limit: Int) -> String {
        "the expression nests more than \(limit) levels deep here (parentheses, calls, 'if', 'not', '-' or a chain of operators); expected at most \(limit): split it into named values"
    }

    static func expectedValue(found: Token) -> String {
        "expected a value (number, text, name, function call or '('), found \(describe(found))"
    }

    // MARK: parts of messages

    /// A token as a message names it.
    private static func describe(_ t: Token) -> String {
        switch t.kind {
        case .number(let n): "number \(n)"
        case .string(let s): "text \"\(s)\""
        case .name(let n), .quotedName(let n): "name '\(n)'"
        case .symbol(let s): "'\(s)'"
        case .end: "the end of the expression"
        }
    }
}
