import Foundation
import GridpayCore
import GridpayPipeline

extension LedgerCommands {
    /// What `gridpay explain` runs (issue 19): a closed period from the ledger's archive (its
    /// inputs and rule file as closed, its accepted rows and carried corrections as recorded: the
    /// published results), said in `notes`; an open period as `run` pays it, corrections of closed
    /// periods carried (their warnings in `warnings`). `scratch`: a folder to remove afterwards.
    public static func explainRequest(_ request: RunRequest, ledgerDir: String)
        -> Result<(request: RunRequest, notes: [String], warnings: [Diagnostic], scratch: String?), PipelineFailure> {
        let ledger: Ledger?
        do { ledger = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: request.town, words: request.words) } catch { return .failure(error) }
        guard let ledger else { return .success((request, [], [], nil)) }
        let closing: Settlement?
        do { closing = try ledger.closing(of: "\(request.period)") } catch {
            return .failure(PipelineFailure(message: LedgerMessages.cannotRead(ledger.path, ledger.describe(error))))
        }
        if let closing {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gridpay-explain-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
            switch archivedRequest(ledger, closing: closing, town: request.town, period: request.period, scratch: scratch) {
            case .success(var r):
                r.threads = request.threads
                return .success((r, [LedgerSealMessages.explainClosed(request.town, closing)] + correctionWaiting(closing, ledger: ledger, request: request), [], scratch))
            case .failure(let f):
                try? FileManager.default.removeItem(atPath: scratch)
                return .failure(f)
            }
        }
        return prepareRequest(request, ledger: ledger, closing: false).map { ($0.0, [], $0.2, nil) }
    }

    /// A correction waiting for the closed period explained (its inputs in Input/ changed since
    /// it was last settled), said beside the published results (SPEC §15); none when there is
    /// none or the ledger cannot say.
    static func correctionWaiting(_ closing: Settlement, ledger: Ledger, request: RunRequest) -> [String] {
        guard let pending = try? Corrections.pending(ledger: ledger, town: request.town, inputDir: request.inputDir),
              let waiting = pending.first(where: { $0.closing.period == closing.period }),
              let last = try? ledger.closedPeriods().compactMap(LedgerPeriods.parse).max() else { return [] }
        return [LedgerSealMessages.explainCorrectionWaiting(request.town, closing.period, files: waiting.changed.map(\.file), folder: waiting.directory,
                                                            open: "\(LedgerPeriods.next(last))", words: ledger.words)]
    }
}
