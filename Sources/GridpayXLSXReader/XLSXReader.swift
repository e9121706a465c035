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
    public func forEachRow(sheet: String?, _ body: (XLSXRow) throws -> Void) throws {
        let chosen: (name: String, part: String)
        if let sheet {
            guard let s = sheets.first(where: { $0.name == sheet }) else { throw XLSXReadError.noSuchSheet(sheet, sheets: sheetNames) }
            chosen = s
        } else {
            guard let first = sheets.first else { throw XLSXReadError.missingPart("any worksheet") }
            chosen = first
        }
        let styles = StylesHandler()
        if directory.entries["xl/styles.xml"] != nil { try Self.read("xl/styles.xml", directory, file, styles) }
        let shared = SharedStringsHandler(limit: XLSXLimits.sharedStringBytes)
        if directory.entries["xl/sharedStrings.xml"] != nil {
            try Self.read("xl/sharedStrings.xml", directory, file, shared)
            if shared.overLimit { throw XLSXReadError.tooLarge(what: "its shared strings pass \(XLSXLimits.sharedStringBytes >> 20) MiB") }
        }
        try withoutActuallyEscaping(body) { body in
            let handler = SheetHandler(shared: shared.strings, styles: styles.shown(), date1904: date1904, body: body)
            try Self.read(chosen.part, directory, file, handler)
            if let failure = handler.failure { throw failure }
        }
    }

    /// Parses one part with `handler` as it is inflated.
    static func read(_ part: String, _ directory: ZipDirectory, _ file: ZipFile, _ handler: XMLStreamHandler) throws(XLSXReadError) {
        guard let entry = directory.entries[part] else { throw .missingPart(part) }
        let xml = XMLStream(part: part, handler: handler)
        do {
            try ZipEntryStream.stream(entry, in: file) { try xml.feed($0) }
            try xml.finish()
        } catch let e as XLSXReadError {
            throw e
        } catch {
            throw .damagedZip(reason: "\(error)")
        }
    }
}
