/// The calendar functions (the weekly and twice-weekly duties, month-end days and working-day
/// deadlines of the towns' documents): weekday, week, the first and last day of the period being
/// run and of a date's month, and working days by the rule file's [calendar].
extension FunctionCatalog {
    static let calendar: [FunctionEntry] = [
        FunctionEntry("weekday", .dates, usage: "weekday(d)", arguments: [FunctionArgument("d", .value(.date))], result: .number, scope: .row,
                      explain: .inFormula, takes: "one date",
                      kind: .scalar(ScalarFunction(name: "weekday", readsEmpty: false) { (v, _) throws(EvaluationError) in
                          guard case .date(let d) = v[0] else { Value.checkedArgument("weekday") }
                          return .number(ExactNumber(WorkCalendar.weekday(d)))
                      }),
                      summary: "the day of the week, 1 Monday to 7 Sunday: weekday(date(\"2026-10-01\")) = 4 (a Thursday)"),
        FunctionEntry("week", .dates, usage: "week(d, start)", arguments: [FunctionArgument("d", .value(.date)), FunctionArgument("start", .value(.date))],
                      result: .number, scope: .row, explain: .inFormula, takes: "two dates, e.g. week(<date>, period_first_day())",
                      kind: .scalar(ScalarFunction(name: "week", readsEmpty: false) { (v, _) throws(EvaluationError) in
                          guard case .date(let d) = v[0], case .date(let s) = v[1] else { Value.checkedArgument("week") }
                          return .number(ExactNumber(WorkCalendar.week(of: d, from: s)))
                      }),
                      summary: "the week of d counted from the week (Monday to Sunday) holding start, 1 for that week: "
                          + "`distinct(visits, week(日期, period_first_day()))` is the number of weeks of the period with a visit"),
        periodDay("period_first_day", "the first day of the period being run (a month's, a quarter's, …)") { $0.firstDay },
        periodDay("period_last_day", "the last day of the period being run: 2026-Q3 → 2026-09-30") { $0.lastDay },
        FunctionEntry("month_end", .dates, usage: "month_end(d)", arguments: [FunctionArgument("d", .value(.date))], result: .date, scope: .row,
                      explain: .inFormula, takes: "one date",
                      kind: .scalar(ScalarFunction(name: "month_end", readsEmpty: false) { (v, _) throws(EvaluationError) in
                          guard case .date(let d) = v[0] else { Value.checkedArgument("month_end") }
                          return .date(Period(year: d.year, month: d.month).lastDay)
                      }),
                      summary: "the last day of d's month (28 February, 29 in a leap year): `日期 == month_end(日期)` holds on month-end days"),
        FunctionEntry("working_days", .dates, usage: "working_days(a, b)", arguments: [FunctionArgument("a", .value(.date)), FunctionArgument("b", .value(.date))],
                      result: .number, scope: .row, explain: .inFormula, takes: "two dates, e.g. working_days(<dispatched>, <done>)",
                      kind: .scalar(ScalarFunction(name: "working_days", readsEmpty: false, inPeriod: { (v, period, _) throws(EvaluationError) in
                          guard case .date(let a) = v[0], case .date(let b) = v[1] else { Value.checkedArgument("working_days") }
                          return .number(ExactNumber(period.calendar.workingDays(after: a, through: b)))
                      })),
                      summary: "the working days after a up to and including b (0 when b is not after a): Monday to Friday less the "
                          + "[calendar] holidays, plus its worked weekend days; Friday to the next Monday is 1"),
    ]

    static func periodDay(_ name: String, _ summary: String, _ day: @escaping @Sendable (PeriodLengths) -> CivilDate) -> FunctionEntry {
        FunctionEntry(name, .dates, usage: "\(name)()", arguments: [], result: .date, scope: .row, explain: .inFormula, takes: "no argument",
                      kind: .scalar(ScalarFunction(name: name, readsEmpty: false, inPeriod: { (_, period, _) throws(EvaluationError) in
                          .date(day(period))
                      })),
                      summary: summary)
    }
}
