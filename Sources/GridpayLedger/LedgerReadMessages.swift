import Foundation
import GridpayCore

/// Messages of opening and reading the ledger, its archive and its published results (SPEC §9),
/// each in both languages (SPEC §15). Commands are named in the caller's words (`CommandWords`).
extension LedgerMessages {
    // MARK: opening

    static func sqliteCannotOpen(_ path: String, _ reason: String) -> String {
        bilingual(zh: "\(path) 不是 gridpay 台账：SQLite 无法打开它（\(reason)）",
                  en: "\(path) is not a gridpay ledger: SQLite cannot open it (\(reason))")
    }

    static func notALedger(_ path: String, reason: String) -> String {
        bilingual(zh: "\(path) 不是 gridpay 台账：\(reason)", en: "\(path) is not a gridpay ledger: \(reason)")
    }

    static func emptyFile(_ path: String) -> String {
        bilingual(zh: "\(path) 是一个空文件，不是 gridpay 台账", en: "\(path) is an empty file, not a gridpay ledger")
    }

    static func otherProgram(_ path: String, applicationID: Int32, expected: Int32) -> String {
        bilingual(
            zh: "\(path) 不是 gridpay 台账：它是别的程序的 SQLite 数据库（application_id \(applicationID)，应为 \(expected)）；未作任何改动",
            en: "\(path) is not a gridpay ledger: it is an SQLite database of another program (application_id \(applicationID), expected \(expected)); nothing was changed")
    }

    static func namesNoTown(_ path: String) -> String {
        bilingual(zh: "\(path) 不是 gridpay 台账：其中没有记录镇名", en: "\(path) is not a gridpay ledger: it names no town")
    }

    static func otherTown(_ path: String, owner: String, town: String) -> String {
        bilingual(zh: "\(path) 是“\(owner)”的台账，不是“\(town)”的；未作任何改动",
                  en: "\(path) is the ledger of town '\(owner)', not '\(town)'; nothing was changed")
    }

    /// The schema's triggers refuse a change (their own text stays as the schema records it).
    static func appendOnly() -> String {
        bilingual(zh: "gridpay 台账只增不改：已记录的行从不修改或删除",
                  en: "the gridpay ledger is append-only: rows are never updated or deleted")
    }

    static func neverReplaced() -> String {
        bilingual(zh: "gridpay 台账只增不改：具有这一键值的行已经记录，不会被替换",
                  en: "the gridpay ledger is append-only: a row with this key is already recorded and is never replaced")
    }

    // MARK: the archive

    /// `actual`: what the stored bytes hash to; nil when the object is missing.
    static func objectCorrupted(_ sha256: String, actual: String?) -> String {
        bilingual(zh: "存档对象 \(sha256) 已损坏：\(actual.map { "存储的字节算得 SHA-256 \($0)" } ?? "该对象不存在")",
                  en: "archive object \(sha256) is corrupted: its stored bytes hash to \(actual ?? "nothing (the object is missing)")")
    }

    static func archivedCorrupted(_ file: String, period: String, ledger path: String, recorded: String, actual: String?) -> String {
        bilingual(
            zh: "台账 \(path) 中 \(period) 存档的 \(file) 已损坏：记录的 SHA-256 为 \(recorded)，\(actual.map { "存储的字节算得 \($0)" } ?? "存档对象不存在")",
            en: "the archived \(file) of \(period) in \(path) is corrupted: recorded SHA-256 \(recorded), its stored bytes hash to \(actual ?? "nothing (the object is missing)")")
    }

    static func archivedUnreadable(_ file: String, period: String, ledger path: String, reason: String) -> String {
        bilingual(zh: "无法从台账 \(path) 读取 \(period) 存档的 \(file)：\(reason)",
                  en: "cannot read the archived \(file) of \(period) from \(path): \(reason)")
    }

