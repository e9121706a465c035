import Foundation
import GridpayCore
import GridpayHash

/// Messages of running, closing and verifying with the ledger (SPEC §9), each in both languages
/// (SPEC §15). Commands and options are named in the words the caller supplies (`CommandWords`).
enum LedgerMessages {
    static func ledgerUnreadable(_ path: String, _ reason: String) -> String {
        bilingual(zh: "无法读取台账 \(path)：\(reason)", en: "cannot read the ledger \(path): \(reason)")
    }

    static func cannotRead(_ path: String, _ reason: String) -> String {
        bilingual(zh: "无法读取 \(path)：\(reason)", en: "cannot read \(path): \(reason)")
    }

    // MARK: run of a closed period, corrections

    /// `closing`: the period the correction is carried into is being closed now.
    static func correctionRecomputed(_ period: String, files: String, version: String, into open: String, closing: Bool) -> String {
        bilingual(
            zh: "\(period) 已结账而其输入有改动（\(files)）：已按它自己的规则版本 \(version) 重算；差额作为\(SheetLabelsPublic.priorAdjustment)计入 \(open)，\(closing ? "现在结清" : "在 \(open) 结账时结清")",
            en: "\(period) is closed and its inputs changed (\(files)): recomputed under its own rule version \(version); the differences are carried into \(open) as \(SheetLabelsPublic.priorAdjustment)\(closing ? " and settled now" : ", settled when \(open) is closed")")
    }

    static func inputDiffers(_ path: String, now: String, archived: String) -> String {
        bilingual(
            zh: "\(path)：SHA-256 \(now) 与台账中的 \(archived) 不同（\(HashText.firstDifference(now, archived))）",
            en: "\(path): SHA-256 \(now) differs from the ledger's \(archived) (\(HashText.firstDifference(now, archived)))")
    }

    static func inputMissing(_ path: String, archived: String) -> String {
        bilingual(zh: "\(path) 不存在；台账存档的该文件 SHA-256 为 \(archived)",
                  en: "\(path) is missing; the ledger archived it with SHA-256 \(archived)")
    }

    static func ruleDiffers(_ path: String, now: String, archived: String, file: String, version: String) -> String {
        bilingual(
            zh: "\(path)：SHA-256 \(now) 与台账中的 \(archived) 不同（\(HashText.firstDifference(now, archived))；规则文件 \(file)，版本 \(version)）",
            en: "\(path): SHA-256 \(now) differs from the ledger's \(archived) (\(HashText.firstDifference(now, archived)); rule file \(file), version \(version))")
    }

    static func ruleUnreadable(_ path: String, file: String, archived: String) -> String {
        bilingual(zh: "无法读取 \(path)；台账存档的 \(file) 的 SHA-256 为 \(archived)",
                  en: "\(path) cannot be read; the ledger archived \(file) with SHA-256 \(archived)")
    }

    static func noRuleInForce(_ period: String, rulesDir: String, why: String, file: String, archived: String) -> String {
        bilingual(
            zh: "\(rulesDir) 中没有 \(period) 施行的规则文件（\(why)）；台账存档的 \(file) 的 SHA-256 为 \(archived)",
            en: "no rule file in force for \(period) in \(rulesDir) (\(why)); the ledger archived \(file) with SHA-256 \(archived)")
    }

    /// A closed period's files differ and they are the corrected inputs of a revision already settled.
    static func closedAndSettled(_ town: String, _ p: String, by: String, at: String, differing: Int, revision: Int,
                                 settledIn: String, revisedBy: String, revisedAt: String, words w: CommandWords) -> String {
        bilingual(
            zh: "\(town) \(p) 已结账（\(by) 于 \(at)），有 \(differing) 个文件与结账时不同，因此不再运行：已结账的期间从不重算。"
                + "这些是它第 \(revision) 次修订的更正后输入，已由 \(revisedBy) 于 \(revisedAt) 在 \(settledIn) 结清：该更正已支付一次，没有待结转的内容（\(w.status) \(town)）。"
                + "按公布的结果重现 \(p)：\(w.verify) \(town) \(p)",
            en: "\(town) \(p) is closed (by \(by) at \(at)) and \(differing) file(s) differ from what it was closed with, so it is not run again: "
                + "a closed period is never recomputed. They are the corrected inputs of its revision \(revision), settled in \(settledIn) "
                + "by \(revisedBy) at \(revisedAt): that correction was paid once and nothing is waiting (\(w.status) \(town)). "
                + "To reproduce \(p) as published: \(w.verify) \(town) \(p)")
    }

