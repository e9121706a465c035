import GridpayCore

/// What `--accept` leaves out (SPEC §15), said by every run with accepted rows and recorded in
/// 说明: per accepted row, the worker and the deductions not made; then per worker, in all.
enum AcceptanceMessages {
    static func worker(_ id: String, _ name: String) -> String {
        bilingual(zh: "网格员 \(id) \(name)", en: "\(id) (\(name))")
    }

    /// `points`, `yuan`: how much, without a sign (the text around says whether taken or added).
    static func deduction(_ item: String, points: String, yuan: String) -> String {
        bilingual(zh: "\(item) \(points) 分、\(yuan) 元", en: "\(item) \(englishCount(points, "point")), \(yuan) yuan")
    }

    /// `notTaken`: the row's deductions not made; `notAdded`: its points (or yuan) not added. One at least.
    static func rowLeftOut(of worker: String, notTaken: String?, notAdded: String?) -> String {
        bilingual(zh: "--accept 剔除了 \(worker) 的这一行：" + [notTaken.map { "它本应扣的 \($0) 没有扣" }, notAdded.map { "它本应加的 \($0) 没有加" }]
                      .compactMap { $0 }.joined(separator: "；"),
                  en: "--accept leaves out this row of \(worker): " + [notTaken.map { "the deductions it would have made are not made: \($0)" },
                                                                     notAdded.map { "the additions it would have made are not made: \($0)" }]
                      .compactMap { $0 }.joined(separator: "; "))
    }

    static func rowWithoutDeduction(of worker: String) -> String {
        bilingual(zh: "--accept 剔除了 \(worker) 的这一行：这一行本身不产生逐行扣分",
                  en: "--accept leaves out this row of \(worker): it would have made no per-row deduction")
    }

    static func rowNotKnown(of worker: String) -> String {
        bilingual(zh: "--accept 剔除了 \(worker) 的这一行：它读取的单元格有误，无法算出它本应扣的分和钱",
                  en: "--accept leaves out this row of \(worker): what it would have deducted is not known (a cell it reads is bad)")
    }

    static func rowOfNoWorker() -> String {
        bilingual(zh: "--accept 剔除了这一行：它没有对应花名册上的网格员，没有人的扣分因此改变",
                  en: "--accept leaves out this row: it names no worker on the roster, so no worker's deductions change")
    }

    static func alsoCounts() -> String {
        bilingual(zh: "；这一行也不计入按此表计数的各项", en: "; it is also left out of the items counted from this table")
    }

    /// An accepted row the second reading cannot count: what leaving it out changes is not known.
    static func notCountable(feeds items: [String]) -> String {
        bilingual(zh: "；它读取的单元格有误，剔除它对得分和实发绩效的影响无法算出\(items.isEmpty ? "" : "，它本应计入：\(items.joined(separator: "、"))")",
                  en: "; what leaving it out changes in scores and pay cannot be computed (a cell the rules read is unreadable)\(items.isEmpty ? "" : "; it would have fed: \(items.joined(separator: ", "))")")
    }

    /// As `notCountable`, after a text that said already that a cell it reads is bad.
    static func notCountableEither(feeds items: [String]) -> String {
        bilingual(zh: "；剔除它对得分和实发绩效的影响也无法算出\(items.isEmpty ? "" : "，它本应计入：\(items.joined(separator: "、"))")",
                  en: "; nor can what leaving it out changes in scores and pay be computed\(items.isEmpty ? "" : "; it would have fed: \(items.joined(separator: ", "))")")
    }

    /// Per worker whose results differ: with the accepted rows counted, and as run without them.
    static func workerChanges(_ worker: String, _ changes: String) -> String {
        bilingual(zh: "--accept 剔除的行改变了 \(worker) 的结果（由计入这些行时的值变为剔除后的值）：\(changes)",
                  en: "--accept changes the results of \(worker) (with the accepted rows counted → as run without them): \(changes)")
    }

    static func changed(_ what: String, with: String, without: String) -> String {
        bilingual(zh: "\(what) 由 \(with) 变为 \(without)", en: "\(what) \(with) → \(without)")
    }

    /// `name`: the pay sheet's column of what is paid (实发绩效).
    static func payableChanged(_ name: String, with: String, without: String) -> String {
        bilingual(zh: "\(name) 由 \(with) 元变为 \(without) 元", en: "\(name) \(with) → \(without) yuan")
    }

    static func workerUnchanged(_ worker: String) -> String {
        bilingual(zh: "--accept 剔除的行没有改变 \(worker) 的任何得分和实发绩效", en: "--accept changes no score and no pay of \(worker)")
    }

    static func changesNotComputed() -> String {
        bilingual(zh: "--accept 剔除的行对得分和实发绩效的影响无法算出：把它们计入后这一期无法计分",
                  en: "what the accepted rows change in scores and pay cannot be computed: the period cannot be scored with them counted")
    }

    static func inAll(_ rows: Int, perWorker: String) -> String {
        bilingual(zh: "--accept 共剔除 \(rows) 行：\(perWorker)", en: "--accept leaves out \(englishCount(rows, "row")) in all: \(perWorker)")
    }

    /// `notTaken`, `notAdded`: points and yuan, without a sign; nil where the rows would not have
    /// added (taken) any.
    static func workerInAll(_ worker: String, rows: Int, notTaken: (points: String, yuan: String)?, notAdded: (points: String, yuan: String)?) -> String {
        bilingual(zh: "\(worker) \(rows) 行" + (notTaken.map { "，未扣 \($0.points) 分、\($0.yuan) 元" } ?? "") + (notAdded.map { "，未加 \($0.points) 分、\($0.yuan) 元" } ?? ""),
                  en: "\(worker): \(englishCount(rows, "row"))" + (notTaken.map { ", deductions not made \(englishCount($0.points, "point")), \($0.yuan) yuan" } ?? "")
                      + (notAdded.map { "\(notTaken == nil ? "," : " and") additions not made \(englishCount($0.points, "point")), \($0.yuan) yuan" } ?? ""))
    }

    static func noWorkerInAll(_ rows: Int) -> String {
        bilingual(zh: "不对应花名册上网格员的 \(rows) 行", en: "\(englishCount(rows, "row")) of no worker on the roster")
    }

    static func notKnownInAll() -> String {
        bilingual(zh: "（另有无法算出的扣分）", en: " (and deductions that cannot be known)")
    }

    static func aboutLabel(_ row: String) -> String {
        bilingual(zh: "接受 \(row)", en: "accepted \(row)")
    }

    static func aboutChangesLabel() -> String {
        bilingual(zh: "接受的行的影响", en: "what accepted rows change")
    }

    static func aboutTotalLabel() -> String {
        bilingual(zh: "接受的行合计", en: "accepted rows in all")
    }
}
