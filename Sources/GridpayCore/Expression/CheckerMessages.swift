/// Every message the expression checker reports, one function per kind of problem (as cel-go's
/// checker/errors.go and the rule loader's `RuleMessages`), so the wording of a kind lives in one
/// place beside its name and two checks of one kind cannot drift apart. Each says what is wrong and
/// what was expected; the checker gives where. `RuleMessageFixtureTests` keeps a bad-rule fixture
/// `checker-<function>` per function here, and each body is one bilingual(zh:en:) whose texts the
/// test matches against that fixture's messages. (Syntax errors inside an expression: `ParserMessages`.)
enum CheckerMessages {
    /// Which operand of a binary operator is of the wrong type.
    enum Side: String {
        case left, right
        var label: String { self == .left ? "左边" : "右边" }
    }

    // MARK: the whole expression

    static func expectedType(of what: String, expected: ValueType, found: ValueType) -> String {
        bilingual(zh: "\(what)应为\(expected.label)，但这个表达式是\(found.label)",
                  en: "\(what) must be \(expected), but this expression is \(found)")
    }

    static func cycle(_ name: String, path: [String]) -> String {
        bilingual(zh: "“\(name)”依赖它自己：\(path.joined(separator: " → "))；请打断这个循环",
                  en: "'\(name)' depends on itself: \(path.joined(separator: " → ")); break the cycle")
    }

    // MARK: optional columns (OptionalGuards)

    static func optionalInArithmetic(_ column: String) -> String {
        bilingual(zh: "列“\(column)”是可选列（optional = true），可能为空，对空单元格做算术会使本次运行在该行失败；请先判断：has(\(column)) and …、is_empty(\(column)) or …，或 if has(\(column)) then … else <默认值>",
                  en: "column '\(column)' is optional (optional = true) and may be empty, and arithmetic on an empty cell fails the run at that row; test it first: has(\(column)) and …, is_empty(\(column)) or …, or if has(\(column)) then … else <a default>")
    }

    static func optionalInComparison(_ column: String) -> String {
        bilingual(zh: "列“\(column)”是可选列（optional = true），可能为空，比较空单元格会使本次运行在该行失败；请先判断：has(\(column)) and …、is_empty(\(column)) or …，或 if has(\(column)) then … else <默认值>",
                  en: "column '\(column)' is optional (optional = true) and may be empty, and comparing an empty cell fails the run at that row; test it first: has(\(column)) and …, is_empty(\(column)) or …, or if has(\(column)) then … else <a default>")
    }

    // MARK: names

    static func eachOutside() -> String {
        bilingual(zh: "“each”只在 mean_each()、sum_each()、min_each() 或 max_each() 之内代表选项列的一个值",
                  en: "'each' stands for a value of a choice column only inside mean_each(), sum_each(), min_each() or max_each()")
    }

    static func daysInMonth(assessedBy period: PeriodKind) -> String {
        bilingual(zh: "days_in_month 是一个月的天数，但本镇按\(period.label)考核；请用 days_in_period（本次运行的这个\(period.label)的天数）",
                  en: "days_in_month is the length of a month, but this town is assessed by \(period.rawValue); use days_in_period (the days of the \(period.rawValue) being run)")
    }

    /// In a row expression; `names` are what the row can see, `isWorkerValue` whether the name is a per-worker value.
    static func unknownColumn(_ name: String, of table: String, among names: [String], isWorkerValue: Bool) -> String {
        bilingual(zh: "未知的名称“\(name)”：不是表“\(table)”的列\(rowNameHint(name, table, names, isWorkerValue))",
                  en: "unknown name '\(name)': not a column of table '\(table)'\(rowNameHint(name, table, names, isWorkerValue))")
    }

    static func tableAsValue(_ table: String) -> String {
        bilingual(zh: "“\(table)”是一张表；请在 count(\(table))、sum(\(table), …)、mean(…) 或 distinct(…) 之内使用",
                  en: "'\(table)' is a table; use it inside count(\(table)), sum(\(table), …), mean(…) or distinct(…)")
    }

    static func unknownName(_ name: String, among names: [String]) -> String {
        bilingual(zh: "未知的名称“\(name)”\(Suggestion.didYouMean(name, among: names))",
                  en: "unknown name '\(name)'\(Suggestion.didYouMean(name, among: names))")
    }

    static func namedArgument(_ name: String) -> String {
        bilingual(zh: "“\(name) = …”是给参数命名，只有 consecutive() 接受（missing = true 或 false）",
                  en: "'\(name) = …' names an argument, which only consecutive() takes (missing = true or false)")
    }

