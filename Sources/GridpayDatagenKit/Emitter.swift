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

/// Read-only raw memory shared by the table jobs of a month (threads read it, nobody writes).
struct SharedMonth: @unchecked Sendable {
    let period: Period
    let days: Int
    /// "YYYY-MM-DD" for day d at dates + (d - 1) * 10.
    let dates: UnsafePointer<UInt8>
    let workers: Int
    let ids: UnsafePointer<Text>
    let unitOf: UnsafePointer<Int32>
    let gridOf: UnsafePointer<Int32>
    let diligence: UnsafePointer<Double>
    let unitCount: Int
    let maxGridsPerUnit: Int
    let longestId: Int
    /// The month's roster cells per roster column (nil while the roster itself is made).
    let rosterCells: UnsafePointer<UnsafePointer<Text>>?
    let rosterLongest: [Int]

    init(period: Period, workforce: Workforce, arena: Arena) {
        self.period = period
        days = period.days
        var dateBytes: [UInt8] = []
        for d in 1...days { dateBytes += Array((period.description + (d < 10 ? "-0" : "-") + String(d)).utf8) }
        dates = UnsafePointer(arena.copy(dateBytes))
        workers = workforce.count
        let idBytes = arena.copy(workforce.ids.bytes)
        var idTexts: [Text] = []
        idTexts.reserveCapacity(workforce.count)
        var start = 0
        for end in workforce.ids.ends {
            idTexts.append(Text(base: UnsafePointer(idBytes + start), count: end - start))
            start = end
        }
        ids = UnsafePointer(arena.copy(idTexts))
        unitOf = UnsafePointer(arena.copy(workforce.unitOf))
        gridOf = UnsafePointer(arena.copy(workforce.gridOf))
        diligence = UnsafePointer(arena.copy(workforce.diligence))
        unitCount = workforce.unitCount
        maxGridsPerUnit = workforce.maxGridsPerUnit
        longestId = workforce.ids.longest
        rosterCells = nil
        rosterLongest = []
    }

    private init(_ s: SharedMonth, rosterCells: UnsafePointer<UnsafePointer<Text>>, longest: [Int]) {
        period = s.period; days = s.days; dates = s.dates; workers = s.workers; ids = s.ids
        unitOf = s.unitOf; gridOf = s.gridOf; diligence = s.diligence; unitCount = s.unitCount
        maxGridsPerUnit = s.maxGridsPerUnit; longestId = s.longestId
        self.rosterCells = rosterCells
        rosterLongest = longest
    }

    func with(rosterCells: UnsafePointer<UnsafePointer<Text>>, longest: [Int]) -> SharedMonth {
        SharedMonth(self, rosterCells: rosterCells, longest: longest)
    }

    var tag: String { period.description.replacingOccurrences(of: "-", with: "") }

