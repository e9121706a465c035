import GridpayCore

/// The file-level causes of a refused run (SPEC §15): said once each, before the problems they
/// explain, and their rows kept out of the advice to --accept.
struct FileCauseReport {
    let causes: [FileLevelCause]
    let diagnostics: [Diagnostic]

    init(inputs: MonthInputs, request: RunRequest) {
        causes = inputs.causes
        let directory = request.monthInputDir
        diagnostics = causes.map { cause in
            let path = directory.isEmpty ? cause.file : "\(directory)/\(cause.file)"
            return .error(cause.message(period: "\(request.period)", townFolder: "\(request.inputDir)/\(request.town)"),
                          at: SourceLocation(file: path, line: cause.sayAt, column: cause.column ?? 1))
        }
    }

    /// The problem is one of a cause's rows.
    func explains(_ p: InputProblem) -> Bool {
        guard let line = p.line, !causes.isEmpty else { return false }
        return causes.contains { $0.file == p.file && $0.explains(line: line) }
    }

    /// After the refusal: how many acceptable problems are rows of a cause (none: nothing said).
    func summaryTail(_ blocking: [InputProblem]) -> String {
        let count = blocking.filter { $0.acceptable && explains($0) }.count
        return count > 0 ? FileCauseMessages.rowsOfCauses(count) : ""
    }
}
