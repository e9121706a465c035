import Foundation
import GridpayCSV
import GridpayCore

/// SplitMix64 (GridpayCoreTests/Support/Fuzzing.swift has its own, for the core's fuzzers): the fuzz
/// tests' only randomness, seeded, so a failure replays from its seed (GRIDPAY_FUZZ_SEED).
public struct SplitMix64 {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    public mutating func int(in r: ClosedRange<Int>) -> Int { r.lowerBound + int(r.count) }
    public mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
}

/// The cases of a fuzz test: its default count, GRIDPAY_FUZZ_ITERATIONS=N, or GRIDPAY_FUZZ_SEED=S
/// alone; GRIDPAY_FUZZ_VERBOSE=1 prints each seed before its case.
public enum FuzzPlan {
    public static func seeds(default count: Int, salt: UInt64, fixed: [UInt64] = []) -> [UInt64] {
        let env = ProcessInfo.processInfo.environment
        if let s = env["GRIDPAY_FUZZ_SEED"], let seed = UInt64(s) { return [seed] }
        let n = env["GRIDPAY_FUZZ_ITERATIONS"].flatMap(Int.init) ?? count
        return fixed + (0..<UInt64(max(0, n))).map { salt &* 1_000_000 &+ $0 }
    }

    public static func announce(_ seed: UInt64, _ what: String) {
        if ProcessInfo.processInfo.environment["GRIDPAY_FUZZ_VERBOSE"] != nil {
            FileHandle.standardError.write(Data("fuzz seed \(seed) \(what)\n".utf8))
        }
    }
}

/// Damage a CSV export the way real exports are damaged: a mutation and what it did.
public enum CSVMutation {
    public static func lines(_ b: [UInt8]) -> [ArraySlice<UInt8>] { b.split(separator: 10, omittingEmptySubsequences: false) }
    public static func join(_ l: [ArraySlice<UInt8>]) -> [UInt8] { Array(l.joined(separator: [10])) }

    /// One to three damages in a row (e.g. CR line ends, then a duplicated line).
    public static func mutateSome(_ input: [UInt8], _ rng: inout SplitMix64) -> ([UInt8], String) {
        var bytes = input, log: [String] = []
        for _ in 0..<(1 + rng.int(3) / 2 + rng.int(3) / 2) {
            let (b, what) = mutate(bytes, &rng)
            bytes = b
            log.append(what)
        }
        return (bytes, log.joined(separator: "; "))
    }