    // MARK: operators

    static func negateNeedsNumber(found: ValueType) -> String {
        bilingual(zh: "“-”需要数字，但这里是\(found.label)", en: "'-' needs a number, but this is \(found)")
    }

    static func notNeedsBool(found: ValueType) -> String {
        bilingual(zh: "“not”需要 true/false 值，但这里是\(found.label)", en: "'not' needs true/false, but this is \(found)")
    }

    static func arithmeticNeedsNumbers(_ op: BinaryOperator, side: Side, found: ValueType) -> String {
        bilingual(zh: "“\(op.rawValue)”需要数字，但\(side.label)是\(found.label)",
                  en: "'\(op.rawValue)' needs numbers, but the \(side.rawValue) side is \(found)")
    }

    static func logicNeedsBools(_ op: BinaryOperator, side: Side, found: ValueType) -> String {
        bilingual(zh: "“\(op.rawValue)”需要 true/false 值，但\(side.label)是\(found.label)",
                  en: "'\(op.rawValue)' needs true/false, but the \(side.rawValue) side is \(found)")
    }

    static func divisionByZero() -> String {
        bilingual(zh: "除以零：这个除数总是 0", en: "division by zero: this divisor is always 0")
    }

    static func cannotCompare(_ left: ValueType, with right: ValueType) -> String {
        bilingual(zh: "\(left.label)不能与\(right.label)比较\(compareHint(left, right))",
                  en: "cannot compare \(left) with \(right)\(compareHint(left, right))")
    }

    static func cannotOrder(_ op: BinaryOperator, _ type: ValueType) -> String {
        bilingual(zh: "“\(op.rawValue)”只比较数字、日期和时间的大小；\(type.label)只能用 == 或 != 比较",
                  en: "'\(op.rawValue)' orders numbers, dates and times; \(type) can only be compared with == or !=")
    }

    static func ifCondition(found: ValueType) -> String {
        bilingual(zh: "“if”的条件必须是 true/false 值，但这里是\(found.label)",
                  en: "the condition of 'if' must be true/false, but this is \(found)")
    }

    static func ifBranches(then a: ValueType, else b: ValueType) -> String {
        bilingual(zh: "“if”的两个分支类型必须相同：“then”得出\(a.label)，“else”得出\(b.label)",
                  en: "both branches of 'if' must have the same type: 'then' gives \(a), 'else' gives \(b)")
    }

    // MARK: literals

    static func gradeLiteral(_ text: String, grades: [String]) -> String {
        bilingual(zh: "“\(text)”不是 [[grades]] 中的等次，等次为 \(grades.joined(separator: " / "))\(Suggestion.didYouMean(text, among: grades))",
                  en: "'\(text)' is not a grade of [[grades]], which are \(grades.joined(separator: " / "))\(Suggestion.didYouMean(text, among: grades))")
    }

    static func choiceLiteral(_ text: String, column: String, values: [String]) -> String {
        bilingual(zh: "“\(text)”不是列“\(column)”的取值，取值为 \(values.joined(separator: " / ")) 之一\(Suggestion.didYouMean(text, among: values))",
                  en: "'\(text)' is not a value of column '\(column)', which is one of \(values.joined(separator: " / "))\(Suggestion.didYouMean(text, among: values))")
    }

    static func datetimeUsage() -> String {
        bilingual(zh: "datetime() 的写法是 datetime(\"YYYY-MM-DD HH:MM\")，时间放在引号里",
                  en: "datetime() is written datetime(\"YYYY-MM-DD HH:MM\") with the time in quotes")
    }

    static func notADate(_ text: String) -> String {
        bilingual(zh: "“\(text)”不是 YYYY-MM-DD 形式的日期，例如 date(\"2026-10-15\")",
                  en: "'\(text)' is not a date YYYY-MM-DD, e.g. date(\"2026-10-15\")")
    }

    static func notADateTime(_ text: String) -> String {
        bilingual(zh: "“\(text)”不是 YYYY-MM-DD HH:MM 或 YYYY-MM-DD HH:MM:SS 形式的时间，例如 datetime(\"2026-10-15 08:30\")",
                  en: "'\(text)' is not a time YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS, e.g. datetime(\"2026-10-15 08:30\")")
    }

    // MARK: calls (scalar functions, from their catalog entries)

