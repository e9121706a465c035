import CXLSXWriter
import GridpayLanguage

/// A failed libxlsxwriter call (or a call the wrapper refused before it reached C).
///
/// `code` is the `lxw_error` number and `message` is `lxw_strerror(code)`, so the text matches
/// libxlsxwriter's own documentation. Errors the C library has no number for (use after close)
/// carry a negative code. The optional fields say where it happened.
public struct XLSXError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What was being done, usually the C function name (e.g. "worksheet_write_number").
    public let operation: String
    /// `lxw_error` value, or one of the negative wrapper codes below.
    public let code: Int32
    /// `lxw_strerror(code)` for library codes; a fixed text for wrapper codes.
    public let message: String
    public let path: String?
    public let sheet: String?
    public let row: Int?
    public let column: Int?
    /// Extra explanation the C error text lacks (e.g. constant_memory row order).
    public let detail: String?

    /// The workbook was already closed (or its close failed, which frees it too).
    public static let workbookClosedCode: Int32 = -1

    // Codes from libxlsxwriter's `lxw_error`, for callers that want to switch on them.
    public static let mallocFailedCode = Int32(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue)
    public static let creatingFileCode = Int32(LXW_ERROR_CREATING_XLSX_FILE.rawValue)
    public static let parameterValidationCode = Int32(LXW_ERROR_PARAMETER_VALIDATION.rawValue)
    public static let indexOutOfRangeCode = Int32(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE.rawValue)

    public init(operation: String, code: Int32, message: String, path: String? = nil, sheet: String? = nil,
                row: Int? = nil, column: Int? = nil, detail: String? = nil) {
        self.operation = operation
        self.code = code
        self.message = message
        self.path = path
        self.sheet = sheet
        self.row = row
        self.column = column
        self.detail = detail
    }

    /// Builds the error for a C result, taking the text from `lxw_strerror`.
    init(operation: String, error: lxw_error, path: String? = nil, sheet: String? = nil,
         row: Int? = nil, column: Int? = nil, detail: String? = nil) {
        self.init(operation: operation, code: Int32(truncatingIfNeeded: error.rawValue),
                  message: XLSXError.text(for: error), path: path, sheet: sheet,
                  row: row, column: column, detail: detail)
    }

    static func text(for error: lxw_error) -> String {
        // lxw_strerror indexes a static table; guard the range so a future code can't read past it.
        guard error.rawValue < LXW_MAX_ERRNO.rawValue, let cText = lxw_strerror(error) else {
            return "Unknown libxlsxwriter error \(error.rawValue)."
        }
        return String(cString: cText)
    }

    public var description: String {
        var parts = [XLSXWriteMessages.failed(operation, message, code: code)]
        if let sheet { parts.append(XLSXWriteMessages.sheet(sheet)) }
        if let row { parts.append(XLSXWriteMessages.row(row)) }
        if let column { parts.append(XLSXWriteMessages.column(column)) }
        if let path { parts.append(XLSXWriteMessages.path(path)) }
        if let detail { parts.append(detail) }
        return parts.joined(separator: Language.current == .zh ? "；" : "; ")
    }
}
