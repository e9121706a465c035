import XCTest
@testable import GridpayCore

/// The memo's rows (MemoLayout): one per worker symbol, laid out from the rule file's counts.
final class MemoLayoutTests: XCTestCase {
    /// Two values, two items, no awards: values 0–1, items 2–3, then the seven product symbols in
    /// MemoLayout.productSymbols' order, 4–10: eleven rows, each symbol its own.
    func testRowsFollowTheRuleFilesCounts() throws {
        let town = try TinyTown(values: ["\"甲\" = '1'", "\"乙\" = '2'"], roster: [("W1", "东", "G1", "100")],
                                items: "[[items]]\nname = \"项一\"\nfull = 0\n\n[[items]]\nname = \"项二\"\nfull = 0")
        let memo = MemoLayout(town.rules)
        XCTAssertEqual(memo.count, 11)
        let symbols: [WorkerSymbol] = [.value(0), .value(1), .item(0), .item(1), .total, .rank, .dutyMet, .payBase, .scorePay, .itemYuan, .grade]
        XCTAssertEqual(symbols.map(memo.row(of:)), Array(0..<11))
    }

    /// A symbol's result is kept once per worker: two workers' 总分 sit in two slots.
    func testEachWorkerHasItsOwnSlot() throws {
        let town = try TinyTown(values: [], roster: [("W1", "东", "G1", "100"), ("W2", "东", "G1", "50")])
        XCTAssertNotEqual(town.month.memoSlot(.total, 0), town.month.memoSlot(.total, 1))
        XCTAssertEqual(town.month.memoSlot(.total, 1) - town.month.memoSlot(.total, 0), 1)
    }
}
