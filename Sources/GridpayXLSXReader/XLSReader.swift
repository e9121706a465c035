import CFreeXL

/// Reads a legacy XLS export (BIFF, SPEC §16 `format = "xls"`) through Debian's libfreexl,
/// giving its rows as the XLSX reader does: text as written (libfreexl decodes every code page
/// to UTF-8), and a number cell by its number format as an XLSX cell is (CellText): plain digits
/// at 15 significant digits, a date or date-time as the date it shows, a duration in elapsed
/// hours past 24, a percentage as 92.3%, a boolean as TRUE or FALSE. libfreexl gives neither number formats nor merged
/// cells, nor an elapsed duration's days, nor a formula's result: those are read from the
/// workbook's BIFF records (BIFFWorkbook, BIFFFormula). An error value (#DIV/0!, #N/A, a
/// formula's or a cell's) is its text, marked (XLSXDateShown.errorValue): it is no value. libfreexl holds the workbook in memory: legacy files are at most 65,536 rows
/// a sheet.
public final class XLSReader {
    let handle: UnsafeRawPointer
    public let sheetNames: [String]
    let biff: BIFFWorkbook

    public init(path: String) throws(XLSXReadError) {
        // A workbook older than Excel 97 is refused before libfreexl reads it (README: BIFF5).
        let file = try? ZipFile(path: path)
        let bytes = file.flatMap { try? $0.bytes(at: 0, count: $0.size) }
        if let bytes, let version = Self.olderExcel(bytes) { throw .olderExcel(version: version) }
        var h: UnsafeRawPointer?
        let status = freexl_open(path, &h)
        guard status == FREEXL_OK, let h else {
            if let h { freexl_close(h) }
            throw .notXLS(reason: Self.reason(status))
        }
        var count: UInt32 = 0
        guard freexl_get_info(h, UInt16(FREEXL_BIFF_SHEET_COUNT), &count) == FREEXL_OK else {
            freexl_close(h)
            throw .notXLS(reason: ExportReadMessages.noWorksheets())
        }
        do throws(XLSXReadError) {
            var read = bytes ?? []
            if bytes == nil {
                let f = try ZipFile(path: path)
                read = try f.bytes(at: 0, count: f.size)
            }
            biff = try BIFFWorkbook(stream: CompoundFile.workbookStream(read))
        } catch {
            freexl_close(h)
            throw error
        }
        handle = h
        var names: [String] = []
        for i in 0..<UInt16(min(count, 65_535)) {
            var name: UnsafePointer<CChar>?
            names.append(freexl_get_worksheet_name(h, i, &name) == FREEXL_OK ? name.map { String(cString: $0) } ?? "" : "")
        }
        sheetNames = names
    }

    deinit { freexl_close(handle) }

    /// Calls `body` once per row of the named sheet (nil: the first) that has any text.
    /// `headerRow`: the header's row, whose empty cells a name merged down onto them fills, as
    /// in an XLSX export (MergedHeader).
    public func forEachRow(sheet: String?, headerRow: Int? = nil, _ body: (XLSXRow) throws -> Void) throws {
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
        guard let numbers = biff.sheet(index) else { throw XLSXReadError.notXLS(reason: ExportReadMessages.sheetRecordsMissing(index + 1)) }
        let sheetRows = SheetRows(handle: handle, rows: rows, columns: columns, numbers: numbers, cells: CellText(date1904: biff.date1904), shown: biff.shown(xf:))
        guard let headerRow, headerRow >= 1 else { return try sheetRows.forEach(upTo: rows, body) }
        var top: [(line: Int, cells: [[UInt8]])] = []
        try sheetRows.forEach(upTo: min(rows, UInt32(headerRow))) { row in top.append((row.line, (0..<row.count).map { Array(row.field($0)) })) }
        guard let header = MergedHeader(headerRow: headerRow, rows: top, ranges: { numbers.merges }).cells else { return try sheetRows.forEach(upTo: rows, body) }
        try sheetRows.forEach(upTo: rows) { row in try row.line == headerRow ? XLSXRow.with(header, line: headerRow, body) : body(row) }
    }

    /// The version of a workbook older than Excel 97: a bare BIFF2, BIFF3 or BIFF4 stream (its
    /// first record a BOF of that version), or a compound file whose workbook stream's BOF says
    /// BIFF5 (Excel 5.0 and 95; BIFF8 is 0x0600). Nil for anything else, which is read as before.
    static func olderExcel(_ bytes: [UInt8]) -> String? {
        if bytes.count >= 4, [0x0009, 0x0209, 0x0409].contains(CompoundFile.u16(bytes, 0)) { return "Excel 2.1–4.0 (BIFF2–4)" }
        guard let stream = try? CompoundFile.workbookStream(bytes), stream.count >= 6,
              CompoundFile.u16(stream, 0) == BIFFWorkbook.Record.bof, CompoundFile.u16(stream, 4) < 0x0600 else { return nil }
        return "Excel 5.0/95 (BIFF5)"
    }

