/// count_by(): per worker, per key (e.g. a day), the inner sums and counts of the rows read so
/// far; at scoring time, the keys whose sums meet the condition are counted.
final class PerKeySums {
    let spec: PerKeySpec
    let key: RowFunction
    let values: [RowFunction?]
    /// Per worker: key → inner aggregate values (sums, or counts for count()).
    var sums: [[Value: [ExactNumber]]]

    init(spec aggregate: AggregateSpec, table: TableSpec, workers: Int, month: MonthComputation) {
        spec = aggregate.perKey!
        let compiler = RowCompiler(spec: table) { [unowned month] (e, row) throws(EvaluationError) in try month.evaluateRow(e, row) }
        key = compiler.function(spec.key)
        values = spec.values.map { $0.map(compiler.function) }
        sums = Array(repeating: [:], count: workers)
    }

    func add(_ row: RowView, worker: Int) throws(EvaluationError) {
        let k = try key(row)
        if k.isEmpty { throw EvaluationError.emptyValue }
        var current = sums[worker][k] ?? Array(repeating: .zero, count: values.count)
        do {
            for (i, f) in values.enumerated() {
                if let f {
                    let v = try f(row)
                    guard case .number(let n) = v else { throw v.isEmpty ? EvaluationError.emptyValue : EvaluationError("expected a number", at: nil) }
                    current[i] = try current[i].adding(n)
                } else {
                    current[i] = try current[i].adding(.one)
                }
            }
        } catch let e as EvaluationError { throw e } catch { throw EvaluationError("\(error)", at: nil) }
        sums[worker][k] = current
    }

    /// How many of the worker's keys meet the condition.
    func count(worker w: Int, month: MonthComputation) throws(EvaluationError) -> Int {
        var n = 0
        for (_, inner) in sums[w] {
            let row = inner.map { Value.number($0) }
            let met = try row.withUnsafeBufferPointer { (b) throws(EvaluationError) in try month.evaluateRow(spec.condition, b) }
            if met.bool == true { n += 1 }
        }
        return n
    }
}
