/// The shape of one function of the rule language as the catalog declares it: what a
/// contributor fills in to add a function (FunctionCatalog.swift). The checker, the row compiler,
/// the evaluator, `explain` and the README's function reference all read these entries.
public struct FunctionEntry: Sendable {
    public let name: String
    public let family: FunctionFamily
    /// How it is written, as the README shows it: `round(x, places)`.
    public let usage: String
    public let arguments: [FunctionArgument]
    public let result: ValueType
    public let scope: FunctionScope
    /// What it gives (README), one or two sentences.
    public let summary: String
    /// How `gridpay explain` shows a use of it.
    public let explain: ExplainLine
    let kind: FunctionKind
    /// Scalars: what the arity message says it takes, e.g. "one or more numbers".
    let takes: String

    init(_ name: String, _ family: FunctionFamily, usage: String, arguments: [FunctionArgument], result: ValueType,
         scope: FunctionScope, explain: ExplainLine, takes: String = "", kind: FunctionKind, summary: String) {
        self.name = name
        self.family = family
        self.usage = usage
        self.arguments = arguments
        self.result = result
        self.scope = scope
        self.summary = summary
        self.explain = explain
        self.kind = kind
        self.takes = takes
    }

    /// How many arguments it accepts.
    var arity: ClosedRange<Int> {
        let required = arguments.filter { !$0.optional }.count
        if arguments.contains(where: { if case .repeating = $0.kind { return true } else { return false } }) {
            return max(1, required)...FunctionCatalog.maximumArguments
        }
        return required...arguments.count
    }

    /// Whether an argument of this kind is declared.
    func declares(_ kind: FunctionArgumentKind) -> Bool { arguments.contains { $0.kind == kind } }
}

/// The README's sections of the function reference, in order.
public enum FunctionFamily: String, Sendable, CaseIterable {
    case math = "Numbers"
    case dates = "Dates and times"
    case presence = "Optional columns"
    case aggregate = "Per-worker aggregates over a table"
    case perKey = "Per key within a worker"
    case group = "Across workers"
    case each = "Over the values of a choice column"
    case history = "History"
}

/// What a function sees and where it may be written.
public enum FunctionScope: String, Sendable {
    /// Anywhere, including row filters and values (it reads only its arguments).
    case row
    /// Per worker, over the rows of an input table (not inside a row expression).
    case worker
    /// Across the workers of a group, or of the whole period.
    case group
    /// Across assessment periods (earlier periods' results).
    case period
}

public struct FunctionArgument: Sendable {
    public let name: String
    public let kind: FunctionArgumentKind
    public let optional: Bool

    init(_ name: String, _ kind: FunctionArgumentKind, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.optional = optional
    }
}

public enum FunctionArgumentKind: Sendable, Equatable, CustomStringConvertible {
    /// Any expression of this type.
    case value(ValueType)
    /// One or more expressions of this type: `min(a, b, …)`.
    case repeating(ValueType)
    /// A whole number written in place, within bounds: round()'s decimals.
    case wholeNumberLiteral(ClosedRange<Int>)
    /// A column declared `optional = true`.
    case optionalColumn
    /// The name of an input table.
    case table
    /// An expression over one row of the table (nil: any type).
    case rowValue(ValueType?)
    /// A true/false expression over one row of the table.
    case rowCondition
    /// A per-worker expression of this type.
    case workerValue(ValueType)
    /// A per-worker value whose equal values form a group (e.g. 网格编号).
    case groupKey
    /// A closed-choice column of the table; `each` stands for each of its values.
    case choiceColumn
    /// A condition over inner aggregates of the rows of one key (count_by).
    case perKeyCondition
    /// The name of a true/false value of [values].
    case booleanValueName
    /// A whole number of periods in `periodsRange`, written in place.
    case periods
    /// `missing = true` or `missing = false`.
    case missingDefault

    /// consecutive()'s number of periods (this one included): up to two years of months. The
    /// checker's bound, its message and the function reference all read it.
    public static let periodsRange: ClosedRange<Int> = 1...24

