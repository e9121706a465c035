/// A period of any kind (SPEC §8): a month `YYYY-MM`, a quarter `YYYY-Qn` (Q1 = January to
/// March), a half-year `YYYY-Hn` (H1 = January to June) or a year `YYYY`. Runs are made of
/// assessment periods; ratings combine the assessment periods inside a
/// longer one. A town may be assessed by any of the four kinds. `Period` remains the calendar month, the unit of the input folders.
public struct CalendarPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let kind: PeriodKind
    public let year: Int
    /// Month 1–12, quarter 1–4, half 1–2; 1 for a year.
    public let index: Int

    public init(month: Period) {
        kind = .month
        year = month.year
        index = month.month
    }

    /// nil when `index` is out of range for the kind.
    public init?(kind: PeriodKind, year: Int, index: Int) {
        guard (1...Self.count(of: kind)).contains(index), year >= 1900 else { return nil }
        self.kind = kind
        self.year = year
        self.index = index
    }

    /// Periods of this kind in a year.
    public static func count(of kind: PeriodKind) -> Int {
        switch kind {
        case .month: 12
        case .quarter: 4
        case .halfYear: 2
        case .year: 1
        }
    }

    /// Months in one period of the kind.
    public static func length(of kind: PeriodKind) -> Int { 12 / count(of: kind) }

    /// `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn` or `YYYY`; nil for anything else.
    public static func parse(_ text: String) -> CalendarPeriod? {
        let u = Array(text.utf8)
        guard u.count >= 4, let y = CivilDate.digits(u[0..<4]), y >= 1900 else { return nil }
        if u.count == 4 { return CalendarPeriod(kind: .year, year: y, index: 1) }
        if let m = Period.parse(text) { return CalendarPeriod(month: m) }
        guard u.count == 7, u[4] == UInt8(ascii: "-"), let n = CivilDate.digits(u[6..<7]) else { return nil }
        switch u[5] {
        case UInt8(ascii: "Q"): return CalendarPeriod(kind: .quarter, year: y, index: n)
        case UInt8(ascii: "H"): return CalendarPeriod(kind: .halfYear, year: y, index: n)
        default: return nil
        }
    }

    public var description: String {
        switch kind {
        case .month: firstMonth.description
        case .quarter: "\(year)-Q\(index)"
        case .halfYear: "\(year)-H\(index)"
        case .year: "\(year)"
        }
    }

    /// The month when this is a month.
    public var asMonth: Period? { kind == .month ? firstMonth : nil }
    public var firstMonth: Period { Period(year: year, month: (index - 1) * Self.length(of: kind) + 1) }
    public var lastMonth: Period { firstMonth.adding(months: Self.length(of: kind) - 1) }
    /// The calendar months inside, in order.
    public var months: [Period] { (0..<Self.length(of: kind)).map { firstMonth.adding(months: $0) } }
    public var firstDay: CivilDate { firstMonth.firstDay }
    public var lastDay: CivilDate { lastMonth.lastDay }
    /// Days in the period (what `days_in_period` gives).
    public var days: Int { months.reduce(0) { $0 + $1.days } }
    public func contains(_ d: CivilDate) -> Bool { firstDay <= d && d <= lastDay }
    /// The pinned "created" time of a workbook: the first second of the period (UTC).
    public var epochSeconds: Int { firstMonth.epochSeconds }

    /// The period `n` periods of the same kind later (earlier when negative).
    public func adding(_ n: Int) -> CalendarPeriod {
        let per = Self.count(of: kind)
        let k = year * per + (index - 1) + n
        return CalendarPeriod(kind: kind, year: k / per, index: k % per + 1)!
    }

    /// The period of the same kind just before.
    public var previous: CalendarPeriod { adding(-1) }

    /// Whether `other` lies wholly inside this period.
    public func contains(_ other: CalendarPeriod) -> Bool {
        firstMonth <= other.firstMonth && other.lastMonth <= lastMonth
    }

    /// The periods of `kind` inside this one, in order (e.g. the quarters of a year); empty when
    /// `kind` is longer than this period's.
    public func periods(of kind: PeriodKind) -> [CalendarPeriod] {
        let length = Self.length(of: kind)
        guard length <= Self.length(of: self.kind) else { return [] }
        return stride(from: 0, to: Self.length(of: self.kind), by: length).map { offset in
            let m = firstMonth.adding(months: offset)
            return CalendarPeriod(kind: kind, year: m.year, index: (m.month - 1) / length + 1)!
        }
    }

    /// The period of `kind` holding the month `m`.
    public static func of(_ kind: PeriodKind, holding m: Period) -> CalendarPeriod {
        CalendarPeriod(kind: kind, year: m.year, index: (m.month - 1) / length(of: kind) + 1)!
    }

    public static func < (a: CalendarPeriod, b: CalendarPeriod) -> Bool {
        (a.firstMonth, length(of: a.kind)) < (b.firstMonth, length(of: b.kind))
    }
}

extension CalendarPeriod {
    /// The 总分 of this period shown beside a longer one's (SPEC §17's 上半年总分): 上半年总分,
    /// 下半年总分, 第1季度总分, 3月总分.
    public var preliminaryTotalName: String {
        let name: String
        switch kind {
        case .halfYear: name = index == 1 ? "上半年" : "下半年"
        case .quarter: name = "第\(index)季度"
        case .month: name = "\(index)月"
        case .year: name = "\(year)年"
        }
        return "\(name)\(RuleLoader.totalName)"
    }
}

extension PeriodKind {
    /// The Chinese name used on sheets (月、季度、半年、年).
    public var label: String {
        switch self {
        case .month: "月"
        case .quarter: "季度"
        case .halfYear: "半年"
        case .year: "年"
        }
    }

    /// One period of the kind as Chinese says it: 一个月、一个季度、半年、一年 (not 一个年).
    public var one: String {
        switch self {
        case .month: "一个月"
        case .quarter: "一个季度"
        case .halfYear: "半年"
        case .year: "一年"
        }
    }

    /// How a period of the kind is written: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY.
    public var form: String {
        switch self {
        case .month: "YYYY-MM"
        case .quarter: "YYYY-Qn"
        case .halfYear: "YYYY-Hn"
        case .year: "YYYY"
        }
    }

    /// The last roster of a period of several months as 数据问题 names it (季度末名册, 半年末名册,
    /// 年末名册): a row of a worker not on it is not counted.
    public var lastRosterLabel: String { "\(label)末名册" }

    /// Months in one period of the kind, in words (a quarter is read from all three of its months).
    public var monthsInWords: String {
        switch self {
        case .month: "one"
        case .quarter: "three"
        case .halfYear: "six"
        case .year: "twelve"
        }
    }
}
