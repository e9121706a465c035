/// The places of a rule file that messages name: what the checker says "must be …, but this
/// expression is …" of (CheckerMessages.expectedType), and what the evaluator says depends on
/// missing history (EvaluationMessages.dependsOnMissingHistory). One spelling each, so the
/// section readers and the evaluator write no message text of their own.
enum RulePlaces {
    // [values], [[items]], [duty], [pay], [[flags]], [[vetoes]]
    static func value(_ name: String) -> String { "value '\(name)'" }
    static func itemScore(_ item: String) -> String { "the score of item '\(item)'" }
    static let dutyMet = "[duty] met"
    static let payBase = "[pay] base"
    static let scorePay = "[pay] score_pay"
    static func flag(_ name: String) -> String { "flag '\(name)'" }
    static let vetoWhen = "[[vetoes]] when"

    // [[items.deductions]]: its own keys
    static let deductionPoints = "points"
    static let deductionYuan = "yuan"
    static let deductionCount = "count"
    static let deductionWhen = "when"

    // [[awards]], [[checks]]
    static func awardTo(_ award: String) -> String { "to of award '\(award)'" }
    static func awardPer(_ award: String) -> String { "per of award '\(award)'" }
    static let checkRequire = "the require of a check"
    /// The problem of a row failing a check that writes no `message` (before "; expected …").
    static func unmetCheck(_ require: String) -> String { "the row does not meet the check '\(require)'" }

    // [[sheets]] and [[group_sheets]]
    static func sheetLine(_ label: String) -> String { "the value of '\(label)'" }
    static let unitKey = "the unit key"
    static func unitColumn(_ name: String) -> String { "column '\(name)'" }
    static func sheetOrder(_ sheet: String) -> String { "the order of sheet \(sheet)" }
    static func sheetColumn(_ name: String) -> String { "column \(name)" }
    static func sheetColumnWhen(_ name: String) -> String { "the when of column \(name)" }

    // Sections and their tables, as messages name them ("unknown key 'x' in [pay]", …).
    static let rulesSection = "[rules]"
    static func tableSection(_ table: String) -> String { "[tables.\(table)]" }
    static func columnOf(_ table: String) -> String { "a column of \(table)" }
    static let rosterSection = "[roster]"
    static func check(_ number: Int, ofTable table: String) -> String { "check #\(number) of table \(table)" }
    static func itemSection(_ number: Int) -> String { "[[items]] #\(number)" }
    static func deduction(_ number: Int, ofItem item: String) -> String { "deduction #\(number) of item '\(item)'" }
    /// A band of `[[<bands>]]` (gradesBands or ratingBands).
    static func band(_ number: Int, of bands: String) -> String { "[[\(bands)]] #\(number)" }
    static let gradesBands = "grades"
    static let ratingBands = "ratings.bands"
    static func vetoSection(_ number: Int) -> String { "[[vetoes]] #\(number)" }
    static let dutySection = "[duty]"
    static func awardSection(_ number: Int) -> String { "[[awards]] #\(number)" }
    static let paySection = "[pay]"
    static let scoringSection = "[scoring]"
    static func flagSection(_ number: Int) -> String { "[[flags]] #\(number)" }
    static func ratingSection(_ number: Int) -> String { "[[ratings]] #\(number)" }
    static func ratingVetoSection(_ number: Int) -> String { "[[ratings.vetoes]] #\(number)" }
    static let summarySection = "[summary]"
    static let summaryColumn = "a column of [summary]"
    static let periodSummarySection = "[period_summary]"
    static let calendarSection = "[calendar]"
    static let periodSummaryColumn = "a column of [period_summary]"
    static func groupSheetSection(_ number: Int) -> String { "[[group_sheets]] #\(number)" }
    static func groupSheetColumn(_ sheet: String) -> String { "a column of sheet \(sheet)" }
    static func sheetSection(_ number: Int) -> String { "[[sheets]] #\(number)" }
    static func sheetLineSection(_ number: Int, ofSheet sheet: String) -> String { "line #\(number) of sheet '\(sheet)'" }
    static func unitsSection(ofSheet sheet: String) -> String { "[sheets.units] of sheet '\(sheet)'" }
    static func unitColumnSection(_ number: Int, ofSheet sheet: String) -> String { "column #\(number) of sheet '\(sheet)'" }
    static func testSection(_ number: Int) -> String { "[[tests]] #\(number)" }
    static let testInputsSection = "tests.inputs"
    static func testInputs(_ period: String) -> String { "tests.inputs.\"\(period)\"" }
    static func testEarlier(_ period: String) -> String { "tests.earlier.\"\(period)\"" }

    // What the evaluator names as depending on missing history (MonthScoring.describe).
    static func namedValue(_ name: String) -> String { "'\(name)'" }
    static func item(_ name: String) -> String { "item '\(name)'" }
    static func award(_ name: String) -> String { "'\(name)'" }
    /// An item's, the pay's, a group key's … expression that must be known, at its position.
    static let thisValue = "this value"
    /// An arithmetic operand: never shown (the evaluator makes the whole expression unknown).
    static let anOperand = "an operand"
}