    static func archivedRuleUnreadable(_ ruleFile: String, period: String, ledger path: String, reason: String) -> String {
        bilingual(zh: "无法从台账 \(path) 读取 \(period) 存档的规则文件 \(ruleFile)：\(reason)",
                  en: "the archived rule file \(ruleFile) of \(period) cannot be read from \(path): \(reason)")
    }

    static func notArchived(_ path: String) -> String {
        bilingual(zh: "无法读取 \(path)，不能存档", en: "cannot read \(path) to archive it")
    }

    static func changedWhileArchived(_ path: String) -> String {
        bilingual(zh: "\(path) 在存档过程中被改动；未记录任何内容，请重新执行该命令",
                  en: "\(path) changed while it was being archived; nothing was recorded, run the command again")
    }

    // MARK: corrections

    /// Why the run of `open` cannot accept rows of the corrected period `closed` (follows
    /// RunMessages' "N of them are single rows that").
    static func keepsItsAcceptedRows(open: String, closed: String) -> String {
        bilingual(zh: "\(open) 的运行不能剔除它们（\(closed) 沿用结账时接受的行）",
                  en: "the run of \(open) cannot leave out (\(closed) keeps the rows accepted when it was closed)")
    }

    static func correctionNotCarried(_ town: String, _ period: String, folder: String, words w: CommandWords) -> String {
        bilingual(
            zh: "已结账期间 \(period) 的更正后输入（\(folder)）无法结转：请改正它们，或恢复存档的文件（\(w.verify) \(town) \(period) 会指出哪些文件不同）",
            en: "the corrected inputs of the closed period \(period) (\(folder)) cannot be carried: fix them, or restore the archived files (\(w.verify) \(town) \(period) says which differ)")
    }

    // MARK: compare

    static func compareWithoutCorrection(_ town: String, _ period: String, waiting: [String], words w: CommandWords) -> String {
        bilingual(
            zh: "等待结转的 \(waiting.joined(separator: "、")) 的更正无法重算（见上），因此比较 \(period) 时不计它：两边都不含\(SheetLabelsPublic.priorAdjustment)；改正之前 \(w.run) \(town) \(period) 会拒绝运行",
            en: "the correction waiting for \(waiting.joined(separator: ", ")) cannot be recomputed (above), so \(period) is compared without it: "
                + "\(SheetLabelsPublic.priorAdjustment) is left out on both sides; \(w.run) \(town) \(period) will refuse until it is fixed")
    }

    static func compareClosedAsNow(_ town: String, _ period: String, differing: Int, words w: CommandWords) -> String {
        bilingual(
            zh: "\(town) \(period) 已结账，有 \(differing) 个文件与结账时不同：两边都按现在的文件计算，不是按公布的结果（\(w.verify) \(town) \(period) 可重现公布的结果）；台账中不重算任何内容",
            en: "\(town) \(period) is closed and \(differing) file(s) differ from what it was closed with: "
                + "both sides are computed from the files as they are now, not as published (\(w.verify) \(town) \(period) reproduces the published period); "
                + "nothing is recomputed in the ledger")
    }

    // MARK: published results

    static func noSuchValue(_ period: String, name: String, kept: [String]) -> String {
        bilingual(
            zh: "台账中 \(period) 公布的结果没有名为“\(name)”的是/否值（只有：\(kept.joined(separator: "、"))）；consecutive() 只能读取这些",
            en: "the ledger's published results of \(period) keep no true/false value '\(name)' (they keep: \(kept.joined(separator: ", "))); consecutive() can only read those")
    }

    static func publishedNotRead(_ period: String, ledger path: String, reason: String) -> String {
        bilingual(zh: "无法从 \(path) 读取 \(period) 公布的结果：\(reason)",
                  en: "cannot read the published results of \(period) from \(path): \(reason)")
    }

    static func ratingNotRead(_ period: String, ledger path: String, reason: String) -> String {
        bilingual(zh: "\(path)：无法读取 \(period) 公布的结果：\(reason)",
                  en: "\(path): cannot read the published results of \(period): \(reason)")
    }
}
