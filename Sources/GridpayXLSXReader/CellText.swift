/// A number cell's text as the sheet shows it: a date cell as its date (YYYY-MM-DD, with
/// HH:MM:SS where its format shows a time), a percentage cell as 92.3%, any other number as
/// plain decimal digits rounded to the 15 significant digits a spreadsheet shows
/// (0.30000000000000004 is 0.3; 1.5E-3 is 0.0015).
struct CellText {
    let date1904: Bool

    func number(_ v: [UInt8], shown: StylesHandler.Shown) -> [UInt8] {
        // Most cells are already plain (2400.5, 132): as they are, without building a Decimal15.
        if shown == .number, Self.isPlain(v) { return v }
        guard let d = Decimal15(v) else { return v }   // not a number: the text as it is
        switch shown {
        case .number: return Array(d.text.utf8)
        case .percent: return Array((d.shifted(by: 2).text + "%").utf8)
        case .date, .dateTime, .time: return serialDate(d, shown) ?? Array(d.text.utf8)
        case .elapsed: return elapsedHours(d) ?? Array(d.text.utf8)
        }
    }

    /// Digits with an optional '-' and '.', no leading zero before other digits, no trailing zero
    /// after the point and at most 15 of them: the text Decimal15 would give back.
    static func isPlain(_ v: [UInt8]) -> Bool {
        var i = v.first == UInt8(ascii: "-") ? 1 : 0
        guard i < v.count, v.count - i <= 16 else { return false }
        if v[i] == UInt8(ascii: "0"), i + 1 < v.count, v[i + 1] != UInt8(ascii: ".") { return false }
        var digits = 0, point = false, significant = false
        while i < v.count {
            let c = v[i]
            if c == UInt8(ascii: ".") {
                guard !point, digits > 0 else { return false }
                point = true
            } else if c >= 48, c <= 57 {
                digits += 1
                if c != 48 { significant = true }
            } else {
                return false
            }
            i += 1
        }
        if point, v.last == UInt8(ascii: "0") || v.last == UInt8(ascii: ".") { return false }
        // "-0" and "0.0…" are zero, written "0" by Decimal15; 15 digits at most.
        return significant && digits <= 15 || (v == [48])
    }

    /// A serial day number (days since 1899-12-30, or 1904-01-01) as its date and time.
    func serialDate(_ d: Decimal15, _ shown: StylesHandler.Shown) -> [UInt8]? {
        guard !d.negative, let seconds = d.roundedSeconds(), seconds < 3_000_000 * 86_400 else { return nil }
        let days = seconds / 86_400 + (date1904 ? 1_462 : 0), second = seconds % 86_400
        // Days from 1899-12-30 to a civil date (Howard Hinnant's algorithm, shifted to 1970).
        let z = days - 25_569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        // Written as bytes: a sheet of dates has one on every row (no Strings per cell).
        var out: [UInt8] = []
        out.reserveCapacity(19)
        if shown != .time {
            Self.put(year, width: 4, &out)
            out.append(UInt8(ascii: "-"))
            Self.put(month, width: 2, &out)
            out.append(UInt8(ascii: "-"))
            Self.put(day, width: 2, &out)
            if shown == .date, second == 0 { return out }
            out.append(UInt8(ascii: " "))
        }
        Self.put(second / 3600, width: 2, &out)
        out.append(UInt8(ascii: ":"))
        Self.put(second / 60 % 60, width: 2, &out)
        out.append(UInt8(ascii: ":"))
        Self.put(second % 60, width: 2, &out)
        return out
    }

    /// A duration in days (`[h]:mm:ss`) as hours that do not wrap at 24: 1.0625 is 25:30:00.
    func elapsedHours(_ d: Decimal15) -> [UInt8]? {
        guard !d.negative, let seconds = d.roundedSeconds(), seconds < 3_000_000 * 86_400 else { return nil }
        var out: [UInt8] = []
        Self.put(seconds / 3600, width: 2, &out)
        out.append(UInt8(ascii: ":"))
        Self.put(seconds / 60 % 60, width: 2, &out)
        out.append(UInt8(ascii: ":"))
        Self.put(seconds % 60, width: 2, &out)
        return out
    }

    /// `n` ≥ 0 in decimal digits, at least `width` of them (leading zeros).
    static func put(_ n: Int, width: Int, _ out: inout [UInt8]) {
        var divisor = 1, digits = 1
        while divisor <= n / 10 {
            divisor *= 10
            digits += 1
        }
        for _ in digits..<max(digits, width) { out.append(UInt8(ascii: "0")) }
        while divisor > 0 {
            out.append(UInt8(48 + n / divisor % 10))
            divisor /= 10
        }
    }

