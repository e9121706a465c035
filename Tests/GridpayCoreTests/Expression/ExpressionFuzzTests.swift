import Foundation
import XCTest
@testable import GridpayCore

/// Fuzzes the expression language: random token strings, and seeded mutations of the real
/// expressions of the shipped rule files (Rules/*.toml), through parse and check.
/// Properties: no crash, no hang; a parse error's span lies inside the text (its start at most one
/// past the last character) with a non-empty message, the same for the same text; and inside a rule
/// file (the value 末位 of BadRules/base.toml's [values], line 76 from column 9, or a mutated
/// expression left in its own rule file) every diagnostic is at a line and column of the file, a
/// syntax error exactly at the file position of its character, and the same file gives the same
/// diagnostics.
final class ExpressionFuzzTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Tokens the parser knows, tokens it must refuse, and characters that test columns.
    static let vocabulary = [
        "1", "0.5", "12.", ".5", "1.2.3", "007", "-", "+", "*", "/", "==", "!=", "<", "<=", ">", ">=", "=", "&&", "||", "!",
        "(", ")", ",", "and", "or", "not", "if", "then", "else", "true", "false", "\"有效\"", "\"", "`巡查时长(分钟)`", "`",
        "总分", "基数", "有效事件数", "count", "sum", "min", "max", "abs", "round", "mean_each", "has", "date", "datetime",
        "date(\"2026-10-15\")", "datetime(\"2026-10-15 08:30\")", "events", "核查结果", "missing = false", " ", "\t", "\u{301}",
        "😀", "👨‍👩‍👧", "#", "[", "]", "{", "}", "@", "$", "\\", "；", "（", "）", "，", "each", "days_in_period", "_", "x1",
    ]

    static func randomExpression(_ rng: inout SplitMix64) -> String {
        (0..<rng.int(in: 0...14)).map { _ in rng.pick(vocabulary) }.joined(separator: rng.chance(70) ? " " : "")
    }

    /// Character-level mutations of an expression: delete, insert a token, duplicate, swap, truncate.
    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var chars = Array(text)
        for _ in 0..<rng.int(in: 1...3) {
            let n = chars.count
            switch rng.int(5) {
            case 0 where n > 0:
                let k = rng.int(n); chars.removeSubrange(k..<min(n, k + 1 + rng.int(4)))
            case 1 where n > 0:
                let k = rng.int(n), len = min(n - k, 1 + rng.int(8)); chars.insert(contentsOf: chars[k..<(k + len)], at: rng.int(n + 1))
            case 2 where n > 1:
                chars.swapAt(rng.int(n), rng.int(n))
            case 3 where n > 0:
                chars.removeSubrange(rng.int(n)...)
            default:
                chars.insert(contentsOf: Array(rng.pick(vocabulary)), at: rng.int(n + 1))
            }
        }
        return String(chars)
    }

    /// A parse: the error as "start-end: message", or "ok".
    static func parsed(_ text: String) -> (String, ExpressionParseError?) {
        do { _ = try ExpressionParser.parse(text); return ("ok", nil) } catch { return ("\(error.span.start)-\(error.span.end): \(error.message)", error) }
    }

    static func parseProblems(_ text: String, seed: UInt64) -> [String] {
        let (a, b) = FuzzPlan.guarded(seed: seed, what: "parse \(text.prefix(80))") { (parsed(text), parsed(text)) }
        var broken: [String] = []
        if a.0 != b.0 { broken.append("two parses differ: \(a.0) vs \(b.0)") }
        if let e = a.1 {
            let count = text.count
            if e.message.isEmpty { broken.append("empty message") }
            if !(0...count).contains(e.span.start) || e.span.end < e.span.start || e.span.end > count + 1 {
                broken.append("span \(e.span.start)-\(e.span.end) outside the text of \(count) characters: \(e.message)")
            }
        }
        return broken
    }

    /// The single-quoted expressions of the shipped rule files, with where they sit: (file, text, line
    /// index, column of the first character).
    static func realExpressions() throws -> [(file: String, lines: [String], line: Int, column: Int, text: String)] {
        let folder = root.appendingPathComponent("Rules")
        var out: [(String, [String], Int, Int, String)] = []
        let pattern = try NSRegularExpression(pattern: #"^\s*("[^"]+"|[A-Za-z_]+)\s*=\s*'([^']*)'\s*(#.*)?$"#)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".toml") }).sorted() {
            let lines = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).components(separatedBy: "\n")
            for (i, line) in lines.enumerated() {
                let ns = line as NSString
                guard let m = pattern.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else { continue }
                let r = m.range(at: 2)
                let text = ns.substring(with: r)
                guard (try? ExpressionParser.parse(text)) != nil else { continue }
                out.append((name, lines, i, ns.substring(to: r.location).count + 1, text))
            }
        }
        return out
    }

    /// Text safe inside '…' on one line: no quote ends it, no line break or control character
    /// (the TOML reader's own errors, fuzzed by RuleLoaderFuzzTests) gets in the way.
    static func literal(_ text: String) -> String {
        String(text.map { $0 == "'" ? "\"" : ($0.isNewline || $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? " " : $0) })
    }

    static func load(_ text: String, file: String) -> [Diagnostic]? {
        switch RuleLoader.load(text: text, file: file) {
        case .success: return nil
        case .failure(let f): return f.diagnostics
        }
    }

    /// The expression `expr` put on line `line` (0-based) of `lines` from column `column`: every
    /// diagnostic inside the file; a syntax error at its character's position.
    /// Syntax errors whose file position was checked (so a test can tell the check ran).
    nonisolated(unsafe) static var positionsChecked = 0

    static func embeddedProblems(_ expr: String, in lines: [String], line: Int, column: Int, file: String, seed: UInt64,
                                 strict: Bool = true) -> [String] {
        var edited = lines
        let old = Array(lines[line])
        edited[line] = String(old[..<(column - 1)]) + expr + "'"
        let text = edited.joined(separator: "\n")
        let (a, b) = FuzzPlan.guarded(seed: seed, what: "\(file):\(line + 1) \(expr.prefix(80))") { (load(text, file: file), load(text, file: file)) }
        var broken: [String] = []
        if a != b { broken.append("two loads of the same file differ") }
        let shape = TextShape(text)
        for d in a ?? [] {
            if d.message.isEmpty { broken.append("empty message: \(d)") }
            guard let loc = d.location else { broken.append("no position: \(d)"); continue }
            if let why = shape.problem(loc) { broken.append("\(why): \(d)") }
        }
        let tomlReads = (try? TOMLParser.parse(text, file: file)) != nil
        // On the expression's line, every diagnostic (syntax or check) is inside the expression:
        // from its first character to one past its last.
        if strict, tomlReads {
            for d in a ?? [] where d.location?.line == line + 1 && !(column...(column + expr.count)).contains(d.location!.column) {
                broken.append("outside the expression (columns \(column)...\(column + expr.count)): \(d)")
            }
        }
        // A syntax error: reported at the file position of its character, when the TOML reads.
        if strict, tomlReads, case (_, let e?) = parsed(expr) {
            positionsChecked += 1
            let expected = "\(file):\(line + 1):\(column + e.span.start): error: \(e.message)"
            if !(a ?? []).contains(where: { $0.description == expected }) {
                broken.append("the syntax error is not reported as \(expected); got \((a ?? []).map(\.description))")
            }
        }
        return broken
    }

    func testRandomTokenStringsParseOrSayWhere() {
        for seed in FuzzPlan.seeds(default: 3_000, salt: 2) {
            var rng = SplitMix64(seed: seed)
            let text = Self.randomExpression(&rng)
            XCTAssertEqual(Self.parseProblems(text, seed: seed), [], "seed \(seed): \(text.debugDescription)")
        }
    }

    func testRandomExpressionsInARuleFileAreCheckedWithTheirPositions() throws {
        let lines = try String(contentsOf: Self.root.appendingPathComponent("Tests/GridpayCoreTests/Rules/BadRules/base.toml"), encoding: .utf8)
            .components(separatedBy: "\n")
        let line = try XCTUnwrap(lines.firstIndex(of: "\"末位\" = '总分 < 10'"))
        let checkedBefore = Self.positionsChecked
        for seed in FuzzPlan.seeds(default: 200, salt: 3) {
            var rng = SplitMix64(seed: seed)
            let expr = Self.literal(Self.randomExpression(&rng))
            // The expression's first character is column 9 (after `"末位" = '`).
            XCTAssertEqual(Self.embeddedProblems(expr, in: lines, line: line, column: 9, file: "base.toml", seed: seed), [],
                           "seed \(seed): \(expr.debugDescription)")
        }
        // Most random strings are syntax errors: their positions were checked, not skipped.
        XCTAssertGreaterThan(Self.positionsChecked - checkedBefore, 10)
    }

    func testMutatedRealExpressionsAreCheckedWithTheirPositions() throws {
        let real = try Self.realExpressions()
        XCTAssertGreaterThan(real.count, 100)
        // Whether the loader reads a site as an expression (not every '…' is one, e.g. a reason's
        // text): an unclosed '(' there must be reported at the next character.
        var isExpression: [String: Bool] = [:]
        let checkedBefore = Self.positionsChecked
        for seed in FuzzPlan.seeds(default: 150, salt: 4) {
            var rng = SplitMix64(seed: seed)
            let site = rng.pick(real)
            let expr = Self.literal(Self.mutate(site.text, &rng))
            let key = "\(site.file):\(site.line)"
            if isExpression[key] == nil {
                isExpression[key] = Self.embeddedProblems("(", in: site.lines, line: site.line, column: site.column, file: site.file, seed: seed).isEmpty
            }
            XCTAssertEqual(Self.parseProblems(expr, seed: seed), [], "seed \(seed): \(expr.debugDescription)")
            XCTAssertEqual(Self.embeddedProblems(expr, in: site.lines, line: site.line, column: site.column, file: site.file, seed: seed,
                                                 strict: isExpression[key]!), [],
                           "seed \(seed) (\(site.file):\(site.line + 1) '\(site.text)' → '\(expr)')")
        }
        XCTAssertGreaterThan(Self.positionsChecked - checkedBefore, 5)
        XCTAssertTrue(isExpression.values.contains(true))
    }
}
