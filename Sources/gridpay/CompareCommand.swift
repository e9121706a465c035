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
    @Argument(help: "Month YYYY-MM, or quarter YYYY-Qn for a town assessed by quarter.") var period: String
    @Option(name: .customLong("rules"), help: "The candidate: a rule file, or a folder of dated versions.") var candidate: String
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation
    @Flag(help: "No progress output.") var quiet = false

    func run() throws {
        var run = RunRequest(town: town, period: try parsePeriod(period))
        run.rulesDir = locations.rulesDir
        run.inputDir = locations.inputDir
        run.outputDir = locations.outputDir
        // A candidate with errors is refused exactly as `check` refuses it.
        if case .failure(let f) = CompareRunner.loadCandidate(candidate, period: run.period.firstMonth) {
            printDiagnostics(f.diagnostics, sources: f.sources)
            FileHandle.standardError.write(Data("\(candidate): \(f.diagnostics.filter { $0.severity == .error }.count) error(s); the rule file cannot be used\n".utf8))
            throw ExitCode(1)
        }
        // As a run reads the ledger: earlier closed periods' published results for the history,
        // corrections of closed periods carried into the pay, a closed period's files checked.
        var notes: [Diagnostic] = []
        switch LedgerCommands.compareRequest(run, ledgerDir: ledger.ledgerDir) {
        case .failure(let f):
            printDiagnostics(f.diagnostics, sources: f.sources)
            throw ExitCode(1)
        case .success(let (r, w)):
            run = r
            notes = w
        }
        let progress = ProgressReporter(quiet: quiet)
        let result = CompareRunner.run(CompareRequest(run: run, candidate: candidate), progress: progress)
        progress.finish()
        switch result {
        case .success(let r):
            printDiagnostics(notes + r.comparison.warnings)
            print(r.comparison.summary(), terminator: "")
            print(r.path)
        case .failure(let f):
            printDiagnostics(f.diagnostics, sources: f.sources)
            throw ExitCode(1)
        }
    }
}
