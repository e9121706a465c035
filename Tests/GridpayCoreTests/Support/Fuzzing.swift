import Foundation
import XCTest
@testable import GridpayCore

/// SplitMix64: the fuzz tests' only source of randomness, seeded, so every case is reproducible
/// from the seed printed with its failure (GRIDPAY_FUZZ_SEED=<seed> replays just that case).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// 0..<n (n > 0).
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func int(in r: ClosedRange<Int>) -> Int { r.lowerBound + int(r.count) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
}

/// How many cases a fuzz test runs and from which seeds: the test's default (small enough for the
/// suite), GRIDPAY_FUZZ_ITERATIONS=N for more by hand, GRIDPAY_FUZZ_SEED=S for one case only.
enum FuzzPlan {
    /// `fixed`: seeds that once found a bug, run first every time.
    static func seeds(default count: Int, salt: UInt64, fixed: [UInt64] = []) -> [UInt64] {
        let env = ProcessInfo.processInfo.environment
        if let s = env["GRIDPAY_FUZZ_SEED"], let seed = UInt64(s) { return [seed] }
        let n = env["GRIDPAY_FUZZ_ITERATIONS"].flatMap(Int.init) ?? count
        return fixed + (0..<UInt64(max(0, n))).map { salt &* 1_000_000 &+ $0 }
    }

    /// Runs `body` on its own thread with a large stack; a case that takes longer than `limit`
    /// seconds is a hang: the process stops with the seed rather than blocking the suite forever.
    /// GRIDPAY_FUZZ_VERBOSE=1 prints each seed before its case runs: after a crash, the last one is the culprit.
    static let verbose = ProcessInfo.processInfo.environment["GRIDPAY_FUZZ_VERBOSE"] != nil

    static func guarded<T>(seed: UInt64, what: String = "", limit: Double = 30, _ body: @escaping () -> T) -> T {
        if verbose { FileHandle.standardError.write(Data("fuzz seed \(seed) \(what)\n".utf8)) }
        let box = FuzzBox(body), done = DispatchSemaphore(value: 0)
        let thread = Thread { box.value = box.body(); done.signal() }
        thread.stackSize = 8 << 20   // the main thread's size: recursion limits are the product's, not ours
        thread.start()
        if done.wait(timeout: .now() + limit) == .timedOut {
            fatalError("fuzz case with seed \(seed) did not finish in \(Int(limit)) s (a hang); replay with GRIDPAY_FUZZ_SEED=\(seed)")
        }
        return box.value!
    }
}

/// A case's closure and result, handed to the thread that runs it (and only then read back).
final class FuzzBox<T>: @unchecked Sendable {
    var value: T?
    let body: () -> T
    init(_ body: @escaping () -> T) { self.body = body }
}

/// Junk that parsers trip on, inserted whole by the mutators.
enum FuzzJunk {
    static func pieces(_ rng: inout SplitMix64) -> [UInt8] {
        switch rng.int(16) {
        case 0: return Array("\"".utf8)
        case 1: return Array("'''".utf8)
        case 2: return Array("[".utf8)
        case 3: return Array("]]".utf8)
        case 4: return Array(" = ".utf8)
        case 5: return Array("#".utf8)
        case 6: return [0]
        case 7: return [0xFF, 0xC3]                                  // not UTF-8
        case 8: return [0xD6, 0xD0, 0xCE, 0xC4]                      // 中文 in GB18030
        case 9: return [0xEF, 0xBB, 0xBF]                            // a BOM
        case 10: return Array(String(repeating: "长", count: rng.int(in: 1_000...20_000)).utf8)
        case 11: return Array((String(repeating: "[", count: 2_000 + rng.int(20_000))).utf8)
        case 12: return Array((String(repeating: "(", count: 2_000 + rng.int(20_000))).utf8)
        case 13: return Array("\r".utf8)
        case 14: return Array("\\u12".utf8)
        default: return Array("{ a = [1, { b = \"".utf8)
        }
    }
}

/// Byte and line mutations of a text file.
enum FuzzMutation {
    /// Applies 1–4 random mutations; returns the bytes and what was done (for the failure message).
    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> ([UInt8], [String]) {
        var bytes = input, log: [String] = []
        for _ in 0..<rng.int(in: 1...4) {
            let n = bytes.count
            switch rng.int(9) {
            case 0 where n > 0:   // delete a line
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
                let k = rng.int(lines.count); lines.remove(at: k)
                bytes = Array(lines.joined(separator: [10])); log.append("delete line \(k + 1)")
            case 1 where n > 0:   // duplicate a line
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
                let k = rng.int(lines.count); lines.insert(lines[k], at: rng.int(lines.count + 1))
                bytes = Array(lines.joined(separator: [10])); log.append("duplicate line \(k + 1)")
            case 2 where n > 0:   // swap two lines
                var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
                let a = rng.int(lines.count), b = rng.int(lines.count); lines.swapAt(a, b)
                bytes = Array(lines.joined(separator: [10])); log.append("swap lines \(a + 1) and \(b + 1)")
            case 3 where n > 0:
                let k = rng.int(n), bit = UInt8(1) << UInt8(rng.int(8)); bytes[k] ^= bit; log.append("flip bit \(bit) of byte \(k)")
            case 4:
                let k = rng.int(n + 1), b = UInt8(truncatingIfNeeded: rng.next()); bytes.insert(b, at: k); log.append("insert byte \(b) at \(k)")
            case 5 where n > 0:
                let k = rng.int(n), len = min(n - k, 1 + rng.int(8)); bytes.removeSubrange(k..<(k + len)); log.append("delete \(len) bytes at \(k)")
            case 6 where n > 0:
                let k = rng.int(n + 1); bytes.removeSubrange(k...); log.append("truncate at \(k)")
            default:
                let k = rng.int(n + 1), junk = FuzzJunk.pieces(&rng); bytes.insert(contentsOf: junk, at: k)
                log.append("insert \(junk.count) junk bytes \(junk.prefix(4)) at \(k)")
            }
        }
        return (bytes, log)
    }
}

/// Where a diagnostic may point in a text: lines end at "\n" or "\r\n" (as the TOML reader counts
/// them), columns count Characters, one past the last for the end of a line; a BOM first is not a column.
struct TextShape {
    let lineLengths: [Int]
    init(_ text: String) {
        var lengths: [Int] = [], current = 0, first = true
        for c in text {
            if first, c == "\u{FEFF}" { first = false; continue }
            first = false
            if c == "\n" || c == "\r\n" { lengths.append(current); current = 0 } else { current += 1 }
        }
        lengths.append(current)
        lineLengths = lengths
    }

    /// nil when the location is inside the text, else why not.
    func problem(_ loc: SourceLocation) -> String? {
        guard loc.line >= 1, loc.line <= lineLengths.count else { return "line \(loc.line) outside 1...\(lineLengths.count)" }
        let len = lineLengths[loc.line - 1]
        guard loc.column >= 1, loc.column <= len + 1 else { return "column \(loc.column) outside 1...\(len + 1) of line \(loc.line)" }
        return nil
    }
}
