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
            let taken = ds.filter { !Self.adds($0) }.map(Self.part), added = ds.filter(Self.adds).map(Self.part)
            text = AcceptanceMessages.rowLeftOut(of: who, notTaken: taken.isEmpty ? nil : taken.joined(separator: Self.separator),
                                                 notAdded: added.isEmpty ? nil : added.joined(separator: Self.separator))
        }
        if e.feedsCounts { text += AcceptanceMessages.alsoCounts() }
        if !e.countable {
            // Where the text said already that a cell it reads is bad, it is not said twice.
            text += e.deductions == nil ? AcceptanceMessages.notCountableEither(feeds: e.itemsFed) : AcceptanceMessages.notCountable(feeds: e.itemsFed)
        }
        return text
    }

    /// A per-row "deduction" that adds to the worker (points up, or yuan paid rather than taken):
    /// said as not added rather than as a deduction of minus so many points.
    static func adds(_ d: AcceptedRowEffect.Deduction) -> Bool { d.points > .zero || (d.points == .zero && d.yuan < .zero) }

    /// One deduction of a row, its points and yuan without sign (the message says which way).
    static func part(_ d: AcceptedRowEffect.Deduction) -> String {
        let yuan = adds(d) ? ((try? d.yuan.negated()) ?? d.yuan) : d.yuan
        return AcceptanceMessages.deduction(d.item, points: "\(d.points.magnitude)", yuan: yuan.fixed(places: 2))
    }

    /// What a worker's accepted rows would have taken (or added): points and yuan without sign.
    struct Sums {
        var points = ExactNumber.zero, yuan = ExactNumber.zero
        var isZero: Bool { points == .zero && yuan == .zero }
        var text: (points: String, yuan: String) { ("\(points.magnitude)", yuan.fixed(places: 2)) }

        mutating func add(_ d: AcceptedRowEffect.Deduction, adds: Bool) {
            points = (try? points.adding(d.points)) ?? points
            yuan = (try? (adds ? yuan.subtracting(d.yuan) : yuan.adding(d.yuan))) ?? yuan
        }
    }

    /// Per worker in all (in id order), then the rows of no worker.
    var total: String {
        var byWorker: [String: (name: String, rows: Int, taken: Sums, added: Sums, unknown: Bool)] = [:]
        var noWorker = 0
        for e in effects {
            guard let id = e.workerID else { noWorker += 1; continue }
            var w = byWorker[id] ?? (e.workerName ?? "", 0, Sums(), Sums(), false)
            w.rows += 1
            for d in e.deductions ?? [] {
                if Self.adds(d) { w.added.add(d, adds: true) } else { w.taken.add(d, adds: false) }
            }
            w.unknown = w.unknown || e.deductions == nil
            byWorker[id] = w
        }
        var parts = byWorker.keys.sorted().map { id in
            let w = byWorker[id]!
            // Nothing either way still says 未扣 0 分、0.00 元.
            return AcceptanceMessages.workerInAll(AcceptanceMessages.worker(id, w.name), rows: w.rows,
                                                  notTaken: w.taken.isZero && !w.added.isZero ? nil : w.taken.text, notAdded: w.added.isZero ? nil : w.added.text)
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
