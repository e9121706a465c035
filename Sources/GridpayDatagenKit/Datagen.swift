import Dispatch
import Foundation
import GridpayCore
#if canImport(Glibc)
import Glibc
#endif

public struct GenerateOptions: Sendable {
    public var workers: Int
    /// The last month written; with `months` > 1 the months before it are written too.
    public var lastMonth: Period
    public var months: Int
    public var seed: UInt64
    /// Multiplies every table's rows per worker (and sessions).
    public var rowsScale: Double
    /// Files go to `<outputDir>/<town>/<YYYY-MM>/`.
    public var outputDir: String
    /// Write a month's tables on several threads (the bytes are the same either way).
    public var parallel: Bool

    public init(workers: Int, lastMonth: Period, months: Int = 1, seed: UInt64, rowsScale: Double = 1,
                outputDir: String, parallel: Bool = true) {
        self.workers = workers
        self.lastMonth = lastMonth
        self.months = months
        self.seed = seed
        self.rowsScale = rowsScale
        self.outputDir = outputDir
        self.parallel = parallel
    }
}

public struct WrittenFile: Sendable {
    public var period: Period
    public var table: String
    public var path: String
    /// Data rows (the header not counted).
    public var rows: Int
    public var bytes: Int
}

/// Writes months of exports for a town from a checked shape: deterministic (same plan, seed and
/// options → the same bytes), streaming (memory grows with the workers, not the rows).
public enum Datagen {
    public static func generate(_ plan: GenerationPlan, _ options: GenerateOptions) throws -> [WrittenFile] {
        guard options.workers >= 1 else { throw DatagenFailure(message: "--workers must be at least 1") }
        guard options.months >= 1 else { throw DatagenFailure(message: "--months must be at least 1") }
        guard options.rowsScale.isFinite, options.rowsScale >= 0 else { throw DatagenFailure(message: "--rows-scale must be a number ≥ 0") }
        let workforce = Workforce(model: plan.workers, count: options.workers, seed: options.seed)
        var written: [WrittenFile] = []
        for m in stride(from: options.months - 1, through: 0, by: -1) {
            let period = options.lastMonth.adding(months: -m)
            written += try writeMonth(plan, period: period, workforce: workforce, options: options)
        }
        return written
    }