    static func reason(_ status: Int32) -> String {
        switch status {
        case FREEXL_FILE_NOT_FOUND: return ExportReadMessages.fileCannotBeOpened()
        case FREEXL_INSUFFICIENT_MEMORY: return ExportReadMessages.outOfMemory()
        default: return ExportReadMessages.libfreexlError(status)
        }
    }
}

/// The rows of the selected sheet: libfreexl's text cells, and its number cells by the value
/// and style of their BIFF record.
struct SheetRows {
    let handle: UnsafeRawPointer
    let rows: UInt32
    let columns: UInt16
    let numbers: BIFFSheet
    let cells: CellText
    let shown: (UInt16) -> StylesHandler.Shown

    /// Rows 0..<`end` (0-based) with any text, numbered from 1.
    func forEach(upTo end: UInt32, _ body: (XLSXRow) throws -> Void) throws {
        var bytes: [UInt8] = [], ends: [Int] = [], marks: [UInt8] = [], cursor = 0
        for r in 0..<end {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            marks.removeAll(keepingCapacity: true)
            var marked = false
            for c in 0..<columns {
                let mark = cell(row: r, column: c, cursor: &cursor, into: &bytes)
                ends.append(bytes.count)
                marks.append(mark)
                if mark != 0 { marked = true }
            }
            guard !bytes.isEmpty else { continue }
            try bytes.withUnsafeBufferPointer { b in
                try ends.withUnsafeBufferPointer { e in
                    try marks.withUnsafeBufferPointer { s in
                        try body(XLSXRow(line: Int(r) + 1, count: e.count, base: b.baseAddress, ends: e.baseAddress!, shown: marked ? s.baseAddress : nil))
                    }
                }
            }
        }
    }

    /// Appends the cell's text; returns its mark (XLSXDateShown's raw value): what it shows where
    /// it is a date cell, errorValue where it holds an error value, else 0. A formula's result
    /// (BIFFFormula), which libfreexl does not give, is read from the BIFF records as a cell of
    /// its kind is.
    func cell(row r: UInt32, column c: UInt16, cursor: inout Int, into bytes: inout [UInt8]) -> UInt8 {
        var value = FreeXL_CellValue()
        let read = freexl_get_cell_value(handle, r, c, &value) == FREEXL_OK
        let type = read ? Int32(value.type) : FREEXL_CELL_NULL
        let key = Int(r) << 16 | Int(c)
        if !numbers.errors.isEmpty, type != FREEXL_CELL_TEXT, type != FREEXL_CELL_SST_TEXT, let code = numbers.errors[key] {
            bytes += Array(BIFFFormula.errorText(code).utf8)
            return XLSXDateShown.errorValue.rawValue
        }
        if type == FREEXL_CELL_INT || type == FREEXL_CELL_NULL, let b = numbers.booleans[key] {
            bytes += Array((b ? "TRUE" : "FALSE").utf8)
            return 0
        }
        if type == FREEXL_CELL_NULL, !numbers.texts.isEmpty, let text = numbers.texts[key] {
            bytes += text
            return 0
        }
        if type != FREEXL_CELL_TEXT, type != FREEXL_CELL_SST_TEXT, let n = numbers.number(at: key, cursor: &cursor), n.value.isFinite {
            let style = shown(n.xf)
            let text = cells.number(Array("\(n.value)".utf8), shown: style)
            bytes += text
            return style == .number || style == .percent ? 0 : XLSXDateShown.of(text, shown: style)?.rawValue ?? 0
        }
        guard read else { return 0 }
        return libfreexlCell(value, type: type, into: &bytes)
    }

    /// A cell as libfreexl gives it (text, and numbers the BIFF records did not give).
    func libfreexlCell(_ value: FreeXL_CellValue, type: Int32, into bytes: inout [UInt8]) -> UInt8 {
        switch type {
        case FREEXL_CELL_INT: bytes += Array(String(value.value.int_value).utf8)
        case FREEXL_CELL_DOUBLE:
            let v = value.value.double_value
            if v.isFinite, let d = Decimal15(Array("\(v)".utf8)) { bytes += Array(d.text.utf8) }
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
            if let t = value.value.text_value { bytes += Array(String(cString: t).utf8) }
        default: break
        }
        switch type {
        case FREEXL_CELL_DATE: return XLSXDateShown.date.rawValue
        case FREEXL_CELL_DATETIME: return XLSXDateShown.dateTime.rawValue
        case FREEXL_CELL_TIME: return XLSXDateShown.time.rawValue
        default: return 0
        }
    }
}
