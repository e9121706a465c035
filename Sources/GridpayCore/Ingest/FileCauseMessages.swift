/// What a file-level cause says (SPEC §15): once, before the rows it explains — what happened,
/// how many rows and which lines, and who acts (the clerk, or the governance office where the
/// rule file should declare the form, SPEC §16).
public enum FileCauseMessages {
    static func spreadsheetDates(_ rows: Int, lines: String, column: String, example: String, pattern: String, file: String, accept: String) -> String {
        bilingual(
            zh: "同一原因，共 \(rows) 行（第 \(lines) 行）：“\(column)”是电子表格软件改写后的样式（如“\(example)”）——这个文件被 Excel、WPS 等打开后又保存过，日期被改写了。处理：请制表人员从平台重新导出 \(file)，不经电子表格打开直接放入；如果平台导出的本来就是这种样式，请综治中心在规则文件中为“\(column)”声明 formats = [\"\(pattern)\"]（SPEC §16）。不要用 \(accept) 剔除这些行：那会剔除全部 \(rows) 行",
            en: "one cause, \(rows == 1 ? "1 row (line" : "\(rows) rows (lines") \(lines)): \(column) is written as a spreadsheet program rewrites dates ('\(example)'): the file was opened and saved again in Excel, WPS or the like. Who acts: the clerk exports \(file) again from the platform and puts it here without opening it in a spreadsheet; if the platform itself exports this form, the governance office declares it in the rule file (formats = [\"\(pattern)\"] for \(column), SPEC §16). Do not \(accept) \(rows == 1 ? "this row: that would leave out the row" : "these rows: that would leave out all \(rows)")")
    }

    static func spreadsheetNumbers(_ rows: Int, lines: String, column: String, example: String, file: String, accept: String) -> String {
        bilingual(
            zh: "同一原因，共 \(rows) 行（第 \(lines) 行）：“\(column)”带千位分隔符（如“\(example)”）——电子表格软件保存它打开过的文件时会这样改写数字。处理：请制表人员从平台重新导出 \(file)，不经电子表格打开直接放入；如果平台导出的本来就是这种样式，请综治中心在规则文件中为“\(column)”声明 thousands = \",\"（SPEC §16）。不要用 \(accept) 剔除这些行：那会剔除全部 \(rows) 行",
            en: "one cause, \(rows == 1 ? "1 row (line" : "\(rows) rows (lines") \(lines)): \(column) has thousands separators ('\(example)'), as a spreadsheet program writes numbers when it saves a file it opened. Who acts: the clerk exports \(file) again from the platform and puts it here without opening it in a spreadsheet; if the platform itself exports this form, the governance office declares it in the rule file (thousands = \",\" for \(column), SPEC §16). Do not \(accept) \(rows == 1 ? "this row: that would leave out the row" : "these rows: that would leave out all \(rows)")")
    }

    /// `month`, `period`: with their days where the town's pay month is not the calendar's.
    static func otherPeriod(_ rows: Int, lines: String, month: String, period: String, shortMonth: String, shortPeriod: String, folder: String, file: String, accept: String) -> String {
        bilingual(
            zh: "同一原因，全部 \(rows) 行（第 \(lines) 行）的日期都在 \(month)，不在 \(period)：这是 \(shortMonth) 的导出文件，放错了文件夹。处理：请制表人员把它移到 \(folder)，并把 \(shortPeriod) 的 \(file) 放到这里。不要用 \(accept) 剔除这些行：那会剔除整个文件",
            en: "one cause, \(rows == 1 ? "the only row (line" : "all \(rows) rows (lines") \(lines)) \(rows == 1 ? "is" : "are") dated in \(month), not in \(period): this is the export of \(shortMonth), put in the wrong folder. Who acts: the clerk moves it to \(folder) and puts \(shortPeriod)'s \(file) here. Do not \(accept) these rows: that would leave out the whole file")
    }

    /// A pay month as a clerk checks it: `2026-11`, or with month_starts_on `2026-11（2026-10-26 至 2026-11-25）`.
    static func payMonth(_ month: Period, startsOn: Int) -> String {
        guard startsOn > 1 else { return "\(month)" }
        let days = PayDays(month, startsOn: startsOn)
        return bilingual(zh: "\(month)（\(days.firstDay) 至 \(days.lastDay)）", en: "\(month) (\(days.firstDay) to \(days.lastDay))")
    }

    /// A file of one month's folder in a quarter's (half-year's, year's) run.
    static func fileInFolder(_ file: String, folder: String) -> String {
        bilingual(zh: "\(folder) 文件夹中的 \(file)", en: "\(file) in folder \(folder)")
    }

    /// How many rows a file-level cause leaves unread, and which lines.
    static func unread(_ rows: Int, lines: String) -> String {
        guard rows > 0 else { return bilingual(zh: "文件中没有读入任何行", en: "no row of the file is read") }
        return bilingual(zh: "全部 \(rows) 行（第 \(lines) 行）都未读入", en: rows == 1 ? "the only row (line \(lines)) is unread" : "all \(rows) rows (lines \(lines)) are unread")
    }

    /// A file in another encoding than its table declares (SPEC §16): the clerk exports it again
    /// in the declared one, or the governance office declares the one the platform writes.
    static func encoding(_ unread: String, file: String, table: String, found: InputEncoding, declared: InputEncoding, textLines: String, oneLine: Bool) -> String {
        let f = found.displayName, d = declared.displayName
        let given = declared == .utf8
            ? bilingual(zh: "规则文件没有为表“\(table)”声明 encoding，即按 UTF-8 读", en: "the rule file reads table \(table) as UTF-8 (no encoding declared)")
            : bilingual(zh: "规则文件为表“\(table)”声明的是 encoding = \"\(declared.rawValue)\"", en: "the rule file declares encoding = \"\(declared.rawValue)\" for table \(table)")
        return bilingual(
            zh: "同一原因，\(unread)：\(file) 是 \(f) 编码的文字，而\(given)；第 \(textLines) 行的文字按 \(d) 读不出或成了乱码。处理：请制表人员从平台重新导出 \(d) 编码的 \(file)；如果平台导出的本来就是 \(f)，请综治中心在规则文件中为表“\(table)”声明 encoding = \"\(found.rawValue)\"（SPEC §16）",
            en: "one cause, \(unread): \(file) is \(f) text, but \(given); read as \(d), the text of \(oneLine ? "line" : "lines") \(textLines) does not read or reads as garbage. Who acts: the clerk exports \(file) again from the platform as \(d); if the platform exports \(f), the governance office declares encoding = \"\(found.rawValue)\" for table \(table) in the rule file (SPEC §16)")
    }

    /// A declared column the header lacks, with the header most like it.
    static func missingColumn(_ c: FileLevelCause.MissingColumn) -> String {
        guard let near = c.near, let field = c.field else {
            return bilingual(zh: "“\(c.declared)”列（表头中没有相近的列）", en: "column \(c.declared) (no header is like it)")
        }
        return bilingual(zh: "“\(c.declared)”列（表头中最相近的是第 \(field) 列“\(near)”）", en: "column \(c.declared) (the header most like it: \(near), field \(field))")
    }

    /// Declared columns missing from a header that has similar ones (SPEC §15): renamed by this
    /// export (the clerk exports again) or by the platform for good (the governance office
    /// renames them in the rule file). Columns are found by name, never by their order.
    static func renamedHeader(_ unread: String, file: String, table: String, columns: String) -> String {
        bilingual(
            zh: "同一原因，\(unread)：\(file) 的表头中没有规则文件为表“\(table)”声明的\(columns)。处理：如果只是这次导出的列名变了，请制表人员从平台重新导出 \(file)；如果平台已长期改用新的列名，请综治中心在规则文件中把表“\(table)”的列名改成表头中的名称（SPEC §16）。列按名称查找，列的先后顺序不影响读入",
            en: "one cause, \(unread): the header of \(file) lacks \(columns), declared for table \(table) in the rule file. Who acts: if only this export changed the name, the clerk exports \(file) again from the platform; if the platform renamed it for good, the governance office renames the column in the rule file to the header's name (SPEC §16). Columns are found by name; their order does not matter")
    }

    /// Rows naming an id on no roster row, explained by one roster row (SPEC §15): the clerk
    /// corrects the roster; accepting the rows would drop the worker's month.
    static func notOnRoster(_ rows: Int, lines: String, column: String, id: String, file: String, roster: String, fault: RosterFault, accept: String) -> String {
        bilingual(
            zh: "同一原因，\(file) 中共 \(rows) 行（第 \(lines) 行）的\(column)都是“\(id)”，花名册上没有这个编号：\(rosterFault(fault, roster: roster, id: id))。处理：请制表人员改正花名册 \(roster) 第 \(fault.line) 行后重新运行。不要用 \(accept) 剔除这些行：那会剔除“\(id)”本月的这 \(rows) 行记录",
            en: "one cause, \(rows) rows of \(file) (lines \(lines)) name \(column) '\(id)', which no roster row holds: \(rosterFault(fault, roster: roster, id: id)). Who acts: the clerk corrects line \(fault.line) of the roster \(roster) and runs again. Do not \(accept) these rows: that would leave out these \(rows) rows of '\(id)' for the month")
    }

    /// What the roster row holds, and why it is taken for `id`'s.
    static func rosterFault(_ fault: RosterFault, roster: String, id: String) -> String {
        switch fault.kind {
        case .duplicate(let firstLine):
            return bilingual(zh: "花名册 \(roster) 第 \(fault.line) 行的编号写作“\(fault.id)”，与第 \(firstLine) 行重复，未读入；它与“\(id)”只差一个字符，很可能就是“\(id)”写错了",
                             en: "line \(fault.line) of the roster \(roster) holds '\(fault.id)', which repeats line \(firstLine), and is not read; it is one character from '\(id)', most likely '\(id)' mistyped")
        case .leftOut:
            return bilingual(zh: "花名册 \(roster) 第 \(fault.line) 行（编号“\(fault.id)”）有错，未读入；它与“\(id)”只差一个字符，很可能就是“\(id)”写错了",
                             en: "line \(fault.line) of the roster \(roster) ('\(fault.id)') has an error and is not read; it is one character from '\(id)', most likely '\(id)' mistyped")
        case .mistyped:
            return bilingual(zh: "花名册 \(roster) 第 \(fault.line) 行的编号是“\(fault.id)”，与“\(id)”只差一个字符，而本月各输入文件中都没有“\(fault.id)”的记录，很可能是“\(id)”写错了",
                             en: "line \(fault.line) of the roster \(roster) holds '\(fault.id)', one character from '\(id)', and no input file of the month has a row of '\(fault.id)': most likely '\(id)' mistyped")
        }
    }

    static func moreLines(_ count: Int) -> String {
        // Inside "第 … 行": "第 2–5, 9 行，另有 3 行".
        bilingual(zh: " 行，另有 \(count)", en: " and \(count) more")
    }

    /// Follows the run's refusal: rows of a cause are not offered for acceptance (`accept`: the caller's word).
    public static func rowsOfCauses(_ count: Int, accept: String) -> String {
        bilingual(
            zh: "。其中 \(count) 行出自上面所说的文件整体问题：请改正文件，不要用 \(accept) 剔除",
            en: ". \(count == 1 ? "1 of them is a row" : "\(count) of them are rows") of a file-level cause said above: correct the file rather than accept \(count == 1 ? "it" : "them")")
    }

    /// Follows the run's refusal: rows of workers missing from a broken roster are not offered for acceptance.
    public static func rowsOfRosterCauses(_ count: Int, roster: String, accept: String) -> String {
        bilingual(
            zh: "。其中 \(count) 行是上面所说的花名册错误造成的：请改正花名册 \(roster)，不要用 \(accept) 剔除（那会剔除网格员整月的记录）",
            en: ". \(count == 1 ? "1 of them is a row" : "\(count) of them are rows") of a roster error said above: correct the roster \(roster) rather than accept \(count == 1 ? "it" : "them") (that would leave out a worker's month)")
    }
}