    /// A `t="d"` cell: ISO 8601 text, `T` read as a space, fractions and zones left out.
    func isoDate(_ v: [UInt8]) -> [UInt8] {
        var out = Array(v.prefix(19))
        if out.count > 10, out[10] == UInt8(ascii: "T") { out[10] = UInt8(ascii: " ") }
        if out.count == 19, out[11...].elementsEqual(Array("00:00:00".utf8)) { out = Array(out.prefix(10)) }
        return out
    }
}

/// A number cell's value as at most 15 significant decimal digits and a power of ten.
struct Decimal15 {
    var negative: Bool
    /// Significant digits, no leading zeros (empty for zero).
    var digits: [UInt8]
    /// The value is 0.d1d2d3… × 10^exponent.
    var exponent: Int

    init?(_ v: [UInt8]) {
        var i = 0
        negative = v.first == UInt8(ascii: "-")
        if negative || v.first == UInt8(ascii: "+") { i = 1 }
        var mantissa: [UInt8] = [], pointAt: Int?, sawDigit = false
        mantissa.reserveCapacity(v.count)
        while i < v.count, v[i] != UInt8(ascii: "E"), v[i] != UInt8(ascii: "e") {
            let c = v[i]
            if c == UInt8(ascii: ".") { guard pointAt == nil else { return nil }; pointAt = mantissa.count }
            else if c >= 48, c <= 57 { mantissa.append(c - 48); sawDigit = true }
            else { return nil }
            i += 1
        }
        guard sawDigit else { return nil }
        var power = 0
        if i < v.count {
            i += 1
            var sign = 1
            if i < v.count, v[i] == UInt8(ascii: "-") || v[i] == UInt8(ascii: "+") { sign = v[i] == UInt8(ascii: "-") ? -1 : 1; i += 1 }
            guard i < v.count else { return nil }
            while i < v.count { guard v[i] >= 48, v[i] <= 57, power < 10_000 else { return nil }; power = power * 10 + Int(v[i] - 48); i += 1 }
            power *= sign
        }
        var exponent = (pointAt ?? mantissa.count) + power
        while mantissa.first == 0 { mantissa.removeFirst(); exponent -= 1 }
        digits = mantissa
        self.exponent = exponent
        round(to: 15)
    }

    /// Half away from zero, as a spreadsheet shows the value.
    mutating func round(to significant: Int) {
        if digits.count > significant {
            let up = digits[significant] >= 5
            digits = Array(digits.prefix(significant))
            if up {
                var k = digits.count - 1
                while k >= 0 {
                    if digits[k] == 9 { digits[k] = 0; k -= 1 } else { digits[k] += 1; break }
                }
                if k < 0 { digits.insert(1, at: 0); digits.removeLast(); exponent += 1 }
            }
        }
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { negative = false; exponent = 0 }
    }

    func shifted(by places: Int) -> Decimal15 {
        var d = self
        if !d.digits.isEmpty { d.exponent += places }
        return d
    }

    /// Plain decimal text: `-1234.5`, `0.0015`, `0`.
    var text: String {
        guard !digits.isEmpty else { return "0" }
        var s = negative ? "-" : ""
        let chars = digits.map { Character(Unicode.Scalar($0 + 48)) }
        if exponent <= 0 {
            s += "0." + String(repeating: "0", count: -exponent) + String(chars)
        } else if exponent >= chars.count {
            s += String(chars) + String(repeating: "0", count: exponent - chars.count)
        } else {
            s += String(chars[..<exponent]) + "." + String(chars[exponent...])
        }
        return s
    }

    /// The value × 86,400 rounded to a whole second (a serial date's seconds); nil when too large.
    func roundedSeconds() -> Int? {
        guard exponent <= 8 else { return nil }
        // value = 0.digits × 10^exponent; seconds = value × 86400, rounded half up.
        // 15 digits × 86,400 passes 2^63: in 128 bits.
        var numerator: Int128 = 0, scale: Int128 = 1
        for d in digits { numerator = numerator * 10 + Int128(d) }
        let shift = exponent - digits.count   // value = numerator × 10^shift
        if shift >= 0 {
            for _ in 0..<shift { numerator *= 10 }
            return Int(numerator * 86_400)
        }
        for _ in 0..<(-shift) { scale *= 10 }
        let (q, r) = (numerator * 86_400).quotientAndRemainder(dividingBy: scale)
        return Int(q + (2 * r >= scale ? 1 : 0))
    }
}
