import GridpayCore
import GridpayXLSXReader

/// An XLSX export that cannot be read, worded from the catalogue (IngestMessages).
enum WorkbookProblems {
    static func message(_ error: XLSXReadError, file: String) -> String {
        switch error {
        case .cannotOpen(let reason): return IngestMessages.workbookUnreadable(file, reason)
        case .damagedZip(let reason): return IngestMessages.workbookDamaged(file, reason)
        case .missingPart(let part): return IngestMessages.notAWorkbook(file, part)
        case .badXML(let part, let line, let reason): return IngestMessages.workbookBadXML(file, part, line, reason)
        case .noSuchSheet(let name, let sheets): return IngestMessages.noSuchSheet(file, name, sheets)
        case .tooLarge(let what): return IngestMessages.workbookTooLarge(file, what)
        case .notXLS(let reason): return IngestMessages.notAnXLSWorkbook(file, reason)
        case .olderExcel(let version): return IngestMessages.olderExcelWorkbook(file, version)
        }
    }
}
