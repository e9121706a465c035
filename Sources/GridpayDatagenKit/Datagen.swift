import Dispatch
import Foundation
import GridpayCore

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
        let month = MonthBytes(period)
        // The roster's cells first (other tables may copy them); same streams every month.
        let rosterEnv = FillEnvironment(month: month, workforce: workforce, rosterCells: [], seed: options.seed)
        let rosterCells = try rosterColumns(plan, env: rosterEnv, seed: options.seed)
        let env = FillEnvironment(month: month, workforce: workforce, rosterCells: rosterCells, seed: options.seed)

        let results = ResultBox(count: plan.tables.count)
        // Largest tables first, so that two threads finish together.
        let order = plan.tables.indices.sorted { estimate(plan.tables[$0]) > estimate(plan.tables[$1]) }
        let work: @Sendable (Int) -> Void = { job in
            let t = order[job]
            let table = plan.tables[t]
            let path = "\(directory)/\(table.file)"
            do {
                let rows = try writeTable(table, plan: plan, env: env, cells: rosterCells, path: path, options: options)
                results.set(t, .success(rows))
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

    /// Every roster column's cells for every worker (in memory: one row per worker).
    static func rosterColumns(_ plan: GenerationPlan, env: FillEnvironment, seed: UInt64) throws -> [FlatCells] {
        guard case .roster(let fills) = plan.rosterPlan.kind else { return [] }
        let count = env.workforce.count
        var columns: [FlatCells] = []
        let sink = ByteSink()
        for (c, fill) in fills.enumerated() {
            let bound = env.bind(fill, column: c)
            // One stream per roster column: the roster does not depend on the month (dates apart).
            let writer = RowWriter(env: env, seed: SeedMix.derive(seed, SeedMix.fnv1a("roster"), UInt64(c)), columns: fills.count,
                                   starts: fills.map { if case .sequence(_, _, let s) = $0 { s } else { 0 } })
            let limit = env.maxBytes(bound)
            var cells = FlatCells()
            cells.ends.reserveCapacity(count)
            for w in 0..<count {
                switch bound {
                case .date, .datetime: writer.prepareBatch(Array(repeating: .worker, count: c) + [bound], count: 1)
                default: break
                }
                try sink.reserve(limit)
                writer.emit(bound, column: c, worker: w, row: 0, into: sink)
                cells.append(sink.takeBytes())
            }
            columns.append(cells)
        }
        return columns
    }

    /// Writes one file; returns (data rows, bytes).
    static func writeTable(_ table: TablePlan, plan: GenerationPlan, env: FillEnvironment, cells: [FlatCells],
                           path: String, options: GenerateOptions) throws -> (Int, Int) {
        let sink = try ByteSink(path: path)
        let newline: [UInt8] = table.crlf ? [13, 10] : [10]
        if table.bom { sink.bytes([0xEF, 0xBB, 0xBF]) }
        for (i, name) in table.header.enumerated() {
            if i > 0 { sink.byte(UInt8(ascii: ",")) }
            sink.bytes(CSVField.encoded(name))
        }
        sink.bytes(newline)
        let workforce = env.workforce
        var rows = 0
        let scale = options.rowsScale

        func rowLimit(_ bound: [Bound]) -> Int { bound.reduce(newline.count + bound.count) { $0 + env.maxBytes($1) } }

        switch table.kind {
        case .roster:
            let limit = cells.reduce(newline.count + cells.count) { $0 + $1.longest }
            for w in 0..<workforce.count {
                try sink.reserve(limit)
                for c in cells.indices {
                    if c > 0 { sink.byte(UInt8(ascii: ",")) }
                    sink.bytes(cells[c][w])
                }
                sink.bytes(newline)
                rows += 1
            }
        case .sessions(let lo, let hi, let fills):
            let writer = RowWriter(env: env, seed: tableSeed(options.seed, env.month.period, table.name), columns: fills.count,
                                   starts: fills.map { if case .sequence(_, _, let s) = $0 { s } else { 0 } })
            let bound = fills.enumerated().map { env.bind($1, column: $0) }
            let limit = rowLimit(bound)
            let sessions = Int((Double(writer.rng.between(lo, hi)) * scale).rounded(.toNearestOrAwayFromZero))
            let days = sessionDays(sessions, month: env.month, rng: &writer.rng)
            for s in 0..<sessions {
                writer.session = s
                writer.sessionDay = days[s]
                for w in 0..<workforce.count {
                    try sink.reserve(limit)
                    for (c, fill) in bound.enumerated() {
                        if c > 0 { sink.byte(UInt8(ascii: ",")) }
                        writer.emit(fill, column: c, worker: w, row: 0, into: sink)
                    }
                    sink.bytes(newline)
                    rows += 1
                }
            }
        case .perWorker(let batches):
            // A column's sequence counts on across batches, from the first batch's start.
            let starts = table.header.indices.map { c in
                batches.lazy.compactMap { b -> Int? in if case .sequence(_, _, let s) = b.fills[c] { s } else { nil } }.first ?? 0
            }
            let writer = RowWriter(env: env, seed: tableSeed(options.seed, env.month.period, table.name), columns: table.header.count, starts: starts)
            let bound = batches.map { b in b.fills.enumerated().map { env.bind($1, column: $0) } }
            let limits = bound.map(rowLimit)
            let plus: [[Int]?] = batches.map { b in b.plusColumn.map { c in wholeNumbers(cells[c]) } }
            for w in 0..<workforce.count {
                let diligence = workforce.diligence[w]
                for (b, batch) in batches.enumerated() {
                    var base = Double(writer.rng.between(batch.countLow, batch.countHigh))
                    if let p = plus[b] { base += Double(p[w]) }
                    if batch.scalesWithDiligence { base *= diligence }
                    let count = Int((base * scale).rounded(.toNearestOrAwayFromZero))
                    guard count > 0 else { continue }
                    let fills = bound[b]
                    writer.prepareBatch(fills, count: count)
                    for row in 0..<count {
                        try sink.reserve(limits[b])
                        for (c, fill) in fills.enumerated() {
                            if c > 0 { sink.byte(UInt8(ascii: ",")) }
                            writer.emit(fill, column: c, worker: w, row: row, into: sink)
                        }
                        sink.bytes(newline)
                        rows += 1
                    }
                }
            }
        }
        try sink.close()
        return (rows, sink.bytesWritten)
    }

    /// Days of the sessions, ascending: distinct while the month has enough days.
    static func sessionDays(_ n: Int, month: MonthBytes, rng: inout Xoshiro256) -> [Int] {
        var days = Array(1...month.days)
        var out: [Int] = []
        if n <= month.days {
            for i in 0..<n {
                let j = i + rng.below(month.days - i)
                days.swapAt(i, j)
                out.append(days[i])
            }
        } else {
            for _ in 0..<n { out.append(1 + rng.below(month.days)) }
        }
        return out.sorted()
    }

    static func wholeNumbers(_ cells: FlatCells) -> [Int] {
        (0..<cells.ends.count).map { Int(cells.text($0)) ?? 0 }
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
