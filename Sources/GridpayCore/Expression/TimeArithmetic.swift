/// Time arithmetic of the rule language, exact to the second: the difference of two times in
/// hours, minutes or seconds (exact fractions: 90 s is 1.5 minutes and 1/40 hour), and a time
/// plus a duration, so that `<done> <= add_hours(<dispatched>, 48)` holds for exactly 48:00:00.

extension CivilDate {
    /// Days since 1970-01-01 (proleptic Gregorian; negative before).
    public var dayNumber: Int {
        // Days from civil (Howard Hinnant).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber z0: Int) {
        // Civil from days (Howard Hinnant).
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }
}

extension CivilDateTime {
    /// Seconds since 1970-01-01 00:00 (local time: exports carry no zone, and none is needed
    /// for differences).
    public var secondNumber: Int { date.dayNumber * 86400 + secondOfDay }

    public init(secondNumber s: Int) {
        let days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400)
        self.init(date: CivilDate(dayNumber: days), secondOfDay: s - days * 86400)
    }
}

/// The rule language's time functions (see README, "Times"); the catalog gives each its unit.
enum TimeArithmetic {
    /// `hours_between(a, b)` etc.: b − a in units of `unitSeconds`, exact (negative when b is before a).
    static func between(_ a: CivilDateTime, _ b: CivilDateTime, unitSeconds unit: Int) -> ExactNumber {
        let seconds = ExactNumber(b.secondNumber - a.secondNumber)
        return unit == 1 ? seconds : ((try? seconds.divided(by: ExactNumber(unit))) ?? .zero)
    }

    /// `add_hours(t, n)` etc.: t moved by n units; n may be negative or fractional, but the result
    /// must fall on a whole second.
    static func add(_ name: String, _ t: CivilDateTime, _ n: ExactNumber, unitSeconds unit: Int, at loc: SourceLocation) throws(EvaluationError) -> CivilDateTime {
        let seconds: ExactNumber
        do { seconds = try n.multiplied(by: ExactNumber(unit)) } catch { throw EvaluationError(error, at: loc) }
        guard seconds.isInteger, seconds.magnitude <= ExactNumber(1_000_000_000_000) else {
            throw EvaluationError(EvaluationMessages.notAWholeSecond(name, by: n), at: loc)
        }
        return CivilDateTime(secondNumber: t.secondNumber + Int(seconds.numerator))
    }
}
