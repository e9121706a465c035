import Foundation
import XCTest
@testable import GridpayCore

/// Issue 6.10: rule-file messages at the right place, and a rule load that frees what it built.
final class RuleFileMessageTests: XCTestCase {
    func errors(_ text: String) -> [String] {
        switch RuleLoader.load(text: text, file: "t.toml") {
        case .success: return []
        case .failure(let f): return f.diagnostics.map(\.description)
        }
    }

    func testUnclosedArrayIsReportedAtItsOpening() {
        // Before: "expected a value … found 'tables'" two lines later, at the next header.
        let text = RuleCheckTests.ruleFile().replacingOccurrences(of: """
          { name = "时间", type = "datetime" },
        ]
        """, with: """
          { name = "时间", type = "datetime" },

        """)
        XCTAssertEqual(errors(text), ["t.toml:19:11: error: this array is never closed with ']' (the next line that is not part of it is line 25)"])
    }

    func testDuplicateFlagTestAndItemNamesAreRefusedAtTheName() {
        let text = RuleCheckTests.ruleFile(items: """
        [[items]]
        name = "事件"
        score = 'min(30, count(events))'
        [[items]]
        name = "事件"
        full = 1
        """, extra: """
        [[flags]]
        name = "建议更换"
        when = 'true'
        [[flags]]
        name = "建议更换"
        when = 'false'
        """)
        XCTAssertEqual(errors(text), [
            "t.toml:39:9: error: the name '事件' is defined twice (as a roster column, value, item or product name); names must be unique",
            "t.toml:49:9: error: the flag '建议更换' is declared twice (first at line 46); each flag is a column of its own, so flag names must be unique",
        ])
    }

    func testDuplicateTestNamesAreRefusedAtTheName() {
        let test = """
        [[tests]]
        name = "一"
        period = "2026-10"
        """
        let text = RuleCheckTests.ruleFile(extra: test + "\n" + test)
        XCTAssertTrue(errors(text).contains("t.toml:46:9: error: the test '一' is declared twice (first at line 43); test names must be unique, so that a failure names one test"), "\(errors(text))")
    }

    func testControlCharactersTOMLForbidsAreRefusedWithTheirPosition() {
        let text = RuleCheckTests.ruleFile().replacingOccurrences(of: "version = \"1\"", with: "version = \"1\u{1}\"")
        XCTAssertEqual(errors(text), ["t.toml:3:13: error: the control character U+0001 is not allowed in a rule file (only tab and line breaks are); inside a \"…\" string write it as \\u0001"])
    }

    func testLiteralDivisionByZeroIsCaughtByTheCheck() {
        let text = RuleCheckTests.ruleFile(values: "\"a\" = 'count(events) / 0'\n\"b\" = '1 / (2 - 2)'\n\"c\" = 'count(events, 1 / 0 > 1)'")
        XCTAssertEqual(errors(text), [
            "t.toml:33:24: error: division by zero: this divisor is always 0",
            "t.toml:34:13: error: division by zero: this divisor is always 0",
            "t.toml:35:26: error: division by zero: this divisor is always 0",
        ])
    }

    /// Resident memory in bytes (Linux).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    func testLoadingRulesAgainAndAgainDoesNotGrowMemory() {
        // Before: about 260 KB stayed behind per load (the checker's definitions held its context).
        let text = RuleCheckTests.ruleFile(values: "\"有效数\" = 'count(events, 结果 == \"有效\")'\n\"两倍\" = '2 * 有效数'")
        for _ in 0..<20 { _ = RuleLoader.load(text: text, file: "t.toml") }
        let before = Self.residentBytes()
        for _ in 0..<300 { _ = RuleLoader.load(text: text, file: "t.toml") }
        let grown = Self.residentBytes() - before
        XCTAssertLessThan(grown, 4 << 20, "300 loads kept \(grown / 1024) KB")
    }
}
