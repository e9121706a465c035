/// Every message the rule loader reports, one function per kind of problem (as cel-go's
/// checker/errors.go), so the wording of a kind lives in one place beside its name. Each says
/// what is wrong and what was expected; the caller gives where. `RuleMessageFixtureTests` keeps
/// one bad-rule fixture per function here: a new kind needs a fixture, or that test fails.
/// (Syntax errors are `TOMLMessages`; errors inside expressions are `CheckerMessages` and `ParserMessages`;
/// errors while evaluating are `EvaluationMessages`; the places messages name are `RulePlaces`.)
enum RuleMessages {
    typealias Location = SourceLocation

    // MARK: any section (TOMLSection)

    static func unknownKey(_ key: String, in path: String, allowed: [String], at loc: Location) -> Diagnostic {
        .error("unknown key '\(key)' in \(path)\(Suggestion.didYouMean(key, among: allowed)); allowed keys: \(allowed.joined(separator: ", "))", at: loc, length: key.count)
    }

    static func missingKey(_ key: String, in path: String, at loc: Location) -> Diagnostic {
        .error("\(path) needs the key '\(key)'", at: loc)
    }

    static func notAString(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("'\(key)' in \(path) must be a string in quotes, but is \(kind)", at: loc)
    }

    static func notANumber(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("'\(key)' in \(path) must be a number, but is \(kind)", at: loc)
    }

    static func notANumberOrNone(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("'\(key)' in \(path) must be a number or \"none\", but is \(kind)", at: loc)
    }

    static func notABool(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("'\(key)' in \(path) must be true or false, but is \(kind)", at: loc)
    }

    static func notATable(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("'\(key)' in \(path) must be a table, but is \(kind)", at: loc)
    }

    static func notAnArrayOfTables(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("'\(key)' in \(path) must be written as [[…\(key)]] sections, but is \(kind)", at: loc)
    }

    static func entryNotATable(of key: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("each entry of '\(key)' must be a table, but this is \(kind)", at: loc)
    }

    static func notAnArray(_ key: String, in path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("'\(key)' in \(path) must be an array [ … ], but is \(kind)", at: loc)
    }

    // MARK: [rules]

    static func townNotPlain(_ why: String, at loc: Location) -> Diagnostic {
        .error("town \(why); expected a plain name (it names Rules/<town>.toml and Input/<town>/), e.g. \"qinghe\"", at: loc)
    }

    static func badEffectiveFrom(_ text: String, at loc: Location) -> Diagnostic {
        .error("effective_from must be a month YYYY-MM, found '\(text)'", at: loc)
    }

    static func badMonthStartsOn(_ shown: String, latest: Int, at loc: Location) -> Diagnostic {
        .error("month_starts_on must be a day from 1 to \(latest) (26: the month 2026-10 runs from 2026-09-26 to 2026-10-25), but is \(shown)", at: loc)
    }

    static func badShorterPeriod(_ key: String, _ text: String, assessedBy kind: PeriodKind, at loc: Location) -> Diagnostic {
        let shorter = [PeriodKind.month, .quarter, .halfYear].filter { CalendarPeriod.length(of: $0) < CalendarPeriod.length(of: kind) }
        let allowed = shorter.isEmpty ? "none (the town is assessed by month)" : shorter.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        return .error("\(key) must be a period shorter than the town's \(kind.rawValue): \(allowed); found '\(text)'", at: loc)
    }

    static func summaryIsPreliminary(_ kind: PeriodKind, at loc: Location) -> Diagnostic {
        .error("[period_summary] period \"\(kind.rawValue)\" is also [rules] preliminary; a \(kind.rawValue) is either assessed and ranked or summarised, not both", at: loc)
    }

    static func badAssessmentPeriod(_ text: String, at loc: Location) -> Diagnostic {
        .error("period (the assessment period) must be \"month\", \"quarter\", \"half-year\" or \"year\", found '\(text)'", at: loc)
    }

    // MARK: [tables.<name>]

