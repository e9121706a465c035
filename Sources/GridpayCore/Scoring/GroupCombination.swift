/// Applies a function across workers (its catalog GroupCombine) to the groups of a period. Pure:
/// `members` are the workers of each group (any order of groups), `values` every worker's value.
enum GroupCombination {
    static func results(_ combine: GroupCombine, members: [[Int]], values: [ExactNumber], workers: Int) throws(ArithmeticError) -> [Value] {
        var result = [Value](repeating: .number(.zero), count: workers)
        switch combine {
        case .members(let f):
            for ws in members {
                for (w, v) in zip(ws, try f(ws.map { values[$0] })) { result[w] = .number(v) }
            }
        case .groups(let f):
            for (ws, v) in zip(members, try f(members.map { $0.map { values[$0] } })) {
                for w in ws { result[w] = .number(v) }
            }
        }
        return result
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
    static func ranksOfMeans(_ groups: [[ExactNumber]]) throws(ArithmeticError) -> [ExactNumber] {
        var means: [ExactNumber] = []
        for vs in groups { means.append(try FunctionCatalog.mean(vs)) }
        return ranks(means)
    }
}
