import Foundation
import GridpayCore
import GridpayPipeline

extension LedgerCommands {
    /// `gridpay compare` (SPEC §13): the request as `run` would score it — earlier closed periods
    /// read as published, corrections of closed periods carried on both sides — without writing
    /// the ledger. No ledger file: nothing is closed, the request is returned as it is.
    /// A comparison publishes nothing, so a correction waiting never refuses it: a closed period
    /// whose inputs changed is compared on the files in Input/, and a correction that cannot be
    /// recomputed is left out of both sides; each is said in a warning.
    public static func compareRequest(_ request: RunRequest, ledgerDir: String) -> Result<(RunRequest, [Diagnostic]), PipelineFailure> {
        let words = request.words
        let ledger: Ledger?
        do { ledger = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: request.town, words: words) } catch { return .failure(error) }
        guard let ledger else { return .success((request, [])) }
        do {
            if let closed = try ledger.closing(of: "\(request.period)") {
                let changed = try differences(ledger: ledger, closing: closed, request: request)
                if !changed.isEmpty { return .success(closedWithCorrection(request, ledger: ledger, closing: closed, changed: changed)) }
            }
        } catch {
            return .failure(PipelineFailure(message: LedgerMessages.ledgerUnreadable(ledger.path, ledger.describe(error))))
        }
        switch prepareRequest(request, ledger: ledger, closing: false) {
        case .success(let (r, _, warnings)): return .success((r, warnings))
        case .failure(let f):
            guard let pending = try? Corrections.pending(ledger: ledger, town: request.town, inputDir: request.inputDir), !pending.isEmpty,
                  let history = try? LedgerHistory(ledger: ledger) else { return .failure(f) }
            var r = request
            r.published = history
            let waiting = LedgerMessages.compareWithoutCorrection(request.town, "\(request.period)", waiting: pending.map(\.closing.period), words: words)
            let warnings = f.diagnostics.map { Diagnostic.warning($0.message, at: $0.location) } + [.warning(waiting, at: nil)]
            return .success((r, warnings))
        }
    }

    /// A closed period whose inputs changed since it was closed: compared on the files in Input/
    /// (both sides the same), its recorded corrections carried, its accepted rows accepted again.
    static func closedWithCorrection(_ request: RunRequest, ledger: Ledger, closing: Settlement, changed: [String]) -> (RunRequest, [Diagnostic]) {
        var r = request
        r.published = try? LedgerHistory(ledger: ledger)
        r.carried = try? Corrections.recorded(ledger: ledger, closing: closing)
        r.accepted.formUnion(closing.acceptedPositions)
        var warnings = changed.map { Diagnostic.warning($0, at: nil) }
        warnings.append(.warning(LedgerMessages.compareClosedAsNow(request.town, "\(request.period)", differing: changed.count, words: ledger.words), at: nil))
        return (r, warnings)
    }
}
