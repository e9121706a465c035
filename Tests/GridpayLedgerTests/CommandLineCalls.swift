import Foundation
import GridpayCore
import GridpayPipeline
import GridpayTestSupport
@testable import GridpayLedger

/// The ledger's commands called as the command line calls them, in its words (`--by`, `gridpay
/// verify`, …): these tests' expected messages are the command's.
extension LedgerCommands {
    static func run(_ request: RunRequest, ledgerDir: String) -> Result<RunResult, PipelineFailure> {
        run(request, ledgerDir: ledgerDir, words: .commandLine)
    }

    static func close(_ request: RunRequest, by name: String, ledgerDir: String, now: Date = Date()) -> Result<LedgerOutcome, PipelineFailure> {
        close(request, by: name, ledgerDir: ledgerDir, words: .commandLine, now: now)
    }

    static func verify(town: String, period: CalendarPeriod?, chain: String? = nil, inputDir: String, ledgerDir: String)
        -> Result<LedgerOutcome, PipelineFailure> {
        verify(town: town, period: period, chain: chain, inputDir: inputDir, ledgerDir: ledgerDir, words: .commandLine)
    }

    static func compareRequest(_ request: RunRequest, ledgerDir: String) -> Result<(RunRequest, [Diagnostic]), PipelineFailure> {
        compareRequest(request, ledgerDir: ledgerDir, words: .commandLine)
    }

    static func explainRequest(_ request: RunRequest, ledgerDir: String)
        -> Result<(request: RunRequest, notes: [String], warnings: [Diagnostic], scratch: String?), PipelineFailure> {
        explainRequest(request, ledgerDir: ledgerDir, words: .commandLine)
    }
}
