import GridpayCore

/// The form a table's file was read in, as 说明 and the manifest record it for every input of
/// every run (SPEC §16): the format; for CSV the encoding with the byte-order mark found (or its
/// absence), the delimiter; for XLSX and XLS the sheet read; the header's row; a skipped totals
/// row; the pattern that matched the file.
enum ReadForm {
    static func describe(_ spec: TableSpec, declaredFile: String, skippedTotals: Bool, found: FoundForm) -> String {
        var parts: [String] = []
        let form = spec.form
        if form.format != .csv {
            parts.append(form.format == .xls ? "XLS" : "XLSX")
            parts.append(sheet(declared: form.sheet, read: found.sheet))
        } else {
            parts.append("CSV")
            parts.append(encoding(spec.encoding, leadingBytes: found.leadingBytes))
            switch form.delimiter {
            case 0x09: parts.append("制表符分隔")
            case UInt8(ascii: ";"): parts.append("分号分隔")
            default: parts.append("逗号分隔")
            }
        }
        parts.append(form.headerRow == 1 ? "表头第 1 行" : "表头第 \(form.headerRow) 行（其上 \(form.headerRow - 1) 行为标题）")
        if skippedTotals, let word = form.totalsRow { parts.append("末行“\(word)”已略过") }
        if declaredFile != spec.file { parts.append("由 \(declaredFile) 匹配") }
        return parts.joined(separator: "，")
    }

    /// The encoding as found: UTF-8 with or without its mark, UTF-16 by the byte order its mark
    /// says (a UTF-16 file without one is refused before this is asked).
    static func encoding(_ encoding: InputEncoding, leadingBytes b: [UInt8]) -> String {
        switch encoding {
        case .utf8: return b.starts(with: [0xEF, 0xBB, 0xBF]) ? "UTF-8（带 BOM）" : "UTF-8（无 BOM）"
        case .gb18030: return "GB18030"
        case .utf16: return b.starts(with: [0xFE, 0xFF]) ? "UTF-16BE（带 BOM）" : "UTF-16LE（带 BOM）"
        }
    }

    /// The sheet read: the declared one, or the first, named as the workbook names it.
    static func sheet(declared: String?, read: String?) -> String {
        if let declared { return "工作表“\(declared)”" }
        return read.map { "工作表“\($0)”（第一张）" } ?? "第一张工作表"
    }
}

/// What a file showed as it was read, for its recorded form: its first bytes (a byte-order
/// mark) and the sheet read.
final class FoundForm {
    private(set) var leadingBytes: [UInt8] = []
    var sheet: String?

    func feed(_ chunk: UnsafeRawBufferPointer) {
        if leadingBytes.count < 3 { leadingBytes += chunk.prefix(3 - leadingBytes.count) }
    }
}
