import Foundation
import GRDB
import GridpayCore
import GridpayHash
import GridpayPipeline

/// What a test does to a close just before its transaction commits: fail it, or kill the
/// process. The command line builds it from its test variables; the library reads no environment.
public struct CloseInterruption: Sendable {
    /// A tiny page cache for the transaction, so that it spills pages into the database before
    /// it is interrupted (what a kill test needs to see undone).
    public var spillsEarly: Bool
    /// Runs inside the transaction after the last row: throws to fail it, or kills the process.
    public var beforeCommit: @Sendable () throws -> Void

    public init(spillsEarly: Bool = false, beforeCommit: @escaping @Sendable () throws -> Void) {
        self.spillsEarly = spillsEarly
        self.beforeCommit = beforeCommit
    }
}

extension LedgerCommands {
    // MARK: close

    /// `gridpay close`: runs the period and records it in the ledger in one transaction.
    /// The time it prints is in `zone` (the ledger records UTC); commands and options are named in
    /// the request's words.
    public static func close(_ request: RunRequest, by name: String, ledgerDir: String, now: Date = Date(), zone: TimeZone = .current,
                             progress: RunReporter? = nil, interruption: CloseInterruption? = nil) -> Result<LedgerOutcome, PipelineFailure> {
        let words = request.words
        let who = name.trimmingCharacters(in: .whitespaces)
        guard !who.isEmpty else { return .failure(PipelineFailure(message: LedgerMessages.closerNeeded(words: words))) }
        // Before any file is made: the town names files, and the ledger must outlive the inputs.
        if let refused = placeRefused(request, ledgerDir: ledgerDir) { return .failure(PipelineFailure(message: refused)) }
        if let refused = summaryRefused(request) { return .failure(PipelineFailure(message: refused)) }
        let path = Ledger.path(ledgerDir: ledgerDir, town: request.town)
        let newFolder = !FileManager.default.fileExists(atPath: ledgerDir)
        do throws(PipelineFailure) {
            try makeLedgerFolder(ledgerDir)
            // One closing at a time per town: a second process is refused at once, not queued.
            let lock = try lockLedger(path, town: request.town, removingFolder: newFolder ? ledgerDir : nil)
            defer { lock.release() }
            // A close that records nothing leaves no ledger behind where there was none (still under
            // the lock: this defer runs before the release).
            let newLedger = !FileManager.default.fileExists(atPath: path)
            var recorded = false
            defer { if newLedger && !recorded { Ledger.removeUnused(path: path, folder: newFolder ? ledgerDir : nil) } }
            let ledger = try Ledger(path: path, town: request.town, words: words, create: true)
            defer { ledger.leaveWAL() }
            try checkClosable(request, ledger: ledger)
            let outcome = try close(request, in: ledger, by: who, at: timestamp(now), zone: zone, progress: progress, interruption: interruption)
            recorded = true
            return .success(outcome)
        } catch {
            return .failure(error)
        }
    }

    static func makeLedgerFolder(_ ledgerDir: String) throws(PipelineFailure) {
        do {
            try FileManager.default.createDirectory(atPath: ledgerDir, withIntermediateDirectories: true)
        } catch {
            throw PipelineFailure(message: LedgerMessages.folderNotCreated(ledgerDir, "\(error)"))
        }
    }

    /// The town's closing lock beside its ledger; a folder this close made is removed again when
    /// the lock cannot be made.
    static func lockLedger(_ path: String, town: String, removingFolder newFolder: String?) throws(PipelineFailure) -> FileLock {
        let lock = FileLock(path: path + ".lock")
        switch lock.acquire() {
        case .acquired:
            return lock
        case .busy:
            throw PipelineFailure(message: LedgerMessages.ledgerBusy(town, path: path))
        case .failed(let errno, _):
            if let newFolder { rmdir(newFolder) }
            throw PipelineFailure(message: LedgerSealMessages.lockFailed(path + ".lock", errno: errno))
        }
    }

