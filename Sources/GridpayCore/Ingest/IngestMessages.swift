/// Messages about an export's form (SPEC §16): its layout, its files and its value forms, one
/// function per kind of problem, each saying what is wrong and what was expected (the caller
/// gives where: file, line, column). Each in both languages (SPEC §15).
public enum IngestMessages {
    // MARK: layout (TableLayout)

    static func headerNotOnItsRow(_ file: String, row: Int, found: Int, columns: [String]) -> String {
        bilingual(
            zh: "\(file) 第\(row)行不是一条记录的开头（下一条记录从第\(found)行开始）：规则文件写的 header_row = \(row) 表示表头在这一行；应在第\(row)行看到表头（\(InputExcerpt.show(columns.joined(separator: "、"), limit: 120))），或请综治中心改正规则文件中的 header_row",
            en: "\(file) has no record starting on line \(row) (the next starts on line \(found)): header_row = \(row) says the header is there; expected the header (\(InputExcerpt.show(columns.joined(separator: ", "), limit: 120))) on line \(row), or header_row changed in the rule file")
    }

    static func totalsRowNotLast(_ word: String, next: Int) -> String {
        bilingual(
            zh: "这一行以“\(word)”开头，却不是最后一行（后面还有第\(next)行）；合计行（totals_row = \"\(word)\"）只应在文件末尾",
            en: "the row starts with '\(word)' but is not the last row (line \(next) follows); expected the totals row (totals_row = \"\(word)\") only at the end of the file")
    }

    // MARK: files (TableFiles)

    public static func noFileMatches(_ pattern: String, table: String, names: [String]) -> String {
        bilingual(
            zh: "本期文件夹中没有与 \(pattern) 相符的文件（\(names.isEmpty ? "文件夹是空的" : "文件夹中有：\(InputExcerpt.show(names.joined(separator: "、"), limit: 200))")）；规则文件把它声明为表“\(table)”；请放入至少一个名如 \(pattern) 的导出文件",
            en: "no file of the period's folder matches \(pattern) (\(names.isEmpty ? "the folder holds no files" : "the folder holds: \(InputExcerpt.show(names.joined(separator: ", "), limit: 200))")); the rule file declares it as table '\(table)'; expected at least one export named like \(pattern)")
    }

    public static func notUTF16(_ file: String) -> String {
        bilingual(
            zh: "\(file) 声明为 UTF-16，但此处的字节不是 UTF-16",
            en: "\(file) is declared UTF-16 but has bytes that are not UTF-16 here")
    }

    public static func noByteOrderMark(_ file: String) -> String {
        bilingual(
            zh: "\(file) 声明为 encoding = \"utf-16\"，但文件开头没有字节顺序标记（FF FE 或 FE FF）；请用平台原样导出的 UTF-16 文件，或请综治中心在规则文件中写明正确的编码",
            en: "\(file) is declared encoding = \"utf-16\" but does not start with a byte-order mark (FF FE or FE FF); expected a UTF-16 export as the platform writes it, or the right encoding in the rule file")
    }

    // MARK: value forms (FormDecoding); each names the column first

    static func notInForms(_ column: String, _ shown: String, expected: String) -> String {
        bilingual(zh: "\(column)为“\(shown)”；应为\(expected)", en: "\(column) is '\(shown)'; expected \(expected)")
    }

    static func dateForms(_ forms: CellForms, time: Bool) -> String {
        if forms.patterns.isEmpty, time {
            return bilingual(zh: "日期时间 YYYY-MM-DD HH:MM（\(described(forms))）", en: "a date-time YYYY-MM-DD HH:MM (\(described(forms)))")
        }
        if forms.patterns.isEmpty {
            return bilingual(zh: "日期 YYYY-MM-DD（\(described(forms))）", en: "a date YYYY-MM-DD (\(described(forms)))")
        }
        return bilingual(zh: "规则文件所列格式之一的\(time ? "日期时间" : "日期")：\(described(forms))",
                         en: "\(time ? "a date-time" : "a date") in one of the declared forms: \(described(forms))")
    }

    static func durationForms(_ forms: CellForms) -> String {
        let unit = unitName(forms.duration)
        if forms.patterns.isEmpty { return bilingual(zh: "以\(unit)计的时长数字", en: "a duration as a number of \(unit)") }
        return bilingual(zh: "规则文件所列格式之一的时长：\(described(forms))（以\(unit)计）",
                         en: "a duration in one of the declared forms: \(described(forms)) (counted in \(unit))")
    }

    static func numberForms(_ forms: CellForms, _ plain: String) -> String {
        bilingual(zh: "规则文件所写格式的数字（\(plain)）：\(described(forms))", en: "\(plain) in the declared form: \(described(forms))")
    }

    /// The forms a column declares, as messages list them.
    static func described(_ forms: CellForms) -> String {
        var parts = forms.patterns.map(\.text)
        if parts.isEmpty {
            if let t = forms.thousands {
                let sep = String(Character(Unicode.Scalar(t)))
                parts.append(bilingual(zh: "以“\(sep)”每三位分隔（如 2\(sep)400.50）", en: "digits grouped by '\(sep)' (e.g. 2\(sep)400.50)"))
            }
            if forms.percent { parts.append(bilingual(zh: "带 % 的百分数（如 92.3%）", en: "a percentage with % (e.g. 92.3%)")) }
        }
        if forms.fullWidthDigits { parts.append(bilingual(zh: "可用全角数字", en: "full-width digits allowed")) }
        return parts.joined(separator: bilingual(zh: "、", en: ", "))
    }