    /// A closed period's files differ: how a correction is carried instead.
    static func closedNotRunAgain(_ town: String, _ p: String, by: String, at: String, differing: Int, folders: String,
                                  openPeriod: String, sheet: String, words w: CommandWords) -> String {
        bilingual(
            zh: "\(town) \(p) 已结账（\(by) 于 \(at)），有 \(differing) 个文件与结账时不同，因此不再运行：已结账的期间从不重算。"
                + "要更正它，请把更正后的输入留在 \(folders)：第一个未结账期间的运行（\(w.run) \(town) \(openPeriod)）会把差额作为\(SheetLabelsPublic.priorAdjustment)计入其工资（见“\(sheet)”表），"
                + "该期间结账时结清。按公布的结果重现 \(p)：\(w.verify) \(town) \(p)",
            en: "\(town) \(p) is closed (by \(by) at \(at)) and \(differing) file(s) differ from what it was closed with, so it is not run again: "
                + "a closed period is never recomputed. To correct it, leave the corrected inputs in \(folders): "
                + "the run of the first open period (\(w.run) \(town) \(openPeriod)) carries the difference into its pay as \(SheetLabelsPublic.priorAdjustment) (sheet \(sheet)), "
                + "and closing that period settles it. To reproduce \(p) as published: \(w.verify) \(town) \(p)")
    }

    static func nextPeriod() -> String {
        bilingual(zh: "下一期间", en: "the next period")
    }

    // MARK: close

    static func closerNeeded(words w: CommandWords) -> String {
        bilingual(zh: "\(w.closedBy) 需要填写结账人的姓名", en: "\(w.closedBy) needs the name of the person closing the period")
    }

    static func folderNotCreated(_ dir: String, _ reason: String) -> String {
        bilingual(zh: "无法建立台账文件夹 \(dir)：\(reason)", en: "cannot create the ledger folder \(dir): \(reason)")
    }

    static func ledgerBusy(_ town: String, path: String) -> String {
        bilingual(
            zh: "另一个 gridpay 进程正在为 \(town) 结账（\(path) 已加锁）；未记录任何内容：请在它完成后再试",
            en: "another gridpay process is closing a period of \(town) right now (\(path) is locked); nothing was recorded: try again when it has finished")
    }

    static func alreadyClosed(_ town: String, _ p: String, by: String, at: String, words w: CommandWords) -> String {
        bilingual(
            zh: "\(town) \(p) 已经结账：\(by) 于 \(at) 结账；已结账的期间不能再次结账（更正会结转到第一个未结账期间：见 \(w.status) \(town)）",
            en: "\(town) \(p) is already closed: closed by \(by) at \(at); a closed period cannot be closed again (a correction is carried into the first open period: see \(w.status) \(town))")
    }

    static func laterClosed(_ town: String, _ p: String, later: String) -> String {
        bilingual(zh: "不能为 \(town) \(p) 结账：\(later) 已经结账，期间须按顺序结账",
                  en: "cannot close \(town) \(p): \(later) is already closed, and periods are closed in order")
    }

    static func previousNotClosed(_ town: String, _ p: String, previous: String, folder: String) -> String {
        bilingual(
            zh: "不能为 \(town) \(p) 结账：上一期间 \(previous) 有输入（\(folder)）却未结账；期间须按顺序结账：请先为 \(previous) 结账",
            en: "cannot close \(town) \(p): the previous period \(previous) has inputs (\(folder)) but is not closed; periods are closed in order: close \(previous) first")
    }

    static func preliminaryNotClosed(_ town: String, _ p: String, preliminary: String, folder: String) -> String {
        bilingual(
            zh: "不能为 \(town) \(p) 结账：其初查期间 \(preliminary) 有输入（\(folder)）却未结账；\(p) 结账后就不能再为 \(preliminary) 结账，请先为 \(preliminary) 结账",
            en: "cannot close \(town) \(p): its preliminary period \(preliminary) has inputs (\(folder)) but is not closed; once \(p) is closed \(preliminary) can no longer be closed: close \(preliminary) first")
    }

    static func notClosedForErrors(_ town: String, _ p: String, path: String) -> String {
        bilingual(zh: "\(town) \(p) 有错误，因此未结账；\(path) 中未记录任何内容",
                  en: "\(town) \(p) has errors, so it was not closed; nothing was recorded in \(path)")
    }

