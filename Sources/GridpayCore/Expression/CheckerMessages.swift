/// Every message the expression checker reports, one function per kind of problem (as cel-go's
/// checker/errors.go and the rule loader's `RuleMessages`), so the wording of a kind lives in one
/// place beside its name and two checks of one kind cannot drift apart. Each says what is wrong and
/// what was expected; the checker gives where. `RuleMessageFixtureTests` keeps a bad-rule fixture
/// `checker-<function>` per function here, and each body is one string literal that the test
/// matches against that fixture's message. (Syntax errors inside an expression: `ParserMessages`.)
enum CheckerMessages {
    /// Which operand of a binary operator is of the wrong type.
    enum Side: String { case left, right }

    // MARK: the whole expression

    static func expectedType(of what: String, expected: ValueType, found: ValueType) -> String {
        "\(what) must be \(expected), but this expression is \(found)"
    }

    static func cycle(_ name: String, path: [String]) -> String {
        "'\(name)' depends on itself: \(path.joined(separator: " → ")); break the cycle"
    }

    // MARK: optional columns (OptionalGuards)

    static func optionalInArithmetic(_ column: String) -> String {
        "column '\(column)' is optional (optional = true) and may be empty, and arithmetic on an empty cell fails the run at that row; test it first: has(\(column)) and …, is_empty(\(column)) or …, or if has(\(column)) then … else <a default>"
    }

    static func optionalInComparison(_ column: String) -> String {
        "column '\(column)' is optional (optional = true) and may be empty, and comparing an empty cell fails the run at that row; test it first: has(\(column)) and …, is_empty(\(column)) or …, or if has(\(column)) then … else <a default>"
    }

    // MARK: names

    static func eachOutside() -> String {
        "'each' stands for a value of a choice column only inside mean_each(), sum_each(), min_each() or max_each()"
    }

    static func daysInMonth(assessedBy period: PeriodKind) -> String {
        "days_in_month is the length of a month, but this town is assessed by \(period.rawValue); use days_in_period (the days of the \(period.rawValue) being run)"
    }

    /// In a row expression; `names` are what the row can see, `isWorkerValue` whether the name is a per-worker value.
    static func unknownColumn(_ name: String, of table: String, among names: [String], isWorkerValue: Bool) -> String {
        "unknown name '\(name)': not a column of table '\(table)'\(rowNameHint(name, table, names, isWorkerValue))"
    }

    static func tableAsValue(_ table: String) -> String {
        "'\(table)' is a table; use it inside count(\(table)), sum(\(table), …), mean(…) or distinct(…)"
    }

    static func unknownName(_ name: String, among names: [String]) -> String {
        "unknown name '\(name)'\(Suggestion.didYouMean(name, among: names))"
    }

    static func namedArgument(_ name: String) -> String {
        "'\(name) = …' names an argument, which only consecutive() takes (missing = true or false)"
    }

    // MARK: operators

    static func negateNeedsNumber(found: ValueType) -> String {
        "'-' needs a number, but this is \(found)"
    }

    static func notNeedsBool(found: ValueType) -> String {
        "'not' needs true/false, but this is \(found)"
    }

    static func arithmeticNeedsNumbers(_ op: BinaryOperator, side: Side, found: ValueType) -> String {
        "'\(op.rawValue)' needs numbers, but the \(side.rawValue) side is \(found)"
    }

    static func logicNeedsBools(_ op: BinaryOperator, side: Side, found: ValueType) -> String {
        "'\(op.rawValue)' needs true/false, but the \(side.rawValue) side is \(found)"
    }

    static func divisionByZero() -> String {
        "division by zero: this divisor is always 0"
    }

    static func cannotCompare(_ left: ValueType, with right: ValueType) -> String {
        "cannot compare \(left) with \(right)\(compareHint(left, right))"
    }

    static func cannotOrder(_ op: BinaryOperator, _ type: ValueType) -> String {
        "'\(op.rawValue)' orders numbers, dates and times; \(type) can only be compared with == or !="
    }

    static func ifCondition(found: ValueType) -> String {
        "the condition of 'if' must be true/false, but this is \(found)"
    }

    static func ifBranches(then a: ValueType, else b: ValueType) -> String {
        "both branches of 'if' must have the same type: 'then' gives \(a), 'else' gives \(b)"
    }

    // MARK: literals

