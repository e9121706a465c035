import GridpayCore

/// What the accepted rows of a run leave out (SPEC §15): printed with the run's warnings and
/// recorded in 说明, per accepted row and per worker in all.
struct AcceptanceReport {
    let effects: [AcceptedRowEffect]
    /// What leaving them out changes per worker (nil: no row could be counted, or not computed).
    let changes: AcceptanceChanges?

    /// Between the parts of a list: the full-width semicolon in Chinese.
    static var separator: String { Language.current == .zh ? "；" : "; " }

    init(_ effects: [AcceptedRowEffect], changes: AcceptanceChanges? = nil) {
        self.effects = effects.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
        self.changes = changes
    }

    /// One accepted row: whose it is and what it would have deducted.
    static func text(_ e: AcceptedRowEffect) -> String {
        guard let id = e.workerID else { return AcceptanceMessages.rowOfNoWorker() }
        let who = AcceptanceMessages.worker(id, e.workerName ?? "")
        var text: String
        switch e.deductions {
        case nil: text = AcceptanceMessages.rowNotKnown(of: who)
        case let ds? where ds.isEmpty: text = AcceptanceMessages.rowWithoutDeduction(of: who)
        case let ds?:
            let parts = ds.map { AcceptanceMessages.deduction($0.item, points: "\($0.points)", yuan: $0.yuan.fixed(places: 2)) }
            text = AcceptanceMessages.rowLeftOut(of: who, notMade: parts.joined(separator: Self.separator))
        }
        if e.feedsCounts { text += AcceptanceMessages.alsoCounts() }
        if !e.countable {
            // Where the text said already that a cell it reads is bad, it is not said twice.
            text += e.deductions == nil ? AcceptanceMessages.notCountableEither(feeds: e.itemsFed) : AcceptanceMessages.notCountable(feeds: e.itemsFed)
        }
        return text
    }

    /// Per worker in all (in id order), then the rows of no worker.
    var total: String {
        var byWorker: [String: (name: String, rows: Int, points: ExactNumber, yuan: ExactNumber, unknown: Bool)] = [:]
        var noWorker = 0
        for e in effects {
            guard let id = e.workerID else { noWorker += 1; continue }
            var w = byWorker[id] ?? (e.workerName ?? "", 0, .zero, .zero, false)
            w.rows += 1
            for d in e.deductions ?? [] {
                w.points = (try? w.points.adding(d.points)) ?? w.points
                w.yuan = (try? w.yuan.adding(d.yuan)) ?? w.yuan
            }
            w.unknown = w.unknown || e.deductions == nil
            byWorker[id] = w
        }
        var parts = byWorker.keys.sorted().map { id in
            let w = byWorker[id]!
            return AcceptanceMessages.workerInAll(AcceptanceMessages.worker(id, w.name), rows: w.rows, points: "\(w.points)", yuan: w.yuan.fixed(places: 2))
                + (w.unknown ? AcceptanceMessages.notKnownInAll() : "")
        }
        if noWorker > 0 { parts.append(AcceptanceMessages.noWorkerInAll(noWorker)) }
        return AcceptanceMessages.inAll(effects.count, perWorker: parts.joined(separator: Self.separator))
    }

    /// Warnings: one at each accepted row, then the total.
    func diagnostics(directory: String) -> [Diagnostic] {
        guard !effects.isEmpty else { return [] }
        return effects.map { e in
            Diagnostic(.warning, Self.text(e), at: SourceLocation(file: directory.isEmpty ? e.file : "\(directory)/\(e.file)", line: e.line, column: 1))
        } + [Diagnostic(.warning, total, at: nil)] + (changes?.texts ?? []).map { Diagnostic(.warning, $0, at: nil) }
    }

    /// 说明's rows, in Chinese as the rest of the sheet (the workbook is the same in every language).
    var aboutLines: [(String, String)] {
        guard !effects.isEmpty else { return [] }
        return Language.with(.zh) {
            effects.map { (AcceptanceMessages.aboutLabel($0.position.description), Self.text($0)) }
                + [(AcceptanceMessages.aboutTotalLabel(), total)]
                + (changes?.texts ?? []).map { (AcceptanceMessages.aboutChangesLabel(), $0) }
        }
    }
}
