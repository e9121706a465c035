/// What reading a period produced (`MonthReading.finish()`), frozen: the roster, each aggregate's
/// running totals and the deductions kept in memory. Scoring reads it and never writes it.
public struct MonthRead {
    /// The period's workers and groups as read.
    public let roster: Roster
    /// Aggregates over a group table (`group = …`): their slots are indexed by group.
    let aggregateOverGroup: [Bool]
    /// [aggregate × worker] and [(table, item) × worker] running totals (Accumulators.swift).
    let accumulators: Accumulators
    /// Per distinct() aggregate, the sets of distinct values per worker.
    let distinct: [DistinctSets?]
    /// Per count_by() aggregate, the sums per worker and key.
    let perKey: [PerKeySums?]
    /// Per worker, the per-row deductions kept in memory (no sink took them), in reading order.
    let records: [[DeductionRecord]]

    public var rules: RuleSet { roster.rules }
    /// The assessment period: the month, or the quarter (half-year, year).
    public var span: CalendarPeriod { roster.span }
    /// The lengths `days_in_period` and `days_in_month` read.
    var lengths: PeriodLengths { roster.lengths }
    public var ids: [String] { roster.ids }
    public var rosterRows: [[Value]] { roster.rows }
    public var rosterLines: [Int] { roster.lines }
    /// The roster's groups (its `group` column).
    public var groups: RosterGroups { roster.groups }
    /// The month being run; for a quarter, its last month (whose roster is the quarter's).
    public var period: Period { span.lastMonth }
    public var workerCount: Int { roster.workerCount }

    /// The worker whose id this is, if on the roster.
    public func workerIndex(_ id: String) -> Int? { roster.workerIndex(id) }
}
