import XCTest
@testable import GridpayCore

final class PeriodTests: XCTestCase {
    func testMonthsDaysAndPinnedTime() {
        let p = Period.parse("2026-10")!
        XCTAssertEqual(p.days, 31)
        XCTAssertEqual(Period.parse("2028-02")!.days, 29)
        XCTAssertEqual(Period.parse("2026-02")!.days, 28)
        XCTAssertEqual(p.adding(months: -10).description, "2025-12")
        XCTAssertEqual(p.epochSeconds, 1790812800)   // 2026-10-01T00:00:00Z
        XCTAssertNil(Period.parse("2026-13"))
        XCTAssertNil(Period.parse("2026-1"))
    }

    func testStrictDatesAndTimes() {
        XCTAssertNotNil(CivilDate.parse("2026-02-28"))
        XCTAssertNil(CivilDate.parse("2026-02-29"))
        XCTAssertNil(CivilDate.parse("2026/02/01"))
        XCTAssertEqual(CivilDateTime.parse("2026-10-01 08:05")?.secondOfDay, 8 * 3600 + 5 * 60)
        XCTAssertEqual(CivilDateTime.parse("2026-10-01 08:05:09")?.secondOfDay, 8 * 3600 + 5 * 60 + 9)
        XCTAssertNil(CivilDateTime.parse("2026-10-01 24:00"))
        XCTAssertNil(CivilDateTime.parse("2026-10-01T08:00"))
    }
}
