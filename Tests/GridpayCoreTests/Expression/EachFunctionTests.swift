import XCTest
@testable import GridpayCore

/// mean_each(), sum_each(), min_each(), max_each() (FunctionCatalog.each): the body is checked once
/// per value of the choice column c (甲, 乙) with `each` standing for it; the copies are combined.
/// W1's rows: 甲 × 3, 乙 × 1. W2 has none.
final class EachFunctionTests: XCTestCase {
    static let columns = "  { name = \"c\", type = \"choice\", values = [\"甲\", \"乙\"] },"

    func testTheCopiesAreCombined() throws {
        let t = try TinyTown(values: ["\"均\" = 'mean_each(rows, c, count(rows, c == each))'",
                                      "\"和\" = 'sum_each(rows, c, count(rows, c == each))'",
                                      "\"低\" = 'min_each(rows, c, count(rows, c == each))'",
                                      "\"高\" = 'max_each(rows, c, min(2, count(rows, c == each)))'"],
                             rowColumns: Self.columns, rows: [["W1", "甲"], ["W1", "甲"], ["W1", "甲"], ["W1", "乙"]],
                             roster: [("W1", "东", "G1", "0"), ("W2", "东", "G1", "0")])
        XCTAssertEqual(try t.value("均", "W1"), "2")   // (3 + 1) / 2
        XCTAssertEqual(try t.value("和", "W1"), "4")   // 3 + 1
        XCTAssertEqual(try t.value("低", "W1"), "1")   // min(3, 1)
        XCTAssertEqual(try t.value("高", "W1"), "2")   // max(min(2, 3), min(2, 1))
        XCTAssertEqual(try t.value("均", "W2"), "0")   // (0 + 0) / 2
        // One aggregate per copy, told apart in explain by [each = …].
        XCTAssertEqual(t.rules.aggregates.map(\.text), ["count(rows, c == each) [each = 甲]", "count(rows, c == each) [each = 乙]"])
    }

    func testEachIsOnlyInsideAndDoesNotNest() {
        let cases: [(String, String)] = [
            ("count(rows, c == each)", "'each' stands for a value of a choice column only inside mean_each(), sum_each(), min_each() or max_each()"),
            ("mean_each(rows, c, sum_each(rows, c, 1))", "sum_each() cannot be nested inside another *_each()"),
            ("sum_each(rows, 编号, 1)", "the second argument of sum_each() must be a choice column of rows (c); it goes over that column's values"),
        ]
        for (expr, message) in cases {
            let text = TinyTown.ruleFile(values: ["\"v\" = '\(expr)'"], rowColumns: Self.columns, items: "[[items]]\nname = \"项\"\nfull = 0", extra: "")
            guard case .failure(let f) = RuleLoader.load(text: text, file: TinyTown.file) else { XCTFail("\(expr) was accepted"); continue }
            XCTAssertEqual(f.diagnostics.map(\.message), [message], expr)
        }
    }
}
