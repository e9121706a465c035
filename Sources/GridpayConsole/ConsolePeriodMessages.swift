import GridpayCore

/// A period of any kind in the console (SPEC §8, §17: xinhe's 2026, 2026-H1 and 2026-Qn), a
/// worker's input rows, and what the period's page says of its problems and downloads.
extension ConsoleMessages {
    static var noPay: String {
        bilingual(zh: "规则文件未设绩效工资（无 [pay]），没有工资表和工资 CSV", en: "the rule file sets no pay (no [pay]): no pay sheet and no pay CSV")
    }
    static func runDetailNoPay(workers: Int) -> String {
        bilingual(zh: "成功：\(workers) 人，未设绩效工资", en: "done: \(workers) workers, no pay set")
    }
    /// Submitting a summary period (xinhe's 季度汇总): it publishes nothing, so nothing is closed.
    static func summaryNotSubmitted(_ period: String, assessed: String, preliminary: String?) -> String {
        let also = preliminary.map { bilingual(zh: "，或初查期间 \($0)", en: " or the preliminary period \($0)") } ?? ""
        return bilingual(
            zh: "\(period) 是汇总期间，只作汇总，不评分、不排名、不计发，没有可结账的结果，不能提交审核；请提交考核期间 \(assessed)\(also)",
            en: "\(period) is a summary period: summarised with no score, rank or pay, it has no results to close and cannot be submitted; submit the assessment period \(assessed)\(also)")
    }
    static var summaryNoSteps: String {
        bilingual(zh: "汇总期间只作汇总，不提交审核、不结账", en: "a summary period is summarised only: it is neither submitted nor closed")
    }
    static var workerFigureNone: String { bilingual(zh: "汇总期间不评分、不排名", en: "a summary period has no score and no rank") }
    static func workerSummaryNoPay(rank: Int, total: String) -> String {
        bilingual(zh: "排名 \(rank)，总分 \(total)", en: "rank \(rank), total score \(total)")
    }
    /// Downloads that are not the inputs' on the page (QA H3): never paid from.
    static var outputsStale: String {
        bilingual(zh: "以下是上次成功运行写出的文件；此后本期的输入已更换，这些文件与本页列出的输入不符，不能据此发放：请重新运行后再下载",
                  en: "these files were written by the last successful run; the period's inputs have changed since, so they do not match the inputs on this page and must not be paid from: run again, then download")
    }
    static var outputsOfEarlierRun: String {
        bilingual(zh: "最近一次运行有错误，没有写出结果；以下是上次成功运行写出的文件（与本页列出的输入一致）",
                  en: "the latest run stopped on errors and wrote nothing; these files were written by the last successful run (from the inputs on this page)")
    }
}
