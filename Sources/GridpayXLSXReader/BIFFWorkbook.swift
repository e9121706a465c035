/// What a legacy XLS workbook's BIFF records say that libfreexl 1.0 does not give through its
/// API (it has no call for them): each cell style's number format, a number cell's value, a
/// boolean cell (it gives 1 or 0), and a sheet's merged ranges. With them an XLS cell is read as the XLSX reader reads one: a date
/// or date-time cell by its number format, a duration in elapsed hours (`[h]:mm:ss`) past 24
/// (libfreexl gives its time of day: 25:30:00 read as 01:30:00), a percentage as 92.3%, and a
/// header's names merged down onto its row (MergedHeader). libfreexl still reads the text.
struct BIFFWorkbook {
    let stream: [UInt8]
    let date1904: Bool
    /// Per cell style (XF record, by index), how a number in it is shown.
    let styles: [StylesHandler.Shown]
    /// Where each sheet's records start (BOUNDSHEET records, in order: libfreexl's sheet index).
    let sheetOffsets: [Int]

    enum Record {
        static let bof: UInt16 = 0x0809, eof: UInt16 = 0x000A, dateMode: UInt16 = 0x0022, format: UInt16 = 0x041E
        static let xf: UInt16 = 0x00E0, boundSheet: UInt16 = 0x0085, mergedCells: UInt16 = 0x00E5
        static let number: UInt16 = 0x0203, rk: UInt16 = 0x027E, mulRK: UInt16 = 0x00BD, boolErr: UInt16 = 0x0205
    }

    init(stream: [UInt8]) {
        self.stream = stream
        var biff8 = true, date1904 = false
        var formats: [Int: String] = [:], xfFormats: [Int] = [], offsets: [Int] = []
        Self.records(stream, from: 0) { type, at, length in
            switch type {
            case Record.bof: biff8 = CompoundFile.u16(stream, at) >= 0x0600
            case Record.dateMode: date1904 = CompoundFile.u16(stream, at) == 1
            case Record.format:
                if let code = Self.formatCode(stream, at, length, biff8: biff8) { formats[Int(CompoundFile.u16(stream, at))] = code }
            case Record.xf where length >= 4: xfFormats.append(Int(CompoundFile.u16(stream, at + 2)))
            case Record.boundSheet where length >= 4: offsets.append(Int(CompoundFile.u32(stream, at)))
            default: break
            }
        }
        self.date1904 = date1904
        styles = xfFormats.map { StylesHandler.shown(id: $0, code: formats[$0]) }
        sheetOffsets = offsets
    }

    /// Calls `body(type, offset of its data, length)` for each record of the substream whose BOF
    /// is at `start`, to its EOF (or the stream's end): not for those of a substream inside it (a
    /// chart in a worksheet has its own BOF and EOF). A record running past the stream ends the walk.
    static func records(_ s: [UInt8], from start: Int, _ body: (UInt16, Int, Int) -> Void) {
        var at = start, depth = 0
        while at + 4 <= s.count {
            let type = CompoundFile.u16(s, at), length = Int(CompoundFile.u16(s, at + 2))
            guard at + 4 + length <= s.count else { return }
            if type == Record.bof { depth += 1 }
            if depth <= 1 { body(type, at + 4, length) }
            if type == Record.eof {
                depth -= 1
                if depth <= 0 { return }
            }
            at += 4 + length
        }
    }

    /// A FORMAT record's code: BIFF8 a Unicode string (16-bit count, a flags byte, then 8- or
    /// 16-bit characters); BIFF5 an 8-bit count and bytes.
    static func formatCode(_ s: [UInt8], _ at: Int, _ length: Int, biff8: Bool) -> String? {
        guard biff8 else {
            guard length >= 3 else { return nil }
            let count = min(Int(s[at + 2]), length - 3)
            return String(decoding: s[(at + 3)..<(at + 3 + count)].map { UInt16($0) }, as: UTF16.self)
        }
        guard length >= 5 else { return nil }
        let count = Int(CompoundFile.u16(s, at + 2)), wide = s[at + 4] & 1 == 1
        var extra = 0
        if s[at + 4] & 0x08 != 0 { extra += 2 }   // rich text: a run count
        if s[at + 4] & 0x04 != 0 { extra += 4 }   // phonetic: its size
        let first = at + 5 + extra, end = at + length
        let units: [UInt16] = wide
            ? stride(from: first, to: min(first + 2 * count, end - 1), by: 2).map { CompoundFile.u16(s, $0) }
            : (first..<min(first + count, end)).map { UInt16(s[$0]) }
        return String(decoding: units, as: UTF16.self)
    }

    /// The sheet's number cells, formula results and merged ranges (nil: no such sheet in the records).
    func sheet(_ index: Int) -> BIFFSheet? {
        guard index < sheetOffsets.count, sheetOffsets[index] < stream.count else { return nil }
        var sheet = BIFFSheet()
        let s = stream
        Self.records(s, from: sheetOffsets[index]) { type, at, length in sheet.take(type, s, at, length) }
        sheet.finish()
        return sheet
    }

