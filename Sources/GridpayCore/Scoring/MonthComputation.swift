/// Evaluate phase: one period of one town. Rows are aggregated as they stream in (memory grows
/// with workers and with deductions found, never with rows read); then every worker is scored.
public struct EvaluationError: Error, Sendable {
    public var message: String
    public var location: SourceLocation?

    /// The value depends on earlier periods whose results are missing (Value.unknown).
    public var unknownHistory = false
    /// Internal to the evaluator: an operand was unknown, so the expression is (caught there).
    var unknownOperand = false

    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    static func unknown(_ what: String, at location: SourceLocation?) -> EvaluationError {
        var e = EvaluationError("\(what) depends on earlier periods whose results are missing", at: location)
        e.unknownHistory = true
        return e
    }
}

/// One line of 扣分明细: a deduction, the rule behind it and the input row it came from.
public struct DeductionRecord: Sendable {
    public var item: Int
    public var deduction: Int
    public var reason: String
    /// Points added to the item (negative for a deduction).
    public var points: ExactNumber
    /// Yuan taken from pay (positive).
    public var yuan: ExactNumber
    public var file: String?
    public var line: Int?
    /// For counted deductions: how many times the points apply.
    public var times: ExactNumber?

    public init(item: Int, deduction: Int, reason: String, points: ExactNumber, yuan: ExactNumber, file: String?, line: Int?, times: ExactNumber?) {
        self.item = item
        self.deduction = deduction
        self.reason = reason
        self.points = points
        self.yuan = yuan
        self.file = file
        self.line = line
        self.times = times
    }
}

/// Receives each per-row deduction as it is found, so that a month's 扣分明细 never has to sit in
/// memory (the pipeline spills them to disk and writes the sheet from there).
public protocol DeductionSink: AnyObject {
    func add(worker: Int, record: DeductionRecord)
}

/// The per-row deductions of one table kept in memory, in the order its rows were read: owned by
/// the table's reader, handed to the month with `MonthComputation.adopt` once reading is done.
public final class TableDeductions: DeductionSink {
    var records: [(Int, DeductionRecord)] = []
    public init() {}
    public func add(worker: Int, record: DeductionRecord) { records.append((worker, record)) }
}

/// Earlier periods, for consecutive(): computed from their own inputs with their own rule version.
public protocol HistoryProvider: AnyObject {
    /// nil when the period can be computed; otherwise why not (e.g. its inputs are missing).
    func unavailability(of period: CalendarPeriod) -> String?
    /// The named value for a worker in an earlier period; nil when the worker was not on that roster.
    func value(named name: String, period: CalendarPeriod, workerID: String) throws(EvaluationError) -> Value?
}

public final class MonthComputation {
    public let rules: RuleSet
    /// The month being run; for a quarter, its last month (whose roster is the quarter's).
    public let period: Period
    /// The assessment period being run: the month, or the quarter.
    public let span: CalendarPeriod
    public let history: HistoryProvider?

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
    public private(set) var records: [[DeductionRecord]] = []
    /// (table, item) pairs that have per-row deductions, numbered: their totals get slots.
    let tableItemPairs: [Int: [Int: Int]]
    let pairCount: Int
    /// Points and yuan of per-row deductions, summed per item and worker as rows stream in.

    // Evaluation state.
    /// Evaluated worker symbols: [symbol × worker], created on first use (the roster is complete then).
    var memoStore: UnsafeMutablePointer<Value?>?
    var memoSymbols = 0

    func memoSlot(_ s: WorkerSymbol, _ w: Int) -> UnsafeMutablePointer<Value?> {
        if memoStore == nil {
            memoSymbols = rules.values.count + rules.items.count + 7 + rules.awards.count
            let p = UnsafeMutablePointer<Value?>.allocate(capacity: max(1, memoSymbols * workerCount))
            p.initialize(repeating: nil, count: memoSymbols * workerCount)
            memoStore = p
        }
        let v = rules.values.count, i = rules.items.count
        let index: Int
        switch s {
        case .value(let k): index = k
        case .item(let k): index = v + k
        case .total: index = v + i
        case .rank: index = v + i + 1
        case .dutyMet: index = v + i + 2
        case .payBase: index = v + i + 3
        case .scorePay: index = v + i + 4
        case .itemYuan: index = v + i + 5
        case .award(let k): index = v + i + 6 + k
        case .grade: index = v + i + 6 + rules.awards.count
        }
        return memoStore! + (index * workerCount + w)
    }

