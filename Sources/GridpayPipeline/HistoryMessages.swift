import GridpayCore

/// Why an earlier period's results cannot be read for the history (consecutive(), earlier
/// totals), as EvaluationMessages.missingHistory lists them; each in both languages (SPEC §15).
enum HistoryMessages {
    static func inputsMissing(_ period: String, folder: String) -> String {
        bilingual(zh: "\(period) 的输入缺失（输入文件夹中没有文件夹 \(folder)）", en: "the inputs of \(period) are missing (no folder \(folder) in the input folder)")
    }

    static func monthsMissing(_ period: String, folders: [String]) -> String {
        bilingual(zh: "\(period) 的输入缺失（本期旁边没有文件夹 \(folders.joined(separator: "、"))）",
                  en: "the inputs of \(period) are missing (no folder \(folders.joined(separator: ", ")) beside this period's)")
    }

    static func noUsableRules(_ period: String, _ message: String) -> String {
        bilingual(zh: "\(period) 没有可用的规则版本：\(message)", en: "no usable rule version for \(period): \(message)")
    }

    static func inputsHaveProblems(_ period: String, count: Int, row: String, _ message: String) -> String {
        bilingual(zh: "\(period) 的输入有 \(count) 个问题，例如 \(row)：\(message)", en: "the inputs of \(period) have \(englishCount(count, "problem")), e.g. \(row): \(message)")
    }

    static func noSuchValue(_ name: String, period: String, rules: String, version: String) -> String {
        bilingual(zh: "\(period) 生效的规则版本（\(rules)，版本 \(version)）没有值“\(name)”",
                  en: "the rule version in force for \(period) (\(rules), version \(version)) has no value '\(name)'")
    }
}
