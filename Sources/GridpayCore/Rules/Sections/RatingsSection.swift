/// `[[ratings]]`: quarters, half-years and years rated from the assessment periods inside
/// (SPEC §8): what is averaged, the bands (own, or the town's [[grades]]) and vetoes by flag.
///
///     [[ratings]]
///     periods = ["half-year", "year"]
///     mean = "总分"                  # or an item's name (default 总分)
///     places = 2                    # decimals of 平均分 (default 2)
///       [[ratings.bands]]  name, min (as [[grades]])
///       [[ratings.vetoes]]
///       flag = "一票否决"
///       grade = "不合格"
enum RatingsSection {
    static let keys = ["periods", "mean", "places", "bands", "vetoes"]

    /// `items`: the items' names (what may be averaged besides 总分); `grades`: the town's bands
    /// (a rating without its own uses them); `flags`: every flag declared (what may veto).
    static func read(_ d: RuleReading, periodKind: PeriodKind, items: [String], grades: [GradeBand], flags: [String]) -> [RatingSpec] {
        var ratings: [RatingSpec] = []
        var rated: [PeriodKind: SourceLocation] = [:]
        for (i, t) in d.top.tables("ratings").enumerated() {
            let path = RulePlaces.ratingSection(i + 1)
            let r = d.section(t, path, allowed: keys)
            let periods = readPeriods(r, rated: &rated, periodKind: periodKind, d)
            let meanOf = r.string("mean", required: false)
            if let m = meanOf, m.value != RuleLoader.totalName, !items.contains(m.value) {
                d.report(RuleMessages.meanNotAnItem(m.value, items: items, at: m.location(ofCharacterAt: 0)))
            }
            var places = 2
            if let p = r.number("places", required: false) {
                if p.isInteger, p >= .zero, p <= ExactNumber(6) { places = Int(p.numerator) } else {
                    d.report(RuleMessages.badRatingPlaces(at: t["places"]?.location))
                }
            }
            var bands = GradesSection.readBands(r.tables("bands"), path: RulePlaces.ratingBands, d)
            if bands.isEmpty { bands = grades }
            if bands.isEmpty { d.report(RuleMessages.ratingWithoutBands(path, at: t.location)) }
            let vetoes = r.tables("vetoes").enumerated().compactMap { j, vt in readVeto(vt, number: j + 1, bands: bands, flags: flags, d) }
            ratings.append(RatingSpec(periods: periods, meanOf: meanOf?.value ?? RuleLoader.totalName, places: places,
                                      bands: bands, vetoes: vetoes, location: t.location))
        }
        return ratings
    }

    /// The rated period kinds: longer than the assessment period, each rated once in the file.
    static func readPeriods(_ r: TOMLSection, rated: inout [PeriodKind: SourceLocation], periodKind kind: PeriodKind, _ d: RuleReading) -> [PeriodKind] {
        let rateable: [PeriodKind] = [.quarter, .halfYear, .year].filter { CalendarPeriod.length(of: $0) > CalendarPeriod.length(of: kind) }
        var periods: [PeriodKind] = []
        for node in r.array("periods") ?? [] {
            guard case .string(let s) = node.value, let k = PeriodKind(rawValue: s.value), rateable.contains(k) else {
                d.report(RuleMessages.badRatedPeriod(found: shown(node), rateable: rateable, assessedBy: kind, at: node.location))
                continue
            }
            if let first = rated[k] {
                d.report(RuleMessages.periodRatedTwice(k, firstLine: first.line, at: node.location))
                continue
            }
            rated[k] = node.location
            periods.append(k)
        }
        return periods
    }

    static func readVeto(_ vt: TOMLTable, number: Int, bands: [GradeBand], flags: [String], _ d: RuleReading) -> RatingVeto? {
        let v = d.section(vt, RulePlaces.ratingVetoSection(number), allowed: ["flag", "grade"])
        guard let flag = v.string("flag"), let grade = v.string("grade") else { return nil }
        if !flags.contains(flag.value) {
            d.report(RuleMessages.ratingVetoFlagUnknown(flag.value, flags: flags, at: flag.location(ofCharacterAt: 0)))
        }
        if !bands.isEmpty, !bands.contains(where: { $0.name == grade.value }) {
            d.report(RuleMessages.ratingVetoGradeNotABand(grade.value, bands: bands.map(\.name), at: grade.location(ofCharacterAt: 0)))
        }
        return RatingVeto(flag: flag.value, grade: grade.value, location: vt.location)
    }

    static func shown(_ node: TOMLNode) -> String {
        if case .string(let s) = node.value { return "'\(s.value)'" }
        return node.value.kindName
    }
}
