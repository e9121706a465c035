import GridpayCore

/// What a command says when asked for a period the town is not run or rated for (SPEC §8,
/// §17), each in both languages (SPEC §15); the command to use named in the caller's words.
enum PeriodMessages {
    /// `also`: the shorter periods the town is run for too (`alsoPreliminary`, `alsoSummary`).
    static func wrongKind(_ town: String, kind: PeriodKind, ruleFile: String, asked: String, example: String, also: [String],
                          words w: CommandWords) -> String {
        bilingual(
            zh: "\(town) 按\(kind.label)考核（\(ruleFile)：[rules] period = \"\(kind.rawValue)\"），因此按\(kind.label)运行，不按 \(asked) 运行；期间应写作 \(kind.form)，例如 \(w.run) \(town) \(example)"
                + (also.isEmpty ? "" : "；另外也可运行\(also.joined(separator: "和"))"),
            en: "\(town) is assessed by \(kind.rawValue) (\(ruleFile): [rules] period = \"\(kind.rawValue)\"), so it is run for a \(kind.rawValue), not for \(asked); expected \(kind.form), e.g. \(w.run) \(town) \(example)"
                + (also.isEmpty ? "" : "; it is also run for \(also.joined(separator: " and "))"))
    }

    static func alsoPreliminary(_ p: CalendarPeriod) -> String {
        bilingual(zh: "其\(p.kind.label)初查（如 \(p)）", en: "its preliminary \(p.kind.rawValue) (e.g. \(p))")
    }

    static func alsoSummary(_ kind: PeriodKind) -> String {
        bilingual(zh: "\(kind.label)汇总（\(kind.form)）", en: "a \(kind.rawValue)'s summary (\(kind.form))")
    }

    /// `rate` of a period the town is assessed by (or a shorter one): it is run, not rated.
    static func runNotRated(_ town: String, kind: PeriodKind, _ period: String, longer: [PeriodKind], words w: CommandWords) -> String {
        bilingual(
            zh: "\(town) 按\(kind.label)考核；\(period) 是运行的期间（\(w.run) \(town) \(period)），不作等次评定：评定的是更长的期间（\(longer.map(\.label).joined(separator: "、"))）",
            en: "\(town) is assessed by \(kind.rawValue); \(period) is run (\(w.run) \(town) \(period)), not rated: a rating is of a longer period (\(longer.map(\.rawValue).joined(separator: ", ")))")
    }

    /// `rated`: the kinds of period the rule file does rate.
    static func noRating(_ ruleFile: String, kind: PeriodKind, town: String, rated: [PeriodKind]) -> String {
        bilingual(
            zh: "\(ruleFile) 没有为 \(town) 规定\(kind.label)的等次评定"
                + (rated.isEmpty ? "；请添加 [[ratings]]，periods = [\"\(kind.rawValue)\"]" : "；它评定的是：\(rated.map(\.label).joined(separator: "、"))"),
            en: "\(ruleFile) declares no rating of a \(kind.rawValue) for \(town)"
                + (rated.isEmpty ? "; add [[ratings]] with periods = [\"\(kind.rawValue)\"]" : "; it rates: \(rated.map(\.rawValue).joined(separator: ", "))"))
    }

    /// A run of a town without [pay] (SPEC §17: nothing about pay is invented) refused for its
    /// inputs: they would change the assessment (RunMessages.runRefused says pay, for a pay town).
    static func refusedWithoutPay(_ count: Int, town: String, period: String) -> String {
        bilingual(
            zh: "\(town) \(period) 的输入中有 \(count) 个问题会影响某人的考核结果；没有写出任何文件",
            en: "\(count) problem\(count == 1 ? "" : "s") in the inputs of \(town) \(period) would change someone's assessment; nothing was written")
    }
}