    static func tableNotATable(_ name: String, at loc: Location) -> Diagnostic {
        .error("tables.\(name) must be a table", at: loc)
    }

    static func fileNotPlain(_ why: String, at loc: Location) -> Diagnostic {
        .error("file \(why); expected the plain name of a file in the period's input folder, e.g. \"events.csv\"", at: loc)
    }

    static func badEncoding(_ text: String, at loc: Location) -> Diagnostic {
        .error("encoding must be \"utf-8\", \"gb18030\" (GBK files are GB18030) or \"utf-16\" (with a byte-order mark), found '\(text)'", at: loc)
    }

    static func formKeyNotForType(_ key: String, column: String, type: String, at loc: Location) -> Diagnostic {
        .error("\(key) is for a column of type \(type); column '\(column)' is not one", at: loc)
    }

    static func badFormat(_ pattern: String, _ why: String, at loc: Location) -> Diagnostic {
        .error("the format \"\(pattern)\" cannot be read: \(why)", at: loc)
    }

    static func noFormats(at loc: Location) -> Diagnostic {
        .error("formats is empty; expected at least one pattern, e.g. [\"yyyy/M/d\"]", at: loc)
    }

    static func formatNotText(is kind: String, at loc: Location) -> Diagnostic {
        .error("a format must be a pattern in quotes, e.g. \"yyyy/M/d H:mm\", but is \(kind)", at: loc)
    }

    static func badThousands(_ text: String, at loc: Location) -> Diagnostic {
        .error("thousands must be \",\" (the separator grouping digits in threes, as in 2,400.00), found '\(text)'", at: loc)
    }

    static func badDurationUnit(_ text: String, at loc: Location) -> Diagnostic {
        .error("unit must be \"minutes\" or \"hours\" (what a duration is counted in), found '\(text)'", at: loc)
    }

    static func badTableFormat(_ text: String, at loc: Location) -> Diagnostic {
        .error("format must be \"csv\" (the default), \"xlsx\" (a workbook) or \"xls\" (a legacy workbook), found '\(text)'", at: loc)
    }

    static func sheetOfACSVFile(_ table: String, at loc: Location) -> Diagnostic {
        .error("sheet names a sheet of a workbook, but table \(table) is a CSV file; expected format = \"xlsx\" or \"xls\" in the same table, or no sheet", at: loc)
    }

    static func emptySheetName(at loc: Location) -> Diagnostic {
        .error("sheet is empty; expected the name of the workbook's sheet to read, e.g. \"巡查记录\" (without the key: the first sheet)", at: loc)
    }

    static func badDelimiter(_ text: String, at loc: Location) -> Diagnostic {
        .error("delimiter must be \",\" (comma), \"\\t\" (tab) or \";\" (semicolon), found '\(text)'", at: loc)
    }

    static func badHeaderRow(_ kind: String, highest: Int, at loc: Location) -> Diagnostic {
        .error("header_row must be a whole number from 1 to \(highest) (the row of the header, counted from 1), but is \(kind)", at: loc)
    }

    static func emptyTotalsRow(at loc: Location) -> Diagnostic {
        .error("totals_row is empty; expected the word the export's totals row starts with, e.g. \"合计\"", at: loc)
    }

    static func badUnknownWorkers(_ text: String, at loc: Location) -> Diagnostic {
        .error("unknown_workers must be \"leave-out\" (rows of people not on the roster are then listed as warnings and not counted; without the key they are errors), found '\(text)'", at: loc)
    }

    static func columnDeclaredTwice(_ column: String, in table: String, at loc: Location) -> Diagnostic {
        .error("column '\(column)' is declared twice in table \(table)", at: loc)
    }

