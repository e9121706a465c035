import GridpayCore

/// The words of the summary `run` prints at its end (RunSummary), in both languages.
enum RunSummaryMessages {
    static func headline(town: String, townName: String, period: String, workers: Int, total: String, words: String) -> String {
        bilingual(zh: "\(townName) \(period)：网格员 \(workers) 人，实发绩效合计 \(total) 元（人民币\(words)）",
                  en: "\(town) \(period) (\(townName)): \(englishCount(workers, "worker")), total payable \(total) yuan")
    }

    static func headlineWithoutPay(town: String, townName: String, period: String, workers: Int) -> String {
        bilingual(zh: "\(townName) \(period)：网格员 \(workers) 人；未设绩效工资（规则文件无 [pay]）",
                  en: "\(town) \(period) (\(townName)): \(englishCount(workers, "worker")); no pay is computed (the rule file has no [pay])")
    }

    static func change(previous: String, delta: String, percent: String?, total: String, closed: Bool) -> String {
        let zhPercent = percent.map { "（\($0)%）" } ?? ""
        let enPercent = percent.map { " (\($0)%)" } ?? ""
        return bilingual(
            zh: "比上期 \(previous) \(delta.hasPrefix("-") ? "减少 \(delta.dropFirst())" : "增加 \(delta.dropFirst())") 元\(zhPercent)；上期合计 \(total) 元，\(closed ? "为结账公布数" : "为上次运行结果（未结账）")",
            en: "against \(previous): \(delta) yuan\(enPercent); \(previous) total \(total) yuan, \(closed ? "as closed and published" : "as last run (not closed)")")
    }

    static func unchanged(previous: String, total: String, closed: Bool) -> String {
        bilingual(zh: "与上期 \(previous) 持平；上期合计 \(total) 元，\(closed ? "为结账公布数" : "为上次运行结果（未结账）")",
                  en: "no change against \(previous); \(previous) total \(total) yuan, \(closed ? "as closed and published" : "as last run (not closed)")")
    }

    static func nothingToCompare(previous: String) -> String {
        bilingual(zh: "上期 \(previous) 未结账，也没有运行结果，无从比较",
                  en: "\(previous) is neither closed nor run: nothing to compare with")
    }
}
