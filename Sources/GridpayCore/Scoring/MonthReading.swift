/// Reading one period of one town: the roster first, then every other table's rows, aggregated as
/// they stream in (memory grows with workers and with deductions found, never with rows read).
/// `finish()` freezes what was read into a `MonthRead`, the only thing scoring (`MonthScoring`)
/// is made from: a month cannot be scored before it is read.
public final class MonthReading {
    public let rules: RuleSet
    /// The month being run; for a quarter, its last month (whose roster is the quarter's).
    public let period: Period
    /// The assessment period being run: the month, or the quarter.
    public let span: CalendarPeriod
    /// The lengths `days_in_period` and `days_in_month` read (computed once: every evaluation reads them).
    let lengths: PeriodLengths

    /// Accepted rows are counted as they are (where every cell the rules read is good): the
    /// second reading of a run with accepted rows, to say what leaving them out changes (SPEC §15).
    public var countsAcceptedRows = false

    public private(set) var rosterRows: [[Value]] = []
    public private(set) var rosterLines: [Int] = []
    public private(set) var ids: [String] = []
    let byteIndex = ByteKeyIndex()

    // Streaming accumulators, one array per aggregate, indexed by worker.
    let aggregatesByTable: [[Int]]
    /// Aggregates over a group table (`group = …`): their slots are indexed by group.
    let aggregateOverGroup: [Bool]
    /// The roster's groups (its `group` column), known once the roster is read.
    public private(set) var groups = RosterGroups([])
    /// Streaming accumulators, allocated once the roster is read: [aggregate × worker] and
    /// [item × worker] in plain buffers, because every input row updates them.
    var accumulators: Accumulators?
    /// Sets of distinct values per worker, one box per distinct() aggregate (boxes, so that tables
    /// read on different threads never mutate a shared array).
    var distinct: [DistinctSets?]
    /// count_by() sums per worker and key, one box per count_by() aggregate (PerKeySums.swift).
    lazy var perKey: [PerKeySums?] = Array(repeating: nil, count: rules.aggregates.count)
    let rowDeductionsByTable: [[(item: Int, deduction: Int)]]
    /// Counted deductions and bound corrections (a few per worker), and per-row deductions when no
    /// sink takes them.
    public internal(set) var records: [[DeductionRecord]] = []
    /// (table, item) pairs that have per-row deductions, numbered: their totals get slots.
    let tableItemPairs: [Int: [Int: Int]]
    let pairCount: Int
    public convenience init(rules: RuleSet, period: Period) {
        self.init(rules: rules, span: CalendarPeriod(month: period))
    }

    public init(rules: RuleSet, span: CalendarPeriod) {
        self.rules = rules
        self.span = span
        self.period = span.lastMonth
        lengths = PeriodLengths(days: span.days(monthStartsOn: rules.monthStartsOn), monthDays: PayDays(span.lastMonth, startsOn: rules.monthStartsOn).days,
                                firstDay: PayDays(span.firstMonth, startsOn: rules.monthStartsOn).firstDay,
                                lastDay: PayDays(span.lastMonth, startsOn: rules.monthStartsOn).lastDay, calendar: rules.calendar)
        var byTable = Array(repeating: [Int](), count: rules.tables.count)
        for (i, a) in rules.aggregates.enumerated() { byTable[a.table].append(i) }
        aggregatesByTable = byTable
        aggregateOverGroup = rules.aggregates.map { rules.tables[$0.table].groupColumn != nil && rules.tables[$0.table].workerColumn == nil }
        distinct = Array(repeating: nil, count: rules.aggregates.count)
        var deductions = Array(repeating: [(item: Int, deduction: Int)](), count: rules.tables.count)
        for (i, item) in rules.items.enumerated() {
            for (j, d) in item.deductions.enumerated() {
                if case .perRow(let t, _) = d.source { deductions[t].append((i, j)) }
            }
        }
        rowDeductionsByTable = deductions
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
        tableItemPairs = pairs
        pairCount = count
    }


