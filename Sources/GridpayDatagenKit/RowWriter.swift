import GridpayCore

/// A fill made ready for one month: text as file bytes, `{month}` resolved.
enum Bound {
    case worker
    case bytes([UInt8])
    case sequence(prefix: [UInt8], quoted: Bool, width: Int)
    case date
    case datetime(minuteLow: Int, minuteSpan: Int, seconds: Double)
    case integer(low: Int, span: Int)
    case decimal(low: Int, span: Int, places: Int, scale: Int, trim: Bool)
    case pick([[UInt8]])
    case choice([[UInt8]], pick: WeightedPick, high: [Double], low: [Double]?)
    case session(prefix: [UInt8], quoted: Bool, width: Int)
    case sessionDate
    case name(surnames: [[UInt8]], given: [[UInt8]], quoted: Bool)
    case unit([[UInt8]])
    case group(prefix: [UInt8], separator: [UInt8], quoted: Bool, unitWidth: Int, gridWidth: Int)
    case roster(FlatCells)
}

/// The month's calendar as bytes.
struct MonthBytes: Sendable {
    let period: Period
    let days: Int
    /// "YYYY-MM-DD" for day 1…days (index 0 unused).
    let dates: [[UInt8]]
    let tag: String

    init(_ period: Period) {
        self.period = period
        days = period.days
        var dates: [[UInt8]] = [[]]
        for d in 1...days {
            dates.append(Array((period.description + "-" + (d < 10 ? "0" : "") + String(d)).utf8))
        }
        self.dates = dates
        tag = period.description.replacingOccurrences(of: "-", with: "")
    }
}

/// Everything a table's fills may read: the month, the workers, the roster's cells.
struct FillEnvironment: Sendable {
    let month: MonthBytes
    let workforce: Workforce
    /// The month's roster cells per roster column (empty while the roster itself is generated).
    let rosterCells: [FlatCells]
    let seed: UInt64

    func bind(_ fill: Fill, column: Int) -> Bound {
        func quotedPrefix(_ template: String) -> ([UInt8], Bool) {
            let text = template.replacingOccurrences(of: "{month}", with: month.tag)
            let q = CSVField.needsQuotes(text)
            return (q ? [UInt8(ascii: "\"")] + CSVField.escapedInner(text) : Array(text.utf8), q)
        }
        switch fill {
        case .worker: return .worker
        case .constant(let text): return .bytes(CSVField.encoded(text))
        case .sequence(let prefix, let width, _):
            let (p, q) = quotedPrefix(prefix)
            return .sequence(prefix: p, quoted: q, width: width)
        case .date: return .date
        case .datetime(let lo, let hi, let seconds):
            return .datetime(minuteLow: lo * 60, minuteSpan: (hi - lo) * 60, seconds: seconds)
        case .integer(let lo, let hi): return .integer(low: lo, span: hi - lo)
        case .decimal(let lo, let hi, let places, let trim):
            var scale = 1
            for _ in 0..<places { scale *= 10 }
            return .decimal(low: lo, span: hi - lo, places: places, scale: scale, trim: trim)
        case .pick(let values): return .pick(values.map(CSVField.encoded))
        case .choice(let values, let weights, let low):
            return .choice(values.map(CSVField.encoded), pick: WeightedPick(weights), high: weights, low: low)
        case .session(let prefix, let width):
            let (p, q) = quotedPrefix(prefix)
            return .session(prefix: p, quoted: q, width: width)
        case .sessionDate: return .sessionDate
        case .name(let surnames, let given):
            let q = (surnames + given).contains(where: CSVField.needsQuotes)
            return .name(surnames: surnames.map(CSVField.escapedInner), given: given.map(CSVField.escapedInner), quoted: q)
        case .unit(let names, let suffixes, let weights):
            // Unit k: names[k mod n], numbered from the second round on, + a suffix by weight.
            var rng = Xoshiro256(seed: SeedMix.derive(seed, SeedMix.fnv1a("units"), UInt64(column)))
            let suffixPick = WeightedPick(weights)
            var out: [[UInt8]] = []
            for k in 0..<max(1, workforce.unitCount) {
                let round = k / names.count
                let text = names[k % names.count] + (round > 0 ? String(round + 1) : "") + suffixes[suffixPick.pick(&rng)]
                out.append(CSVField.encoded(text))
            }
            return .unit(out)
        case .group(let prefix, let separator):
            let q = CSVField.needsQuotes(prefix + separator)
            return .group(prefix: q ? [UInt8(ascii: "\"")] + CSVField.escapedInner(prefix) : Array(prefix.utf8),
                          separator: q ? CSVField.escapedInner(separator) : Array(separator.utf8), quoted: q,
                          unitWidth: max(2, String(workforce.unitCount).count),
                          gridWidth: max(2, String(workforce.maxGridsPerUnit).count))
        case .roster(let c): return .roster(rosterCells[c])
        }
    }

    /// An upper bound of the bytes one cell of this fill can take.
    func maxBytes(_ b: Bound) -> Int {
        switch b {
        case .worker: workforce.ids.longest
        case .bytes(let v): v.count
        case .sequence(let p, _, let w), .session(let p, _, let w): p.count + max(w, 20) + 1
        case .date, .sessionDate: 10
        case .datetime: 19
        case .integer, .decimal: 45
        case .pick(let values), .choice(let values, _, _, _), .unit(let values): values.map(\.count).max() ?? 0
        case .name(let s, let g, _): (s.map(\.count).max() ?? 0) + (g.map(\.count).max() ?? 0) + 2
        case .group(let p, let s, _, let uw, let gw): p.count + s.count + max(uw, gw) * 2 + 2
        case .roster(let cells): cells.longest
        }
    }
}

