/// One row of an input file: the file as the period names it (`events.csv`, or in a quarter
/// `2026-07/events.csv`) and its 1-based line. What a user accepts on purpose, what the manifest
/// and the ledger list as accepted rows; its text form is `file:line`.
public struct RowPosition: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// Reads the `file:line` form back (e.g. the accepted rows a ledger recorded); nil unless the
    /// text after the last colon is a line number ≥ 1 and a file name stands before it.
    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), colon > text.startIndex,
              let line = Int(text[text.index(after: colon)...]), line >= 1 else { return nil }
        self.init(file: String(text[..<colon]), line: line)
    }

    public var description: String { "\(file):\(line)" }
}
