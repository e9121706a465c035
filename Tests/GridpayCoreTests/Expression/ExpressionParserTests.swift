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
}
