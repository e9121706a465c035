/// What a `formats` pattern's problems say (the rule loader reports them at the pattern's
/// character, inside RuleMessages.badFormat). Each in both languages (SPEC §15).
enum PatternMessages {
    static func badLetters(_ letters: String, _ kind: CellPattern.Kind) -> String {
        let known: [String]
        switch kind {
        case .date: known = ["yyyy", "M", "MM", "d", "dd"]
        case .datetime: known = ["yyyy", "M", "MM", "d", "dd", "H", "HH", "mm", "ss"]
        case .duration: known = ["h", "mm", "ss"]
        }
        return bilingual(zh: "“\(letters)”不是\(name(kind))的格式字母；可用 \(known.joined(separator: "、")) 和原样文字",
                         en: "'\(letters)' is not a pattern letter of \(name(kind)); expected \(known.joined(separator: ", ")) and literal text")
    }

    static func fieldTwice(_ letters: String) -> String {
        bilingual(zh: "“\(letters)”在格式中出现了两次；每项只应出现一次", en: "'\(letters)' appears twice in the pattern; expected each field once")
    }

    static func missingField(_ field: CellPattern.Field, _ kind: CellPattern.Kind) -> String {
        let options: [String]
        switch field {
        case .year: options = ["yyyy"]
        case .month: options = ["M", "MM"]
        case .day: options = ["d", "dd"]
        case .hour: options = ["H", "HH"]
        case .minute: options = ["mm"]
        case .second: options = ["ss"]
        case .hours: options = ["h"]
        }
        return bilingual(zh: "格式中没有 \(options.joined(separator: " 或 "))；\(name(kind))的格式须写出\(fields(kind))",
                         en: "the pattern has no \(options.joined(separator: " or ")); \(name(kind)) pattern names its \(fields(kind))")
    }

    static func fields(_ kind: CellPattern.Kind) -> String {
        switch kind {
        case .date: return bilingual(zh: "年、月、日", en: "year, month and day")
        case .datetime: return bilingual(zh: "年、月、日、时、分", en: "year, month, day, hour and minute")
        case .duration: return bilingual(zh: "时、分", en: "hours and minutes")
        }
    }

    static func name(_ kind: CellPattern.Kind) -> String {
        switch kind {
        case .date: return bilingual(zh: "日期", en: "a date")
        case .datetime: return bilingual(zh: "日期时间", en: "a date-time")
        case .duration: return bilingual(zh: "时长", en: "a duration")
        }
    }
}
