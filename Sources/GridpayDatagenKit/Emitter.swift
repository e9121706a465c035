import GridpayCore

/// A fill made ready for one month: every text as bytes in an arena, `{month}` resolved. Only
/// trivial payloads, so copying an op or switching over it costs nothing.
enum Op {
    /// Per-worker cells (worker ids, roster cells), indexed by worker.
    case cells(UnsafePointer<Text>)
    case text(Text)
    case sequence(prefix: Text, quoted: Bool, width: Int)
    case date
    case datetime(minuteLow: Int, minuteSpan: Int, seconds: Double)
    case integer(low: Int, span: Int)
    case decimal(low: Int, span: Int, places: Int, scale: Int, trim: Bool)
    case pick(TextList)
    case choice(TextList, cumulative: UnsafePointer<Double>, high: UnsafePointer<Double>, low: UnsafePointer<Double>?)
    case session(prefix: Text, quoted: Bool, width: Int)
    case sessionDate
    case name(surnames: TextList, given: TextList, quoted: Bool)
    /// Per-unit names, indexed by the worker's unit.
    case unit(TextList)
    case group(prefix: Text, separator: Text, quoted: Bool, unitWidth: Int, gridWidth: Int)
}

/// Writes the cells of rows into an output buffer. Holds a table's mutable state: its random
/// stream, the sequence counters, and the current batch's ascending dates per column. A struct
/// of plain pointers, used as a local variable: the hot loop has no reference counting.
struct Emitter {
    var out: OutBuffer
    var rng: Xoshiro256
    let shared: SharedMonth
    /// Next number of each column's sequence (shared by the batches of a table).
    let counters: UnsafeMutablePointer<Int>
    /// Per column: the current batch's days (1…) or times (minute of the month), ascending.
    let ordered: UnsafeMutablePointer<UnsafeMutablePointer<Int>>
    let dayCounts: UnsafeMutablePointer<Int>
    /// The current session (0-based) and its day, for session tables.
    var session = 0
    var sessionDay = 1

    /// `maxRows`: the most rows one batch of one worker can have.
    init(out: OutBuffer, seed: UInt64, shared: SharedMonth, arena: Arena, starts: [Int], maxRows: Int) {
        self.out = out
        rng = Xoshiro256(seed: seed)
        self.shared = shared
        counters = arena.copy(starts)
        ordered = arena.copy(starts.map { _ in arena.allocate(max(1, maxRows), 0) })
        dayCounts = arena.allocate(shared.days, 0)
    }

    /// Draws `rows` ascending dates or times for each date/time column of a batch.
    mutating func prepare(_ ops: UnsafePointer<Op>, columns: Int, rows: Int) {
        for c in 0..<columns { prepare(ops[c], column: c, rows: rows) }
    }

    @inline(__always)
    mutating func prepare(_ op: Op, column c: Int, rows: Int) {
        let days = shared.days
        switch op {
        case .date:
            for d in 0..<days { dayCounts[d] = 0 }
            for _ in 0..<rows { dayCounts[rng.below(days)] += 1 }
            let o = ordered[c]
            var i = 0
            for d in 0..<days {
                var n = dayCounts[d]
                while n > 0 {
                    o[i] = d + 1
                    i += 1
                    n -= 1
                }
            }
        case .datetime(let low, let span, _):
            let o = ordered[c]
            for i in 0..<rows { o[i] = rng.below(days) * 1440 + low + rng.below(span) }
            var buffer = UnsafeMutableBufferPointer(start: o, count: rows)
            buffer.sort()
        default:
            break
        }
    }