    /// An RK number: a 30-bit integer or the high 30 bits of a double, either divided by 100.
    static func rk(_ v: UInt32) -> Double {
        let n = v & 0x02 != 0 ? Double(Int32(bitPattern: v) >> 2) : Double(bitPattern: UInt64(v & 0xFFFF_FFFC) << 32)
        return v & 0x01 != 0 ? n / 100 : n
    }

    /// How a number in cell style `xf` is shown (a style the workbook lacks: as a plain number).
    func shown(xf: UInt16) -> StylesHandler.Shown {
        Int(xf) < styles.count ? styles[Int(xf)] : .number
    }
}

/// One sheet's number cells (row-major, as the reader walks them), booleans, formulas' text and
/// error results, and merged ranges.
struct BIFFSheet {
    /// A boolean cell (BOOLERR, not an error value, or a formula's boolean result) by
    /// `row << 16 | column`: libfreexl gives 1 or 0 (nothing for a formula), an XLSX cell TRUE or FALSE.
    var booleans: [Int: Bool] = [:]
    /// A formula's text result (UTF-8; empty for empty text), by `row << 16 | column`.
    var texts: [Int: [UInt8]] = [:]
    /// An error value (BOOLERR or a formula's result): its code, by `row << 16 | column`.
    var errors: [Int: UInt8] = [:]
    /// `row << 16 | column` (0-based), with each cell's style and value, in the same order.
    var keys: [Int] = []
    var styles: [UInt16] = []
    var values: [Double] = []
    var merges: [MergedRange] = []
    /// The formula cell whose text result the STRING record (and its CONTINUE records) being read gives.
    var pendingText: Int?
    var string = BIFFStringReader()

    /// One record of the sheet's substream.
    mutating func take(_ type: UInt16, _ s: [UInt8], _ at: Int, _ length: Int) {
        typealias R = BIFFWorkbook.Record
        if string.started, type != BIFFFormula.Record.continued { endText() }
        switch type {
        case R.number where length >= 14:
            add(row: CompoundFile.u16(s, at), column: CompoundFile.u16(s, at + 2), xf: CompoundFile.u16(s, at + 4),
                value: Double(bitPattern: UInt64(CompoundFile.u32(s, at + 6)) | UInt64(CompoundFile.u32(s, at + 10)) << 32))
        case R.rk where length >= 10:
            add(row: CompoundFile.u16(s, at), column: CompoundFile.u16(s, at + 2), xf: CompoundFile.u16(s, at + 4),
                value: BIFFWorkbook.rk(CompoundFile.u32(s, at + 6)))
        case R.mulRK where length >= 12:
            let row = CompoundFile.u16(s, at), first = CompoundFile.u16(s, at + 2)
            for i in 0..<((length - 6) / 6) {
                let cell = at + 4 + 6 * i
                add(row: row, column: first &+ UInt16(truncatingIfNeeded: i), xf: CompoundFile.u16(s, cell),
                    value: BIFFWorkbook.rk(CompoundFile.u32(s, cell + 2)))
            }
        case R.boolErr where length >= 8:
            let key = Int(CompoundFile.u16(s, at)) << 16 | Int(CompoundFile.u16(s, at + 2))
            if s[at + 7] == 0 { booleans[key] = s[at + 6] != 0 } else { errors[key] = s[at + 6] }
        case R.mergedCells where length >= 2:
            let count = min(Int(CompoundFile.u16(s, at)), (length - 2) / 8)
            for i in 0..<count {
                let r = at + 2 + 8 * i
                merges.append(MergedRange(firstRow: Int(CompoundFile.u16(s, r)) + 1, lastRow: Int(CompoundFile.u16(s, r + 2)) + 1,
                                          firstColumn: Int(CompoundFile.u16(s, r + 4)), lastColumn: Int(CompoundFile.u16(s, r + 6))))
            }
        case BIFFFormula.Record.formula, BIFFFormula.Record.string, BIFFFormula.Record.continued:
            takeFormula(type, s, at, length)
        default: break
        }
    }

    mutating func add(row: UInt16, column: UInt16, xf: UInt16, value: Double) {
        keys.append(Int(row) << 16 | Int(column))
        styles.append(xf)
        values.append(value)
    }

    /// Rows come in order in a sheet's records; a file whose do not is put in order once. A
    /// text result whose records ended early keeps what they held.
    mutating func finish() {
        endText()
        guard zip(keys, keys.dropFirst()).contains(where: { $0 >= $1 }) else { return }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        keys = order.map { keys[$0] }
        styles = order.map { styles[$0] }
        values = order.map { values[$0] }
    }

    /// The number at `key`, for keys asked in increasing order: `cursor` moves along.
    func number(at key: Int, cursor: inout Int) -> (value: Double, xf: UInt16)? {
        while cursor < keys.count, keys[cursor] < key { cursor += 1 }
        guard cursor < keys.count, keys[cursor] == key else { return nil }
        return (values[cursor], styles[cursor])
    }
}
