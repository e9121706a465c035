/// Runtime values of the expression language and of typed input cells.
public enum ValueType: String, Sendable, Equatable, CustomStringConvertible {
    case number, bool, text, date, datetime
    public var description: String {
        switch self {
        case .number: "a number"
        case .bool: "true/false"
        case .text: "text"
        case .date: "a date"
        case .datetime: "a date and time"
        }
    }

    /// The type as a Chinese message names it (the messages' `zh:` texts; `description` is the English).
    public var label: String {
        switch self {
        case .number: "数字"
        case .bool: "是非值（true/false）"
        case .text: "文字"
        case .date: "日期"
        case .datetime: "日期时间"
        }
    }
}

/// A calendar day, no time zone: exports are local dates.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Packed (8 bytes): a date sits in every Value, and a Value in every per-worker slot.
    private var y: Int32
    private var m: UInt8
    private var dd: UInt8

    public var year: Int { Int(y) }
    public var month: Int { Int(m) }
    public var day: Int { Int(dd) }

    public init(year: Int, month: Int, day: Int) {
        y = Int32(truncatingIfNeeded: year)
        m = UInt8(truncatingIfNeeded: month)
        dd = UInt8(truncatingIfNeeded: day)
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        default:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        }
    }

    /// Strict `YYYY-MM-DD`.
    public static func parse(_ s: Substring) -> CivilDate? {
        var s = s
        return s.withUTF8 { parse(bytes: $0) }
    }

    public static func parse(bytes u: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = digits(u[0..<4]), let m = digits(u[5..<7]), let d = digits(u[8..<10]),
              m >= 1, m <= 12, d >= 1, d <= daysInMonth(year: y, month: m) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    static func digits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var v = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            v = v * 10 + Int(b - 48)
        }
        return v
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var v = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            v = v * 10 + Int(b - 48)
        }
        return v
    }
}

/// A local date and time to the second.
public struct CivilDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: CivilDate
    private var seconds: Int32
    public var secondOfDay: Int { Int(seconds) }

    public init(date: CivilDate, secondOfDay: Int) {
        self.date = date
        seconds = Int32(truncatingIfNeeded: secondOfDay)
    }

    public static func < (a: CivilDateTime, b: CivilDateTime) -> Bool { (a.date, a.secondOfDay) < (b.date, b.secondOfDay) }

    public var description: String {
        let h = secondOfDay / 3600, m = secondOfDay / 60 % 60, s = secondOfDay % 60
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date) \(pad(h)):\(pad(m)):\(pad(s))"
    }

    /// `YYYY-MM-DD HH:MM` with optional `:SS`.
    public static func parse(_ s: Substring) -> CivilDateTime? {
        var s = s
        return s.withUTF8 { parse(bytes: $0) }
    }

    public static func parse(bytes u: UnsafeBufferPointer<UInt8>) -> CivilDateTime? {
        guard u.count == 16 || u.count == 19, u[10] == UInt8(ascii: " "), u[13] == UInt8(ascii: ":"),
              let date = CivilDate.parse(bytes: UnsafeBufferPointer(rebasing: u[0..<10])),
              let h = CivilDate.digits(u[11..<13]), let m = CivilDate.digits(u[14..<16]), h < 24, m < 60 else { return nil }
        var sec = 0
        if u.count == 19 {
            guard u[16] == UInt8(ascii: ":"), let sv = CivilDate.digits(u[17..<19]), sv < 60 else { return nil }
            sec = sv
        }
        return CivilDateTime(date: date, secondOfDay: h * 3600 + m * 60 + sec)
    }
}

public enum Value: Hashable, Sendable, CustomStringConvertible {
    case number(ExactNumber)
    case bool(Bool)
    case text(String)
    case date(CivilDate)
    case datetime(CivilDateTime)
    /// An empty cell of an optional column: no value. Only has() / is_empty() may look at it;
    /// any other use is an error at the row (it is never read as 0 or as empty text).
    case empty
    /// Not known: it depends on an earlier period whose results are missing (consecutive() without
    /// a default). Passes through not/and/or/if (false and unknown is false; true or unknown is
    /// true); anything else that depends on it is unknown too, and an item, pay amount or other
    /// result that is unknown is an error for the run.
    case unknown

    public var isUnknown: Bool { if case .unknown = self { return true } else { return false } }

    public var type: ValueType {
        switch self {
        case .number: .number
        case .bool: .bool
        case .text: .text
        case .date: .date
        case .datetime: .datetime
        case .empty: .text   // no value has no type; reported as text where a type must be named
        case .unknown: .bool
        }
    }

    public var isEmpty: Bool { if case .empty = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .number(let n): n.description
        case .bool(let b): b ? "是" : "否"
        case .text(let t): t
        case .date(let d): d.description
        case .datetime(let d): d.description
        case .empty: ""
        case .unknown: "未知（历史不完整）"
        }
    }

    public var number: ExactNumber? { if case .number(let n) = self { return n } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
}

// Value is what every per-worker slot and every decoded cell holds: keep it small.
// (ExactNumber 16 bytes, String 16, CivilDateTime 12 → 17 bytes, stride 24.)
