/// One record as handed to the `forEachRecord` callback.
public struct CSVRecord: Equatable, Sendable {
    /// 1-based physical line on which the record starts (LF, CRLF and a lone CR each end a line,
    /// also inside quoted fields).
    public let line: Int
    /// Decoded fields, in order. Their count is whatever the line has: the reader does not judge it.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
