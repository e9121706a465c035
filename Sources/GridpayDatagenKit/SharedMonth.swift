import GridpayCore

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
            return bindChoice(values, weights: weights, low: low, arena: arena)
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
            return bindUnits(names, suffixes: suffixes, weights: weights, column: column, arena: arena, seed: seed)
        case .group(let prefix, let separator):
            return bindGroup(prefix: prefix, separator: separator, arena: arena)
        case .roster(let c):
            return (.cells(rosterCells![c]), rosterLongest[c])
        }
    }

    func bindChoice(_ values: [String], weights: [Double], low: [Double]?, arena: Arena) -> (Op, Int) {
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
    }

    /// Unit k: names[k mod n], numbered from the second round on, + a suffix by weight.
    func bindUnits(_ names: [String], suffixes: [String], weights: [Double], column: Int, arena: Arena, seed: UInt64) -> (Op, Int) {
        var rng = Xoshiro256(seed: SeedMix.derive(seed, SeedMix.fnv1a("units"), UInt64(column)))
        let suffixPick = WeightedPick(weights)
        var texts: [[UInt8]] = []
        for k in 0..<max(1, unitCount) {
            let round = k / names.count
            texts.append(CSVField.encoded(names[k % names.count] + (round > 0 ? String(round + 1) : "") + suffixes[suffixPick.pick(&rng)]))
        }
        let list = arena.list(texts)
        return (.unit(list), list.longest)
    }

    func bindGroup(prefix: String, separator: String, arena: Arena) -> (Op, Int) {
        let q = CSVField.needsQuotes(prefix + separator)
        let p = arena.text(q ? [UInt8(ascii: "\"")] + CSVField.escapedInner(prefix) : Array(prefix.utf8))
        let s = arena.text(q ? CSVField.escapedInner(separator) : Array(separator.utf8))
        let uw = max(2, String(unitCount).count), gw = max(2, String(maxGridsPerUnit).count)
        return (.group(prefix: p, separator: s, quoted: q, unitWidth: uw, gridWidth: gw), p.count + s.count + uw + gw + 1)
    }
}
