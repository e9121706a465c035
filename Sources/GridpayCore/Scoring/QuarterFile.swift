/// How one month's file of a quarter (half-year, year) is read (SPEC §8): its rows keep their own file
/// (`2026-07/patrol.csv`) and line, dates are checked against that month, a worker must be on
/// the quarter's last roster to count, and unique ids are unique across the quarter.
public struct QuarterFile {
    /// The period's kind (quarter, half-year, year), for what messages call its last roster.
    public var kind: PeriodKind
    /// The folder's month: dates that must lie in the period must lie in it.
    public var month: Period
    /// The file as rows, problems and 扣分明细 name it, e.g. `2026-07/patrol.csv`.
    public var label: String
    /// Workers on this month's roster but not on the quarter's last one: their rows are
    /// validated, listed as warnings (已不在季度末名册) and not counted.
    public var departed: WorkerIDs
    /// This month's roster and the quarter's last one, as messages name them.
    public var ownRoster: String
    public var lastRoster: String
    /// The table's unique keys seen so far in the quarter (shared by its three files).
    public var keys: QuarterKeys

    public init(kind: PeriodKind = .quarter, month: Period, label: String, departed: WorkerIDs, ownRoster: String, lastRoster: String, keys: QuarterKeys) {
        self.kind = kind
        self.month = month
        self.label = label
        self.departed = departed
        self.ownRoster = ownRoster
        self.lastRoster = lastRoster
        self.keys = keys
    }
}

/// A set of worker ids looked up by the cell's bytes.
public final class WorkerIDs {
    let index = ByteKeyIndex()
    public private(set) var count = 0

    public init(_ ids: [String] = []) { for id in ids { insert(id) } }

    public func insert(_ id: String) {
        var id = id
        if id.withUTF8({ index.find($0) }) != nil { return }
        index.append(id)
        count += 1
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { index.find(bytes) != nil }
}

/// The keys of one table's `unique` columns across the quarter's files: key text → where it
/// was first used. Kept in memory (a quarterly town's rows, not a province's).
public final class QuarterKeys {
    var seen: [[UniqueKeyBytes: (file: String, line: Int)]] = []
    public init() {}
}
