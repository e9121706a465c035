import XCTest
@testable import GridpayCore

/// Row ingestion (TableIngest → RowAccumulation): each row is decoded, checked and added to its
/// worker's running totals as it streams in; a refused or accepted row never counts. Roster W1, W2.
final class RowIngestionTests: XCTestCase {
    static let columns = "  { name = \"n\", type = \"decimal\", min = 0 },\n  { name = \"c\", type = \"choice\", values = [\"甲\", \"乙\"] },"
    static let values = ["\"数\" = 'count(rows)'", "\"和\" = 'sum(rows, n)'", "\"甲\" = 'count(rows, c == \"甲\")'"]
    static let roster = [("W1", "东", "G1", "0"), ("W2", "东", "G1", "0")]

    func testOnlyGoodRowsOfKnownWorkersCount() throws {
        let rows = [
            ["W1", "3", "甲"],     // line 2: counts
            ["X1", "1", "甲"],     // line 3: not on the roster
            ["W1", "abc", "甲"],   // line 4: not a number
            ["W1", "-1", "乙"],    // line 5: below min 0
            ["W1", "2", "丙"],     // line 6: not a value of c
            ["W2", "4", "乙"],     // line 7: accepted with --accept: checked, not counted
            ["W2", "1.5", "甲"],   // line 8: counts
        ]
        let t = try TinyTown(values: Self.values, rowColumns: Self.columns, rows: rows, roster: Self.roster,
                             accepted: [RowPosition(file: "rows.csv", line: 7)])
        XCTAssertEqual(t.problems.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.kind.rawValue)" },
                       ["3:1 unknownWorker", "4:2 badValue", "5:2 badValue", "6:3 badValue"])
        XCTAssertEqual(t.problems.first?.message, "编号 'X1' is not on the roster (roster.csv); expected a 编号 of the roster; did you mean 'W1'?")
        XCTAssertEqual(try t.value("数", "W1"), "1")    // line 2 only
        XCTAssertEqual(try t.value("和", "W1"), "3")
        XCTAssertEqual(try t.value("数", "W2"), "1")    // line 8; line 7 was accepted, so left out
        XCTAssertEqual(try t.value("和", "W2"), "1.5")
        XCTAssertEqual(try t.value("甲", "W2"), "1")
    }

    /// Per-row deductions are found as rows stream in, one 扣分明细 line per row with its line.
    func testPerRowDeductionsNameTheirRow() throws {
        let items = """
        [[items]]
        name = "项"
        full = 10
          [[items.deductions]]
          table = "rows"
          when = 'c == "乙"'
          points = '-n'
          reason = "乙 {n}"
        """
        let t = try TinyTown(values: [], rowColumns: Self.columns, rows: [["W1", "2", "乙"], ["W1", "1", "甲"], ["W1", "0.5", "乙"]],
                             roster: Self.roster, items: items)
        let w = try t.workers()
        XCTAssertEqual(w["W1"]!.items[0].description, "7.5")   // 10 − 2 − 0.5
        XCTAssertEqual(w["W1"]!.records.map { "\($0.points) \($0.reason) \($0.line ?? 0)" }, ["-2 乙 2 2", "-0.5 乙 0.5 4"])
        XCTAssertEqual(w["W2"]!.items[0].description, "10")
    }

    /// A row check without `message`: the row's problem quotes the check (RulePlaces.unmetCheck),
    /// then what was expected, at the row (no `column`); the row is not counted (sum 3, not 3 + 0).
    func testARowCheckWithoutMessageQuotesItsRequire() throws {
        let text = TinyTown.ruleFile(values: ["\"和\" = 'sum(rows, n)'"], rowColumns: "  { name = \"n\", type = \"decimal\" },",
                                     items: "[[items]]\nname = \"项\"\nfull = 0", extra: "")
            .replacingOccurrences(of: "\n[roster]\n", with: "[[tables.rows.checks]]\nrequire = 'n > 0'\n\n[roster]\n")
        let t = try TinyTown(text: text, rows: [["W1", "3"], ["W1", "0"]], roster: [["W1", "甲", "东", "G1", "100"]])
        XCTAssertEqual(t.problems.map { "\($0.line ?? 0): \($0.message)" }, ["3: the row does not meet the check 'n > 0'; expected n > 0"])
        XCTAssertEqual(try t.value("和", "W1"), "3")
    }
}
