import Foundation
import GridpayCore

/// Messages of the ledger's tamper evidence (issue 19): seals, the chain, integrity checks,
/// published values that do not parse. Each in both languages (SPEC §15).
public enum LedgerSealMessages {
    static func name(_ s: Settlement) -> String {
        s.revision == 0 ? s.period : bilingual(zh: "\(s.period) 第\(s.revision)次修订", en: "\(s.period) revision \(s.revision)")
    }

    static func closedBy(_ s: Settlement) -> String {
        let at = LocalTime.here(s.closedAt)
        return bilingual(zh: "\(s.closedBy) 于 \(at) 结账", en: "closed by \(s.closedBy) at \(at)")
    }

    static func quickCheckFailed(path: String, _ result: String) -> String {
        bilingual(
            zh: "\(path) 已损坏：SQLite 的 quick_check 报告 \(result)；请保管台账的部门从备份恢复台账",
            en: "\(path) is damaged: SQLite's quick_check reports \(result); restore the ledger from a backup (who: the office keeping the ledger)")
    }

    static func workerCount(_ s: Settlement, recorded: Int, held: Int) -> String {
        bilingual(
            zh: "\(name(s))：结账记录写的是 \(recorded) 人，台账中却有 \(held) 行人员结果；台账在 gridpay 之外被改动或已损坏，不可信",
            en: "\(name(s)): the settlement records \(recorded) workers but the ledger holds \(held) worker lines for it; it was changed outside gridpay or is damaged and cannot be trusted")
    }

    static func ruleCount(_ s: Settlement, held: Int) -> String {
        bilingual(
            zh: "\(name(s))：台账中存有 \(held) 个规则文件，应为 1 个；台账在 gridpay 之外被改动或已损坏",
            en: "\(name(s)): the ledger holds \(held) archived rule files for it, expected 1; it was changed outside gridpay or is damaged")
    }

    static func noOutputs(_ s: Settlement) -> String {
        bilingual(
            zh: "\(name(s))：台账中没有它的输出文件哈希；台账在 gridpay 之外被改动或已损坏",
            en: "\(name(s)): the ledger holds no output hashes for it; it was changed outside gridpay or is damaged")
    }

    static func sealWithoutSettlement(id: Int64, sealedAt: String) -> String {
        bilingual(
            zh: "台账中有结账记录 \(id) 的封印（\(LocalTime.here(sealedAt)) 封存），但该记录已不存在：有行在 gridpay 之外被删除",
            en: "the ledger holds a seal (made \(LocalTime.here(sealedAt))) for settlement \(id), which is gone: rows were deleted outside gridpay")
    }

    static func rowsChanged(_ s: Settlement, sealedAt: String, sealed: String, now: String) -> String {
        bilingual(
            zh: "\(name(s))（\(closedBy(s))）：其各行与 \(LocalTime.here(sealedAt)) 的封印不再相符（封印摘要 \(sealed)，现在各行得出 \(now)）；它们在 gridpay 之外被改动或已损坏",
            en: "\(name(s)) (\(closedBy(s))): its rows no longer match the seal made \(LocalTime.here(sealedAt)) (digest \(sealed), the rows now give \(now)); they were changed outside gridpay or are damaged")
    }

    static func chainBroken(_ s: Settlement, stored: String, recomputed: String) -> String {
        bilingual(
            zh: "\(name(s))：其封印的链值 \(stored) 不是由之前的封印得出的（重算为 \(recomputed)）；封印在 gridpay 之外被改动",
            en: "\(name(s)): its seal's chain value \(stored) does not follow from the seals before it (recomputed \(recomputed)); seals were changed outside gridpay")
    }

    static func unsealedAfterSeals(_ s: Settlement) -> String {
        bilingual(
            zh: "\(name(s))（\(closedBy(s))）没有封印，而台账已经封印：它不是 gridpay 记录的，不可信",
            en: "\(name(s)) (\(closedBy(s))) has no seal though the ledger is sealed: it was recorded outside gridpay and is not trusted")
    }

    static func needsUpgrade(_ count: Int, town: String, words w: CommandWords) -> String {
        bilingual(
            zh: "台账中的 \(count) 条结账记录由没有封印功能的旧版 gridpay 写入：仍按存档核对，但还没有链头；\(town) 下一次结账时会封印它们（\(w.close) \(town) <期间> \(w.closedBy) <姓名>）",
            en: "the ledger's \(count) settlement(s) were recorded by a gridpay without seals: they are checked against the archive but have no chain head yet; the next close of \(town) seals them (\(w.close) \(town) <period> \(w.closedBy) <name>)")
    }

