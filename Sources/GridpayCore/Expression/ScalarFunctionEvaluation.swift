/// Evaluation of a scalar function: its arguments in order, then the catalog's implementation.
extension Evaluator {
    func call(_ fn: ScalarFunction, _ args: [CheckedExpr], at loc: SourceLocation) throws(EvaluationError) -> Value {
        var values: [Value] = []
        values.reserveCapacity(args.count)
        for a in args {
            let v = try evaluate(a)
            // Functions of an unknown are unknown; an empty cell is no value (has() reads it).
            if v.isUnknown { return .unknown }
            if v.isEmpty && !fn.readsEmpty { throw EvaluationError.emptyValue(at: loc) }
            values.append(v)
        }
        if let inPeriod = fn.inPeriod { return try inPeriod(values, period, loc) }
        return try fn.evaluate(values, loc)
    }
}