    public var description: String {
        switch self {
        case .value(let t), .repeating(let t): "\(t)"
        case .wholeNumberLiteral(let r): "a whole number \(r.lowerBound) to \(r.upperBound) written in place"
        case .optionalColumn: "an optional column"
        case .table: "an input table"
        case .rowValue(let t): t.map { "\($0) per row" } ?? "a value per row"
        case .rowCondition: "true/false per row"
        case .workerValue(let t): "\(t) per worker"
        case .groupKey: "a value per worker (the group)"
        case .choiceColumn: "a choice column"
        case .perKeyCondition: "true/false over inner aggregates of one key"
        case .booleanValueName: "a true/false name of [values]"
        case .periods: FunctionArgumentKind.wholeNumberLiteral(Self.periodsRange).description
        case .missingDefault: "missing = true or false"
        }
    }
}

/// How `explain` shows where a function was used.
public enum ExplainLine: String, Sendable {
    /// Part of the formula it is written in; the formula's value is shown.
    case inFormula = "in its formula"
    /// A line of its own: the call, its value and the input files it read.
    case valueAndFiles = "own line with its value and input files"
    /// A line of its own with its value, then the per-worker values it combined.
    case valueAndInputs = "own line with its value, then the values it combines"
    /// A line listing each period's value.
    case periods = "own line with each period's value"
}

/// What kind of thing the function is, and its implementation.
enum FunctionKind: Sendable {
    /// Evaluated from its arguments' values.
    case scalar(ScalarFunction)
    /// A date or time written in the rule file, checked where written: datetime("…").
    case literal
    /// A running total of a worker's rows (RowAccumulation keeps it).
    case aggregate(RunningTotal)
    /// count_by(): keys of a worker's rows whose inner aggregates meet a condition.
    case perKey
    /// A value combined across the workers of each group (GroupFunctions).
    case group(GroupCombine)
    /// A body taken once per value of a choice column, the copies combined.
    case each(EachCombine)
    /// consecutive(): earlier periods' results.
    case history
}

/// A scalar function's implementation: the values of its arguments give its value. Arguments are
/// evaluated in order; an unknown one makes the result unknown and an empty cell is an error at
/// the call, unless the function reads emptiness itself.
public struct ScalarFunction: Sendable {
    public let name: String
    let readsEmpty: Bool
    let evaluate: @Sendable ([Value], SourceLocation) throws(EvaluationError) -> Value
    /// Set for a function that also reads the period being run (its first and last day, the
    /// town's calendar); `evaluate` is then unused.
    let inPeriod: (@Sendable ([Value], PeriodLengths, SourceLocation) throws(EvaluationError) -> Value)?

    init(name: String, readsEmpty: Bool, evaluate: @escaping @Sendable ([Value], SourceLocation) throws(EvaluationError) -> Value) {
        self.name = name
        self.readsEmpty = readsEmpty
        self.evaluate = evaluate
        inPeriod = nil
    }

    init(name: String, readsEmpty: Bool, inPeriod: @escaping @Sendable ([Value], PeriodLengths, SourceLocation) throws(EvaluationError) -> Value) {
        self.name = name
        self.readsEmpty = readsEmpty
        self.evaluate = { _, _ in preconditionFailure("\(name)() reads the period: called through inPeriod") }
        self.inPeriod = inPeriod
    }
}

/// How a running total adds up a worker's rows.
enum RunningTotal: Sendable {
    /// The number of rows.
    case count
    /// Each row's number folded into a (count, accumulated) pair, read out at the end.
    case fold(NumericFold)
    /// The number of distinct non-empty values.
    case distinct
    /// count_by() (PerKeySums).
    case perKey
}

struct NumericFold: Sendable {
    /// Adds one row's number to the pair.
    let add: @Sendable (_ rows: inout Int, _ accumulated: inout ExactNumber, _ value: ExactNumber) throws(ArithmeticError) -> Void
    /// The aggregate's value from the pair (no rows: rows == 0).
    let result: @Sendable (_ rows: Int, _ accumulated: ExactNumber) throws(ArithmeticError) -> ExactNumber
}

/// How a function across workers combines the values of a group's members.
enum GroupCombine: Sendable {
    /// Each member's result from its group's members' values (in roster order).
    case members(@Sendable ([ExactNumber]) throws(ArithmeticError) -> [ExactNumber])
    /// Each group's result from every group's members' values (group_rank()).
    case groups(@Sendable ([[ExactNumber]]) throws(ArithmeticError) -> [ExactNumber])
}

/// How the copies of a *_each() body (one per value of the choice column) are combined, at the
/// call's position.
struct EachCombine: Sendable {
    let combine: @Sendable ([CheckedExpr], SourceLocation) -> CheckedExpr
}
