import GridpayCore

/// Corrections carried into the open period (SPEC §9), in both languages: a worker owed (or
/// owing) an adjustment who is not on the open period's roster (QA H25). `yuan` is unsigned.
enum CorrectionMessages {
    static func offRosterOwed(_ id: String, name: String, periods: String, yuan: String, open: String) -> String {
        bilingual(zh: "网格员 \(id) \(name) 按 \(periods) 的更正应补发 \(yuan) 元，但不在 \(open) 的名册上，未计入本期工资：请财务手工补发",
                  en: "worker \(id) \(name) is owed \(yuan) yuan by the correction of \(periods) but is not on the roster of \(open), so it is not in this period's pay: pay it by hand")
    }

    static func offRosterOwing(_ id: String, name: String, periods: String, yuan: String, open: String) -> String {
        bilingual(zh: "网格员 \(id) \(name) 按 \(periods) 的更正应追回 \(yuan) 元，但不在 \(open) 的名册上，未计入本期工资：请财务手工追回",
                  en: "worker \(id) \(name) owes \(yuan) yuan by the correction of \(periods) but is not on the roster of \(open), so it is not in this period's pay: recover it by hand")
    }
}
