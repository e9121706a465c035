import GridpayCore

/// The rule workspace's messages (issue 24), in both languages (SPEC §15).
enum RuleWorkspaceMessages {
    static func otherTown(_ town: String, _ expected: String) -> String {
        bilingual(zh: "这份草稿是“\(town)”的规则（[rules] town），不是“\(expected)”的；请把 town 改为 \"\(expected)\"",
                  en: "this draft is a rule file of '\(town)' ([rules] town), not of '\(expected)'; expected town = \"\(expected)\"")
    }

    static func badDraftName(_ name: String, _ why: String) -> String {
        bilingual(zh: "草稿名“\(name)”不可用：\(why)；请用简单的名称，例如 2026-加分调整",
                  en: "the draft name '\(name)' cannot be used: \(why); expected a plain name, e.g. 2026-weights")
    }

    static func noDraft(_ name: String) -> String {
        bilingual(zh: "没有名为“\(name)”的草稿；请先保存草稿（PUT …/drafts/\(name)）",
                  en: "there is no draft '\(name)'; save it first (PUT …/drafts/\(name))")
    }

    static func draftNotValid(errors: Int) -> String {
        bilingual(zh: "草稿有 \(errors) 个错误，不能使用；请按各行列的提示改正后再保存",
                  en: "the draft has \(errors) error(s) and cannot be used; correct them at their lines and columns and save it again")
    }

    static func badPeriod(_ text: String) -> String {
        bilingual(zh: "“\(text)”不是期间；应为 YYYY-MM 或本镇的考核期间（如 2026-Q3）",
                  en: "'\(text)' is not a period; expected YYYY-MM or the town's assessment period (e.g. 2026-Q3)")
    }

    static func badEffectiveFrom(_ text: String) -> String {
        bilingual(zh: "“\(text)”不是月份；effective_from 应为 YYYY-MM", en: "'\(text)' is not a month; expected effective_from as YYYY-MM")
    }

    static var noEffectiveFrom: String {
        bilingual(zh: "草稿的 [rules] 中没有 effective_from = \"YYYY-MM\" 一行，无法写入施行月份；请加上这一行",
                  en: "the draft's [rules] has no line effective_from = \"YYYY-MM\" to set; add it")
    }

    static func versionNotAFileName(_ version: String, _ why: String) -> String {
        bilingual(zh: "版本号“\(version)”不能作文件名：\(why)；请在 [rules] version 中使用如 2026.2 的版本号",
                  en: "the version '\(version)' cannot name a file: \(why); expected a [rules] version such as 2026.2")
    }

    static func versionExists(_ version: String) -> String {
        bilingual(zh: "已有版本 \(version)；已采用的版本不可覆盖，请在草稿的 [rules] version 中写新的版本号",
                  en: "version \(version) exists; an adopted version is never overwritten: give the draft a new [rules] version")
    }

    static func monthTaken(_ version: String, month: String) -> String {
        bilingual(zh: "版本 \(version) 已自 \(month) 起施行；两个版本不能同月施行，请另选施行月份",
                  en: "version \(version) already takes effect from \(month); two versions cannot take effect in the same month: choose another month")
    }

    static func closedPeriodsUnder(_ periods: [String], month: String) -> String {
        bilingual(zh: "已结账的期间 \(periods.joined(separator: "、")) 将落在自 \(month) 起施行的新版本之下，而已结账期间的规则不可改变；请选 \(periods.last ?? month) 之后的施行月份",
                  en: "the closed period(s) \(periods.joined(separator: ", ")) would fall under a version taking effect from \(month), and a closed period's rules never change; choose a month after \(periods.last ?? month)")
    }

    static func compareFailed(errors: Int, first: String) -> String {
        bilingual(zh: "比较未能完成（\(errors) 个错误），第一个：\(first)", en: "the comparison could not be made (\(errors) error(s)); the first: \(first)")
    }

    static func noVersion(_ version: String) -> String {
        bilingual(zh: "没有版本或草稿“\(version)”", en: "there is no version or draft '\(version)'")
    }

    static func testsFail(_ failed: Int) -> String {
        bilingual(zh: "草稿有 \(failed) 个测试未通过，不能采用；请改正规则或测试的期望值后再保存",
                  en: "\(failed) of the draft's tests fail, so it cannot be adopted; correct the rules or the tests' expected values and save it again")
    }

    // MARK: the page (RulePage)

    static var pageTitle: String { bilingual(zh: "规则", en: "rules") }
    static var versionsTitle: String { bilingual(zh: "规则版本", en: "Rule versions") }
    static var versionColumns: [String] {
        bilingual(zh: "版本|文件|施行自|SHA-256|采用人|采用时间", en: "version|file|in force from|SHA-256|adopted by|adopted at").components(separatedBy: "|")
    }
    static var draftsTitle: String { bilingual(zh: "草稿", en: "Drafts") }
    static var editorTitle: String { bilingual(zh: "编辑草稿（保存时检查并运行其测试）", en: "Edit a draft (checked and its tests run when saved)") }
    static var draftNameLabel: String { bilingual(zh: "草稿名", en: "draft") }
    static var startFromLabel: String { bilingual(zh: "从", en: "start from") }
    static var loadButton: String { bilingual(zh: "载入", en: "load") }
    static var saveButton: String { bilingual(zh: "保存并检查", en: "save and check") }
    static var comparePeriodLabel: String { bilingual(zh: "比较期间", en: "compare on") }
    static var compareButton: String { bilingual(zh: "比较", en: "compare") }
    static var adoptFromLabel: String { bilingual(zh: "施行自（月）", en: "in force from (month)") }
    static var adoptButton: String { bilingual(zh: "采用为新版本", en: "adopt as a new version") }
    /// Templates the page's script fills in ({line}, {column}; {passed}, {failed}, {errors}; {changed}, {before}, {after}).
    static var atLineColumn: String { bilingual(zh: "第{line}行第{column}列：", en: "line {line}, column {column}: ") }
    static var checkVerdict: String {
        bilingual(zh: "测试：通过 {passed}，未通过 {failed}；错误 {errors} 个", en: "tests: {passed} passed, {failed} failed; {errors} error(s)")
    }
    static var comparedSummary: String {
        bilingual(zh: "{changed} 人有变化；实发绩效合计 {before} → {after} 元；比较工作簿：", en: "{changed} worker(s) changed; total payable {before} → {after} yuan; the compare workbook: ")
    }
}
