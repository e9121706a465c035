import ArgumentParser
import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline

/// `gridpay compare <town> <period> --rules <candidate>` (SPEC §13).
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a period under the rules in force and under a candidate rule file; write <town>-<period>-compare.xlsx and print what changes.")

    @Argument(help: "Town, as named by its rule file (e.g. qinghe).") var town: String
    @Argument(help: "Month YYYY-MM; quarter YYYY-Qn, half-year YYYY-Hn or year YYYY for a town assessed by it.") var period: String
    @Option(name: .customLong("rules"), help: "The candidate: a rule file, or a folder of dated versions.") var candidate: String
    @Option(name: .customLong("accept"), help: "As for run: the row is left out on both sides.", transform: parseAcceptedRow) var accept: [RowPosition] = []
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation
    @Flag(help: "No progress output.") var quiet = false

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
