import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline

/// `POST …/run`: the run of `gridpay run` (LedgerCommands.run, with the ledger's history and
/// corrections), one at a time per period, on a thread of its own so that pages stay quick.
enum PeriodRunner {
    static func run(_ ref: PeriodRef, accept: [RunOutcome.Acceptance], account: Account, console: Console) async throws -> RunOutcome {
        var rows: [RowPosition] = []
        for a in accept {
            guard let row = RowPosition(a.row) else { throw ConsoleHTTPError.badRequest(ConsoleMessages.badAcceptRow(a.row)) }
            guard !a.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ConsoleHTTPError.badRequest(ConsoleMessages.acceptNeedsReason(a.row))
            }
            rows.append(row)
        }
        let accepted = rows
        return try await console.runs.exclusively(ref.key) {
            let events = try console.store.events(town: ref.town.town, period: ref.text)
            if PeriodStatus.status(events) == "submitted" && PeriodStatus.closing(ref, console: console) == nil {
                throw ConsoleHTTPError.conflict(ConsoleMessages.runWhileSubmitted)
            }
            var request = RunRequest(town: ref.town.town, period: ref.period, words: .console)
            request.rulesDir = console.folders.rulesDir
            request.inputDir = console.folders.inputDir
            request.outputDir = console.folders.outputDir
            request.accepted = Set(accepted)
            let runRequest = request
            let progress = console.runs.startProgress(ref.key)
            defer { console.runs.endProgress(ref.key) }
            let result = await onOwnThread { LedgerCommands.run(runRequest, ledgerDir: console.folders.ledgerDir, progress: progress) }
            let outcome = outcome(of: result, ref: ref, accept: accept, events: events, account: account, console: console)
            try record(outcome, ref: ref, account: account, console: console)
            return outcome
        }
    }

    static func outcome(of result: Result<RunResult, PipelineFailure>, ref: PeriodRef, accept: [RunOutcome.Acceptance],
                        events: [PeriodEvent], account: Account, console: Console) -> RunOutcome {
        let scrubber = PathScrubber(console.folders)
        let previousRun = events.last { $0.step == .run }.flatMap { try? JSONDecoder().decode(RunOutcome.self, from: Data($0.result.utf8)) }
        let previousPeriod = PayTotals.total(payCSV: payCSV(town: ref.town.town, period: ref.period.previous, console: console))
        var o = RunOutcome(ok: false, problems: [], files: [], accepted: accept, previous_run_total: previousRun?.total_payable,
                           previous_period_total: previousPeriod?.fixed(places: 2), by: account.name, at: ConsoleStore.timestamp())
        switch result {
        case .failure(let f):
            o.problems = f.diagnostics.map { scrubber.problem($0, town: ref.town.town, period: ref.period) }
        case .success(let r):
            o.ok = true
            o.files = r.files
            o.problems = r.warnings.map { scrubber.problem($0, town: ref.town.town, period: ref.period) }
            o.workers = PeriodOutputs(outputDir: console.folders.outputDir, town: ref.town.town, period: ref.text).manifest()?.workers
            o.total_payable = PayTotals.total(payCSV: payCSV(town: ref.town.town, period: ref.period, console: console))?.fixed(places: 2)
        }
        return o
    }

    static func payCSV(town: String, period: CalendarPeriod, console: Console) -> String {
        PeriodOutputs(outputDir: console.folders.outputDir, town: town, period: "\(period)").payPath
    }

    /// The run as a step of the period, and in the log (each acceptance with its reason).
    static func record(_ o: RunOutcome, ref: PeriodRef, account: Account, console: Console) throws {
        let json = String(decoding: try Reply.encoder.encode(o), as: UTF8.self)
        let accepted = String(decoding: try Reply.encoder.encode(o.accepted), as: UTF8.self)
        try console.store.record(o.ok ? .run : .runFailed, town: ref.town.town, period: ref.text, account: account.name, result: json, accepted: accepted)
        let errors = o.problems.filter { $0.severity == "error" }.count
        try console.store.log(account: account.name, town: ref.town.town, period: ref.text, action: .run,
                              detail: !o.ok ? ConsoleMessages.runFailedDetail(errors: errors)
                                  : o.total_payable.map { ConsoleMessages.runDetail(workers: o.workers ?? 0, total: $0) }
                                  ?? ConsoleMessages.runDetailNoPay(workers: o.workers ?? 0))
        for a in o.accepted {
            try console.store.log(account: account.name, town: ref.town.town, period: ref.text, action: .accept,
                                  detail: ConsoleMessages.acceptDetail(row: a.row, reason: a.reason))
        }
    }

    /// Runs `work` on a thread of its own (a run takes seconds to minutes of CPU; the concurrency
    /// pool's few threads stay free for the pages).
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { c in
            let t = Thread { c.resume(returning: work()) }
            t.stackSize = 8 << 20
            t.start()
        }
    }
}

/// What a run is doing, for the page's progress line.
final class RunProgress: RunReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var file = "", rows = 0, phase = ""
    private let started = Date()

    func readingFile(_ name: String) { lock.withLock { file = name } }
    func rowsRead(_ count: Int) { lock.withLock { rows += count } }
    func status(_ text: String) { lock.withLock { phase = text } }
    func phaseEnded(_ phase: String, seconds: Double) {}

    var text: String {
        lock.withLock { ConsoleMessages.progress(seconds: Int(Date().timeIntervalSince(started)), file: file, rows: rows, phase: phase) }
    }
}

extension RunCoordinator {
    func startProgress(_ key: String) -> RunProgress {
        let p = RunProgress()
        progressLock.withLock { progress[key] = p }
        return p
    }

    func endProgress(_ key: String) { progressLock.withLock { progress[key] = nil } }

    func currentProgress(_ key: String) -> RunProgress? { progressLock.withLock { progress[key] } }
}