    static func sealedAtUpgrade(_ count: Int, words w: CommandWords) -> String {
        bilingual(
            zh: "已封印旧版 gridpay 记录的 \(count) 条结账记录（按其现状；\(w.verify) 会把每一期与其存档核对）",
            en: "sealed \(count) settlement(s) recorded by an earlier gridpay (their rows as they are now: \(w.verify) checks each against its archive)")
    }

    /// `local`: when `s` was closed, in local time with the zone (as status shows its periods).
    static func chainHead(_ head: String, after s: Settlement, at local: String, words w: CommandWords) -> String {
        bilingual(
            zh: "链头 \(head)（截至 \(name(s))，\(s.closedBy) 于 \(local) 结账）：请在台账之外保存；\(w.verify) <镇> \(w.chain) <链头> 可证明截至此处记录的内容未被改动",
            en: "chain head \(head) (after \(name(s)), closed by \(s.closedBy) at \(local)): keep it outside the ledger; \(w.verify) <town> \(w.chain) <head> proves nothing recorded up to it changed")
    }

    static func notTrusted(path: String, _ count: Int) -> String {
        bilingual(
            zh: "\(path) 不可信：见上面 \(count) 个问题；未作任何改动（请保管台账的部门从备份恢复）",
            en: "\(path) cannot be trusted: \(count) problem(s) above; nothing was changed (who: the office keeping the ledger; restore it from a backup)")
    }

    static func chainProved(_ head: String, _ link: LedgerIntegrity.Link, count: Int) -> String {
        bilingual(
            zh: "链头 \(head)：已证明——截至 \(name(link.settlement))（\(closedBy(link.settlement))）记录的 \(count) 条结账记录未被改动",
            en: "chain head \(head): proved — the \(count) settlement(s) recorded up to \(name(link.settlement)) (\(closedBy(link.settlement))) are unchanged")
    }

    static func chainNotFound(_ head: String, path: String) -> String {
        bilingual(
            zh: "链头 \(head) 无法由 \(path) 证明：没有完好的封印得出它，说明截至此处的记录已被改动（或它不是本镇台账的链头）；此前的记录不能凭这份台账信任",
            en: "chain head \(head) is not proved by \(path): no intact seal gives it, so settlements recorded up to it were changed (or it is not a head of this town's ledger); nothing recorded before it can be trusted from this ledger")
    }

    static func chainNeedsUpgrade(_ head: String, town: String) -> String {
        bilingual(
            zh: "无法核对链头 \(head)：台账还没有封印（由旧版 gridpay 写入）；\(town) 下一次结账时会封印",
            en: "chain head \(head) cannot be checked: the ledger has no seals yet (recorded by an earlier gridpay); the next close of \(town) seals it")
    }

    static func sealRefused(_ e: SealRefused, words w: CommandWords) -> String {
        bilingual(
            zh: "结账记录 \(e.settlementID) 没有封印，却记录在已封印的结账记录 \(e.lastSealed) 之前：它是在 gridpay 之外插入的；未记录任何内容（\(w.verify) 会指出还有哪些不同）",
            en: "settlement \(e.settlementID) has no seal but was recorded before the sealed settlement \(e.lastSealed): it was inserted outside gridpay; nothing was recorded (\(w.verify) says what else differs)")
    }

    static func unreadable(_ e: UnreadablePublished, words w: CommandWords) -> String {
        let worker = e.worker ?? ""
        let period = e.period ?? ""
        let whereZh = (worker.isEmpty ? "" : "人员 \(worker) ") + (period.isEmpty ? "" : "\(period) ")
        let whereEn = (worker.isEmpty ? "" : bilingual(zh: "人员 \(worker)", en: " of worker \(worker)")) + (period.isEmpty ? "" : bilingual(zh: period, en: " in \(period)"))
        let expected: String
        switch e.kind {
        case .number: expected = bilingual(zh: "数", en: "a number")
        case .bool: expected = bilingual(zh: "true 或 false", en: "true or false")
        case .bools: expected = bilingual(zh: "true/false 列表", en: "a list of true/false")
        }
        return bilingual(
            zh: "已公布的\(whereZh)\(e.column) 为“\(e.text)”，不是\(expected)：台账在 gridpay 之外被改动或已损坏（\(w.status) 和 \(w.verify) 会检查）；绝不当作 0 读取",
            en: "the published \(e.column)\(whereEn) is '\(e.text)', which is not \(expected): the ledger was changed outside gridpay or is damaged (\(w.status) and \(w.verify) check it); it is never read as 0")
    }

