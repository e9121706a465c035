import GridpayCore

/// Messages about the command line itself, before any command runs (SPEC §15: both languages).
enum ArgumentMessages {
    static func leadingDash(_ argument: String) -> String {
        bilingual(
            zh: "“\(argument)”不是选项（gridpay 的选项都以 -- 开头，例如 --input-dir），也不能是镇名或期间：镇名不以“-”开头",
            en: "'\(argument)' is not an option (gridpay's options are long, e.g. --input-dir) and cannot be a town or a period: a town name never starts with '-'")
    }
}
