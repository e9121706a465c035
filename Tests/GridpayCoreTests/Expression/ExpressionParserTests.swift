import XCTest
@testable import GridpayCore

final class ExpressionParserTests: XCTestCase {
    func parseError(_ text: String) -> String {
        do {
            _ = try ExpressionParser.parse(text)
            return "no error"
        } catch {
            return "\(error.span.start)-\(error.span.end): \(error.message)"
        }
    }

    func testPrecedence() throws {
        // 1 + 2 * 3 parses as 1 + (2 * 3)
        guard case .binary(.add, _, let rhs) = try ExpressionParser.parse("1 + 2 * 3").kind, case .binary(.multiply, _, _) = rhs.kind else {
            return XCTFail("precedence")
        }
        // not a == b parses as not (a == b); and binds tighter than or
        guard case .unary(.not, let inner) = try ExpressionParser.parse("not a == b").kind, case .binary(.equal, _, _) = inner.kind else {
            return XCTFail("not")
        }
        guard case .binary(.or, _, let r) = try ExpressionParser.parse("a or b and c").kind, case .binary(.and, _, _) = r.kind else {
            return XCTFail("and/or")
        }
    }

    func testChineseAndBacktickNames() throws {
        guard case .call("sum", _, let args) = try ExpressionParser.parse("sum(patrol, `巡查时长(分钟)`)").kind, case .name(let n) = args[1].kind else {
            return XCTFail()
        }
        XCTAssertEqual(n, "巡查时长(分钟)")
        guard case .binary(.equal, let l, _) = try ExpressionParser.parse("出勤 == \"缺席\"").kind, case .name("出勤") = l.kind else { return XCTFail() }
    }

    func testErrorsCarryTheirSpan() {
        XCTAssertEqual(parseError("a = 1"), "2-3: '=' is not an operator here; use '==' to compare")
        XCTAssertEqual(parseError("a && b"), "2-3: '&' is not an operator; write 'and', 'or', 'not'")
        XCTAssertEqual(parseError("1 +"), "3-4: expected a value (number, text, name, function call or '('), found the end of the expression")
        XCTAssertEqual(parseError("if a then 1"), "11-12: expected 'else' (every 'if' needs one), found the end of the expression")
        XCTAssertEqual(parseError("min(1, 2"), "8-9: expected ')' to close the arguments of min(, found the end of the expression")
        XCTAssertEqual(parseError("a < b < c"), "6-7: comparisons do not chain; write 'a < b and b < c'")
        XCTAssertEqual(parseError("\"open"), "0-1: this text is never closed with \"")

    }

    /// Found by RuleLoaderFuzzTests (seed 1001951: 18,699 '(' inserted into xinhe.toml): nesting
    /// without end once exhausted the stack (signal 11) in the parser, and a long chain of
    /// operators (1 + 1 + …, no recursion while parsing) in the checker and when the tree was freed.
    /// 200 levels are read; the token that opens the 201st is refused (spans are offsets from 0).
    func testNestingStopsAtTwoHundredLevels() throws {
        let message = "the expression nests more than 200 levels deep here (parentheses, calls, 'if', 'not', '-' or a chain of operators); expected at most 200: split it into named values"
        func nested(_ open: String, _ n: Int, _ inner: String = "1", close: String = "") -> String {
            String(repeating: open, count: n) + inner + String(repeating: close, count: n)
        }
        XCTAssertEqual(parseError(nested("(", 200, close: ")")), "no error")
        XCTAssertEqual(parseError(nested("(", 201, close: ")")), "200-201: \(message)")         // the 201st '('
        XCTAssertEqual(parseError(nested("(", 50_000)), "200-201: \(message)")
        XCTAssertEqual(parseError(nested("-", 200)), "no error")
        XCTAssertEqual(parseError(nested("-", 201)), "200-201: \(message)")
        XCTAssertEqual(parseError(nested("not ", 201, "true")), "800-803: \(message)")         // 'not' number 201 at 4 × 200
        XCTAssertEqual(parseError(nested("abs(", 201, close: ")")), "803-804: \(message)")     // the '(' of call 201 at 4 × 200 + 3
        XCTAssertEqual(parseError(nested("if true then 1 else ", 201)), "4000-4002: \(message)") // 'if' number 201 at 20 × 200
        // A chain: k operators make a tree k + 1 levels deep, so 199 fit and operator 200
        // (at offset 4 × 200 − 2 = 798 in '1 + 1 + …') is refused.
        let chain = { (n: Int) in Array(repeating: "1", count: n + 1).joined(separator: " + ") }
        XCTAssertEqual(parseError(chain(199)), "no error")
        XCTAssertEqual(parseError(chain(200)), "798-799: \(message)")
        XCTAssertEqual(parseError(chain(100_000)), "798-799: \(message)")
        XCTAssertEqual(try ExpressionParser.parse(chain(199)).depth, 200)
    }

    /// The deepest expressions read are also checked and evaluated (debug build, 8 MB stack):
    /// 199 additions of 基数 = 2.5 are 200 × 2.5 = 500; 200 minus signs cancel out to 2.5.
    func testTheDeepestExpressionsAreCheckedAndEvaluated() throws {
        let chain = Array(repeating: "基数", count: 200).joined(separator: " + ")
        let negations = String(repeating: "-", count: 200) + "基数"
        let t = try TinyTown(values: ["\"和\" = '\(chain)'", "\"负\" = '\(negations)'"], roster: [("W1", "东", "G1", "2.5")])
        XCTAssertEqual(try t.value("和", "W1"), "500")
        XCTAssertEqual(try t.value("负", "W1"), "2.5")
    }
}
