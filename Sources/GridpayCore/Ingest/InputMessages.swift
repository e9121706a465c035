/// Every problem TableIngest finds in an export's rows (数据问题's 问题 column and the run's
/// messages), one function per kind, each in both languages (SPEC §15): what is wrong, what was
/// expected, and who can act; the caller gives where (file, line, column). Cell messages start
/// with the column's name as the export writes it.
enum InputMessages {
    // MARK: rows and cells

    static func fieldCount(_ found: Int, header: Int) -> String {
        bilingual(
            zh: "这一行有 \(found) 个字段，表头有 \(header) 个；应为 \(header) 个（值里含逗号时要加引号）",
            en: "the row has \(found) fields, the header has \(header); expected \(header) (a comma inside a value needs quotes)")
    }

    static func spreadsheetErrorValue(_ column: String, _ shown: String, expected: String) -> String {
        bilingual(
            zh: "\(column)是电子表格的错误值“\(shown)”（公式无法算出），不是一个值；应为\(expected)。请制表人员在表格中改正公式或填入数值后重新导出",
            en: "\(column) is a spreadsheet error value '\(shown)' (a formula that could not be computed), not a value; expected \(expected). The clerk corrects the formula or enters the value in the workbook and exports it again")
    }

    static func controlCharacter(_ column: String, _ shown: String, code: String, byte: Int) -> String {
        bilingual(
            zh: "\(column)“\(shown)”的第 \(byte) 个字节是控制字符 \(code)；应为不含控制字符的文字（制表符和换行可以）",
            en: "\(column) '\(shown)' holds the control character \(code) at byte \(byte); expected text without control characters (tab and line breaks are allowed)")
    }

    static func emptyCell(_ column: String, expected: String) -> String {
        bilingual(
            zh: "\(column)为空；应为\(expected)",
            en: "\(column) is empty; expected \(expected)")
    }

    static func notAChoice(_ column: String, _ shown: String, values: [String], suggestion: String) -> String {
        bilingual(
            zh: "\(column)为“\(shown)”；应为 \(values.joined(separator: " / ")) 之一\(suggestion)",
            en: "\(column) is '\(shown)'; expected one of \(values.joined(separator: " / "))\(suggestion)")
    }

    static func notADate(_ column: String, _ shown: String) -> String {
        bilingual(
            zh: "\(column)为“\(shown)”；应为日期 YYYY-MM-DD",
            en: "\(column) is '\(shown)'; expected a date YYYY-MM-DD")
    }

    static func notATime(_ column: String, _ shown: String) -> String {
        bilingual(
            zh: "\(column)为“\(shown)”；应为时间 YYYY-MM-DD HH:MM 或 YYYY-MM-DD HH:MM:SS",
            en: "\(column) is '\(shown)'; expected a time YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS")
    }

    static func dateOutsidePeriod(_ column: String, _ shown: String, period: String, first: String, last: String) -> String {
        bilingual(
            zh: "\(column) \(shown) 不在 \(period) 内；应为 \(first) 至 \(last) 之间的日期",
            en: "\(column) \(shown) is outside \(period); expected a date from \(first) to \(last)")
    }

    static func timeOutsidePeriod(_ column: String, _ shown: String, period: String, first: String, last: String) -> String {
        bilingual(
            zh: "\(column) \(shown) 不在 \(period) 内；应为 \(first) 00:00 至 \(last) 23:59 之间的时间",
            en: "\(column) \(shown) is outside \(period); expected a time from \(first) 00:00 to \(last) 23:59")
    }

    static func notANumber(_ column: String, _ shown: String, expected: String) -> String {
        bilingual(
            zh: "\(column)为“\(shown)”；应为\(expected)",
            en: "\(column) is '\(shown)'; expected \(expected)")
    }

    static func wholeNumberNotPlain(_ column: String, _ shown: String) -> String {
        bilingual(
            zh: "\(column)为“\(shown)”；应为只用数字写的整数（不带小数点、“+”号、空格或分隔符）",
            en: "\(column) is '\(shown)'; expected a whole number written with digits only (no decimal point, sign '+', spaces or separators)")
    }

