import Foundation
import GridpayCore
import GridpayCSV

/// Runs the [[tests]] written inside a rule file through the same path as a real month: the CSV
/// text is written to a scratch folder and read with libcsv.
public struct RuleTestReport: Sendable {
    public var passed: [String]
    public var failures: [Diagnostic]
    public var testCount: Int
}

public enum RuleTestRunner {
    /// `words`: those of the command that checks the rule file, for what a run's messages advise.
    public static func run(_ declared: LoadedRules, words: CommandWords) -> RuleTestReport {
        let loaded = asTestInputs(declared)
        let rules = loaded.rules
        var passed: [String] = []
        var failures: [Diagnostic] = []
        for test in rules.tests {
            let found = problems(of: test, loaded, words: words)
            failures += found
            if found.isEmpty {
                passed.append(test.name)
            } else if test.period < rules.effectiveFrom {
                failures.append(Diagnostic(.note, RuleFolderMessages.orphanedTest(test.name, period: test.span.map { "\($0)" } ?? "\(test.period)",
                                                                                  effectiveFrom: "\(RuleFolderCheck.firstGoverned(rules.periodKind, from: rules.effectiveFrom))"), at: test.location))
            }
        }
        return RuleTestReport(passed: passed, failures: failures, testCount: rules.tests.count)
    }

    /// One test, in the reader's language; a test whose expected errors were written in the other
    /// language (a rule author's English `errors = [...]` read by a Chinese `check`) passes when
    /// the run's errors, worded in that language, are exactly the expected ones. Where both fail,
    /// the fewer failures are reported (those of the language the test was written in: the other
    /// would call every error unexpected). The second run happens only for a test that failed.
    /// The other language holds for this test's run only (`Language.with`: this thread and the
    /// threads reading its inputs), never for the process: the console's other requests keep
    /// theirs; and the failures are told in the reader's language, quoting the run's errors as
    /// the run worded them.
    static func problems(of test: RuleTestCase, _ loaded: LoadedRules, words: CommandWords) -> [Diagnostic] {
        let reader = Language.current
        let found = problems(of: test, loaded, runIn: reader, reportIn: reader, words: words)
        guard !found.isEmpty, !test.expectedErrors.isEmpty else { return found }
        let again = problems(of: test, loaded, runIn: reader == .zh ? .en : .zh, reportIn: reader, words: words)
        return again.count < found.count ? again : found
    }

