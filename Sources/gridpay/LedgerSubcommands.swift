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
    static let configuration = CommandConfiguration(abstract: HelpMessages.close)

    @Argument(help: ArgumentHelp(HelpMessages.townShort)) var town: String
    @Argument(help: ArgumentHelp(HelpMessages.closedPeriod)) var period: String
    @Option(help: ArgumentHelp(HelpMessages.by)) var by: String
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation
    @Option(name: .customLong("accept"), help: ArgumentHelp(HelpMessages.acceptRecorded), transform: parseAcceptedRow) var accept: [RowPosition] = []
    @Flag(help: ArgumentHelp(HelpMessages.quiet)) var quiet = false

    func run() throws {
        let request = locations.runRequest(town: town, period: try parsePeriod(period), accepted: accept)
        try report(reporting(quiet: quiet) {
            LedgerCommands.close(request, by: by, ledgerDir: ledger.ledgerDir, progress: $0, interruption: Self.testInterruption())
        })
    }

    /// The fault tests' interruptions of a close, asked for through the environment (only the
    /// command line reads it): GRIDPAY_TEST_FAIL_BEFORE_COMMIT=1 fails the transaction after its
    /// last row; GRIDPAY_TEST_KILL_BEFORE_COMMIT=1 kills the process there, its pages spilled.
    static func testInterruption(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> CloseInterruption? {
        if environment["GRIDPAY_TEST_KILL_BEFORE_COMMIT"] == "1" {
            return CloseInterruption(spillsEarly: true) { kill(getpid(), SIGKILL) }
        }
        if environment["GRIDPAY_TEST_FAIL_BEFORE_COMMIT"] == "1" {
            return CloseInterruption { throw PipelineFailure(message: CLIMessages.closeInterruptedForTest()) }
        }
        return nil
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpMessages.verify)

    @Argument(help: ArgumentHelp(HelpMessages.townShort)) var town: String
    @Argument(help: ArgumentHelp(HelpMessages.verifyPeriod)) var period: String?
    @Option(help: ArgumentHelp(HelpMessages.chain)) var chain: String?
    @Option(help: ArgumentHelp(HelpMessages.verifyInputDir)) var inputDir = "Input"
    @OptionGroup var ledger: LedgerLocation
    @Flag(help: ArgumentHelp(HelpMessages.quiet)) var quiet = false

    func run() throws {
        guard period != nil || chain != nil else { throw ValidationError(LedgerSealMessages.verifyNeedsPeriod(words: .commandLine)) }
        let period = try period.map { try parsePeriod($0) }
        try report(reporting(quiet: quiet) {
            LedgerCommands.verify(town: town, period: period, chain: chain, inputDir: inputDir, ledgerDir: ledger.ledgerDir, words: .commandLine, progress: $0)
        })
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpMessages.status)

    @Argument(help: ArgumentHelp(HelpMessages.townShort)) var town: String
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation

    func run() throws {
        try report(LedgerCommands.status(town: town, inputDir: locations.inputDir, ledgerDir: ledger.ledgerDir,
                                         rulesDir: locations.rulesDir, outputDir: locations.outputDir, words: .commandLine))
    }
}
