import XCTest
@testable import GridpayCore

/// consecutive() (FunctionCatalog.history) over earlier periods as a HistoryProvider gives them.
/// 末位 = 基数 < 50. This month (2026-10): W1, W3, W4, W5 are 末位 (基数 10), W2 is not (100).
/// Earlier (末位): 2026-09: W1 是, W3 是, W4 否; 2026-08: W1 是, W3 否, W4 是. W5 is on neither roster.
final class HistoryFunctionTests: XCTestCase {
    final class History: HistoryProvider {
        let values: [String: [String: Bool]]
        let missing: Set<String>
        var asked: [String] = []
        init(_ values: [String: [String: Bool]], missing: Set<String> = []) {
            self.values = values
            self.missing = missing
        }
        func unavailability(of period: CalendarPeriod) -> HistoryReason? {
            missing.contains("\(period)") ? HistoryReason { "the inputs of \(period) are missing" } : nil
        }
        func value(named name: String, period: CalendarPeriod, workerID: String) throws(EvaluationError) -> Value? {
            asked.append("\(period) \(workerID)")
            return values["\(period)"]?[workerID].map { .bool($0) }
        }
    }

    static let earlier = ["2026-09": ["W1": true, "W3": true, "W4": false], "2026-08": ["W1": true, "W3": false, "W4": true]]
    static let roster = [("W1", "东", "G1", "10"), ("W2", "东", "G1", "100"), ("W3", "东", "G1", "10"),
                         ("W4", "东", "G1", "10"), ("W5", "东", "G1", "10")]

    func town(_ values: [String], history: History) throws -> TinyTown {
        try TinyTown(values: ["\"末位\" = '基数 < 50'"] + values, roster: Self.roster, history: history)
    }

    func testHeldThisPeriodAndEachBefore() throws {
        let t = try town(["\"三\" = 'consecutive(末位, 3)'", "\"二\" = 'consecutive(末位, 2)'", "\"一\" = 'consecutive(末位, 1)'"],
                         history: History(Self.earlier))
        let ids = ["W1", "W2", "W3", "W4", "W5"]
        XCTAssertEqual(try ids.map { try t.value("三", $0) }, ["是", "否", "否", "否", "否"])  // W3: 08 否; W4: 09 否
        XCTAssertEqual(try ids.map { try t.value("二", $0) }, ["是", "否", "是", "否", "否"])  // W5: not on 09's roster → 否
        XCTAssertEqual(try ids.map { try t.value("一", $0) }, ["是", "否", "是", "是", "是"])  // this period only
    }

    /// A worker who is not 末位 now is decided without reading the history.
    func testTheCurrentPeriodDecidesFirst() throws {
        let history = History(Self.earlier)
        let t = try town(["\"三\" = 'consecutive(末位, 3)'"], history: history)
        XCTAssertEqual(try t.value("三", "W2"), "否")
        XCTAssertEqual(history.asked, [])
    }

    /// 2026-08 missing: unknown unless the rule says what it counts as; a known 否 decides anyway.
    func testAMissingPeriodIsUnknownOrTheStatedDefault() throws {
        let history = History(Self.earlier, missing: ["2026-08"])
        let t = try town(["\"三\" = 'consecutive(末位, 3)'", "\"按否\" = 'consecutive(末位, 3, missing = false)'",
                          "\"按是\" = 'consecutive(末位, 3, missing = true)'"], history: history)
        XCTAssertEqual(try t.value("三", "W1"), "未知（历史不完整）")
        XCTAssertEqual(try t.value("按否", "W1"), "否")
        XCTAssertEqual(try t.value("按是", "W1"), "是")
        XCTAssertEqual(try t.value("按是", "W4"), "否")   // 2026-09 is known and 否
        XCTAssertEqual(t.month.historyAssumptions[0], ["历史不完整：2026-08 的末位按否计", "历史不完整：2026-08 的末位按是计"] as Set)
    }

    /// A town assessed by quarter looks back over quarters: 2026-Q3's period before is 2026-Q2.
    func testAQuarterlyTownLooksBackOverQuarters() throws {
        let history = History(["2026-Q2": ["W1": true, "W3": false]])
        let t = try TinyTown(values: ["\"末位\" = '基数 < 50'", "\"二\" = 'consecutive(末位, 2)'"], roster: Self.roster,
                             month: "2026-Q3", history: history, quarterly: true)
        XCTAssertEqual(t.rules.periodKind, .quarter)
        XCTAssertEqual(try ["W1", "W2", "W3", "W4"].map { try t.value("二", $0) }, ["是", "否", "否", "否"])  // W4: not on Q2's roster
        XCTAssertEqual(Set(history.asked), ["2026-Q2 W1", "2026-Q2 W3", "2026-Q2 W4"])
    }

    func testArgumentsAreCheckedAgainstTheCatalog() {
        let cases: [(String, String)] = [
            ("consecutive(末位)", "consecutive() is written consecutive(name, periods) or consecutive(name, periods, missing = false), e.g. consecutive(末位, 3)"),
            ("consecutive(末位, 25)", "the number of periods of consecutive() must be a whole number 1 to 24 written in place"),
            ("consecutive(基数, 2)", "'基数' is not a value defined in [values]"),
        ]
        for (expr, message) in cases {
            let text = TinyTown.ruleFile(values: ["\"末位\" = '基数 < 50'", "\"v\" = '\(expr)'"], rowColumns: "",
                                         items: "[[items]]\nname = \"项\"\nfull = 0", extra: "")
            guard case .failure(let f) = RuleLoader.load(text: text, file: TinyTown.file) else { XCTFail("\(expr) was accepted"); continue }
            XCTAssertEqual(f.diagnostics.map(\.message), [message], expr)
        }
    }
}