    static func notWhole(_ column: String, _ shown: String) -> String {
        bilingual(
            zh: "\(column)为“\(shown)”；应为整数",
            en: "\(column) is '\(shown)'; expected a whole number")
    }

    static func tooManyDecimals(_ column: String, _ shown: String, places: Int) -> String {
        bilingual(
            zh: "\(column)为“\(shown)”；最多应有 \(places) 位小数",
            en: "\(column) is '\(shown)'; expected at most \(places) decimals")
    }

    static func belowMinimum(_ column: String, _ shown: String, minimum: String, expected: String) -> String {
        bilingual(
            zh: "\(column)为 \(shown)，低于下限 \(minimum)；应为 ≥ \(minimum) 的\(expected)",
            en: "\(column) is \(shown), below the minimum \(minimum); expected \(expected) ≥ \(minimum)")
    }

    static func aboveMaximum(_ column: String, _ shown: String, maximum: String) -> String {
        bilingual(
            zh: "\(column)为 \(shown)，高于上限 \(maximum)；最大应为 \(maximum)",
            en: "\(column) is \(shown), above the maximum \(maximum); expected at most \(maximum)")
    }

    static func beyondInputLimit(_ column: String, _ shown: String, expected: String, largest: String) -> String {
        bilingual(
            zh: "\(column)为 \(shown)，超出 gridpay 能读的输入数字范围；应为绝对值不超过 \(largest) 的\(expected)",
            en: "\(column) is \(shown), larger than any input number gridpay reads; expected \(expected) of at most \(largest) in size")
    }

    static func beyondInputPlaces(_ column: String, _ shown: String, places: Int) -> String {
        bilingual(
            zh: "\(column)为“\(shown)”；输入数字最多 \(places) 位小数（gridpay 的限度）",
            en: "\(column) is '\(shown)'; expected at most \(places) decimals (gridpay's limit for an input number)")
    }

    static func formulaLike(_ column: String, _ raw: String, first: String) -> String {
        bilingual(
            zh: "\(column)“\(raw)”以“\(first)”开头，电子表格会当作公式；已按纯文字写出",
            en: "\(column) '\(raw)' starts with '\(first)', which a spreadsheet would read as a formula; it is written as plain text")
    }

    // MARK: the rule file's checks on a row

    static func ruleFailed(_ message: String, at place: String?) -> String {
        bilingual(
            zh: "计算\(place.map { "规则（\($0)）" } ?? "规则")时出错：\(message)",
            en: "\(message) while evaluating \(place.map { "the rule at \($0)" } ?? "a rule") for this row")
    }

    static func checkFailed(_ message: String, at place: String) -> String {
        bilingual(
            zh: "计算检查（\(place)）时出错：\(message)",
            en: "\(message) while evaluating the check at \(place)")
    }

    static func checkNotMet(_ message: String, requirement: String) -> String {
        bilingual(
            zh: "\(message)；应满足 \(requirement)",
            en: "\(message); expected \(requirement)")
    }

    /// `empty`: the row's empty optional columns.
    static func emptyValueUsed(_ empty: [String], at place: String?) -> String {
        bilingual(
            zh: "本行\(empty.isEmpty ? "某个可选列" : empty.joined(separator: "、"))为空（没有值），但\(place.map { "规则（\($0)）" } ?? "规则文件中的一条规则")把它当作值来用；请综治中心在规则里先判断，例如 has(\(empty.first ?? "…")) and …",
            en: "\(empty.isEmpty ? "an optional column" : empty.joined(separator: ", ")) is empty (no value) on this row, but \(place.map { "the rule at \($0)" } ?? "a rule of the rule file") uses it as a value; test it first, e.g. has(\(empty.first ?? "…")) and …")
    }

    // MARK: cell rules (required_when, empty_when, on_roster, same_on_roster)