    /// One test: its inputs written to a scratch folder, the period prepared from them as a real
    /// run prepares it (its messages in `runIn`), and what the test expects compared with what the
    /// run gave (told in `reportIn`).
    static func problems(of test: RuleTestCase, _ loaded: LoadedRules, runIn: Language, reportIn: Language, words: CommandWords) -> [Diagnostic] {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("gridpay-check-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        var failures = Language.with(reportIn) { writeInputs(of: test, loaded.rules, to: root) }
        var request = RunRequest(town: loaded.rules.town, period: test.span ?? CalendarPeriod(month: test.period), words: words)
        request.inputDir = root
        // A test checks its own version's rules on the periods it gives, whatever effective_from
        // says (which version is in force when is the folder's business): raising effective_from
        // in a new version does not orphan the tests copied with it.
        let prepared = Language.with(runIn) { MonthRunner.prepare(request, rules: { _ in .success(loaded) }) }
        failures += Language.with(reportIn) { () -> [Diagnostic] in
            switch prepared {
            case .failure(let f) where !test.expectedErrors.isEmpty:
                return refusedAsExpected(f.diagnostics, test)
            case .success where !test.expectedErrors.isEmpty:
                return [Diagnostic.error(RuleTestMessages.refusedButScored(test.name, errors: test.expectedErrors.count), at: test.expectedErrors[0].location)]
            case .failure(let f):
                return f.diagnostics.filter { $0.severity == .error }.map { d in
                    Diagnostic.error(RuleTestMessages.failed(test.name, d.message), at: mapToRuleFile(d, test: test, rules: loaded.rules) ?? test.location)
                }
            case .success(let month):
                return Language.with(runIn) { unmetExpectations(test, month, reportIn: reportIn) }
            }
        }
        return failures
    }

    /// Every period's tables of the test under `root`; a table the test leaves out is an empty
    /// file (header only). The problems: inputs that cannot be written.
    static func writeInputs(of test: RuleTestCase, _ rules: RuleSet, to root: String) -> [Diagnostic] {
        let fm = FileManager.default
        var failures: [Diagnostic] = []
        for (period, inputs) in test.inputs {
            let dir = "\(root)/\(rules.town)/\(period)"
            try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for table in rules.tables {
                // Only inside this test's own folder (the loader refuses a file that is not a plain name).
                guard PlainName.problem(table.file) == nil, PlainName.problem(rules.town) == nil else { continue }
                let text = inputs[table.name]?.value ?? (table.columns.map(\.name).joined(separator: ",") + "\n")
                let bytes = encoded(text, table.encoding)
                guard let bytes else {
                    failures.append(.error(RuleTestMessages.cannotEncode(test.name, table: table.name, encoding: table.encoding.rawValue), at: test.location))
                    continue
                }
                guard fm.createFile(atPath: "\(dir)/\(table.file)", contents: bytes) else {
                    failures.append(.error(RuleTestMessages.cannotWrite(test.name, table: table.name, folder: dir), at: test.location))
                    continue
                }
            }
        }
        return failures
    }

    /// The month must be refused with exactly the expected errors, at their file:line:column.
    static func refusedAsExpected(_ diagnostics: [Diagnostic], _ test: RuleTestCase) -> [Diagnostic] {
        var failures: [Diagnostic] = []
        let actual = diagnostics.filter { $0.severity == .error }.compactMap { d -> String? in
            guard let l = d.location else { return nil }
            return "\((l.file as NSString).lastPathComponent):\(l.line):\(l.column): \(d.message)"
        }
        for e in test.expectedErrors where !actual.contains(where: { $0.hasPrefix(e.text) }) {
            failures.append(.error(RuleTestMessages.expectedErrorMissing(test.name, expected: e.text, reported: actual), at: e.location))
        }
        for a in actual where !test.expectedErrors.contains(where: { a.hasPrefix($0.text) }) {
            failures.append(.error(RuleTestMessages.unexpectedError(test.name, a), at: test.location))
        }
        return failures
    }

    /// Each expected value of a worker compared with the scored month's (looked up in the run's
    /// language, the current one; the failures told in `reportIn`).
    static func unmetExpectations(_ test: RuleTestCase, _ month: PreparedMonth, reportIn: Language) -> [Diagnostic] {
        var failures: [Diagnostic] = []
        for e in test.expectations {
            guard let w = month.report.workers.first(where: { $0.id == e.worker }) else {
                failures.append(.error(Language.with(reportIn) { RuleTestMessages.workerNotInRoster(test.name, worker: e.worker) }, at: e.location))
                continue
            }
            let actual: Value?
            do { actual = try MonthReport.lookup(e.name, worker: w, in: month.scoring) } catch {
                failures.append(.error(Language.with(reportIn) { RuleTestMessages.failed(test.name, error.message) }, at: e.location))
                continue
            }
            if actual != e.value {
                let told = Language.with(reportIn) {
                    RuleTestMessages.valueDiffers(test.name, worker: e.worker, name: e.name, actual: actual?.description, expected: "\(e.value)")
                }
                failures.append(.error(told, at: e.location))
            }
        }
        return failures
    }

    /// A test's inputs are CSV text in the columns the tables declare (values in their declared
    /// forms), comma-separated with the header first: the file layout (delimiter, title rows, a
    /// totals row) is the export's, not the test's. A pattern names one file (its `*` left out).
    static func asTestInputs(_ loaded: LoadedRules) -> LoadedRules {
        let tables = loaded.rules.tables.map { $0.inPlainLayout.with(file: $0.file.replacingOccurrences(of: "*", with: "")) }
        var copy = loaded
        copy.rules = loaded.rules.with(tables: tables)
        return copy
    }

    /// The test's text in the table's encoding (UTF-16 little-endian with its mark).
    static func encoded(_ text: String, _ encoding: InputEncoding) -> Data? {
        switch encoding {
        case .utf8: return Data(text.utf8)
        case .gb18030: return csvEncodeGB18030(text).map { Data($0) }
        case .utf16:
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
            return Data(bytes)
        }
    }

    /// A problem in a test's CSV text points at the start of that line inside the rule file.
    static func mapToRuleFile(_ d: Diagnostic, test: RuleTestCase, rules: RuleSet) -> SourceLocation? {
        guard let loc = d.location else { return nil }
        let parts = loc.file.split(separator: "/")
        guard parts.count >= 2, let period = Period.parse(String(parts[parts.count - 2])),
              let table = rules.tables.first(where: { $0.file == String(parts[parts.count - 1]) }),
              let text = test.inputs[period]?[table.name] else { return nil }
        // "\r\n" (a rule file saved with CRLF) is one Character: split(separator: "\n") misses it.
        let lines = text.value.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard loc.line <= lines.count else { return nil }
        var offset = 0
        for l in lines.prefix(loc.line - 1) { offset += l.count + 1 }
        return text.location(ofCharacterAt: offset)
    }
}
