import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Fuzzes scoring through the tests written in the shipped rule files: each case changes a few
/// lines of a rule file (numbers made 0, negative, huge or long decimals; comparisons turned
/// around; lines deleted, duplicated or swapped, also inside the tests' CSV inputs) and, when the
/// result still loads, runs its [[tests]] (RuleTestRunner, as `gridpay check`).
/// Properties: no crash, no hang; every failure is at a line and column of the rule file with a
/// message; the same file gives the same failures.
final class RuleTestRunnerFuzzTests: XCTestCase {
    static let replacements: [(String, [String])] = [
        ("0", ["1", "-1", "100000000000000000000", "0.000000000000000000001"]),
        (">=", ["<", ">", "=="]), ("<", [">=", "<="]), ("==", ["!="]), ("*", ["/", "-"]), ("/", ["*"]), ("min(", ["max("]),
    ]

    static func mutate(_ text: String, _ rng: inout SplitMix64) -> (String, [String]) {
        var lines = text.components(separatedBy: "\n"), log: [String] = []
        for _ in 0..<(1 + rng.int(3)) {
            let k = rng.int(lines.count)
            switch rng.int(6) {
            case 0: lines.remove(at: k); log.append("delete line \(k + 1)")
            case 1: lines.insert(lines[k], at: k); log.append("duplicate line \(k + 1)")
            case 2: let j = rng.int(lines.count); lines.swapAt(k, j); log.append("swap lines \(k + 1) and \(j + 1)")
            case 3:
                // A digit changed: a number, a date, an id, a count in a test's input.
                var chars = Array(lines[k])
                if let i = chars.indices.filter({ chars[$0].isASCII && chars[$0].isNumber }).randomElement(using: &rng) {
                    chars[i] = Character(String(rng.int(10))); lines[k] = String(chars); log.append("digit changed on line \(k + 1)")
                }
            default:
                let (from, tos) = rng.pick(replacements)
                if let r = lines[k].range(of: from) {
                    let to = rng.pick(tos); lines[k].replaceSubrange(r, with: to); log.append("'\(from)' → '\(to)' on line \(k + 1)")
                }
            }
        }
        return (lines.joined(separator: "\n"), log)
    }

    static func failures(_ loaded: LoadedRules) -> [Diagnostic] { RuleTestRunner.run(loaded).failures }

    func testMutatedRuleFilesRunTheirTestsOrSayWhere() throws {
        let folder = "\(packageRoot)/Rules"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".toml") }.sorted()
        let texts = try names.map { try String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
        var ran = 0
        for seed in FuzzPlan.seeds(default: 80, salt: 7) {
            var rng = SplitMix64(seed: seed)
            let k = rng.int(names.count)
            let (text, log) = Self.mutate(texts[k], &rng)
            let context = "seed \(seed) (\(names[k]): \(log.joined(separator: "; "))); replay with GRIDPAY_FUZZ_SEED=\(seed)"
            FuzzPlan.announce(seed, context)
            guard case .success(let rules) = RuleLoader.load(text: text, file: names[k]) else { continue }
            ran += 1
            let loaded = LoadedRules(path: names[k], text: text, sha256: "", rules: rules)
            let first = Self.failures(loaded), second = Self.failures(loaded)
            FuzzPlan.announce(seed, "→ loaded, \(first.count) test failure(s)\(first.first.map { ", first \($0)" } ?? "")")
            XCTAssertEqual(first, second, "two runs differ: \(context)")
            let shape = LineShape(text)
            for d in first {
                XCTAssertFalse(d.message.isEmpty, context)
                guard let loc = try? XCTUnwrap(d.location, "no position: \(d): \(context)") else { continue }
                XCTAssertEqual(loc.file, names[k], "\(d): \(context)")
                XCTAssertNil(shape.problem(loc), "\(d): \(context)")
            }
        }
        if FuzzPlan.seeds(default: 80, salt: 7).count >= 20 { XCTAssertGreaterThan(ran, 0) }
    }
}

extension SplitMix64: RandomNumberGenerator {}
