import XCTest
@testable import GridpayCore

/// The catalog's per-worker aggregates (FunctionCatalog.aggregates), kept as running totals while
/// rows stream in (RowAccumulation). Rows (n, c, d):
///   W1: (3, 甲, 10-01), (4.5, 乙, 10-01), (−1, 甲, 10-02)
///   W2: none
///   W3: (2, 乙, 10-05)
final class AggregateFunctionTests: XCTestCase {
    static let columns = """
      { name = "n", type = "decimal" },
      { name = "c", type = "choice", values = ["甲", "乙"] },
      { name = "d", type = "date" },
    """
    static let rows = [["W1", "3", "甲", "2026-10-01"], ["W1", "4.5", "乙", "2026-10-01"], ["W1", "-1", "甲", "2026-10-02"],
                       ["W3", "2", "乙", "2026-10-05"]]
    static let roster = [("W1", "东", "G1", "0"), ("W2", "东", "G1", "0"), ("W3", "西", "G2", "0")]

    func town(_ values: [String]) throws -> TinyTown {
        let t = try TinyTown(values: values, rowColumns: Self.columns, rows: Self.rows, roster: Self.roster)
        XCTAssertEqual(t.problems.map(\.message), [])
        return t
    }

    func testCountAndSumWithAndWithoutACondition() throws {
        let t = try town(["\"数\" = 'count(rows)'", "\"甲数\" = 'count(rows, c == \"甲\")'",
                          "\"和\" = 'sum(rows, n)'", "\"甲和\" = 'sum(rows, n, c == \"甲\")'"])
        XCTAssertEqual(try ["W1", "W2", "W3"].map { try t.value("数", $0) }, ["3", "0", "1"])
        XCTAssertEqual(try t.value("甲数", "W1"), "2")
        XCTAssertEqual(try t.value("和", "W1"), "6.5")   // 3 + 4.5 − 1
        XCTAssertEqual(try t.value("和", "W2"), "0")     // no rows
        XCTAssertEqual(try t.value("甲和", "W1"), "2")   // 3 − 1
    }

    func testMeanIsExactAndZeroWithoutRows() throws {
        let t = try town(["\"均\" = 'mean(rows, n)'", "\"正均\" = 'mean(rows, n, n > 0)'", "\"乘\" = 'mean(rows, n) * 3'"])
        XCTAssertEqual(try t.value("均", "W1"), "≈2.166667") // 6.5 / 3, kept exact…
        XCTAssertEqual(try t.value("乘", "W1"), "6.5")       // …so × 3 gives 6.5 back
        XCTAssertEqual(try t.value("正均", "W1"), "3.75")    // (3 + 4.5) / 2
        XCTAssertEqual(try t.value("均", "W2"), "0")         // the mean of no rows is 0
    }

    func testMinOfAndMaxOfOverRows() throws {
        let t = try town(["\"低\" = 'min_of(rows, n)'", "\"高\" = 'max_of(rows, n)'", "\"甲高\" = 'max_of(rows, n, c == \"甲\")'"])
        XCTAssertEqual(try ["W1", "W2", "W3"].map { try t.value("低", $0) }, ["-1", "0", "2"])  // W2: no rows → 0
        XCTAssertEqual(try ["W1", "W2", "W3"].map { try t.value("高", $0) }, ["4.5", "0", "2"])
        XCTAssertEqual(try t.value("甲高", "W1"), "3")   // max(3, −1)
    }

    func testDistinctCountsDifferentValues() throws {
        let t = try town(["\"日\" = 'distinct(rows, d)'", "\"类\" = 'distinct(rows, c, n > 0)'"])
        XCTAssertEqual(try ["W1", "W2", "W3"].map { try t.value("日", $0) }, ["2", "0", "1"])  // 10-01 twice, 10-02
        XCTAssertEqual(try t.value("类", "W1"), "2")   // 甲 (3) and 乙 (4.5); the −1 row is filtered out
    }

    func testArgumentsAreCheckedAgainstTheCatalog() {
        let cases: [(String, String)] = [
            ("count(rows, n)", "the condition of count() must be true/false, but is a number"),
            ("sum(rows)", "sum() is written sum(table, value) or sum(table, value, condition)"),
            ("min_of(rows, c)", "the value summed by min_of() must be a number, but is text"),
            ("count(rows, count(rows) > 0)", "count() adds up rows per worker and cannot be used inside a row expression"),
        ]
        for (expr, message) in cases {
            let text = TinyTown.ruleFile(values: ["\"v\" = '\(expr)'"], rowColumns: Self.columns, items: "[[items]]\nname = \"项\"\nfull = 0", extra: "")
            guard case .failure(let f) = RuleLoader.load(text: text, file: TinyTown.file) else { XCTFail("\(expr) was accepted"); continue }
            XCTAssertEqual(f.diagnostics.map(\.message), [message], expr)
        }
    }
}
