import GridpayLanguage

/// Where two hashes first differ (HashText), in both languages (SPEC §15).
enum HashTextMessages {
    static func identical() -> String { bilingual(zh: "完全相同", en: "identical") }

    static func differFrom(digit: Int, _ first: String, _ second: String) -> String {
        bilingual(zh: "从第 \(digit) 位十六进制数字起不同：\(first) 对 \(second)", en: "they differ from hex digit \(digit) on: \(first) against \(second)")
    }
}
