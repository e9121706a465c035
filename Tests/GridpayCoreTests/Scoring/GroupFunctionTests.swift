import XCTest
@testable import GridpayCore

/// The catalog's functions across workers (FunctionCatalog.groups) but the ranks
/// (RankTieTests). Roster (网格, 基数): G1: W1 10, W2 20, W3 30; G2: W4 5, W5 5.
final class GroupFunctionTests: XCTestCase {
    static let roster = [("W1", "东", "G1", "10"), ("W2", "东", "G1", "20"), ("W3", "东", "G1", "30"),
                         ("W4", "西", "G2", "5"), ("W5", "西", "G2", "5")]

    func town(_ values: [String]) throws -> TinyTown { try TinyTown(values: values, roster: Self.roster) }

    func testWithinTheWorkersGroup() throws {
        let t = try town(["\"均\" = 'group_mean(网格, 基数)'", "\"和\" = 'group_sum(网格, 基数)'", "\"低\" = 'group_min(网格, 基数)'",
                          "\"高\" = 'group_max(网格, 基数)'", "\"人\" = 'group_count(网格)'"])
        XCTAssertEqual(try t.value("均", "W2"), "20")   // (10 + 20 + 30) / 3
        XCTAssertEqual(try t.value("均", "W4"), "5")    // (5 + 5) / 2
        XCTAssertEqual(try t.value("和", "W1"), "60")
        XCTAssertEqual(try t.value("低", "W3"), "10")
        XCTAssertEqual(try t.value("高", "W1"), "30")
        XCTAssertEqual(try t.value("人", "W1"), "3")
        XCTAssertEqual(try t.value("人", "W5"), "2")
    }

    func testOverEveryWorkerOfThePeriod() throws {
        let t = try town(["\"均\" = 'overall_mean(基数)'", "\"和\" = 'overall_sum(基数)'", "\"低\" = 'overall_min(基数)'",
                          "\"高\" = 'overall_max(基数)'", "\"人\" = 'overall_count()'"])
        XCTAssertEqual(try t.value("均", "W1"), "14")   // (10 + 20 + 30 + 5 + 5) / 5 = 70 / 5
        XCTAssertEqual(try t.value("和", "W5"), "70")
        XCTAssertEqual(try t.value("低", "W2"), "5")
        XCTAssertEqual(try t.value("高", "W4"), "30")
        XCTAssertEqual(try t.value("人", "W3"), "5")
    }

    /// A key may be any per-worker value; group values nest (the lowest grid mean).
    func testKeysAreExpressionsAndGroupValuesNest() throws {
        let t = try town(["\"大和\" = 'group_sum(基数 > 8, 基数)'",
                          "\"最低网格\" = 'overall_min(group_mean(网格, 基数))'",
                          "\"是最低\" = 'group_mean(网格, 基数) == overall_min(group_mean(网格, 基数))'"])
        XCTAssertEqual(try t.value("大和", "W1"), "60")   // key true: W1, W2, W3
        XCTAssertEqual(try t.value("大和", "W4"), "10")   // key false: W4, W5
        XCTAssertEqual(try t.value("最低网格", "W1"), "5") // min(20, 5)
        XCTAssertEqual(try t.value("是最低", "W1"), "否")
        XCTAssertEqual(try t.value("是最低", "W4"), "是")
    }

    func testArgumentsAreCheckedAgainstTheCatalog() {
        let cases: [(String, String)] = [
            ("group_mean(基数)", "group_mean() is written group_mean(group, value), e.g. group_mean(网格编号, x)"),
            ("overall_count(基数)", "overall_count() is written overall_count()"),
            ("overall_sum()", "overall_sum() is written overall_sum(value)"),
            ("group_count()", "group_count() is written group_count(group)"),
            ("group_mean(网格, 村)", "the value of group_mean() must be a number, but is text"),
        ]
        for (expr, message) in cases {
            let text = TinyTown.ruleFile(values: ["\"v\" = '\(expr)'"], rowColumns: "", items: "[[items]]\nname = \"项\"\nfull = 0", extra: "")
            guard case .failure(let f) = RuleLoader.load(text: text, file: TinyTown.file) else { XCTFail("\(expr) was accepted"); continue }
            XCTAssertEqual(f.diagnostics.map(\.message), [message], expr)
        }
    }
}
