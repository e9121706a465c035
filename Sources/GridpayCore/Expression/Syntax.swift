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
    /// Levels of the tree from here down (a leaf is 1): the parser refuses a tree deeper than
    /// `ExpressionParser.maxDepth`, as the checker, the evaluator and freeing a tree recurse on it.
    public let depth: Int

    init(kind: SyntaxKind, span: Span) {
        self.kind = kind
        self.span = span
        switch kind {
        case .number, .string, .bool, .name: depth = 1
        case .unary(_, let a), .named(_, _, let a): depth = a.depth + 1
        case .binary(_, let a, let b): depth = max(a.depth, b.depth) + 1
        case .conditional(let a, let b, let c): depth = max(a.depth, b.depth, c.depth) + 1
        case .call(_, _, let args): depth = (args.map(\.depth).max() ?? 0) + 1
        }
    }
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

    /// `message`: one of `ParserMessages`.
    init(_ message: String, at span: Span) {
        self.message = message
        self.span = span
    }
}

public enum ExpressionParser {
    static let keywords: Set<String> = ["and", "or", "not", "if", "then", "else", "true", "false"]
    /// Deepest nesting of parentheses, calls, 'if', 'not', '-' and chained operators accepted.
    static let maxDepth = 200

    public static func parse(_ text: String) throws(ExpressionParseError) -> Syntax {
        var p = Parser(tokens: try lex(text))
        let tree = try p.parseExpression()
        guard p.current.kind == .end else {
            throw ExpressionParseError(ParserMessages.trailingToken(p.current), at: p.current.span)
        }
        return tree
    }

