import ArgumentParser
import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline

/// `gridpay compare <town> <period> --rules <candidate>` (SPEC §13).
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpMessages.compare)

    @Argument(help: ArgumentHelp(HelpMessages.town)) var town: String
    @Argument(help: ArgumentHelp(HelpMessages.period)) var period: String
    @Option(name: .customLong("rules"), help: ArgumentHelp(HelpMessages.candidate)) var candidate: String
    @Option(name: .customLong("accept"), help: ArgumentHelp(HelpMessages.acceptBothSides), transform: parseAcceptedRow) var accept: [RowPosition] = []
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation
    @Flag(help: ArgumentHelp(HelpMessages.quiet)) var quiet = false

    func run() throws {
        let request = locations.runRequest(town: town, period: try parsePeriod(period), accepted: accept)
        // A candidate with errors is refused exactly as `check` refuses it.
        if case .failure(let f) = CompareRunner.loadCandidate(candidate, period: request.period.firstMonth) {
            throw refuseRuleFile(candidate, f)
        }
        // As a run reads the ledger: earlier closed periods' published results for the history,
        // corrections of closed periods carried into the pay, a closed period's files checked.
        let (run, notes) = try succeeded(LedgerCommands.compareRequest(request, ledgerDir: ledger.ledgerDir))
        let result = try succeeded(reporting(quiet: quiet) { CompareRunner.run(CompareRequest(run: run, candidate: candidate), progress: $0) })
        printDiagnostics(notes + result.comparison.warnings)
        print(result.comparison.summary(), terminator: "")
        print(result.path)
    }
}
