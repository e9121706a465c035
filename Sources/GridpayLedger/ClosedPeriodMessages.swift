import Foundation
import GridpayCore

/// Messages of re-running a closed period with its history as archived, of a ledger left with a
/// rollback journal by an interrupted close, and of a chain head given to verify (SPEC §9), each
/// in both languages (SPEC §15). Commands are named in the caller's words (`CommandWords`).
enum ClosedPeriodMessages {
    // MARK: a closed period's history

    /// `changes`: what differs, month by month (the functions below), in month order.
    static func historyAsClosed(_ town: String, _ period: String, changes: [String]) -> String {
        bilingual(
            zh: "\(town) \(period) 已结账，结账后 Input/ 中它所依据的往期数据有变化：\(changes.joined(separator: "；"))。本期仍按结账时的往期数据（存档在台账中）写出，与公布的相同；已结账的期间不因往期数据的变化而重算",
            en: "\(town) \(period) is closed, and the earlier months it was assessed with have changed in Input/ since: \(changes.joined(separator: "; ")). "
                + "It is written with the earlier months as they were when it was closed (archived in the ledger), the same as published; "
                + "a closed period is never recomputed from earlier months that changed afterwards")
    }

    static func historyAppeared(_ month: String, folder: String) -> String {
        bilingual(zh: "\(month) 现在有输入（\(folder)），结账时没有或不能使用",
                  en: "\(month) has inputs now (\(folder)); it had none, or none that could be used, when the period was closed")
    }

    /// `files`: historyFileChanged / historyFileMissing of each file that differs.
    static func historyChanged(_ month: String, files: [String]) -> String {
        bilingual(zh: "\(month) 的 \(files.joined(separator: "、"))", en: "\(month): \(files.joined(separator: ", "))")
    }

    static func historyFileChanged(_ file: String) -> String {
        bilingual(zh: "\(file) 已改动", en: "\(file) changed")
    }

    static func historyFileMissing(_ file: String) -> String {
        bilingual(zh: "\(file) 已不在", en: "\(file) is gone")
    }

    static func historyGone(_ month: String, folder: String) -> String {
        bilingual(zh: "\(month) 的输入文件夹 \(folder) 已不在", en: "the input folder of \(month), \(folder), is gone")
    }

    static func historyArchiveDamaged(_ town: String, _ period: String, path: String, words: CommandWords) -> String {
        bilingual(
            zh: "\(town) \(period) 已结账，但 \(path) 中存档的往期数据已损坏，无法按结账时的往期数据重新写出；未写出任何文件（\(words.verify) \(town) \(period) 会说明损坏之处）",
            en: "\(town) \(period) is closed, but the earlier months archived for it in \(path) are damaged, so it cannot be written as it was closed; "
                + "nothing was written (\(words.verify) \(town) \(period) says what is damaged)")
    }

    // MARK: an interrupted close

    static func interruptedClose(_ path: String, town: String, words w: CommandWords) -> String {
        bilingual(
            zh: "\(path) 暂时无法读取：上一次结账在写入台账时被中断，留下了 SQLite 的回滚日志 \(path)-journal，只读的命令不能回滚它。"
                + "台账中只有完整的结账，被中断的那次要么已全部记录，要么完全没有记录。请再结账一次（\(w.close) \(town) <期间> \(w.closedBy) <姓名>，"
                + "例如被中断的那一期）：它先回滚日志，再结账或说明该期间已结账，之后其他命令照常可用。不要删除或移走这个日志文件：台账要靠它回滚",
            en: "\(path) cannot be read yet: a close was interrupted while it was writing the ledger and left SQLite's rollback journal \(path)-journal, "
                + "which a read-only command cannot roll back. The ledger holds whole closings only: the interrupted one was recorded entirely or not at all. "
                + "Close again (\(w.close) \(town) <period> \(w.closedBy) <name>, e.g. the period that was interrupted): it rolls the journal back first, "
                + "then closes the period or says it is already closed, and every other command works again. Do not delete or move the journal: "
                + "the ledger needs it to roll back")
    }

    // MARK: a chain head given to verify

    static func malformedHead(_ head: String, words w: CommandWords) -> String {
        bilingual(
            zh: "链头应为 64 位十六进制数字（0–9、a–f），给出的是“\(head)”（\(head.count) 个字符）：请照 \(w.close) 或 \(w.status) 打印的链头完整抄写；未核对台账",
            en: "a chain head is 64 hexadecimal digits (0–9, a–f), but '\(head)' was given (\(head.count) characters): copy the head whole as \(w.close) or \(w.status) printed it; the ledger was not checked")
    }
}
