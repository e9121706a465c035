/// The computations the checker finds in expressions and the scoring runs once per period:
/// aggregates over a worker's rows, count_by()'s per-key conditions and group functions.

public struct AggregateSpec: Sendable {
    /// The catalog's name of the aggregate (count, sum, mean, …, count_by).
    public internal(set) var function: String
    /// How its running total adds up rows (from the catalog entry).
    var total: RunningTotal
    public internal(set) var table: Int
    public internal(set) var value: CheckedExpr?
    public internal(set) var filter: CheckedExpr?
    public internal(set) var text: String
    /// count_by(): the key rows are grouped by within a worker, and the condition on each key's
    /// inner sums and counts (see PerKeySpec).
    public internal(set) var perKey: PerKeySpec? = nil
    /// Where the rule file first writes this aggregate (evaluation errors point there).
    public internal(set) var location: SourceLocation? = nil
}

/// `count_by(table, key, condition[, filter])`: the number of keys (e.g. days) of a worker whose
/// rows meet `condition`, where `condition` reads inner aggregates over the rows of that key:
/// inner aggregate k is `.rowColumn(k)` in `condition`.
public struct PerKeySpec: Sendable {
    public internal(set) var key: CheckedExpr
    /// Per inner aggregate: the summed row value, or nil for count().
    public internal(set) var values: [CheckedExpr?]
    /// Per inner aggregate: its running total (count, or a fold of the catalog: sum, mean, …).
    var totals: [RunningTotal]
    public internal(set) var condition: CheckedExpr
}

public struct GroupSpec: Sendable {
    /// The catalog's name of the function (group_mean, rank, …).
    public internal(set) var function: String
    /// How the members' values give each member's result (from the catalog entry).
    var combine: GroupCombine
    /// nil: over every worker of the period.
    public internal(set) var key: CheckedExpr?
    public internal(set) var value: CheckedExpr?
    public internal(set) var text: String
    /// Where the rule file first writes this computation (evaluation errors point there).
    public internal(set) var location: SourceLocation? = nil
}