    static func acceptanceLapsed(_ row: String, period: String, words w: CommandWords) -> String {
        bilingual(
            zh: "\(period) 结账时用 \(w.accept) 接受的 \(row) 在更正后的输入中已不是有问题的行：该接受失效，更正后的输入全部计入，更正照常结转",
            en: "\(row), accepted with \(w.accept) when \(period) was closed, matches no row with a problem in its corrected inputs: the acceptance lapses, the corrected inputs are counted in full and the correction is carried")
    }

    static func explainClosed(_ town: String, _ s: Settlement) -> String {
        bilingual(
            zh: "\(town) \(s.period) 已结账（\(closedBy(s))）：以下按台账存档的输入和规则文件 \(s.ruleFile)（版本 \(s.ruleVersion)）解释，即已公布的结果；不读取 Input/ 中现在的文件",
            en: "\(town) \(s.period) is closed (\(closedBy(s))): explained from the ledger's archived inputs and rule file \(s.ruleFile) (version \(s.ruleVersion)), i.e. as published; the files now in Input/ are not read")
    }

    /// explain of a closed period whose inputs changed since (SPEC §15): the correction waiting,
    /// beside the published results explained. `open`: the period whose run carries it.
    static func explainCorrectionWaiting(_ town: String, _ period: String, files: [String], folder: String, open: String, words w: CommandWords) -> String {
        bilingual(
            zh: "\(period) 有一项更正待结转（\(folder) 中结账后改动的文件：\(files.joined(separator: "、"))）；这里解释的是公布的结果。\(open) 的运行（\(w.run) \(town) \(open)）会按 \(period) 自己的规则版本重算，差额作为\(SheetLabelsPublic.priorAdjustment)计入 \(open)，\(open) 结账时结清",
            en: "a correction is waiting for \(period) (changed in \(folder) since it was closed: \(files.joined(separator: ", "))); what is explained here is as published. "
                + "The run of \(open) (\(w.run) \(town) \(open)) recomputes it under \(period)'s own rule version and carries the difference into \(open) as \(SheetLabelsPublic.priorAdjustment), settled when \(open) is closed")
    }

    static func lockFailed(_ path: String, errno: Int32) -> String {
        bilingual(
            zh: "无法建立或锁定台账的锁文件 \(path)（errno \(errno)：\(String(cString: strerror(errno)))）；未记录任何内容：请检查台账文件夹的权限和剩余空间",
            en: "cannot create or lock the ledger's lock file \(path) (errno \(errno): \(String(cString: strerror(errno)))); nothing was recorded: check the ledger folder's permissions and free space")
    }

    /// close of a summary period ([period_summary]): nothing is published, so nothing is closed.
    static func summaryNotClosed(_ town: String, _ period: String, ruleFile: String, assessed: CalendarPeriod, preliminary: CalendarPeriod?,
                                 words w: CommandWords) -> String {
        let kind = CalendarPeriod.parse(period)?.kind ?? .quarter
        let also = preliminary.map(closablePreliminary) ?? ""
        return bilingual(
            zh: "不能对 \(town) \(period) 结账：\(kind.label)是 \(town) 的汇总期间（\(ruleFile)：[period_summary] period = \"\(kind.rawValue)\"），只作汇总，不评分、不排名、不计发，没有可公布的结果可记入台账；其汇总表用 \(w.run) \(town) \(period) 生成。可以结账的是考核期间（\(assessed.kind.label)，如 \(w.close) \(town) \(assessed) \(w.closedBy) <姓名>）\(also)；未记录任何内容",
            en: "cannot close \(town) \(period): a \(kind.rawValue) is \(town)'s summary period (\(ruleFile): [period_summary] period = \"\(kind.rawValue)\"), summarised with no score, rank or pay, so it publishes no results for the ledger; its summary is made by \(w.run) \(town) \(period). What can be closed is the assessment period (a \(assessed.kind.rawValue), e.g. \(w.close) \(town) \(assessed) \(w.closedBy) <name>)\(also); nothing was recorded")
    }

