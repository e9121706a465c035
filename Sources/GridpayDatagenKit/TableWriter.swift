import Foundation
import GridpayCore

/// The rows of one table of a month, written by its kind: the roster's cells as they are, a
/// session table's row per session and worker, a per-worker table's batches.
struct TableWriter {
    let table: TablePlan
    let shared: SharedMonth
    let options: GenerateOptions
    let arena: Arena
    let newline: [UInt8]
    let nl: Text
    let seed: UInt64
    let comma = UInt8(ascii: ",")

    init(table: TablePlan, shared: SharedMonth, options: GenerateOptions, arena: Arena) {
        self.table = table
        self.shared = shared
        self.options = options
        self.arena = arena
        newline = table.crlf ? [13, 10] : [10]
        nl = arena.text(newline)
        seed = Datagen.tableSeed(options.seed, shared.period, table.name)
    }

    func writeHeader(_ out: inout OutBuffer) throws {
        if table.bom { out.bytes([0xEF, 0xBB, 0xBF]) }
        for (i, name) in table.header.enumerated() {
            try out.reserve(name.utf8.count * 2 + 4)
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.bytes(CSVField.encoded(name))
        }
        out.bytes(newline)
    }

    /// Each column's fill bound to this month, and the longest row they can write.
    func bindAll(_ fills: [Fill]) -> (UnsafePointer<Op>, Int) {
        var ops: [Op] = []
        var limit = newline.count + fills.count
        for (c, f) in fills.enumerated() {
            let (op, n) = shared.bind(f, column: c, arena: arena, seed: options.seed)
            ops.append(op)
            limit += n
        }
        return (UnsafePointer(arena.copy(ops)), limit)
    }

    func writeRoster(_ out: inout OutBuffer) throws -> Int {
        let cells = shared.rosterCells!
        let columns = table.header.count
        let limit = shared.rosterLongest.reduce(newline.count + columns, +)
        for w in 0..<shared.workers {
            try out.reserve(limit)
            for c in 0..<columns {
                if c > 0 { out.byte(comma) }
                out.text(cells[c][w])
            }
            out.text(nl)
        }
        return shared.workers
    }

    func writeSessions(_ out: inout OutBuffer, low lo: Int, high hi: Int, fills: [Fill]) throws -> Int {
        let workers = shared.workers
        let (ops, limit) = bindAll(fills)
        var e = Emitter(out: out, seed: seed, shared: shared, arena: arena,
                        starts: Datagen.sequenceStarts([fills], columns: fills.count), maxRows: 1)
        let sessions = Int((Double(e.rng.between(lo, hi)) * options.rowsScale).rounded(.toNearestOrAwayFromZero))
        let days = Datagen.sessionDays(sessions, days: shared.days, rng: &e.rng)
        let columns = fills.count
        // Other date/time columns (not the session's own date) get a date per row.
        let ownDates = fills.contains { if case .date = $0 { true } else if case .datetime = $0 { true } else { false } }
        for s in 0..<sessions {
            e.session = s
            e.sessionDay = days[s]
            for w in 0..<workers {
                if ownDates { e.prepare(ops, columns: columns, rows: 1) }
                try e.out.reserve(limit)
                for c in 0..<columns {
                    if c > 0 { e.out.byte(comma) }
                    e.emit(ops[c], column: c, worker: w, row: 0)
                }
                e.out.text(nl)
            }
        }
        out = e.out
        return sessions * workers
    }

    func writePerWorker(_ out: inout OutBuffer, batches: [BatchPlan]) throws -> Int {
        let workers = shared.workers
        let bound = batches.map { bindAll($0.fills) }
        let plus: [UnsafePointer<Int>?] = batches.map { b in
            b.plusColumn.map { c in UnsafePointer(arena.copy((0..<workers).map { w in Datagen.wholeNumber(shared.rosterCells![c][w]) })) }
        }
        var e = Emitter(out: out, seed: seed, shared: shared, arena: arena,
                        starts: Datagen.sequenceStarts(batches.map(\.fills), columns: table.header.count),
                        maxRows: mostRows(batches, plus: plus))
        let columns = table.header.count
        var rows = 0
        for w in 0..<workers {
            let diligence = shared.diligence[w]
            for (b, batch) in batches.enumerated() {
                var n = Double(e.rng.between(batch.countLow, batch.countHigh))
                if let p = plus[b] { n += Double(p[w]) }
                if batch.scalesWithDiligence { n *= diligence }
                let count = Int((n * options.rowsScale).rounded(.toNearestOrAwayFromZero))
                guard count > 0 else { continue }
                let (ops, limit) = bound[b]
                e.prepare(ops, columns: columns, rows: count)
                for row in 0..<count {
                    try e.out.reserve(limit)
                    for c in 0..<columns {
                        if c > 0 { e.out.byte(comma) }
                        e.emit(ops[c], column: c, worker: w, row: row)
                    }
                    e.out.text(nl)
                }
                rows += count
            }
        }
        out = e.out
        return rows
    }

    /// The most rows one worker's batch can have (the emitter's per-row buffers are that long).
    func mostRows(_ batches: [BatchPlan], plus: [UnsafePointer<Int>?]) -> Int {
        let workers = shared.workers
        let maxDiligence = (0..<workers).reduce(1.0) { max($0, shared.diligence[$1]) }
        var maxRows = 1
        for (b, batch) in batches.enumerated() {
            let most = Double(batch.countHigh + (plus[b].map { p in (0..<workers).reduce(0) { max($0, p[$1]) } } ?? 0))
                * (batch.scalesWithDiligence ? maxDiligence : 1) * options.rowsScale
            maxRows = max(maxRows, Int(most.rounded(.toNearestOrAwayFromZero)) + 1)
        }
        return maxRows
    }
}
