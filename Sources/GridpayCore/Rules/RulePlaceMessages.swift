/// The places of a rule file that messages name, worded in both languages (SPEC §15): the
/// catalogue of RulePlaces (its rule-file words, `[pay] base` and the like, stay in RulePlaces.swift).
extension RulePlaces {
    static func value(_ name: String) -> String { bilingual(zh: "值“\(name)”", en: "value '\(name)'") }
    static func itemScore(_ item: String) -> String { bilingual(zh: "考核项“\(item)”的得分", en: "the score of item '\(item)'") }
    static func flag(_ name: String) -> String { bilingual(zh: "标记“\(name)”", en: "flag '\(name)'") }
    static func awardTo(_ award: String) -> String { bilingual(zh: "奖励“\(award)”的 to", en: "to of award '\(award)'") }
    static func awardPer(_ award: String) -> String { bilingual(zh: "奖励“\(award)”的 per", en: "per of award '\(award)'") }
    static var checkRequire: String { bilingual(zh: "校验的 require", en: "the require of a check") }
    /// The problem of a row failing a check that writes no `message` (before "; expected …").
    static func unmetCheck(_ require: String) -> String { bilingual(zh: "该行不满足校验“\(require)”", en: "the row does not meet the check '\(require)'") }
    static func sheetLine(_ label: String) -> String { bilingual(zh: "“\(label)”的值", en: "the value of '\(label)'") }
    static var unitKey: String { bilingual(zh: "单位键", en: "the unit key") }
    static func unitColumn(_ name: String) -> String { bilingual(zh: "列“\(name)”", en: "column '\(name)'") }
    static func sheetOrder(_ sheet: String) -> String { bilingual(zh: "表 \(sheet) 的 order", en: "the order of sheet \(sheet)") }
    static func sheetColumn(_ name: String) -> String { bilingual(zh: "列 \(name)", en: "column \(name)") }
    static func sheetColumnWhen(_ name: String) -> String { bilingual(zh: "列 \(name) 的 when", en: "the when of column \(name)") }
    static var ruleFile: String { bilingual(zh: "规则文件", en: "the rule file") }
    static func columnOf(_ table: String) -> String { bilingual(zh: "\(table) 的一列", en: "a column of \(table)") }
    static func check(_ number: Int, ofTable table: String) -> String { bilingual(zh: "表 \(table) 的第 \(number) 个校验", en: "check #\(number) of table \(table)") }
    static func itemSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[items]]", en: "[[items]] #\(number)") }
    static func deduction(_ number: Int, ofItem item: String) -> String { bilingual(zh: "考核项“\(item)”的第 \(number) 个扣分", en: "deduction #\(number) of item '\(item)'") }
    /// A band of `[[<bands>]]` (gradesBands or ratingBands).
    static func band(_ number: Int, of bands: String) -> String { bilingual(zh: "第 \(number) 个 [[\(bands)]]", en: "[[\(bands)]] #\(number)") }
    static func vetoSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[vetoes]]", en: "[[vetoes]] #\(number)") }
    static func awardSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[awards]]", en: "[[awards]] #\(number)") }
    static func flagSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[flags]]", en: "[[flags]] #\(number)") }
    static func ratingSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[ratings]]", en: "[[ratings]] #\(number)") }
    static func ratingVetoSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[ratings.vetoes]]", en: "[[ratings.vetoes]] #\(number)") }
    static var summaryColumn: String { bilingual(zh: "[summary] 的一列", en: "a column of [summary]") }
    static var periodSummaryColumn: String { bilingual(zh: "[period_summary] 的一列", en: "a column of [period_summary]") }
    static func groupSheetSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[group_sheets]]", en: "[[group_sheets]] #\(number)") }
    static func groupSheetColumn(_ sheet: String) -> String { bilingual(zh: "表 \(sheet) 的一列", en: "a column of sheet \(sheet)") }
    static func sheetSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[sheets]]", en: "[[sheets]] #\(number)") }
    static func sheetLineSection(_ number: Int, ofSheet sheet: String) -> String { bilingual(zh: "表“\(sheet)”的第 \(number) 个 line", en: "line #\(number) of sheet '\(sheet)'") }
    static func unitsSection(ofSheet sheet: String) -> String { bilingual(zh: "表“\(sheet)”的 [sheets.units]", en: "[sheets.units] of sheet '\(sheet)'") }
    static func unitColumnSection(_ number: Int, ofSheet sheet: String) -> String { bilingual(zh: "表“\(sheet)”的第 \(number) 列", en: "column #\(number) of sheet '\(sheet)'") }
    static func testSection(_ number: Int) -> String { bilingual(zh: "第 \(number) 个 [[tests]]", en: "[[tests]] #\(number)") }
    static func item(_ name: String) -> String { bilingual(zh: "考核项“\(name)”", en: "item '\(name)'") }
    /// An item's, the pay's, a group key's … expression that must be known, at its position.
    static var thisValue: String { bilingual(zh: "这个值", en: "this value") }
    /// An arithmetic operand: never shown (the evaluator makes the whole expression unknown).
    static var anOperand: String { bilingual(zh: "一个运算数", en: "an operand") }
}
