/// The working days of a town's calendar (`[calendar]` of the rule file): Monday to Friday, less
/// the declared holidays, plus the declared weekend days that are worked (调休). What
/// `working_days(a, b)` counts; the rule file holds it, so a closed period's archived rule file
/// re-runs with the calendar it was closed with.
public struct WorkCalendar: Sendable, Equatable {
    /// Day numbers (CivilDate.dayNumber) of weekdays that are not worked.
    public var holidays: Set<Int> = []
    /// Day numbers of Saturdays and Sundays that are worked.
    public var workedWeekendDays: Set<Int> = []

    public init(holidays: Set<Int> = [], workedWeekendDays: Set<Int> = []) {
        self.holidays = holidays
        self.workedWeekendDays = workedWeekendDays
    }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public static func weekday(_ d: CivilDate) -> Int {
        // 1970-01-01 was a Thursday (4).
        let k = (d.dayNumber + 3) % 7
        return (k < 0 ? k + 7 : k) + 1
    }

    public func isWorkingDay(_ dayNumber: Int) -> Bool {
        if holidays.contains(dayNumber) { return false }
        if workedWeekendDays.contains(dayNumber) { return true }
        return Self.weekday(CivilDate(dayNumber: dayNumber)) <= 5
    }

    /// The working days after `a` up to and including `b` (0 when b is not after a): a task
    /// dispatched on a Friday and done on the next Monday took 1 working day.
    public func workingDays(after a: CivilDate, through b: CivilDate) -> Int {
        let (start, end) = (a.dayNumber, b.dayNumber)
        guard end > start else { return 0 }
        // Whole weeks hold five weekdays each; only the remainder is walked day by day.
        let days = end - start
        var count = days / 7 * 5
        var d = start + days / 7 * 7
        while d < end {
            d += 1
            if Self.weekday(CivilDate(dayNumber: d)) <= 5 { count += 1 }
        }
        for h in holidays where h > start && h <= end { count -= 1 }
        for w in workedWeekendDays where w > start && w <= end { count += 1 }
        return count
    }

    /// The week of `d` counted from the week (Monday to Sunday) holding `start`: 1 for that week,
    /// 0 for the week before.
    public static func week(of d: CivilDate, from start: CivilDate) -> Int {
        let monday = start.dayNumber - (weekday(start) - 1)
        let offset = d.dayNumber - monday
        return (offset >= 0 ? offset / 7 : -((-offset + 6) / 7)) + 1
    }
}
