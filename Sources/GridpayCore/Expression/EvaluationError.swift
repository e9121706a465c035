/// What went wrong while evaluating a checked expression, and where the rule file writes it.
public struct EvaluationError: Error, Sendable {
    public var message: String
    public var location: SourceLocation?

    /// The value depends on earlier periods whose results are missing (Value.unknown).
    public var unknownHistory = false
    /// Internal to the evaluator: an operand was unknown, so the expression is (caught there).
    var unknownOperand = false

    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    static func unknown(_ what: String, at location: SourceLocation?) -> EvaluationError {
        var e = EvaluationError(EvaluationMessages.dependsOnMissingHistory(what), at: location)
        e.unknownHistory = true
        return e
    }

    /// An empty optional cell was used as a value (TableIngest names the empty columns of the row).
    /// Worded in the language of the moment (computed: a `static let` would keep the first language used).
    static var emptyValueMessage: String { EvaluationMessages.emptyValue() }
    static func emptyValue(at location: SourceLocation?) -> EvaluationError { EvaluationError(emptyValueMessage, at: location) }
    var isEmptyValue: Bool { message == EvaluationError.emptyValueMessage }

    /// Runs exact arithmetic whose failure (overflow, division by zero) points at `location`.
    static func exact<T>(at location: SourceLocation?, _ body: () throws(ArithmeticError) -> T) throws(EvaluationError) -> T {
        do { return try body() } catch { throw EvaluationError(error, at: location) }
    }

    /// Exact arithmetic failed (overflow, division by zero) in what the rule file writes at
    /// `location`; `expression`: the aggregate or group call it happened in, quoted as written.
    init(_ error: ArithmeticError, at location: SourceLocation?, in expression: String? = nil) {
        self.init(expression.map { EvaluationMessages.arithmeticIn(error, $0) } ?? EvaluationMessages.arithmetic(error), at: location)
    }
}
