/// A problem with one input file or row: what is wrong, where, what was expected.
public struct InputProblem: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case missingFile, encoding, malformedCSV, missingColumn, duplicateColumn, fieldCount
        case badValue, outsidePeriod, unknownWorker, duplicateKey, formulaLikeText, history
        /// A quarter's row of a worker who left before its last month (a warning, not counted).
        case notOnLastRoster
        /// A group table's row names a group on no roster row; a group lacks a required row; a
        /// group's members disagree on a column that must be one value per group.
        case unknownGroup, missingRow, groupMismatch
        /// A file with no header row (0 bytes), or a header and no rows.
        case emptyFile
        /// Rows of a worker whose roster row was left out (bad cell or accepted): counted once.
        case rowsNotChecked
        /// The declared layout does not fit the file (header not on its row, a totals row inside).
        case layout
        /// A row of someone not on the roster, in a table that declares unknown_workers = "leave-out".
        case leftOut
        /// Errors of one file past its first 200, counted in one problem instead of listed.
        case unlistedErrors
        /// A correction's 往期调整 for a worker not on the open period's roster (paid by hand).
        case adjustmentNotCarried
    }

    public var kind: Kind
    public var severity: Diagnostic.Severity
    /// The input file's name as the rule file declares it (e.g. events.csv).
    public var file: String
    public var line: Int?
    /// 1-based field number in the row.
    public var column: Int?
    public var columnName: String?
    /// In the reader's language (`Language.current`): what the terminal and the console say.
    public var message: String
    /// In Chinese whatever the reader's language: what 数据问题 records. The outputs are the same
    /// bytes whoever runs the period (SPEC §5, §9: a closed period re-run or verified under an
    /// English locale must match what was published).
    public var sheetMessage: String
    /// A row-level error that the user may accept: the row is then left out of the month.
    public var acceptable: Bool
    /// Set when the user accepted the row with --accept.
    public var accepted = false
    /// The blocking errors it stands for: 1, or, for a file's errors past its first 200
    /// (`unlistedErrors`), how many of them block the run — so that the run's total is the file's.
    public var blockingCount = 1

    /// `message` is worded twice where the reader's language is not Chinese: once for the reader,
    /// once in Chinese for the sheet.
    public init(_ kind: Kind, _ severity: Diagnostic.Severity, file: String, line: Int?, column: Int? = nil, columnName: String? = nil,
                message: @autoclosure () -> String, acceptable: Bool) {
        self.kind = kind
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        let said = message()
        self.message = said
        self.sheetMessage = Language.current == .zh ? said : Language.with(.zh) { message() }
        self.acceptable = acceptable
    }

    /// Blocks the run's output: an unaccepted error.
    public var blocks: Bool { severity == .error && !accepted }

    /// The problem's row (line 0 where it is not one row's), as a user accepts it.
    public var position: RowPosition { RowPosition(file: file, line: line ?? 0) }

    /// `file:line` as the user writes it after --accept.
    public var rowReference: String { position.description }

    /// `words`: the asking command's, for how a row was accepted.
    public func diagnostic(directory: String, words: CommandWords) -> Diagnostic {
        let path = directory.isEmpty ? file : directory + "/" + file
        if kind == .history || kind == .adjustmentNotCarried { return Diagnostic(severity, message, at: nil) }
        let loc = line.map { SourceLocation(file: path, line: $0, column: column ?? 1) } ?? SourceLocation(file: path, line: 1, column: 1)
        var text = message
        if accepted { text += AcceptedRowMessages.leftOut(words: words) }
        return Diagnostic(accepted ? .warning : severity, text, at: loc)
    }
}