    static func unknownFunction(_ name: String, among names: [String]) -> String {
        bilingual(zh: "未知的函数“\(name)”\(Suggestion.didYouMean(name, among: names))",
                  en: "unknown function '\(name)'\(Suggestion.didYouMean(name, among: names))")
    }

    /// `takes` is the catalog entry's own phrase, e.g. "one number"; `usage` its form, e.g. round(x, places).
    static func arity(_ function: String, takes: String, usage: String, given: Int) -> String {
        bilingual(zh: "\(function)() 的写法是 \(usage)，这里却给了 \(given) 个参数",
                  en: "\(function)() takes \(takes), but was given \(given) argument\(given == 1 ? "" : "s")")
    }

    static func notAWholeNumberInPlace(_ argument: String, of function: String, range: ClosedRange<Int>) -> String {
        bilingual(zh: "\(function)() 的\(argumentLabel(argument, of: function))必须直接写成 \(range.lowerBound) 到 \(range.upperBound) 的整数",
                  en: "the \(argument) of \(function)() must be a whole number \(range.lowerBound) to \(range.upperBound) written in place")
    }

    /// `position` counts from 1.
    static func argumentType(_ position: Int, of function: String, expected: ValueType, found: ValueType) -> String {
        bilingual(zh: "\(function)() 的第 \(position) 个参数应为\(expected.label)，却是\(found.label)",
                  en: "argument \(position) of \(function)() must be \(expected), but is \(found)")
    }

    static func presenceNeedsColumnName(_ function: String) -> String {
        bilingual(zh: "\(function)() 的参数是一个列名，例如 \(function)(<可选列>)",
                  en: "\(function)() takes a column name, e.g. \(function)(<optional column>)")
    }

    static func presenceNeedsColumnOfTable(_ function: String) -> String {
        bilingual(zh: "\(function)() 的参数是正在读取的表的一列，例如 \(function)(<可选列>)",
                  en: "\(function)() takes a column of the table being read, e.g. \(function)(<optional column>)")
    }

    static func columnNotOptional(_ column: String) -> String {
        bilingual(zh: "列“\(column)”不是可选列，总有值；如果它可能为空，请声明 optional = true",
                  en: "column '\(column)' is not optional, so it always has a value; declare it with optional = true if it may be empty")
    }

    // MARK: aggregates over a worker's rows (count, sum, …; count_by)

    static func aggregateInRow(_ function: String) -> String {
        bilingual(zh: "\(function)() 按网格员汇总多行，不能用在逐行表达式里",
                  en: "\(function)() adds up rows per worker and cannot be used inside a row expression")
    }

    static func aggregateUsage(_ function: String, readsRowValue: Bool) -> String {
        bilingual(zh: "\(function)() 的写法是 \(function)(\(aggregateArguments(readsRowValue))) 或 \(function)(\(aggregateArguments(readsRowValue)), 条件)",
                  en: "\(function)() is written \(function)(\(aggregateArguments(readsRowValue))) or \(function)(\(aggregateArguments(readsRowValue)), condition)")
    }

    static func aggregateTable(_ function: String) -> String {
        bilingual(zh: "\(function)() 的第一个参数必须是一张输入表的名称",
                  en: "the first argument of \(function)() must be the name of an input table")
    }

    static func aggregateTableUnknown(_ name: String, tables: [String]) -> String {
        bilingual(zh: "\(notACountedTable(name, tables))；表：\(tables.joined(separator: "、"))",
                  en: "\(notACountedTable(name, tables)); tables: \(tables.joined(separator: ", "))")
    }

    static func summedValueType(_ function: String, expected: ValueType, found: ValueType) -> String {
        bilingual(zh: "\(function)() 汇总的值应为\(expected.label)，却是\(found.label)",
                  en: "the value summed by \(function)() must be \(expected), but is \(found)")
    }

    static func conditionNotBool(_ function: String, found: ValueType) -> String {
        bilingual(zh: "\(function)() 的条件必须是 true/false 值，却是\(found.label)",
                  en: "the condition of \(function)() must be true/false, but is \(found)")
    }

    // MARK: count_by (per-key counts)

    static func countByUsage() -> String {
        bilingual(zh: "count_by() 的写法是 count_by(表, 键, 条件) 或 count_by(表, 键, 条件, 行筛选)，例如 count_by(<表>, date(<开始>), sum(minutes_between(<开始>, <结束>)) >= 60)",
                  en: "count_by() is written count_by(table, key, condition) or count_by(table, key, condition, row filter), e.g. count_by(<table>, date(<start>), sum(minutes_between(<start>, <end>)) >= 60)")
    }

