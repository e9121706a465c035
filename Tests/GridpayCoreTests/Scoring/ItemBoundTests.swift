import XCTest
@testable import GridpayCore

/// Item bounds (`min`/`max` of [[items]]) in WorkerScoring.itemScore: the deductions are summed,
/// the bound cuts them short, and 扣分明细 gets a correction line so an item's lines still add up
/// to its score; yuan are not bounded. Item 项: full 10, min 0, max 12; −3 points and 5 yuan per
/// 甲 row; +2 points per 乙 row (counted).
///   W1: 甲 × 4 → 10 − 12 = −2 → 0 (correction +2), yuan 20
///   W2: 乙 × 3 → 10 + 6 = 16 → 12 (correction −4), yuan 0
///   W3: 甲 × 1, 乙 × 1 → 10 − 3 + 2 = 9 (no correction), yuan 5
final class ItemBoundTests: XCTestCase {
    static let item = """
    [[items]]
    name = "项"
    full = 10
    min = 0
    max = 12
      [[items.deductions]]
      table = "rows"
      when = 'c == "甲"'
      points = '-3'
      yuan = '5'
      reason = "甲类 {n}"
      [[items.deductions]]
      table = "rows"
      count = 'count(rows, c == "乙")'
      points = '2'
      reason = "乙类"
    """
    static let columns = "  { name = \"n\", type = \"id\" },\n  { name = \"c\", type = \"choice\", values = [\"甲\", \"乙\"] },"

    func testBoundsCutTheDeductionsAndSayHowMuch() throws {
        var rows = (1...4).map { ["W1", "a\($0)", "甲"] }
        rows += (1...3).map { ["W2", "b\($0)", "乙"] }
        rows += [["W3", "c1", "甲"], ["W3", "c2", "乙"]]
        let t = try TinyTown(values: [], rowColumns: Self.columns, rows: rows,
                             roster: [("W1", "东", "G1", "0"), ("W2", "东", "G1", "0"), ("W3", "东", "G1", "0")], items: Self.item)
        let w = try t.workers()
        XCTAssertEqual(["W1", "W2", "W3"].map { w[$0]!.items[0].description }, ["0", "12", "9"])
        XCTAssertEqual(["W1", "W2", "W3"].map { w[$0]!.itemYuan[0].description }, ["20", "0", "5"])
        func lines(_ id: String) -> [String] {
            w[id]!.records.map { "\($0.points) \($0.yuan) \($0.reason) \($0.file ?? "-"):\($0.line.map(String.init) ?? "-")" }
        }
        XCTAssertEqual(lines("W1"), ["-3 5 甲类 a1 rows.csv:2", "-3 5 甲类 a2 rows.csv:3", "-3 5 甲类 a3 rows.csv:4", "-3 5 甲类 a4 rows.csv:5",
                                     "2 0 本项不低于 0，超出部分不计 -:-"])
        // Counted: one line of 3 × 2 = 6 points, naming the table's file but no line.
        XCTAssertEqual(lines("W2"), ["6 0 乙类 rows.csv:-", "-4 0 本项不高于 12，超出部分不计 -:-"])
        XCTAssertEqual(lines("W3"), ["-3 5 甲类 c1 rows.csv:9", "2 0 乙类 rows.csv:-"])
        // The lines add up to the score: 10 − 12 + 2 = 0; 10 + 6 − 4 = 12; 10 − 3 + 2 = 9.
    }
}