    static func notClosedLedgerUnchanged(_ town: String, _ p: String, path: String) -> String {
        bilingual(zh: "\(town) \(p) 未结账；台账 \(path) 保持原样", en: "\(town) \(p) was not closed; the ledger \(path) is as it was")
    }

    static func recordingFailed(_ town: String, _ p: String, path: String, _ reason: String) -> String {
        bilingual(zh: "在 \(path) 中记录 \(town) \(p) 失败：\(reason)；台账保持原样",
                  en: "recording \(town) \(p) in \(path) failed: \(reason); the ledger is as it was")
    }

    static func outputUnreadable(_ path: String) -> String {
        bilingual(zh: "无法读取输出 \(path)", en: "cannot read the output \(path)")
    }

    static func correctionSettled(_ period: String, revision: Int, changed: String) -> String {
        bilingual(zh: "已结清 \(period) 的更正，作为其第 \(revision) 次修订（\(changed) 有改动）",
                  en: "settled the correction of \(period) as its revision \(revision) (\(changed) changed)")
    }

    /// `payable`: the total payable, nil for a town without [pay] (SPEC §17); `local`: when, in
    /// local time with the zone (the ledger records UTC).
    static func closed(_ town: String, _ p: String, by: String, at local: String, workers: Int, payable: String?, version: String, path: String) -> String {
        bilingual(
            zh: "\(town) \(p) 已由 \(by) 于 \(local) 结账：\(workers) 人\(payable.map { "，实发合计 \($0) 元" } ?? "")，规则版本 \(version)；记录在 \(path)",
            en: "closed \(town) \(p) by \(by) at \(local): \(workers) workers\(payable.map { ", total payable \($0) yuan" } ?? ""), rule version \(version); recorded in \(path)")
    }

    static func notCarried(_ worker: String, period: String, amount: String, sheet: String) -> String {
        bilingual(
            zh: "网格员 \(worker) 不在 \(period) 的花名册上：\(amount) 的\(SheetLabelsPublic.priorAdjustment)不能计入工资表；它列在“\(sheet)”表中，须手工补发或追回",
            en: "worker \(worker) is not on the roster of \(period): the \(SheetLabelsPublic.priorAdjustment) of \(amount) cannot be carried on the pay sheet; it is listed on sheet \(sheet) and must be paid or recovered by hand")
    }

    // MARK: verify

    static func noLedger(_ town: String, _ p: String, path: String, words w: CommandWords) -> String {
        bilingual(
            zh: "\(town) \(p) 未结账：没有台账 \(path)；请先结账（\(w.close) \(town) \(p) \(w.closedBy) <姓名>）",
            en: "\(town) \(p) is not closed: there is no ledger \(path); close it first (\(w.close) \(town) \(p) \(w.closedBy) <name>)")
    }

    static func notClosedIn(_ town: String, _ p: String, path: String, closed: [String]) -> String {
        bilingual(
            zh: "\(town) \(p) 在 \(path) 中没有结账\(closed.isEmpty ? "" : "（已结账：\(closed.joined(separator: "、"))）")",
            en: "\(town) \(p) is not closed in \(path)\(closed.isEmpty ? "" : " (closed: \(closed.joined(separator: ", ")))")")
    }

    /// `now`: the re-run's SHA-256, nil when it wrote no such file.
    static func outputDiffers(_ file: String, period: String, recorded: String, now: String?) -> String {
        bilingual(
            zh: "\(file) 不同：\(period) 结账时记录的 SHA-256 为 \(recorded)，按存档重新运行得到\(now.map { " \($0)（\(HashText.firstDifference($0, recorded))）" } ?? "的是没有该文件")",
            en: "\(file) differs: SHA-256 \(recorded) was recorded when \(period) was closed, the re-run from the archive gives \(now.map { "\($0) (\(HashText.firstDifference($0, recorded)))" } ?? "no file")")
    }

    static func notIdentical(_ town: String, _ p: String, files: [String]) -> String {
        bilingual(
            zh: "\(town) \(p)：不一致——\(files.joined(separator: "、")) 与结账时记录的不同",
            en: "\(town) \(p): not identical — \(files.joined(separator: ", ")) differ from what was recorded when it was closed")
    }