    /// `given`: the name written as the first argument, if it was a name.
    static func countByTable(given: String?, tables: [String]) -> String {
        bilingual(zh: "\(given.map { notACountedTable($0, tables) + "；" } ?? "")count_by() 的第一个参数必须是一张输入表；表：\(tables.joined(separator: "、"))",
                  en: "\(given.map { notACountedTable($0, tables) + "; " } ?? "")the first argument of count_by() must be an input table; tables: \(tables.joined(separator: ", "))")
    }

    static func countByKey() -> String {
        bilingual(zh: "count_by() 的键用来给行分组（例如日期）；true/false 值不能作键",
                  en: "the key of count_by() groups rows (e.g. a date); true/false is not a key")
    }

    static func countByFilter(found: ValueType) -> String {
        bilingual(zh: "count_by() 的行筛选必须是 true/false 值，却是\(found.label)",
                  en: "the row filter of count_by() must be true/false, but is \(found)")
    }

    static func countByCount() -> String {
        bilingual(zh: "在 count_by() 之内，count() 计的是同一个键的行数，不带参数",
                  en: "inside count_by(), count() counts the rows of one key and takes no arguments")
    }

    static func countBySumUsage(_ function: String) -> String {
        bilingual(zh: "在 count_by() 之内，\(function)() 只带该行的一个值，例如 \(function)(minutes_between(<开始>, <结束>))",
                  en: "inside count_by(), \(function)() takes one value of the row, e.g. \(function)(minutes_between(<start>, <end>))")
    }

    static func countByName(_ name: String) -> String {
        bilingual(zh: "count_by() 的条件里不能读取“\(name)”：条件只能看到同一个键各行的 sum(值) 和 count()，以及常量",
                  en: "'\(name)' cannot be read in the condition of count_by(): it sees only sum(value) and count() over the rows of one key, and constants")
    }

    static func countByNoAggregate() -> String {
        bilingual(zh: "count_by() 的条件必须用到同一个键各行的 sum(值) 或 count()",
                  en: "the condition of count_by() must use sum(value) or count() over the rows of one key")
    }

    // MARK: group functions and *_each()

    static func groupInRow(_ function: String) -> String {
        bilingual(zh: "\(function)() 在网格员之间比较，不能用在逐行表达式里",
                  en: "\(function)() compares workers and cannot be used inside a row expression")
    }

    static func groupUsage(_ function: String, keyed: Bool, readsValue: Bool) -> String {
        bilingual(zh: "\(function)() 的写法是 \(groupForm(function, keyed, readsValue))",
                  en: "\(function)() is written \(groupForm(function, keyed, readsValue))")
    }

    /// The per-worker value of a group function or of *_each().
    static func valueNotANumber(_ function: String, found: ValueType) -> String {
        bilingual(zh: "\(function)() 的值必须是数字，却是\(found.label)", en: "the value of \(function)() must be a number, but is \(found)")
    }

    static func eachInRow(_ function: String) -> String {
        bilingual(zh: "\(function)() 合并每名网格员的值，不能用在逐行表达式里",
                  en: "\(function)() combines per-worker values and cannot be used inside a row expression")
    }

    static func eachNested(_ function: String) -> String {
        bilingual(zh: "\(function)() 不能嵌套在另一个 *_each() 之内", en: "\(function)() cannot be nested inside another *_each()")
    }

    static func eachUsage(_ function: String) -> String {
        bilingual(zh: "\(function)() 的写法是 \(function)(表, 选项列, 值)，例如 \(function)(quotas, 工作项目, count(services, 工作项目 == each))",
                  en: "\(function)() is written \(function)(table, choice column, value), e.g. \(function)(quotas, 工作项目, count(services, 工作项目 == each))")
    }

    static func eachTable(_ function: String, tables: [String]) -> String {
        bilingual(zh: "\(function)() 的第一个参数必须是一张输入表的名称；表：\(tables.joined(separator: "、"))",
                  en: "the first argument of \(function)() must be the name of an input table; tables: \(tables.joined(separator: ", "))")
    }

    /// `choices`: the table's choice columns.
    static func eachColumn(_ function: String, table: String, choices: [String]) -> String {
        bilingual(zh: "\(function)() 的第二个参数必须是 \(table) 的选项列\(choices.isEmpty ? "" : "（" + choices.joined(separator: "、") + "）")；它逐一取该列的各个值",
                  en: "the second argument of \(function)() must be a choice column of \(table)\(choices.isEmpty ? "" : " (" + choices.joined(separator: ", ") + ")"); it goes over that column's values")
    }

