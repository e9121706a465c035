import CXLSXWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one `lxw_workbook`. Worksheets and formats live inside it (C side) and keep this object
/// alive; once `close()` has run they throw instead of touching freed memory.
///
/// Not thread-safe (libxlsxwriter isn't either); use one workbook from one task.
public final class XLSXWorkbook {
    public let path: String
    public let constantMemory: Bool
    /// nil once closed: workbook_close frees the C workbook on success and on failure alike.
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// Raw pointers, not XLSXFormat objects: those hold the workbook, and caching them here
    /// would make a retain cycle that leaks the workbook.
    private var formatCache: [XLSXFormatSpec: UnsafeMutablePointer<lxw_format>] = [:]
    public private(set) var worksheetNames: [String] = []

    /// Opens a workbook in memory. Nothing is written until `close()`, so a path in a missing or
    /// read-only directory is only reported there (LXW_ERROR_CREATING_XLSX_FILE).
    ///
    /// - Parameters:
    ///   - createdAt: seconds since 1970 UTC, written as the document's created (and modified) time.
    ///     Must be > 0: libxlsxwriter treats 0 as "use the clock", which would break byte-identical output.
    ///   - constantMemory: flush each row to a temp file once a later row is started. Rows must then be
    ///     written in ascending order; see `XLSXWorksheet` for what the wrapper does otherwise.
    ///   - tmpDirectory: passed as `lxw_workbook_options.tmpdir`. (The Debian 1.1.4 build uses tmpfile(),
    ///     which ignores it; it is still passed for builds that honour it.)
    public init(path: String, createdAt: Int, constantMemory: Bool = false, tmpDirectory: String? = nil,
                title: String? = nil, author: String? = nil, comments: String? = nil) throws(XLSXError) {
        let op = "workbook_new_opt"
        try Self.requireCString(path, operation: op, path: path, what: "path")
        guard !path.isEmpty else {
            throw XLSXError(operation: op, error: LXW_ERROR_PARAMETER_VALIDATION, path: path,
                            detail: "path is empty")
        }
        guard createdAt > 0 else {
            throw XLSXError(operation: "workbook_set_properties", error: LXW_ERROR_PARAMETER_VALIDATION,
                            path: path, detail: "createdAt must be > 0 (0 makes libxlsxwriter use the clock)")
        }
        for (value, what) in [(tmpDirectory, "tmpDirectory"), (title, "title"), (author, "author"),
                              (comments, "comments")] {
            if let value { try Self.requireCString(value, operation: op, path: path, what: what) }
        }

        // strdup'ed copies: the C structs take `char *`, and the library copies them during the call,
        // so they only need to outlive the calls below.
        let tmpdirC = try Self.duplicate(tmpDirectory, operation: op, path: path)
        let titleC = try Self.duplicate(title, operation: op, path: path)
        let authorC = try Self.duplicate(author, operation: op, path: path)
        let commentsC = try Self.duplicate(comments, operation: op, path: path)
        defer {
            free(tmpdirC)
            free(titleC)
            free(authorC)
            free(commentsC)
        }

        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.tmpdir = tmpdirC
        options.use_zip64 = 0
        // workbook_new_opt only fails when malloc fails; it does not open the output file.
        let created = path.withCString { workbook_new_opt($0, &options) }
        guard let created else {
            throw XLSXError(operation: op, error: LXW_ERROR_MEMORY_MALLOC_FAILED, path: path)
        }

        var properties = lxw_doc_properties()
        properties.title = titleC
        properties.author = authorC
        properties.comments = commentsC
        properties.created = time_t(createdAt)
        let propertiesResult = workbook_set_properties(created, &properties)
        guard propertiesResult == LXW_NO_ERROR else {
            // Not yet owned by self, so free it here; nothing was written to disk.
            lxw_workbook_free(created)
            throw XLSXError(operation: "workbook_set_properties", error: propertiesResult, path: path)
        }

        self.path = path
        self.constantMemory = constantMemory
        self.handle = created
    }

    deinit {
        // Never closed: free the memory (and constant_memory temp files) without writing a file.
        if let handle { lxw_workbook_free(handle) }
    }

    public var isClosed: Bool { handle == nil }