    /// The period is not closed yet, no later period is, and the one before is closed where it has inputs.
    static func checkClosable(_ request: RunRequest, ledger: Ledger) throws(PipelineFailure) {
        let p = "\(request.period)", words = request.words
        do {
            if let closed = try ledger.closing(of: p) {
                throw PipelineFailure(message: LedgerMessages.alreadyClosed(request.town, p, by: closed.closedBy, at: LocalTime.here(closed.closedAt), words: words))
            }
            let closed = try ledger.closedPeriods()
            // Later by where it ends (a year's preliminary half-year is closed before the year).
            let ends = request.period.lastMonth
            if let later = closed.last(where: { CalendarPeriod.parse($0).map { $0.lastMonth > ends } ?? ($0 > p) }) {
                throw PipelineFailure(message: LedgerMessages.laterClosed(request.town, p, later: later))
            }
            if let open = try openPreliminary(request, closed: closed) {
                throw PipelineFailure(message: LedgerMessages.preliminaryNotClosed(request.town, p, preliminary: "\(open.period)", folder: open.folder))
            }
            let previous = LedgerPeriods.previous(request.period)
            let previousFolders = LedgerPeriods.monthFolders(inputDir: request.inputDir, town: request.town, period: "\(previous)")
            if !closed.contains("\(previous)"), let previousDir = previousFolders.first {
                throw PipelineFailure(message: LedgerMessages.previousNotClosed(request.town, p, previous: "\(previous)", folder: previousDir))
            }
        } catch let f as PipelineFailure {
            throw f
        } catch {
            throw PipelineFailure(message: LedgerMessages.ledgerUnreadable(ledger.path, ledger.describe(error)))
        }
    }

    /// A preliminary period inside the one being closed (xinhe's 2026-H1 in 2026, SPEC §17) that
    /// has inputs but is not closed: closed after the year, it would be refused as out of order
    /// for good, and the year would read it recomputed instead of as published.
    static func openPreliminary(_ request: RunRequest, closed: [String]) throws(PipelineFailure) -> (period: CalendarPeriod, folder: String)? {
        guard case .success(let loaded) = MonthRunner.rulesFor(request: request)(request.period.firstMonth) else { return nil }
        for inner in loaded.rules.preliminaryPeriods(of: request.period) where !closed.contains("\(inner)") {
            if let folder = LedgerPeriods.monthFolders(inputDir: request.inputDir, town: request.town, period: "\(inner)").first {
                return (inner, folder)
            }
        }
        return nil
    }

    /// Runs the period, writes its outputs and records them: the lines and warnings to report.
    static func close(_ request: RunRequest, in ledger: Ledger, by who: String, at: String, zone: TimeZone, progress: RunReporter?,
                      interruption: CloseInterruption?) throws(PipelineFailure) -> LedgerOutcome {
        let words = request.words
        let (r, recomputed, warnings) = try prepareRequest(request, ledger: ledger, closing: true).get()
        let month = try prepareToClose(r, ledgerPath: ledger.path, progress: progress)
        let written = try MonthRunner.write(month, progress: progress).get()
        var outcome = LedgerOutcome()
        outcome.warnings = written.warnings + warnings
        outcome.lines = written.files.map { "\(written.directory)/\($0)" }
        var total = ExactNumber.zero
        for w in month.report.workers { total = (try? total.adding(w.payable)) ?? total }
        let closing = ClosingRecord(request: request, month: month, written: written, recomputed: recomputed, by: who, at: at, total: total)
        let (sealed, closingID) = try record(closing, in: ledger, interruption: interruption)
        outcome.lines += recomputed.map { c in
            LedgerMessages.correctionSettled(c.pending.closing.period, revision: c.pending.latest.revision + 1,
                                             changed: c.pending.changed.map(\.file).joined(separator: ", "))
        }
        // A town without [pay] pays nothing from the assessment: no total payable is said (SPEC §17).
        let payable = month.report.rules.hasPay ? RunSummary.money(total) : nil
        outcome.lines.append(LedgerMessages.closed(request.town, "\(request.period)", by: who, at: LocalTime.text(ledgerUTC: at, in: zone), workers: month.report.workers.count,
                                                   payable: payable, version: month.report.rules.version, path: ledger.path))
        let upgraded = sealed.sealed.filter { $0 < closingID }.count
        if upgraded > 0 { outcome.lines.append(LedgerSealMessages.sealedAtUpgrade(upgraded, words: words)) }
        if let last = try? ledger.settlements().max(by: { $0.id! < $1.id! }) { outcome.lines.append(LedgerSealMessages.chainHead(sealed.head, after: last, at: LocalTime.text(ledgerUTC: last.closedAt, in: zone), words: words)) }
        return outcome
    }

