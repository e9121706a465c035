import XCTest
@testable import GridpayCore

/// Ranks with ties: rank(), rank_within(), group_rank() (FunctionCatalog.groups) and 排名.
/// Roster (网格, 基数): G1: W1 90, W2 85; G2: W3 90, W4 70; G3: W5 87.5.
final class RankTieTests: XCTestCase {
    static let roster = [("W1", "东", "G1", "90"), ("W2", "东", "G1", "85"), ("W3", "西", "G2", "90"),
                         ("W4", "西", "G2", "70"), ("W5", "南", "G3", "87.5")]

    func town(_ values: [String], items: String = "[[items]]\nname = \"项\"\nfull = 0") throws -> TinyTown {
        try TinyTown(values: values, roster: Self.roster, items: items)
    }

    /// 90, 90, 87.5, 85, 70 → 1, 1, 3, 4, 5: equal values share a rank and the next skips.
    func testRankSharesAndSkips() throws {
        let t = try town(["\"名\" = 'rank(基数)'"])
        XCTAssertEqual(try ["W1", "W2", "W3", "W4", "W5"].map { try t.value("名", $0) }, ["1", "4", "1", "5", "3"])
    }

    func testRankWithinAGroup() throws {
        let t = try town(["\"组名\" = 'rank_within(网格, 基数)'"])
        // G1: 90 > 85; G2: 90 > 70; G3 alone.
        XCTAssertEqual(try ["W1", "W2", "W3", "W4", "W5"].map { try t.value("组名", $0) }, ["1", "2", "1", "2", "1"])
    }

    /// Units by the exact mean: G1 (90 + 85) / 2 = 87.5, G3 87.5, G2 (90 + 70) / 2 = 80 → G1 and
    /// G3 share rank 1, G2 is 3rd.
    func testGroupRankByExactMeansWithATie() throws {
        let t = try town(["\"网格名\" = 'group_rank(网格, 基数)'"])
        XCTAssertEqual(try ["W1", "W2", "W3", "W4", "W5"].map { try t.value("网格名", $0) }, ["1", "1", "3", "3", "1"])
    }

    /// 排名 ranks 总分 (here the item = 基数, rounded to 0.01) the same way.
    func testTheProductsRankOfTotals() throws {
        let t = try town([], items: "[[items]]\nname = \"项\"\nscore = '基数'")
        let w = try t.workers()
        XCTAssertEqual(["W1", "W2", "W3", "W4", "W5"].map { w[$0]!.rank }, [1, 4, 1, 5, 3])
        XCTAssertEqual(w["W5"]!.total, ExactNumber(decimalText: "87.5")!)
    }

    /// The sheets list workers by rank, and equal totals by id (W1 before W3 at rank 1).
    func testEqualTotalsAreListedById() throws {
        let t = try TinyTown(values: [], roster: [("W3", "西", "G2", "90"), ("W2", "东", "G1", "85"), ("W1", "东", "G1", "90")],
                             items: "[[items]]\nname = \"项\"\nscore = '基数'")
        guard case .success(let report) = t.report() else { return XCTFail("report") }
        XCTAssertEqual(report.workers.map { "\($0.rank) \($0.id)" }, ["1 W1", "1 W3", "3 W2"])
    }
}
