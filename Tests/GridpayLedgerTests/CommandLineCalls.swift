import Foundation
import GridpayCore
import GridpayPipeline
import GridpayTestSupport
@testable import GridpayLedger

/// The ledger's commands called as the command line calls them, in its words (`--by`, `gridpay
/// verify`, …): these tests' expected messages are the command's. run, close, compare and explain
/// take the words of their request (the test support's requests carry the command line's).
extension LedgerCommands {
    /// The time it prints in UTC (as the tests' binary runs with TZ=UTC), whatever the machine's zone.
    static func close(_ request: RunRequest, by name: String, ledgerDir: String, now: Date) -> Result<LedgerOutcome, PipelineFailure> {
        close(request, by: name, ledgerDir: ledgerDir, now: now, zone: TimeZone(identifier: "UTC")!)
    }

    static func verify(town: String, period: CalendarPeriod?, chain: String? = nil, inputDir: String, ledgerDir: String)
        -> Result<LedgerOutcome, PipelineFailure> {
        verify(town: town, period: period, chain: chain, inputDir: inputDir, ledgerDir: ledgerDir, words: .commandLine)
    }
}

extension LedgerCommands {
    static func status(town: String, inputDir: String, ledgerDir: String, rulesDir: String = "Rules", outputDir: String = "Output",
                       zone: TimeZone = .current) -> Result<LedgerOutcome, PipelineFailure> {
        status(town: town, inputDir: inputDir, ledgerDir: ledgerDir, rulesDir: rulesDir, outputDir: outputDir, words: .commandLine, zone: zone)
    }
}

extension Ledger {
    static func openIfPresent(ledgerDir: String, town: String) throws(PipelineFailure) -> Ledger? {
        try openIfPresent(ledgerDir: ledgerDir, town: town, words: .commandLine)
    }

    static func ratingSources(ledgerDir: String, town: String) -> (published: PublishedResults, history: PublishedHistory?) {
        ratingSources(ledgerDir: ledgerDir, town: town, words: .commandLine)
    }
}
