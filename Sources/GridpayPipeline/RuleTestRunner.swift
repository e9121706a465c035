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
    public static func run(_ declared: LoadedRules) -> RuleTestReport {
        let loaded = asTestInputs(declared)
        let rules = loaded.rules
        var passed: [String] = []
        var failures: [Diagnostic] = []
        for test in rules.tests {
            let found = problems(of: test, loaded)
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
    static func problems(of test: RuleTestCase, _ loaded: LoadedRules) -> [Diagnostic] {
        let found = problemsInTheCurrentLanguage(of: test, loaded)
        guard !found.isEmpty, !test.expectedErrors.isEmpty else { return found }
        let other: Language = Language.current == .zh ? .en : .zh
        let again = Language.with(other) { problemsInTheCurrentLanguage(of: test, loaded) }
        return again.count < found.count ? again : found
    }

    /// One test: its inputs written to a scratch folder, the period prepared from them as a real
    /// run prepares it, and what the test expects compared with what the run gave.
    static func problemsInTheCurrentLanguage(of test: RuleTestCase, _ loaded: LoadedRules) -> [Diagnostic] {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("gridpay-check-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        var failures = writeInputs(of: test, loaded.rules, to: root)
        var request = RunRequest(town: loaded.rules.town, period: test.span ?? CalendarPeriod(month: test.period))
        request.inputDir = root
        // A test checks its own version's rules on the periods it gives, whatever effective_from
        // says (which version is in force when is the folder's business): raising effective_from
        // in a new version does not orphan the tests copied with it.
        switch MonthRunner.prepare(request, rules: { _ in .success(loaded) }) {
        case .failure(let f) where !test.expectedErrors.isEmpty:
            failures += refusedAsExpected(f.diagnostics, test)
        case .success where !test.expectedErrors.isEmpty:
            failures.append(.error("test '\(test.name)': expected the inputs to be refused with \(test.expectedErrors.count) error(s), but the month was scored", at: test.expectedErrors[0].location))
        case .failure(let f):
            for d in f.diagnostics where d.severity == .error {
                failures.append(.error("test '\(test.name)': \(d.message)", at: mapToRuleFile(d, test: test, rules: loaded.rules) ?? test.location))
            }
        case .success(let month):
            failures += unmetExpectations(test, month)
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
                    failures.append(.error("test '\(test.name)': the input of table \(table.name) cannot be written in \(table.encoding.rawValue)", at: test.location))
                    continue
                }
                guard fm.createFile(atPath: "\(dir)/\(table.file)", contents: bytes) else {
                    failures.append(.error("test '\(test.name)': the input of table \(table.name) cannot be written to the temporary folder \(dir)", at: test.location))
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
            failures.append(.error("test '\(test.name)': expected the error '\(e.text)'; the run reported: \(actual.joined(separator: " | "))", at: e.location))
        }
        for a in actual where !test.expectedErrors.contains(where: { a.hasPrefix($0.text) }) {
            failures.append(.error("test '\(test.name)': an error that the test does not expect: \(a)", at: test.location))
        }
        return failures
    }

    /// Each expected value of a worker compared with the scored month's.
    static func unmetExpectations(_ test: RuleTestCase, _ month: PreparedMonth) -> [Diagnostic] {
        var failures: [Diagnostic] = []
        for e in test.expectations {
            guard let w = month.report.workers.first(where: { $0.id == e.worker }) else {
                failures.append(.error("test '\(test.name)': worker '\(e.worker)' is not in the test's roster", at: e.location))
                continue
            }
            let actual: Value?
            do { actual = try MonthReport.lookup(e.name, worker: w, in: month.scoring) } catch {
                failures.append(.error("test '\(test.name)': \(error.message)", at: e.location))
                continue
            }
            if actual != e.value {
                failures.append(.error("test '\(test.name)': \(e.worker) \(e.name) is \(actual?.description ?? "missing"), expected \(e.value)", at: e.location))
            }
        }
        return failures
    }

    /// A test's inputs are CSV text in the columns the tables declare (values in their declared
    /// forms), comma-separated with the header first: the file layout (delimiter, title rows, a
    /// totals row) is the export's, not the test's. A pattern names one file (its `*` left out).
    static func asTestInputs(_ loaded: LoadedRules) -> LoadedRules {
        var tables = loaded.rules.tables
        for t in tables.indices {
            let leavesOut = tables[t].form.leavesOutUnknownWorkers
            tables[t].form = TableForm()
            tables[t].form.leavesOutUnknownWorkers = leavesOut
            tables[t].file = tables[t].file.replacingOccurrences(of: "*", with: "")
        }
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