    static func isNameStart(_ c: Character) -> Bool { c.isLetter || c == "_" }
    static func isNameChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    static func lex(_ text: String) throws(ExpressionParseError) -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c.isASCII && c.isNumber {
                tokens.append(try lexNumber(chars, &i))
            } else if c == "\"" || c == "'" || c == "`" {
                tokens.append(try lexQuoted(chars, &i))
            } else if isNameStart(c) {
                let start = i
                var value = ""
                while i < chars.count, isNameChar(chars[i]) {
                    value.append(chars[i]); i += 1
                }
                tokens.append(Token(kind: .name(value), span: Span(start: start, end: i)))
            } else {
                tokens.append(try lexSymbol(chars, &i, after: tokens))
            }
        }
        tokens.append(Token(kind: .end, span: Span(start: chars.count, end: chars.count + 1)))
        return tokens
    }

    static func lexNumber(_ chars: [Character], _ i: inout Int) throws(ExpressionParseError) -> Token {
        let start = i
        var text = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." {
            text.append(chars[i]); i += 1
        }
        guard let n = ExactNumber(decimalText: text) else {
            throw ExpressionParseError(ParserMessages.badNumberLiteral(text), at: Span(start: start, end: i))
        }
        return Token(kind: .number(n), span: Span(start: start, end: i))
    }

    /// Text in "…" or '…', or a name in backticks.
    static func lexQuoted(_ chars: [Character], _ i: inout Int) throws(ExpressionParseError) -> Token {
        let start = i
        let quote = chars[i]
        i += 1
        var value = ""
        while i < chars.count, chars[i] != quote {
            value.append(chars[i]); i += 1
        }
        guard i < chars.count else {
            throw ExpressionParseError(ParserMessages.unclosedQuote(quote), at: Span(start: start, end: start + 1))
        }
        i += 1
        return Token(kind: quote == "`" ? .quotedName(value) : .string(value), span: Span(start: start, end: i))
    }

    static func lexSymbol(_ chars: [Character], _ i: inout Int, after tokens: [Token]) throws(ExpressionParseError) -> Token {
        let start = i
        let c = chars[i]
        let two = i + 1 < chars.count ? String([c, chars[i + 1]]) : ""
        if ["==", "!=", "<=", ">="].contains(two) {
            i += 2
            return Token(kind: .symbol(two), span: Span(start: start, end: i))
        }
        if "+-*/<>(),".contains(c) {
            i += 1
            return Token(kind: .symbol(String(c)), span: Span(start: start, end: i))
        }
        if c == "=", tokens.count >= 2, case .name = tokens[tokens.count - 1].kind, tokens[tokens.count - 2].kind == .symbol(",") {
            // `, name = value` inside a call's arguments: a named argument.
            i += 1
            return Token(kind: .symbol("="), span: Span(start: start, end: i))
        }
        if c == "=" {
            throw ExpressionParseError(ParserMessages.singleEquals(), at: Span(start: i, end: i + 1))
        }
        if c == "&" || c == "|" || c == "!" {
            throw ExpressionParseError(ParserMessages.symbolOperator(c), at: Span(start: i, end: i + 1))
        }
        throw ExpressionParseError(ParserMessages.unexpectedCharacter(c), at: Span(start: i, end: i + 1))
    }

    struct Parser {
        var tokens: [Token]
        var index = 0
        var current: Token { tokens[index] }

        /// Parentheses, calls, 'if', 'not' and '-' being read now (the parser recurses on each).
        var depth = 0

        init(tokens: [Token]) { self.tokens = tokens }

        /// One level deeper, at the current token (the one that opens the level); the caller
        /// leaves it with `depth -= 1`.
        mutating func enter() throws(ExpressionParseError) {
            depth += 1
            if depth > ExpressionParser.maxDepth {
                throw ExpressionParseError(ParserMessages.nestedTooDeeply(limit: ExpressionParser.maxDepth), at: current.span)
            }
        }

        mutating func advance() { if index < tokens.count - 1 { index += 1 } }

        func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }
        func isKeyword(_ s: String) -> Bool { current.kind == .name(s) }

        /// `message`: what to report at the current token when it is not `s`.
        mutating func expectSymbol(_ s: String, else message: (Token) -> String) throws(ExpressionParseError) {
            guard isSymbol(s) else {
                throw ExpressionParseError(message(current), at: current.span)
            }
            advance()
        }

        mutating func parseExpression() throws(ExpressionParseError) -> Syntax {
            if isKeyword("if") {
                let start = current.span.start
                try enter()
                defer { depth -= 1 }
                advance()
                let cond = try parseExpression()
                guard isKeyword("then") else {
                    throw ExpressionParseError(ParserMessages.ifWithoutThen(found: current), at: current.span)
                }
                advance()
                let a = try parseExpression()
                guard isKeyword("else") else {
                    throw ExpressionParseError(ParserMessages.ifWithoutElse(found: current), at: current.span)
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
                let opSpan = current.span
                advance()
                let rhs = try next(&self)
                lhs = Syntax(kind: .binary(op, lhs, rhs), span: Span(start: lhs.span.start, end: rhs.span.end))
                // A chain (1 + 1 + …) nests without recursing here, but the tree it makes is as deep.
                if lhs.depth > ExpressionParser.maxDepth {
                    throw ExpressionParseError(ParserMessages.nestedTooDeeply(limit: ExpressionParser.maxDepth), at: opSpan)
                }
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
                try enter()
                defer { depth -= 1 }
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
                throw ExpressionParseError(ParserMessages.chainedComparison(), at: current.span)
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
                try enter()
                defer { depth -= 1 }
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
                    throw ExpressionParseError(ParserMessages.keywordAsValue(n), at: token.span)
                }
                advance()
                if isSymbol("(") {
                    try enter()
                    defer { depth -= 1 }
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
                    try expectSymbol(")") { ParserMessages.unclosedArguments(of: n, found: $0) }
                    return Syntax(kind: .call(n, nameSpan: token.span, args), span: Span(start: token.span.start, end: close.end))
                }
                return Syntax(kind: .name(n), span: token.span)
            case .symbol("("):
                try enter()
                defer { depth -= 1 }
                advance()
                let inner = try parseExpression()
                try expectSymbol(")") { ParserMessages.unclosedParenthesis(found: $0) }
                return inner
            default:
                throw ExpressionParseError(ParserMessages.expectedValue(found: token), at: token.span)
            }
        }
    }
}
