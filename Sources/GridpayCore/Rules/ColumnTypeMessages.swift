/// What a cell of a declared column type must be, and which types a column key is for, in both
/// languages (SPEC §15). The rule file's type names (date, datetime, …) stay as written.
enum ColumnTypeMessages {
    static func anID() -> String { bilingual(zh: "编号（非空文字）", en: "an id (non-empty text)") }
    static func text() -> String { bilingual(zh: "文字", en: "text") }
    static func wholeNumber() -> String { bilingual(zh: "整数", en: "a whole number") }
    static func decimal(places: Int) -> String { bilingual(zh: "最多 \(places) 位小数的数字", en: "a number with at most \(places) decimals") }
    static func number() -> String { bilingual(zh: "数字", en: "a number") }
    static func date() -> String { bilingual(zh: "日期 YYYY-MM-DD", en: "a date YYYY-MM-DD") }
    static func datetime() -> String { bilingual(zh: "时间 YYYY-MM-DD HH:MM（秒可有可无）", en: "a time YYYY-MM-DD HH:MM (seconds optional)") }

    static func oneOf(_ values: [String]) -> String {
        bilingual(zh: "\(values.joined(separator: " / ")) 之一", en: "one of \(values.joined(separator: " / "))")
    }

    /// The declared types a key of a column is for (RuleMessages.formKeyNotForType), the last
    /// joined with "or".
    static func types(_ names: [String]) -> String {
        let last = names.last ?? ""
        return bilingual(
            zh: names.count == 1 ? last : "\(names.dropLast().joined(separator: "、")) 或 \(last)",
            en: names.count == 1 ? last : "\(names.dropLast().joined(separator: ", ")) or \(last)")
    }
}
