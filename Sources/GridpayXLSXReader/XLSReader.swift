import CFreeXL
import Glibc

/// Reads a legacy XLS export (BIFF, SPEC §16 `format = "xls"`) through Debian's libfreexl,
/// giving its rows as the XLSX reader does: text as written (libfreexl decodes every code page
/// to UTF-8), numbers as plain digits at 15 significant digits, date cells as the dates they
/// show (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS). libfreexl holds the workbook in memory: legacy files
/// are at most 65,536 rows a sheet.
public final class XLSReader {
    let handle: UnsafeRawPointer
    public let sheetNames: [String]

    public init(path: String) throws(XLSXReadError) {
        var h: UnsafeRawPointer?
        let status = freexl_open(path, &h)
        guard status == FREEXL_OK, let h else {
            if let h { freexl_close(h) }
            throw .notXLS(reason: Self.reason(status))
        }
        handle = h
        var count: UInt32 = 0
        guard freexl_get_info(h, UInt16(FREEXL_BIFF_SHEET_COUNT), &count) == FREEXL_OK else {
            freexl_close(h)
            throw .notXLS(reason: ExportReadMessages.noWorksheets())
        }
        var names: [String] = []
        for i in 0..<UInt16(min(count, 65_535)) {
            var name: UnsafePointer<CChar>?
            names.append(freexl_get_worksheet_name(h, i, &name) == FREEXL_OK ? name.map { String(cString: $0) } ?? "" : "")
        }
        sheetNames = names
    }

    deinit { freexl_close(handle) }

    /// Calls `body` once per row of the named sheet (nil: the first) that has any text.
    public func forEachRow(sheet: String?, _ body: (XLSXRow) throws -> Void) throws {
        let index: Int
        if let sheet {
            guard let i = sheetNames.firstIndex(of: sheet) else { throw XLSXReadError.noSuchSheet(sheet, sheets: sheetNames) }
            index = i
        } else {
            guard !sheetNames.isEmpty else { throw XLSXReadError.notXLS(reason: ExportReadMessages.noWorksheets()) }
            index = 0
        }
        guard freexl_select_active_worksheet(handle, UInt16(index)) == FREEXL_OK else { throw XLSXReadError.notXLS(reason: ExportReadMessages.sheetCannotBeSelected()) }
        var rows: UInt32 = 0, columns: UInt16 = 0
        guard freexl_worksheet_dimensions(handle, &rows, &columns) == FREEXL_OK else { throw XLSXReadError.notXLS(reason: ExportReadMessages.sheetSizeUnreadable()) }
        var bytes: [UInt8] = [], ends: [Int] = [], shown: [UInt8] = []
        for r in 0..<rows {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            shown.removeAll(keepingCapacity: true)
            var hasDate = false
            for c in 0..<columns {
                var cell = FreeXL_CellValue()
                var date: XLSXDateShown?
                if freexl_get_cell_value(handle, r, c, &cell) == FREEXL_OK {
                    bytes += Self.text(cell)
                    date = Self.dateShown(cell)
                }
                ends.append(bytes.count)
                shown.append(date?.rawValue ?? 0)
                if date != nil { hasDate = true }
            }
            guard !bytes.isEmpty else { continue }
            try bytes.withUnsafeBufferPointer { b in
                try ends.withUnsafeBufferPointer { e in
                    try shown.withUnsafeBufferPointer { s in
                        try body(XLSXRow(line: Int(r) + 1, count: e.count, base: b.baseAddress, ends: e.baseAddress!, shown: hasDate ? s.baseAddress : nil))
                    }
                }
            }
        }
    }

    static func text(_ cell: FreeXL_CellValue) -> [UInt8] {
        switch Int32(cell.type) {
        case FREEXL_CELL_INT: return Array(String(cell.value.int_value).utf8)
        case FREEXL_CELL_DOUBLE:
            let v = cell.value.double_value
            guard v.isFinite, let d = Decimal15(Array("\(v)".utf8)) else { return [] }
            return Array(d.text.utf8)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
            return cell.value.text_value.map { Array(String(cString: $0).utf8) } ?? []
        default: return []
        }
    }

    /// What a date cell of the sheet shows (libfreexl gives its text as the ISO date).
    static func dateShown(_ cell: FreeXL_CellValue) -> XLSXDateShown? {
        switch Int32(cell.type) {
        case FREEXL_CELL_DATE: return .date
        case FREEXL_CELL_DATETIME: return .dateTime
        case FREEXL_CELL_TIME: return .time
        default: return nil
        }
    }

    static func reason(_ status: Int32) -> String {
        switch status {
        case FREEXL_FILE_NOT_FOUND: return ExportReadMessages.fileCannotBeOpened()
        case FREEXL_INSUFFICIENT_MEMORY: return ExportReadMessages.outOfMemory()
        default: return ExportReadMessages.libfreexlError(status)
        }
    }
}
