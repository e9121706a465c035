/// The days a pay month covers (SPEC §16): the calendar month, or, for a town whose month
/// starts on day N of the previous one (`[rules] month_starts_on = N`), day N of the previous
/// month to day N − 1 of this one (month_starts_on = 26: 2026-10 is 2026-09-26 to 2026-10-25).
/// Dates that must lie in the period, the days in it and history all follow it. N is at most 28,
/// so every month has the day.
public struct PayDays: Sendable, Equatable {
    public let month: Period
    /// 1: the calendar month.
    public let startsOn: Int

    public init(_ month: Period, startsOn: Int) {
        self.month = month
        self.startsOn = startsOn
    }

    public var firstDay: CivilDate {
        guard startsOn > 1 else { return month.firstDay }
        let previous = month.adding(months: -1)
        return CivilDate(year: previous.year, month: previous.month, day: startsOn)
    }

    public var lastDay: CivilDate {
        guard startsOn > 1 else { return month.lastDay }
        return CivilDate(year: month.year, month: month.month, day: startsOn - 1)
    }

    /// From day N of the previous month to day N − 1 of this one: as many days as the previous month has.
    public var days: Int { startsOn > 1 ? month.adding(months: -1).days : month.days }

    public func contains(_ d: CivilDate) -> Bool { firstDay <= d && d <= lastDay }
}

extension CalendarPeriod {
    /// Days in the period when each of its months starts on `startsOn` (what `days_in_period` gives).
    public func days(monthStartsOn startsOn: Int) -> Int { months.reduce(0) { $0 + PayDays($1, startsOn: startsOn).days } }

    public func firstDay(monthStartsOn startsOn: Int) -> CivilDate { PayDays(firstMonth, startsOn: startsOn).firstDay }
    public func lastDay(monthStartsOn startsOn: Int) -> CivilDate { PayDays(lastMonth, startsOn: startsOn).lastDay }
}

extension CalendarPeriod {
    /// How 说明 names the period: 2026-10（31 天）, or with month_starts_on
    /// 2026-10（2026-09-26 至 2026-10-25，30 天）.
    public func aboutText(monthStartsOn startsOn: Int) -> String {
        let days = days(monthStartsOn: startsOn)
        guard startsOn > 1 else { return "\(self)（\(days) 天）" }
        return "\(self)（\(firstDay(monthStartsOn: startsOn)) 至 \(lastDay(monthStartsOn: startsOn))，\(days) 天）"
    }
}
