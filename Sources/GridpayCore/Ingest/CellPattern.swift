/// A declared form of a date, date-time or duration cell (`formats = ["yyyy/M/d H:mm", …]`):
/// literal text and numeric fields, compiled once from the rule file and matched against a
/// cell's bytes. Letters: yyyy (four digits), M / MM, d / dd, H / HH (one or two digits / exactly
/// two), mm, ss (two), and for a duration h (one or more digits of hours). Anything else is
/// literal text, except other ASCII letters, which are refused (a typo such as YYYY is caught
/// when the rule file is checked, not guessed at).
public struct CellPattern: Sendable, Equatable {
    public enum Field: Sendable, Equatable { case year, month, day, hour, minute, second, hours }
    public enum Part: Sendable, Equatable {
        case literal([UInt8])
        case field(Field, minDigits: Int, maxDigits: Int)
    }
    /// What the pattern reads.
    public enum Kind: Sendable { case date, datetime, duration }

    public let text: String
    public let parts: [Part]

    /// Why a pattern cannot be used, at its `offset`-th character.
    public struct Problem: Error, Equatable {
        public var offset: Int
        public var message: String
    }

    public static func compile(_ text: String, _ kind: Kind) -> Result<CellPattern, Problem> {
        let chars = Array(text)
        var parts: [Part] = []
        var fields: [Field] = []
        var literal: [UInt8] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c.isASCII, c.isLetter else {
                literal += Array(String(c).utf8)
                i += 1
                continue
            }
            var run = 1
            while i + run < chars.count, chars[i + run] == c { run += 1 }
            guard let part = field(c, run, kind) else {
                return .failure(Problem(offset: i, message: PatternMessages.badLetters(String(repeating: c, count: run), kind)))
            }
            if case .field(let f, _, _) = part {
                if fields.contains(f) { return .failure(Problem(offset: i, message: PatternMessages.fieldTwice(String(repeating: c, count: run)))) }
                fields.append(f)
            }
            if !literal.isEmpty { parts.append(.literal(literal)); literal = [] }
            parts.append(part)
            i += run
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        let needed = required(kind)
        if let missing = needed.first(where: { !fields.contains($0) }) {
            return .failure(Problem(offset: 0, message: PatternMessages.missingField(missing, kind)))
        }
        return .success(CellPattern(text: text, parts: parts))
    }

    static func required(_ kind: Kind) -> [Field] {
        switch kind {
        case .date: return [.year, .month, .day]
        case .datetime: return [.year, .month, .day, .hour, .minute]
        case .duration: return [.hours, .minute]
        }
    }

    /// The field a run of one letter stands for, where `kind` allows it.
    static func field(_ c: Character, _ run: Int, _ kind: Kind) -> Part? {
        let dated = kind != .duration, timed = kind != .date
        switch (c, run) {
        case ("y", 4) where dated: return .field(.year, minDigits: 4, maxDigits: 4)
        case ("M", 1) where dated: return .field(.month, minDigits: 1, maxDigits: 2)
        case ("M", 2) where dated: return .field(.month, minDigits: 2, maxDigits: 2)
        case ("d", 1) where dated: return .field(.day, minDigits: 1, maxDigits: 2)
        case ("d", 2) where dated: return .field(.day, minDigits: 2, maxDigits: 2)
        case ("H", 1) where kind == .datetime: return .field(.hour, minDigits: 1, maxDigits: 2)
        case ("H", 2) where kind == .datetime: return .field(.hour, minDigits: 2, maxDigits: 2)
        case ("h", 1) where kind == .duration: return .field(.hours, minDigits: 1, maxDigits: 6)
        case ("m", 2) where timed: return .field(.minute, minDigits: 2, maxDigits: 2)
        case ("s", 2) where timed: return .field(.second, minDigits: 2, maxDigits: 2)
        default: return nil
        }
    }

    /// The fields a cell's bytes give in this form (nil: it is not in this form). Fields of one
    /// or two digits take two where that lets the rest match, else one.
    public func match(_ bytes: UnsafeBufferPointer<UInt8>) -> [Field: Int]? {
        var values: [Field: Int] = [:]
        return matchFrom(0, bytes, 0, &values) ? values : nil
    }

    func matchFrom(_ p: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ values: inout [Field: Int]) -> Bool {
        if p == parts.count { return at == bytes.count }
        switch parts[p] {
        case .literal(let l):
            guard bytes.count - at >= l.count else { return false }
            for k in 0..<l.count where bytes[at + k] != l[k] { return false }
            return matchFrom(p + 1, bytes, at + l.count, &values)
        case .field(let f, let least, let most):
            var digits = 0
            while digits < most, at + digits < bytes.count, bytes[at + digits] >= 48, bytes[at + digits] <= 57 { digits += 1 }
            guard digits >= least else { return false }
            for n in stride(from: digits, through: least, by: -1) {
                var v = 0
                for k in 0..<n { v = v * 10 + Int(bytes[at + k] - 48) }
                values[f] = v
                if matchFrom(p + 1, bytes, at + n, &values) { return true }
            }
            values[f] = nil
            return false
        }
    }
}
