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
}
