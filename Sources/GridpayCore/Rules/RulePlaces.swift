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

    // [[sheets]] and [[group_sheets]]
    static func sheetLine(_ label: String) -> String { "the value of '\(label)'" }
    static let unitKey = "the unit key"
    static func unitColumn(_ name: String) -> String { "column '\(name)'" }
    static func sheetOrder(_ sheet: String) -> String { "the order of sheet \(sheet)" }
    static func sheetColumn(_ name: String) -> String { "column \(name)" }
    static func sheetColumnWhen(_ name: String) -> String { "the when of column \(name)" }

    // What the evaluator names as depending on missing history (MonthComputation.describe).
    static func namedValue(_ name: String) -> String { "'\(name)'" }
    static func item(_ name: String) -> String { "item '\(name)'" }
    static func award(_ name: String) -> String { "'\(name)'" }
    /// An item's, the pay's, a group key's … expression that must be known, at its position.
    static let thisValue = "this value"
    /// An arithmetic operand: never shown (the evaluator makes the whole expression unknown).
    static let anOperand = "an operand"
}
