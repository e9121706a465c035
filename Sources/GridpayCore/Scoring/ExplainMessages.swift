import GridpayLanguage

/// The words `gridpay explain` adds for a summary period (SPEC §17), and its refusals: explain
/// writes no file, so a refusal says nothing was explained.
public enum ExplainMessages {
    public static func summaryPeriod(_ period: String) -> String {
        bilingual(zh: "\(period) 是汇总期：只汇总各类别扣分和督查次数，不评分、不排名（无总分、无排名）",
                  en: "\(period) is a summary period: points lost per category and the number of findings only, no score and no rank")
    }

    public static func summaryFindings(_ count: Int) -> String {
        bilingual(zh: "本期督查发现 \(count) 条：", en: "\(count) findings in the period:")
    }

    /// Follows the problems that stop the reading (an accepted row that matches nothing among them).
    /// `pay`: the town computes pay (a town without [pay] has assessment results only, SPEC §17).
    public static func refused(_ count: Int, town: String, period: String, pay: Bool) -> String {
        bilingual(
            zh: "\(town) \(period) 的输入中有 \(count) 个问题会影响某人的\(pay ? "绩效工资" : "考核结果")；未作说明",
            en: "\(count) problem(s) in the inputs of \(town) \(period) would change someone's \(pay ? "pay" : "assessment"); nothing was explained")
    }
}
