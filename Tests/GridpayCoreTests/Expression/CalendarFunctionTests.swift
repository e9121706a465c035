import XCTest
@testable import GridpayCore

/// The catalog's calendar functions (FunctionCatalogCalendar): weekday, week, period_first_day,
/// period_last_day, month_end, working_days. 2026-10-01 is a Thursday; the test calendar takes
/// 10-01, 10-02, 10-05, 10-06 and 10-07 off and works Saturday 10-10 instead. Rows of W1 (a, b):
///   row 2: 09-30 Wed → 10-09 Fri    row 3: 10-09 Fri → 10-12 Mon
///   row 4: 10-16 Fri → 10-19 Mon    row 5: 10-20 Tue → 10-20 Tue
final class CalendarFunctionTests: XCTestCase {
    static let columns = "  { name = \"a\", type = \"date\", within_period = false },\n  { name = \"b\", type = \"date\", within_period = false },"
    static let rows = [["W1", "2026-09-30", "2026-10-09"], ["W1", "2026-10-09", "2026-10-12"], ["W1", "2026-10-16", "2026-10-19"], ["W1", "2026-10-20", "2026-10-20"]]
    static let calendar = """
        [calendar]
        holidays = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"]
        worked_weekend_days = ["2026-10-10"]
        """

    func town(_ values: [String], calendar: Bool = true, month: String = "2026-10", quarterly: Bool = false) throws -> TinyTown {
        try TinyTown(values: values, rowColumns: Self.columns, rows: Self.rows, roster: [("W1", "东", "G1", "0")],
                     extra: calendar ? Self.calendar : "", month: month, quarterly: quarterly)
    }

    func testWorkingDaysSkipHolidaysAndCountWorkedWeekends() throws {
        let t = try town(["\"合计\" = 'sum(rows, working_days(a, b))'",
                          "\"节前\" = 'sum(rows, working_days(a, b), a == date(\"2026-09-30\"))'",
                          "\"调休\" = 'sum(rows, working_days(a, b), a == date(\"2026-10-09\"))'",
                          "\"周末\" = 'sum(rows, working_days(a, b), a == date(\"2026-10-16\"))'",
                          "\"同日\" = 'sum(rows, working_days(a, b), a == b)'",
                          "\"倒\" = 'sum(rows, working_days(b, a))'",
                          "\"四周\" = 'sum(rows, working_days(date(\"2026-10-01\"), date(\"2026-10-29\")), a == b)'"])
        // 10-01 … 10-09: only Thursday 10-08 and Friday 10-09 are worked.
        XCTAssertEqual(try t.value("节前", "W1"), "2")
        // Friday 10-09 → Monday 10-12: Saturday 10-10 (worked) and Monday.
        XCTAssertEqual(try t.value("调休", "W1"), "2")
        // Friday → Monday: 1.
        XCTAssertEqual(try t.value("周末", "W1"), "1")
        XCTAssertEqual(try t.value("同日", "W1"), "0")
        XCTAssertEqual(try t.value("合计", "W1"), "5")     // 2 + 2 + 1 + 0
        XCTAssertEqual(try t.value("倒", "W1"), "0")       // b is never after a the other way round
        // Four whole weeks after 10-01: 20 weekdays, less 10-02, 10-05, 10-06, 10-07, plus 10-10.
        XCTAssertEqual(try t.value("四周", "W1"), "17")
        // Without [calendar]: Monday to Friday only (09-30 → 10-09: Thu, Fri, Mon … Fri).
        let plain = try town(["\"节前\" = 'sum(rows, working_days(a, b), a == date(\"2026-09-30\"))'"], calendar: false)
        XCTAssertEqual(try plain.value("节前", "W1"), "7")
    }

    func testWeekdayAndWeekOfThePeriod() throws {
        let t = try town(["\"星期\" = 'sum(rows, weekday(a))'",
                          "\"周数\" = 'distinct(rows, week(b, period_first_day()))'",
                          "\"第一周\" = 'count(rows, week(a, period_first_day()) == 1)'",
                          "\"之前\" = 'sum(rows, week(date(\"2026-09-20\"), period_first_day()), a == b)'",
                          "\"前一周\" = 'sum(rows, week(date(\"2026-09-21\"), period_first_day()), a == b)'",
                          "\"周日\" = 'sum(rows, weekday(date(\"2026-10-04\")), a == b)'"])
        XCTAssertEqual(try t.value("星期", "W1"), "15")    // Wed 3 + Fri 5 + Fri 5 + Tue 2
        // Week 1 is Monday 09-28 … Sunday 10-04 (it holds 10-01); b falls in weeks 2, 3, 4, 4.
        XCTAssertEqual(try t.value("周数", "W1"), "3")
        XCTAssertEqual(try t.value("第一周", "W1"), "1")   // only 09-30
        XCTAssertEqual(try t.value("前一周", "W1"), "0")   // Monday 09-21 … Sunday 09-27: the week before
        XCTAssertEqual(try t.value("之前", "W1"), "-1")    // Sunday 09-20: the week before that
        XCTAssertEqual(try t.value("周日", "W1"), "7")
    }

    func testFirstAndLastDaysOfThePeriodAndOfAMonth() throws {
        let month = try town(["\"首\" = 'count(rows, period_first_day() == date(\"2026-10-01\"))'",
                              "\"末\" = 'count(rows, b <= period_last_day())'",
                              "\"月末\" = 'count(rows, month_end(a) == a)'",
                              "\"闰\" = 'count(rows, month_end(date(\"2028-02-10\")) == date(\"2028-02-29\") and a == b)'"])
        XCTAssertEqual(try month.value("首", "W1"), "4")
        XCTAssertEqual(try month.value("末", "W1"), "4")    // every b is in October (≤ 10-31)
        XCTAssertEqual(try month.value("月末", "W1"), "1")  // 09-30
        XCTAssertEqual(try month.value("闰", "W1"), "1")
        // A quarter's first and last day.
        let quarter = try town(["\"首\" = 'count(rows, period_first_day() == date(\"2026-10-01\"))'",
                                "\"末\" = 'count(rows, period_last_day() == date(\"2026-12-31\"))'"], month: "2026-Q4", quarterly: true)
        XCTAssertEqual(try quarter.value("首", "W1"), "4")
        XCTAssertEqual(try quarter.value("末", "W1"), "4")
    }

    func testArityTypesAndTheCalendarAreCheckedWhereWritten() {
        let cases: [(String, String)] = [
            ("count(rows, week(a) > 1)", "week() takes two dates, e.g. week(<date>, period_first_day()), but was given 1 argument"),
            ("count(rows, weekday(1) > 1)", "argument 1 of weekday() must be a date, but is a number"),
            ("count(rows, period_last_day(a) > a)", "period_last_day() takes no argument, but was given 1 argument"),
            ("count(rows, working_days(a, 1) > 1)", "argument 2 of working_days() must be a date, but is a number"),
        ]
        for (expr, message) in cases {
            let text = TinyTown.ruleFile(values: ["\"v\" = '\(expr)'"], rowColumns: Self.columns, items: "[[items]]\nname = \"项\"\nfull = 0", extra: "")
            guard case .failure(let f) = RuleLoader.load(text: text, file: TinyTown.file) else { XCTFail("\(expr) was accepted"); continue }
            XCTAssertEqual(f.diagnostics.map(\.message), [message], expr)
        }
    }
}