    /// Adds a worksheet. Names follow Excel's rules (≤ 31 characters, none of []:*?/\, no leading or
    /// trailing apostrophe, unique ignoring case); a violation is thrown with libxlsxwriter's text.
    public func addWorksheet(named name: String) throws(XLSXError) -> XLSXWorksheet {
        let op = "workbook_add_worksheet"
        let wb = try openHandle(op, sheet: name)
        try Self.requireCString(name, operation: op, path: path, what: "sheet name", sheet: name)
        // Empty names must not reach C: its validator reads name[strlen(name) - 1].
        guard !name.isEmpty else {
            throw XLSXError(operation: op, error: LXW_ERROR_PARAMETER_VALIDATION, path: path, sheet: name,
                            detail: "sheet name is empty")
        }
        // workbook_add_worksheet only returns NULL; validate first to learn why.
        let validation = name.withCString { workbook_validate_sheet_name(wb, $0) }
        guard validation == LXW_NO_ERROR else {
            throw XLSXError(operation: "workbook_validate_sheet_name", error: validation, path: path, sheet: name)
        }
        let sheet = name.withCString { workbook_add_worksheet(wb, $0) }
        guard let sheet else {
            // Name was valid, so this is malloc or (constant_memory) the worksheet's temp file.
            let code = constantMemory ? LXW_ERROR_CREATING_TMPFILE : LXW_ERROR_MEMORY_MALLOC_FAILED
            throw XLSXError(operation: op, error: code, path: path, sheet: name)
        }
        worksheetNames.append(name)
        return XLSXWorksheet(name: name, workbook: self, handle: sheet)
    }

    /// Returns the format for `spec`, creating the `lxw_format` once per distinct spec.
    public func format(_ spec: XLSXFormatSpec) throws(XLSXError) -> XLSXFormat {
        let op = "workbook_add_format"
        let wb = try openHandle(op)
        if let cached = formatCache[spec] {
            return XLSXFormat(spec: spec, workbook: self, handle: cached)
        }
        if let numberFormat = spec.numberFormat {
            try Self.requireCString(numberFormat, operation: op, path: path, what: "numberFormat")
        }
        if let size = spec.fontSize, !(size.isFinite && size > 0 && size <= 409) {
            // Excel's font size range is 1–409; NaN/inf would be printed into styles.xml as-is.
            throw XLSXError(operation: "format_set_font_size", error: LXW_ERROR_PARAMETER_VALIDATION,
                            path: path, detail: "font size \(size) is outside 1...409")
        }
        guard let format = workbook_add_format(wb) else {
            throw XLSXError(operation: op, error: LXW_ERROR_MEMORY_MALLOC_FAILED, path: path)
        }
        // The format_set_* setters return void: they cannot fail once the format exists.
        if spec.bold { format_set_bold(format) }
        if let numberFormat = spec.numberFormat {
            numberFormat.withCString { format_set_num_format(format, $0) }
        }
        if let alignment = spec.horizontalAlignment {
            let value: lxw_format_alignments
            switch alignment {
            case .left: value = LXW_ALIGN_LEFT
            case .center: value = LXW_ALIGN_CENTER
            case .right: value = LXW_ALIGN_RIGHT
            }
            format_set_align(format, UInt8(value.rawValue))
        }
        if spec.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if spec.dashedBottom { format_set_bottom(format, UInt8(LXW_BORDER_DASHED.rawValue)) }
        if spec.wrapText { format_set_text_wrap(format) }
        if spec.verticalCenter { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)) }
        if let size = spec.fontSize { format_set_font_size(format, size) }
        formatCache[spec] = format
        return XLSXFormat(spec: spec, workbook: self, handle: format)
    }

    /// Writes the file and frees the C workbook. libxlsxwriter frees it even when writing fails, so
    /// afterwards the workbook and its sheets/formats throw `workbookClosedCode`, whatever the outcome.
    /// On failure the file at `path` may be missing or partial.
    public func close() throws(XLSXError) {
        let op = "workbook_close"
        let wb = try openHandle(op)
        handle = nil
        formatCache = [:]
        let result = workbook_close(wb)
        guard result == LXW_NO_ERROR else {
            var detail: String?
            if result == LXW_ERROR_CREATING_XLSX_FILE {
                detail = XLSXWriteMessages.cannotCreateFile()
            }
            throw XLSXError(operation: op, error: result, path: path, detail: detail)
        }
    }

    // MARK: - Internal helpers shared with worksheets and formats

    func openHandle(_ operation: String, sheet: String? = nil, row: Int? = nil,
                    column: Int? = nil) throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw XLSXError(operation: operation, code: XLSXError.workbookClosedCode,
                            message: XLSXWriteMessages.workbookClosed(),
                            path: path, sheet: sheet, row: row, column: column)
        }
        return handle
    }

    /// withCString stops at the first NUL, which would silently truncate the text: refuse it instead.
    static func requireCString(_ value: String, operation: String, path: String?, what: String,
                               sheet: String? = nil, row: Int? = nil, column: Int? = nil) throws(XLSXError) {
        if value.utf8.contains(0) {
            throw XLSXError(operation: operation, error: LXW_ERROR_PARAMETER_VALIDATION, path: path, sheet: sheet,
                            row: row, column: column, detail: XLSXWriteMessages.containsNUL(what))
        }
    }

    private static func duplicate(_ value: String?, operation: String,
                                  path: String) throws(XLSXError) -> UnsafeMutablePointer<CChar>? {
        guard let value else { return nil }
        guard let copy = strdup(value) else {
            throw XLSXError(operation: operation, error: LXW_ERROR_MEMORY_MALLOC_FAILED, path: path)
        }
        return copy
    }
}
