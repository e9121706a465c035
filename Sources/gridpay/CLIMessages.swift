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
            en: "\(path): \(errors) error(s); the rule file cannot be used: the governance office corrects it")
    }

    static func notAPeriod(_ text: String) -> String {
        bilingual(
            zh: "“\(text)”不是期间；应为 YYYY-MM（月）、YYYY-Qn（季度，n = 1–4）、YYYY-Hn（半年，n = 1–2）或 YYYY（年），例如 2026-10、2026-Q3、2026-H1、2026",
            en: "'\(text)' is not a period; expected YYYY-MM (a month), YYYY-Qn (a quarter, n = 1–4), YYYY-Hn (a half-year, n = 1–2) or YYYY (a year), e.g. 2026-10, 2026-Q3, 2026-H1, 2026")
    }

    static func wrongPeriodKind(_ text: String, is kind: PeriodKind, takes kinds: [PeriodKind]) -> String {
        bilingual(
            zh: "“\(text)”是\(kind.label)；这个命令只接受\(kinds.map(\.label).joined(separator: "或"))",
            en: "'\(text)' is a \(kind.rawValue); this command takes a \(kinds.map(\.rawValue).joined(separator: " or "))")
    }

    static func badAcceptedRow() -> String {
        bilingual(
            zh: "应写作 文件:行号，即本期的一个输入文件和所列问题行的行号（例如 events.csv:12）",
            en: "expected FILE:LINE, an input file of the period and the line of a listed problem row (e.g. events.csv:12)")
    }

    static func threadsAtLeastOne() -> String {
        bilingual(zh: "--threads 至少为 1", en: "--threads must be at least 1")
    }

    /// A [[tests]] entry of a rule file that passed (`check`).
    static func testPassed(_ name: String) -> String {
        bilingual(zh: "通过 \(name)", en: "PASS \(name)")
    }

    static func rulesValid(_ path: String, town: String, version: String, passed: Int, failed: Int) -> String {
        bilingual(
            zh: "\(path)：\(town) 的规则（版本 \(version)）有效；测试通过 \(passed) 个，失败 \(failed) 个",
            en: "\(path): rules \(town) version \(version) are valid; \(passed) passed, \(failed) failed")
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
