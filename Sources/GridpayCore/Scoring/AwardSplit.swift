/// Splitting an amount equally in cents (SPEC §11): each share is amount / k rounded down to the
/// cent, and the cents left over go one each to the recipients in ascending id order, ids
/// compared as text by Unicode code points. The shares add up to the amount exactly.
public enum AwardSplit {
    /// Shares in the order of `ids` (which need not be sorted). `amount` is a whole number of cents.
    public static func shares(of amount: ExactNumber, ids: [String]) -> [ExactNumber] {
        let k = ids.count
        guard k > 0 else { return [] }
        // amount has at most 2 decimals (checked when the rule file is loaded).
        let cents = Int(amount.numerator * (100 / amount.denominator))
        let each = cents >= 0 ? cents / k : -((-cents + k - 1) / k)
        let left = cents - each * k
        let order = ids.indices.sorted { IdOrder.less(ids[$0], ids[$1]) || (ids[$0] == ids[$1] && $0 < $1) }
        var out = [Int](repeating: each, count: k)
        for j in 0..<left { out[order[j]] += 1 }
        return out.map { (try? ExactNumber(numerator: Int128($0), denominator: 100)) ?? .zero }
    }
}
