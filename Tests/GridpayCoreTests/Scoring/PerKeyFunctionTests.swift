import XCTest
@testable import GridpayCore

/// count_by() (FunctionCatalog.perKey): aggregates nested over a key within a worker, as SPEC §10's
/// 达标日 needs. W1's sessions (s → e), keyed by the day they start:
///   10-01: 08:00 → 08:40 (40 min), 14:00 → 14:20 (20 min)        — 60 min in all, 2 sessions
///   10-02: 08:00 → 08:59:59 (59 min 59 s = 3599/60 min)          — short by one second
///   10-03: 23:30 → 10-04 00:30 (60 min; counts for the day it starts)
/// W2 has no rows.
final class PerKeyFunctionTests: XCTestCase {
    static let columns = "  { name = \"s\", type = \"datetime\" },\n  { name = \"e\", type = \"datetime\" },"
    static let rows = [["W1", "2026-10-01 08:00", "2026-10-01 08:40"], ["W1", "2026-10-01 14:00", "2026-10-01 14:20"],
                       ["W1", "2026-10-02 08:00", "2026-10-02 08:59:59"], ["W1", "2026-10-03 23:30", "2026-10-04 00:30"]]

    func town(_ values: [String]) throws -> TinyTown {
        let t = try TinyTown(values: values, rowColumns: Self.columns, rows: Self.rows,
                             roster: [("W1", "东", "G1", "0"), ("W2", "东", "G1", "0")])
        XCTAssertEqual(t.problems.map(\.message), [])
        return t
    }

    func testDaysOnWhichTheSessionsSumToAnHour() throws {
        let t = try town(["\"达标日\" = 'count_by(rows, date(s), sum(minutes_between(s, e)) >= 60)'"])
        XCTAssertEqual(try t.value("达标日", "W1"), "2")   // 10-01 (40 + 20) and 10-03 (60); 10-02 is 59:59
        XCTAssertEqual(try t.value("达标日", "W2"), "0")
    }

    func testEveryInnerAggregateOfTheCatalog() throws {
        let t = try town(["\"双\" = 'count_by(rows, date(s), count() >= 2)'",
                          "\"长\" = 'count_by(rows, date(s), max_of(minutes_between(s, e)) >= 45)'",
                          "\"短\" = 'count_by(rows, date(s), min_of(minutes_between(s, e)) < 30)'",
                          "\"均\" = 'count_by(rows, date(s), mean(minutes_between(s, e)) == 30)'"])
        XCTAssertEqual(try t.value("双", "W1"), "1")   // only 10-01 has two sessions
        XCTAssertEqual(try t.value("长", "W1"), "2")   // longest: 10-01 40 (no), 10-02 59.98 (yes), 10-03 60 (yes)
        XCTAssertEqual(try t.value("短", "W1"), "1")   // shortest: 10-01 20 (yes), others ≥ 59
        XCTAssertEqual(try t.value("均", "W1"), "1")   // 10-01: (40 + 20) / 2 = 30
    }

    func testARowFilterComesBeforeTheKeys() throws {
        let t = try town(["\"后\" = 'count_by(rows, date(s), count() >= 1, day(date(s)) > 1)'"])
        XCTAssertEqual(try t.value("后", "W1"), "2")   // 10-02 and 10-03; 10-01's rows are filtered out
    }

    func testTheConditionSeesOnlyInnerAggregatesAndConstants() {
        let cases: [(String, String)] = [
            ("count_by(rows, date(s), count(s) > 1)", "inside count_by(), count() counts the rows of one key and takes no arguments"),
            ("count_by(rows, date(s), 1 > 0)", "the condition of count_by() must use sum(value) or count() over the rows of one key"),
            ("count_by(rows, date(s), sum(s) > 0)", "the value summed by sum() must be a number, but is a date and time"),
            ("count_by(rows, s > s, count() > 0)", "the key of count_by() groups rows (e.g. a date); true/false is not a key"),
        ]
        for (expr, message) in cases {
            let text = TinyTown.ruleFile(values: ["\"v\" = '\(expr)'"], rowColumns: Self.columns, items: "[[items]]\nname = \"项\"\nfull = 0", extra: "")
            guard case .failure(let f) = RuleLoader.load(text: text, file: TinyTown.file) else { XCTFail("\(expr) was accepted"); continue }
            XCTAssertEqual(f.diagnostics.map(\.message), [message], expr)
        }
    }
}