    static func requiredWhen(_ column: String, condition: String) -> String {
        bilingual(
            zh: "\(column)为空；当 \(condition) 时应有值",
            en: "\(column) is empty; expected a value when \(condition)")
    }

    static func emptyWhen(_ column: String, _ text: String, condition: String) -> String {
        bilingual(
            zh: "\(column)为“\(text)”；当 \(condition) 时应为空",
            en: "\(column) is '\(text)'; expected it to be empty when \(condition)")
    }

    static func cellRuleFailed(_ message: String, column: String) -> String {
        bilingual(
            zh: "检查\(column)时出错：\(message)",
            en: "\(message) while checking \(column)")
    }

    static func notOnRosterColumn(_ column: String, _ text: String, rosterColumn: String, roster: String, suggestion: String) -> String {
        bilingual(
            zh: "\(column)“\(text)”不是花名册（\(roster)）上的\(rosterColumn)\(suggestion)；应为花名册中的\(rosterColumn)",
            en: "\(column) '\(text)' is not a \(rosterColumn) on the roster (\(roster))\(suggestion); expected a \(rosterColumn) of the roster")
    }

    /// `differing`: the row's columns whose value differs from the roster row's of that value.
    static func belongsToAnother(_ column: String, _ text: String, groupColumns: [String],
                                 differing: [(column: String, roster: String, row: String)], rosterColumn: String) -> String {
        bilingual(
            zh: "\(column)“\(text)”属于另一\(groupColumns.joined(separator: " / "))：\(differing.map { "\($0.column)在花名册上为“\($0.roster)”，本行为“\($0.row)”" }.joined(separator: "；"))；应为本行\(groupColumns.joined(separator: " / "))中的\(rosterColumn)",
            en: "\(column) '\(text)' belongs to another \(groupColumns.joined(separator: " / ")): \(differing.map { "\($0.column) '\($0.roster)' on the roster, '\($0.row)' on this row" }.joined(separator: ", ")); expected a \(rosterColumn) of the row's \(groupColumns.joined(separator: " / "))")
    }

    // MARK: workers and groups

    static func notOnRoster(_ column: String, _ id: String, roster: String, idName: String, suggestion: String) -> String {
        bilingual(
            zh: "\(column)“\(id)”不在花名册（\(roster)）上；应为花名册中的\(idName)\(suggestion)",
            en: "\(column) '\(id)' is not on the roster (\(roster)); expected a \(idName) of the roster\(suggestion)")
    }

    /// `ownRoster`: the row's month's roster where it is not the period's last.
    static func notOnLastRoster(_ column: String, _ id: String, period: PeriodKind, lastRoster: String, ownRoster: String?,
                                idName: String, suggestion: String) -> String {
        bilingual(
            zh: "\(column)“\(id)”不在\(period.lastRosterLabel)（\(lastRoster)）上\(ownRoster.map { "，也不在本月花名册（\($0)）上" } ?? "")；应为花名册中的\(idName)\(suggestion)",
            en: "\(column) '\(id)' is not on the \(period.rawValue)'s last roster (\(lastRoster))\(ownRoster.map { " nor on the roster of its month (\($0))" } ?? ""); expected a \(idName) of the roster\(suggestion)")
    }

    static func leftBeforePeriodEnd(_ id: String, period: PeriodKind, month: String, ownRoster: String, lastRoster: String) -> String {
        bilingual(
            zh: "已不在\(period.lastRosterLabel)：网格员“\(id)”在 \(month) 的花名册（\(ownRoster)）上，但不在\(period.lastRosterLabel)（\(lastRoster)）上；这一行不计入",
            en: "已不在\(period.lastRosterLabel): worker '\(id)' is on the roster of \(month) (\(ownRoster)) but not on the \(period.rawValue)'s last roster (\(lastRoster)); the row is not counted")
    }

    static func groupNotOnRoster(_ column: String, _ value: String, roster: String, groupName: String, suggestion: String) -> String {
        bilingual(
            zh: "\(column)“\(value)”不在花名册任何一行上（\(roster) 的\(groupName)列）；应为花名册中的\(groupName)\(suggestion)",
            en: "\(column) '\(value)' is on no roster row (\(roster) column \(groupName)); expected a \(groupName) of the roster\(suggestion)")
    }

