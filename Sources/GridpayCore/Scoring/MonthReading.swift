/// Reading one period's tables other than the roster, made from the roster as read (`Roster`):
/// every row is aggregated as it streams in (memory grows with workers and with deductions found,
/// never with rows read). `finish()` freezes what was read into a `MonthRead`, the only thing
/// scoring (`MonthScoring`) is made from: a month cannot be scored before it is read.
///
/// Tables may be read concurrently: every table writes only its own aggregates' slots and its own
/// (table, item) slots.
public final class MonthReading {
    /// The period's workers and groups, frozen before any other table is read.
    public let roster: Roster
    public let rules: RuleSet
    /// The roster's groups (read for every row of a group table).
    public let groups: RosterGroups
    /// The lengths `days_in_period` and `days_in_month` read.
    let lengths: PeriodLengths
    /// Aggregates of each table, by table.
    let aggregatesByTable: [[Int]]
    /// Aggregates over a group table (`group = …`): their slots are indexed by group.
    let aggregateOverGroup: [Bool]
    /// Streaming accumulators: [aggregate × worker] and [item × worker] in plain buffers, because
    /// every input row updates them.
    let accumulators: Accumulators
    /// Sets of distinct values per worker, one box per distinct() aggregate (boxes, so that tables
    /// read on different threads never mutate a shared array).
    let distinct: [DistinctSets?]
    /// count_by() sums per worker and key, one box per count_by() aggregate (PerKeySums.swift).
    let perKey: [PerKeySums?]
    let rowDeductionsByTable: [[(item: Int, deduction: Int)]]
    /// Counted deductions and bound corrections (a few per worker), and per-row deductions when no
    /// sink takes them.
    public internal(set) var records: [[DeductionRecord]]
    /// (table, item) pairs that have per-row deductions, numbered: their totals get slots.
    let tableItemPairs: [Int: [Int: Int]]
    /// Compiled row rules, by table.
    let plans: [TablePlan]
    /// Per table, its cell rules with the roster values they look up.
    let cellRuleSets: [CellRuleSet?]
    /// Accepted rows are counted as they are (where every cell the rules read is good): the
    /// second reading of a run with accepted rows, to say what leaving them out changes (SPEC §15).
    public let countsAcceptedRows: Bool

    public init(roster: Roster, countsAcceptedRows: Bool = false) {
        self.roster = roster
        self.countsAcceptedRows = countsAcceptedRows
        let rules = roster.rules
        self.rules = rules
        groups = roster.groups
        lengths = roster.lengths
        var byTable = Array(repeating: [Int](), count: rules.tables.count)
        for (i, a) in rules.aggregates.enumerated() { byTable[a.table].append(i) }
        aggregatesByTable = byTable
        aggregateOverGroup = rules.aggregates.map { rules.tables[$0.table].groupColumn != nil && rules.tables[$0.table].workerColumn == nil }
        var deductions = Array(repeating: [(item: Int, deduction: Int)](), count: rules.tables.count)
        for (i, item) in rules.items.enumerated() {
            for (j, d) in item.deductions.enumerated() {
                if case .perRow(let t, _) = d.source { deductions[t].append((i, j)) }
            }
        }
        rowDeductionsByTable = deductions
        let (pairs, pairCount) = Self.numberedPairs(rules)
        tableItemPairs = pairs
        let workers = roster.workerCount
        accumulators = Accumulators(aggregates: rules.aggregates.count, tableItemPairs: pairs, pairCount: pairCount, workers: workers)
        distinct = rules.aggregates.map { spec -> DistinctSets? in
            guard case .distinct = spec.total else { return nil }
            return DistinctSets(workers: workers)
        }
        perKey = rules.aggregates.map { spec -> PerKeySums? in
            guard case .perKey = spec.total else { return nil }
            return PerKeySums(spec: spec, table: rules.tables[spec.table], workers: workers, period: roster.lengths)
        }
        records = Array(repeating: [], count: workers)
        plans = rules.tables.indices.map { TablePlan(table: $0, rules: rules, pairs: pairs[$0] ?? [:], period: roster.lengths) }
        cellRuleSets = rules.tables.indices.map { CellRuleSet(table: $0, roster: roster) }
    }

    /// The (table, item) pairs with per-row deductions, numbered in item order, and their count.
    static func numberedPairs(_ rules: RuleSet) -> (pairs: [Int: [Int: Int]], count: Int) {
        var pairs: [Int: [Int: Int]] = [:]
        var count = 0
        for (i, item) in rules.items.enumerated() {
            for d in item.deductions {
                if case .perRow(let t, _) = d.source, pairs[t]?[i] == nil {
                    pairs[t, default: [:]][i] = count
                    count += 1
                }
            }
        }
        return (pairs, count)
    }

    /// The month being run; for a quarter, its last month (whose roster is the quarter's).
    public var period: Period { roster.period }
    /// The assessment period being run: the month, or the quarter.
    public var span: CalendarPeriod { roster.span }
    public var workerCount: Int { roster.workerCount }

    /// The worker whose id is these bytes (ids are short: no allocation for the lookup key).
    func workerIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        roster.byteIndex.find(bytes)
    }

    public func workerIndex(_ id: String) -> Int? { roster.workerIndex(id) }

    /// Takes the per-row deductions one table kept in memory. Called once per table, in rule-file
    /// order, after every table is read: tables read on other threads never share a list.
    public func adopt(_ table: TableDeductions) {
        for (w, r) in table.records { records[w].append(r) }
        table.records = []
    }

    func plan(_ table: Int) -> TablePlan { plans[table] }

    /// What was read, frozen for scoring: called once, after the last row of the last table (and
    /// the tables' `adopt`). The deduction records move to the result (kept once, not twice).
    public func finish() -> MonthRead {
        let read = MonthRead(roster: roster, aggregateOverGroup: aggregateOverGroup, accumulators: accumulators,
                             distinct: distinct, perKey: perKey, records: records)
        records = []
        return read
    }
}
