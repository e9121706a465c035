import Foundation
import GridpayCore
import GridpayPipeline

extension LedgerCommands {
    /// What `gridpay explain` runs (issue 19): a closed period from the ledger's archive (its
    /// inputs and rule file as closed, its accepted rows and carried corrections as recorded: the
    /// published results), said in `notes`; an open period as `run` pays it, corrections of closed
    /// periods carried (their warnings in `warnings`). `scratch`: a folder to remove afterwards.
    public static func explainRequest(_ request: RunRequest, ledgerDir: String, words: CommandWords)
        -> Result<(request: RunRequest, notes: [String], warnings: [Diagnostic], scratch: String?), PipelineFailure> {
        let ledger: Ledger?
        do { ledger = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: request.town) } catch { return .failure(error) }
        guard let ledger else { return .success((request, [], [], nil)) }
        let closing: Settlement?
        do { closing = try ledger.closing(of: "\(request.period)") } catch {
            return .failure(PipelineFailure(message: "cannot read \(ledger.path): \(Corrections.describe(error))"))
        }
        if let closing {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gridpay-explain-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
            switch archivedRequest(ledger, closing: closing, town: request.town, period: request.period, scratch: scratch) {
            case .success(var r):
                r.threads = request.threads
                return .success((r, [LedgerSealMessages.explainClosed(request.town, closing)], [], scratch))
            case .failure(let f):
                try? FileManager.default.removeItem(atPath: scratch)
                return .failure(f)
            }
        }
        return prepareRequest(request, ledger: ledger, closing: false, words: words).map { ($0.0, [], $0.2, nil) }
    }
}
