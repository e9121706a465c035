import ArgumentParser
import Foundation
import GridpayCore
import GridpayPipeline

/// What every command shares: the folders, the period and `--accept` as the user writes them,
/// the reporter, and printing a failure (every problem, then exit 1).

struct Locations: ParsableArguments {
    @Option(help: ArgumentHelp(HelpMessages.rulesDir))
    var rulesDir = "Rules"
    @Option(help: ArgumentHelp(HelpMessages.inputDir))
    var inputDir = "Input"
    @Option(help: ArgumentHelp(HelpMessages.outputDir))
    var outputDir = "Output"

    /// A run of `town` for `period` with these folders.
    func runRequest(town: String, period: CalendarPeriod, accepted: [RowPosition] = []) -> RunRequest {
        var request = RunRequest(town: town, period: period, words: .commandLine)
        request.rulesDir = rulesDir
        request.inputDir = inputDir
        request.outputDir = outputDir
        request.accepted = Set(accepted)
        return request
    }

    /// A rating of `town` for `period` with these folders.
    func rateRequest(town: String, period: CalendarPeriod) -> RateRequest {
        var request = RateRequest(town: town, period: period, words: .commandLine)
        request.rulesDir = rulesDir
        request.inputDir = inputDir
        request.outputDir = outputDir
        return request
    }
}

struct LedgerLocation: ParsableArguments {
    @Option(help: ArgumentHelp(HelpMessages.ledgerDir))
    var ledgerDir = "Ledger"
}

/// A period as the command line writes it: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY; `kinds` are the
/// ones the command takes.
func parsePeriod(_ text: String, kinds: [PeriodKind] = [.month, .quarter, .halfYear, .year]) throws -> CalendarPeriod {
    guard let p = CalendarPeriod.parse(text) else {
        throw ValidationError(CLIMessages.notAPeriod(text))
    }
    guard kinds.contains(p.kind) else {
        throw ValidationError(CLIMessages.wrongPeriodKind(text, is: p.kind, takes: kinds))
    }
    return p
}

/// `--accept FILE:LINE`: one listed problem row left out on purpose.
@Sendable func parseAcceptedRow(_ text: String) throws -> RowPosition {
    guard let row = RowPosition(text) else {
        throw ValidationError(CLIMessages.badAcceptedRow())
    }
    return row
}

/// Runs `body` with the command's reporter (nil when nothing is shown) and clears the progress
/// line afterwards.
func reporting<T>(quiet: Bool, _ body: (RunReporter?) -> T) -> T {
    let reporter = TerminalReporter.make(quiet: quiet)
    defer { reporter?.finish() }
    return body(reporter)
}

/// The value of a command that succeeded; or every problem printed and exit status 1.
func succeeded<T>(_ result: Result<T, PipelineFailure>) throws -> T {
    switch result {
    case .success(let value): return value
    case .failure(let f):
        printDiagnostics(f.diagnostics, sources: f.sources)
        throw ExitCode(1)
    }
}

/// A rule file that cannot be used: its problems, then the count (as `check` and `compare` say it).
/// Nothing at `path`: the path given is wrong, said alone (the governance office has nothing to correct).
func refuseRuleFile(_ path: String, _ f: PipelineFailure) -> ExitCode {
    printDiagnostics(f.diagnostics, sources: f.sources)
    guard FileManager.default.fileExists(atPath: path) else { return ExitCode(1) }
    printError(CLIMessages.ruleFileRefused(path, errors: f.diagnostics.filter { $0.severity == .error }.count))
    return ExitCode(1)
}

/// A worker id that is on no roster: said with the closest ids.
func unknownWorker(_ worker: String, town: String, period: String, rated: Bool = false, among ids: [String]) -> ExitCode {
    printError(CLIMessages.unknownWorker(worker, town: town, period: period, rated: rated, suggestion: Suggestion.didYouMean(worker, among: ids)))
    return ExitCode(1)
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Prints diagnostics compiler-style to stderr, with the source line and a caret where known.
func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: String] = [:]) {
    var cache: [String: [Substring]] = [:]
    for d in WarningDigest.digest(diagnostics) {
        let text = DiagnosticRenderer.render(d) { file in
            if let c = cache[file] { return c }
            guard let s = sources[file] else { return nil }
            // Lines as the TOML reader counts them: "\r\n" is one Character, which split(separator: "\n") misses.
            let lines = s.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            cache[file] = lines
            return lines
        }
        printError(text)
    }
}
