/// The places of a rule file that messages name: what the checker says "must be …, but this
/// expression is …" of (CheckerMessages.expectedType), and what the evaluator says depends on
/// missing history (EvaluationMessages.dependsOnMissingHistory). One spelling each, so the
/// section readers and the evaluator write no message text of their own. The rule file's own
/// words are here; the places worded in both languages are in RulePlaceMessages.swift.
enum RulePlaces {
    // [values], [[items]], [duty], [pay], [[flags]], [[vetoes]]
    static let dutyMet = "[duty] met"
    static let payBase = "[pay] base"
    static let scorePay = "[pay] score_pay"
    static let vetoWhen = "[[vetoes]] when"

    // [[items.deductions]]: its own keys
    static let deductionPoints = "points"
    static let deductionYuan = "yuan"
    static let deductionCount = "count"
    static let deductionWhen = "when"

    // Sections and their tables, as messages name them ("unknown key 'x' in [pay]", …).
    static let rulesSection = "[rules]"
    static func tableSection(_ table: String) -> String { "[tables.\(table)]" }
    static let rosterSection = "[roster]"
    static let gradesBands = "grades"
    static let ratingBands = "ratings.bands"
    static let dutySection = "[duty]"
    static let paySection = "[pay]"
    static let scoringSection = "[scoring]"
    static let summarySection = "[summary]"
    static let periodSummarySection = "[period_summary]"
    static let calendarSection = "[calendar]"
    static let testInputsSection = "tests.inputs"
    static func testInputs(_ period: String) -> String { "tests.inputs.\"\(period)\"" }
    static func testEarlier(_ period: String) -> String { "tests.earlier.\"\(period)\"" }

    // Quoting a name the evaluator says depends on missing history (MonthScoring.describe): quote
    // marks only, in the reader's language.
    static func namedValue(_ name: String) -> String { bilingual(zh: "“\(name)”", en: "'\(name)'") }
    static func award(_ name: String) -> String { bilingual(zh: "“\(name)”", en: "'\(name)'") }
}
