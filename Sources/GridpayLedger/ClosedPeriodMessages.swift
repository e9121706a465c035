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
}
