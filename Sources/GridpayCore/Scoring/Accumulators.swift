/// Per-worker running totals of one period, in plain buffers (see MonthReading and MonthRead).
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
