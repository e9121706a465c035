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
        abstract: "Monthly assessment and performance-pay sheets for community grid workers.",
        version: GridpayVersion.current,
        subcommands: [Run.self, Check.self, Explain.self, Close.self, Verify.self, Status.self, Rate.self, Compare.self])
}

struct Locations: ParsableArguments {
    @Option(help: "Folder of rule files (<town>.toml or <town>/ with dated versions).")
    var rulesDir = "Rules"
    @Option(help: "Folder of inputs (<town>/<YYYY-MM>/*.csv).")
    var inputDir = "Input"
    @Option(help: "Folder for outputs (<town>/<YYYY-MM>/).")
    var outputDir = "Output"
}

/// A period as the command line writes it: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY; `kinds` are the
/// ones the command takes.
func parsePeriod(_ text: String, kinds: [PeriodKind] = [.month, .quarter]) throws -> CalendarPeriod {
    guard let p = CalendarPeriod.parse(text) else {
        throw ValidationError("'\(text)' is not a period; expected \(CalendarPeriod.forms), e.g. 2026-10, 2026-Q3, 2026-H1, 2026")
    }
    guard kinds.contains(p.kind) else {
        throw ValidationError("'\(text)' is a \(p.kind.rawValue); this command takes a \(kinds.map(\.rawValue).joined(separator: " or "))")
    }
    return p
}

/// Prints diagnostics compiler-style to stderr, with the source line and a caret where known.
func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: String] = [:]) {
    var cache: [String: [Substring]] = [:]
    for d in diagnostics {
        let text = DiagnosticRenderer.render(d) { file in
            if let c = cache[file] { return c }
            guard let s = sources[file] else { return nil }
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
            cache[file] = lines
            return lines
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run one month: write the workbook, the pay CSV and the manifest.")

    @Argument(help: "Town, as named by its rule file (e.g. qinghe).") var town: String
    @Argument(help: "Month YYYY-MM, or quarter YYYY-Qn for a town assessed by quarter.") var month: String
    @OptionGroup var locations: Locations
    @Option(name: .customLong("accept"), help: "Leave out a listed problem row on purpose, FILE:LINE (e.g. events.csv:12). Repeatable.")
    var accept: [String] = []
    @Flag(help: "No progress output.") var quiet = false
    @Option(help: "Threads reading input tables at once; the outputs are the same bytes at any count.")
    var threads = 2
    @Option(help: "Folder of the towns' ledgers (<town>.sqlite): closed periods, their archive and published results.")
    var ledgerDir = "Ledger"

    func run() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        var request = RunRequest(town: town, period: try parsePeriod(month))
        request.threads = threads
        request.rulesDir = locations.rulesDir
        request.inputDir = locations.inputDir
        request.outputDir = locations.outputDir
        request.accepted = Set(accept)
        let progress = ProgressReporter(quiet: quiet)
        let result = LedgerCommands.run(request, ledgerDir: ledgerDir, progress: progress)
        progress.finish()
        switch result {
        case .success(let r):
            printDiagnostics(r.warnings)
            for f in r.files { print("\(r.directory)/\(f)") }
        case .failure(let f):
            printDiagnostics(f.diagnostics, sources: f.sources)
            throw ExitCode(1)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate a rule file and run the tests written in it.")

    @Argument(help: "The rule file, e.g. Rules/qinghe.toml.") var ruleFile: String

    func run() throws {
        switch RuleFiles.load(path: ruleFile) {
        case .failure(let f):
            printDiagnostics(f.diagnostics, sources: f.sources)
            FileHandle.standardError.write(Data("\(ruleFile): \(f.diagnostics.filter { $0.severity == .error }.count) error(s); the rule file cannot be used\n".utf8))
            throw ExitCode(1)
        case .success(let loaded):
            let report = RuleTestRunner.run(loaded)
            printDiagnostics(report.failures, sources: [loaded.path: loaded.text])
            for name in report.passed { print("PASS \(name)") }
            let failed = report.testCount - report.passed.count
            print("\(ruleFile): rules \(loaded.rules.town) version \(loaded.rules.version) are valid; \(report.passed.count) passed, \(failed) failed")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one worker's score and pay, line by line, with the input rows behind each deduction.")

    @Argument(help: "Town.") var town: String
    @Argument(help: "Month YYYY-MM, or quarter YYYY-Qn for a town assessed by quarter; or a rated period (YYYY, YYYY-Hn, YYYY-Qn) for the worker's rating.") var month: String
    @Argument(help: "Worker id, as in the roster.") var worker: String
    @OptionGroup var locations: Locations
    @Option(name: .customLong("accept"), help: "As for run.") var accept: [String] = []
    @OptionGroup var ledger: LedgerLocation

    func run() throws {
        let period = try parsePeriod(month, kinds: [.month, .quarter, .halfYear, .year])
        if try RatingSources.explain(town: town, period: period, worker: worker, locations: locations, ledgerDir: ledger.ledgerDir) { return }
        var request = RunRequest(town: town, period: period)
        request.rulesDir = locations.rulesDir
        request.inputDir = locations.inputDir
        request.accepted = Set(accept)
        // History over closed periods: their published results, as run reads them.
        request.published = Ledger.ratingSources(ledgerDir: ledger.ledgerDir, town: town).history
        switch MonthRunner.prepare(request) {
        case .failure(let f):
            printDiagnostics(f.diagnostics, sources: f.sources)
            throw ExitCode(1)
        case .success(let m):
            guard let w = m.report.workers.first(where: { $0.id == worker }) else {
                let ids = m.report.workers.map(\.id)
                FileHandle.standardError.write(Data("error: worker '\(worker)' is not on the roster of \(town) \(month)\(Suggestion.didYouMean(worker, among: ids))\n".utf8))
                throw ExitCode(1)
            }
            print(Explanation.text(worker: w, in: m.inputs.computation, ruleFile: m.ruleFileName, workerCount: m.report.workers.count), terminator: "")
        }
    }
}
