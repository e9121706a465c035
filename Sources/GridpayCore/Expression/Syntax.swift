/// Parse phase of the expression language: text → syntax tree. Nothing here knows names or
/// types; the checker (ExpressionChecker) does, and only a checked expression can be evaluated.

/// An expression's text together with where each of its characters sits in the rule file.
public struct ExpressionSource: Sendable {
    public var text: String
    public var locate: @Sendable (Int) -> SourceLocation

    public init(text: String, locate: @escaping @Sendable (Int) -> SourceLocation) {
        self.text = text
        self.locate = locate
    }

    public init(_ string: TOMLString) {
        text = string.value
        let locs = string.characterLocations
        locate = { offset in locs[min(max(0, offset), locs.count - 1)] }
    }

    /// For expressions typed on a command line or in tests: positions are columns of one line.
    public init(text: String, file: String, line: Int = 1, column: Int = 1) {
        self.text = text
        locate = { SourceLocation(file: file, line: line, column: column + $0) }
    }
}

/// Character offsets [start, end) into the expression text.
public struct Span: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var length: Int { max(1, end - start) }
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and, or
}

public enum UnaryOperator: String, Sendable {
    case negate = "-", not
}

public indirect enum SyntaxKind: Sendable {
    case number(ExactNumber)
    case string(String)
    case bool(Bool)
    case name(String)
    case unary(UnaryOperator, Syntax)
    case binary(BinaryOperator, Syntax, Syntax)
    case conditional(Syntax, Syntax, Syntax)
    case call(String, nameSpan: Span, [Syntax])
    /// A named argument of a call: `missing = false`.
    case named(String, nameSpan: Span, Syntax)
}

public struct Syntax: Sendable {
    public var kind: SyntaxKind
    public var span: Span
}

struct Token: Equatable {
    enum Kind: Equatable {
        case number(ExactNumber), string(String), name(String), quotedName(String)
        case symbol(String)
        case end
    }
    var kind: Kind
    var span: Span
}

public struct ExpressionParseError: Error, Sendable {
    public var message: String
    public var span: Span
}

public enum ExpressionParser {
    static let keywords: Set<String> = ["and", "or", "not", "if", "then", "else", "true", "false"]

    public static func parse(_ text: String) throws(ExpressionParseError) -> Syntax {
        var p = Parser(tokens: try lex(text))
        let tree = try p.parseExpression()
        guard p.current.kind == .end else {
            throw ExpressionParseError(message: "unexpected \(p.describe(p.current)) after a complete expression; expected an operator or the end", span: p.current.span)
        }
        return tree
    }

