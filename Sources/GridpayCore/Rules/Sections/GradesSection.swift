/// `[[grades]]`: the assessment period's grade bands, giving the column and value 等次;
/// `[[vetoes]]` force a grade whatever the score. Bands are listed highest first, each with
/// `min` (a score ≥ min gets the band), the lowest without one (GradeBands.band(of:in:)).
///
///     [[grades]]
///     name = "优秀"
///     min = 90
///     [[grades]]
///     name = "不合格"
///     [[vetoes]]
///     when = '一票否决'
///     grade = "不合格"
enum GradesSection {
    /// The bands, and the vetoes (checked with 等次's definition, which needs 总分).
    struct Declared {
        var bands: [GradeBand] = []
        var vetoes = CheckedPart<[GradeVeto]>()
    }

    static func read(_ d: RuleReading, periodKind: PeriodKind) -> Declared {
        var grades = Declared()
        grades.bands = readBands(d.top.tables("grades"), path: RulePlaces.gradesBands, d)
        d.context.gradeNames = grades.bands.map(\.name)
        let vetoTables = d.top.tables("vetoes")
        guard !grades.bands.isEmpty else {
            if let first = vetoTables.first { d.report(RuleMessages.vetoesWithoutGrades(periodKind, at: first.location)) }
            return grades
        }
        d.declare(GradeBands.gradeName, .grade, at: d.top.table["grades"]?.location ?? d.root.location)
        let bands = grades.bands, slot = grades.vetoes
        d.define(.grade) {
            guard d.context.typeOf(.total, referencedAt: d.root.location) != nil else { return nil }
            slot.value = vetoTables.enumerated().compactMap { i, vt in readVeto(vt, number: i + 1, grades: bands, d) }
            return .text
        }
        return grades
    }

    static func readVeto(_ vt: TOMLTable, number: Int, grades: [GradeBand], _ d: RuleReading) -> GradeVeto? {
        let r = d.section(vt, RulePlaces.vetoSection(number), allowed: ["when", "grade"])
        guard let w = r.string("when"), let g = r.string("grade") else { return nil }
        if !grades.contains(where: { $0.name == g.value }) {
            d.report(RuleMessages.vetoGradeNotAGrade(g.value, grades: grades.map(\.name), at: g.location(ofCharacterAt: 0)))
        }
        guard let (e, _) = d.expression(w, scope: .worker, expecting: .bool, what: RulePlaces.vetoWhen) else { return nil }
        return GradeVeto(when: e, grade: g.value, sourceText: w.value, location: vt.location)
    }

    /// Reads `[[<path>]]` tables into bands and reports, at their own lines, bands out of order,
    /// duplicate names, overlaps (two bands with the same min) and gaps (a band without min that
    /// is not the lowest, or a lowest band with one: scores below it would have no grade).
    static func readBands(_ tables: [TOMLTable], path: String, _ d: RuleReading) -> [GradeBand] {
        var bands: [GradeBand] = []
        for (i, t) in tables.enumerated() {
            let r = d.section(t, RulePlaces.band(i + 1, of: path), allowed: ["name", "min"])
            guard let name = r.text("name") else { continue }
            bands.append(GradeBand(name: name, minimum: r.number("min", required: false), location: t.location))
        }
        for i in bands.indices { checkBand(i, in: bands, d) }
        return bands
    }

    static func checkBand(_ i: Int, in bands: [GradeBand], _ d: RuleReading) {
        let b = bands[i]
        if let first = bands[..<i].first(where: { $0.name == b.name }) {
            d.report(RuleMessages.gradeDeclaredTwice(b.name, firstLine: first.location.line, at: b.location))
        }
        let isLowest = i == bands.count - 1
        guard let m = b.minimum else {
            if !isLowest { d.report(RuleMessages.bandWithoutMin(b.name, at: b.location)) }
            return
        }
        if isLowest { d.report(RuleMessages.lowestBandWithMin(b.name, min: m, at: b.location)) }
        guard i > 0, let above = bands[i - 1].minimum else { return }
        if m == above {
            d.report(RuleMessages.bandsOverlap(bands[i - 1].name, b.name, min: m, at: b.location))
        } else if m > above {
            d.report(RuleMessages.bandsOutOfOrder(b.name, min: m, after: bands[i - 1].name, aboveMin: above, at: b.location))
        }
    }
}