    static func unitName(_ unit: DurationUnit?) -> String {
        switch unit {
        case .hours?: return bilingual(zh: "小时", en: "hours")
        default: return bilingual(zh: "分钟", en: "minutes")
        }
    }

    static func durationOutOfRange(_ column: String, _ shown: String, unit: DurationUnit?) -> String {
        bilingual(zh: "\(column)为 \(shown)；应为不小于 0、不大于 \(InputNumberLimits.largest) \(unitName(unit))的时长",
                  en: "\(column) is \(shown); expected a duration of at least 0 \(unitName(unit)) and at most \(InputNumberLimits.largest)")
    }

    static func durationBelow(_ column: String, _ shown: String, _ n: ExactNumber, _ min: ExactNumber, unit: DurationUnit?) -> String {
        bilingual(zh: "\(column)为 \(shown)（\(n) \(unitName(unit))），低于下限 \(min)；应不少于 \(min) \(unitName(unit))",
                  en: "\(column) is \(shown) (\(n) \(unitName(unit))), below the minimum \(min); expected at least \(min) \(unitName(unit))")
    }

    static func durationAbove(_ column: String, _ shown: String, _ n: ExactNumber, _ max: ExactNumber, unit: DurationUnit?) -> String {
        bilingual(zh: "\(column)为 \(shown)（\(n) \(unitName(unit))），超过上限 \(max)；应不超过 \(max) \(unitName(unit))",
                  en: "\(column) is \(shown) (\(n) \(unitName(unit))), above the maximum \(max); expected at most \(max) \(unitName(unit))")
    }

    // MARK: workbooks (format = "xlsx")

    public static func workbookUnreadable(_ file: String, _ reason: String) -> String {
        bilingual(zh: "无法读取 \(file)：\(reason)", en: "cannot read \(file): \(reason)")
    }

    public static func workbookDamaged(_ file: String, _ reason: String) -> String {
        bilingual(zh: "\(file) 不是可读的 XLSX 文件（zip 压缩包已损坏或不完整：\(reason)）；请重新从平台导出该工作簿",
                  en: "\(file) is not a readable XLSX file (a damaged or incomplete zip archive: \(reason)); expected the workbook as the platform exported it")
    }

    public static func notAWorkbook(_ file: String, _ part: String) -> String {
        bilingual(zh: "\(file) 不是 XLSX 工作簿（缺少 \(part)）；请用平台导出的 .xlsx 文件，或请综治中心在规则文件中改正 format",
                  en: "\(file) is not an XLSX workbook (it has no \(part)); expected an .xlsx export, or the right format in the rule file")
    }

    public static func workbookBadXML(_ file: String, _ part: String, _ line: Int, _ reason: String) -> String {
        bilingual(zh: "\(file) 的 \(part) 第\(line)行 XML 已损坏（\(reason)）；请重新从平台导出该工作簿",
                  en: "\(file) has damaged XML in \(part) at line \(line) (\(reason)); expected the workbook as the platform exported it")
    }

    public static func noSuchSheet(_ file: String, _ sheet: String, _ sheets: [String]) -> String {
        bilingual(zh: "\(file) 中没有工作表“\(sheet)”（其工作表为：\(sheets.joined(separator: "、"))）；请上传含该工作表的导出，或请综治中心改正规则文件中的 sheet",
                  en: "\(file) has no sheet '\(sheet)' (its sheets: \(sheets.joined(separator: ", "))); expected the sheet the rule file names (sheet = \"\(sheet)\")")
    }

    public static func notAnXLSWorkbook(_ file: String, _ reason: String) -> String {
        bilingual(zh: "\(file) 不是可读的 XLS 工作簿（\(reason)）；请用平台导出的 .xls 文件，或请综治中心在规则文件中改正 format",
                  en: "\(file) is not a readable XLS workbook (\(reason)); expected a legacy .xls export, or the right format in the rule file")
    }

    public static func olderExcelWorkbook(_ file: String, _ version: String) -> String {
        bilingual(zh: "\(file) 是 \(version) 格式的工作簿，比 Excel 97 更早，gridpay 不读取这种格式；请制表人员用 Excel 或 WPS 打开它，另存为“Excel 97-2003 工作簿（.xls）”后重新上传（或另存为 .xlsx，并请综治中心把规则文件中该表的 format 改为 \"xlsx\"）",
                  en: "\(file) is an \(version) workbook, older than Excel 97, a format gridpay does not read; expected the clerk to open it in Excel or WPS, save it as an Excel 97-2003 workbook (.xls) and upload it again (or save it as .xlsx, with the table's format changed to \"xlsx\" in the rule file by the governance office)")
    }

    public static func workbookTooLarge(_ file: String, _ what: String) -> String {
        bilingual(zh: "\(file) 过大，无法读取：\(what)", en: "\(file) is too large to read: \(what)")
    }

    // MARK: workers

    static func workerLeftOut(_ column: String, _ id: String, roster: String) -> String {
        bilingual(
            zh: "\(column)“\(id)”不在花名册（\(roster)）上；该表声明了 unknown_workers = \"leave-out\"：这一行不计入",
            en: "\(column) '\(id)' is not on the roster (\(roster)); the table declares unknown_workers = \"leave-out\": the row is not counted")
    }
}
