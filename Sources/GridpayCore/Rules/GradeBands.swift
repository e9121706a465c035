/// Grade bands (`[[grades]]`, `[[ratings.bands]]`): read, checked and applied. Bands are listed
/// highest first, each with `min` (a score ≥ min gets the band), and the lowest without one, so
/// every score gets exactly one band.
public enum GradeBands {
    /// The product's name for a grade: the 等次 column and the value expressions use.
    public static let gradeName = "等次"

    /// The band a score falls in: the first whose minimum it reaches, else the lowest.
    public static func band(of score: ExactNumber, in bands: [GradeBand]) -> String {
        for b in bands {
            guard let m = b.minimum else { return b.name }
            if score >= m { return b.name }
        }
        return bands.last?.name ?? ""
    }

    /// Reads `[[<path>]]` tables into bands and reports, at their own lines, bands out of order,
    /// duplicate names, overlaps (two bands with the same min) and gaps (a band without min that
    /// is not the lowest, or a lowest band with one: scores below it would have no grade).
    static func read(_ tables: [TOMLTable], path: String, context ctx: CheckContext) -> [GradeBand] {
        var bands: [GradeBand] = []
        for (i, t) in tables.enumerated() {
            let r = TOMLReader(t, path: "[[\(path)]] #\(i + 1)", context: ctx, allowed: ["name", "min"])
            guard let name = r.text("name") else { continue }
            bands.append(GradeBand(name: name, minimum: r.number("min", required: false), location: t.location))
        }
        for (i, b) in bands.enumerated() {
            if let first = bands[..<i].first(where: { $0.name == b.name }) {
                ctx.diagnostics.append(.error("the grade '\(b.name)' is declared twice (first at line \(first.location.line)); each band needs its own name", at: b.location))
            }
            let isLowest = i == bands.count - 1
            guard let m = b.minimum else {
                if !isLowest {
                    ctx.diagnostics.append(.error("the band '\(b.name)' has no min, but bands follow it: only the lowest band goes without min; expected min = <score> (scores ≥ min get '\(b.name)')", at: b.location))
                }
                continue
            }
            if isLowest {
                ctx.diagnostics.append(.error("gap: scores below \(m) would have no grade; the lowest band '\(b.name)' takes every score below the band above it, so it has no min (or add a band without min after it)", at: b.location))
            }
            guard i > 0, let above = bands[i - 1].minimum else { continue }
            if m == above {
                ctx.diagnostics.append(.error("the bands '\(bands[i - 1].name)' and '\(b.name)' overlap: both start at \(m); expected each band's min below the one above it", at: b.location))
            } else if m > above {
                ctx.diagnostics.append(.error("bands out of order: '\(b.name)' (min \(m)) comes after '\(bands[i - 1].name)' (min \(above)); expected the highest band first and each min below the one above", at: b.location))
            }
        }
        return bands
    }

    /// Reads `[[ratings]]`: which periods are rated, what is averaged, the bands (own, or the
    /// assessment period's [[grades]]) and vetoes by flag.
    static func readRatings(_ tables: [TOMLTable], assessedBy kind: PeriodKind, grades: [GradeBand], items: [String], flags: [String],
                            context ctx: CheckContext) -> [RatingSpec] {
        var ratings: [RatingSpec] = []
        var rated: [PeriodKind: SourceLocation] = [:]
        let rateable: [PeriodKind] = [.quarter, .halfYear, .year].filter { CalendarPeriod.length(of: $0) > CalendarPeriod.length(of: kind) }
        for (i, t) in tables.enumerated() {
            let path = "[[ratings]] #\(i + 1)"
            let r = TOMLReader(t, path: path, context: ctx, allowed: ["periods", "mean", "places", "bands", "vetoes"])
            var periods: [PeriodKind] = []
            for node in r.array("periods") ?? [] {
                guard case .string(let s) = node.value, let k = PeriodKind(rawValue: s.value), rateable.contains(k) else {
                    r.error("periods lists what is rated: \(rateable.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")) (periods longer than the town's \(kind.rawValue)); found \(Self.shown(node))", at: node.location)
                    continue
                }
                if let first = rated[k] {
                    r.error("the \(k.rawValue) is already rated at line \(first.line); each period kind has one rating", at: node.location)
                    continue
                }
                rated[k] = node.location
                periods.append(k)
            }
            let meanOf = r.string("mean", required: false)
            if let m = meanOf, m.value != RuleLoader.totalName, !items.contains(m.value) {
                r.error("mean names '\(m.value)', which is not \(RuleLoader.totalName) or an item\(Suggestion.didYouMean(m.value, among: [RuleLoader.totalName] + items)); the mean is taken over published results", at: m.location(ofCharacterAt: 0))
            }
            var places = 2
            if let p = r.number("places", required: false) {
                if p.isInteger, p >= .zero, p <= ExactNumber(6) { places = Int(p.numerator) } else {
                    r.error("places must be a whole number of decimals 0 to 6", at: t["places"]?.location)
                }
            }
            var bands = read(r.tables("bands"), path: "ratings.bands", context: ctx)
            if bands.isEmpty { bands = grades }
            if bands.isEmpty {
                r.error("\(path) needs its bands: [[ratings.bands]] with name and min, highest first (or the town's [[grades]])", at: t.location)
            }
            var vetoes: [RatingVeto] = []
            for (j, vt) in r.tables("vetoes").enumerated() {
                let v = TOMLReader(vt, path: "[[ratings.vetoes]] #\(j + 1)", context: ctx, allowed: ["flag", "grade"])
                guard let flag = v.string("flag"), let grade = v.string("grade") else { continue }
                if !flags.contains(flag.value) {
                    v.error("the veto names the flag '\(flag.value)', which is not a [[flags]] name\(Suggestion.didYouMean(flag.value, among: flags))", at: flag.location(ofCharacterAt: 0))
                }
                if !bands.isEmpty, !bands.contains(where: { $0.name == grade.value }) {
                    v.error("the veto's grade '\(grade.value)' is not a band of this rating (\(bands.map(\.name).joined(separator: " / ")))\(Suggestion.didYouMean(grade.value, among: bands.map(\.name)))", at: grade.location(ofCharacterAt: 0))
                }
                vetoes.append(RatingVeto(flag: flag.value, grade: grade.value, location: vt.location))
            }
            ratings.append(RatingSpec(periods: periods, meanOf: meanOf?.value ?? RuleLoader.totalName, places: places,
                                      bands: bands, vetoes: vetoes, location: t.location))
        }
        return ratings
    }

    static func shown(_ node: TOMLNode) -> String {
        if case .string(let s) = node.value { return "'\(s.value)'" }
        return node.value.kindName
    }
}