    static func groupNotAColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error("group names '\(name)', which is not a column of table \(table.name)\(didYouMean(name, table))", at: loc)
    }

    static func workerNotAColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error("worker names '\(name)', which is not a column of table \(table.name)\(didYouMean(name, table))", at: loc)
    }

    static func completeNotAChoice(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error("complete names '\(name)', which is not a choice column of \(table.name); every group needs a row for every value of a choice column", at: loc)
    }

    static func completeNotAColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error("complete names '\(name)', which is not a column of table \(table.name)\(didYouMean(name, table))", at: loc)
    }

    static func badComplete(at loc: Location) -> Diagnostic {
        .error("complete is true (every group has a row) or the name of a choice column (every group has a row for each of its values)", at: loc)
    }

    static func completeWithoutGroup(_ table: String, at loc: Location) -> Diagnostic {
        .error("complete applies to a table keyed by group; declare group = \"<column>\" in [tables.\(table)]", at: loc)
    }

    static func uniqueNotAColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error("unique key names '\(name)', which is not a column of \(table.name)\(didYouMean(name, table))", at: loc)
    }

    static func tableNeedsWorkerOrGroup(_ table: String, at loc: Location) -> Diagnostic {
        .error("table \(table) needs 'worker = \"<column>\"' (the column that names the worker each row belongs to) or 'group = \"<column>\"' (the column that names the group, matched against [roster] group)", at: loc)
    }

    static func noTables(at loc: Location) -> Diagnostic {
        .error("the rule file declares no [tables.<name>] inputs", at: loc)
    }

    // MARK: columns of a table

    static func columnNotATable(of table: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("each column of \(table) is written { name = \"…\", type = \"…\" }, but this is \(kind)", at: loc)
    }

    static func choiceValueNotText(at loc: Location) -> Diagnostic {
        .error("the values of a choice column are strings", at: loc)
    }

    static func choiceWithoutValues(at loc: Location) -> Diagnostic {
        .error("a choice column needs values = [\"…\", …]", at: loc)
    }

    static func unknownColumnType(_ type: String, types: [String], at loc: Location) -> Diagnostic {
        .error("unknown column type '\(type)'\(Suggestion.didYouMean(type, among: types)); types: \(types.joined(separator: ", "))", at: loc, length: type.count)
    }

    // MARK: cell rules of a column (required_when, empty_when, on_roster, same_on_roster)

    static func conditionOnRoster(_ key: String, at loc: Location) -> Diagnostic {
        .error("\(key) is for input tables, not the roster", at: loc)
    }

    static func onRosterOnRoster(at loc: Location) -> Diagnostic {
        .error("on_roster is for input tables, not the roster itself", at: loc)
    }

    static func onRosterNotARosterColumn(_ name: String, roster: TableSpec, at loc: Location) -> Diagnostic {
        .error("on_roster names '\(name)', which is not a column of the roster (\(roster.name))\(didYouMean(name, roster))", at: loc)
    }

    static func onRosterNotText(column: String, rosterColumn: String, at loc: Location) -> Diagnostic {
        .error("on_roster compares text: '\(column)' and the roster's '\(rosterColumn)' must be id, text or choice columns", at: loc)
    }

    static func sameOnRosterNotText(at loc: Location) -> Diagnostic {
        .error("same_on_roster lists column names in quotes", at: loc)
    }

    static func sameOnRosterNotInBoth(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error("same_on_roster names '\(name)', which must be a column of both \(table.name) and the roster\(didYouMean(name, table))", at: loc)
    }

    static func sameOnRosterWithoutOnRoster(at loc: Location) -> Diagnostic {
        .error("same_on_roster needs on_roster = \"<roster column>\" on the same column", at: loc)
    }

    // MARK: [[tables.<name>.checks]]

    static func checkColumnNotAColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error("column names '\(name)', which is not a column of \(table.name)\(didYouMean(name, table))", at: loc)
    }

    static func checkMessageNamesNoColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error("the message names {\(name)}, which is not a column of \(table.name)\(didYouMean(name, table))", at: loc)
    }

    // MARK: [roster]

    static func rosterTableUnknown(_ name: String, tables: [String], at loc: Location) -> Diagnostic {
        .error("[roster] table names '\(name)', which is not declared under [tables]\(Suggestion.didYouMean(name, among: tables))", at: loc)
    }

    static func rosterColumnUnknown(_ key: String, names name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error("[roster] \(key) names '\(name)', which is not a column of table \(table.name)\(didYouMean(name, table))", at: loc)
    }

    static func sameInGroupNotText(at loc: Location) -> Diagnostic {
        .error("same_in_group lists roster column names", at: loc)
    }

    static func badCalendarDay(_ key: String, _ text: String, why: String, at loc: Location) -> Diagnostic {
        .error("[calendar] \(key): \(text) \(why); expected dates YYYY-MM-DD, holidays on weekdays and worked_weekend_days on Saturdays or Sundays", at: loc)
    }

    static func rosterShowNotText(at loc: Location) -> Diagnostic {
        .error("show lists roster column names (shown after the four roster columns), e.g. show = [\"岗位\"]", at: loc)
    }

    static func badRosterLabels(at loc: Location) -> Diagnostic {
        .error("labels lists the sheets' four roster column labels: [id, name, unit, group], e.g. [\"网格员编号\", \"姓名\", \"村(社区)\", \"网格编号\"]", at: loc)
    }

    // MARK: names ([values], [[items]], [[awards]], [pay], [duty], [[grades]])

    static func nameDefinedTwice(_ name: String, at loc: Location) -> Diagnostic {
        .error("the name '\(name)' is defined twice (as a roster column, value, item or product name); names must be unique", at: loc)
    }

    static func valueNotAnExpression(_ name: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("value '\(name)' must be an expression in quotes, but is \(kind)", at: loc)
    }

    // MARK: [[items]] and their deductions

    static func noItems(at loc: Location) -> Diagnostic {
        .error("the rule file declares no [[items]]; a score needs at least one item", at: loc)
    }

    static func itemWithoutScore(_ item: String, at loc: Location) -> Diagnostic {
        .error("item '\(item)' needs full = <points> (its full marks) or score = '<expression>'", at: loc)
    }

    static func deductionTableUnknown(_ name: String, tables: [String], at loc: Location) -> Diagnostic {
        .error("'\(name)' is not an input table\(Suggestion.didYouMean(name, among: tables)); tables: \(tables.joined(separator: ", "))", at: loc)
    }

    static func countedDeductionWithWhen(at loc: Location) -> Diagnostic {
        .error("a counted deduction has no 'when'; put the condition into count", at: loc)
    }

    static func deductionWithoutSource(at loc: Location) -> Diagnostic {
        .error("a deduction needs table = \"…\" (one deduction per matching row) or count = '…' (times the points)", at: loc)
    }

    static func deductionWithoutAmount(at loc: Location) -> Diagnostic {
        .error("a deduction needs points = '…', yuan = '…' or both", at: loc)
    }

    static func appliesToWorkerWithoutWorker(_ table: String, at loc: Location) -> Diagnostic {
        .error("applies_to = \"worker\" needs a worker column in table \(table) (worker = \"…\")", at: loc)
    }

    static func badAppliesTo(at loc: Location) -> Diagnostic {
        .error("applies_to is \"worker\" (the worker the row names) or \"group\" (every worker of the row's group), for a per-row deduction on a table that declares group = \"…\"", at: loc)
    }

    static func reasonNamesNoColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error("the reason names {\(name)}, which is not a column of \(table.name)\(didYouMean(name, table))", at: loc)
    }

    // MARK: grade bands ([[grades]], [[ratings.bands]]) and [[vetoes]]

    static func gradeDeclaredTwice(_ grade: String, firstLine: Int, at loc: Location) -> Diagnostic {
        .error("the grade '\(grade)' is declared twice (first at line \(firstLine)); each band needs its own name", at: loc)
    }

    static func bandWithoutMin(_ band: String, at loc: Location) -> Diagnostic {
        .error("the band '\(band)' has no min, but bands follow it: only the lowest band goes without min; expected min = <score> (scores ≥ min get '\(band)')", at: loc)
    }

    static func lowestBandWithMin(_ band: String, min: ExactNumber, at loc: Location) -> Diagnostic {
        .error("gap: scores below \(min) would have no grade; the lowest band '\(band)' takes every score below the band above it, so it has no min (or add a band without min after it)", at: loc)
    }

    static func bandsOverlap(_ above: String, _ band: String, min: ExactNumber, at loc: Location) -> Diagnostic {
        .error("the bands '\(above)' and '\(band)' overlap: both start at \(min); expected each band's min below the one above it", at: loc)
    }

    static func bandsOutOfOrder(_ band: String, min: ExactNumber, after above: String, aboveMin: ExactNumber, at loc: Location) -> Diagnostic {
        .error("bands out of order: '\(band)' (min \(min)) comes after '\(above)' (min \(aboveMin)); expected the highest band first and each min below the one above", at: loc)
    }

    static func vetoGradeNotAGrade(_ grade: String, grades: [String], at loc: Location) -> Diagnostic {
        .error("the veto's grade '\(grade)' is not one of the [[grades]] (\(grades.joined(separator: " / ")))\(Suggestion.didYouMean(grade, among: grades))", at: loc)
    }

    static func vetoesWithoutGrades(_ period: PeriodKind, at loc: Location) -> Diagnostic {
        .error("[[vetoes]] force a grade, but the rule file declares no [[grades]] for its \(period.rawValue)s; a rating's veto goes under [[ratings.vetoes]]", at: loc)
    }

    // MARK: [[awards]], [scoring], [[flags]], [pay]

    static func badAwardDirection(_ text: String, at loc: Location) -> Diagnostic {
        .error("pay must be \"award\" (added to 考核绩效) or \"charge\" (added to 扣款合计), found '\(text)'", at: loc)
    }

    static func badAwardAmount(_ amount: ExactNumber, at loc: Location) -> Diagnostic {
        .error("amount must be a whole number of fen ≥ 0 (at most 2 decimals), found \(amount)", at: loc)
    }

    static func badItemRounding(at loc: Location) -> Diagnostic {
        .error("item_rounding must be a whole number of decimals 0 to 6", at: loc)
    }

    static func flagDeclaredTwice(_ flag: String, firstLine: Int, at loc: Location) -> Diagnostic {
        .error("the flag '\(flag)' is declared twice (first at line \(firstLine)); each flag is a column of its own, so flag names must be unique", at: loc)
    }

    static func yuanWithoutPay(item: String, at loc: Location) -> Diagnostic {
        .error("item '\(item)' deducts yuan, but the rule file has no [pay] section (a town without [pay] pays nothing from the assessment); add [pay] with base and score_pay, or remove the yuan", at: loc)
    }

    static func awardWithoutPay(_ award: String, at loc: Location) -> Diagnostic {
        .error("the award '\(award)' pays yuan, but the rule file has no [pay] section (a town without [pay] pays nothing from the assessment); add [pay] with base and score_pay, or remove the award", at: loc)
    }

    // MARK: [[ratings]]

    static func badRatedPeriod(found: String, rateable: [PeriodKind], assessedBy kind: PeriodKind, at loc: Location) -> Diagnostic {
        .error("periods lists what is rated: \(rateable.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")) (periods longer than the town's \(kind.rawValue)); found \(found)", at: loc)
    }

    static func periodRatedTwice(_ kind: PeriodKind, firstLine: Int, at loc: Location) -> Diagnostic {
        .error("the \(kind.rawValue) is already rated at line \(firstLine); each period kind has one rating", at: loc)
    }

    static func meanNotAnItem(_ name: String, items: [String], at loc: Location) -> Diagnostic {
        .error("mean names '\(name)', which is not \(RuleLoader.totalName) or an item\(Suggestion.didYouMean(name, among: [RuleLoader.totalName] + items)); the mean is taken over published results", at: loc)
    }

    static func badRatingPlaces(at loc: Location?) -> Diagnostic {
        .error("places must be a whole number of decimals 0 to 6", at: loc)
    }

    static func ratingWithoutBands(_ path: String, at loc: Location) -> Diagnostic {
        .error("\(path) needs its bands: [[ratings.bands]] with name and min, highest first (or the town's [[grades]])", at: loc)
    }

    static func ratingVetoFlagUnknown(_ flag: String, flags: [String], at loc: Location) -> Diagnostic {
        .error("the veto names the flag '\(flag)', which is not a [[flags]] name\(Suggestion.didYouMean(flag, among: flags))", at: loc)
    }

    static func ratingVetoGradeNotABand(_ grade: String, bands: [String], at loc: Location) -> Diagnostic {
        .error("the veto's grade '\(grade)' is not a band of this rating (\(bands.joined(separator: " / ")))\(Suggestion.didYouMean(grade, among: bands))", at: loc)
    }

    // MARK: sheets ([summary], [[group_sheets]], [[sheets]])

    static func displayColumnNotATable(_ path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error("\(path) is written { name = \"…\", value = '…' }, but this is \(kind)", at: loc)
    }

    static func unknownFormat(_ text: String, formats: [String], at loc: Location) -> Diagnostic {
        .error("format must be one of \(formats.joined(separator: ", ")), found '\(text)'\(Suggestion.didYouMean(text, among: formats))", at: loc)
    }

    static func formatOfNonNumber(column: String, type: ValueType, at loc: Location) -> Diagnostic {
        .error("format applies to numbers, but column \(column) is \(type)", at: loc)
    }

    static func sheetNameTaken(_ name: String, at loc: Location) -> Diagnostic {
        .error("a sheet named '\(name)' already exists in the workbook; choose another name", at: loc)
    }

    // MARK: [[tests]]

    static func testDeclaredTwice(_ test: String, firstLine: Int, at loc: Location) -> Diagnostic {
        .error("the test '\(test)' is declared twice (first at line \(firstLine)); test names must be unique, so that a failure names one test", at: loc)
    }

    static func badTestPeriod(_ text: String, kind: PeriodKind, at loc: Location) -> Diagnostic {
        .error("period must be a \(kind.rawValue) \(kind.form) (the town's [rules] period), found '\(text)'", at: loc)
    }

    static func testInputNotATable(_ name: String, in path: String, tables: [String], at loc: Location) -> Diagnostic {
        .error("\(path): '\(name)' is not a declared table\(Suggestion.didYouMean(name, among: tables))", at: loc)
    }

    static func testInputNotText(_ name: String, in path: String, at loc: Location) -> Diagnostic {
        .error("\(path).\(name) must be CSV text in a multi-line string", at: loc)
    }

    static func badQuarterTestMonth(_ key: String, kind: PeriodKind, months: [Period], at loc: Location) -> Diagnostic {
        .error("the inputs of a \(kind.rawValue)'s test are [tests.inputs.\"YYYY-MM\"] for its months (\(months.map(\.description).joined(separator: ", "))), found '\(key)'", at: loc)
    }

    static func badEarlierMonth(_ key: String, before period: Period, at loc: Location) -> Diagnostic {
        .error("tests.earlier keys are months before the tested period, e.g. \"\(period.adding(months: -1))\", found '\(key)'", at: loc)
    }

    static func expectNotATable(_ worker: String, at loc: Location) -> Diagnostic {
        .error("tests.expect.\(worker) must be a table of name = value", at: loc)
    }

    static func notExpectable(_ name: String, names: [String], at loc: Location) -> Diagnostic {
        .error("'\(name)' is not an item, value, flag or pay name\(Suggestion.didYouMean(name, among: names))", at: loc)
    }

    static func badExpectedValue(at loc: Location) -> Diagnostic {
        .error("an expected value is a number, true/false or text", at: loc)
    }

    static func badExpectedError(at loc: Location) -> Diagnostic {
        .error("each expected error is written \"file:line:column: message\" (the message may be cut short), e.g. \"events.csv:3:2: 日期 is empty\"", at: loc)
    }

    // MARK: helpers (not kinds)

    private static func didYouMean(_ name: String, _ table: TableSpec) -> String {
        Suggestion.didYouMean(name, among: table.columns.map(\.name))
    }
}
