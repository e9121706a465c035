import ArgumentParser
import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline

/// The CLI only parses arguments, prints what the library reports and sets the exit status.
@main
struct Gridpay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridpay",
        abstract: HelpMessages.gridpay,
        version: GridpayVersion.current,
        subcommands: [Run.self, Check.self, Explain.self, Close.self, Verify.self, Status.self, Rate.self, Compare.self, Serve.self, User.self])
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpMessages.run)

    @Argument(help: ArgumentHelp(HelpMessages.town)) var town: String
    @Argument(help: ArgumentHelp(HelpMessages.period)) var period: String
    @OptionGroup var locations: Locations
    @Option(name: .customLong("accept"), help: ArgumentHelp(HelpMessages.accept),
            transform: parseAcceptedRow)
    var accept: [RowPosition] = []
    @Flag(help: ArgumentHelp(HelpMessages.quiet)) var quiet = false
    @Option(help: ArgumentHelp(HelpMessages.threads))
    var threads = RunRequest.defaultThreads
    @Option(help: ArgumentHelp(HelpMessages.runLedgerDir))
    var ledgerDir = "Ledger"

    func run() throws {
        guard threads >= 1 else { throw ValidationError(CLIMessages.threadsAtLeastOne()) }
        var request = locations.runRequest(town: town, period: try parsePeriod(period), accepted: accept)
        request.threads = threads
        let result = try succeeded(reporting(quiet: quiet) { LedgerCommands.run(request, ledgerDir: ledgerDir, progress: $0) })
        printDiagnostics(result.warnings)
        for f in result.files { print("\(result.directory)/\(f)") }
        for line in result.summary?.lines ?? [] { print(line) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpMessages.check)

    @Argument(help: ArgumentHelp(HelpMessages.ruleFile)) var ruleFile: String

    func run() throws {
        if RuleFolderCheck.isFolder(ruleFile) { return try checkFolder() }
        switch RuleFiles.load(path: ruleFile) {
        case .failure(let f):
            throw refuseRuleFile(ruleFile, f)
        case .success(let loaded):
            let report = RuleTestRunner.run(loaded, words: .commandLine)
            printDiagnostics(report.failures, sources: [loaded.path: loaded.text])
            for name in report.passed { print(CLIMessages.testPassed(name)) }
            let failed = report.testCount - report.passed.count
            print(CLIMessages.rulesValid(ruleFile, town: loaded.rules.town, version: loaded.rules.version, passed: report.passed.count, failed: failed))
            if failed > 0 { throw ExitCode(1) }
        }
    }

    /// Every version as a file is checked, then the versions together; one summary at the end.
    func checkFolder() throws {
        let report = RuleFolderCheck.check(folder: ruleFile.hasSuffix("/") ? String(ruleFile.dropLast()) : ruleFile, words: .commandLine)
        var sources: [String: String] = [:]
        for v in report.versions {
            if let f = v.failure {
                printDiagnostics(f.diagnostics, sources: f.sources)
                printError(CLIMessages.ruleFileRefused(v.path, errors: f.diagnostics.filter { $0.severity == .error }.count))
            }
            guard let loaded = v.loaded, let tests = v.tests else { continue }
            sources[loaded.path] = loaded.text
            printDiagnostics(tests.failures, sources: [loaded.path: loaded.text])
            for name in tests.passed { print(CLIMessages.testPassed("\(v.path): \(name)")) }
            print(CLIMessages.rulesValid(v.path, town: loaded.rules.town, version: loaded.rules.version, passed: tests.passed.count, failed: tests.testCount - tests.passed.count))
        }
        printDiagnostics(report.problems, sources: sources)
        for line in report.summaryLines { print(line) }
        if !report.ok { throw ExitCode(1) }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpMessages.explain)

    @Argument(help: ArgumentHelp(HelpMessages.townShort)) var town: String
    @Argument(help: ArgumentHelp(HelpMessages.explainPeriod)) var period: String
    @Argument(help: ArgumentHelp(HelpMessages.worker)) var worker: String
    @OptionGroup var locations: Locations
    @Option(name: .customLong("accept"), help: ArgumentHelp(HelpMessages.acceptAsForRun), transform: parseAcceptedRow) var accept: [RowPosition] = []
    @OptionGroup var ledger: LedgerLocation

    func run() throws {
        let period = try parsePeriod(self.period, kinds: [.month, .quarter, .halfYear, .year])
        if try RatingSources.explain(town: town, period: period, worker: worker, locations: locations, ledgerDir: ledger.ledgerDir) { return }
        // As run pays it: history over closed periods as published, corrections carried; a closed
        // period from the ledger's archive.
        let setup = try succeeded(LedgerCommands.explainRequest(locations.runRequest(town: town, period: period, accepted: accept), ledgerDir: ledger.ledgerDir))
        defer { if let scratch = setup.scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        printDiagnostics(setup.warnings)
        // No progress line (explain prints a text); GRIDPAY_TIMINGS=1 still times its phases.
        var request = setup.request
        request.explainsOnly = true
        let m = try succeeded(reporting(quiet: true) { MonthRunner.prepare(request, progress: $0) })
        // The id by its code points: a canonically equal id is another worker.
        guard let k = m.report.workers.firstIndex(where: { $0.id.utf8.elementsEqual(worker.utf8) }) else {
            throw unknownWorker(worker, town: town, period: "\(period)", among: m.report.workers.map(\.id))
        }
        for note in setup.notes { print(note) }
        print(Explanation.text(worker: m.report.workers[k], in: m.scoring, ruleFile: m.ruleFileName, workerCount: m.report.workers.count,
                               adjustment: m.report.workers[k].adjustment, preliminaryPublished: m.report.preliminaryPublished,
                               words: .commandLine), terminator: "")
    }
}
