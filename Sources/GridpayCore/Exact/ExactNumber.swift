/// An exact rational number: every score and every yuan is one of these, never a binary float.
///
/// Sums of decimals stay decimal; quotients such as minutes / 60 / days stay exact until a rule
/// rounds them explicitly (`rounded(places:)`, half-up, i.e. half away from zero).
public struct ExactNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Always reduced, denominator > 0.
    public let numerator: Int128
    public let denominator: Int128

    public static let zero = ExactNumber(0)
    public static let one = ExactNumber(1)

    public init(_ value: Int) {
        numerator = Int128(value)
        denominator = 1
    }

    /// Builds a reduced fraction; throws on a zero denominator.
    public init(numerator: Int128, denominator: Int128) throws(ArithmeticError) {
        guard denominator != 0 else { throw .divisionByZero }
        var n = numerator, d = denominator
        if d < 0 {
            guard n != .min, d != .min else { throw .overflow }
            n = -n; d = -d
        }
        let g = ExactNumber.gcd(n.magnitude, d.magnitude)
        self.numerator = n / Int128(g)
        self.denominator = d / Int128(g)
    }

    init(reduced n: Int128, _ d: Int128) {
        numerator = n
        denominator = d
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

    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator < 0 }
    public var sign: Int { numerator == 0 ? 0 : (numerator < 0 ? -1 : 1) }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    public func adding(_ other: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        if denominator == other.denominator {
            let (s, o) = numerator.addingReportingOverflow(other.numerator)
            if o { throw .overflow }
            return try ExactNumber(numerator: s, denominator: denominator)
        }
        let (a, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (b, o2) = other.numerator.multipliedReportingOverflow(by: denominator)
        let (s, o3) = a.addingReportingOverflow(b)
        let (d, o4) = denominator.multipliedReportingOverflow(by: other.denominator)
        if o1 || o2 || o3 || o4 { throw .overflow }
        return try ExactNumber(numerator: s, denominator: d)
    }

    public func negated() throws(ArithmeticError) -> ExactNumber {
        guard numerator != .min else { throw .overflow }
        return ExactNumber(reduced: -numerator, denominator)
    }

    public func subtracting(_ other: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        try adding(other.negated())
    }

    public func multiplied(by other: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        // Cross-reduce first so that products stay small.
        let g1 = Int128(ExactNumber.gcd(numerator.magnitude, other.denominator.magnitude))
        let g2 = Int128(ExactNumber.gcd(other.numerator.magnitude, denominator.magnitude))
        let (n, o1) = (numerator / g1).multipliedReportingOverflow(by: other.numerator / g2)
        let (d, o2) = (denominator / g2).multipliedReportingOverflow(by: other.denominator / g1)
        if o1 || o2 { throw .overflow }
        return try ExactNumber(numerator: n, denominator: d)
    }

    public func divided(by other: ExactNumber) throws(ArithmeticError) -> ExactNumber {
        guard other.numerator != 0 else { throw .divisionByZero }
        return try multiplied(by: ExactNumber(numerator: other.denominator, denominator: other.numerator))
    }

    /// Rounds to `places` decimals, half away from zero ("四舍五入", what SPEC calls half-up).
    public func rounded(places: Int) throws(ArithmeticError) -> ExactNumber {
        guard places >= 0, places <= 18 else { throw .overflow }
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let (scaled, o) = numerator.magnitude.multipliedReportingOverflow(by: UInt128(scale))
        if o { throw .overflow }
        let d = denominator.magnitude
        var q = scaled / d
        let r = scaled % d
        if r * 2 >= d { q += 1 }
        let signed = numerator < 0 ? -Int128(q) : Int128(q)
        return try ExactNumber(numerator: signed, denominator: scale)
    }

    /// Rounds toward negative infinity to a whole number.
    public func floored() -> ExactNumber {
        var q = numerator / denominator
        if numerator % denominator != 0 && numerator < 0 { q -= 1 }
        return ExactNumber(reduced: q, 1)
    }

    public func ceiled() -> ExactNumber {
        var q = numerator / denominator
        if numerator % denominator != 0 && numerator > 0 { q += 1 }
        return ExactNumber(reduced: q, 1)
    }

    public var magnitude: ExactNumber { ExactNumber(reduced: numerator < 0 ? -numerator : numerator, denominator) }

    public static func < (lhs: ExactNumber, rhs: ExactNumber) -> Bool {
        if lhs.denominator == rhs.denominator { return lhs.numerator < rhs.numerator }
        // Compare a/b < c/d without overflow: full-width products.
        let l = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let r = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (l.high, l.low) < (r.high, r.low)
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
        let limit: Int128 = 1 << 53
        if numerator.magnitude < limit.magnitude && denominator < limit {
            // Through Int64: converting Int128 to Double directly takes a slow generic path.
            return Double(Int64(truncatingIfNeeded: numerator)) / Double(Int64(truncatingIfNeeded: denominator))
        }
        if let d = Double(fixed(places: 12)) { return d }
        return Double(numerator) / Double(denominator)
    }
}

public enum ArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
    case overflow
    case divisionByZero

    public var description: String {
        switch self {
        case .overflow: "number too large for exact arithmetic"
        case .divisionByZero: "division by zero"
        }
    }
}
