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
    static func read(_ d: RuleDraft) {
        let grades = readBands(d.top.tables("grades"), path: RulePlaces.gradesBands, d)
        d.grades = grades
        d.context.gradeNames = grades.map(\.name)
        let vetoTables = d.top.tables("vetoes")
        guard !grades.isEmpty else {
            if let first = vetoTables.first { d.report(RuleMessages.vetoesWithoutGrades(d.periodKind, at: first.location)) }
            return
        }
        d.declare(GradeBands.gradeName, .grade, at: d.top.table["grades"]?.location ?? d.root.location)
        d.define(.grade) { [unowned d] in
            guard d.context.typeOf(.total, referencedAt: d.root.location) != nil else { return nil }
            for (i, vt) in vetoTables.enumerated() { readVeto(vt, number: i + 1, d) }
            return .text
        }
    }

    static func readVeto(_ vt: TOMLTable, number: Int, _ d: RuleDraft) {
        let r = d.section(vt, RulePlaces.vetoSection(number), allowed: ["when", "grade"])
        guard let w = r.string("when"), let g = r.string("grade") else { return }
        if !d.grades.contains(where: { $0.name == g.value }) {
            d.report(RuleMessages.vetoGradeNotAGrade(g.value, grades: d.grades.map(\.name), at: g.location(ofCharacterAt: 0)))
        }
        if let (e, _) = d.expression(w, scope: .worker, expecting: .bool, what: RulePlaces.vetoWhen) {
            d.vetoes.append(GradeVeto(when: e, grade: g.value, sourceText: w.value, location: vt.location))
        }
    }

    /// Reads `[[<path>]]` tables into bands and reports, at their own lines, bands out of order,
    /// duplicate names, overlaps (two bands with the same min) and gaps (a band without min that
    /// is not the lowest, or a lowest band with one: scores below it would have no grade).
    static func readBands(_ tables: [TOMLTable], path: String, _ d: RuleDraft) -> [GradeBand] {
        var bands: [GradeBand] = []
        for (i, t) in tables.enumerated() {
            let r = d.section(t, RulePlaces.band(i + 1, of: path), allowed: ["name", "min"])
            guard let name = r.text("name") else { continue }
            bands.append(GradeBand(name: name, minimum: r.number("min", required: false), location: t.location))
        }
        for (i, b) in bands.enumerated() { checkBand(i, in: bands, d) }
        return bands
    }

    static func checkBand(_ i: Int, in bands: [GradeBand], _ d: RuleDraft) {
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
