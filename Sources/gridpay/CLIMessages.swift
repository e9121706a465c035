import GridpayCore

/// What the command line itself says (beside the library's catalogues), each in both languages.
enum CLIMessages {
    static func sameWarningRows(_ count: Int, file: String, lines: String) -> String {
        bilingual(
            zh: "\(file) 另有 \(count) 行是同样的警告（第 \(lines) 行）；每一行都列在“数据问题”表中",
            en: "\(count) more rows of \(file) with the same warning (lines \(lines)); every one is listed in 数据问题")
    }

    static func ruleFileRefused(_ path: String, errors: Int) -> String {
        bilingual(
            zh: "\(path)：\(errors) 个错误；这个规则文件不能使用，请综治中心改正",
            en: "\(path): \(errors) error(s); the rule file cannot be used")
    }

    /// `rated`: the period is a rating's, whose workers are those of any of its rosters.
    static func unknownWorker(_ worker: String, town: String, period: String, rated: Bool, suggestion: String) -> String {
        bilingual(
            zh: "\(Diagnostic.Severity.error.word)：网格员“\(worker)”不在 \(town) \(period) 的\(rated ? "任何一份" : "")花名册上\(suggestion)",
            en: "\(Diagnostic.Severity.error.word): worker '\(worker)' is \(rated ? "on no roster" : "not on the roster") of \(town) \(period)\(suggestion)")
    }

    /// A fault test's close, failed on purpose inside its transaction.
    static func closeInterruptedForTest() -> String {
        bilingual(
            zh: "已设置 GRIDPAY_TEST_FAIL_BEFORE_COMMIT：结账在提交前被中断",
            en: "GRIDPAY_TEST_FAIL_BEFORE_COMMIT is set: the close was interrupted before it committed")
    }
}