    // MARK: consecutive()

    static func consecutiveInRow() -> String {
        bilingual(zh: "consecutive() 要看以前各期，不能用在逐行表达式里",
                  en: "consecutive() looks at earlier periods and cannot be used inside a row expression")
    }

    static func consecutiveUsage() -> String {
        bilingual(zh: "consecutive() 的写法是 consecutive(名称, 期数) 或 consecutive(名称, 期数, missing = false)，例如 consecutive(末位, 3)",
                  en: "consecutive() is written consecutive(name, periods) or consecutive(name, periods, missing = false), e.g. consecutive(末位, 3)")
    }

    static func consecutiveMissing() -> String {
        bilingual(zh: "consecutive() 的第三个参数写作 missing = true 或 missing = false：缺少结果的一期按什么算",
                  en: "the third argument of consecutive() is written missing = true or missing = false: what a period whose results are missing counts as")
    }

    static func consecutiveName() -> String {
        bilingual(zh: "consecutive() 的第一个参数必须是 [values] 中一个 true/false 值的名称",
                  en: "the first argument of consecutive() must be the name of a true/false value from [values]")
    }

    static func consecutiveUnknown(_ name: String, among values: [String]) -> String {
        bilingual(zh: "“\(name)”不是 [values] 中定义的值\(Suggestion.didYouMean(name, among: values))",
                  en: "'\(name)' is not a value defined in [values]\(Suggestion.didYouMean(name, among: values))")
    }

    static func consecutiveType(_ name: String, found: ValueType) -> String {
        bilingual(zh: "consecutive() 需要 true/false 值，但“\(name)”是\(found.label)",
                  en: "consecutive() needs a true/false value, but '\(name)' is \(found)")
    }

    // MARK: parts of messages

    private static func rowNameHint(_ name: String, _ table: String, _ names: [String], _ isWorkerValue: Bool) -> String {
        let hint = Suggestion.didYouMean(name, among: names)
        guard hint.isEmpty, isWorkerValue else { return hint }
        return bilingual(zh: "；“\(name)”是每名网格员的值，逐行读取 \(table) 时不能使用",
                         en: "; '\(name)' is a per-worker value and cannot be used while reading single rows of \(table)")
    }

    private static func compareHint(_ left: ValueType, _ right: ValueType) -> String {
        switch Set([left, right]) {
        case [.date, .text]: bilingual(zh: "；规则文件里的日期请写成 date(\"2026-10-15\")", en: "; write a date in the rule file as date(\"2026-10-15\")")
        case [.datetime, .text]: bilingual(zh: "；规则文件里的时间请写成 datetime(\"2026-10-15 08:30\")", en: "; write a time in the rule file as datetime(\"2026-10-15 08:30\")")
        case [.datetime, .date]: bilingual(zh: "；date(时间) 得出时间所在的日期", en: "; date(time) gives the date of a time")
        default: ""
        }
    }

    private static func notACountedTable(_ name: String, _ tables: [String]) -> String {
        bilingual(zh: "“\(name)”不是用来计行的输入表\(Suggestion.didYouMean(name, among: tables))",
                  en: "'\(name)' is not an input table that rows are counted in\(Suggestion.didYouMean(name, among: tables))")
    }

    /// A whole-number argument as the Chinese names it: round()'s decimals, consecutive()'s periods.
    private static func argumentLabel(_ argument: String, of function: String) -> String {
        switch function {
        case "round": "小数位数"
        case "consecutive": "期数"
        default: " \(argument) "
        }
    }

    private static func aggregateArguments(_ readsRowValue: Bool) -> String {
        readsRowValue ? bilingual(zh: "表, 值", en: "table, value") : bilingual(zh: "表", en: "table")
    }

    private static func groupForm(_ function: String, _ keyed: Bool, _ readsValue: Bool) -> String {
        switch (keyed, readsValue) {
        case (true, true): bilingual(zh: "\(function)(分组, 值)，例如 \(function)(网格编号, x)", en: "\(function)(group, value), e.g. \(function)(网格编号, x)")
        case (true, false): bilingual(zh: "\(function)(分组)", en: "\(function)(group)")
        case (false, true): bilingual(zh: "\(function)(值)", en: "\(function)(value)")
        case (false, false): "\(function)()"
        }
    }
}