    deinit {
        if let memoStore {
            memoStore.deinitialize(count: memoSymbols * workerCount)
            memoStore.deallocate()
        }
    }
    var inProgress: Set<WorkerSymbol> = []
    var groupResults: [Int: [Value]] = [:]
    var itemYuan: [Int: [ExactNumber]] = [:]
    /// Earlier periods that consecutive() could not see, with the reason.
    public private(set) var incompleteHistory: [CalendarPeriod: String] = [:]
    /// What consecutive(…, missing = …) assumed for a worker, for 备注.
    public private(set) var historyAssumptions: [Int: Set<String>] = [:]

    public convenience init(rules: RuleSet, period: Period, history: HistoryProvider?) {
        self.init(rules: rules, span: CalendarPeriod(month: period), history: history)
    }

    public init(rules: RuleSet, span: CalendarPeriod, history: HistoryProvider?) {
        self.rules = rules
        self.span = span
        self.period = span.lastMonth
        self.history = history
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

    /// Row columns of `table` that some rule reads: filters, summed values, deduction amounts and
    /// the {placeholders} of their reasons.
    func rowColumnsUsed(table: Int, reasons: Bool = true) -> Set<Int> {
        var used = Set<Int>()
        func walk(_ e: CheckedExpr?) {
            guard let e else { return }
            switch e {
            case .rowColumn(let i): used.insert(i)
            case .negate(let a, _), .not(let a): walk(a)
            case .arithmetic(_, let a, let b, _), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b): walk(a); walk(b)
            case .conditional(let a, let b, let c): walk(a); walk(b); walk(c)
            case .function(_, let args, _): args.forEach(walk)
            default: break
            }
        }
        for a in aggregatesByTable[table] {
            walk(rules.aggregates[a].filter)
            walk(rules.aggregates[a].value)
            if let perKey = rules.aggregates[a].perKey { walk(perKey.key); perKey.values.forEach(walk) }
        }
        let spec = rules.tables[table]
        for check in spec.checks {
            walk(check.require)
            for name in ReasonTemplate.placeholders(in: check.message) { if let c = spec.columnIndex(name) { used.insert(c) } }
        }
        for (i, j) in rowDeductionsByTable[table] {
            let d = rules.items[i].deductions[j]
            if case .perRow(_, let when) = d.source { walk(when) }
            walk(d.points)
            walk(d.yuan)
            if reasons {
                for name in ReasonTemplate.placeholders(in: d.reason) { if let c = spec.columnIndex(name) { used.insert(c) } }
            }
        }
        return used
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

    /// Hands a worker's in-memory deduction records to the report (kept once, not twice).
    func takeRecords(worker w: Int) -> [DeductionRecord] {
        let r = records[w]
        records[w] = []
        return r
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
        let p = TablePlan(table: table, rules: rules, pairs: tableItemPairs[table] ?? [:]) { [unowned self] (e, row) throws(EvaluationError) in try self.evaluateRow(e, row) }
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
        for a in rules.aggregates.indices where rules.aggregates[a].kind == .distinct {
            distinct[a] = DistinctSets(workers: workerCount)
        }
        for a in rules.aggregates.indices where rules.aggregates[a].kind == .countBy {
            perKey[a] = PerKeySums(spec: rules.aggregates[a], table: rules.tables[rules.aggregates[a].table], workers: workerCount, month: self)
        }
        for t in rules.tables.indices { _ = plan(t) }
        cellRuleSets = rules.tables.indices.map { CellRuleSet(table: $0, month: self) }
    }

    /// Per table, its cell rules with the roster values they look up (built once the roster is read).
    var cellRuleSets: [CellRuleSet?] = []

    func ingest(_ plan: TablePlan, table: Int, row: RowView, worker: Int, line: Int, sink: DeductionSink, file: String? = nil) throws(EvaluationError) {
        try accumulate(plan, row: row, slot: worker)
        guard !plan.deductions.isEmpty else { return }
        try deduct(plan, table: table, row: row, members: CollectionOfOne(worker), line: line, sink: sink, file: file)
    }

    /// Adds one validated row of a group table (`group = …`) belonging to group `g`: its
    /// aggregates are kept per group, and each per-row deduction applies to every member.
    func ingest(_ plan: TablePlan, table: Int, row: RowView, group g: Int, line: Int, sink: DeductionSink, file: String? = nil) throws(EvaluationError) {
        try accumulate(plan, row: row, slot: g)
        guard !plan.deductions.isEmpty else { return }
        try deduct(plan, table: table, row: row, members: groups.members[g], line: line, sink: sink, file: file)
    }

    /// Adds one row of a table with both a worker column (which may be empty) and a group column:
    /// aggregates count it for the worker it names; each deduction applies to that worker, or with
    /// applies_to = "group" to every member of the row's group.
    func ingest(_ plan: TablePlan, table: Int, row: RowView, worker: Int?, group g: Int, line: Int, sink: DeductionSink, file: String? = nil) throws(EvaluationError) {
        if let worker { try accumulate(plan, row: row, slot: worker) }
        guard !plan.deductions.isEmpty else { return }
        try deduct(plan, table: table, row: row, members: groups.members[g], line: line, sink: sink, file: file, appliesToGroup: true)
        if let worker { try deduct(plan, table: table, row: row, members: CollectionOfOne(worker), line: line, sink: sink, file: file, appliesToGroup: false) }
    }

    /// Adds a row to the table's aggregates at `worker` (a worker, or a group for group tables).
    @inline(__always)
    func accumulate(_ plan: TablePlan, row: RowView, slot worker: Int) throws(EvaluationError) {
        let acc = self.acc
        for agg in plan.aggregates {
            if let f = agg.filter, try !f(row) { continue }
            let a = agg.index
            switch agg.kind {
            case .count:
                acc.counts[acc.slot(a, worker)] += 1
            case .sum, .mean:
                let value: Value
                if let c = agg.column { value = row.values[c] } else { value = try agg.value!(row) }
                guard case .number(let n) = value else { continue }
                let k = acc.slot(a, worker)
                do { acc.sums[k] = try acc.sums[k].adding(n) } catch { throw EvaluationError(error.description, at: nil) }
                if agg.kind == .mean { acc.counts[k] += 1 }
            case .distinct:
                let v = try agg.value!(row)
                if !v.isEmpty { distinct[a]!.sets[worker].insert(v) }   // an empty cell is no value
            case .countBy:
                try perKey[a]!.add(row, worker: worker)
            }
        }
    }

    /// The row's per-row deductions, once per member (one 扣分明细 line each, naming the row).
    /// `file`: the row's file as 扣分明细 names it (a quarter's rows name their month's folder).
    func deduct<M: Collection<Int>>(_ plan: TablePlan, table: Int, row: RowView, members: M, line: Int, sink: DeductionSink, file: String? = nil,
                                    appliesToGroup: Bool? = nil) throws(EvaluationError) {
        let acc = self.acc
        for d in plan.deductions {
            if let appliesToGroup, rules.items[d.item].deductions[d.deduction].appliesToGroup != appliesToGroup { continue }
            if let when = d.when, try !when(row) { continue }
            let points = try d.points.map { (f) throws(EvaluationError) in try f(row).number ?? .zero } ?? .zero
            let yuan = try d.yuan.map { (f) throws(EvaluationError) in try f(row).number ?? .zero } ?? .zero
            do {
                for worker in members {
                    let k = d.pair * acc.workers + worker
                    acc.points[k] = try acc.points[k].adding(points)
                    acc.yuan[k] = try acc.yuan[k].adding(yuan)
                }
            } catch { throw EvaluationError(error.description, at: d.location) }
            // Reasons read their {columns} from the cell bytes: only rows that match pay for the text.
            let spec = rules.tables[table]
            let reason = ReasonTemplate.fill(d.reason) { name in
                spec.columnIndex(name).map { String(decoding: row.fields[$0], as: UTF8.self) }
            }
            for worker in members {
                let record = DeductionRecord(item: d.item, deduction: d.deduction, reason: reason, points: points, yuan: yuan, file: file ?? spec.file, line: line, times: nil)
                sink.add(worker: worker, record: record)
            }
        }
    }

    // MARK: - Row scope

    func evaluateRow(_ e: CheckedExpr, _ row: UnsafeBufferPointer<Value>) throws(EvaluationError) -> Value {
        try evaluate(e) { (e) throws(EvaluationError) -> Value? in
            if case .rowColumn(let i) = e { return row[i] }
            return nil
        }
    }

    // MARK: - Worker scope

    /// A worker-scope expression that must be known (items, pay, duty, groups, vetoes…): one that
    /// depends on missing history is an error (EvaluationError.unknownHistory).
    public func value(_ e: CheckedExpr, worker w: Int) throws(EvaluationError) -> Value {
        let v = try valueAllowingUnknown(e, worker: w)
        if v.isUnknown { throw EvaluationError.unknown("this value", at: nil) }
        return v
    }

    /// A worker-scope expression that may be unknown: [values] (passed on) and flags (not raised).
    public func valueAllowingUnknown(_ e: CheckedExpr, worker w: Int) throws(EvaluationError) -> Value {
        try evaluate(e) { (e) throws(EvaluationError) -> Value? in
            switch e {
            case .rosterColumn(let i): return self.rosterRows[w][i]
            case .symbol(let s): return try self.symbol(s, worker: w)
            case .aggregate(let a): return try self.aggregate(a, worker: w)
            case .group(let g): return try self.group(g)[w]
            case .consecutive(let name, let v, let n, let missing, let loc): return try self.consecutive(name, value: v, periods: n, missing: missing, worker: w, at: loc)
            default: return nil
            }
        }
    }

    func aggregate(_ a: Int, worker index: Int) throws(EvaluationError) -> Value {
        // An aggregate over a group table covers the rows of the worker's group.
        let w = aggregateOverGroup[a] ? groups.groupOf[index] : index
        switch rules.aggregates[a].kind {
        case .count: return .number(ExactNumber(acc.counts[acc.slot(a, w)]))
        case .sum: return .number(acc.sums[acc.slot(a, w)])
        case .distinct: return .number(ExactNumber(distinct[a]?.sets[w].count ?? 0))
        case .countBy: return .number(ExactNumber(try perKey[a]?.count(worker: w, month: self) ?? 0))
        case .mean:
            // The mean of no rows is 0 (documented in the README's rule reference).
            let k = acc.slot(a, w)
            guard acc.counts[k] > 0 else { return .number(.zero) }
            do { return .number(try acc.sums[k].divided(by: ExactNumber(acc.counts[k]))) } catch { throw EvaluationError(error.description, at: nil) }
        }
    }

    public func symbol(_ s: WorkerSymbol, worker w: Int) throws(EvaluationError) -> Value {
        let slot = memoSlot(s, w)
        if let cached = slot.pointee { return cached }
        do throws(EvaluationError) {
            let v = try computeSymbol(s, worker: w)
            slot.pointee = v
            return v
        } catch {
            // Name what depends on the missing history (the run lists the workers and months):
            // the outermost result asked for (排名 of one worker may depend on another's item).
            guard error.unknownHistory else { throw error }
            throw EvaluationError.unknown(describe(s), at: location(of: s))
        }
    }

    func describe(_ s: WorkerSymbol) -> String {
        switch s {
        case .value(let i): return "'\(rules.values[i].name)'"
        case .item(let i): return "item '\(rules.items[i].name)'"
        case .total: return RuleLoader.totalName
        case .rank: return RuleLoader.rankName
        case .dutyMet: return "[duty] met"
        case .payBase: return "[pay] base"
        case .scorePay: return "[pay] score_pay"
        case .award(let k): return "'\(rules.awards[k].name)'"
        case .itemYuan: return RuleLoader.deductionsName
        case .grade: return "等次"
        }
    }

    func location(of s: WorkerSymbol) -> SourceLocation? {
        switch s {
        case .item(let i): return rules.items[i].location
        case .award(let k): return rules.awards[k].location
        default: return nil
        }
    }

    func computeSymbol(_ s: WorkerSymbol, worker w: Int) throws(EvaluationError) -> Value {
        let v: Value
        switch s {
        case .value(let i): v = try valueAllowingUnknown(rules.values[i].expr, worker: w)
        case .item(let i): v = .number(try itemScore(i, worker: w))
        case .total: v = .number(try total(worker: w))
        case .rank: v = try group(rankGroupOfTotal)[w]
        case .dutyMet:
            guard let duty = rules.duty else { throw EvaluationError("no [duty] is declared", at: nil) }
            v = try value(duty.met, worker: w)
        case .payBase: v = try value(rules.pay.base, worker: w)
        case .scorePay:
            // The [pay] score_pay formula plus the worker's awards (their own pay columns).
            var pay = try value(rules.pay.scorePay, worker: w).number ?? .zero
            for (k, a) in rules.awards.enumerated() where a.direction == .award {
                do { pay = try pay.adding(try awardShares(k)[w]) } catch let e as EvaluationError { throw e } catch {
                    throw EvaluationError("\(error) adding \(a.name) to the score pay", at: a.location)
                }
            }
            v = .number(pay)
        case .itemYuan:
            var sum = ExactNumber.zero
            for i in rules.items.indices {
                do { sum = try sum.adding(try yuan(ofItem: i, worker: w)) } catch let e as EvaluationError { throw e } catch {
                    throw EvaluationError("\(error) adding the items' yuan", at: nil)
                }
            }
            v = .number(sum)
        case .award(let k): v = .number(try awardShares(k)[w])
        case .grade: v = .text(try grade(worker: w))
        }
        return v
    }

    /// 等次: the first veto that holds forces its grade; otherwise the band of the total.
    func grade(worker w: Int) throws(EvaluationError) -> String {
        for veto in rules.vetoes where try value(veto.when, worker: w).bool == true { return veto.grade }
        let total = try symbol(.total, worker: w).number ?? .zero
        return GradeBands.band(of: total, in: rules.grades)
    }

    /// Rank by total, descending; equal totals share a rank and the next rank skips (1, 2, 2, 4).
    let rankGroupOfTotal = -1

    func total(worker w: Int) throws(EvaluationError) -> ExactNumber {
        var sum = ExactNumber.zero
        do {
            for i in rules.items.indices { sum = try sum.adding(try itemScore(i, worker: w)) }
        } catch let e as EvaluationError { throw e } catch { throw EvaluationError("\(error)", at: nil) }
        do { sum = try sum.adding(rules.totalBase) } catch { throw EvaluationError("\(error) adding the total's base", at: nil) }
        if let min = rules.totalMinimum, sum < min { sum = min }
        if let max = rules.totalMaximum, sum > max { sum = max }
        return sum
    }

    /// The item's base plus its deductions, bounded by its min/max if any, rounded half-up.
    func itemScore(_ i: Int, worker w: Int) throws(EvaluationError) -> ExactNumber {
        let item = rules.items[i]
        let slot = memoSlot(.item(i), w)
        if let cached = slot.pointee, let n = cached.number { return n }
        guard let base = try value(item.base, worker: w).number else { throw EvaluationError("item \(item.name) is not a number", at: item.location) }
        var score = base
        var yuan = ExactNumber.zero
        do {
            for k in acc.pairSlots(item: i, worker: w) {
                score = try score.adding(acc.points[k])
                yuan = try yuan.adding(acc.yuan[k])
            }
            for (j, d) in item.deductions.enumerated() {
                guard case .counted(let countExpr, let table) = d.source else { continue }
                guard let times = try value(countExpr, worker: w).number else { continue }
                if times == .zero { continue }
                let p = try d.points.map { (e) throws(EvaluationError) in try value(e, worker: w).number ?? .zero } ?? .zero
                let y = try d.yuan.map { (e) throws(EvaluationError) in try value(e, worker: w).number ?? .zero } ?? .zero
                let points = try p.multiplied(by: times)
                let money = try y.multiplied(by: times)
                score = try score.adding(points)
                yuan = try yuan.adding(money)
                records[w].append(DeductionRecord(item: i, deduction: j, reason: d.reason, points: points, yuan: money,
                                                  file: table.map { rules.tables[$0].file }, line: nil, times: times))
            }
            // A bound cuts the deductions short (or caps a bonus): 扣分明细 shows the correction, so
            // the rows of an item still add up to its score.
            let unbounded = score
            if let min = item.minimum, score < min { score = min }
            if let max = item.maximum, score > max { score = max }
            if score != unbounded {
                let bound = score == item.minimum ? "本项不低于 \(score)" : "本项不高于 \(score)"
                records[w].append(DeductionRecord(item: i, deduction: item.deductions.count, reason: "\(bound)，超出部分不计",
                                                  points: try score.subtracting(unbounded), yuan: .zero, file: nil, line: nil, times: nil))
            }
            score = try score.rounded(places: rules.itemRoundingPlaces)
        } catch let e as EvaluationError { throw e } catch {
            throw EvaluationError("\(error) in item \(item.name)", at: item.location)
        }
        if itemYuan[i] == nil { itemYuan[i] = Array(repeating: .zero, count: workerCount) }
        itemYuan[i]![w] = yuan
        slot.pointee = .number(score)
        return score
    }

    public func yuan(ofItem i: Int, worker w: Int) throws(EvaluationError) -> ExactNumber {
        _ = try itemScore(i, worker: w)
        return itemYuan[i]![w]
    }

    /// Computes a group function for every worker at once.
    func group(_ g: Int) throws(EvaluationError) -> [Value] {
        if let r = groupResults[g] { return r }
        let kind: GroupSpec.Kind
        let key: CheckedExpr?
        let valueExpr: CheckedExpr?
        if g == rankGroupOfTotal {
            kind = .rank; key = nil; valueExpr = .symbol(.total)
        } else {
            let spec = rules.groups[g]
            kind = spec.kind; key = spec.key; valueExpr = spec.value
        }
        var keys: [Value] = []
        var values: [ExactNumber] = []
        for w in 0..<workerCount {
            keys.append(try key.map { (e) throws(EvaluationError) in try value(e, worker: w) } ?? .bool(true))
            if let valueExpr { values.append(try value(valueExpr, worker: w).number ?? .zero) }
        }
        var members: [Value: [Int]] = [:]
        for (w, k) in keys.enumerated() { members[k, default: []].append(w) }
        var result = [Value](repeating: .number(.zero), count: workerCount)
        if kind == .groupRank {
            // Units ranked by the exact mean of the value over their workers, highest first;
            // equal means share a rank and the next rank skips.
            do {
                var means: [(Value, ExactNumber)] = []
                for (k, ws) in members {
                    var s = ExactNumber.zero
                    for w in ws { s = try s.adding(values[w]) }
                    means.append((k, try s.divided(by: ExactNumber(ws.count))))
                }
                means.sort { $0.1 > $1.1 }
                var rank = 0
                for (pos, (k, m)) in means.enumerated() {
                    if pos == 0 || m != means[pos - 1].1 { rank = pos + 1 }
                    for w in members[k]! { result[w] = .number(ExactNumber(rank)) }
                }
            } catch {
                throw EvaluationError("\(error) in \(rules.groups[g].text)", at: nil)
            }
            groupResults[g] = result
            return result
        }
        do {
            for (_, ws) in members {
                switch kind {
                case .count:
                    for w in ws { result[w] = .number(ExactNumber(ws.count)) }
                case .sum, .mean:
                    var s = ExactNumber.zero
                    for w in ws { s = try s.adding(values[w]) }
                    if kind == .mean { s = try s.divided(by: ExactNumber(ws.count)) }
                    for w in ws { result[w] = .number(s) }
                case .min, .max:
                    var m = values[ws[0]]
                    for w in ws { m = kind == .min ? Swift.min(m, values[w]) : Swift.max(m, values[w]) }
                    for w in ws { result[w] = .number(m) }
                case .groupRank: break
                case .rank:
                    let sorted = ws.sorted { values[$0] > values[$1] }
                    var rank = 0
                    for (pos, w) in sorted.enumerated() {
                        if pos == 0 || values[w] != values[sorted[pos - 1]] { rank = pos + 1 }
                        result[w] = .number(ExactNumber(rank))
                    }
                }
            }
        } catch {
            throw EvaluationError("\(error) in \(g == rankGroupOfTotal ? "the rank" : rules.groups[g].text)", at: nil)
        }
        groupResults[g] = result
        return result
    }

    var awardResults: [Int: [ExactNumber]] = [:]

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

    /// Earlier periods whose results are missing are unknown (Value.unknown), unless the rule
    /// gives `missing = true/false`; then what was assumed is noted for the worker.
    func consecutive(_ name: String, value v: Int, periods: Int, missing: Bool?, worker w: Int, at loc: SourceLocation) throws(EvaluationError) -> Value {
        let now = try symbol(.value(v), worker: w)
        var gaps: [CalendarPeriod] = []
        for k in 1..<max(1, periods) {
            let p = span.adding(-k)
            if let why = history?.unavailability(of: p) ?? (history == nil ? "no history was provided" : nil) {
                incompleteHistory[p] = why
                gaps.append(p)
            }
        }
        if now.bool == false { return .bool(false) }
        // A period that is known and false decides, whatever is missing.
        for k in 1..<max(1, periods) {
            let p = span.adding(-k)
            guard !gaps.contains(p) else { continue }
            let earlier = try history!.value(named: name, period: p, workerID: ids[w])
            if earlier?.isUnknown == true { return .unknown }
            guard earlier?.bool == true else { return .bool(false) }
        }
        if now.isUnknown { return .unknown }
        guard !gaps.isEmpty else { return .bool(true) }
        guard let missing else { return .unknown }
        let months = gaps.sorted().map { "\($0)" }.joined(separator: "、")
        historyAssumptions[w, default: []].insert("历史不完整：\(months) 的\(name)按\(missing ? "是" : "否")计")
        return .bool(missing)
    }

    // MARK: - Shared evaluator

    /// Evaluates the scope-independent parts; `leaf` resolves what depends on the scope.
    func evaluate(_ e: CheckedExpr, _ leaf: (CheckedExpr) throws(EvaluationError) -> Value?) throws(EvaluationError) -> Value {
        func num(_ e: CheckedExpr) throws(EvaluationError) -> ExactNumber {
            let v = try evaluate(e, leaf)
            guard let n = v.number else {
                if v.isEmpty { throw EvaluationError.emptyValue }
                var error = EvaluationError("expected a number", at: nil)
                error.unknownOperand = v.isUnknown
                throw error
            }
            return n
        }
        // Arithmetic, comparisons and functions of an unknown are unknown.
        do throws(EvaluationError) {
            return try evaluateStrict(e, leaf, num)
        } catch {
            if error.unknownOperand { return .unknown }
            throw error
        }
    }

    func evaluateStrict(_ e: CheckedExpr, _ leaf: (CheckedExpr) throws(EvaluationError) -> Value?,
                        _ num: (CheckedExpr) throws(EvaluationError) -> ExactNumber) throws(EvaluationError) -> Value {
        func arithmetic<T>(_ loc: SourceLocation, _ body: () throws(ArithmeticError) -> T) throws(EvaluationError) -> T {
            do { return try body() } catch { throw EvaluationError(error.description, at: loc) }
        }
        switch e {
        case .constant(let v): return v
        case .daysInPeriod: return .number(ExactNumber(span.days))
        case .daysInMonth: return .number(ExactNumber(period.days))
        case .negate(let a, let loc):
            let n = try num(a)
            return .number(try arithmetic(loc) { () throws(ArithmeticError) in try n.negated() })
        // Three-valued: unknown (missing history) passes through; false and unknown is false,
        // true or unknown is true.
        case .not(let a):
            let x = try evaluate(a, leaf)
            return x.isUnknown ? .unknown : .bool(!(x.bool ?? false))
        case .and(let a, let b):
            let x = try evaluate(a, leaf)
            if x.bool == false { return .bool(false) }
            let y = try evaluate(b, leaf)
            if y.bool == false { return .bool(false) }
            return x.isUnknown || y.isUnknown ? .unknown : .bool(true)
        case .or(let a, let b):
            let x = try evaluate(a, leaf)
            if x.bool == true { return .bool(true) }
            let y = try evaluate(b, leaf)
            if y.bool == true { return .bool(true) }
            return x.isUnknown || y.isUnknown ? .unknown : .bool(false)
        case .conditional(let c, let a, let b):
            let x = try evaluate(c, leaf)
            if x.isUnknown { return .unknown }
            return x.bool == true ? try evaluate(a, leaf) : try evaluate(b, leaf)
        case .arithmetic(let op, let a, let b, let loc):
            let x = try num(a), y = try num(b)
            return .number(try arithmetic(loc) { () throws(ArithmeticError) in
                switch op {
                case .add: return try x.adding(y)
                case .subtract: return try x.subtracting(y)
                case .multiply: return try x.multiplied(by: y)
                default: return try x.divided(by: y)
                }
            })
        case .compare(let op, let a, let b):
            let x = try evaluate(a, leaf), y = try evaluate(b, leaf)
            if x.isUnknown || y.isUnknown { return .unknown }
            if x.isEmpty || y.isEmpty { throw EvaluationError.emptyValue }
            switch op {
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            default:
                let order: Int
                switch (x, y) {
                case (.number(let p), .number(let q)): order = p < q ? -1 : (p == q ? 0 : 1)
                case (.date(let p), .date(let q)): order = p < q ? -1 : (p == q ? 0 : 1)
                case (.datetime(let p), .datetime(let q)): order = p < q ? -1 : (p == q ? 0 : 1)
                default: throw EvaluationError("cannot order \(x) and \(y)", at: nil)
                }
                switch op {
                case .less: return .bool(order < 0)
                case .lessOrEqual: return .bool(order <= 0)
                case .greater: return .bool(order > 0)
                default: return .bool(order >= 0)
                }
            }
        case .function(let fn, let args, let loc):
            switch fn {
            case .min, .max:
                var m = try num(args[0])
                for a in args.dropFirst() {
                    let n = try num(a)
                    m = fn == .min ? Swift.min(m, n) : Swift.max(m, n)
                }
                return .number(m)
            case .abs: return .number(try num(args[0]).magnitude)
            case .floor: return .number(try num(args[0]).floored())
            case .ceil: return .number(try num(args[0]).ceiled())
            case .round:
                let x = try num(args[0]), places = try num(args[1])
                return .number(try arithmetic(loc) { () throws(ArithmeticError) in try x.rounded(places: Int(places.numerator)) })
            case .date:
                let v = try evaluate(args[0], leaf)
                if v.isUnknown { return .unknown }
                guard case .datetime(let dt) = v else { throw v.isEmpty ? EvaluationError.emptyValue : EvaluationError("date() needs a date and time", at: loc) }
                return .date(dt.date)
            case .day:
                let v = try evaluate(args[0], leaf)
                if v.isUnknown { return .unknown }
                guard case .date(let d) = v else { throw v.isEmpty ? EvaluationError.emptyValue : EvaluationError("day() needs a date", at: loc) }
                return .number(ExactNumber(d.day))
            case .has, .isEmpty:
                let present = !(try evaluate(args[0], leaf).isEmpty)
                return .bool(fn == .has ? present : !present)
            case .hoursBetween, .minutesBetween, .secondsBetween, .addHours, .addMinutes, .addSeconds:
                return try evaluateTime(fn, args, loc) { (e) throws(EvaluationError) in try evaluate(e, leaf) }
            }
        default:
            guard let v = try leaf(e) else { throw EvaluationError("internal: an expression was evaluated in the wrong scope", at: nil) }
            return v
        }
    }
}

/// Per-worker running totals of one period, in plain buffers (see MonthComputation.acc).
/// Aggregates are [aggregate × worker]; per-row deduction totals are [(table, item) × worker],
/// so that two tables read at once never write the same slot.
final class Accumulators {
    let workers: Int
    let counts: UnsafeMutablePointer<Int>
    let sums: UnsafeMutablePointer<ExactNumber>
    let points: UnsafeMutablePointer<ExactNumber>
    let yuan: UnsafeMutablePointer<ExactNumber>
    let aggregateSlots: Int
    let pairSlotsCount: Int
    /// table → item → pair index.
    let pairs: [Int: [Int: Int]]
    /// item → its pair indices.
    let pairsOfItem: [Int: [Int]]

