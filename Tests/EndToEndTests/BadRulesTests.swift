import Foundation
import XCTest

/// SPEC section 6, rule files: `gridpay check <file>` on Fixtures/bad-rules/*.toml. valid.toml
/// passes; every other file is it broken in exactly one way, and check must exit 1 and print
/// `file:line:col: error: message`, the source line and a caret line under the culprit.
final class BadRulesTests: XCTestCase {
    typealias Runner = BinaryRunner

    func fixture(_ name: String) -> String { "\(Runner.fixturesDir)/bad-rules/\(name).toml" }

    func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Runner.Output {
        try Runner.run(["check", fixture(name)], file: file, line: line)
    }

    /// `pad` spaces (terminal columns: a CJK character counts two), a caret and `tildes` tildes.
    func caret(_ pad: Int, _ tildes: Int = 0) -> String {
        String(repeating: " ", count: pad) + "^" + String(repeating: "~", count: tildes)
    }

    /// check fails, prints the diagnostic block (header, source line, caret) exactly, and ends
    /// with the one-line summary for an unusable rule file counting `errors`.
    func assertRejected(_ name: String, line lineCol: String, _ message: String, source: String, caret caretLine: String,
                        errors: Int = 1, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try check(name, file: file, line: line)
        let path = fixture(name)
        XCTAssertEqual(r.status, 1, r.transcript, file: file, line: line)
        XCTAssertEqual(r.stdout, "", r.transcript, file: file, line: line)
        let header = "\(path):\(lineCol): error: \(message)"
        XCTAssertTrue(r.stderrLines.contains(header), "missing the line\n\(header)\n\(r.transcript)", file: file, line: line)
        Runner.assertContains(r.stderr, "\(header)\n\(source)\n\(caretLine)\n", r.transcript, file: file, line: line)
        XCTAssertEqual(r.stderrLines.last, "\(path): \(errors) error(s); the rule file cannot be used: the governance office corrects it", r.transcript, file: file, line: line)
    }

