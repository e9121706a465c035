/// count_by(): per worker, per key (e.g. a day), the inner sums and counts of the rows read so
/// far; at scoring time, the keys whose sums meet the condition are counted.
final class PerKeySums {
    let spec: PerKeySpec
    let key: RowFunction
    let values: [RowFunction?]
    let period: PeriodLengths
    /// Where the rule file writes this count_by() (errors point there).
    let location: SourceLocation?
    /// Per worker: key → inner aggregate values (sums, or counts for count()).
    var sums: [[Value: [ExactNumber]]]

    init(spec aggregate: AggregateSpec, table: TableSpec, workers: Int, period: PeriodLengths) {
        spec = aggregate.perKey!
        self.period = period
        location = aggregate.location
        let compiler = RowCompiler(spec: table, period: period)
        key = compiler.function(spec.key)
        values = spec.values.map { $0.map(compiler.function) }
        sums = Array(repeating: [:], count: workers)
    }

    func add(_ row: RowView, worker: Int) throws(EvaluationError) {
        let k = try key(row)
        if k.isEmpty { throw EvaluationError.emptyValue(at: spec.key.location ?? location) }
        var current = sums[worker][k] ?? Array(repeating: .zero, count: values.count)
        for (i, f) in values.enumerated() {
            let n: ExactNumber
            if let f {
                let v = try f(row)
                guard case .number(let x) = v else {
                    let at = spec.values[i]?.location ?? location
                    throw v.isEmpty ? EvaluationError.emptyValue(at: at) : EvaluationError("expected a number", at: at)
                }
                n = x
            } else {
                n = .one
            }
            do { current[i] = try current[i].adding(n) } catch { throw EvaluationError(error, at: location) }
        }
        sums[worker][k] = current
    }

    /// How many of the worker's keys meet the condition.
    func count(worker w: Int) throws(EvaluationError) -> Int {
        var n = 0
        for (_, inner) in sums[w] {
            let row = inner.map { Value.number($0) }
            let met = try row.withUnsafeBufferPointer { (b) throws(EvaluationError) in
                try Evaluator(scope: RowScope(values: b), period: period).evaluate(spec.condition)
            }
            if met.bool == true { n += 1 }
        }
        return n
    }
}
