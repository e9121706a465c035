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
    /// for its history, and the first open period carries corrections of closed periods. Commands
    /// and options are named in the request's words.
    public static func run(_ request: RunRequest, ledgerDir: String, progress: RunReporter? = nil) -> Result<RunResult, PipelineFailure> {
        let ledger: Ledger?
        do { ledger = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: request.town, words: request.words) } catch { return .failure(error) }
        guard let ledger else { return MonthRunner.run(request, progress: progress) }
        switch prepareRequest(request, ledger: ledger, closing: false) {
        case .failure(let f): return .failure(f)
        case .success(let (r, _, warnings)):
            let closing: Settlement?
            do { closing = try ledger.closing(of: "\(request.period)") } catch {
                return .failure(PipelineFailure(message: LedgerMessages.ledgerUnreadable(ledger.path, ledger.describe(error))))
            }
            // A closed period reads its history as archived at closing (ClosedHistory).
            let ran = closing.map { runClosed(r, closing: $0, ledger: ledger, progress: progress) } ?? MonthRunner.run(r, progress: progress)
            return ran.map { result in
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
        let words = request.words
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
                r.publishedRuleFile = closed.ruleFile
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
                    warnings.append(.warning(LedgerMessages.correctionRecomputed(c.pending.closing.period, files: files, version: c.pending.closing.ruleVersion,
                                                                                 into: "\(request.period)", closing: closing), at: nil))
                    for row in c.month.lapsedAccepted {
                        warnings.append(.warning(LedgerSealMessages.acceptanceLapsed("\(row)", period: c.pending.closing.period, words: words), at: nil))
                    }
                }
                return .success((r, recomputed, warnings))
            }
        } catch let f as PipelineFailure {
            return .failure(f)
        } catch {
            return .failure(PipelineFailure(message: LedgerMessages.ledgerUnreadable(ledger.path, ledger.describe(error))))
        }
    }

    /// Files of a closed period that differ from the archive: its inputs and its rule file.
    static func differences(ledger: Ledger, closing: Settlement, request: RunRequest) throws -> [String] {
        var out: [String] = []
        let dir = LedgerPeriods.inputFolder(inputDir: request.inputDir, town: request.town, period: closing.period)
        for f in try ledger.files(of: closing.id!, role: "input") {
            let path = "\(dir)/\(f.file)"
            if let h = Corrections.hash(path) {
                if h != f.sha256 { out.append(LedgerMessages.inputDiffers(path, now: h, archived: f.sha256)) }
            } else {
                out.append(LedgerMessages.inputMissing(path, archived: f.sha256))
            }
        }
        switch RuleFiles.locate(town: request.town, period: request.period.firstMonth, rulesDir: request.rulesDir) {
        case .success(let path):
            // A rule file is its bytes: the same bytes under another name or folder are the same file.
            if let h = Corrections.hash(path) {
                if h != closing.ruleSha256 {
                    out.append(LedgerMessages.ruleDiffers(path, now: h, archived: closing.ruleSha256, file: closing.ruleFile, version: closing.ruleVersion))
                }
            } else {
                out.append(LedgerMessages.ruleUnreadable(path, file: closing.ruleFile, archived: closing.ruleSha256))
            }
        case .failure(let f):
            out.append(LedgerMessages.noRuleInForce(closing.period, rulesDir: request.rulesDir, why: f.diagnostics.first?.message ?? "",
                                                    file: closing.ruleFile, archived: closing.ruleSha256))
        }
        return out
    }

    static func refusal(ledger: Ledger, closing: Settlement, request: RunRequest, differences: [String]) -> PipelineFailure {
        let words = request.words
        var d = differences.map { Diagnostic.error($0, at: nil) }
        let p = closing.period
        let firstOpen = ((try? ledger.closedPeriods().compactMap(LedgerPeriods.parse).max()) ?? nil).map { "\(LedgerPeriods.next($0))" } ?? LedgerMessages.nextPeriod()
        let dir = LedgerPeriods.inputFolder(inputDir: request.inputDir, town: request.town, period: p)
        if let revision = Corrections.settledRevision(ledger: ledger, closing: closing, directory: dir) {
            // The files are the corrected inputs already paid through a later period: pointing at the
            // first open period would suggest that something is still to be carried.
            d.append(.error(LedgerMessages.closedAndSettled(request.town, p, by: closing.closedBy, at: LocalTime.here(closing.closedAt), differing: differences.count,
                                                            revision: revision.revision, settledIn: revision.settledIn ?? "?", revisedBy: revision.closedBy,
                                                            revisedAt: LocalTime.here(revision.closedAt), words: words), at: nil))
            return PipelineFailure(diagnostics: d)
        }
        let folders = (LedgerPeriods.parse(p)?.months.map { "\(request.inputDir)/\(request.town)/\($0)" } ?? []).joined(separator: ", ")
        d.append(.error(LedgerMessages.closedNotRunAgain(request.town, p, by: closing.closedBy, at: LocalTime.here(closing.closedAt), differing: differences.count,
                                                         folders: folders, openPeriod: firstOpen, sheet: SheetLabelsPublic.correctionSheet, words: words), at: nil))
        return PipelineFailure(diagnostics: d)
    }
}

enum SheetLabelsPublic {
    static let priorAdjustment = "往期调整"
    /// A worker's place in the published order (verify's differences).
    static let position = "顺序"
    static let yuan = "元"
    static let correctionSheet = ProductSheetNames.corrections
}
