/// `[calendar]`: the town's working days for `working_days()` — Monday to Friday, less the
/// holidays, plus the weekend days worked instead (调休). Written in the rule file, so that a
/// closed period re-runs from its archived rule file with the calendar it was closed with.
///
///     [calendar]
///     holidays = ["2026-10-01", "2026-10-02"]       # weekdays not worked
///     worked_weekend_days = ["2026-10-10"]         # Saturdays or Sundays worked
enum CalendarSection {
    static func read(_ d: RuleReading) -> WorkCalendar {
        var calendar = WorkCalendar()
        guard let ct = d.top.subtable("calendar", required: false) else { return calendar }
        let r = d.section(ct, RulePlaces.calendarSection, allowed: ["holidays", "worked_weekend_days"])
        calendar.holidays = days(r, "holidays", weekend: false, d)
        calendar.workedWeekendDays = days(r, "worked_weekend_days", weekend: true, d)
        return calendar
    }

    /// The listed dates as day numbers; each a date YYYY-MM-DD on a weekday (holidays) or on a
    /// Saturday or Sunday (worked weekend days).
    static func days(_ r: TOMLSection, _ key: String, weekend: Bool, _ d: RuleReading) -> Set<Int> {
        var out: Set<Int> = []
        for node in r.array(key, required: false) ?? [] {
            guard case .string(let s) = node.value, let date = CivilDate.parse(Substring(s.value)) else {
                let text: String
                if case .string(let s) = node.value { text = "'\(s.value)'" } else { text = node.value.kindName }
                d.report(RuleMessages.badCalendarDay(key, text, why: .notADate, at: node.location))
                continue
            }
            if (WorkCalendar.weekday(date) >= 6) != weekend {
                let why: RuleMessages.DayProblem = weekend ? .weekday : .weekend
                d.report(RuleMessages.badCalendarDay(key, "'\(s.value)'", why: why, at: s.location(ofCharacterAt: 0)))
                continue
            }
            out.insert(date.dayNumber)
        }
        return out
    }
}
