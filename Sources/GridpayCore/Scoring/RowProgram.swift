/// The row-scope rules of one table (aggregate filters and values, per-row deductions), compiled
/// once into closures, so that the per-row work is a few calls rather than a tree walk.

/// One decoded row: typed values, and for closed-choice columns the index of the value, so that
/// `出勤 == "缺席"` is an integer comparison.
public struct RowView {
    public let values: UnsafeBufferPointer<Value>
    public let choices: UnsafeBufferPointer<Int32>
    /// The raw cell of each declared column (for the {placeholders} of deduction reasons).
    public let fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>
}

typealias RowFunction = (RowView) throws(EvaluationError) -> Value
typealias RowPredicate = (RowView) throws(EvaluationError) -> Bool

final class TablePlan {
    struct Aggregate {
        let index: Int
        let total: RunningTotal
        let filter: RowPredicate?
        /// A plain numeric column: added without evaluating anything.
        let column: Int?
        let value: RowFunction?
    }

    struct Deduction {
        let item: Int
        let deduction: Int
        let when: RowPredicate?
        let points: RowFunction?
        let yuan: RowFunction?
        let reason: String
        let location: SourceLocation
        /// Slot group of this (table, item) in the accumulators.
        let pair: Int
    }

    let aggregates: [Aggregate]
    let deductions: [Deduction]

    init(table: Int, rules: RuleSet, pairs: [Int: Int], period: PeriodLengths) {
        let spec = rules.tables[table]
        let compiler = RowCompiler(spec: spec, period: period)
        var aggregates: [Aggregate] = []
        for (a, agg) in rules.aggregates.enumerated() where agg.table == table {
            var column: Int?
            if case .rowColumn(let c)? = agg.value, spec.columns[c].type.valueType == .number, case .fold = agg.total { column = c }
            aggregates.append(Aggregate(index: a, total: agg.total, filter: agg.filter.map(compiler.predicate),
                                        column: column, value: agg.value.map(compiler.function)))
        }
        var deductions: [Deduction] = []
        for (i, item) in rules.items.enumerated() {
            for (j, d) in item.deductions.enumerated() {
                guard case .perRow(let t, let when) = d.source, t == table else { continue }
                deductions.append(Deduction(item: i, deduction: j, when: when.map(compiler.predicate), points: d.points.map(compiler.function),
                                            yuan: d.yuan.map(compiler.function), reason: d.reason, location: d.location, pair: pairs[i]!))
            }
        }
        self.aggregates = aggregates
        self.deductions = deductions
    }
}

/// Compiles the common shapes of row expressions (a choice column against a literal, and/or/not,
/// if, plain columns) into closures; everything else runs through the shared Evaluator.
struct RowCompiler {
    let spec: TableSpec
    let period: PeriodLengths

    func choiceIndex(_ column: Int, _ text: String) -> Int32? {
        // (An optional column may be empty: compared through the evaluator, which refuses no value.)
        guard case .choice(let values) = spec.columns[column].type, !spec.columns[column].optional,
              let k = values.firstIndex(of: text) else { return nil }
        return Int32(k)
    }

    func predicate(_ e: CheckedExpr) -> RowPredicate {
        switch e {
        case .constant(.bool(let b)):
            return { _ in b }
        case .compare(let op, .rowColumn(let c), .constant(.text(let t)), _) where (op == .equal || op == .notEqual) && choiceIndex(c, t) != nil,
             .compare(let op, .constant(.text(let t)), .rowColumn(let c), _) where (op == .equal || op == .notEqual) && choiceIndex(c, t) != nil:
            let k = choiceIndex(c, t)!
            let equal = op == .equal
            // An empty optional cell has no index (-1): the shared evaluator says what that means.
            let slow = general(e)
            return { (row) throws(EvaluationError) in
                let v = row.choices[c]
                if v < 0 { return try slow(row).bool == true }
                return (v == k) == equal
            }
        case .and(let a, let b):
            let pa = predicate(a), pb = predicate(b)
            return { (row) throws(EvaluationError) in
                if try !pa(row) { return false }
                return try pb(row)
            }
        case .or(let a, let b):
            let pa = predicate(a), pb = predicate(b)
            return { (row) throws(EvaluationError) in
                if try pa(row) { return true }
                return try pb(row)
            }
        case .not(let a):
            let pa = predicate(a)
            return { (row) throws(EvaluationError) in try !pa(row) }
        case .constant, .rowColumn, .rosterColumn, .symbol, .daysInPeriod, .daysInMonth, .negate, .arithmetic,
             .compare, .conditional, .function, .aggregate, .group, .consecutive:
            // Not through function(_:): that sends comparisons back here (an endless recursion
            // once crashed every row filter but a choice column against a literal).
            let f = general(e)
            return { (row) throws(EvaluationError) in try f(row).bool == true }
        }
    }

    /// Any row expression through the shared evaluator.
    func general(_ e: CheckedExpr) -> RowFunction {
        let period = self.period
        return { (row) throws(EvaluationError) in try Evaluator(scope: RowScope(values: row.values), period: period).evaluate(e) }
    }

    func function(_ e: CheckedExpr) -> RowFunction {
        switch e {
        case .constant(let v):
            return { _ in v }
        case .rowColumn(let c):
            return { row in row.values[c] }
        case .conditional(let c, let a, let b):
            let pc = predicate(c), fa = function(a), fb = function(b)
            return { (row) throws(EvaluationError) in
                if try pc(row) { return try fa(row) }
                return try fb(row)
            }
        case .compare, .and, .or, .not:
            let p = predicate(e)
            return { (row) throws(EvaluationError) in .bool(try p(row)) }
        case .rosterColumn, .symbol, .daysInPeriod, .daysInMonth, .negate, .arithmetic, .function, .aggregate, .group, .consecutive:
            return general(e)
        }
    }
}
