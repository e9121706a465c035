/// What reading a period produced (`MonthReading.finish()`), frozen: the roster, each aggregate's
/// running totals and the deductions kept in memory. Scoring reads it and never writes it.
public struct MonthRead {
    public let rules: RuleSet
    /// The assessment period: the month, or the quarter (half-year, year).
    public let span: CalendarPeriod
    /// The lengths `days_in_period` and `days_in_month` read.
    let lengths: PeriodLengths
    public let ids: [String]
    public let rosterRows: [[Value]]
    public let rosterLines: [Int]
    let byteIndex: ByteKeyIndex
    /// The roster's groups (its `group` column).
    public let groups: RosterGroups
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

    /// The month being run; for a quarter, its last month (whose roster is the quarter's).
    public var period: Period { span.lastMonth }
    public var workerCount: Int { ids.count }

    /// The worker whose id this is, if on the roster.
    public func workerIndex(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { byteIndex.find($0) }
    }
}