    /// A closed period's published results that the ledger could not give (e.g. the year's
    /// 上半年总分 from its closed half-year).
    static func publishedUnreadable(_ period: String, ledger path: String, reason: String) -> String {
        bilingual(
            zh: "无法从台账 \(path) 读取 \(period) 公布的结果：\(reason)；已结账期间的结果只从台账读取，不重新计算：请保管台账的部门检查或从备份恢复台账",
            en: "cannot read the published results of \(period) from the ledger \(path): \(reason); a closed period's results are read from the ledger, never recomputed: the office keeping the ledger must check it or restore it from a backup")
    }

    /// The preliminary period a town also closes (summaryNotClosed's tail).
    static func closablePreliminary(_ p: CalendarPeriod) -> String {
        bilingual(zh: "，以及其\(p.kind.label)初查（如 \(p)）", en: " and its preliminary \(p.kind.rawValue) (e.g. \(p))")
    }

    static func townNotPlain(_ why: String) -> String {
        bilingual(
            zh: "镇名\(why)；应为一个简单的名称，例如 qinghe（它是 Rules/<镇>.toml、Input/<镇>/ 和 Ledger/<镇>.sqlite 的名字）；未建立任何文件",
            en: "the town \(why); expected a plain name such as qinghe (it names Rules/<town>.toml, Input/<town>/ and Ledger/<town>.sqlite); no file was made")
    }

    static var leadingDash: String { bilingual(zh: "以“-”开头", en: "starts with '-'") }

    static func ledgerInside(_ ledgerDir: String, option: String, _ dir: String, words w: CommandWords) -> String {
        bilingual(
            zh: "台账文件夹 \(ledgerDir) 在 \(option) 的文件夹 \(dir) 之内：删除已存档的输入或输出时会连台账一起删除；请把 \(w.ledgerDir) 设在输入和输出文件夹之外（默认 ./Ledger）；未建立任何文件",
            en: "the ledger folder \(ledgerDir) is inside the \(option) folder \(dir): deleting archived inputs or outputs would delete the ledger with them; expected \(w.ledgerDir) outside the input and output folders (default ./Ledger); no file was made")
    }

    static func settlementDiffers(_ what: String, published: String, rerun: String) -> String {
        bilingual(
            zh: "结账记录的 \(what)：公布为 \(published)，重算为 \(rerun)",
            en: "the settlement's \(what): published \(published), re-run \(rerun)")
    }

    static func rowsDiffer(town: String, period: String, count: Int) -> String {
        bilingual(
            zh: "\(town) \(period)：不一致——有 \(count) 处已公布的行或结账记录的值与按存档重算的结果不同",
            en: "\(town) \(period): not identical — \(count) published row(s) or settlement value(s) differ from the re-run from the archive")
    }

    static func scratchFailed(_ scratch: String, _ error: Error) -> String {
        bilingual(
            zh: "无法写入 verify 用于重算的临时副本 \(scratch)（\(error)）；这是临时文件夹（TMPDIR），不是台账，台账完好：请腾出空间或把 TMPDIR 设为别的文件夹，再运行 verify",
            en: "cannot write the scratch copy \(scratch) that verify re-runs from (\(error)); this is the temporary folder (TMPDIR), not the ledger, which is unharmed: free space there or set TMPDIR to another folder, then run verify again")
    }

    static func identicalRows(_ count: Int) -> String {
        bilingual(
            zh: "每一行已公布的结果（\(count) 人的各项得分、总分、排名、标记和工资各栏；结账记录的人数和总额）都与重算结果相同",
            en: "every published row (\(count) workers, their items, totals, ranks, flags and pay lines; the settlement's worker count and total) is what the re-run gives")
    }

    /// Names of the settlement's values that verify compares (the ledger's own column names
    /// where the product has no label).
    static let settlementColumns = (workers: "workers", total: "total_payable", items: "item_names", flags: "flag_names",
                                    values: "value_names", version: "rule_version", ruleSHA: "rule_sha256")

    public static func verifyNeedsPeriod(words w: CommandWords) -> String {
        bilingual(
            zh: "verify 需要一个期间（\(w.verify) <镇> <期间>），或用 \(w.chain) <链头> 只核对台账的链",
            en: "verify needs a period (\(w.verify) <town> <period>), or \(w.chain) <head> to check the ledger's chain alone")
    }
}

/// A published value in the ledger that does not parse (it is an error wherever it is read).
struct UnreadablePublished: Error {
    enum Kind { case number, bool, bools }
    /// The product's label or the ledger's column name (`总分`, `实发绩效`, `total_payable`).
    var column: String
    var worker: String?
    var period: String?
    var text: String
    var kind: Kind = .number
}