    /// A path with no file: the system's reason, alone (no count of errors for the governance
    /// office to correct: the path given is wrong), in both languages; compare's candidate alike.
    func testAMissingRuleFileSaysWhyAndNothingMore() throws {
        let missing = "Rules/nosuch.toml"
        let en = try Runner.run(["check", missing])
        XCTAssertEqual(en.status, 1, en.transcript)
        XCTAssertEqual(en.stderrLines, ["error: cannot read the rule file Rules/nosuch.toml: No such file or directory"], en.transcript)
        let zh = try Runner.run(["check", missing], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(zh.stderrLines, ["错误：无法读取规则文件 Rules/nosuch.toml：没有这个文件或文件夹"], zh.transcript)
        let compare = try Runner.run(["compare", "qinghe", "2026-10", "--rules", missing], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(compare.status, 1, compare.transcript)
        XCTAssertEqual(compare.stderrLines, ["错误：Rules/nosuch.toml 处没有候选规则文件或文件夹；请检查给出的路径"], compare.transcript)
        XCTAssertEqual(try Runner.run(["compare", "qinghe", "2026-10", "--rules", missing]).stderrLines,
                       ["error: no candidate rule file or folder at Rules/nosuch.toml; check the path given"])
    }

    // MARK: the control

    func testValidRuleFilePasses() throws {
        let r = try check("valid")
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.stderr, "", r.transcript)
        XCTAssertEqual(r.stdoutLines, [
            "PASS one valid and one invalid event",
            "\(fixture("valid")): rules mini version 1 are valid; 1 passed, 0 failed",
        ], r.transcript)
    }

    // MARK: one fixture per kind

    func testSyntaxErrorUnclosedString() throws {
        try assertRejected("syntax-error", line: "41:8", "this string is never closed with \" on its line",
                           source: #"name = "事件上报"#, caret: caret(7))
    }

    func testUnknownNameSuggestsTheValue() throws {
        try assertRejected("unknown-name", line: "42:22", "unknown name '有效事件'; did you mean '有效事件数'?",
                           source: "score = '10 * min(1, 有效事件 / 5)'", caret: caret(21, 7))
    }

    func testUnknownColumnInARowExpression() throws {
        // The value 有效事件数 is used by the item score and by [duty] met: its one mistake must
        // be reported once (it was printed three times, "3 error(s)", before a fix made while
        // this suite was written).
        try assertRejected("unknown-column", line: "37:26",
                           "unknown name '核查结': not a column of table 'events'; did you mean '核查结果'?",
                           source: #""有效事件数" = 'count(events, 核查结 == "有效")'"#, caret: caret(30, 5))
    }

    func testTypeErrorComparingNumberWithText() throws {
        try assertRejected("type-error-compare", line: "50:8", "cannot compare a number with text",
                           source: #"met = '有效事件数 == "5"'"#, caret: caret(7, 16))
    }

    func testTypeErrorAndOnNumbers() throws {
        try assertRejected("type-error-and", line: "50:8", "'and' needs true/false, but the left side is a number",
                           source: "met = '有效事件数 and 无效事件数'", caret: caret(7, 9))
    }

    func testCycleBetweenTwoValues() throws {
        // One cycle, one error, at the reference that closes it. NOTE (reported, minor): the
        // caret underlines only the first character of the name ("^~" under 有 of 有效事件数).
        try assertRejected("cycle", line: "38:12",
                           "'有效事件数' depends on itself: 有效事件数 → 无效事件数 → 有效事件数; break the cycle",
                           source: "\"无效事件数\" = '有效事件数 - 1'", caret: caret(16, 1))
    }

    func testUnknownKeyInASection() throws {
        try assertRejected("unknown-key", line: "22:1",
                           "unknown key 'uniqe' in [tables.events]; did you mean 'unique'?; allowed keys: file, encoding, worker, group, complete, columns, unique, within_period, checks, format, sheet, delimiter, header_row, totals_row, unknown_workers",
                           source: #"uniqe = ["事件编号"]"#, caret: caret(0, 4))
    }

    func testUnknownColumnType() throws {
        try assertRejected("unknown-column-type", line: "16:26",
                           "unknown column type 'decimel'; did you mean 'decimal'?; types: id, text, integer, decimal, date, datetime, duration, choice",
                           source: #"  { name = "基数", type = "decimel", min = 0, places = 2 },"#, caret: caret(27, 6))
    }

    func testWrongExpectationInARuleTest() throws {
        let name = "wrong-expectation"
        let r = try check(name)
        let path = fixture(name)
        XCTAssertEqual(r.status, 1, r.transcript)
        // Names the test, the worker, the value, what it is and what was expected.
        let header = "\(path):71:1: error: test 'one valid and one invalid event': W1 事件上报 is 1, expected 2"
        XCTAssertEqual(r.stderrLines, [header, #""事件上报" = 2"#, caret(0)], r.transcript)
        // NOTE (reported, minor): the summary goes to stdout and still says "are valid".
        XCTAssertEqual(r.stdoutLines, ["\(path): rules mini version 1 are valid; 0 passed, 1 failed"], r.transcript)
    }
}

extension BadRulesTests {
    /// A rule file saved with CRLF line ends shows its source line and caret as with LF (found
    /// while fixing the CRLF position bugs that RuleFilesFuzzTests found: "\r\n" is one Character,
    /// so the printer split the file at "\n" into one line and showed no source line at all).
    func testACRLFRuleFileShowsItsSourceLineAndCaret() throws {
        let tmp = try Runner.TempFolder(prefix: "gridpay-crlf")
        let path = "\(tmp.path)/unknown-name.toml"
        let text = try String(contentsOfFile: fixture("unknown-name"), encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        let r = try Runner.run(["check", path])
        XCTAssertEqual(r.status, 1, r.transcript)
        let header = "\(path):42:22: error: unknown name '有效事件'; did you mean '有效事件数'?"
        Runner.assertContains(r.stderr, "\(header)\nscore = '10 * min(1, 有效事件 / 5)'\n\(caret(21, 7))\n", r.transcript)
    }
}
