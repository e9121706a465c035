/// How a function across workers turns the members' values into each member's result. Pure:
/// `members` are the workers of each group (any order of groups), `values` every worker's value.
enum GroupCombination {
    static func results(_ kind: GroupSpec.Kind, members: [[Int]], values: [ExactNumber], workers: Int) throws(ArithmeticError) -> [Value] {
        var result = [Value](repeating: .number(.zero), count: workers)
        switch kind {
        case .groupRank:
            for (ws, rank) in try ranksOfGroupMeans(members, values) {
                for w in ws { result[w] = .number(ExactNumber(rank)) }
            }
        case .count, .sum, .mean, .min, .max, .rank:
            for ws in members {
                for (w, v) in zip(ws, try withinGroup(kind, ws, values)) { result[w] = .number(v) }
            }
        }
        return result
    }

    /// Each member's result within one group, in the order of `ws`.
    static func withinGroup(_ kind: GroupSpec.Kind, _ ws: [Int], _ values: [ExactNumber]) throws(ArithmeticError) -> [ExactNumber] {
        switch kind {
        case .count:
            return Array(repeating: ExactNumber(ws.count), count: ws.count)
        case .sum, .mean:
            var s = ExactNumber.zero
            for w in ws { s = try s.adding(values[w]) }
            if kind == .mean { s = try s.divided(by: ExactNumber(ws.count)) }
            return Array(repeating: s, count: ws.count)
        case .min, .max:
            var m = values[ws[0]]
            for w in ws { m = kind == .min ? Swift.min(m, values[w]) : Swift.max(m, values[w]) }
            return Array(repeating: m, count: ws.count)
        case .rank:
            return ranks(ws.map { values[$0] })
        case .groupRank:
            preconditionFailure("group_rank() ranks groups, not members (ranksOfGroupMeans)")
        }
    }

    /// Descending ranks; equal values share a rank and the next rank skips (1, 2, 2, 4).
    static func ranks(_ values: [ExactNumber]) -> [ExactNumber] {
        let order = values.indices.sorted { values[$0] > values[$1] }
        var result = [ExactNumber](repeating: .zero, count: values.count)
        var rank = 0
        for (pos, i) in order.enumerated() {
            if pos == 0 || values[i] != values[order[pos - 1]] { rank = pos + 1 }
            result[i] = ExactNumber(rank)
        }
        return result
    }

    /// Groups ranked by the exact mean of their members' values, highest first; equal means
    /// share a rank and the next rank skips.
    static func ranksOfGroupMeans(_ members: [[Int]], _ values: [ExactNumber]) throws(ArithmeticError) -> [([Int], Int)] {
        var means: [ExactNumber] = []
        for ws in members {
            var s = ExactNumber.zero
            for w in ws { s = try s.adding(values[w]) }
            means.append(try s.divided(by: ExactNumber(ws.count)))
        }
        return zip(members, ranks(means)).map { ($0, Int($1.numerator)) }
    }
}
