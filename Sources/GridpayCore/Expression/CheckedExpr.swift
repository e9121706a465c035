/// Check phase output: names resolved to slots, types known. Only these can be evaluated.
public indirect enum CheckedExpr: Sendable {
    case constant(Value)
    /// A column of the row being read (row scope).
    case rowColumn(Int)
    /// A roster column of the worker being scored (worker scope).
    case rosterColumn(Int)
    case symbol(WorkerSymbol)
    /// Days of the period being run (`days_in_period`): a month's or a quarter's.
    case daysInPeriod
    /// Days of the month being run (`days_in_month`; monthly towns only).
    case daysInMonth
    case negate(CheckedExpr, SourceLocation)
    case not(CheckedExpr)
    case arithmetic(BinaryOperator, CheckedExpr, CheckedExpr, SourceLocation)
    case compare(BinaryOperator, CheckedExpr, CheckedExpr, SourceLocation)
    case and(CheckedExpr, CheckedExpr)
    case or(CheckedExpr, CheckedExpr)
    case conditional(CheckedExpr, CheckedExpr, CheckedExpr)
    case function(ScalarFunction, [CheckedExpr], SourceLocation)
    /// Result of a per-worker aggregate over an input table (index into RuleSet.aggregates).
    case aggregate(Int)
    /// Result of a group computation over workers (index into RuleSet.groups).
    case group(Int)
    /// Whether a boolean named value held in this period and in each of the `periods - 1` before.
    /// `missing`: what a period whose results are missing counts as (nil: unknown).
    case consecutive(valueName: String, value: Int, periods: Int, missing: Bool?, SourceLocation)
}

extension CheckedExpr {
    /// The expressions directly inside this one, in evaluation order. Every traversal of the tree
    /// (columns a rule reads, what explain lists, where an error points) goes through this one
    /// exhaustive switch, so a new node does not compile until it says what it contains.
    var children: [CheckedExpr] {
        switch self {
        case .constant, .rowColumn, .rosterColumn, .symbol, .daysInPeriod, .daysInMonth, .aggregate, .group, .consecutive:
            return []
        case .negate(let a, _), .not(let a): return [a]
        case .arithmetic(_, let a, let b, _), .compare(_, let a, let b, _), .and(let a, let b), .or(let a, let b): return [a, b]
        case .conditional(let a, let b, let c): return [a, b, c]
        case .function(_, let args, _): return args
        }
    }

    /// Where the rule file writes this expression: its own position where the node keeps one,
    /// else the first position found inside it (nil for a bare name or constant).
    var location: SourceLocation? {
        switch self {
        case .negate(_, let loc), .arithmetic(_, _, _, let loc), .compare(_, _, _, let loc), .function(_, _, let loc),
             .consecutive(_, _, _, _, let loc):
            return loc
        case .constant, .rowColumn, .rosterColumn, .symbol, .daysInPeriod, .daysInMonth, .aggregate, .group,
             .not, .and, .or, .conditional:
            for child in children { if let loc = child.location { return loc } }
            return nil
        }
    }

    /// Row columns this expression reads (row scope).
    func rowColumns(into used: inout Set<Int>) {
        if case .rowColumn(let i) = self { used.insert(i) }
        for child in children { child.rowColumns(into: &used) }
    }
}

/// Worker-level names that other expressions can refer to.
public enum WorkerSymbol: Hashable, Sendable {
    case value(Int)
    case item(Int)
    case total
    case rank
    case dutyMet
    case payBase
    case scorePay
    /// An award or charge of `[[awards]]` (index), the worker's share.
    case award(Int)
    /// The yuan of all items' deductions (named by `[pay] item_yuan_label`).
    case itemYuan
    /// 等次: the assessment period's grade band (or a veto's grade).
    case grade
}