    static func isNameStart(_ c: Character) -> Bool { c.isLetter || c == "_" }
    static func isNameChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    static func lex(_ text: String) throws(ExpressionParseError) -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        func span(_ s: Int) -> Span { Span(start: s, end: i) }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isASCII && c.isNumber {
                var text = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." {
                    text.append(chars[i]); i += 1
                }
                guard let n = ExactNumber(decimalText: text) else {
                    throw ExpressionParseError(message: "'\(text)' is not a number; expected digits with at most one decimal point", span: span(start))
                }
                tokens.append(Token(kind: .number(n), span: span(start)))
            } else if c == "\"" || c == "'" {
                i += 1
                var value = ""
                while i < chars.count, chars[i] != c {
                    value.append(chars[i]); i += 1
                }
                guard i < chars.count else {
                    throw ExpressionParseError(message: "this text is never closed with \(c)", span: Span(start: start, end: start + 1))
                }
                i += 1
                tokens.append(Token(kind: .string(value), span: span(start)))
            } else if c == "`" {
                i += 1
                var value = ""
                while i < chars.count, chars[i] != "`" {
                    value.append(chars[i]); i += 1
                }
                guard i < chars.count else {
                    throw ExpressionParseError(message: "this name is never closed with `", span: Span(start: start, end: start + 1))
                }
                i += 1
                tokens.append(Token(kind: .quotedName(value), span: span(start)))
            } else if isNameStart(c) {
                var value = ""
                while i < chars.count, isNameChar(chars[i]) {
                    value.append(chars[i]); i += 1
                }
                tokens.append(Token(kind: .name(value), span: span(start)))
            } else {
                let two = i + 1 < chars.count ? String([c, chars[i + 1]]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    i += 2
                    tokens.append(Token(kind: .symbol(two), span: span(start)))
                } else if "+-*/<>(),".contains(c) {
                    i += 1
                    tokens.append(Token(kind: .symbol(String(c)), span: span(start)))
                } else if c == "=", tokens.count >= 2, case .name = tokens[tokens.count - 1].kind,
                          tokens[tokens.count - 2].kind == .symbol(",") {
                    // `, name = value` inside a call's arguments: a named argument.
                    i += 1
                    tokens.append(Token(kind: .symbol("="), span: span(start)))
                } else if c == "=" {
                    throw ExpressionParseError(message: "'=' is not an operator here; use '==' to compare", span: Span(start: i, end: i + 1))
                } else if c == "&" || c == "|" || c == "!" {
                    throw ExpressionParseError(message: "'\(c)' is not an operator; write 'and', 'or', 'not'", span: Span(start: i, end: i + 1))
                } else {
                    throw ExpressionParseError(message: "unexpected character '\(c)'; names with brackets or spaces go in backticks, e.g. `巡查时长(分钟)`", span: Span(start: i, end: i + 1))
                }
            }
        }
        tokens.append(Token(kind: .end, span: Span(start: chars.count, end: chars.count + 1)))
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var index = 0
        var current: Token { tokens[index] }

        init(tokens: [Token]) { self.tokens = tokens }

        func describe(_ t: Token) -> String {
            switch t.kind {
            case .number(let n): "number \(n)"
            case .string(let s): "text \"\(s)\""
            case .name(let n), .quotedName(let n): "name '\(n)'"
            case .symbol(let s): "'\(s)'"
            case .end: "the end of the expression"
            }
        }

        mutating func advance() { if index < tokens.count - 1 { index += 1 } }

        func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }
        func isKeyword(_ s: String) -> Bool { current.kind == .name(s) }

        mutating func expectSymbol(_ s: String, _ context: String) throws(ExpressionParseError) {
            guard isSymbol(s) else {
                throw ExpressionParseError(message: "expected '\(s)' \(context), found \(describe(current))", span: current.span)
            }
            advance()
        }

        mutating func parseExpression() throws(ExpressionParseError) -> Syntax {
            if isKeyword("if") {
                let start = current.span.start
                advance()
                let cond = try parseExpression()
                guard isKeyword("then") else {
                    throw ExpressionParseError(message: "expected 'then' after the condition of 'if', found \(describe(current))", span: current.span)
                }
                advance()
                let a = try parseExpression()
                guard isKeyword("else") else {
                    throw ExpressionParseError(message: "expected 'else' (every 'if' needs one), found \(describe(current))", span: current.span)
                }
                advance()
                let b = try parseExpression()
                return Syntax(kind: .conditional(cond, a, b), span: Span(start: start, end: b.span.end))
            }
            return try parseOr()
        }

        mutating func parseBinaryLevel(_ ops: [String: BinaryOperator], next: (inout Parser) throws(ExpressionParseError) -> Syntax) throws(ExpressionParseError) -> Syntax {
            var lhs = try next(&self)
            while true {
                let op: BinaryOperator?
                switch current.kind {
                case .symbol(let s), .name(let s): op = ops[s]
                default: op = nil
                }
                guard let op else { return lhs }
                advance()
                let rhs = try next(&self)
                lhs = Syntax(kind: .binary(op, lhs, rhs), span: Span(start: lhs.span.start, end: rhs.span.end))
            }
        }

        mutating func parseOr() throws(ExpressionParseError) -> Syntax {
            try parseBinaryLevel(["or": .or]) { (p: inout Parser) throws(ExpressionParseError) in try p.parseAnd() }
        }

        mutating func parseAnd() throws(ExpressionParseError) -> Syntax {
            try parseBinaryLevel(["and": .and]) { (p: inout Parser) throws(ExpressionParseError) in try p.parseNot() }
        }

        mutating func parseNot() throws(ExpressionParseError) -> Syntax {
            if isKeyword("not") {
                let start = current.span.start
                advance()
                let operand = try parseNot()
                return Syntax(kind: .unary(.not, operand), span: Span(start: start, end: operand.span.end))
            }
            return try parseComparison()
        }

        mutating func parseComparison() throws(ExpressionParseError) -> Syntax {
            let lhs = try parseAdditive()
            let ops: [String: BinaryOperator] = ["==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual]
            guard case .symbol(let s) = current.kind, let op = ops[s] else { return lhs }
            advance()
            let rhs = try parseAdditive()
            if case .symbol(let s2) = current.kind, ops[s2] != nil {
                throw ExpressionParseError(message: "comparisons do not chain; write 'a < b and b < c'", span: current.span)
            }
            return Syntax(kind: .binary(op, lhs, rhs), span: Span(start: lhs.span.start, end: rhs.span.end))
        }

        mutating func parseAdditive() throws(ExpressionParseError) -> Syntax {
            try parseBinaryLevel(["+": .add, "-": .subtract]) { (p: inout Parser) throws(ExpressionParseError) in try p.parseMultiplicative() }
        }

        mutating func parseMultiplicative() throws(ExpressionParseError) -> Syntax {
            try parseBinaryLevel(["*": .multiply, "/": .divide]) { (p: inout Parser) throws(ExpressionParseError) in try p.parseUnary() }
        }

        mutating func parseUnary() throws(ExpressionParseError) -> Syntax {
            if isSymbol("-") {
                let start = current.span.start
                advance()
                let operand = try parseUnary()
                return Syntax(kind: .unary(.negate, operand), span: Span(start: start, end: operand.span.end))
            }
            return try parsePrimary()
        }

        mutating func parsePrimary() throws(ExpressionParseError) -> Syntax {
            let token = current
            switch token.kind {
            case .number(let n):
                advance()
                return Syntax(kind: .number(n), span: token.span)
            case .string(let s):
                advance()
                return Syntax(kind: .string(s), span: token.span)
            case .quotedName(let n):
                advance()
                return Syntax(kind: .name(n), span: token.span)
            case .name(let n):
                if n == "true" || n == "false" {
                    advance()
                    return Syntax(kind: .bool(n == "true"), span: token.span)
                }
                if ExpressionParser.keywords.contains(n) {
                    throw ExpressionParseError(message: "expected a value, found the keyword '\(n)'", span: token.span)
                }
                advance()
                if isSymbol("(") {
                    advance()
                    var args: [Syntax] = []
                    if !isSymbol(")") {
                        while true {
                            if case .name(let argName) = current.kind, index + 1 < tokens.count, tokens[index + 1].kind == .symbol("=") {
                                let nameSpan = current.span
                                advance(); advance()
                                let value = try parseExpression()
                                args.append(Syntax(kind: .named(argName, nameSpan: nameSpan, value), span: Span(start: nameSpan.start, end: value.span.end)))
                            } else {
                                args.append(try parseExpression())
                            }
                            if isSymbol(",") { advance(); continue }
                            break
                        }
                    }
                    let close = current.span
                    try expectSymbol(")", "to close the arguments of \(n)(")
                    return Syntax(kind: .call(n, nameSpan: token.span, args), span: Span(start: token.span.start, end: close.end))
                }
                return Syntax(kind: .name(n), span: token.span)
            case .symbol("("):
                advance()
                let inner = try parseExpression()
                try expectSymbol(")", "to close '('")
                return inner
            default:
                throw ExpressionParseError(message: "expected a value (number, text, name, function call or '('), found \(describe(token))", span: token.span)
            }
        }
    }
}
