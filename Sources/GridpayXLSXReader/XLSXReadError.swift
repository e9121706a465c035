/// Why an XLSX export cannot be read. Each says what is wrong and what was expected; the caller
/// names the file.
public enum XLSXReadError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(reason: String)
    /// Not a zip archive, or one whose directory or entries are damaged.
    case damagedZip(reason: String)
    /// A part the workbook needs is not in the archive.
    case missingPart(String)
    /// The XML of a part is not well-formed.
    case badXML(part: String, line: Int, reason: String)
    case noSuchSheet(String, sheets: [String])
    /// Past a limit (a cell, a row, the shared strings): refused at once.
    case tooLarge(what: String)
    /// A legacy .xls file libfreexl cannot read.
    case notXLS(reason: String)
    /// A workbook older than Excel 97 (BIFF2 to BIFF5: Excel 2.1 to Excel 95), which is not read.
    case olderExcel(version: String)

    public var description: String {
        switch self {
        case .cannotOpen(let reason): return "cannot open: \(reason)"
        case .damagedZip(let reason): return "is not a readable XLSX file (a damaged or incomplete zip archive: \(reason)); expected the workbook as the platform exported it"
        case .missingPart(let part): return "is not an XLSX workbook (it has no \(part)); expected an .xlsx export (a legacy .xls needs format = \"xls\")"
        case .badXML(let part, let line, let reason): return "has damaged XML in \(part) at line \(line): \(reason); expected the workbook as the platform exported it"
        case .noSuchSheet(let name, let sheets): return "has no sheet '\(name)'; its sheets are: \(sheets.joined(separator: ", ")); expected the sheet the rule file names (sheet = \"…\")"
        case .tooLarge(let what): return "is too large to read: \(what)"
        case .notXLS(let reason): return "is not a readable XLS workbook (\(reason)); expected a legacy .xls export"
        case .olderExcel(let version): return "is an \(version) workbook, older than Excel 97; expected it saved again as .xls (Excel 97-2003) or .xlsx"
        }
    }
}
