import Foundation
import GridpayCore
import GridpayPipeline

extension LedgerCommands {
    /// `gridpay compare` (SPEC §13): the request as `run` would score it — earlier closed periods
    /// read as published, corrections of closed periods carried — without writing the ledger.
    /// No ledger file: nothing is closed, the request is returned as it is.
    public static func compareRequest(_ request: RunRequest, ledgerDir: String) -> Result<(RunRequest, [Diagnostic]), PipelineFailure> {
        let ledger: Ledger?
        do { ledger = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: request.town) } catch { return .failure(error) }
        guard let ledger else { return .success((request, [])) }
        return prepareRequest(request, ledger: ledger, closing: false).map { ($0.0, $0.2) }
    }
}
