/// Receives the key of every row of a table with `unique` columns, to find duplicates in bounded
/// memory (the pipeline spills them to disk and checks them after the file is read).
public protocol UniqueKeySink: AnyObject {
    func add(key: Int, hash: UInt64, line: Int)
}

/// A table's `unique` keys (SPEC §6, §8): a key used twice is an error at its second row, naming
/// the first. Where the keys are compared is chosen once per file: handed to a sink (a month's
/// table: the pipeline spills them and confirms duplicates after the file, memory flat in rows);
/// shared in memory with the table's other files (a quarter's months, the files a pattern
/// matches); or this file's own, in memory (rule-file tests, the roster).
final class UniqueKeys {
    enum Strategy {
        case spilled(UniqueKeySink)
        case shared(QuarterKeys)
        case inMemory
    }

    /// Each key's declared columns.
    let keys: [[Int]]
    let strategy: Strategy
    let columns: [ColumnSpec]
    /// The file as problems name it; keys shared with other files remember it.
    let file: String
    /// Set when the file is one month of a longer period (messages say "in the quarter").
    let period: PeriodKind?
    let problems: FileProblems
    /// This file's keys, for `.inMemory`: key bytes → first line.
    var seen: [[UniqueKeyBytes: Int]] = []

    init(spec: TableSpec, strategy: Strategy, period: PeriodKind?, problems: FileProblems) {
        keys = spec.uniqueKeys
        self.strategy = strategy
        columns = spec.columns
        file = spec.file
        self.period = period
        self.problems = problems
    }

    /// The strategy for a file: the sink where there is one (never for the roster, checked
    /// whole in memory); the keys of the table's other files where it has them (a roster shares
    /// only the files of one pattern, never a quarter's months: each month's roster stands alone).
    static func strategy(sink: UniqueKeySink?, shared: QuarterKeys?, isRoster: Bool, inQuarter: Bool) -> Strategy {
        if let sink, !isRoster { return .spilled(sink) }
        if let shared, !isRoster || !inQuarter { return .shared(shared) }
        return .inMemory
    }

    var isEmpty: Bool { keys.isEmpty }

    /// False when one of the row's keys was used before (reported). Spilled keys are confirmed
    /// later, by the pipeline.
    @inline(__always)
    func check<R: RawRecord>(_ record: R, fieldOf: [Int], line: Int) -> Bool {
        switch strategy {
        case .spilled(let sink):
            for (k, key) in keys.enumerated() {
                var h = KeyHash()
                for c in key { h.add(record.field(fieldOf[c])) }
                sink.add(key: k, hash: h.value, line: line)
            }
            return true
        case .shared(let shared):
            return checkShared(record, fieldOf: fieldOf, line: line, shared)
        case .inMemory:
            return checkInMemory(record, fieldOf: fieldOf, line: line)
        }
    }

    /// A unique key's cells, compared by their bytes (see UniqueKeyBytes), as the on-disk check
    /// of large months and the roster lookup compare them.
    func keyBytes<R: RawRecord>(_ record: R, _ key: [Int], fieldOf: [Int]) -> UniqueKeyBytes {
        UniqueKeyBytes(cells: key.lazy.map { record.field(fieldOf[$0]) })
    }

    func checkInMemory<R: RawRecord>(_ record: R, fieldOf: [Int], line: Int) -> Bool {
        if seen.isEmpty { seen = Array(repeating: [:], count: keys.count) }
        var unique = true
        for (k, key) in keys.enumerated() {
            let bytes = keyBytes(record, key, fieldOf: fieldOf)
            if let first = seen[k][bytes] {
                reportDuplicate(key: k, values: key.map { CellText.text(record.field(fieldOf[$0])) }, line: line, firstLine: first, fieldOf: fieldOf)
                unique = false
            } else {
                seen[k][bytes] = line
            }
        }
        return unique
    }

    /// Keys are unique across the table's files (a quarter's months, a pattern's matches).
    func checkShared<R: RawRecord>(_ record: R, fieldOf: [Int], line: Int, _ shared: QuarterKeys) -> Bool {
        if shared.seen.isEmpty { shared.seen = Array(repeating: [:], count: keys.count) }
        var unique = true
        for (k, key) in keys.enumerated() {
            let bytes = keyBytes(record, key, fieldOf: fieldOf)
            if let first = shared.seen[k][bytes] {
                reportDuplicate(key: k, values: key.map { CellText.text(record.field(fieldOf[$0])) }, line: line,
                                firstLine: first.line, firstFile: first.file, fieldOf: fieldOf)
                unique = false
            } else {
                shared.seen[k][bytes] = (file, line)
            }
        }
        return unique
    }

    /// Reports a duplicated key at its first column (also for the pipeline's on-disk check).
    func reportDuplicate(key k: Int, values: [String], line: Int, firstLine: Int, firstFile: String? = nil, fieldOf: [Int]) {
        let key = keys[k]
        let names = key.map { columns[$0].name }.joined(separator: " + ")
        problems.report(.duplicateKey, line: line, field: (fieldOf.isEmpty ? key[0] : fieldOf[key[0]]) + 1, column: names,
                        InputMessages.duplicateKey(names, values: values, firstFile: firstFile == file ? nil : firstFile, firstLine: firstLine, in: period))
    }
}

/// FNV-1a over the key's fields (with a separator), 64 bits: duplicates are then confirmed exactly.
public struct KeyHash {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    @inline(__always)
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var h = value
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        h ^= 0x1F
        value = h &* 0x100_0000_01b3
    }
}