/// Writes the cells of rows, column by column, into a sink. Holds the per-table state: the
/// random stream, sequence counters, and each worker's ascending dates of the current batch.
final class RowWriter {
    let env: FillEnvironment
    var rng: Xoshiro256
    /// Next number of each column's sequence (shared by the batches of a table).
    var counters: [Int]
    /// Per column: the current batch's dates (day 1…) or times (minute of the month), ascending.
    var ordered: [[Int]]
    var dayCounts: [Int]
    /// The current session (0-based) and its day, for session tables.
    var session = 0
    var sessionDay = 1

    init(env: FillEnvironment, seed: UInt64, columns: Int, starts: [Int]) {
        self.env = env
        rng = Xoshiro256(seed: seed)
        counters = starts
        ordered = Array(repeating: [], count: columns)
        dayCounts = Array(repeating: 0, count: env.month.days)
    }

    /// Draws `count` ascending dates or times for every date/time column of a batch.
    func prepareBatch(_ fills: [Bound], count: Int) {
        let days = env.month.days
        for (c, fill) in fills.enumerated() {
            switch fill {
            case .date:
                for d in 0..<days { dayCounts[d] = 0 }
                for _ in 0..<count { dayCounts[rng.below(days)] += 1 }
                ordered[c].removeAll(keepingCapacity: true)
                for d in 0..<days where dayCounts[d] > 0 {
                    for _ in 0..<dayCounts[d] { ordered[c].append(d + 1) }
                }
            case .datetime(let low, let span, _):
                ordered[c].removeAll(keepingCapacity: true)
                for _ in 0..<count { ordered[c].append(rng.below(days) * 1440 + low + rng.below(span)) }
                ordered[c].sort()
            default:
                break
            }
        }
    }

    @inline(__always)
    func emit(_ fill: Bound, column c: Int, worker w: Int, row: Int, into sink: ByteSink) {
        switch fill {
        case .worker:
            sink.bytes(env.workforce.ids[w])
        case .bytes(let b):
            sink.bytes(b)
        case .sequence(let prefix, let quoted, let width):
            sink.bytes(prefix)
            sink.number(counters[c], width: width)
            counters[c] += 1
            if quoted { sink.byte(UInt8(ascii: "\"")) }
        case .date:
            sink.bytes(env.month.dates[ordered[c][row]])
        case .datetime(_, _, let seconds):
            let t = ordered[c][row]
            sink.bytes(env.month.dates[t / 1440 + 1])
            let minute = t % 1440
            sink.byte(UInt8(ascii: " "))
            sink.twoDigits(minute / 60)
            sink.byte(UInt8(ascii: ":"))
            sink.twoDigits(minute % 60)
            if seconds > 0 && rng.unit() < seconds {
                sink.byte(UInt8(ascii: ":"))
                sink.twoDigits(rng.below(60))
            }
        case .integer(let low, let span):
            let v = low + rng.below(span + 1)
            if v < 0 { sink.byte(UInt8(ascii: "-")) }
            sink.number(v.magnitude > UInt(Int.max) ? 0 : Int(v.magnitude))
        case .decimal(let low, let span, let places, let scale, let trim):
            let v = low + rng.below(span + 1)
            if v < 0 { sink.byte(UInt8(ascii: "-")) }
            let a = Int(v.magnitude)
            sink.number(a / scale)
            if places > 0 {
                var f = a % scale
                var p = places
                if trim {
                    while p > 0 && f % 10 == 0 { f /= 10; p -= 1 }
                }
                if p > 0 {
                    sink.byte(UInt8(ascii: "."))
                    sink.number(f, width: p)
                }
            }
        case .pick(let values):
            sink.bytes(values[rng.below(values.count)])
        case .choice(let values, let pick, let high, let low):
            if let low {
                let t = min(1, max(0, env.workforce.diligence[w]))
                var total = 0.0
                for i in 0..<high.count { total += low[i] + (high[i] - low[i]) * t }
                var u = rng.unit() * total
                var chosen = -1, lastPositive = 0
                for i in 0..<high.count {
                    let weight = low[i] + (high[i] - low[i]) * t
                    guard weight > 0 else { continue }
                    lastPositive = i
                    if u < weight { chosen = i; break }
                    u -= weight
                }
                if chosen < 0 { chosen = lastPositive }
                sink.bytes(values[chosen])
            } else {
                sink.bytes(values[pick.pick(&rng)])
            }
        case .session(let prefix, let quoted, let width):
            sink.bytes(prefix)
            sink.number(session + 1, width: width)
            if quoted { sink.byte(UInt8(ascii: "\"")) }
        case .sessionDate:
            sink.bytes(env.month.dates[sessionDay])
        case .name(let surnames, let given, let quoted):
            if quoted { sink.byte(UInt8(ascii: "\"")) }
            sink.bytes(surnames[rng.below(surnames.count)])
            sink.bytes(given[rng.below(given.count)])
            if quoted { sink.byte(UInt8(ascii: "\"")) }
        case .unit(let names):
            sink.bytes(names[Int(env.workforce.unitOf[w])])
        case .group(let prefix, let separator, let quoted, let unitWidth, let gridWidth):
            sink.bytes(prefix)
            sink.number(Int(env.workforce.unitOf[w]) + 1, width: unitWidth)
            sink.bytes(separator)
            sink.number(Int(env.workforce.gridOf[w]) + 1, width: gridWidth)
            if quoted { sink.byte(UInt8(ascii: "\"")) }
        case .roster(let cells):
            sink.bytes(cells[w])
        }
    }
}
