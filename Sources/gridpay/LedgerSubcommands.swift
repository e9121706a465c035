import ArgumentParser
import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline

struct LedgerLocation: ParsableArguments {
    @Option(help: "Folder of the towns' ledgers (<town>.sqlite).")
    var ledgerDir = "Ledger"
}

/// Prints a ledger command's lines (stdout) and warnings (stderr), or its problems and exit 1.
func report(_ result: Result<LedgerOutcome, PipelineFailure>) throws {
    switch result {
    case .success(let o):
        printDiagnostics(o.warnings)
        for l in o.lines { print(l) }
    case .failure(let f):
        printDiagnostics(f.diagnostics, sources: f.sources)
        throw ExitCode(1)
    }
}

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a period and record it in the town's ledger: archived inputs and rule file, outputs' SHA-256, every worker's published line.")

    @Argument(help: "Town.") var town: String
    @Argument(help: "Period, YYYY-MM.") var period: String
    @Option(help: "Who closes the period (recorded in the ledger).") var by: String
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation
    @Option(name: .customLong("accept"), help: "As for run; accepted rows are recorded.") var accept: [String] = []
    @Flag(help: "No progress output.") var quiet = false

    func run() throws {
        var request = RunRequest(town: town, period: try parsePeriod(period))
        request.rulesDir = locations.rulesDir
        request.inputDir = locations.inputDir
        request.outputDir = locations.outputDir
        request.accepted = Set(accept)
        let progress = ProgressReporter(quiet: quiet)
        let result = LedgerCommands.close(request, by: by, ledgerDir: ledger.ledgerDir, progress: progress)
        progress.finish()
        try report(result)
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Re-run a closed period from the ledger's archive and compare the outputs' SHA-256 with those recorded.")

    @Argument(help: "Town.") var town: String
    @Argument(help: "Period, YYYY-MM.") var period: String
    @Option(help: "Folder of inputs, only to say whether it still matches the archive.") var inputDir = "Input"
    @OptionGroup var ledger: LedgerLocation

    func run() throws {
        try report(LedgerCommands.verify(town: town, period: try parsePeriod(period), inputDir: inputDir, ledgerDir: ledger.ledgerDir))
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the town's closed periods and the corrections waiting to be settled.")

    @Argument(help: "Town.") var town: String
    @Option(help: "Folder of inputs (to find corrections).") var inputDir = "Input"
    @OptionGroup var ledger: LedgerLocation

    func run() throws {
        try report(LedgerCommands.status(town: town, inputDir: inputDir, ledgerDir: ledger.ledgerDir))
    }
}