    @inline(__always)
    mutating func emit(_ op: Op, column c: Int, worker w: Int, row: Int) {
        switch op {
        case .cells(let cells):
            out.text(cells[w])
        case .text(let t):
            out.text(t)
        case .sequence(let prefix, let quoted, let width):
            out.text(prefix)
            out.number(counters[c], width: width)
            counters[c] += 1
            if quoted { out.byte(UInt8(ascii: "\"")) }
        case .date:
            out.text(Text(base: shared.dates + (ordered[c][row] - 1) * 10, count: 10))
        case .datetime(_, _, let seconds):
            emitDatetime(ordered[c][row], seconds: seconds)
        case .integer(let low, let span):
            let v = low + rng.below(span + 1)
            if v < 0 { out.byte(UInt8(ascii: "-")) }
            out.number(Int(v.magnitude))
        case .decimal(let low, let span, let places, let scale, let trim):
            emitDecimal(low + rng.below(span + 1), places: places, scale: scale, trim: trim)
        case .pick(let values):
            out.text(values[rng.below(values.count)])
        case .choice(let values, let cumulative, let high, let low):
            out.text(values[choose(values.count, cumulative: cumulative, high: high, low: low, worker: w)])
        case .session(let prefix, let quoted, let width):
            out.text(prefix)
            out.number(session + 1, width: width)
            if quoted { out.byte(UInt8(ascii: "\"")) }
        case .sessionDate:
            out.text(Text(base: shared.dates + (sessionDay - 1) * 10, count: 10))
        case .name(let surnames, let given, let quoted):
            if quoted { out.byte(UInt8(ascii: "\"")) }
            out.text(surnames[rng.below(surnames.count)])
            out.text(given[rng.below(given.count)])
            if quoted { out.byte(UInt8(ascii: "\"")) }
        case .unit(let names):
            out.text(names[Int(shared.unitOf[w])])
        case .group(let prefix, let separator, let quoted, let unitWidth, let gridWidth):
            out.text(prefix)
            out.number(Int(shared.unitOf[w]) + 1, width: unitWidth)
            out.text(separator)
            out.number(Int(shared.gridOf[w]) + 1, width: gridWidth)
            if quoted { out.byte(UInt8(ascii: "\"")) }
        }
    }

    /// A time of the month (minute of the month) as "YYYY-MM-DD HH:MM", with seconds at the
    /// share asked.
    @inline(__always)
    mutating func emitDatetime(_ t: Int, seconds: Double) {
        out.text(Text(base: shared.dates + (t / 1440) * 10, count: 10))
        let minute = t % 1440
        out.byte(UInt8(ascii: " "))
        out.twoDigits(minute / 60)
        out.byte(UInt8(ascii: ":"))
        out.twoDigits(minute % 60)
        if seconds > 0 && rng.unit() < seconds {
            out.byte(UInt8(ascii: ":"))
            out.twoDigits(rng.below(60))
        }
    }

    /// `v` / `scale` with `places` decimals (trailing zeros dropped where `trim`).
    @inline(__always)
    mutating func emitDecimal(_ v: Int, places: Int, scale: Int, trim: Bool) {
        if v < 0 { out.byte(UInt8(ascii: "-")) }
        let a = Int(v.magnitude)
        out.number(a / scale)
        guard places > 0 else { return }
        var f = a % scale
        var p = places
        if trim {
            while p > 0 && f % 10 == 0 {
                f /= 10
                p -= 1
            }
        }
        if p > 0 {
            out.byte(UInt8(ascii: "."))
            out.number(f, width: p)
        }
    }

    /// A weighted choice among `n` values: by the weights, or with low-diligence weights by the
    /// worker's diligence between the two.
    @inline(__always)
    mutating func choose(_ n: Int, cumulative: UnsafePointer<Double>, high: UnsafePointer<Double>, low: UnsafePointer<Double>?, worker w: Int) -> Int {
        guard let low else {
            let u = rng.unit() * cumulative[n - 1]
            for i in 0..<n where u < cumulative[i] && high[i] > 0 { return i }
            // A draw that rounded up to the total: the last value that can occur.
            var chosen = n - 1
            while chosen > 0 && high[chosen] <= 0 { chosen -= 1 }
            return chosen
        }
        let t = min(1, max(0, shared.diligence[w]))
        var total = 0.0
        for i in 0..<n { total += low[i] + (high[i] - low[i]) * t }
        var u = rng.unit() * total
        var lastPositive = 0
        for i in 0..<n {
            let weight = low[i] + (high[i] - low[i]) * t
            if weight <= 0 { continue }
            lastPositive = i
            if u < weight { return i }
            u -= weight
        }
        return lastPositive
    }
}