    /// The period was closed by another program version than the one running (`recorded` and
    /// `running` as recorded: `gridpay 0.1.0`).
    static func closedByOtherProgram(_ town: String, _ p: String, recorded: String, running: String) -> String {
        bilingual(
            zh: "\(town) \(p) 是用 \(recorded) 结账的，现在运行的是 \(running)：输出中写有程序版本，不同版本写出的输出可能不同；核对应使用结账时的程序 \(recorded)",
            en: "\(town) \(p) was closed with \(recorded) and this is \(running): the outputs carry the program version, and another version may write them differently; verify with the program that closed it, \(recorded)")
    }

    static func identical(_ town: String, _ p: String, ruleFile: String, version: String, outputs: Int, by: String, at: String) -> String {
        bilingual(
            zh: "\(town) \(p)：一致——按台账存档重新运行（规则文件 \(ruleFile)，版本 \(version)），全部 \(outputs) 个输出的 SHA-256 与 \(by) 于 \(at) 结账时记录的相同",
            en: "\(town) \(p): identical — re-run from the ledger's archive (rule file \(ruleFile), version \(version)), all \(outputs) outputs have the SHA-256 recorded when it was closed by \(by) at \(at)")
    }

    static func verifyFailed(_ town: String, _ p: String, _ reason: String) -> String {
        bilingual(zh: "核对 \(town) \(p) 失败：\(reason)", en: "verifying \(town) \(p) failed: \(reason)")
    }

    static func notRerun(_ town: String, _ p: String) -> String {
        bilingual(zh: "\(town) \(p) 无法按台账存档重新运行", en: "\(town) \(p) could not be re-run from the ledger's archive")
    }

    static func archiveDamaged(_ town: String, _ p: String, path: String) -> String {
        bilingual(zh: "\(town) \(p) 无法核对：它在 \(path) 中的存档已损坏",
                  en: "\(town) \(p) cannot be verified: its archive in \(path) is damaged")
    }

    static func inputsGone(_ folders: [String], period: String) -> String {
        bilingual(
            zh: "\(folders.joined(separator: "、")) 已不存在；台账存档保存着 \(period) 结账时的输入",
            en: "\(folders.joined(separator: ", ")) \(folders.count == 1 ? "is" : "are") gone; the ledger's archive holds the inputs \(period) was closed with")
    }

    static func inputsMatch(_ dir: String, files: Int) -> String {
        bilingual(zh: "\(dir) 仍与存档相符（\(files) 个文件）", en: "\(dir) still matches the archive (\(files) files)")
    }

    static func inputsOfRevision(_ dir: String, revision: Int, settledIn: String, period: String, changed: [String]) -> String {
        bilingual(
            zh: "\(dir) 存放的是第 \(revision) 次修订（在 \(settledIn) 结清）的更正后输入，不是 \(period) 结账时的输入：" + changed.joined(separator: "；"),
            en: "\(dir) holds the corrected inputs of revision \(revision) (settled in \(settledIn)), not those \(period) was closed with: " + changed.joined(separator: "; "))
    }

    static func inputsChanged(_ dir: String, changed: [String]) -> String {
        bilingual(zh: "\(dir) 已与存档不符：" + changed.joined(separator: "；"),
                  en: "\(dir) no longer matches the archive: " + changed.joined(separator: "; "))
    }

    static func inputFileMissing(_ file: String) -> String {
        bilingual(zh: "\(file)（不存在）", en: "\(file) (missing)")
    }

    static func inputFileChanged(_ file: String, now: String, archived: String) -> String {
        bilingual(zh: "\(file)（SHA-256 \(now)，存档为 \(archived)）", en: "\(file) (SHA-256 \(now), archived \(archived))")
    }

    static func workerOnlyRerun(_ id: String) -> String {
        bilingual(zh: "网格员 \(id)：不在公布的结果中，却在重新运行的结果中", en: "worker \(id): not in the published results, but in the re-run")
    }

    static func workerOnlyPublished(_ id: String) -> String {
        bilingual(zh: "网格员 \(id)：已公布，却不在重新运行的结果中", en: "worker \(id): published, but not in the re-run")
    }

    static func workerDiffers(_ id: String, name: String, _ differences: [String]) -> String {
        bilingual(zh: "网格员 \(id)（\(name)）：" + differences.joined(separator: "；"),
                  en: "worker \(id) (\(name)): " + differences.joined(separator: "; "))
    }

    static func valueDiffers(_ column: String, published: String, rerun: String) -> String {
        bilingual(zh: "\(column) 公布为 \(published)，重新运行为 \(rerun)", en: "\(column) published \(published), re-run \(rerun)")
    }

    static func itemCount() -> String {
        bilingual(zh: "考核项目数", en: "items")
    }
}
