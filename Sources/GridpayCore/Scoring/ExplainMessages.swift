import GridpayLanguage

/// The words `gridpay explain` adds for a summary period (SPEC §17).
public enum ExplainMessages {
    public static func summaryPeriod(_ period: String) -> String {
        bilingual(zh: "\(period) 是汇总期：只汇总各类别扣分和督查次数，不评分、不排名（无总分、无排名）",
                  en: "\(period) is a summary period: points lost per category and the number of findings only, no score and no rank")
    }

    public static func summaryFindings(_ count: Int) -> String {
        bilingual(zh: "本期督查发现 \(count) 条：", en: "\(count) findings in the period:")
    }
}
