import ArgumentParser
import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline

/// Prints a ledger command's lines (stdout) and warnings (stderr), or its problems and exit 1.
func report(_ result: Result<LedgerOutcome, PipelineFailure>) throws {
    let outcome = try succeeded(result)
    printDiagnostics(outcome.warnings)
    for l in outcome.lines { print(l) }
}

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a period and record it in the town's ledger: archived inputs and rule file, outputs' SHA-256, every worker's published line.")

    @Argument(help: "Town.") var town: String
    @Argument(help: "Period: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY, as the town is assessed.") var period: String
    @Option(help: "Who closes the period (recorded in the ledger).") var by: String
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation
    @Option(name: .customLong("accept"), help: "As for run; accepted rows are recorded.", transform: parseAcceptedRow) var accept: [RowPosition] = []
    @Flag(help: "No progress output.") var quiet = false

    func run() throws {
        let request = locations.runRequest(town: town, period: try parsePeriod(period), accepted: accept)
        try report(reporting(quiet: quiet) { LedgerCommands.close(request, by: by, ledgerDir: ledger.ledgerDir, progress: $0) })
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the town's ledger (seals, chain, row counts) and re-run a closed period from its archive, comparing the outputs' SHA-256 and every published row.")

    @Argument(help: "Town.") var town: String
    @Argument(help: "Period: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY, as the town is assessed (optional with --chain: the ledger and the chain only).") var period: String?
    @Option(help: "A chain head kept outside the ledger (printed by close and status): proves nothing recorded up to it changed.") var chain: String?
    @Option(help: "Folder of inputs, only to say whether it still matches the archive.") var inputDir = "Input"
    @OptionGroup var ledger: LedgerLocation
    @Flag(help: "No progress output.") var quiet = false

    func run() throws {
        guard period != nil || chain != nil else { throw ValidationError(LedgerSealMessages.verifyNeedsPeriod()) }
        let period = try period.map { try parsePeriod($0) }
        try report(reporting(quiet: quiet) {
            LedgerCommands.verify(town: town, period: period, chain: chain, inputDir: inputDir, ledgerDir: ledger.ledgerDir, progress: $0)
        })
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the town's closed periods, its open periods (inputs present, run or not) and the corrections waiting to be settled; times in local time.")

    @Argument(help: "Town.") var town: String
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation

    func run() throws {
        try report(LedgerCommands.status(town: town, inputDir: locations.inputDir, ledgerDir: ledger.ledgerDir,
                                         rulesDir: locations.rulesDir, outputDir: locations.outputDir))
    }
}
