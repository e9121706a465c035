/// Scoring one period: every worker's items, total, rank, grade and pay, computed from what was
/// read (`MonthRead`, read-only) and earlier periods (`history`). Each result is computed once and
/// kept (the memo); the results across workers (group functions, awards) once per period.
public final class MonthScoring {
    public let read: MonthRead
    public let history: HistoryProvider?

    /// Evaluated worker symbols: [symbol × worker], laid out by `memo`.
    let memo: MemoLayout
    let memoStore: UnsafeMutablePointer<Value?>
    var groupResults: [Int: [Value]] = [:]
    var awardResults: [Int: [ExactNumber]] = [:]
    /// Per award, each sharing worker's pot: its `per` value (nil without `per`) and how many share it.
    var awardPots: [Int: [Int: (key: Value?, size: Int)]] = [:]
    var itemYuan: [Int: [ExactNumber]] = [:]
    /// Per worker, the deductions of 扣分明细 kept in memory: those read, then the counted ones and
    /// the bound corrections as items are scored; handed to the report (`takeRecords`).
    var records: [[DeductionRecord]]
    /// Earlier periods that consecutive() could not see, with the reason.
    public internal(set) var incompleteHistory: [CalendarPeriod: HistoryReason] = [:]
    /// What consecutive(…, missing = …) assumed for a worker, for 备注.
    public internal(set) var historyAssumptions: [Int: Set<String>] = [:]

    public init(_ read: MonthRead, history: HistoryProvider?) {
        self.read = read
        self.history = history
        records = read.records
        memo = MemoLayout(read.rules)
        let slots = max(1, memo.count * read.workerCount)
        memoStore = .allocate(capacity: slots)
        memoStore.initialize(repeating: nil, count: slots)
    }

    deinit {
        memoStore.deinitialize(count: max(1, memo.count * read.workerCount))
        memoStore.deallocate()
    }

    public var rules: RuleSet { read.rules }
    public var span: CalendarPeriod { read.span }
    public var period: Period { read.period }
    var lengths: PeriodLengths { read.lengths }
    public var ids: [String] { read.ids }
    public var rosterRows: [[Value]] { read.rosterRows }
    public var rosterLines: [Int] { read.rosterLines }
    public var groups: RosterGroups { read.groups }
    public var workerCount: Int { read.workerCount }
    var acc: Accumulators { read.accumulators }

    public func workerIndex(_ id: String) -> Int? { read.workerIndex(id) }

    /// Where symbol `s` of worker `w` is kept.
    func memoSlot(_ s: WorkerSymbol, _ w: Int) -> UnsafeMutablePointer<Value?> {
        memoStore + (memo.row(of: s) * workerCount + w)
    }

    /// Hands a worker's in-memory deduction records to the report (kept once, not twice).
    func takeRecords(worker w: Int) -> [DeductionRecord] {
        let r = records[w]
        records[w] = []
        return r
    }
}

/// The rows of the memo, one per worker symbol of the rule file: the indexed families (values,
/// items, awards) one after another, then the product's own symbols in the order `productSymbols`
/// lists them. Derived from the rule file's counts, so a symbol added to either is placed.
struct MemoLayout {
    static let productSymbols: [WorkerSymbol] = [.total, .rank, .dutyMet, .payBase, .scorePay, .itemYuan, .grade]

    let itemsStart: Int
    let awardsStart: Int
    let productStart: Int
    let count: Int

    init(_ rules: RuleSet) {
        itemsStart = rules.values.count
        awardsStart = itemsStart + rules.items.count
        productStart = awardsStart + rules.awards.count
        count = productStart + Self.productSymbols.count
    }

    func row(of s: WorkerSymbol) -> Int {
        switch s {
        case .value(let k): return k
        case .item(let k): return itemsStart + k
        case .award(let k): return awardsStart + k
        case .total, .rank, .dutyMet, .payBase, .scorePay, .itemYuan, .grade:
            guard let k = Self.productSymbols.firstIndex(of: s) else { preconditionFailure("every product symbol has a memo row") }
            return productStart + k
        }
    }
}