    /// The month read and scored, spilling to disk; a month with errors is not closed.
    static func prepareToClose(_ request: RunRequest, ledgerPath: String, progress: RunReporter?) throws(PipelineFailure) -> PreparedMonth {
        switch MonthRunner.prepare(request, progress: progress, spill: true) {
        case .success(let m): return m
        case .failure(let f):
            var d = f.diagnostics
            d.append(.error(LedgerMessages.notClosedForErrors(request.town, "\(request.period)", path: ledgerPath), at: nil))
            throw PipelineFailure(diagnostics: d, sources: f.sources)
        }
    }
}

/// Everything one close records: the period's settlement and, for corrections carried into it,
/// a revision of each corrected period.
struct ClosingRecord {
    var request: RunRequest
    var month: PreparedMonth
    var written: RunResult
    var recomputed: [RecomputedCorrection]
    var by: String
    var at: String
    var total: ExactNumber

    var period: String { "\(request.period)" }
}

extension LedgerCommands {
    /// Records a close in one transaction; returns the seals it made and the closing's id.
    static func record(_ c: ClosingRecord, in ledger: Ledger, interruption: CloseInterruption?)
        throws(PipelineFailure) -> (sealed: (sealed: [Int64], head: String), closingID: Int64) {
        var sealed: (sealed: [Int64], head: String) = ([], "")
        var closingID: Int64 = 0
        do {
            try ledger.recordingTransaction(spillsEarly: interruption?.spillsEarly ?? false) { db in
                let w = LedgerWriter(db: db)
                let id = try record(c.month, period: c.period, revision: 0, settledIn: nil, by: c.by, at: c.at, total: c.total, writer: w,
                                    inputDir: LedgerPeriods.inputFolder(inputDir: c.request.inputDir, town: c.request.town, period: c.period))
                closingID = id
                try recordOutputs(c.written, settlementID: id, db: db)
                try recordHistoryRead(c, settlementID: id, writer: w)
                try recordCarriedLines(c.month, settlementID: id, db: db)
                try recordRevisions(c, writer: w)
                // Last: the seals of what this close recorded (and, at the first close by a
                // gridpay with seals, of the settlements recorded before).
                sealed = try LedgerSeal.sealUnsealed(db, town: c.request.town, at: c.at)
                try interruption?.beforeCommit()
            }
        } catch let f as PipelineFailure {
            var d = f.diagnostics
            d.append(.error(LedgerMessages.notClosedLedgerUnchanged(c.request.town, c.period, path: ledger.path), at: nil))
            throw PipelineFailure(diagnostics: d)
        } catch {
            throw PipelineFailure(message: LedgerMessages.recordingFailed(c.request.town, c.period, path: ledger.path, ledger.describe(error)))
        }
        return (sealed, closingID)
    }

    /// The SHA-256 and size of each output written.
    static func recordOutputs(_ written: RunResult, settlementID id: Int64, db: Database) throws {
        for o in written.files {
            guard let h = Corrections.hash("\(written.directory)/\(o)") else { throw PipelineFailure(message: LedgerMessages.outputUnreadable("\(written.directory)/\(o)")) }
            let size = (try? FileManager.default.attributesOfItem(atPath: "\(written.directory)/\(o)")[.size] as? NSNumber)?.intValue ?? 0
            try OutputHash(settlementId: id, file: o, sha256: h, bytes: size).insert(db)
        }
    }