    static func rowsOfLeftOutWorker(_ n: Int, worker: String, roster: String, line: Int) -> String {
        bilingual(
            zh: "网格员“\(worker)”的 \(n) 行未检查：该网格员的花名册行（\(roster) 第\(line)行）因那里报告的问题被剔除",
            en: "\(n) row\(n == 1 ? " of worker '\(worker)' was" : "s of worker '\(worker)' were") not checked: the worker's roster row (\(roster) line \(line)) was left out because of the problem reported there")
    }

    static func rowsOfLeftOutGroup(_ n: Int, column: String, value: String, roster: String, line: Int) -> String {
        bilingual(
            zh: "\(column)“\(value)”的 \(n) 行未检查：花名册中写它的各行都被剔除（第一行在 \(roster) 第\(line)行），原因见那里报告的问题",
            en: "\(n) row\(n == 1 ? " of \(column) '\(value)' was" : "s of \(column) '\(value)' were") not checked: every roster row naming it was left out (the first at \(roster) line \(line)) because of the problem reported there")
    }

    /// The rows of several left-out workers (groups) of one file: the first five named.
    static func rowsOfLeftOutWorkers(_ n: Int, workers: [String], roster: String, lines: String) -> String {
        let shown = workers.prefix(5), more = workers.count > 5
        return bilingual(
            zh: "网格员\(shown.map { "“\($0)”" }.joined(separator: "、"))\(more ? "等 \(workers.count) 人" : "（共 \(workers.count) 人）")的 \(n) 行未检查：他们的花名册行（\(roster) 第 \(lines) 行）因那里报告的问题被剔除",
            en: "\(n) row\(n == 1 ? "" : "s") of \(workers.count) workers (\(shown.map { "'\($0)'" }.joined(separator: ", "))\(more ? ", …" : "")) \(n == 1 ? "was" : "were") not checked: their roster rows (\(roster) lines \(lines)) were left out because of the problems reported there")
    }

    static func rowsOfLeftOutGroups(_ n: Int, column: String, values: [String], roster: String, lines: String) -> String {
        let shown = values.prefix(5), more = values.count > 5
        return bilingual(
            zh: "\(column)\(shown.map { "“\($0)”" }.joined(separator: "、"))\(more ? "等 \(values.count) 个" : "（共 \(values.count) 个）")的 \(n) 行未检查：花名册中写它们的各行都被剔除（\(roster) 第 \(lines) 行），原因见那里报告的问题",
            en: "\(n) row\(n == 1 ? "" : "s") of \(values.count) values of \(column) (\(shown.map { "'\($0)'" }.joined(separator: ", "))\(more ? ", …" : "")) \(n == 1 ? "was" : "were") not checked: every roster row naming them was left out (\(roster) lines \(lines)) because of the problems reported there")
    }

    static func groupValueDiffers(_ column: String, value: String, groupName: String, group: String, firstLine: Int, firstValue: String) -> String {
        bilingual(
            zh: "\(column)为“\(value)”，但\(groupName)“\(group)”的第一位成员（第\(firstLine)行）写的是“\(firstValue)”；同一\(groupName)应只有一个\(column)",
            en: "\(column) is '\(value)', but the first member of \(groupName) '\(group)' (line \(firstLine)) gives '\(firstValue)'; expected one \(column) per \(groupName)")
    }

    static func groupWithoutRow(_ groupName: String, _ group: String, roster: String, rosterLine: Int, file: String) -> String {
        bilingual(
            zh: "\(groupName)“\(group)”（\(roster) 第\(rosterLine)行）在 \(file) 中没有行；花名册上的每个\(groupName)都应有一行",
            en: "\(groupName) '\(group)' (\(roster) line \(rosterLine)) has no row in \(file); expected a row for every \(groupName) on the roster")
    }