    static func writeMonth(_ plan: GenerationPlan, period: Period, workforce: Workforce, options: GenerateOptions) throws -> [WrittenFile] {
        let directory = "\(options.outputDir)/\(plan.town)/\(period)"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DatagenFailure(message: "cannot create the folder \(directory): \(error.localizedDescription)")
        }
        let arena = Arena()
        return try withExtendedLifetime(arena) {
            // The roster's cells first (other tables may copy them): the same every month.
            let base = SharedMonth(period: period, workforce: workforce, arena: arena)
            let (cells, longest) = try rosterColumns(plan, shared: base, arena: arena, seed: options.seed)
            let shared = base.with(rosterCells: UnsafePointer(arena.copy(cells)), longest: longest)

            let results = ResultBox(count: plan.tables.count)
            // Largest tables first, so that the threads finish together.
            let order = plan.tables.indices.sorted { estimate(plan.tables[$0]) > estimate(plan.tables[$1]) }
            let work: @Sendable (Int) -> Void = { job in
                let t = order[job]
                let table = plan.tables[t]
                do {
                    results.set(t, .success(try writeTable(table, shared: shared, path: "\(directory)/\(table.file)", options: options)))
                } catch {
                    results.set(t, .failure(error))
                }
            }
            if options.parallel {
                DispatchQueue.concurrentPerform(iterations: order.count, execute: work)
            } else {
                for job in order.indices { work(job) }
            }
            var out: [WrittenFile] = []
            for (t, table) in plan.tables.enumerated() {
                switch results.get(t) {
                case .success(let (rows, bytes))?:
                    out.append(WrittenFile(period: period, table: table.name, path: "\(directory)/\(table.file)", rows: rows, bytes: bytes))
                case .failure(let error)?:
                    throw error
                case nil:
                    throw DatagenFailure(message: "table \(table.name) was not written")
                }
            }
            return out
        }
    }

    static func estimate(_ t: TablePlan) -> Int {
        switch t.kind {
        case .roster(let fills): fills.count
        case .sessions(let lo, let hi, let fills): (lo + hi) * fills.count
        case .perWorker(let batches): batches.reduce(0) { $0 + ($1.countLow + $1.countHigh) * $1.fills.count }
        }
    }

    static func tableSeed(_ seed: UInt64, _ period: Period, _ name: String) -> UInt64 {
        SeedMix.derive(seed, UInt64(period.year * 12 + period.month), SeedMix.fnv1a(name))
    }

    static func sequenceStarts(_ fills: [[Fill]], columns: Int) -> [Int] {
        (0..<columns).map { c in
            fills.lazy.compactMap { f -> Int? in if case .sequence(_, _, let s) = f[c] { s } else { nil } }.first ?? 0
        }
    }

    /// Every roster column's cells for every worker, in the arena. One random stream per column,
    /// independent of the month: the roster is the same in every month of a run.
    static func rosterColumns(_ plan: GenerationPlan, shared: SharedMonth, arena: Arena, seed: UInt64) throws -> ([UnsafePointer<Text>], [Int]) {
        guard case .roster(let fills) = plan.rosterPlan.kind else { return ([], []) }
        let count = shared.workers
        var columns: [UnsafePointer<Text>] = []
        var longest: [Int] = []
        for (c, fill) in fills.enumerated() {
            let (op, limit) = shared.bind(fill, column: c, arena: arena, seed: seed)
            var e = Emitter(out: OutBuffer(file: nil, capacity: max(1 << 16, count * 8)),
                            seed: SeedMix.derive(seed, SeedMix.fnv1a("roster"), UInt64(c)), shared: shared, arena: arena,
                            starts: sequenceStarts([fills], columns: fills.count), maxRows: 1)
            var ends: [Int] = []
            ends.reserveCapacity(count)
            for w in 0..<count {
                try e.out.reserve(limit)
                e.prepare(op, column: c, rows: 1)
                e.emit(op, column: c, worker: w, row: 0)
                ends.append(e.out.count)
            }
            let bytes = arena.allocate(e.out.count, UInt8(0))
            bytes.update(from: e.out.base, count: e.out.count)
            e.out.free()
            var texts: [Text] = []
            texts.reserveCapacity(count)
            var start = 0
            var longestCell = 0
            for end in ends {
                texts.append(Text(base: UnsafePointer(bytes + start), count: end - start))
                longestCell = max(longestCell, end - start)
                start = end
            }
            columns.append(UnsafePointer(arena.copy(texts)))
            longest.append(longestCell)
        }
        return (columns, longest)
    }

    /// Writes one file; returns (data rows, bytes).
    static func writeTable(_ table: TablePlan, shared: SharedMonth, path: String, options: GenerateOptions) throws -> (Int, Int) {
        guard let file = fopen(path, "wb") else {
            throw DatagenFailure(message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        let arena = Arena()
        return try withExtendedLifetime(arena) {
            var out = OutBuffer(file: file, path: path, capacity: 1 << 22)
            defer { out.free() }
            let writer = TableWriter(table: table, shared: shared, options: options, arena: arena)
            try writer.writeHeader(&out)
            let rows: Int
            switch table.kind {
            case .roster: rows = try writer.writeRoster(&out)
            case .sessions(let lo, let hi, let fills): rows = try writer.writeSessions(&out, low: lo, high: hi, fills: fills)
            case .perWorker(let batches): rows = try writer.writePerWorker(&out, batches: batches)
            }
            try out.flush()
            if fflush(file) != 0 {
                throw DatagenFailure(message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            return (rows, out.total)
        }
    }

    /// Days of the sessions, ascending: distinct while the month has enough days.
    static func sessionDays(_ n: Int, days: Int, rng: inout Xoshiro256) -> [Int] {
        var pool = Array(1...days)
        var out: [Int] = []
        if n <= days {
            for i in 0..<n {
                pool.swapAt(i, i + rng.below(days - i))
                out.append(pool[i])
            }
        } else {
            for _ in 0..<n { out.append(1 + rng.below(days)) }
        }
        return out.sorted()
    }

    static func wholeNumber(_ t: Text) -> Int {
        Int(String(decoding: UnsafeBufferPointer(start: t.base, count: t.count), as: UTF8.self)) ?? 0
    }
}

/// Results of the table jobs of a month, set from several threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<(Int, Int), Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<(Int, Int), Error>) {
        lock.lock()
        results[i] = r
        lock.unlock()
    }

    func get(_ i: Int) -> Result<(Int, Int), Error>? {
        lock.lock()
        defer { lock.unlock() }
        return results[i]
    }
}
