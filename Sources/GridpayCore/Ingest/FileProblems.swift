/// The problems found in one input file, in the order they are found, each at its file, line and
/// field. An error of a row the user accepted (`--accept file:line`) is marked accepted: the row
/// is then listed and left out. A roster row is never accepted: its worker would vanish from
/// every sheet (SPEC §15). Shared by the parts of one `TableIngest`.
final class FileProblems {
    /// The file as problems name it (`events.csv`, `2026-07/patrol.csv`, `patrol-2.csv`).
    let file: String
    let isRoster: Bool
    /// Lines of this file the user accepted: validated and listed, never counted.
    let acceptedLines: Set<Int>
    private(set) var list: [InputProblem] = []

    init(file: String, isRoster: Bool, acceptedLines: Set<Int>) {
        self.file = file
        self.isRoster = isRoster
        self.acceptedLines = acceptedLines
    }

    func report(_ kind: InputProblem.Kind, line: Int?, field: Int? = nil, column: String? = nil, _ message: String,
                acceptable: Bool = true, severity: Diagnostic.Severity = .error) {
        let acceptable = acceptable && !isRoster
        var p = InputProblem(kind, severity, file: file, line: line, column: field, columnName: column, message: message, acceptable: acceptable)
        if severity == .error, acceptable, let line, acceptedLines.contains(line) { p.accepted = true }
        list.append(p)
    }
}
