/// Why exact arithmetic failed (ArithmeticError), in both languages (SPEC §15).
enum ArithmeticMessages {
    static func overflow() -> String {
        bilingual(zh: "数字太大，无法精确计算", en: "number too large for exact arithmetic")
    }

    static func divisionByZero() -> String {
        bilingual(zh: "除以零", en: "division by zero")
    }
}
