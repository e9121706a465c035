/// Evaluate phase of the expression language: a checked expression (only the checker makes one)
/// and a scope give a value. Pure: no I/O, no caches, no rows read here; what a leaf name stands
/// for comes from the scope (a row's cells, or a worker's values from Scoring/WorkerScope.swift).

/// The leaves whose value depends on where an expression is evaluated. The checker lets a row
/// expression reach only row columns (RowScope); a worker expression reaches the rest.
protocol EvaluationScope {
    func rowColumn(_ column: Int) throws(EvaluationError) -> Value
    func rosterColumn(_ column: Int) throws(EvaluationError) -> Value
    func symbol(_ symbol: WorkerSymbol) throws(EvaluationError) -> Value
    func aggregate(_ index: Int) throws(EvaluationError) -> Value
    func group(_ index: Int) throws(EvaluationError) -> Value
    func consecutive(_ call: ConsecutiveCall) throws(EvaluationError) -> Value
}

/// `consecutive(name, periods[, missing = …])` as checked: see CheckedExpr.consecutive.
struct ConsecutiveCall {
    let valueName: String
    let value: Int
    let periods: Int
    let missing: Bool?
    let location: SourceLocation
}

/// The lengths of the period being run, the only thing outside the scope an expression reads.
public struct PeriodLengths: Sendable {
    /// `days_in_period`: the days of the month or quarter being run.
    public let days: Int
    /// `days_in_month`: the days of the (last) month being run.
    public let monthDays: Int
    /// `period_first_day()` and `period_last_day()` (the month's for rule-file checks of a row).
    public var firstDay = CivilDate(year: 1970, month: 1, day: 1)
    public var lastDay = CivilDate(year: 1970, month: 1, day: 1)
    /// What `working_days()` counts (the rule file's [calendar]).
    public var calendar = WorkCalendar()

    public init(days: Int, monthDays: Int) {
        self.days = days
        self.monthDays = monthDays
    }

    /// The period being run: its days, its (last) month's, its first and last day (each month
    /// as `month_starts_on` makes it) and the town's calendar.
    public init(days: Int, monthDays: Int, firstDay: CivilDate, lastDay: CivilDate, calendar: WorkCalendar) {
        self.init(days: days, monthDays: monthDays)
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.calendar = calendar
    }
}

/// One row's typed cells: the scope of aggregate filters and values, row checks and deductions.
struct RowScope: EvaluationScope {
    let values: UnsafeBufferPointer<Value>

    func rowColumn(_ column: Int) throws(EvaluationError) -> Value { values[column] }
    func rosterColumn(_ column: Int) throws(EvaluationError) -> Value { Self.wrongScope() }
    func symbol(_ symbol: WorkerSymbol) throws(EvaluationError) -> Value { Self.wrongScope() }
    func aggregate(_ index: Int) throws(EvaluationError) -> Value { Self.wrongScope() }
    func group(_ index: Int) throws(EvaluationError) -> Value { Self.wrongScope() }
    func consecutive(_ call: ConsecutiveCall) throws(EvaluationError) -> Value { Self.wrongScope() }

    /// The checker keeps worker names out of row expressions (RowScope or not is decided by the
    /// expression's scope when it is checked); reaching one is a bug, not a rule error.
    static func wrongScope() -> Never {
        preconditionFailure("a worker value was read while evaluating one row")
    }
}

struct Evaluator<Scope: EvaluationScope> {
    let scope: Scope
    let period: PeriodLengths

    /// Arithmetic, comparisons and functions of an unknown (missing history) are unknown.
    func evaluate(_ e: CheckedExpr) throws(EvaluationError) -> Value {
        do throws(EvaluationError) {
            return try strict(e)
        } catch {
            if error.unknownOperand { return .unknown }
            throw error
        }
    }

    /// A number operand of the node written at `loc` (errors point there). The checker types it
    /// a number, so it is a number, an empty cell or unknown (missing history).
    func number(_ e: CheckedExpr, at loc: SourceLocation) throws(EvaluationError) -> ExactNumber {
        let v = try evaluate(e)
        guard let n = v.number else {
            if v.isEmpty { throw EvaluationError.emptyValue(at: loc) }
            precondition(v.isUnknown, "the checker types this operand a number")
            // Caught by the enclosing evaluate(), which makes the whole expression unknown.
            var error = EvaluationError.unknown(RulePlaces.anOperand, at: loc)
            error.unknownOperand = true
            throw error
        }
        return n
    }

