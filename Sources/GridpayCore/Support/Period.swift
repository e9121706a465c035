public enum PeriodKind: String, Sendable {
    case month, quarter, halfYear = "half-year", year
}

/// A calendar month, the unit of a run (`YYYY-MM`). Quarters, half-years and years are made of months.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public static func parse(_ text: String) -> Period? {
        let u = Array(text.utf8)
        guard u.count == 7, u[4] == UInt8(ascii: "-"),
              let y = CivilDate.digits(u[0..<4]), let m = CivilDate.digits(u[5..<7]), (1...12).contains(m), y >= 1900 else { return nil }
        return Period(year: y, month: m)
    }

    public var description: String { CivilDate(year: year, month: month, day: 1).description.prefix(7).description }
    public var days: Int { CivilDate.daysInMonth(year: year, month: month) }
    public var firstDay: CivilDate { CivilDate(year: year, month: month, day: 1) }
    public var lastDay: CivilDate { CivilDate(year: year, month: month, day: days) }

    public func contains(_ d: CivilDate) -> Bool { d.year == year && d.month == month }

    public func adding(months: Int) -> Period {
        let index = year * 12 + (month - 1) + months
        return Period(year: index / 12, month: index % 12 + 1)
    }

    public static func < (a: Period, b: Period) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// Seconds since 1970-01-01 00:00 UTC of the first day of the month: the pinned "created"
    /// time of a workbook, so that re-running a month never depends on the clock.
    public var epochSeconds: Int {
        // Days from civil algorithm (Howard Hinnant), valid for the proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146097 + doe - 719468) * 86400
    }
}
