import Foundation
import GridpayCore
import GridpayHash
import GridpayXLSXReader

/// A table's XLSX or XLS export (SPEC §16, `format = "xlsx"` or `"xls"`): the file is hashed as it is, then the
/// declared sheet (or the first) is streamed row by row through the table's layout into its
/// ingest, as a CSV file's records are. A row's number is the line messages name.
enum WorkbookTableReader {
    /// Returns the name of the sheet read.
    static func read(path: String, spec: TableSpec, layout: TableLayout, ingest: TableIngest, hasher: StreamHasher, progress: RunReporter?) throws -> String? {
        try hash(path, into: hasher)
        var width = 0
        var unreported = 0
        defer { progress?.rowsRead(unreported) }
        return try rows(path, spec) { row in
            let record = PaddedRow(row: row, width: width)
            switch layout.admit(record) {
            case .header:
                width = record.count
                ingest.consume(record)
            case .row: ingest.consume(record)
            case .skipped: break
            case .unusableHeader: ingest.headerUnusable()
            }
            unreported += 1
            if unreported == RunReporting.rowBatch {
                progress?.rowsRead(unreported)
                unreported = 0
            }
        }
    }

    /// The rows whose lines are in `lines`, as key texts (a duplicate's confirmation).
    static func forEachRow(path: String, spec: TableSpec, _ body: (PaddedRow) throws -> Void) throws {
        try rows(path, spec) { try body(PaddedRow(row: $0, width: 0)) }
    }

    /// The declared sheet's rows (nil: the first's), by the reader of the table's format; returns the sheet's name.
    @discardableResult
    static func rows(_ path: String, _ spec: TableSpec, _ body: (XLSXRow) throws -> Void) throws -> String? {
        let sheet = spec.form.sheet, header = spec.form.headerRow
        if spec.form.format == .xls {
            let reader = try XLSReader(path: path)
            try reader.forEachRow(sheet: sheet, headerRow: header, body)
            return sheet ?? reader.sheetNames.first
        }
        let reader = try XLSXReader(path: path)
        try reader.forEachRow(sheet: sheet, headerRow: header, body)
        return sheet ?? reader.sheetNames.first
    }

    static func hash(_ path: String, into hasher: StreamHasher) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: SpillSizes.ioChunk), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.feed($0) }
        }
    }
}

/// A sheet's row as a record: a sheet leaves out empty cells at the end of a row, so the row is
/// as wide as the header (or as its last non-empty cell, where that is further).
struct PaddedRow: RawRecord {
    let row: XLSXRow
    let count: Int
    var line: Int { row.line }

    init(row: XLSXRow, width: Int) {
        self.row = row
        var used = row.count
        while used > 0, row.field(used - 1).isEmpty { used -= 1 }
        count = max(width, used)
    }

    func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        i < row.count ? row.field(i) : UnsafeBufferPointer(start: nil, count: 0)
    }

    func string(_ i: Int) -> String { String(decoding: field(i), as: UTF8.self) }

    func spreadsheetDate(_ i: Int) -> SpreadsheetDate? {
        switch row.dateShown(i) {
        case .date?: return .date
        case .dateTime?: return .dateTime
        case .time?: return .time
        case .errorValue?, nil: return nil
        }
    }

    func spreadsheetError(_ i: Int) -> Bool { row.dateShown(i) == .errorValue }
}
