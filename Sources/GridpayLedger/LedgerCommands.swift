import Foundation
import GRDB
import GridpayCore
import GridpayHash
import GridpayPipeline

/// What a ledger command reports: lines for stdout, warnings for stderr.
public struct LedgerOutcome: Sendable {
    public var lines: [String] = []
    public var warnings: [Diagnostic] = []
}

/// `run`, `close`, `verify` and `status` with the town's ledger (SPEC §9).
public enum LedgerCommands {
    // MARK: run

    /// `gridpay run`: a closed period is re-run only from byte-identical inputs and rule file
    /// (giving the same bytes as before); an open period reads closed periods' published results
    /// for its history, and the first open period carries corrections of closed periods.
    public static func run(_ request: RunRequest, ledgerDir: String, progress: RunReporter? = nil) -> Result<RunResult, PipelineFailure> {
        let ledger: Ledger?
        do { ledger = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: request.town) } catch { return .failure(error) }
        guard let ledger else { return MonthRunner.run(request, progress: progress) }
        switch prepareRequest(request, ledger: ledger, closing: false) {
        case .failure(let f): return .failure(f)
        case .success(let (r, _, warnings)):
            return MonthRunner.run(r, progress: progress).map { result in
                var out = result
                out.warnings += warnings
                out.summary = out.summary.map { RunSummaries.withPublishedPrevious($0, ledger: ledger) }
                return out
            }
        }
    }

    /// The request with the ledger's history and corrections, after checking a closed period's
    /// files. For `close`, the corrections recomputed are returned to be settled.
    static func prepareRequest(_ request: RunRequest, ledger: Ledger, closing: Bool)
        -> Result<(RunRequest, [RecomputedCorrection], [Diagnostic]), PipelineFailure> {
        var r = request
        let p = "\(request.period)"
        do {
            let history = try LedgerHistory(ledger: ledger)
            r.published = history
            if let closed = try ledger.closing(of: p) {
                let differences = try differences(ledger: ledger, closing: closed, request: request)
                guard differences.isEmpty else {
                    return .failure(refusal(ledger: ledger, closing: closed, request: request, differences: differences))
                }
                r.carried = try Corrections.recorded(ledger: ledger, closing: closed)
                // Its files are the archived ones: the rows accepted at closing are accepted again,
                // so that the run writes the bytes it wrote then (as verify re-runs it).
                r.accepted.formUnion(closed.acceptedPositions)
                r.publishedRuleFile = closed.rule_file
                return .success((r, [], []))
            }
            let closed = try ledger.closedPeriods().compactMap(LedgerPeriods.parse)
            guard let last = closed.max(), LedgerPeriods.next(last) == request.period else { return .success((r, [], [])) }
            let pending = try Corrections.pending(ledger: ledger, town: request.town, inputDir: request.inputDir)
            guard !pending.isEmpty else { return .success((r, [], [])) }
            switch Corrections.recompute(ledger: ledger, request: r, history: history, pending: pending) {
            case .failure(let f): return .failure(f)
            case .success(let (carried, recomputed)):
                r.carried = carried.isEmpty ? nil : carried
                var warnings: [Diagnostic] = []
                for c in recomputed {
                    let files = c.pending.changed.map(\.file).joined(separator: ", ")
                    warnings.append(.warning("\(c.pending.closing.period) is closed and its inputs changed (\(files)): recomputed under its own rule version \(c.pending.closing.rule_version); the differences are carried into \(request.period) as \(SheetLabelsPublic.priorAdjustment)\(closing ? " and settled now" : ", settled when \(request.period) is closed")", at: nil))
                    for row in c.month.lapsedAccepted {
                        warnings.append(.warning(LedgerSealMessages.acceptanceLapsed("\(row)", period: c.pending.closing.period), at: nil))
                    }
                }
                return .success((r, recomputed, warnings))
            }
        } catch let f as PipelineFailure {
            return .failure(f)
        } catch {
            return .failure(PipelineFailure(message: "cannot read the ledger \(ledger.path): \(Corrections.describe(error))"))
        }
    }

    /// Files of a closed period that differ from the archive: its inputs and its rule file.
    static func differences(ledger: Ledger, closing: Settlement, request: RunRequest) throws -> [String] {
        var out: [String] = []
        let dir = LedgerPeriods.inputFolder(inputDir: request.inputDir, town: request.town, period: closing.period)
        for f in try ledger.files(of: closing.id!, role: "input") {
            let path = "\(dir)/\(f.file)"
            if let h = Corrections.hash(path) {
                if h != f.sha256 { out.append("\(path): SHA-256 \(h) differs from the ledger's \(f.sha256) (\(HashText.firstDifference(h, f.sha256)))") }
            } else {
                out.append("\(path) is missing; the ledger archived it with SHA-256 \(f.sha256)")
            }
        }
        switch RuleFiles.locate(town: request.town, period: request.period.firstMonth, rulesDir: request.rulesDir) {
        case .success(let path):
            // A rule file is its bytes: the same bytes under another name or folder are the same file.
            if let h = Corrections.hash(path) {
                if h != closing.rule_sha256 {
                    out.append("\(path): SHA-256 \(h) differs from the ledger's \(closing.rule_sha256) (\(HashText.firstDifference(h, closing.rule_sha256)); rule file \(closing.rule_file), version \(closing.rule_version))")
                }
            } else {
                out.append("\(path) cannot be read; the ledger archived \(closing.rule_file) with SHA-256 \(closing.rule_sha256)")
            }
        case .failure(let f):
            out.append("no rule file in force for \(closing.period) in \(request.rulesDir) (\(f.diagnostics.first?.message ?? "")); the ledger archived \(closing.rule_file) with SHA-256 \(closing.rule_sha256)")
        }
        return out
    }

    static func refusal(ledger: Ledger, closing: Settlement, request: RunRequest, differences: [String]) -> PipelineFailure {
        var d = differences.map { Diagnostic.error($0, at: nil) }
        let p = closing.period
        let firstOpen = ((try? ledger.closedPeriods().compactMap(LedgerPeriods.parse).max()) ?? nil).map { "\(LedgerPeriods.next($0))" } ?? "the next period"
        let dir = LedgerPeriods.inputFolder(inputDir: request.inputDir, town: request.town, period: p)
        if let revision = Corrections.settledRevision(ledger: ledger, closing: closing, directory: dir) {
            // The files are the corrected inputs already paid through a later period: pointing at the
            // first open period would suggest that something is still to be carried.
            d.append(.error("\(request.town) \(p) is closed (by \(closing.closed_by) at \(closing.closed_at) UTC) and \(differences.count) file(s) differ from what it was closed with, so it is not run again: "
                + "a closed period is never recomputed. They are the corrected inputs of its revision \(revision.revision), settled in \(revision.settled_in ?? "?") "
                + "by \(revision.closed_by) at \(revision.closed_at) UTC: that correction was paid once and nothing is waiting (gridpay status \(request.town)). "
                + "To reproduce \(p) as published: gridpay verify \(request.town) \(p)", at: nil))
            return PipelineFailure(diagnostics: d)
        }
        d.append(.error("\(request.town) \(p) is closed (by \(closing.closed_by) at \(closing.closed_at) UTC) and \(differences.count) file(s) differ from what it was closed with, so it is not run again: "
            + "a closed period is never recomputed. To correct it, leave the corrected inputs in \((LedgerPeriods.parse(p)?.months.map { "\(request.inputDir)/\(request.town)/\($0)" } ?? []).joined(separator: ", ")): "
            + "the run of the first open period (gridpay run \(request.town) \(firstOpen)) carries the difference into its pay as \(SheetLabelsPublic.priorAdjustment) (sheet \(SheetLabelsPublic.correctionSheet)), "
            + "and closing that period settles it. To reproduce \(p) as published: gridpay verify \(request.town) \(p)", at: nil))
        return PipelineFailure(diagnostics: d)
    }

    // MARK: close

    /// `gridpay close`: runs the period and records it in the ledger in one transaction.
    public static func close(_ request: RunRequest, by name: String, ledgerDir: String, now: Date = Date(),
                             progress: RunReporter? = nil) -> Result<LedgerOutcome, PipelineFailure> {
        let who = name.trimmingCharacters(in: .whitespaces)
        guard !who.isEmpty else { return .failure(PipelineFailure(message: "--by needs the name of the person closing the period")) }
        // Before any file is made: the town names files, and the ledger must outlive the inputs.
        if let refused = placeRefused(request, ledgerDir: ledgerDir) { return .failure(PipelineFailure(message: refused)) }
        if let refused = summaryRefused(request) { return .failure(PipelineFailure(message: refused)) }
        let p = "\(request.period)"
        let path = Ledger.path(ledgerDir: ledgerDir, town: request.town)
        let newFolder = !FileManager.default.fileExists(atPath: ledgerDir)
        do {
            try FileManager.default.createDirectory(atPath: ledgerDir, withIntermediateDirectories: true)
        } catch {
            return .failure(PipelineFailure(message: "cannot create the ledger folder \(ledgerDir): \(error)"))
        }
        // One closing at a time per town: a second process is refused at once, not queued.
        let lock = LedgerLock(path: path + ".lock")
        switch lock.acquire() {
        case .acquired: break
        case .busy:
            return .failure(PipelineFailure(message: "another gridpay process is closing a period of \(request.town) right now (\(path) is locked); nothing was recorded: try again when it has finished"))
        case .failed(let errno):
            if newFolder { rmdir(ledgerDir) }
            return .failure(PipelineFailure(message: LedgerSealMessages.lockFailed(path + ".lock", errno: errno)))
        }
        defer { lock.release() }
        // A close that records nothing leaves no ledger behind where there was none (still under
        // the lock: this defer runs before the release).
        let newLedger = !FileManager.default.fileExists(atPath: path)
        var recorded = false
        defer { if newLedger && !recorded { Ledger.removeUnused(path: path, folder: newFolder ? ledgerDir : nil) } }
        let ledger: Ledger
        do { ledger = try Ledger(path: path, town: request.town, create: true) } catch { return .failure(error) }
        do {
            if let closed = try ledger.closing(of: p) {
                return .failure(PipelineFailure(message: "\(request.town) \(p) is already closed: closed by \(closed.closed_by) at \(closed.closed_at) UTC; a closed period cannot be closed again (a correction is carried into the first open period: see gridpay status \(request.town))"))
            }
            let closed = try ledger.closedPeriods()
            // Later by where it ends (a year's preliminary half-year is closed before the year).
            let ends = request.period.lastMonth
            if let later = closed.last(where: { CalendarPeriod.parse($0).map { $0.lastMonth > ends } ?? ($0 > p) }) {
                return .failure(PipelineFailure(message: "cannot close \(request.town) \(p): \(later) is already closed, and periods are closed in order"))
            }
            let previous = LedgerPeriods.previous(request.period)
            let previousFolders = LedgerPeriods.monthFolders(inputDir: request.inputDir, town: request.town, period: "\(previous)")
            if !closed.contains("\(previous)"), let previousDir = previousFolders.first {
                return .failure(PipelineFailure(message: "cannot close \(request.town) \(p): the previous period \(previous) has inputs (\(previousDir)) but is not closed; periods are closed in order: close \(previous) first"))
            }
        } catch {
            return .failure(PipelineFailure(message: "cannot read the ledger \(path): \(Corrections.describe(error))"))
        }
        let prepared = prepareRequest(request, ledger: ledger, closing: true)
        guard case .success(let (r, recomputed, warnings)) = prepared else {
            if case .failure(let f) = prepared { return .failure(f) }
            fatalError()
        }
        let month: PreparedMonth
        switch MonthRunner.prepare(r, progress: progress, spill: true) {
        case .success(let m): month = m
        case .failure(let f):
            var d = f.diagnostics
            d.append(.error("\(request.town) \(p) has errors, so it was not closed; nothing was recorded in \(path)", at: nil))
            return .failure(PipelineFailure(diagnostics: d, sources: f.sources))
        }
        let written: RunResult
        switch MonthRunner.write(month, progress: progress) {
        case .success(let w): written = w
        case .failure(let f): return .failure(f)
        }
        var outcome = LedgerOutcome()
        outcome.warnings = written.warnings + warnings + notCarried(month)
        outcome.lines = written.files.map { "\(written.directory)/\($0)" }
        let at = timestamp(now)
        var total = ExactNumber.zero
        for w in month.report.workers { total = (try? total.adding(w.payable)) ?? total }
        var sealed: (sealed: [Int64], head: String) = ([], "")
        var closingID: Int64 = 0
        do {
            try ledger.recordingTransaction { db in
                    let w = LedgerWriter(db: db)
                    let id = try record(month, period: p, revision: 0, settledIn: nil, by: who, at: at, total: total, writer: w,
                                        inputDir: LedgerPeriods.inputFolder(inputDir: request.inputDir, town: request.town, period: p))
                    closingID = id
                    for o in written.files {
                        guard let h = Corrections.hash("\(written.directory)/\(o)") else { throw PipelineFailure(message: "cannot read the output \(written.directory)/\(o)") }
                        let size = (try? FileManager.default.attributesOfItem(atPath: "\(written.directory)/\(o)")[.size] as? NSNumber)?.intValue ?? 0
                        try OutputHash(settlement_id: id, file: o, sha256: h, bytes: size).insert(db)
                    }
                    // History months read from their inputs (not closed): archived too, so verify
                    // can re-run this period after Input/ is gone.
                    for (e, m) in month.historyMonthsRead {
                        for f in m.files {
                            let a = try w.archive(path: "\(request.inputDir)/\(request.town)/\(e)/\(f.file)", period: "\(e)", file: f.file, sha256: f.sha256, bytes: f.bytes)
                            try ArchivedFile(settlement_id: id, role: "history-input", period: "\(e)", file: f.file, sha256: a.sha256, bytes: a.bytes).insert(db)
                        }
                        let rule = try w.archive(text: m.rules.text)
                        try ArchivedFile(settlement_id: id, role: "history-rule", period: "\(e)", file: (m.rules.path as NSString).lastPathComponent,
                                         sha256: rule.sha256, bytes: rule.bytes).insert(db)
                    }
                    if let carried = month.carried {
                        for (k, l) in carried.lines.enumerated() {
                            try CorrectionLine(settlement_id: id, seq: k, worker_id: l.workerID, name: l.name, period: l.period, item: l.item,
                                               published: l.published, corrected: l.corrected).insert(db)
                        }
                    }
                    // Corrections carried into this period are settled: each a revision of its period.
                    for c in recomputed {
                        _ = try record(c.month, period: c.pending.closing.period, revision: c.pending.latest.revision + 1, settledIn: p,
                                       by: who, at: at, total: c.totalPayable, writer: w, inputDir: c.pending.directory,
                                       accepted: Array(Set(c.pending.closing.accepted_rows).subtracting(c.month.lapsedAccepted.map(\.description))).sorted(), inFolder: c.pending.closing.rule_in_folder)
                        outcome.lines.append("settled the correction of \(c.pending.closing.period) as its revision \(c.pending.latest.revision + 1) (\(c.pending.changed.map(\.file).joined(separator: ", ")) changed)")
                    }
                    // Last: the seals of what this close recorded (and, at the first close by a
                    // gridpay with seals, of the settlements recorded before).
                    sealed = try LedgerSeal.sealUnsealed(db, town: request.town, at: at)
                    if ProcessInfo.processInfo.environment["GRIDPAY_TEST_FAIL_BEFORE_COMMIT"] == "1" {
                        throw PipelineFailure(message: "GRIDPAY_TEST_FAIL_BEFORE_COMMIT is set: the close was interrupted before it committed")
                    }
            }
        } catch let f as PipelineFailure {
            var d = f.diagnostics
            d.append(.error("\(request.town) \(p) was not closed; the ledger \(path) is as it was", at: nil))
            return .failure(PipelineFailure(diagnostics: d))
        } catch {
            return .failure(PipelineFailure(message: "recording \(request.town) \(p) in \(path) failed: \(Corrections.describe(error)); the ledger is as it was"))
        }
        recorded = true
        // A town without [pay] pays nothing from the assessment: no total payable is said (SPEC §17).
        let payable = month.report.rules.hasPay ? ", total payable \(total.fixed(places: 2))" : ""
        outcome.lines.append("closed \(request.town) \(p) by \(who) at \(at) UTC: \(month.report.workers.count) workers\(payable), rule version \(month.report.rules.version); recorded in \(path)")
        let upgraded = sealed.sealed.filter { $0 < closingID }.count
        if upgraded > 0 { outcome.lines.append(LedgerSealMessages.sealedAtUpgrade(upgraded)) }
        if let last = try? ledger.settlements().max(by: { $0.id! < $1.id! }) { outcome.lines.append(LedgerSealMessages.chainHead(sealed.head, after: last)) }
        return .success(outcome)
    }

    /// Inserts a settlement (a closing or a revision) with its archived rule file and inputs and
    /// every worker's line; returns its id.
    static func record(_ month: PreparedMonth, period: String, revision: Int, settledIn: String?, by: String, at: String,
                       total: ExactNumber, writer w: LedgerWriter, inputDir: String, accepted: [String]? = nil, inFolder: Bool? = nil) throws -> Int64 {
        let rules = month.rules
        let db = w.db
        let rule = try w.archive(text: rules.text)
        let ruleName = (rules.path as NSString).lastPathComponent
        let inFolder = inFolder ?? (((rules.path as NSString).deletingLastPathComponent as NSString).lastPathComponent == month.request.town)
        let acceptedRows = accepted ?? Array(Set(month.inputs.problems.filter(\.accepted).map(\.rowReference))).sorted()
        var s = Settlement(id: nil, period: period, revision: revision, settled_in: settledIn, closed_by: by, closed_at: at,
                           rule_file: ruleName, rule_in_folder: inFolder, rule_sha256: rule.sha256, rule_version: month.report.rules.version,
                           program: "gridpay \(GridpayVersion.current)", accepted_rows: acceptedRows,
                           item_names: month.report.rules.items.map(\.name), flag_names: month.report.rules.flags.map(\.name),
                           value_names: month.report.rules.values.filter { $0.type == .bool }.map(\.name),
                           workers: month.report.workers.count, total_payable: LedgerText.number(total))
        try s.insert(db)
        let id = s.id!
        try ArchivedFile(settlement_id: id, role: "rule", period: period, file: ruleName, sha256: rule.sha256, bytes: rule.bytes).insert(db)
        for f in month.inputs.files {
            let a = try w.archive(path: "\(inputDir)/\(f.file)", period: period, file: f.file, sha256: f.sha256, bytes: f.bytes)
            try ArchivedFile(settlement_id: id, role: "input", period: period, file: f.file, sha256: a.sha256, bytes: a.bytes).insert(db)
        }
        try w.insert(month: month, settlementID: id)
        return id
    }

    /// Workers owed or owing an adjustment who are not on this period's roster: it cannot be
    /// carried on the pay sheet (settle it by hand).
    static func notCarried(_ month: PreparedMonth) -> [Diagnostic] {
        guard let carried = month.carried else { return [] }
        let ids = Set(month.report.workers.map { ExactID($0.id) })
        return carried.adjustments.keys.sorted().filter { !ids.contains($0) }.map { id in
            .warning("worker \(id) is not on the roster of \(month.report.period): the \(SheetLabelsPublic.priorAdjustment) of \(carried.adjustments[id]!.fixed(places: 2)) cannot be carried on the pay sheet; it is listed on sheet \(SheetLabelsPublic.correctionSheet) and must be paid or recovered by hand", at: nil)
        }
    }

    /// A summary period ([period_summary], xinhe's 季度汇总, SPEC §17) publishes no score, rank or
    /// pay, so there is nothing to close: refused with the periods that can be. A rule file that
    /// cannot be loaded is left to the run, which says why.
    static func summaryRefused(_ request: RunRequest) -> String? {
        guard case .success(let loaded) = MonthRunner.rulesFor(request: request)(request.period.firstMonth) else { return nil }
        let rules = loaded.rules
        guard rules.town == request.town, rules.isSummary(request.period.kind) else { return nil }
        let holding = CalendarPeriod.of(rules.periodKind, holding: request.period.firstMonth)
        return LedgerSealMessages.summaryNotClosed(request.town, "\(request.period)", ruleFile: loaded.path, assessed: holding,
                                                   preliminary: rules.preliminaryPeriods(of: holding).first)
    }

    /// Why a close may not make its files where asked: a town that is not a plain name (it names
    /// the ledger's file), or a ledger folder inside the input or output folder (deleting archived
    /// inputs, or an output folder, would delete the ledger).
    static func placeRefused(_ request: RunRequest, ledgerDir: String) -> String? {
        if let why = PlainName.problem(request.town) { return LedgerSealMessages.townNotPlain(why) }
        if request.town.hasPrefix("-") { return LedgerSealMessages.townNotPlain(LedgerSealMessages.leadingDash) }
        let ledger = canonical(ledgerDir)
        for (option, dir) in [("--input-dir", request.inputDir), ("--output-dir", request.outputDir)] {
            let d = canonical(dir)
            if ledger == d || ledger.hasPrefix(d == "/" ? "/" : d + "/") { return LedgerSealMessages.ledgerInside(ledgerDir, option: option, dir) }
        }
        return nil
    }

    /// An absolute path with `.`, `..` and symbolic links resolved as far as the path exists.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: date)
    }
}

enum SheetLabelsPublic {
    static let priorAdjustment = "往期调整"
    /// A worker's place in the published order (verify's differences).
    static let position = "顺序"
    static let yuan = "元"
    static let correctionSheet = ProductSheetNames.corrections
}

/// An advisory lock beside the ledger (flock), held while a period is being closed.
final class LedgerLock {
    let path: String
    var fd: Int32 = -1

    init(path: String) { self.path = path }

    enum Outcome: Equatable { case acquired, busy, failed(errno: Int32) }

    /// Busy only when another process holds the lock (EWOULDBLOCK); a lock file that cannot be
    /// made or locked is said with its errno, not blamed on another process.
    func acquire() -> Outcome {
        fd = open(path, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { return .failed(errno: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            Foundation.close(fd)
            fd = -1
            return e == EWOULDBLOCK ? .busy : .failed(errno: e)
        }
        return .acquired
    }

    func release() {
        guard fd >= 0 else { return }
        _ = flock(fd, LOCK_UN)
        Foundation.close(fd)
        fd = -1
    }
}
