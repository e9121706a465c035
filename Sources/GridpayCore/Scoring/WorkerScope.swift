/// Worker scope: the leaves of a worker expression (roster columns, named values, aggregates,
/// groups, history) for one worker, read from the month being computed.
struct WorkerScope: EvaluationScope {
    unowned let month: MonthScoring
    let worker: Int

    /// The checker keeps row columns out of worker expressions; reaching one is a bug, not a rule error.
    func rowColumn(_ column: Int) throws(EvaluationError) -> Value {
        preconditionFailure("a row column was read while scoring a worker")
    }
    func rosterColumn(_ column: Int) throws(EvaluationError) -> Value { month.rosterRows[worker][column] }
    func symbol(_ symbol: WorkerSymbol) throws(EvaluationError) -> Value { try month.symbol(symbol, worker: worker) }
    func aggregate(_ index: Int) throws(EvaluationError) -> Value { try month.aggregate(index, worker: worker) }
    func group(_ index: Int) throws(EvaluationError) -> Value { try month.group(index)[worker] }
    func consecutive(_ call: ConsecutiveCall) throws(EvaluationError) -> Value { try month.consecutive(call, worker: worker) }
}

extension MonthScoring {
    /// A worker-scope expression that must be known (items, pay, duty, groups, vetoes…): one that
    /// depends on missing history is an error (EvaluationError.unknownHistory) at the expression.
    public func value(_ e: CheckedExpr, worker w: Int) throws(EvaluationError) -> Value {
        let v = try valueAllowingUnknown(e, worker: w)
        if v.isUnknown { throw EvaluationError.unknown(RulePlaces.thisValue, at: e.location) }
        return v
    }

    /// A worker-scope expression that may be unknown: [values] (passed on) and flags (not raised).
    public func valueAllowingUnknown(_ e: CheckedExpr, worker w: Int) throws(EvaluationError) -> Value {
        try Evaluator(scope: WorkerScope(month: self, worker: w), period: lengths).evaluate(e)
    }

    /// The running total of aggregate `a` for worker `index` (or for the worker's group, when the
    /// aggregate is over a group table), as RowAccumulation left it.
    func aggregate(_ a: Int, worker index: Int) throws(EvaluationError) -> Value {
        let w = read.aggregateOverGroup[a] ? groups.groupOf[index] : index
        let spec = rules.aggregates[a]
        switch spec.total {
        case .count: return .number(ExactNumber(acc.counts[acc.slot(a, w)]))
        case .distinct: return .number(ExactNumber(read.distinct[a]?.sets[w].count ?? 0))
        case .perKey: return .number(ExactNumber(try read.perKey[a]?.count(worker: w) ?? 0))
        case .fold(let fold):
            // The catalog's fold says what no rows give (0 for mean, min_of, max_of).
            let k = acc.slot(a, w)
            do { return .number(try fold.result(acc.counts[k], acc.sums[k])) } catch {
                throw EvaluationError(error, at: spec.location, in: spec.text)
            }
        }
    }
}
