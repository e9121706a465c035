/// The places of a rule file that messages name: what the checker says "must be …, but this
/// expression is …" of (CheckerMessages.expectedType), and what the evaluator says depends on
/// missing history (EvaluationMessages.dependsOnMissingHistory). One spelling each, so the
/// section readers and the evaluator write no message text of their own.
enum RulePlaces {
    // [values], [[items]], [duty], [pay], [[flags]], [[vetoes]]
    static func value(_ name: String) -> String { bilingual(zh: "值“\(name)”", en: "value '\(name)'") }
    static func itemScore(_ item: String) -> String { bilingual(zh: "考核项“\(item)”的得分", en: "the score of item '\(item)'") }
    static let dutyMet = "[duty] met"
    static let payBase = "[pay] base"
    static let scorePay = "[pay] score_pay"
    static func flag(_ name: String) -> String { bilingual(zh: "标记“\(name)”", en: "flag '\(name)'") }
    static let vetoWhen = "[[vetoes]] when"

    // [[items.deductions]]: its own keys
    static let deductionPoints = "points"
    static let deductionYuan = "yuan"
    static let deductionCount = "count"
    static let deductionWhen = "when"

    // [[awards]], [[checks]]
    static func awardTo(_ award: String) -> String { bilingual(zh: "奖励“\(award)”的 to", en: "to of award '\(award)'") }
    static func awardPer(_ award: String) -> String { bilingual(zh: "奖励“\(award)”的 per", en: "per of award '\(award)'") }
    static var checkRequire: String { bilingual(zh: "校验的 require", en: "the require of a check") }
    /// The problem of a row failing a check that writes no `message` (before "; expected …").
    static func unmetCheck(_ require: String) -> String { bilingual(zh: "该行不满足校验“\(require)”", en: "the row does not meet the check '\(require)'") }

    // [[sheets]] and [[group_sheets]]
    static func sheetLine(_ label: String) -> String { bilingual(zh: "“\(label)”的值", en: "the value of '\(label)'") }
    static var unitKey: String { bilingual(zh: "单位键", en: "the unit key") }
    static func unitColumn(_ name: String) -> String { bilingual(zh: "列“\(name)”", en: "column '\(name)'") }
    static func sheetOrder(_ sheet: String) -> String { bilingual(zh: "表 \(sheet) 的 order", en: "the order of sheet \(sheet)") }
    static func sheetColumn(_ name: String) -> String { bilingual(zh: "列 \(name)", en: "column \(name)") }
    static func sheetColumnWhen(_ name: String) -> String { bilingual(zh: "列 \(name) 的 when", en: "the when of column \(name)") }

    // Sections and their tables, as messages name them ("unknown key 'x' in [pay]", …).
    static var ruleFile: String { bilingual(zh: "规则文件", en: "the rule file") }
    static let rulesSection = "[rules]"
    static func tableSection(_ table: String) -> String { "[tables.\(table)]" }
    static func columnOf(_ table: String) -> String { bilingual(zh: "\(table) 的一列", en: "a column of \(table)") }
    static let rosterSection = "[roster]"
    static func check(_ number: Int, ofTable table: String) -> String { bilingual(zh: "表 \(table) 的第 \(number) 个校验", en: "check #\(number) of table \(table)") }
    static func itemSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[items]]", en: "[[items]] #\(number)") }
    static func deduction(_ number: Int, ofItem item: String) -> String { bilingual(zh: "考核项“\(item)”的第 \(number) 个扣分", en: "deduction #\(number) of item '\(item)'") }
    /// A band of `[[<bands>]]` (gradesBands or ratingBands).
    static func band(_ number: Int, of bands: String) -> String { bilingual(zh: "第 \(number) 个 [[\(bands)]]", en: "[[\(bands)]] #\(number)") }
    static let gradesBands = "grades"
    static let ratingBands = "ratings.bands"
    static func vetoSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[vetoes]]", en: "[[vetoes]] #\(number)") }
    static let dutySection = "[duty]"
    static func awardSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[awards]]", en: "[[awards]] #\(number)") }
    static let paySection = "[pay]"
    static let scoringSection = "[scoring]"
    static func flagSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[flags]]", en: "[[flags]] #\(number)") }
    static func ratingSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[ratings]]", en: "[[ratings]] #\(number)") }
    static func ratingVetoSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[ratings.vetoes]]", en: "[[ratings.vetoes]] #\(number)") }
    static let summarySection = "[summary]"
    static var summaryColumn: String { bilingual(zh: "[summary] 的一列", en: "a column of [summary]") }
    static let periodSummarySection = "[period_summary]"
    static let calendarSection = "[calendar]"
    static var periodSummaryColumn: String { bilingual(zh: "[period_summary] 的一列", en: "a column of [period_summary]") }
    static func groupSheetSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[group_sheets]]", en: "[[group_sheets]] #\(number)") }
    static func groupSheetColumn(_ sheet: String) -> String { bilingual(zh: "表 \(sheet) 的一列", en: "a column of sheet \(sheet)") }
    static func sheetSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[sheets]]", en: "[[sheets]] #\(number)") }
    static func sheetLineSection(_ number: Int, ofSheet sheet: String) -> String { bilingual(zh: "表“\(sheet)”的第 \(number) 个 line", en: "line #\(number) of sheet '\(sheet)'") }
    static func unitsSection(ofSheet sheet: String) -> String { bilingual(zh: "表“\(sheet)”的 [sheets.units]", en: "[sheets.units] of sheet '\(sheet)'") }
    static func unitColumnSection(_ number: Int, ofSheet sheet: String) -> String { bilingual(zh: "表“\(sheet)”的第 \(number) 列", en: "column #\(number) of sheet '\(sheet)'") }
    static func testSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[tests]]", en: "[[tests]] #\(number)") }
    static let testInputsSection = "tests.inputs"
    static func testInputs(_ period: String) -> String { "tests.inputs.\"\(period)\"" }
    static func testEarlier(_ period: String) -> String { "tests.earlier.\"\(period)\"" }

    // What the evaluator names as depending on missing history (MonthScoring.describe).
    static func namedValue(_ name: String) -> String { bilingual(zh: "“\(name)”", en: "'\(name)'") }
    static func item(_ name: String) -> String { bilingual(zh: "考核项“\(name)”", en: "item '\(name)'") }
    static func award(_ name: String) -> String { bilingual(zh: "“\(name)”", en: "'\(name)'") }
    /// An item's, the pay's, a group key's … expression that must be known, at its position.
    static var thisValue: String { bilingual(zh: "这个值", en: "this value") }
    /// An arithmetic operand: never shown (the evaluator makes the whole expression unknown).
    static var anOperand: String { bilingual(zh: "一个运算数", en: "an operand") }
}
