import XCTest
@testable import GridpayCore

/// The catalog's date and time functions (FunctionCatalog.dates): date, datetime, day,
/// hours/minutes/seconds_between, add_hours/minutes/seconds. Two rows of worker W1:
///   row 2: s = 2026-10-01 08:00:00, e = 2026-10-01 09:00:30   (1 h 0 min 30 s = 3630 s)
///   row 3: s = 2026-10-02 23:30:00, e = 2026-10-03 00:15:00   (45 min = 2700 s, across midnight)
final class TimeFunctionTests: XCTestCase {
    static let columns = "  { name = \"s\", type = \"datetime\" },\n  { name = \"e\", type = \"datetime\" },"
    static let rows = [["W1", "2026-10-01 08:00", "2026-10-01 09:00:30"], ["W1", "2026-10-02 23:30", "2026-10-03 00:15"]]

    func town(_ values: [String]) throws -> TinyTown {
        try TinyTown(values: values, rowColumns: Self.columns, rows: Self.rows, roster: [("W1", "东", "G1", "0")])
    }

    func testDifferencesAreExactToTheSecond() throws {
        let t = try town(["\"分\" = 'sum(rows, minutes_between(s, e))'", "\"时\" = 'sum(rows, hours_between(s, e))'",
                          "\"秒\" = 'sum(rows, seconds_between(s, e))'", "\"反\" = 'sum(rows, minutes_between(e, s))'",
                          "\"时1\" = 'sum(rows, hours_between(s, e), day(date(s)) == 1)'"])
        XCTAssertEqual(try t.value("秒", "W1"), "6330")     // 3630 + 2700
        XCTAssertEqual(try t.value("分", "W1"), "105.5")    // 60.5 + 45
        XCTAssertEqual(try t.value("时1", "W1"), "≈1.008333") // 3630 / 3600 = 121/120, not rounded
        XCTAssertEqual(try t.value("时", "W1"), "≈1.758333") // 121/120 + 90/120 = 211/120
        XCTAssertEqual(try t.value("反", "W1"), "-105.5")   // the second minus the first
    }

    func testDateDayAndDateLiterals() throws {
        let t = try town(["\"日\" = 'sum(rows, day(date(e)))'", "\"二日\" = 'count(rows, date(s) == date(\"2026-10-02\"))'",
                          "\"早\" = 'count(rows, s < datetime(\"2026-10-02 23:30:01\"))'"])
        XCTAssertEqual(try t.value("日", "W1"), "4")    // day(2026-10-01) + day(2026-10-03) = 1 + 3
        XCTAssertEqual(try t.value("二日", "W1"), "1")  // only row 3 starts on 10-02
        XCTAssertEqual(try t.value("早", "W1"), "2")    // 23:30:00 is one second before 23:30:01
    }

    func testAddingDurationsLandsOnExactTimes() throws {
        let t = try town(["\"一小时内\" = 'count(rows, e <= add_hours(s, 1))'",
                          "\"整\" = 'count(rows, add_minutes(s, 60.5) == e)'",
                          "\"前一日\" = 'count(rows, date(add_seconds(s, -30600)) == date(\"2026-09-30\"))'",
                          "\"闰\" = 'count(rows, add_hours(datetime(\"2028-02-28 23:00\"), 1) == datetime(\"2028-02-29 00:00\"))'"])
        XCTAssertEqual(try t.value("一小时内", "W1"), "1") // row 2 ends 30 s after s + 1 h; row 3 within
        XCTAssertEqual(try t.value("整", "W1"), "1")      // 08:00 + 60.5 min = 09:00:30 (row 2 only)
        XCTAssertEqual(try t.value("前一日", "W1"), "1")  // 10-01 08:00 − 8.5 h = 09-30 23:30; 10-02 23:30 − 8.5 h = 10-02 15:00
        XCTAssertEqual(try t.value("闰", "W1"), "2")      // 2028 is a leap year: 02-28 23:00 + 1 h = 02-29 00:00 (true on both rows)
    }

    func testArityTypesAndLiteralsAreCheckedWhereWritten() {
        let cases: [(String, String)] = [
            ("count(rows, hours_between(s) > 1)", "hours_between() takes two times, e.g. hours_between(<start>, <end>) (the second minus the first), but was given 1 argument"),
            ("count(rows, add_hours(s, s) > s)", "argument 2 of add_hours() must be a number, but is a date and time"),
            ("count(rows, minutes_between(s, 1) > 1)", "argument 2 of minutes_between() must be a date and time, but is a number"),
            ("count(rows, day(s) > 1)", "argument 1 of day() must be a date, but is a date and time"),
            ("count(rows, date(s) > date(\"2026-13-01\"))", "'2026-13-01' is not a date YYYY-MM-DD, e.g. date(\"2026-10-15\")"),
            ("count(rows, s > datetime(1))", "datetime() is written datetime(\"YYYY-MM-DD HH:MM\") with the time in quotes"),
        ]
        for (expr, message) in cases {
            let text = TinyTown.ruleFile(values: ["\"v\" = '\(expr)'"], rowColumns: Self.columns, items: "[[items]]\nname = \"项\"\nfull = 0", extra: "")
            guard case .failure(let f) = RuleLoader.load(text: text, file: TinyTown.file) else { XCTFail("\(expr) was accepted"); continue }
            XCTAssertEqual(f.diagnostics.map(\.message), [message], expr)
        }
    }
}