    /// History months read from their inputs (not closed): archived too, so verify can re-run
    /// this period after Input/ is gone.
    static func recordHistoryRead(_ c: ClosingRecord, settlementID id: Int64, writer w: LedgerWriter) throws {
        for (e, m) in c.month.historyMonthsRead {
            for f in m.files {
                let a = try w.archive(path: "\(c.request.inputDir)/\(c.request.town)/\(e)/\(f.file)", period: "\(e)", file: f.file, sha256: f.sha256, bytes: f.bytes)
                try ArchivedFile(settlementId: id, role: "history-input", period: "\(e)", file: f.file, sha256: a.sha256, bytes: a.bytes).insert(w.db)
            }
            let rule = try w.archive(text: m.rules.text)
            try ArchivedFile(settlementId: id, role: "history-rule", period: "\(e)", file: (m.rules.path as NSString).lastPathComponent,
                             sha256: rule.sha256, bytes: rule.bytes).insert(w.db)
        }
    }

    /// The lines of the corrections carried into this period.
    static func recordCarriedLines(_ month: PreparedMonth, settlementID id: Int64, db: Database) throws {
        guard let carried = month.carried else { return }
        for (k, l) in carried.lines.enumerated() {
            try CorrectionLine(settlementId: id, seq: k, workerId: l.workerID, name: l.name, period: l.period, item: l.item,
                               published: l.published, corrected: l.corrected).insert(db)
        }
    }

    /// Corrections carried into this period are settled: each a revision of its period.
    static func recordRevisions(_ c: ClosingRecord, writer w: LedgerWriter) throws {
        for r in c.recomputed {
            let accepted = Array(Set(r.pending.closing.acceptedRows).subtracting(r.month.lapsedAccepted.map(\.description))).sorted()
            _ = try record(r.month, period: r.pending.closing.period, revision: r.pending.latest.revision + 1, settledIn: c.period,
                           by: c.by, at: c.at, total: r.totalPayable, writer: w, inputDir: r.pending.directory,
                           accepted: accepted, inFolder: r.pending.closing.ruleInFolder)
        }
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
        var s = Settlement(id: nil, period: period, revision: revision, settledIn: settledIn, closedBy: by, closedAt: at,
                           ruleFile: ruleName, ruleInFolder: inFolder, ruleSha256: rule.sha256, ruleVersion: month.report.rules.version,
                           program: "gridpay \(GridpayVersion.current)", acceptedRows: acceptedRows,
                           itemNames: month.report.rules.items.map(\.name), flagNames: month.report.rules.flags.map(\.name),
                           valueNames: month.report.rules.values.filter { $0.type == .bool }.map(\.name),
                           workers: month.report.workers.count, totalPayable: LedgerText.number(total))
        try s.insert(db)
        let id = s.id!
        try ArchivedFile(settlementId: id, role: "rule", period: period, file: ruleName, sha256: rule.sha256, bytes: rule.bytes).insert(db)
        for f in month.inputs.files {
            let a = try w.archive(path: "\(inputDir)/\(f.file)", period: period, file: f.file, sha256: f.sha256, bytes: f.bytes)
            try ArchivedFile(settlementId: id, role: "input", period: period, file: f.file, sha256: a.sha256, bytes: a.bytes).insert(db)
        }
        try w.insert(month: month, settlementID: id)
        return id
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
                                                   preliminary: rules.preliminaryPeriods(of: holding).first, words: request.words)
    }

    /// Why a close may not make its files where asked: a town that is not a plain name (it names
    /// the ledger's file), or a ledger folder inside the input or output folder (deleting archived
    /// inputs, or an output folder, would delete the ledger).
    static func placeRefused(_ request: RunRequest, ledgerDir: String) -> String? {
        let words = request.words
        if let why = PlainName.problem(request.town) { return LedgerSealMessages.townNotPlain(why) }
        if request.town.hasPrefix("-") { return LedgerSealMessages.townNotPlain(LedgerSealMessages.leadingDash) }
        let ledger = canonical(ledgerDir)
        for (option, dir) in [(words.inputDir, request.inputDir), (words.outputDir, request.outputDir)] {
            let d = canonical(dir)
            if ledger == d || ledger.hasPrefix(d == "/" ? "/" : d + "/") { return LedgerSealMessages.ledgerInside(ledgerDir, option: option, dir, words: words) }
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
