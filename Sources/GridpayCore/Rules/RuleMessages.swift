/// Every message the rule loader reports, one function per kind of problem (as cel-go's
/// checker/errors.go), so the wording of a kind lives in one place beside its name. Each says
/// what is wrong and what was expected; the caller gives where. `RuleMessageFixtureTests` keeps
/// one bad-rule fixture per function here (with its English and Chinese texts): a new kind needs
/// a fixture, or that test fails. The catalogue is one enum in three files (each under 400 lines):
/// this one (any section, [rules], [tables], columns, [roster]), RuleScoringMessages.swift (names,
/// items, grades, awards, ratings) and RuleSheetMessages.swift (sheets, [[tests]]).
/// (Syntax errors are `TOMLMessages`; errors inside expressions are `CheckerMessages` and `ParserMessages`;
/// errors while evaluating are `EvaluationMessages`; the places messages name are `RulePlaces`.)
enum RuleMessages {
    typealias Location = SourceLocation

    /// What is wrong with a date of [calendar] (badCalendarDay).
    enum DayProblem { case notADate, weekday, weekend }

    // MARK: any section (TOMLSection)

    static func unknownKey(_ key: String, in path: String, allowed: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 中有未知的键“\(key)”\(Suggestion.didYouMean(key, among: allowed))；允许的键：\(allowed.joined(separator: "、"))",
                         en: "unknown key '\(key)' in \(path)\(Suggestion.didYouMean(key, among: allowed)); allowed keys: \(allowed.joined(separator: ", "))"),
               at: loc, length: key.count)
    }

    static func missingKey(_ key: String, in path: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 缺少键“\(key)”", en: "\(path) needs the key '\(key)'"), at: loc)
    }

    static func notAString(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 中的“\(key)”必须是加引号的字符串，却是\(kind)", en: "'\(key)' in \(path) must be a string in quotes, but is \(kind)"), at: loc)
    }

    static func notANumber(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 中的“\(key)”必须是数字，却是\(kind)", en: "'\(key)' in \(path) must be a number, but is \(kind)"), at: loc)
    }

    static func notANumberOrNone(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 中的“\(key)”必须是数字或 \"none\"，却是\(kind)", en: "'\(key)' in \(path) must be a number or \"none\", but is \(kind)"), at: loc)
    }

    static func notABool(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 中的“\(key)”必须是 true 或 false，却是\(kind)", en: "'\(key)' in \(path) must be true or false, but is \(kind)"), at: loc)
    }

    static func notATable(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 中的“\(key)”必须是表，却是\(kind)", en: "'\(key)' in \(path) must be a table, but is \(kind)"), at: loc)
    }

    static func notAnArrayOfTables(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 中的“\(key)”必须写成 [[…\(key)]] 小节，却是\(kind)",
                         en: "'\(key)' in \(path) must be written as [[…\(key)]] sections, but is \(kind)"), at: loc)
    }

    static func entryNotATable(of key: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "“\(key)”的每一项都必须是表，这一项却是\(kind)", en: "each entry of '\(key)' must be a table, but this is \(kind)"), at: loc)
    }

    static func notAnArray(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 中的“\(key)”必须是数组 [ … ]，却是\(kind)", en: "'\(key)' in \(path) must be an array [ … ], but is \(kind)"), at: loc)
    }

    // MARK: [rules]

    static func townNotPlain(_ why: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "town \(why)；应为一个简单名称（它对应 Rules/<town>.toml 和 Input/<town>/），例如 \"qinghe\"",
                         en: "town \(why); expected a plain name (it names Rules/<town>.toml and Input/<town>/), e.g. \"qinghe\""), at: loc)
    }

    static func badEffectiveFrom(_ text: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "effective_from 必须是 YYYY-MM 形式的月份，却是“\(text)”", en: "effective_from must be a month YYYY-MM, found '\(text)'"), at: loc)
    }

    static func badMonthStartsOn(_ shown: String, latest: Int, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "month_starts_on 必须是 1 到 \(latest) 之间的一天（26 表示 2026-10 月从 2026-09-26 算到 2026-10-25），却是 \(shown)",
                         en: "month_starts_on must be a day from 1 to \(latest) (26: the month 2026-10 runs from 2026-09-26 to 2026-10-25), but is \(shown)"), at: loc)
    }

    static func badShorterPeriod(_ key: String, _ text: String, assessedBy kind: PeriodKind, at loc: Location) -> Diagnostic {
        let shorter = [PeriodKind.month, .quarter, .halfYear].filter { CalendarPeriod.length(of: $0) < CalendarPeriod.length(of: kind) }
        let quoted = shorter.map { "\"\($0.rawValue)\"" }
        return .error(bilingual(zh: "\(key) 必须是比本镇考核期（\(kind.label)）短的期间：\(shorter.isEmpty ? "没有（本镇按月考核）" : quoted.joined(separator: "、"))；却是“\(text)”",
                                en: "\(key) must be a period shorter than the town's \(kind.rawValue): \(shorter.isEmpty ? "none (the town is assessed by month)" : quoted.joined(separator: ", ")); found '\(text)'"),
                      at: loc)
    }

    static func summaryIsPreliminary(_ kind: PeriodKind, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "[period_summary] 的 period \"\(kind.rawValue)\" 同时也是 [rules] 的 preliminary；\(kind.one)要么考核排名，要么只做汇总，不能两者都是",
                         en: "[period_summary] period \"\(kind.rawValue)\" is also [rules] preliminary; a \(kind.rawValue) is either assessed and ranked or summarised, not both"), at: loc)
    }

    static func badAssessmentPeriod(_ text: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "period（考核期）必须是 \"month\"、\"quarter\"、\"half-year\" 或 \"year\"，却是“\(text)”",
                         en: "period (the assessment period) must be \"month\", \"quarter\", \"half-year\" or \"year\", found '\(text)'"), at: loc)
    }

    // MARK: [tables.<name>]

    static func tableNotATable(_ name: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "tables.\(name) 必须是表", en: "tables.\(name) must be a table"), at: loc)
    }

    static func fileNotPlain(_ why: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "file \(why)；应为本期输入文件夹中一个文件的简单名称，例如 \"events.csv\"",
                         en: "file \(why); expected the plain name of a file in the period's input folder, e.g. \"events.csv\""), at: loc)
    }

    static func badEncoding(_ text: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "encoding 必须是 \"utf-8\"、\"gb18030\"（GBK 文件按 GB18030 读）或 \"utf-16\"（带字节顺序标记），却是“\(text)”",
                         en: "encoding must be \"utf-8\", \"gb18030\" (GBK files are GB18030) or \"utf-16\" (with a byte-order mark), found '\(text)'"), at: loc)
    }

    static func formKeyNotForType(_ key: String, column: String, type: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(key) 用于 \(type) 类型的列；列“\(column)”不是", en: "\(key) is for a column of type \(type); column '\(column)' is not one"), at: loc)
    }

    static func badFormat(_ pattern: String, _ why: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "格式 \"\(pattern)\" 无法读取：\(why)", en: "the format \"\(pattern)\" cannot be read: \(why)"), at: loc)
    }

    static func noFormats(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "formats 为空；至少要有一个格式，例如 [\"yyyy/M/d\"]", en: "formats is empty; expected at least one pattern, e.g. [\"yyyy/M/d\"]"), at: loc)
    }

    static func formatNotText(is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "格式必须是加引号的写法，例如 \"yyyy/M/d H:mm\"，却是\(kind)", en: "a format must be a pattern in quotes, e.g. \"yyyy/M/d H:mm\", but is \(kind)"), at: loc)
    }

    static func badThousands(_ text: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "thousands 必须是 \",\"（每三位数字分组的分隔符，如 2,400.00），却是“\(text)”",
                         en: "thousands must be \",\" (the separator grouping digits in threes, as in 2,400.00), found '\(text)'"), at: loc)
    }

    static func badDurationUnit(_ text: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "unit 必须是 \"minutes\" 或 \"hours\"（时长的计量单位），却是“\(text)”",
                         en: "unit must be \"minutes\" or \"hours\" (what a duration is counted in), found '\(text)'"), at: loc)
    }

    static func badTableFormat(_ text: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "format 必须是 \"csv\"（默认）、\"xlsx\"（工作簿）或 \"xls\"（旧版工作簿），却是“\(text)”",
                         en: "format must be \"csv\" (the default), \"xlsx\" (a workbook) or \"xls\" (a legacy workbook), found '\(text)'"), at: loc)
    }

    static func sheetOfACSVFile(_ table: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "sheet 指工作簿中的工作表，但表 \(table) 是 CSV 文件；应在同一表中写 format = \"xlsx\" 或 \"xls\"，或者不写 sheet",
                         en: "sheet names a sheet of a workbook, but table \(table) is a CSV file; expected format = \"xlsx\" or \"xls\" in the same table, or no sheet"), at: loc)
    }

    static func emptySheetName(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "sheet 为空；应为要读取的工作表名称，例如 \"巡查记录\"（不写这个键则读第一个工作表）",
                         en: "sheet is empty; expected the name of the workbook's sheet to read, e.g. \"巡查记录\" (without the key: the first sheet)"), at: loc)
    }

    static func badDelimiter(_ text: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "delimiter 必须是 \",\"（逗号）、\"\\t\"（制表符）或 \";\"（分号），却是“\(text)”",
                         en: "delimiter must be \",\" (comma), \"\\t\" (tab) or \";\" (semicolon), found '\(text)'"), at: loc)
    }

    static func badHeaderRow(_ kind: String, highest: Int, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "header_row 必须是 1 到 \(highest) 的整数（表头所在的行，从 1 数起），却是\(kind)",
                         en: "header_row must be a whole number from 1 to \(highest) (the row of the header, counted from 1), but is \(kind)"), at: loc)
    }

    static func emptyTotalsRow(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "totals_row 为空；应为导出文件合计行开头的文字，例如 \"合计\"",
                         en: "totals_row is empty; expected the word the export's totals row starts with, e.g. \"合计\""), at: loc)
    }

    static func badUnknownWorkers(_ text: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "unknown_workers 必须是 \"leave-out\"（不在名册上的人的行列为警告、不计入；不写这个键则为错误），却是“\(text)”",
                         en: "unknown_workers must be \"leave-out\" (rows of people not on the roster are then listed as warnings and not counted; without the key they are errors), found '\(text)'"), at: loc)
    }

    static func columnDeclaredTwice(_ column: String, in table: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "表 \(table) 中列“\(column)”声明了两次", en: "column '\(column)' is declared twice in table \(table)"), at: loc)
    }

    static func groupNotAColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "group 指定的“\(name)”不是表 \(table.name) 的列\(didYouMean(name, table))",
                         en: "group names '\(name)', which is not a column of table \(table.name)\(didYouMean(name, table))"), at: loc)
    }

    static func groupOnRoster(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "group 用于输入表，不用于名册；名册的分组由 [roster] 的 group 指定",
                         en: "group is for input tables, not the roster; the roster's groups are its [roster] group column"), at: loc)
    }

    static func workerNotAColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "worker 指定的“\(name)”不是表 \(table.name) 的列\(didYouMean(name, table))",
                         en: "worker names '\(name)', which is not a column of table \(table.name)\(didYouMean(name, table))"), at: loc)
    }

    static func completeNotAChoice(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "complete 指定的“\(name)”不是 \(table.name) 的选项列；每个分组对选项列的每个取值都要有一行",
                         en: "complete names '\(name)', which is not a choice column of \(table.name); every group needs a row for every value of a choice column"), at: loc)
    }

    static func completeNotAColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "complete 指定的“\(name)”不是表 \(table.name) 的列\(didYouMean(name, table))",
                         en: "complete names '\(name)', which is not a column of table \(table.name)\(didYouMean(name, table))"), at: loc)
    }

    static func badComplete(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "complete 为 true（每个分组都有一行）或一个选项列的名称（每个分组对它的每个取值都有一行）",
                         en: "complete is true (every group has a row) or the name of a choice column (every group has a row for each of its values)"), at: loc)
    }

    static func completeWithoutGroup(_ table: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "complete 只用于按分组登记的表；请在 [tables.\(table)] 中声明 group = \"<列>\"",
                         en: "complete applies to a table keyed by group; declare group = \"<column>\" in [tables.\(table)]"), at: loc)
    }

    static func uniqueNotAColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "唯一键指定的“\(name)”不是 \(table.name) 的列\(didYouMean(name, table))",
                         en: "unique key names '\(name)', which is not a column of \(table.name)\(didYouMean(name, table))"), at: loc)
    }

    static func tableNeedsWorkerOrGroup(_ table: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "表 \(table) 需要 'worker = \"<列>\"'（标明每行属于哪位网格员的列）或 'group = \"<列>\"'（标明分组的列，与 [roster] 的 group 对应）",
                         en: "table \(table) needs 'worker = \"<column>\"' (the column that names the worker each row belongs to) or 'group = \"<column>\"' (the column that names the group, matched against [roster] group)"), at: loc)
    }

    static func noTables(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "规则文件没有声明任何 [tables.<名称>] 输入", en: "the rule file declares no [tables.<name>] inputs"), at: loc)
    }

    // MARK: columns of a table

    static func columnNotATable(of table: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(table) 的每一列写作 { name = \"…\", type = \"…\" }，这一列却是\(kind)",
                         en: "each column of \(table) is written { name = \"…\", type = \"…\" }, but this is \(kind)"), at: loc)
    }

    static func choiceValueNotText(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "选项列的取值必须是字符串", en: "the values of a choice column are strings"), at: loc)
    }

    static func choiceWithoutValues(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "选项列需要 values = [\"…\", …]", en: "a choice column needs values = [\"…\", …]"), at: loc)
    }

    static func unknownColumnType(_ type: String, types: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "未知的列类型“\(type)”\(Suggestion.didYouMean(type, among: types))；可用类型：\(types.joined(separator: "、"))",
                         en: "unknown column type '\(type)'\(Suggestion.didYouMean(type, among: types)); types: \(types.joined(separator: ", "))"),
               at: loc, length: type.count)
    }

    // MARK: cell rules of a column (required_when, empty_when, on_roster, same_on_roster)

    static func conditionOnRoster(_ key: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(key) 用于输入表，不用于名册", en: "\(key) is for input tables, not the roster"), at: loc)
    }

    static func onRosterOnRoster(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "on_roster 用于输入表，不用于名册本身", en: "on_roster is for input tables, not the roster itself"), at: loc)
    }

    static func onRosterNotARosterColumn(_ name: String, roster: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "on_roster 指定的“\(name)”不是名册（\(roster.name)）的列\(didYouMean(name, roster))",
                         en: "on_roster names '\(name)', which is not a column of the roster (\(roster.name))\(didYouMean(name, roster))"), at: loc)
    }

    static func onRosterNotText(column: String, rosterColumn: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "on_roster 比较的是文字：“\(column)”和名册的“\(rosterColumn)”都必须是 id、text 或 choice 列",
                         en: "on_roster compares text: '\(column)' and the roster's '\(rosterColumn)' must be id, text or choice columns"), at: loc)
    }

    static func sameOnRosterNotText(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "same_on_roster 列出加引号的列名", en: "same_on_roster lists column names in quotes"), at: loc)
    }

    static func sameOnRosterNotInBoth(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "same_on_roster 指定的“\(name)”必须既是 \(table.name) 的列又是名册的列\(didYouMean(name, table))",
                         en: "same_on_roster names '\(name)', which must be a column of both \(table.name) and the roster\(didYouMean(name, table))"), at: loc)
    }

    static func sameOnRosterWithoutOnRoster(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "same_on_roster 要求同一列上有 on_roster = \"<名册列>\"", en: "same_on_roster needs on_roster = \"<roster column>\" on the same column"), at: loc)
    }

    // MARK: [[tables.<name>.checks]]

    static func checkColumnNotAColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "column 指定的“\(name)”不是 \(table.name) 的列\(didYouMean(name, table))",
                         en: "column names '\(name)', which is not a column of \(table.name)\(didYouMean(name, table))"), at: loc)
    }

    static func checkMessageNamesNoColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "message 中的 {\(name)} 不是 \(table.name) 的列\(didYouMean(name, table))",
                         en: "the message names {\(name)}, which is not a column of \(table.name)\(didYouMean(name, table))"), at: loc)
    }

    // MARK: [roster]

    static func rosterTableUnknown(_ name: String, tables: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "[roster] 的 table 指定的“\(name)”没有在 [tables] 下声明\(Suggestion.didYouMean(name, among: tables))",
                         en: "[roster] table names '\(name)', which is not declared under [tables]\(Suggestion.didYouMean(name, among: tables))"), at: loc)
    }

    static func rosterColumnUnknown(_ key: String, names name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "[roster] 的 \(key) 指定的“\(name)”不是表 \(table.name) 的列\(didYouMean(name, table))",
                         en: "[roster] \(key) names '\(name)', which is not a column of table \(table.name)\(didYouMean(name, table))"), at: loc)
    }

    static func sameInGroupNotText(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "same_in_group 列出名册的列名", en: "same_in_group lists roster column names"), at: loc)
    }

    static func badCalendarDay(_ key: String, _ text: String, why: DayProblem, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "[calendar] \(key)：\(text) \(dayProblem(why))；日期应写成 YYYY-MM-DD，holidays 应在工作日，worked_weekend_days 应在星期六或星期日",
                         en: "[calendar] \(key): \(text) \(dayProblem(why)); expected dates YYYY-MM-DD, holidays on weekdays and worked_weekend_days on Saturdays or Sundays"), at: loc)
    }

    static func rosterShowNotText(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "show 列出名册的列名（显示在名册四列之后），例如 show = [\"岗位\"]",
                         en: "show lists roster column names (shown after the four roster columns), e.g. show = [\"岗位\"]"), at: loc)
    }

    static func badRosterLabels(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "labels 列出各表名册四列的列名：[编号, 姓名, 单位, 分组]，例如 [\"网格员编号\", \"姓名\", \"村(社区)\", \"网格编号\"]",
                         en: "labels lists the sheets' four roster column labels: [id, name, unit, group], e.g. [\"网格员编号\", \"姓名\", \"村(社区)\", \"网格编号\"]"), at: loc)
    }

    // MARK: helpers (not kinds)

    private static func didYouMean(_ name: String, _ table: TableSpec) -> String {
        Suggestion.didYouMean(name, among: table.columns.map(\.name))
    }

    private static func dayProblem(_ why: DayProblem) -> String {
        switch why {
        case .notADate: bilingual(zh: "不是 YYYY-MM-DD 形式的日期", en: "is not a date YYYY-MM-DD")
        case .weekday: bilingual(zh: "是工作日（本来就上班）", en: "is a weekday (already worked)")
        case .weekend: bilingual(zh: "是星期六或星期日（本来就不上班）", en: "is a Saturday or Sunday (not worked anyway)")
        }
    }
}