    public static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> ([UInt8], String) {
        var b = input
        let n = b.count
        switch rng.int(21) {
        case 19, 20:
            // A number cell made extreme: past 64 bits, at its edge, tiny, signed, written oddly.
            var l = lines(b); let k = 1 + rng.int(max(1, l.count - 1))
            guard k < l.count else { return (b, "no row to change") }
            var cells = l[k].split(separator: 44, omittingEmptySubsequences: false)
            let numeric = cells.indices.filter { i in !cells[i].isEmpty && cells[i].allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 46 } }
            guard let i = numeric.isEmpty ? nil : rng.pick(numeric) else { return (b, "no number on line \(k + 1)") }
            let value = rng.pick(["9223372036854775807", "9223372036854775808", "99999999999999999999999999999999999999999",
                                  "4611686018427387904", "0.0000000000000000001", "-1", "-0", "+5", "1e5", "0x1F", "1,000", " 12",
                                  "١٢٣", "１２", "NaN", "Infinity", "1.", ".5", "00012", "1.000000000000000000001"])
            cells[i] = ArraySlice(value.utf8); l[k] = ArraySlice(Array(cells.joined(separator: [44])))
            return (join(l), "field \(i + 1) of line \(k + 1) made \(value)")
        case 16:
            var l = lines(b); let k = rng.int(l.count); l[k] = [0xEF, 0xBB, 0xBF] + l[k]; return (join(l), "BOM at the start of line \(k + 1)")
        case 17:
            // The whole export saved as GB18030, as a spreadsheet on a Chinese Windows does.
            guard let gb = csvEncodeGB18030(String(decoding: b, as: UTF8.self)) else { return (b, "not encodable in GB18030") }
            return (gb, "saved as GB18030")
        case 18:
            // A quoted field with a line break, a doubled quote and a comma inside (valid CSV).
            var l = lines(b); let k = 1 + rng.int(max(1, l.count - 1))
            if k < l.count, let comma = l[k].firstIndex(of: 44) { l[k] = l[k][..<comma] + Array(",\"多\n行,\"\"引\"\"\"".utf8) + l[k][l[k].index(after: comma)...] }
            return (join(l), "a quoted multi-line field on line \(k + 1)")
        case 0: return ([], "empty file")
        case 1:
            return (Array(lines(b)[0]) + [10], "header only")
        case 2:
            let k = rng.int(n + 1), junk = (0..<rng.int(in: 1...8)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            b.insert(contentsOf: junk, at: k); return (b, "junk \(junk) at byte \(k)")
        case 3:
            let k = rng.int(n + 1), bad = rng.pick([[0xFF], [0xC3, 0x28], [0xE6, 0x9C], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]] as [[UInt8]])
            b.insert(contentsOf: bad, at: k); return (b, "invalid UTF-8 \(bad) at byte \(k)")
        case 4:
            let k = rng.int(n + 1); b.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: k); return (b, "BOM at byte \(k)")
        case 5:
            // Line ends: all CRLF, all lone CR, or a random mix of LF, CRLF and CR.
            let style = rng.int(3)
            var out: [UInt8] = []
            for c in b {
                if c == 10 {
                    let end = style == 0 ? 1 : style == 1 ? 2 : rng.int(3)
                    out += end == 0 ? [10] : end == 1 ? [13, 10] : [13]
                } else if c != 13 { out.append(c) }
            }
            return (out, ["CRLF", "CR", "mixed"][style] + " line ends")
        case 6:
            let k = rng.int(n + 1); b.insert(34, at: k); return (b, "a quote at byte \(k)")
        case 7:
            var l = lines(b); let k = rng.int(l.count); l[k] += Array(",多余".utf8); return (join(l), "an extra column on line \(k + 1)")
        case 8:
            var l = lines(b); let k = rng.int(l.count)
            if let comma = l[k].lastIndex(of: 44) { l[k] = l[k][..<comma] }
            return (join(l), "the last column of line \(k + 1) removed")
        case 9:
            let k = rng.int(n + 1), len = rng.int(in: 10_000...400_000)
            b.insert(contentsOf: [UInt8](repeating: 0x61, count: len), at: k); return (b, "\(len) bytes of 'a' at byte \(k)")
        case 10:
            let k = rng.int(n + 1); b.insert(0, at: k); return (b, "NUL at byte \(k)")
        case 11:
            let k = rng.int(n + 1); b.insert(contentsOf: [0xD6, 0xD0, 0xCE, 0xC4], at: k); return (b, "GB18030 中文 at byte \(k)")
        case 12:
            var l = lines(b); let k = rng.int(l.count); l.remove(at: k); return (join(l), "line \(k + 1) deleted")
        case 13:
            var l = lines(b); let k = rng.int(l.count); l.insert(l[k], at: rng.int(l.count + 1)); return (join(l), "line \(k + 1) duplicated")
        case 14:
            var l = lines(b); let x = rng.int(l.count), y = rng.int(l.count); l.swapAt(x, y); return (join(l), "lines \(x + 1) and \(y + 1) swapped")
        default:
            let k = rng.int(n + 1); return (Array(b[..<k]), "truncated at byte \(k)")
        }
    }
}

/// Where a diagnostic may point in a rule file's text: lines end at "\n" or "\r\n" (as the TOML
/// reader counts them), columns count characters, one past the last allowed; a BOM first is no column.
public struct LineShape {
    public let lineLengths: [Int]
    public init(_ text: String) {
        var lengths: [Int] = [], current = 0, first = true
        for c in text {
            if first, c == "\u{FEFF}" { first = false; continue }
            first = false
            if c == "\n" || c == "\r\n" { lengths.append(current); current = 0 } else { current += 1 }
        }
        lengths.append(current)
        lineLengths = lengths
    }

    public func problem(_ loc: SourceLocation) -> String? {
        guard loc.line >= 1, loc.line <= lineLengths.count else { return "line \(loc.line) outside 1...\(lineLengths.count)" }
        let len = lineLengths[loc.line - 1]
        guard loc.column >= 1, loc.column <= len + 1 else { return "column \(loc.column) outside 1...\(len + 1) of line \(loc.line)" }
        return nil
    }
}