    static func gradeLiteral(_ text: String, grades: [String]) -> String {
        "'\(text)' is not a grade of [[grades]], which are \(grades.joined(separator: " / "))\(Suggestion.didYouMean(text, among: grades))"
    }

    static func choiceLiteral(_ text: String, column: String, values: [String]) -> String {
        "'\(text)' is not a value of column '\(column)', which is one of \(values.joined(separator: " / "))\(Suggestion.didYouMean(text, among: values))"
    }

    static func datetimeUsage() -> String {
        "datetime() is written datetime(\"YYYY-MM-DD HH:MM\") with the time in quotes"
    }

    static func notADate(_ text: String) -> String {
        "'\(text)' is not a date YYYY-MM-DD, e.g. date(\"2026-10-15\")"
    }

    static func notADateTime(_ text: String) -> String {
        "'\(text)' is not a time YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS, e.g. datetime(\"2026-10-15 08:30\")"
    }

    // MARK: calls (scalar functions, from their catalog entries)

    static func unknownFunction(_ name: String, among names: [String]) -> String {
        "unknown function '\(name)'\(Suggestion.didYouMean(name, among: names))"
    }

    /// `takes` is the catalog entry's own phrase, e.g. "one number".
    static func arity(_ function: String, takes: String, given: Int) -> String {
        "\(function)() takes \(takes), but was given \(given) argument\(given == 1 ? "" : "s")"
    }

    static func notAWholeNumberInPlace(_ argument: String, of function: String, range: ClosedRange<Int>) -> String {
        "the \(argument) of \(function)() must be a whole number \(range.lowerBound) to \(range.upperBound) written in place"
    }

    /// `position` counts from 1.
    static func argumentType(_ position: Int, of function: String, expected: ValueType, found: ValueType) -> String {
        "argument \(position) of \(function)() must be \(expected), but is \(found)"
    }

    static func presenceNeedsColumnName(_ function: String) -> String {
        "\(function)() takes a column name, e.g. \(function)(<optional column>)"
    }

    static func presenceNeedsColumnOfTable(_ function: String) -> String {
        "\(function)() takes a column of the table being read, e.g. \(function)(<optional column>)"
    }

    static func columnNotOptional(_ column: String) -> String {
        "column '\(column)' is not optional, so it always has a value; declare it with optional = true if it may be empty"
    }

    // MARK: aggregates over a worker's rows (count, sum, …; count_by)

    static func aggregateInRow(_ function: String) -> String {
        "\(function)() adds up rows per worker and cannot be used inside a row expression"
    }

    static func aggregateUsage(_ function: String, readsRowValue: Bool) -> String {
        "\(function)() is written \(function)(\(aggregateArguments(readsRowValue))) or \(function)(\(aggregateArguments(readsRowValue)), condition)"
    }

    static func aggregateTable(_ function: String) -> String {
        "the first argument of \(function)() must be the name of an input table"
    }

    static func aggregateTableUnknown(_ name: String, tables: [String]) -> String {
        "\(notACountedTable(name, tables)); tables: \(tables.joined(separator: ", "))"
    }

    static func summedValueType(_ function: String, expected: ValueType, found: ValueType) -> String {
        "the value summed by \(function)() must be \(expected), but is \(found)"
    }

    static func conditionNotBool(_ function: String, found: ValueType) -> String {
        "the condition of \(function)() must be true/false, but is \(found)"
    }

    // MARK: count_by (per-key counts)

    static func countByUsage() -> String {
        "count_by() is written count_by(table, key, condition) or count_by(table, key, condition, row filter), e.g. count_by(<table>, date(<start>), sum(minutes_between(<start>, <end>)) >= 60)"
    }

    /// `given`: the name written as the first argument, if it was a name.
    static func countByTable(given: String?, tables: [String]) -> String {
        "\(given.map { notACountedTable($0, tables) + "; " } ?? "")the first argument of count_by() must be an input table; tables: \(tables.joined(separator: ", "))"
    }

    static func countByKey() -> String {
        "the key of count_by() groups rows (e.g. a date); true/false is not a key"
    }

    static func countByFilter(found: ValueType) -> String {
        "the row filter of count_by() must be true/false, but is \(found)"
    }

    static func countByCount() -> String {
        "inside count_by(), count() counts the rows of one key and takes no arguments"
    }

