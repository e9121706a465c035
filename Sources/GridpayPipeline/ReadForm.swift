import GridpayCore

/// The form a table's file was read in, as 说明 and the manifest record it (SPEC §16): nil for
/// the plain form (a CSV file in UTF-8, comma-separated, header on row 1, named as declared), so
/// that a town that declares no form gets the outputs it always got.
enum ReadForm {
    static func describe(_ spec: TableSpec, declaredFile: String, skippedTotals: Bool) -> String? {
        var parts: [String] = []
        let form = spec.form
        if form.format != .csv {
            parts.append(form.format == .xls ? "XLS" : "XLSX")
            parts.append("工作表“\(form.sheet ?? "第一张")”")
            parts.append(form.headerRow == 1 ? "表头第 1 行" : "表头第 \(form.headerRow) 行（其上 \(form.headerRow - 1) 行为标题）")
            if skippedTotals, let word = form.totalsRow { parts.append("末行“\(word)”已略过") }
            if declaredFile != spec.file { parts.append("由 \(declaredFile) 匹配") }
        } else if spec.encoding != .utf8 || form.delimiter != UInt8(ascii: ",") || form.headerRow != 1 || skippedTotals || declaredFile != spec.file {
            parts.append("CSV")
            switch spec.encoding {
            case .utf8: parts.append("UTF-8")
            case .gb18030: parts.append("GB18030")
            case .utf16: parts.append("UTF-16")
            }
            switch form.delimiter {
            case 0x09: parts.append("制表符分隔")
            case UInt8(ascii: ";"): parts.append("分号分隔")
            default: parts.append("逗号分隔")
            }
            parts.append(form.headerRow == 1 ? "表头第 1 行" : "表头第 \(form.headerRow) 行（其上 \(form.headerRow - 1) 行为标题）")
            if skippedTotals, let word = form.totalsRow { parts.append("末行“\(word)”已略过") }
            if declaredFile != spec.file { parts.append("由 \(declaredFile) 匹配") }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "，")
    }
}
