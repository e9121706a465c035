/// A header spread over merged cells (SPEC §16): a platform's two-row header merges a column's
/// name down over both rows (`A1:A2` holds 单号) and a group's name across its columns (`C1:D1`
/// holds 巡查, with 开始 and 分 below). A merged range keeps its text in its first cell only, so
/// the header row (`header_row = 2`) has an empty cell where a name was merged down onto it; that
/// cell is read as the name. A name merged across columns names the first only (never two
/// columns of one name).
public struct MergedRange: Equatable, Sendable {
    /// 1-based rows, 0-based columns, as the reader numbers them.
    public var firstRow: Int
    public var lastRow: Int
    public var firstColumn: Int
    public var lastColumn: Int

    public init(firstRow: Int, lastRow: Int, firstColumn: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.lastRow = lastRow
        self.firstColumn = firstColumn
        self.lastColumn = lastColumn
    }

    /// `A1:B2` (or a single cell `C3`); nil when it is not a range of cells.
    init?(reference: UnsafeBufferPointer<UInt8>) {
        let parts = reference.split(separator: UInt8(ascii: ":"), maxSplits: 1)
        guard let first = parts.first, let from = Self.cell(first), let to = parts.count == 2 ? Self.cell(parts[1]) : from else { return nil }
        self.init(firstRow: from.row, lastRow: to.row, firstColumn: from.column, lastColumn: to.column)
    }

    static func cell(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> (row: Int, column: Int)? {
        let bytes = UnsafeBufferPointer(rebasing: text)
        guard let column = SheetHandler.columnIndex(bytes) else { return nil }
        let digits = bytes.drop { $0 >= 65 && $0 <= 90 }
        guard let row = SheetHandler.number(UnsafeBufferPointer(rebasing: digits)) else { return nil }
        return (row, column)
    }
}

/// A sheet's merged ranges (`<mergeCell ref="…"/>`, after its rows).
final class MergeCellsHandler: XMLStreamHandler {
    var ranges: [MergedRange] = []

    func start(_ name: UnsafeBufferPointer<UInt8>, _ a: XMLAttributes) {
        if named(name, "mergeCell"), let ref = a.value("ref"), let range = MergedRange(reference: ref) { ranges.append(range) }
    }
    func end(_ name: UnsafeBufferPointer<UInt8>) {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
}

/// The rows of a sheet down to its header row, read before the sheet is streamed (a few rows):
/// where the header row has an empty cell before its last name, the sheet's merged ranges are
/// read too, and the names merged down onto the header are filled in.
struct MergedHeader {
    /// The header row's cells, with merged names filled in; nil where nothing needs filling.
    let cells: [[UInt8]]?

    /// `rows`: the sheet's rows with text down to the header's, as (line, cells).
    init(headerRow: Int, rows: [(line: Int, cells: [[UInt8]])], ranges: () throws -> [MergedRange]) rethrows {
        guard let header = rows.first(where: { $0.line == headerRow })?.cells, Self.hasGap(header) else {
            cells = nil
            return
        }
        var filled = header
        var changed = false
        for range in try ranges() where range.firstRow < headerRow && headerRow <= range.lastRow {
            let c = range.firstColumn
            guard c < filled.count ? filled[c].isEmpty : true,
                  let above = rows.first(where: { $0.line == range.firstRow }), c < above.cells.count, !above.cells[c].isEmpty else { continue }
            while filled.count <= c { filled.append([]) }
            filled[c] = above.cells[c]
            changed = true
        }
        cells = changed ? filled : nil
    }

    /// An empty cell before the row's last name (or leading it).
    static func hasGap(_ cells: [[UInt8]]) -> Bool {
        guard let last = cells.lastIndex(where: { !$0.isEmpty }) else { return false }
        return cells[..<last].contains { $0.isEmpty }
    }
}