    /// The op for a fill, and a bound of the bytes one cell of it can take.
    func bind(_ fill: Fill, column: Int, arena: Arena, seed: UInt64) -> (Op, Int) {
        func prefixText(_ template: String) -> (Text, Bool) {
            let text = template.replacingOccurrences(of: "{month}", with: tag)
            let q = CSVField.needsQuotes(text)
            return (arena.text(q ? [UInt8(ascii: "\"")] + CSVField.escapedInner(text) : Array(text.utf8)), q)
        }
        switch fill {
        case .worker:
            return (.cells(ids), longestId)
        case .constant(let text):
            let t = arena.text(CSVField.encoded(text))
            return (.text(t), t.count)
        case .sequence(let prefix, let width, _):
            let (p, q) = prefixText(prefix)
            return (.sequence(prefix: p, quoted: q, width: width), p.count + max(width, 19) + 1)
        case .date:
            return (.date, 10)
        case .datetime(let lo, let hi, let seconds):
            return (.datetime(minuteLow: lo * 60, minuteSpan: (hi - lo) * 60, seconds: seconds), 19)
        case .integer(let lo, let hi):
            return (.integer(low: lo, span: hi - lo), 21)
        case .decimal(let lo, let hi, let places, let trim):
            var scale = 1
            for _ in 0..<places { scale *= 10 }
            return (.decimal(low: lo, span: hi - lo, places: places, scale: scale, trim: trim), 32)
        case .pick(let values):
            let list = arena.list(values.map(CSVField.encoded))
            return (.pick(list), list.longest)
        case .choice(let values, let weights, let low):
            let list = arena.list(values.map(CSVField.encoded))
            var cumulative: [Double] = []
            var total = 0.0
            for w in weights {
                total += w
                cumulative.append(total)
            }
            let lowPointer = low.map { UnsafePointer(arena.copy($0)) }
            return (.choice(list, cumulative: UnsafePointer(arena.copy(cumulative)), high: UnsafePointer(arena.copy(weights)), low: lowPointer),
                    list.longest)
        case .session(let prefix, let width):
            let (p, q) = prefixText(prefix)
            return (.session(prefix: p, quoted: q, width: width), p.count + max(width, 19) + 1)
        case .sessionDate:
            return (.sessionDate, 10)
        case .name(let surnames, let given):
            let q = (surnames + given).contains(where: CSVField.needsQuotes)
            let s = arena.list(surnames.map(CSVField.escapedInner))
            let g = arena.list(given.map(CSVField.escapedInner))
            return (.name(surnames: s, given: g, quoted: q), s.longest + g.longest + 2)
        case .unit(let names, let suffixes, let weights):
            // Unit k: names[k mod n], numbered from the second round on, + a suffix by weight.
            var rng = Xoshiro256(seed: SeedMix.derive(seed, SeedMix.fnv1a("units"), UInt64(column)))
            let suffixPick = WeightedPick(weights)
            var texts: [[UInt8]] = []
            for k in 0..<max(1, unitCount) {
                let round = k / names.count
                texts.append(CSVField.encoded(names[k % names.count] + (round > 0 ? String(round + 1) : "") + suffixes[suffixPick.pick(&rng)]))
            }
            let list = arena.list(texts)
            return (.unit(list), list.longest)
        case .group(let prefix, let separator):
            let q = CSVField.needsQuotes(prefix + separator)
            let p = arena.text(q ? [UInt8(ascii: "\"")] + CSVField.escapedInner(prefix) : Array(prefix.utf8))
            let s = arena.text(q ? CSVField.escapedInner(separator) : Array(separator.utf8))
            let uw = max(2, String(unitCount).count), gw = max(2, String(maxGridsPerUnit).count)
            return (.group(prefix: p, separator: s, quoted: q, unitWidth: uw, gridWidth: gw), p.count + s.count + uw + gw + 1)
        case .roster(let c):
            return (.cells(rosterCells![c]), rosterLongest[c])
        }
    }
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
            let t = ordered[c][row]
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
        case .integer(let low, let span):
            let v = low + rng.below(span + 1)
            if v < 0 { out.byte(UInt8(ascii: "-")) }
            out.number(Int(v.magnitude))
        case .decimal(let low, let span, let places, let scale, let trim):
            let v = low + rng.below(span + 1)
            if v < 0 { out.byte(UInt8(ascii: "-")) }
            let a = Int(v.magnitude)
            out.number(a / scale)
            if places > 0 {
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
        case .pick(let values):
            out.text(values[rng.below(values.count)])
        case .choice(let values, let cumulative, let high, let low):
            let n = values.count
            var chosen = n - 1
            if let low {
                let t = min(1, max(0, shared.diligence[w]))
                var total = 0.0
                for i in 0..<n { total += low[i] + (high[i] - low[i]) * t }
                var u = rng.unit() * total
                var lastPositive = 0
                chosen = -1
                for i in 0..<n {
                    let weight = low[i] + (high[i] - low[i]) * t
                    if weight <= 0 { continue }
                    lastPositive = i
                    if u < weight {
                        chosen = i
                        break
                    }
                    u -= weight
                }
                if chosen < 0 { chosen = lastPositive }
            } else {
                let u = rng.unit() * cumulative[n - 1]
                chosen = -1
                for i in 0..<n where u < cumulative[i] && high[i] > 0 {
                    chosen = i
                    break
                }
                if chosen < 0 {  // a draw that rounded up to the total: the last value that can occur
                    chosen = n - 1
                    while chosen > 0 && high[chosen] <= 0 { chosen -= 1 }
                }
            }
            out.text(values[chosen])
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
}