    init(aggregates: Int, tableItemPairs: [Int: [Int: Int]], pairCount: Int, workers: Int) {
        self.workers = workers
        pairs = tableItemPairs
        var byItem: [Int: [Int]] = [:]
        for (_, items) in tableItemPairs { for (item, p) in items { byItem[item, default: []].append(p) } }
        pairsOfItem = byItem.mapValues { $0.sorted() }
        aggregateSlots = max(1, aggregates * workers)
        pairSlotsCount = max(1, pairCount * workers)
        counts = .allocate(capacity: aggregateSlots)
        counts.initialize(repeating: 0, count: aggregateSlots)
        sums = .allocate(capacity: aggregateSlots)
        sums.initialize(repeating: .zero, count: aggregateSlots)
        points = .allocate(capacity: pairSlotsCount)
        points.initialize(repeating: .zero, count: pairSlotsCount)
        yuan = .allocate(capacity: pairSlotsCount)
        yuan.initialize(repeating: .zero, count: pairSlotsCount)
    }

    @inline(__always) func slot(_ aggregate: Int, _ worker: Int) -> Int { aggregate * workers + worker }
    func pairSlots(item: Int, worker: Int) -> [Int] { (pairsOfItem[item] ?? []).map { $0 * workers + worker } }

    deinit {
        counts.deallocate()
        sums.deallocate()
        points.deallocate()
        yuan.deallocate()
    }
}

/// One distinct() aggregate's sets, per worker.
final class DistinctSets {
    var sets: [Set<Value>]
    init(workers: Int) { sets = Array(repeating: [], count: workers) }
}

/// The distinct values of the roster's group column, numbered in order of first appearance, with
/// their members in roster order; looked up from a cell's bytes like worker ids.
public struct RosterGroups: Sendable {
    /// Group number of each worker.
    public let groupOf: [Int]
    /// Workers of each group, in roster order.
    public let members: [[Int]]
    /// The group's value as the roster writes it.
    public let values: [String]
    nonisolated(unsafe) let index: ByteKeyIndex

    init(_ valueOfWorker: [String]) {
        var number: [String: Int] = [:]
        var values: [String] = []
        var members: [[Int]] = []
        var groupOf: [Int] = []
        let index = ByteKeyIndex()
        for (w, v) in valueOfWorker.enumerated() {
            let g: Int
            if let known = number[v] { g = known } else {
                g = values.count
                number[v] = g
                values.append(v)
                members.append([])
                index.append(v)
            }
            groupOf.append(g)
            members[g].append(w)
        }
        self.groupOf = groupOf
        self.members = members
        self.values = values
        self.index = index
    }

    public var count: Int { values.count }

    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? { index.find(bytes) }
    public func find(_ value: String) -> Int? {
        var v = value
        return v.withUTF8 { index.find($0) }
    }
}
