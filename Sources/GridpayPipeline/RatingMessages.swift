import GridpayCore

/// What `gridpay rate` says when a rating cannot be made or written (SPEC §8), one function per
/// kind, each in both languages (SPEC §15) and saying who acts.
public enum RatingMessages {
    /// The advice after rows a rating would have to leave out (RunRequest.acceptAdvice).
    static func cannotLeaveOut(_ town: String, _ period: String, example: String, words w: CommandWords) -> String {
        bilingual(zh: "评定不能不计入这些行：请改正它们，或在结账 \(period) 时不计入它们（\(w.close) \(town) \(period) \(w.closedBy) <姓名> \(w.accept) \(example)），评定就会从台账读取公布的结果",
                  en: "a rating cannot leave out: correct them, or close \(period) with them accepted (\(w.close) \(town) \(period) \(w.closedBy) <name> \(w.accept) \(example)) so that the rating reads its published results from the ledger")
    }

    static func notComputable(_ period: String) -> String {
        bilingual(zh: "\(period) 无法按输入计算：", en: "\(period) cannot be computed from its inputs:")
    }

    /// `kind`: the period's kind; `months`: all of its months.
    static func monthFoldersMissing(_ period: String, absent: [String], kind: PeriodKind, months: [String]) -> String {
        let one = absent.count == 1
        return bilingual(
            zh: "\(period) 在台账中没有结账，输入也不全：缺少月份文件夹 \(absent.joined(separator: "、"))（\(kind.one)要读其全部月份：\(months.joined(separator: "、"))）",
            en: "\(period) is not closed in the ledger and its inputs are incomplete: the month folder\(one ? "" : "s") \(absent.joined(separator: ", ")) \(one ? "is" : "are") missing (a \(kind.rawValue) is read from all of its months: \(months.joined(separator: ", ")))")
    }

    static func neitherLedgerNorInputs(_ period: String, folders: [String], isMonth: Bool) -> String {
        bilingual(zh: "\(period) 既没有台账记录，也没有输入（应已在台账中结账，或有文件夹 \(folders.joined(separator: "、"))）",
                  en: "\(period) has neither a ledger entry nor inputs (expected it closed in the ledger, or the folder\(isMonth ? "" : "s") \(folders.joined(separator: ", ")))")
    }

    /// `missing`: the rated period's assessment periods that have neither (none: other problems).
    static func cannotRate(_ town: String, _ period: String, missing: [String], kind: PeriodKind) -> String {
        let one = missing.count == 1
        return bilingual(
            zh: "无法评定 \(town) \(period)\(missing.isEmpty ? "" : "：缺少 \(missing.count) 个\(kind.label)（\(missing.joined(separator: "、"))）")；没有写出任何文件",
            en: "cannot rate \(town) \(period)\(missing.isEmpty ? "" : ": \(missing.count) of its \(kind.rawValue)s \(one ? "is" : "are") missing (\(missing.joined(separator: ", ")))"); nothing was written")
    }

    static func cannotMove(_ file: String, into folder: String, reason: String) -> String {
        bilingual(zh: "无法把 \(file) 移入 \(folder)：\(reason)", en: "cannot move \(file) into \(folder): \(reason)")
    }

    static func writingFailed(_ folder: String, reason: String) -> String {
        bilingual(zh: "把评定写入 \(folder) 失败：\(reason)；原有的输出保持不变",
                  en: "writing the rating to \(folder) failed: \(reason); earlier outputs were left as they were")
    }
}
