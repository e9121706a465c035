/// What a file-level cause says (SPEC §15): once, before the rows it explains — what happened,
/// how many rows and which lines, and who acts (the clerk, or the governance office where the
/// rule file should declare the form, SPEC §16).
public enum FileCauseMessages {
    static func spreadsheetDates(_ rows: Int, lines: String, column: String, example: String, pattern: String, file: String) -> String {
        bilingual(
            zh: "同一原因，共 \(rows) 行（第 \(lines) 行）：“\(column)”是电子表格软件改写后的样式（如“\(example)”）——这个文件被 Excel、WPS 等打开后又保存过，日期被改写了。处理：请制表人员从平台重新导出 \(file)，不经电子表格打开直接放入；如果平台导出的本来就是这种样式，请综治中心在规则文件中为“\(column)”声明 formats = [\"\(pattern)\"]（SPEC §16）。不要用 --accept 剔除这些行：那会剔除全部 \(rows) 行",
            en: "one cause, \(rows) rows (lines \(lines)): \(column) is written as a spreadsheet program rewrites dates ('\(example)'): the file was opened and saved again in Excel, WPS or the like. Who acts: the clerk exports \(file) again from the platform and puts it here without opening it in a spreadsheet; if the platform itself exports this form, the governance office declares it in the rule file (formats = [\"\(pattern)\"] for \(column), SPEC §16). Do not --accept these rows: that would leave out all \(rows)")
    }

    static func spreadsheetNumbers(_ rows: Int, lines: String, column: String, example: String, file: String) -> String {
        bilingual(
            zh: "同一原因，共 \(rows) 行（第 \(lines) 行）：“\(column)”带千位分隔符（如“\(example)”）——电子表格软件保存它打开过的文件时会这样改写数字。处理：请制表人员从平台重新导出 \(file)，不经电子表格打开直接放入；如果平台导出的本来就是这种样式，请综治中心在规则文件中为“\(column)”声明 thousands = \",\"（SPEC §16）。不要用 --accept 剔除这些行：那会剔除全部 \(rows) 行",
            en: "one cause, \(rows) rows (lines \(lines)): \(column) has thousands separators ('\(example)'), as a spreadsheet program writes numbers when it saves a file it opened. Who acts: the clerk exports \(file) again from the platform and puts it here without opening it in a spreadsheet; if the platform itself exports this form, the governance office declares it in the rule file (thousands = \",\" for \(column), SPEC §16). Do not --accept these rows: that would leave out all \(rows)")
    }

    static func otherPeriod(_ rows: Int, lines: String, month: String, period: String, folder: String, file: String) -> String {
        bilingual(
            zh: "同一原因，全部 \(rows) 行（第 \(lines) 行）的日期都在 \(month)，不在 \(period)：这是 \(month) 的导出文件，放错了文件夹。处理：请制表人员把它移到 \(folder)，并把 \(period) 的 \(file) 放到这里。不要用 --accept 剔除这些行：那会剔除整个文件",
            en: "one cause, all \(rows) rows (lines \(lines)) are dated in \(month), not in \(period): this is the export of \(month), put in the wrong folder. Who acts: the clerk moves it to \(folder) and puts \(period)'s \(file) here. Do not --accept these rows: that would leave out the whole file")
    }

    static func moreLines(_ count: Int) -> String {
        bilingual(zh: "，另有 \(count) 行", en: " and \(count) more")
    }

    /// Follows the run's refusal: rows of a cause are not offered to --accept.
    public static func rowsOfCauses(_ count: Int) -> String {
        bilingual(
            zh: "。其中 \(count) 行出自上面所说的文件整体问题：请改正文件，不要用 --accept 剔除",
            en: ". \(count) of them are rows of a file-level cause said above: correct the file rather than accept them")
    }
}
