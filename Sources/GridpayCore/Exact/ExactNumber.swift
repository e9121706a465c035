/// An exact rational number: every score and every yuan is one of these, never a binary float.
///
/// Sums of decimals stay decimal; quotients such as minutes / 60 / days stay exact until a rule
/// rounds them explicitly (`rounded(places:)`, half-up, i.e. half away from zero).
public struct ExactNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored in 64 bits each (16 bytes: every per-worker value of a province month is one of
    // these); arithmetic runs in 128 bits and a result that does not fit is an overflow error.
    /// Always reduced, denominator > 0.
    private let n: Int64
    private let d: Int64

    public var numerator: Int128 { Int128(n) }
    public var denominator: Int128 { Int128(d) }

    public static let zero = ExactNumber(0)
    public static let one = ExactNumber(1)

    public init(_ value: Int) {
        n = Int64(value)
        d = 1
    }

    /// Builds a reduced fraction; throws on a zero denominator or a value too large to keep exactly.
    public init(numerator: Int128, denominator: Int128) throws(ArithmeticError) {
        guard denominator != 0 else { throw .divisionByZero }
        var num = numerator, den = denominator
        if den < 0 {
            guard num != .min, den != .min else { throw .overflow }
            num = -num; den = -den
        }
        if let small = Int64(exactly: num), let smallDen = Int64(exactly: den) {
            let g = Int64(ExactNumber.gcd64(small.magnitude, smallDen.magnitude))
            n = small / g
            d = smallDen / g
            return
        }
        let g = Int128(ExactNumber.gcd(num.magnitude, den.magnitude))
        guard let rn = Int64(exactly: num / g), let rd = Int64(exactly: den / g) else { throw .overflow }
        n = rn
        d = rd
    }

    /// Already reduced, denominator > 0 (callers guarantee it); nil if it does not fit.
    init?(reduced num: Int128, _ den: Int128) {
        guard let rn = Int64(exactly: num), let rd = Int64(exactly: den) else { return nil }
        n = rn
        d = rd
    }

    private init(raw num: Int64, _ den: Int64) {
        n = num
        d = den
    }

    /// Parses a plain decimal from UTF-8 bytes (optional '-', digits, optional '.' and digits),
    /// without building a String: this runs for every numeric cell of every input file.
    public init?(decimalBytes bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = bytes.count
        var negative = false
        if n > 0, bytes[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        var value: Int128 = 0
        var places = 0
        var digits = 0
        var seenPoint = false
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: ".") {
                if seenPoint || digits == 0 { return nil }
                seenPoint = true
            } else if b >= 48 && b <= 57 {
                if digits >= 36 { return nil }
                value = value &* 10 &+ Int128(b &- 48)
                digits += 1
                if seenPoint { places += 1 }
            } else {
                return nil
            }
            i += 1
        }
        if digits == 0 || (seenPoint && places == 0) { return nil }
        if places == 0 {
            self.init(reduced: negative ? -value : value, 1)
            return
        }
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        guard let v = try? ExactNumber(numerator: negative ? -value : value, denominator: scale) else { return nil }
        self = v
    }

    /// Parses a plain decimal literal: optional sign, digits, optional fraction. No exponent, no grouping.
    public init?(decimalText text: some StringProtocol) {
        var negative = false
        var digits = Substring(text)
        if let first = digits.first, first == "-" || first == "+" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var n: Int128 = 0
        var d: Int128 = 1
        var seenPoint = false
        var seenDigit = false
        for ch in digits.utf8 {
            if ch == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard ch >= 48, ch <= 57 else { return nil }
            seenDigit = true
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int128(ch - 48))
            if o1 || o2 { return nil }
            n = s
            if seenPoint {
                let (nd, o3) = d.multipliedReportingOverflow(by: 10)
                if o3 { return nil }
                d = nd
            }
        }
        guard seenDigit else { return nil }
        if digits.last == "." { return nil }
        guard let value = try? ExactNumber(numerator: negative ? -n : n, denominator: d) else { return nil }
        self = value
    }

    public var isInteger: Bool { d == 1 }
    public var isNegative: Bool { n < 0 }
    public var sign: Int { n == 0 ? 0 : (n < 0 ? -1 : 1) }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    static func gcd64(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    public func adding(_ other: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        if d == other.d {
            let (s, o) = n.addingReportingOverflow(other.n)
            if !o {
                if d == 1 { return ExactNumber(raw: s, 1) }
                let g = Int64(ExactNumber.gcd64(s.magnitude, UInt64(d)))
                return ExactNumber(raw: s / g, d / g)
            }
        }
        // Products of 64-bit parts cannot overflow 128 bits.
        let a = Int128(n) * Int128(other.d)
        let b = Int128(other.n) * Int128(d)
        return try ExactNumber(numerator: a + b, denominator: Int128(d) * Int128(other.d))
    }

    public func negated() throws(ArithmeticError) -> ExactNumber {
        guard n != .min else { throw .overflow }
        return ExactNumber(raw: -n, d)
    }

    public func subtracting(_ other: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        try adding(other.negated())
    }

    public func multiplied(by other: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        try ExactNumber(numerator: Int128(n) * Int128(other.n), denominator: Int128(d) * Int128(other.d))
    }

    public func divided(by other: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        guard other.n != 0 else { throw .divisionByZero }
        return try ExactNumber(numerator: Int128(n) * Int128(other.d), denominator: Int128(d) * Int128(other.n))
    }

    /// Rounds to `places` decimals, half away from zero ("四舍五入", what SPEC calls half-up).
    public func rounded(places: Int) throws(ArithmeticError) -> ExactNumber {
        guard places >= 0, places <= 18 else { throw .overflow }
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = UInt128(n.magnitude) * UInt128(scale)
        let den = UInt128(d)
        var q = scaled / den
        let r = scaled % den
        if r * 2 >= den { q += 1 }
        let signed = n < 0 ? -Int128(q) : Int128(q)
        return try ExactNumber(numerator: signed, denominator: scale)
    }

    /// Rounds toward negative infinity to a whole number.
    public func floored() -> ExactNumber {
        var q = n / d
        if n % d != 0 && n < 0 { q -= 1 }
        return ExactNumber(raw: q, 1)
    }

    public func ceiled() -> ExactNumber {
        var q = n / d
        if n % d != 0 && n > 0 { q += 1 }
        return ExactNumber(raw: q, 1)
    }

    public var magnitude: ExactNumber { n == .min ? self : ExactNumber(raw: n < 0 ? -n : n, d) }

    public static func < (lhs: ExactNumber, rhs: ExactNumber) -> Bool {
        if lhs.d == rhs.d { return lhs.n < rhs.n }
        return Int128(lhs.n) * Int128(rhs.d) < Int128(rhs.n) * Int128(lhs.d)
    }

    /// True when the value has a finite decimal expansion with at most `places` digits.
    public func hasAtMostDecimalPlaces(_ places: Int) -> Bool {
        guard let r = try? rounded(places: places) else { return false }
        return r == self
    }

    /// Exact decimal text when the expansion terminates within 18 digits; otherwise rounded to
    /// `fallbackPlaces` and prefixed with "≈" so that a reader never mistakes it for exact.
    public var description: String {
        for places in 0...18 where hasAtMostDecimalPlaces(places) {
            return fixed(places: places)
        }
        return "≈" + fixed(places: 6)
    }

    /// Fixed-point text with exactly `places` decimals, rounding half away from zero.
    public func fixed(places: Int) -> String {
        guard let r = try? rounded(places: places) else { return "overflow" }
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = r.numerator * (scale / r.denominator)
        let negative = scaled < 0
        let digits = String(scaled.magnitude)
        var text: String
        if places == 0 {
            text = digits
        } else {
            let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
            text = String(padded.dropLast(places)) + "." + String(padded.suffix(places))
        }
        return negative ? "-" + text : text
    }

    /// For cells of a spreadsheet only: the nearest Double. Never used in arithmetic.
    public var doubleValue: Double {
        // Both parts exact in a Double: IEEE division then rounds the exact quotient correctly.
        let limit: Int64 = 1 << 53
        if n.magnitude < UInt64(limit) && d < limit {
            return Double(n) / Double(d)
        }
        if let d = Double(fixed(places: 12)) { return d }
        return Double(n) / Double(d)
    }
}

public enum ArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
    case overflow
    case divisionByZero

    public var description: String {
        switch self {
        case .overflow: ArithmeticMessages.overflow()
        case .divisionByZero: ArithmeticMessages.divisionByZero()
        }
    }
}
