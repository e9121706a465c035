import Foundation
import GridpayCore

/// The file-level causes of a refused run (SPEC §15): said once each, before the problems they
/// explain, and their rows kept out of the advice to accept rows.
struct FileCauseReport {
    let causes: [FileLevelCause]
    let diagnostics: [Diagnostic]
    /// The asker's words (its word for accepting rows, advised against).
    let words: CommandWords

    init(inputs: MonthInputs, request: RunRequest) {
        causes = inputs.causes
        let words = request.words, directory = request.monthInputDir
        self.words = words
        diagnostics = causes.map { cause in
            let path = directory.isEmpty ? cause.file : "\(directory)/\(cause.file)"
            return .error(cause.message(period: "\(request.period)", townFolder: "\(request.inputDir)/\(request.town)", words: words),
                          at: SourceLocation(file: path, line: cause.sayAt, column: cause.column ?? 1))
        }
    }

    /// The problem is one of a cause's rows.
    func explains(_ p: InputProblem) -> Bool {
        guard let line = p.line, !causes.isEmpty else { return false }
        return causes.contains { $0.file == p.file && $0.explains(line: line) }
    }

    /// The roster cause a row (`--accept file:line`) is one of: such a row is never accepted.
    func rosterCause(of row: RowPosition) -> (id: String, fault: RosterFault)? {
        for cause in causes where cause.file == row.file && cause.explains(line: row.line) {
            if case .notOnRoster(let id, _, _, let fault) = cause.kind { return (id, fault) }
        }
        return nil
    }

    /// After the refusal: how many rows of causes there are, every one (not only those listed; the
    /// roster's apart: the roster is what to correct), less those accepted. None: nothing said.
    func summaryTail(accepted: Set<RowPosition>, roster: String) -> String {
        var fileRows = 0, rosterRows = 0
        // A roster's rows are never offered to --accept: its causes' rows are not counted apart.
        for file in Set(causes.map(\.file)).sorted() where (file as NSString).lastPathComponent != roster {
            let own = causes.filter { $0.file == file && $0.explainsRowErrors }
            let isRoster: (FileLevelCause) -> Bool = { if case .notOnRoster = $0.kind { return true } else { return false } }
            let acceptedHere = accepted.filter { $0.file == file }.map(\.line)
            rosterRows += Self.rows(own.filter(isRoster), less: acceptedHere)
            fileRows += Self.rows(own.filter { !isRoster($0) }, less: acceptedHere)
        }
        return (fileRows > 0 ? FileCauseMessages.rowsOfCauses(fileRows, accept: words.accept) : "")
            + (rosterRows > 0 ? FileCauseMessages.rowsOfRosterCauses(rosterRows, roster: roster, accept: words.accept) : "")
    }

    /// The lines of `causes` (one file's, each line once), less `accepted`.
    static func rows(_ causes: [FileLevelCause], less accepted: [Int]) -> Int {
        let ranges = causes.flatMap(\.lines.ranges).sorted { $0.lowerBound < $1.lowerBound }
        var count = 0, end = Int.min
        for r in ranges where r.upperBound > end {
            count += r.upperBound - max(r.lowerBound, end + 1) + 1
            end = r.upperBound
        }
        return count - Set(accepted).filter { line in causes.contains { $0.explains(line: line) } }.count
    }
}
