/// Functions across workers: group_mean() and friends, ranks (GroupCombination applies the
/// catalog's combine), and the awards split among workers.
extension MonthScoring {
    /// Computes a group function for every worker at once (errors point at the call).
    func group(_ g: Int) throws(EvaluationError) -> [Value] {
        if let r = groupResults[g] { return r }
        let spec = g == rankGroupOfTotal ? rankOfTotals : rules.groups[g]
        var keys: [Value] = []
        var values: [ExactNumber] = []
        for w in 0..<workerCount {
            keys.append(try spec.key.map { (e) throws(EvaluationError) in try value(e, worker: w) } ?? .bool(true))
            // group_count() and overall_count() read no value: every member counts as 0.
            values.append(try spec.value.map { (e) throws(EvaluationError) in try value(e, worker: w).number ?? .zero } ?? .zero)
        }
        var members: [Value: [Int]] = [:]
        var order: [Value] = []
        for (w, k) in keys.enumerated() {
            if members[k] == nil { order.append(k) }
            members[k, default: []].append(w)
        }
        let result: [Value]
        do {
            result = try GroupCombination.results(spec.combine, members: order.map { members[$0]! }, values: values, workers: workerCount)
        } catch {
            throw EvaluationError(error, at: spec.location, in: spec.text)
        }
        groupResults[g] = result
        return result
    }

    /// 排名: rank() of 总分 over every worker (descending, equal totals share a rank, next skips).
    var rankOfTotals: GroupSpec {
        guard case .group(let combine)? = FunctionCatalog.entry(named: "rank")?.kind else { preconditionFailure("the catalog has rank()") }
        return GroupSpec(function: "rank", combine: combine, key: nil, value: .symbol(.total), text: "the rank")
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
        var potOf: [Int: (key: Value?, size: Int)] = [:]
        for (key, ws) in pots {
            let shares = AwardSplit.shares(of: spec.amount, ids: ws.map { ids[$0] })
            for (w, share) in zip(ws, shares) {
                result[w] = share
                potOf[w] = (spec.per == nil ? nil : key, ws.count)
            }
        }
        awardResults[k] = result
        awardPots[k] = potOf
        return result
    }

    /// The lines of 扣分明细 for a worker's shares of charged awards (SPEC §11's 部门负激励), so that
    /// the worker's 扣分明细 yuan add up to 扣款合计: 0 points, the share in yuan, the rule's line
    /// as source. Paid awards (标兵奖励) are not deductions and have no line.
    func chargeLines(worker w: Int) throws(EvaluationError) -> [ChargeLine] {
        var out: [ChargeLine] = []
        for (k, a) in rules.awards.enumerated() where a.direction == .charge {
            let share = try awardShares(k)[w]
            guard share != .zero, let pot = awardPots[k]?[w] else { continue }
            out.append(ChargeLine(award: k, reason: ChargeLine.reason(a, key: pot.key, sharedBy: pot.size), yuan: share, location: a.location))
        }
        return out
    }
}

/// One line of 扣分明细 for a charged award's share (see `MonthScoring.chargeLines`).
public struct ChargeLine: Sendable, Equatable {
    public var award: Int
    public var reason: String
    public var yuan: ExactNumber
    /// The rule file's [[awards]] entry.
    public var location: SourceLocation

    /// The workbook's words, in Chinese only as every sheet is (its bytes never depend on the
    /// reader's language): e.g. 部门负激励（末位部门 生产一车间，300 元由 9 人分担）.
    static func reason(_ a: AwardSpec, key: Value?, sharedBy size: Int) -> String {
        "\(a.name)（\(a.toText)\(key.map { " \($0.description)" } ?? "")，\(a.amount) 元由 \(size) 人分担）"
    }
}
