import XCTest
@testable import GridpayCore

/// The catalog's has() and is_empty() (FunctionCatalog.presence) over an optional column o:
/// worker W1 has rows o = "" (no value) and o = 2.
final class OptionalColumnFunctionTests: XCTestCase {
    static let columns = "  { name = \"o\", type = \"decimal\", optional = true },\n  { name = \"n\", type = \"decimal\" },"

    func testHasAndIsEmptyReadEmptiness() throws {
        let t = try TinyTown(values: ["\"有\" = 'count(rows, has(o))'", "\"空\" = 'count(rows, is_empty(o))'",
                                      "\"和\" = 'sum(rows, o, has(o))'", "\"或\" = 'sum(rows, if has(o) then o else n)'"],
                             rowColumns: Self.columns, rows: [["W1", "", "5"], ["W1", "2", "7"]], roster: [("W1", "东", "G1", "0")])
        XCTAssertEqual(t.problems.map(\.message), [])
        XCTAssertEqual(try t.value("有", "W1"), "1")   // row 3 only
        XCTAssertEqual(try t.value("空", "W1"), "1")   // row 2 only
        XCTAssertEqual(try t.value("和", "W1"), "2")   // the empty row is filtered out before o is read
        XCTAssertEqual(try t.value("或", "W1"), "7")   // row 2: n = 5; row 3: o = 2 → 5 + 2
    }

    func testOnlyAnOptionalColumnCanBeTested() {
        let cases: [(String, String)] = [
            ("count(rows, has(n))", "column 'n' is not optional, so it always has a value; declare it with optional = true if it may be empty"),
            ("count(rows, has(1))", "has() takes a column name, e.g. has(<optional column>)"),
            ("count(rows, is_empty(o, o))", "is_empty() takes one column, e.g. is_empty(<optional column>), but was given 2 arguments"),
        ]
        for (expr, message) in cases {
            let text = TinyTown.ruleFile(values: ["\"v\" = '\(expr)'"], rowColumns: Self.columns, items: "[[items]]\nname = \"项\"\nfull = 0", extra: "")
            guard case .failure(let f) = RuleLoader.load(text: text, file: TinyTown.file) else { XCTFail("\(expr) was accepted"); continue }
            XCTAssertEqual(f.diagnostics.map(\.message), [message], expr)
        }
    }

    /// Issue 24: arithmetic or a comparison on an optional column is refused by the checker unless
    /// a has() / is_empty() on the path to it proves a value there (and / or / if evaluate only what
    /// they need), or the deduction's `when` does.
    func testArithmeticAndComparisonNeedAGuard() {
        func problems(_ expr: String, items: String = "[[items]]\nname = \"项\"\nfull = 0") -> [String] {
            let text = TinyTown.ruleFile(values: ["\"v\" = '\(expr)'"], rowColumns: Self.columns, items: items, extra: "")
            guard case .failure(let f) = RuleLoader.load(text: text, file: TinyTown.file) else { return [] }
            return f.diagnostics.map(\.message)
        }
        for guarded in ["count(rows, has(o) and o > 1)", "count(rows, is_empty(o) or o > 1)", "sum(rows, if has(o) then o * 2 else 0)",
                        "sum(rows, if is_empty(o) then 0 else -o)", "count(rows, not is_empty(o) and o > n)",
                        "count(rows, not (is_empty(o) or o < 1))", "sum(rows, o, has(o) and o > 0)"] {
            XCTAssertEqual(problems(guarded).filter { $0.contains("'o' is optional") }, [], guarded)
        }
        let compared = "column 'o' is optional (optional = true) and may be empty, and comparing an empty cell fails the run at that row; "
            + "test it first: has(o) and …, is_empty(o) or …, or if has(o) then … else <a default>"
        let computed = compared.replacingOccurrences(of: "comparing an empty cell", with: "arithmetic on an empty cell")
        XCTAssertEqual(problems("count(rows, o > 1)"), [compared])
        XCTAssertEqual(problems("count(rows, has(o) or o > 1)"), [compared], "the right of or runs when has(o) is false")
        XCTAssertEqual(problems("sum(rows, o * 2)"), [computed])
        XCTAssertEqual(problems("sum(rows, if has(o) then 0 else o + 1)"), [computed], "the else branch runs when o is empty")
        // A deduction's amount is evaluated only where its `when` holds.
        let deduction = { (when: String) in "[[items]]\nname = \"项\"\nfull = 10\n  [[items.deductions]]\n  table = \"rows\"\n\(when)  points = '-o'\n  reason = \"r\"" }
        XCTAssertEqual(problems("1", items: deduction("  when = 'has(o) and n > 0'\n")), [])
        XCTAssertEqual(problems("1", items: deduction("")), [computed])
    }
}
