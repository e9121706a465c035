/// A table's declared layout applied to the records of one file before `TableIngest` sees them:
/// title rows above `header_row` are skipped, and a totals row (`totals_row`) is skipped where it
/// is the last row and reported anywhere else. Streaming: a totals row is held as a line number
/// until the next record (or the end) says whether it was the last. Its problems go to the file's
/// own list (FileProblems), under the same 200-error cap as the rows' (a file of many totals
/// rows prints 200 of them and counts the rest).
public final class TableLayout {
    let form: TableForm
    let file: String
    let columns: [String]
    let problems: FileProblems
    let totalsBytes: [UInt8]?
    var headerSeen = false
    var heldTotals: Int?
    /// Rows above the header, skipped (for 说明).
    public private(set) var titleRows = 0
    /// Whether a totals row ended the file and was skipped.
    public private(set) var skippedTotals = false

    /// `ingest`: the file's ingest, whose problems the layout's join.
    public init(spec: TableSpec, ingest: TableIngest) {
        form = spec.form
        file = spec.file
        columns = spec.columns.map(\.name)
        problems = ingest.log
        totalsBytes = spec.form.totalsRow.map { Array($0.utf8) }
    }

    /// What becomes of a record.
    public enum Outcome { case header, row, skipped, unusableHeader }

    public func admit<R: RawRecord>(_ record: R) -> Outcome {
        if !headerSeen {
            if record.line < form.headerRow {
                titleRows += 1
                return .skipped
            }
            headerSeen = true
            if record.line > form.headerRow {
                problems.report(.layout, line: form.headerRow,
                                IngestMessages.headerNotOnItsRow(file, row: form.headerRow, found: record.line, columns: columns), acceptable: false)
                return .unusableHeader
            }
            return .header
        }
        if let held = heldTotals {
            reportTotals(at: held, next: record.line)
            heldTotals = nil
        }
        if let word = totalsBytes, record.count > 0, word.withUnsafeBufferPointer({ memEqual($0, record.field(0)) }) {
            heldTotals = record.line
            return .skipped
        }
        return .row
    }

    /// At the end of the file: a held totals row was the last, and is skipped.
    public func finish() {
        if heldTotals != nil { skippedTotals = true }
        heldTotals = nil
    }

    func reportTotals(at line: Int, next: Int) {
        problems.report(.layout, line: line, field: 1, IngestMessages.totalsRowNotLast(form.totalsRow ?? "", next: next))
    }
}