    static func groupWithoutRowFor(_ groupName: String, _ group: String, roster: String, rosterLine: Int, column: String, value: String,
                                   file: String, values: [String]) -> String {
        bilingual(
            zh: "\(groupName)“\(group)”（\(roster) 第\(rosterLine)行）在 \(file) 中没有\(column)为“\(value)”的行；\(values.joined(separator: " / ")) 每一项都应有一行",
            en: "\(groupName) '\(group)' (\(roster) line \(rosterLine)) has no row for \(column) '\(value)' in \(file); expected a row for each of \(values.joined(separator: " / "))")
    }

    // MARK: keys and the file as a whole

    /// `firstFile`: the file where the key was first used, when it is not this one.
    static func duplicateKey(_ names: String, values: [String], firstFile: String?, firstLine: Int, in period: PeriodKind?) -> String {
        bilingual(
            zh: "\(names)“\(values.joined(separator: "、"))”重复：已在\(firstFile.map { " \($0):\(firstLine) " } ?? "第\(firstLine)行")用过；\(period.map { "在\($0.one)内" } ?? "")每个值只应出现一次",
            en: "duplicate \(names) '\(values.joined(separator: ", "))': already used at \(firstFile.map { "\($0):\(firstLine)" } ?? "line \(firstLine)"); expected each to appear once\(period.map { " in the \($0.rawValue)" } ?? "")")
    }

    static func duplicateColumn(_ column: String) -> String {
        bilingual(
            zh: "表头中“\(column)”列出现了两次",
            en: "the column '\(column)' appears twice in the header")
    }

    static func missingColumnNear(_ column: String, near: String) -> String {
        bilingual(
            zh: "缺少“\(column)”列：表头此处为“\(near)”，是否写错？表头应写“\(column)”",
            en: "missing column '\(column)': the header has '\(near)' here; is it misspelt? Expected the header to name '\(column)'")
    }

    static func missingColumn(_ column: String, header: [String]) -> String {
        bilingual(
            zh: "缺少“\(column)”列；表头为：\(InputExcerpt.show(header.joined(separator: "、"), limit: 200))",
            en: "missing column '\(column)'; the header has: \(InputExcerpt.show(header.joined(separator: ", "), limit: 200))")
    }

    static func emptyFile(_ file: String, columns: [String]) -> String {
        bilingual(
            zh: "\(file) 是空文件（没有表头）；应有表头（\(InputExcerpt.show(columns.joined(separator: "、"), limit: 120))）和每条记录一行；没有数据的导出文件也应有表头",
            en: "\(file) is empty (no header row); expected the header (\(InputExcerpt.show(columns.joined(separator: ", "), limit: 120))) and one row per record; an export without rows still has its header")
    }

    static func rosterWithoutWorkers(_ file: String) -> String {
        bilingual(
            zh: "\(file) 只有表头，没有网格员；应每位网格员一行",
            en: "\(file) has a header but no workers; expected one row per worker")
    }

    /// `lines`: where they are (`202–10001`), empty where none has a line; `past`: lines past those.
    static func moreErrors(_ count: Int, file: String, listed: Int, lines: String, past: Int) -> String {
        bilingual(
            zh: "\(file) 另有 \(count) 个错误未列出（\(lines.isEmpty ? "" : "第 \(lines) 行\(past > 0 ? "，另有 \(past) 行" : "")；")每个文件只列出前 \(listed) 个错误）；请先改正已列出的，再运行查看其余的",
            en: "and \(count) more error\(count == 1 ? "" : "s") in \(file)\(lines.isEmpty ? "" : " (lines \(lines)\(past > 0 ? " and \(past) more" : ""))"), not listed (a file's first \(listed) errors are listed); correct those and run again to see the rest")
    }

    static func tableWithoutRows(_ file: String, table: String) -> String {
        bilingual(
            zh: "\(file) 只有表头，没有数据行：表“\(table)”本期不计任何内容",
            en: "\(file) has a header but no rows: nothing of table '\(table)' counts this period")
    }
}
