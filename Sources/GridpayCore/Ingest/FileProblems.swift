/// The problems found in one input file, in the order they are found, each at its file, line and
/// field. An error of a row the user accepted (`--accept file:line`) is marked accepted: the row
/// is then listed and left out. A roster row is never accepted: its worker would vanish from
/// every sheet (SPEC §15). Shared by the parts of one `TableIngest`.
///
/// Past a file's first `errorsListed` errors, errors are counted, not kept: one problem says how
/// many more there are, so that memory and the run's messages stay bounded whatever the file (a
/// province's export with a column shifted has an error on every row).
final class FileProblems {
    static let errorsListed = 200

    /// The file as problems name it (`events.csv`, `2026-07/patrol.csv`, `patrol-2.csv`).
    let file: String
    let isRoster: Bool
    /// Lines of this file the user accepted: validated and listed, never counted.
    let acceptedLines: Set<Int>
    private(set) var kept: [InputProblem] = []
    private(set) var errorsKept = 0
    /// Errors past the listed ones: those that block the run, and those of accepted rows.
    private(set) var unlistedBlocking = 0
    private(set) var unlistedAccepted = 0
    /// Their lines: the first `rangesShown` runs of lines, then how many lines past them (bounded
    /// whatever the file, and still saying where the errors are).
    private(set) var unlistedLines = LineSet()
    private(set) var unlistedLinesPast = 0
    static let rangesShown = 6
    /// What the file's bad cells have in common, every one of them noted (FileLevelCause).
    var tally = CauseTally()

    init(file: String, isRoster: Bool, acceptedLines: Set<Int>) {
        self.file = file
        self.isRoster = isRoster
        self.acceptedLines = acceptedLines
    }

    func report(_ kind: InputProblem.Kind, line: Int?, field: Int? = nil, column: String? = nil, _ message: @autoclosure () -> String,
                acceptable: Bool = true, severity: Diagnostic.Severity = .error) {
        let acceptable = acceptable && !isRoster
        let accepted = severity == .error && acceptable && line.map { acceptedLines.contains($0) } ?? false
        if severity == .error {
            guard errorsKept < Self.errorsListed else {
                if accepted { unlistedAccepted += 1 } else { unlistedBlocking += 1 }
                noteUnlisted(line)
                return
            }
            errorsKept += 1
        }
        var p = InputProblem(kind, severity, file: file, line: line, column: field, columnName: column, message: message(), acceptable: acceptable)
        p.accepted = accepted
        kept.append(p)
    }

    private func noteUnlisted(_ line: Int?) {
        guard let line else { return }
        let extendsLast = unlistedLines.ranges.last.map { $0.contains(line) || $0.upperBound + 1 == line } ?? false
        if extendsLast || unlistedLines.ranges.count < Self.rangesShown { unlistedLines.insert(line) } else { unlistedLinesPast += 1 }
    }

    /// The errors past the listed ones, as one problem of the file: an error where one of them
    /// blocks the run (a warning where every one is an accepted row's).
    var unlisted: InputProblem? {
        let count = unlistedBlocking + unlistedAccepted
        guard count > 0 else { return nil }
        var p = InputProblem(.unlistedErrors, unlistedBlocking > 0 ? .error : .warning, file: file, line: nil,
                             message: InputMessages.moreErrors(count, file: file, listed: Self.errorsListed, lines: LineRanges.text(unlistedLines, limit: Self.rangesShown), past: unlistedLinesPast), acceptable: false)
        p.blockingCount = unlistedBlocking
        return p
    }

    /// The problems kept, then the count of those not.
    var list: [InputProblem] { unlisted.map { kept + [$0] } ?? kept }
}
