import XCTest
@testable import GridpayCore

/// SPEC §8's periods: the four forms, what is inside each, the period before, and days.
final class CalendarPeriodTests: XCTestCase {
    func testTheFourFormsParseAndPrintBack() {
        for text in ["2026-10", "2026-Q3", "2026-H1", "2026"] {
            XCTAssertEqual(CalendarPeriod.parse(text)?.description, text)
        }
        XCTAssertEqual(CalendarPeriod.parse("2026-Q3")?.kind, .quarter)
        XCTAssertEqual(CalendarPeriod.parse("2026-H2")?.kind, .halfYear)
        XCTAssertEqual(CalendarPeriod.parse("2026")?.kind, .year)
        for bad in ["2026-Q0", "2026-Q5", "2026-H3", "2026-13", "26", "2026-q1", "2026-Q", "2026-Q12", "1899", "2026-"] {
            XCTAssertNil(CalendarPeriod.parse(bad), bad)
        }
    }

    func testMonthsInsideAndDays() {
        let q3 = CalendarPeriod.parse("2026-Q3")!
        XCTAssertEqual(q3.months.map(\.description), ["2026-07", "2026-08", "2026-09"])
        XCTAssertEqual(q3.days, 31 + 31 + 30)                       // 92
        XCTAssertEqual(CalendarPeriod.parse("2028-Q1")!.days, 31 + 29 + 31)   // leap February: 91
        XCTAssertEqual(CalendarPeriod.parse("2026-H1")!.days, 31 + 28 + 31 + 30 + 31 + 30)   // 181
        XCTAssertEqual(CalendarPeriod.parse("2026")!.days, 365)
        XCTAssertEqual(CalendarPeriod.parse("2028")!.days, 366)
        XCTAssertEqual(CalendarPeriod.parse("2026-02")!.days, 28)
        XCTAssertEqual(q3.firstDay.description, "2026-07-01")
        XCTAssertEqual(q3.lastDay.description, "2026-09-30")
        XCTAssertTrue(q3.contains(CivilDate.parse("2026-09-30")!))
        XCTAssertFalse(q3.contains(CivilDate.parse("2026-10-01")!))
        XCTAssertEqual(q3.epochSeconds, Period.parse("2026-07")!.epochSeconds)
    }

    func testPreviousPeriodsCrossTheYear() {
        XCTAssertEqual(CalendarPeriod.parse("2026-Q1")!.previous.description, "2025-Q4")
        XCTAssertEqual(CalendarPeriod.parse("2026-H1")!.previous.description, "2025-H2")
        XCTAssertEqual(CalendarPeriod.parse("2026-01")!.previous.description, "2025-12")
        XCTAssertEqual(CalendarPeriod.parse("2026")!.previous.description, "2025")
        XCTAssertEqual(CalendarPeriod.parse("2026-Q2")!.adding(-5).description, "2025-Q1")
        XCTAssertEqual(CalendarPeriod.parse("2026-Q4")!.adding(1).description, "2027-Q1")
    }

    func testPeriodsInsideALongerOne() {
        let year = CalendarPeriod.parse("2026")!
        XCTAssertEqual(year.periods(of: .quarter).map(\.description), ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        XCTAssertEqual(year.periods(of: .month).count, 12)
        XCTAssertEqual(CalendarPeriod.parse("2026-H2")!.periods(of: .month).map(\.description),
                       ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"])
        XCTAssertEqual(CalendarPeriod.parse("2026-H2")!.periods(of: .quarter).map(\.description), ["2026-Q3", "2026-Q4"])
        XCTAssertEqual(CalendarPeriod.parse("2026-Q1")!.periods(of: .year), [])
        XCTAssertEqual(CalendarPeriod.of(.quarter, holding: Period.parse("2026-08")!).description, "2026-Q3")
        XCTAssertTrue(year.contains(CalendarPeriod.parse("2026-Q4")!))
        XCTAssertFalse(CalendarPeriod.parse("2026-H1")!.contains(CalendarPeriod.parse("2026-Q3")!))
        // Order: by first month, then the shorter first.
        XCTAssertLessThan(CalendarPeriod.parse("2026-07")!, CalendarPeriod.parse("2026-Q3")!)
        XCTAssertLessThan(CalendarPeriod.parse("2026-Q2")!, CalendarPeriod.parse("2026-07")!)
    }
}
