import GridpayLanguage

/// Why writing a workbook failed (XLSXError), in both languages (SPEC §15): what gridpay was doing
/// (libxlsxwriter's function, as its documentation names it), libxlsxwriter's own text and where.
enum XLSXWriteMessages {
    static func failed(_ operation: String, _ message: String, code: Int32) -> String {
        bilingual(zh: "\(operation) 失败：\(message)（lxw_error \(code)）", en: "\(operation) failed: \(message) (lxw_error \(code))")
    }

    static func sheet(_ name: String) -> String { bilingual(zh: "工作表“\(name)”", en: "sheet '\(name)'") }
    static func row(_ row: Int) -> String { bilingual(zh: "第 \(row) 行（从 0 起数）", en: "row \(row)") }
    static func column(_ column: Int) -> String { bilingual(zh: "第 \(column) 列（从 0 起数）", en: "column \(column)") }
    static func path(_ path: String) -> String { bilingual(zh: "文件 \(path)", en: "path \(path)") }

    static func cannotCreateFile() -> String {
        bilingual(zh: "无法建立输出文件；请检查其文件夹是否存在、是否可写", en: "could not create the output file; check that its directory exists and is writable")
    }

    static func workbookClosed() -> String {
        bilingual(zh: "工作簿已关闭，其工作表和格式不能再用。", en: "Workbook is already closed; its worksheets and formats can no longer be used.")
    }

    static func containsNUL(_ what: String) -> String {
        bilingual(zh: "\(what) 含有 NUL 字符", en: "\(what) contains a NUL character")
    }
}
