/// Reads an XLSX export (SPEC §16) as a stream: the zip's central directory is read from the
/// end of the file, the workbook's small parts (workbook, relationships, styles) and its shared
/// strings are read first, then the chosen sheet's XML is parsed by expat as zlib inflates it,
/// one row handed over at a time. Memory grows with the shared strings, not with the sheet's rows.
public final class XLSXReader {
    let file: ZipFile
    let directory: ZipDirectory
    /// The workbook's sheets in order, with their parts.
    public let sheets: [(name: String, part: String)]
    let date1904: Bool

    public init(path: String) throws(XLSXReadError) {
        file = try ZipFile(path: path)
        directory = try ZipDirectory(file)
        let workbook = WorkbookHandler()
        try Self.read("xl/workbook.xml", directory, file, workbook)
        let relationships = RelationshipsHandler()
        try Self.read("xl/_rels/workbook.xml.rels", directory, file, relationships)
        sheets = workbook.sheets.compactMap { s in
            guard let target = relationships.targets[s.relationship] else { return nil }
            return (s.name, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
        date1904 = workbook.date1904
    }

    public var sheetNames: [String] { sheets.map(\.name) }

    /// Streams the named sheet (nil: the first) and calls `body` once per row that has any text.
    /// `headerRow`: the header's row, whose cells a name merged down onto them fill (MergedHeader).
    public func forEachRow(sheet: String?, headerRow: Int? = nil, _ body: (XLSXRow) throws -> Void) throws {
        let chosen: (name: String, part: String)
        if let sheet {
            guard let s = sheets.first(where: { $0.name == sheet }) else { throw XLSXReadError.noSuchSheet(sheet, sheets: sheetNames) }
            chosen = s
        } else {
            guard let first = sheets.first else { throw XLSXReadError.missingPart(ExportReadMessages.anyWorksheet()) }
            chosen = first
        }
        let styles = StylesHandler()
        if directory.entries["xl/styles.xml"] != nil { try Self.read("xl/styles.xml", directory, file, styles) }
        let shared = SharedStringsHandler(limit: XLSXLimits.sharedStringBytes)
        if directory.entries["xl/sharedStrings.xml"] != nil {
            try Self.read("xl/sharedStrings.xml", directory, file, shared)
            if shared.overLimit { throw XLSXReadError.tooLarge(what: ExportReadMessages.sharedStringsTooLarge(mebibytes: XLSXLimits.sharedStringBytes >> 20)) }
        }
        let shown = styles.shown()
        let header = try headerRow.flatMap { try mergedHeader(chosen.part, headerRow: $0, shared: shared.strings, shown: shown) }
        try withoutActuallyEscaping(body) { body in
            let rows: (XLSXRow) throws -> Void
            if let header, let headerRow {
                rows = { row in try row.line == headerRow ? XLSXRow.with(header, line: headerRow, body) : body(row) }
            } else {
                rows = body
            }
            let handler = SheetHandler(shared: shared.strings, styles: shown, date1904: date1904, body: rows)
            try Self.read(chosen.part, directory, file, handler)
            if let failure = handler.failure { throw failure }
        }
    }

    /// The header row with names merged down onto it filled in; nil where nothing needs filling
    /// (then only the sheet's first rows were read). The merged ranges follow a sheet's rows:
    /// reading them reads the whole sheet once more, for a header with an empty cell only.
    func mergedHeader(_ part: String, headerRow: Int, shared: [[UInt8]], shown: [StylesHandler.Shown]) throws -> [[UInt8]]? {
        var rows: [(line: Int, cells: [[UInt8]])] = []
        var done = false
        let top = SheetHandler(shared: shared, styles: shown, date1904: date1904) { row in
            guard !done else { return }
            if row.line <= headerRow { rows.append((row.line, (0..<row.count).map { Array(row.field($0)) })) }
            done = row.line >= headerRow
        }
        try Self.read(part, directory, file, top, until: { done })
        if let failure = top.failure { throw failure }
        return try MergedHeader(headerRow: headerRow, rows: rows) {
            let merges = MergeCellsHandler()
            try Self.read(part, directory, file, merges)
            return merges.ranges
        }.cells
    }

    /// Parses one part with `handler` as it is inflated; `until`: stop (without reading the
    /// rest) once it holds.
    static func read(_ part: String, _ directory: ZipDirectory, _ file: ZipFile, _ handler: XMLStreamHandler,
                     until stop: () -> Bool = { false }) throws(XLSXReadError) {
        guard let entry = directory.entries[part] else { throw .missingPart(part) }
        let xml = XMLStream(part: part, handler: handler)
        do {
            try ZipEntryStream.stream(entry, in: file) {
                try xml.feed($0)
                if stop() { throw StopReading() }
            }
            try xml.finish()
        } catch is StopReading {
            return
        } catch let e as XLSXReadError {
            throw e
        } catch {
            throw .damagedZip(reason: "\(error)")
        }
    }
}

/// Thrown to stop reading a part once what was wanted of it is read.
struct StopReading: Error {}