    /// The worker whose id is these bytes (ids are short: no allocation for the lookup key).
    func workerIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        byteIndex.find(bytes)
    }

    public var workerCount: Int { ids.count }

    /// Takes the per-row deductions one table kept in memory. Called once per table, in rule-file
    /// order, after every table is read: tables read on other threads never share a list.
    public func adopt(_ table: TableDeductions) {
        for (w, r) in table.records { records[w].append(r) }
        table.records = []
    }

    public func workerIndex(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { byteIndex.find($0) }
    }

    /// A few ids that look like `id`, for "did you mean" on unknown workers (bounded work).
    func nearbyIds(_ id: String) -> [String] {
        ids.count <= 5000 ? ids : []
    }

    /// Ids of roster rows left out (a bad cell, or accepted), with their line: other tables count
    /// their rows once instead of reporting each as "not on the roster". Written while the roster
    /// is read, before other tables are.
    public private(set) var rejectedWorkers: [String: Int] = [:]

    func rejectWorker(id: String, line: Int) {
        precondition(accumulators == nil, "the roster is read before any other table")
        if rejectedWorkers[id] == nil { rejectedWorkers[id] = line }
    }

    /// Groups named by a roster row that was left out (bad value, duplicate id), with the first
    /// such line: rows of group tables naming one that no kept row names are not checked.
    public private(set) var rejectedGroups: [String: Int] = [:]

    func rejectGroup(_ value: String, line: Int) {
        precondition(accumulators == nil, "the roster is read before any other table")
        if rejectedGroups[value] == nil { rejectedGroups[value] = line }
    }

    func addWorker(_ row: [Value], id: String, line: Int) -> Int {
        precondition(accumulators == nil, "the roster is read before any other table")
        let index = ids.count
        ids.append(id)
        byteIndex.append(id)
        rosterRows.append(row)
        rosterLines.append(line)
        records.append([])

        return index
    }

    /// Adds one validated input row of `table` belonging to `worker`.
    /// Compiled row rules per table, built on first use.
    var plans: [TablePlan?] = []

    func plan(_ table: Int) -> TablePlan {
        if plans.isEmpty { plans = Array(repeating: nil, count: rules.tables.count) }
        if let p = plans[table] { return p }
        let p = TablePlan(table: table, rules: rules, pairs: tableItemPairs[table] ?? [:], period: lengths)
        plans[table] = p
        return p
    }

    /// The accumulators, created once the roster is complete.
    var acc: Accumulators {
        if let a = accumulators { return a }
        startRows()
        return accumulators!
    }

    /// Called after the roster and before other tables, which may then be read concurrently:
    /// every table writes only its own aggregates' slots and its own (table, item) slots.
    public func startRows() {
        guard accumulators == nil else { return }
        groups = RosterGroups(rosterRows.map { $0[rules.roster.groupColumn].description })
        accumulators = Accumulators(aggregates: rules.aggregates.count, tableItemPairs: tableItemPairs, pairCount: pairCount, workers: workerCount)
        for (a, spec) in rules.aggregates.enumerated() {
            switch spec.total {
            case .distinct: distinct[a] = DistinctSets(workers: workerCount)
            case .perKey: perKey[a] = PerKeySums(spec: spec, table: rules.tables[spec.table], workers: workerCount, period: lengths)
            case .count, .fold: break   // plain counters (Accumulators)
            }
        }
        for t in rules.tables.indices { _ = plan(t) }
        cellRuleSets = rules.tables.indices.map { CellRuleSet(table: $0, month: self) }
    }

    /// Per table, its cell rules with the roster values they look up (built once the roster is read).
    var cellRuleSets: [CellRuleSet?] = []

    /// What was read, frozen for scoring: called once, after the last row of the last table (and
    /// the tables' `adopt`). The deduction records move to the result (kept once, not twice).
    public func finish() -> MonthRead {
        startRows()
        let read = MonthRead(rules: rules, span: span, lengths: lengths, ids: ids, rosterRows: rosterRows, rosterLines: rosterLines,
                             byteIndex: byteIndex, groups: groups, aggregateOverGroup: aggregateOverGroup, accumulators: acc,
                             distinct: distinct, perKey: perKey, records: records)
        records = []
        return read
    }
}