    static func countBySumUsage(_ function: String) -> String {
        "inside count_by(), \(function)() takes one value of the row, e.g. \(function)(minutes_between(<start>, <end>))"
    }

    static func countByName(_ name: String) -> String {
        "'\(name)' cannot be read in the condition of count_by(): it sees only sum(value) and count() over the rows of one key, and constants"
    }

    static func countByNoAggregate() -> String {
        "the condition of count_by() must use sum(value) or count() over the rows of one key"
    }

    // MARK: group functions and *_each()

    static func groupInRow(_ function: String) -> String {
        "\(function)() compares workers and cannot be used inside a row expression"
    }

    static func groupUsage(_ function: String, keyed: Bool, readsValue: Bool) -> String {
        "\(function)() is written \(groupForm(function, keyed, readsValue))"
    }

    /// The per-worker value of a group function or of *_each().
    static func valueNotANumber(_ function: String, found: ValueType) -> String {
        "the value of \(function)() must be a number, but is \(found)"
    }

    static func eachInRow(_ function: String) -> String {
        "\(function)() combines per-worker values and cannot be used inside a row expression"
    }

    static func eachNested(_ function: String) -> String {
        "\(function)() cannot be nested inside another *_each()"
    }

    static func eachUsage(_ function: String) -> String {
        "\(function)() is written \(function)(table, choice column, value), e.g. \(function)(quotas, 工作项目, count(services, 工作项目 == each))"
    }

    static func eachTable(_ function: String, tables: [String]) -> String {
        "the first argument of \(function)() must be the name of an input table; tables: \(tables.joined(separator: ", "))"
    }

    /// `choices`: the table's choice columns.
    static func eachColumn(_ function: String, table: String, choices: [String]) -> String {
        "the second argument of \(function)() must be a choice column of \(table)\(choices.isEmpty ? "" : " (" + choices.joined(separator: ", ") + ")"); it goes over that column's values"
    }

    // MARK: consecutive()

    static func consecutiveInRow() -> String {
        "consecutive() looks at earlier periods and cannot be used inside a row expression"
    }

    static func consecutiveUsage() -> String {
        "consecutive() is written consecutive(name, periods) or consecutive(name, periods, missing = false), e.g. consecutive(末位, 3)"
    }

    static func consecutiveMissing() -> String {
        "the third argument of consecutive() is written missing = true or missing = false: what a period whose results are missing counts as"
    }

    static func consecutiveName() -> String {
        "the first argument of consecutive() must be the name of a true/false value from [values]"
    }

    static func consecutiveUnknown(_ name: String, among values: [String]) -> String {
        "'\(name)' is not a value defined in [values]\(Suggestion.didYouMean(name, among: values))"
    }

    static func consecutiveType(_ name: String, found: ValueType) -> String {
        "consecutive() needs a true/false value, but '\(name)' is \(found)"
    }

    // MARK: parts of messages

    private static func rowNameHint(_ name: String, _ table: String, _ names: [String], _ isWorkerValue: Bool) -> String {
        let hint = Suggestion.didYouMean(name, among: names)
        guard hint.isEmpty, isWorkerValue else { return hint }
        return "; '\(name)' is a per-worker value and cannot be used while reading single rows of \(table)"
    }

    private static func compareHint(_ left: ValueType, _ right: ValueType) -> String {
        switch Set([left, right]) {
        case [.date, .text]: "; write a date in the rule file as date(\"2026-10-15\")"
        case [.datetime, .text]: "; write a time in the rule file as datetime(\"2026-10-15 08:30\")"
        case [.datetime, .date]: "; date(time) gives the date of a time"
        default: ""
        }
    }

    private static func notACountedTable(_ name: String, _ tables: [String]) -> String {
        "'\(name)' is not an input table that rows are counted in\(Suggestion.didYouMean(name, among: tables))"
    }

    private static func aggregateArguments(_ readsRowValue: Bool) -> String {
        readsRowValue ? "table, value" : "table"
    }

    private static func groupForm(_ function: String, _ keyed: Bool, _ readsValue: Bool) -> String {
        switch (keyed, readsValue) {
        case (true, true): "\(function)(group, value), e.g. \(function)(网格编号, x)"
        case (true, false): "\(function)(group)"
        case (false, true): "\(function)(value)"
        case (false, false): "\(function)()"
        }
    }
}