    func strict(_ e: CheckedExpr) throws(EvaluationError) -> Value {
        switch e {
        case .constant(let v): return v
        case .daysInPeriod: return .number(ExactNumber(period.days))
        case .daysInMonth: return .number(ExactNumber(period.monthDays))
        case .rowColumn(let i): return try scope.rowColumn(i)
        case .rosterColumn(let i): return try scope.rosterColumn(i)
        case .symbol(let s): return try scope.symbol(s)
        case .aggregate(let a): return try scope.aggregate(a)
        case .group(let g): return try scope.group(g)
        case .consecutive(let name, let value, let periods, let missing, let loc):
            return try scope.consecutive(ConsecutiveCall(valueName: name, value: value, periods: periods, missing: missing, location: loc))
        case .negate(let a, let loc):
            let n = try number(a, at: loc)
            return .number(try exact(at: loc) { () throws(ArithmeticError) in try n.negated() })
        case .not(let a):
            // Three-valued: unknown (missing history) passes through.
            let x = try evaluate(a)
            return x.isUnknown ? .unknown : .bool(!(x.bool ?? false))
        case .and(let a, let b): return try and(a, b)
        case .or(let a, let b): return try or(a, b)
        case .conditional(let c, let a, let b):
            let x = try evaluate(c)
            if x.isUnknown { return .unknown }
            return x.bool == true ? try evaluate(a) : try evaluate(b)
        case .arithmetic(let op, let a, let b, let loc): return try arithmetic(op, a, b, at: loc)
        case .compare(let op, let a, let b, let loc): return try compare(op, a, b, at: loc)
        case .function(let fn, let args, let loc): return try call(fn, args, at: loc)
        }
    }

    /// False and unknown is false; true and unknown is unknown.
    func and(_ a: CheckedExpr, _ b: CheckedExpr) throws(EvaluationError) -> Value {
        let x = try evaluate(a)
        if x.bool == false { return .bool(false) }
        let y = try evaluate(b)
        if y.bool == false { return .bool(false) }
        return x.isUnknown || y.isUnknown ? .unknown : .bool(true)
    }

    /// True or unknown is true; false or unknown is unknown.
    func or(_ a: CheckedExpr, _ b: CheckedExpr) throws(EvaluationError) -> Value {
        let x = try evaluate(a)
        if x.bool == true { return .bool(true) }
        let y = try evaluate(b)
        if y.bool == true { return .bool(true) }
        return x.isUnknown || y.isUnknown ? .unknown : .bool(false)
    }

    func arithmetic(_ op: BinaryOperator, _ a: CheckedExpr, _ b: CheckedExpr, at loc: SourceLocation) throws(EvaluationError) -> Value {
        let x = try number(a, at: loc), y = try number(b, at: loc)
        return .number(try exact(at: loc) { () throws(ArithmeticError) in
            switch op {
            case .add: return try x.adding(y)
            case .subtract: return try x.subtracting(y)
            case .multiply: return try x.multiplied(by: y)
            case .divide: return try x.divided(by: y)
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .and, .or:
                preconditionFailure("the checker makes only + - * / arithmetic")
            }
        })
    }

    func compare(_ op: BinaryOperator, _ a: CheckedExpr, _ b: CheckedExpr, at loc: SourceLocation) throws(EvaluationError) -> Value {
        let x = try evaluate(a), y = try evaluate(b)
        if x.isUnknown || y.isUnknown { return .unknown }
        if x.isEmpty || y.isEmpty { throw EvaluationError.emptyValue(at: loc) }
        let order: Int
        switch (op, x, y) {
        case (.equal, _, _): return .bool(x == y)
        case (.notEqual, _, _): return .bool(x != y)
        case (_, .number(let p), .number(let q)): order = p < q ? -1 : (p == q ? 0 : 1)
        case (_, .date(let p), .date(let q)): order = p < q ? -1 : (p == q ? 0 : 1)
        case (_, .datetime(let p), .datetime(let q)): order = p < q ? -1 : (p == q ? 0 : 1)
        default: preconditionFailure("the checker orders only numbers, dates and times of one type (cannotCompare)")
        }
        switch op {
        case .less: return .bool(order < 0)
        case .lessOrEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        case .greaterOrEqual: return .bool(order >= 0)
        case .equal, .notEqual, .add, .subtract, .multiply, .divide, .and, .or:
            preconditionFailure("the checker makes only ordering comparisons here")
        }
    }

    /// Exact arithmetic whose failure (overflow, division by zero) points at `loc`.
    func exact<T>(at loc: SourceLocation, _ body: () throws(ArithmeticError) -> T) throws(EvaluationError) -> T {
        try EvaluationError.exact(at: loc, body)
    }
}
