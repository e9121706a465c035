/// count_by(): per worker, per key (e.g. a day), the inner running totals of the rows read so
/// far (count(), or a catalog fold: sum, mean, min_of, max_of); at scoring time, the keys whose
/// totals meet the condition are counted.
final class PerKeySums {
    /// One inner aggregate's running total for one key.
    struct Total {
        var rows = 0
        var accumulated = ExactNumber.zero
    }

    let spec: PerKeySpec
    let key: RowFunction
    let values: [RowFunction?]
    let period: PeriodLengths
    /// Where the rule file writes this count_by() (errors point there).
    let location: SourceLocation?
    /// Per worker: key → inner totals.
    var totals: [[Value: [Total]]]

    init(spec aggregate: AggregateSpec, table: TableSpec, workers: Int, period: PeriodLengths) {
        spec = aggregate.perKey!
        self.period = period
        location = aggregate.location
        let compiler = RowCompiler(spec: table, period: period)
        key = compiler.function(spec.key)
        values = spec.values.map { $0.map(compiler.function) }
        totals = Array(repeating: [:], count: workers)
    }

    func add(_ row: RowView, worker: Int) throws(EvaluationError) {
        let k = try key(row)
        if k.isEmpty { throw EvaluationError.emptyValue(at: spec.key.location ?? location) }
        var current = totals[worker][k] ?? Array(repeating: Total(), count: values.count)
        for (i, f) in values.enumerated() {
            switch spec.totals[i] {
            case .count:
                current[i].rows += 1
            case .fold(let fold):
                let v = try f!(row)
                // The checker types a sum's value a number (summedValueType); a row has no unknown.
                guard case .number(let n) = v else {
                    precondition(v.isEmpty, "the checker types a summed value a number")
                    throw EvaluationError.emptyValue(at: spec.values[i]?.location ?? location)
                }
                var total = current[i]
                do { try fold.add(&total.rows, &total.accumulated, n) } catch { throw EvaluationError(error, at: location) }
                current[i] = total
            case .distinct, .perKey:
                preconditionFailure("the checker allows count() and folds inside count_by()")
            }
        }
        totals[worker][k] = current
    }

    /// How many of the worker's keys meet the condition.
    func count(worker w: Int) throws(EvaluationError) -> Int {
        var n = 0
        for (_, inner) in totals[w] {
            var row: [Value] = []
            for (i, t) in inner.enumerated() { row.append(.number(try result(of: spec.totals[i], t))) }
            let met = try row.withUnsafeBufferPointer { (b) throws(EvaluationError) in
                try Evaluator(scope: RowScope(values: b), period: period).evaluate(spec.condition)
            }
            if met.bool == true { n += 1 }
        }
        return n
    }

    func result(of total: RunningTotal, _ t: Total) throws(EvaluationError) -> ExactNumber {
        switch total {
        case .count: return ExactNumber(t.rows)
        case .fold(let fold):
            do { return try fold.result(t.rows, t.accumulated) } catch { throw EvaluationError(error, at: location) }
        case .distinct, .perKey: preconditionFailure("the checker allows count() and folds inside count_by()")
        }
    }
}
