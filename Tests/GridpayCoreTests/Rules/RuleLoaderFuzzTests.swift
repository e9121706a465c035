import Foundation
import XCTest
@testable import GridpayCore

/// Fuzzes the TOML reader and the rule loader with seeded mutations of the shipped rule files
/// (Rules/*.toml) and the bad-rules base (BadRules/base.toml): lines deleted, duplicated and
/// swapped; bytes flipped, inserted and deleted; junk inserted (quotes, brackets, `=`, `#`, NUL,
/// bytes that are not UTF-8, GB18030, a BOM, a very long line, deep nesting); truncation.
/// Properties: the loader returns (no crash, no hang), either rules or at least one diagnostic;
/// every diagnostic is an error or warning with a non-empty message at a line of the text and a
/// column within that line (one past its end allowed); the same text gives the same diagnostics.
/// Bytes that are not UTF-8 are decoded with replacement characters first (the loader reads text;
/// RuleFiles.load refuses such a file before it gets here).
final class RuleLoaderFuzzTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func sources() throws -> [(String, [UInt8])] {
        let rules = root.appendingPathComponent("Rules")
        var files = try FileManager.default.contentsOfDirectory(atPath: rules.path).filter { $0.hasSuffix(".toml") }.sorted()
            .map { ($0, rules.appendingPathComponent($0)) }
        files.append(("base.toml", root.appendingPathComponent("Tests/GridpayCoreTests/Rules/BadRules/base.toml")))
        return try files.map { ($0.0, Array(try Data(contentsOf: $0.1))) }
    }

    /// What a load says, in a form two loads can be compared by.
    static func outcome(_ text: String) -> [Diagnostic]? {
        switch RuleLoader.load(text: text, file: "fuzz.toml") {
        case .success: return nil
        case .failure(let f): return f.diagnostics
        }
    }

    /// Checks one text; returns the broken properties (empty: all hold).
    static func check(_ text: String, seed: UInt64, what: String = "") -> [String] {
        let (first, second) = FuzzPlan.guarded(seed: seed, what: what) { (outcome(text), outcome(text)) }
        var broken: [String] = []
        if first != second { broken.append("two loads of the same text differ: \(String(describing: first)) vs \(String(describing: second))") }
        guard let diagnostics = first else { return broken }
        if diagnostics.isEmpty { broken.append("the load failed without a diagnostic") }
        let shape = TextShape(text)
        for d in diagnostics {
            if d.message.trimmingCharacters(in: .whitespaces).isEmpty { broken.append("empty message: \(d)") }
            guard let loc = d.location else { broken.append("no position: \(d)"); continue }
            if loc.file != "fuzz.toml" { broken.append("names another file: \(d)") }
            if let why = shape.problem(loc) { broken.append("\(why): \(d)") }
        }
        return broken
    }

    func testMutatedRuleFilesLoadOrSayWhereTheyAreWrong() throws {
        let sources = try Self.sources()
        // 1001951: 18,699 '(' inserted into xinhe.toml overflowed the stack (expression nesting).
        let seeds = FuzzPlan.seeds(default: 300, salt: 1, fixed: [1_001_951])
        var loaded = 0, refused = 0
        for seed in seeds {
            var rng = SplitMix64(seed: seed)
            let (name, bytes) = rng.pick(sources)
            let (mutated, log) = FuzzMutation.mutate(bytes, &rng)
            let text = String(decoding: mutated, as: UTF8.self)
            let broken = Self.check(text, seed: seed, what: "\(name): \(log.joined(separator: "; "))")
            XCTAssertEqual(broken, [], "seed \(seed) (\(name): \(log.joined(separator: "; "))); replay with GRIDPAY_FUZZ_SEED=\(seed)")
            if Self.outcome(text) == nil { loaded += 1 } else { refused += 1 }
        }
        // Both outcomes occur: the mutations are neither all fatal nor all harmless.
        if seeds.count >= 50 { XCTAssertGreaterThan(loaded, 0); XCTAssertGreaterThan(refused, 0) }
    }
}
