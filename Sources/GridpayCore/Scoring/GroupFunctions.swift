/// Functions across workers: group_mean() and friends, ranks, and the awards split among workers.
extension MonthComputation {
    /// Computes a group function for every worker at once (errors point at the call).
    func group(_ g: Int) throws(EvaluationError) -> [Value] {
        if let r = groupResults[g] { return r }
        let isRank = g == rankGroupOfTotal
        // 排名: rank by total, descending; equal totals share a rank and the next rank skips.
        let spec = isRank ? GroupSpec(kind: .rank, key: nil, value: .symbol(.total), text: "the rank") : rules.groups[g]
        var keys: [Value] = []
        var values: [ExactNumber] = []
        for w in 0..<workerCount {
            keys.append(try spec.key.map { (e) throws(EvaluationError) in try value(e, worker: w) } ?? .bool(true))
            if let valueExpr = spec.value { values.append(try value(valueExpr, worker: w).number ?? .zero) }
        }
        var members: [Value: [Int]] = [:]
        for (w, k) in keys.enumerated() { members[k, default: []].append(w) }
        let result: [Value]
        do {
            result = try GroupCombination.results(spec.kind, members: Array(members.values), values: values, workers: workerCount)
        } catch {
            throw EvaluationError(error, at: spec.location, in: " in \(spec.text)")
        }
        groupResults[g] = result
        return result
    }


    /// Every worker's share of award `k` (zero for those who get none); see AwardSpec.
    func awardShares(_ k: Int) throws(EvaluationError) -> [ExactNumber] {
        if let r = awardResults[k] { return r }
        let spec = rules.awards[k]
        var pots: [Value: [Int]] = [:]
        for w in 0..<workerCount {
            guard try value(spec.to, worker: w).bool == true else { continue }
            let key = try spec.per.map { (e) throws(EvaluationError) in try value(e, worker: w) } ?? .bool(true)
            pots[key, default: []].append(w)
        }
        var result = [ExactNumber](repeating: .zero, count: workerCount)
        for (_, ws) in pots {
            let shares = AwardSplit.shares(of: spec.amount, ids: ws.map { ids[$0] })
            for (w, share) in zip(ws, shares) { result[w] = share }
        }
        awardResults[k] = result
        return result
    }
}
