import XCTest
@testable import GridpayXLSXReader

/// A date cell's text is written as bytes (no String per cell): the same text as a spreadsheet
/// shows, across the range of serial days.
final class SerialDateTextTests: XCTestCase {
    func testDigitsArePaddedToTheirWidth() {
        func put(_ n: Int, _ width: Int) -> String {
            var out: [UInt8] = []
            CellText.put(n, width: width, &out)
            return String(decoding: out, as: UTF8.self)
        }
        XCTAssertEqual([put(0, 2), put(7, 2), put(59, 2), put(100, 2), put(0, 4), put(2026, 4), put(12345, 4)],
                       ["00", "07", "59", "100", "0000", "2026", "12345"])
    }

    func testSerialDaysAcrossTheRange() {
        func shown(_ v: String, _ s: StylesHandler.Shown, date1904: Bool = false) -> String {
            String(decoding: CellText(date1904: date1904).number(Array(v.utf8), shown: s), as: UTF8.self)
        }
        // Day 0 is 1899-12-30; 2,958,465 is 9999-12-31, the last day a spreadsheet shows.
        XCTAssertEqual(shown("1", .date), "1899-12-31")
        XCTAssertEqual(shown("2958465", .date), "9999-12-31")
        // 0.99998843 × 86,400 = 86,399.0004 seconds: 23:59:59.
        XCTAssertEqual(shown("2958465.99998843", .dateTime), "9999-12-31 23:59:59")
        XCTAssertEqual(shown("2958465.99998843", .time), "23:59:59")
        // A date format over a time of day: the date and the time, as before.
        XCTAssertEqual(shown("45931.5", .date), "2025-10-01 12:00:00")
        // The 1904 system: day 0 is 1904-01-01 (1,462 days after 1899-12-30).
        XCTAssertEqual(shown("0", .date, date1904: true), "1904-01-01")
    }

    /// `[h]:mm:ss` (built-in 46, or a custom code with `[h]`) counts hours past 24: a patrol of a
    /// day and an hour and a half is 25:30:00, never the time of day 01:30:00.
    func testElapsedHoursDoNotWrapAtADay() {
        func shown(_ v: String, _ s: StylesHandler.Shown) -> String {
            String(decoding: CellText(date1904: false).number(Array(v.utf8), shown: s), as: UTF8.self)
        }
        XCTAssertEqual(StylesHandler.shown(id: 46, code: nil), .elapsed)
        XCTAssertEqual(StylesHandler.shown(id: 170, code: "[h]:mm:ss"), .elapsed)
        XCTAssertEqual(StylesHandler.shown(id: 171, code: "[hh]:mm"), .elapsed)
        XCTAssertEqual(StylesHandler.shown(id: 172, code: "h:mm:ss"), .time)
        XCTAssertEqual(StylesHandler.shown(id: 173, code: "[Red]h:mm"), .time)
        // 1.0625 days = 25.5 hours; 0.0625 = 1.5 hours; 2 days = 48 hours.
        XCTAssertEqual(shown("1.0625", .elapsed), "25:30:00")
        XCTAssertEqual(shown("0.0625", .elapsed), "01:30:00")
        XCTAssertEqual(shown("2", .elapsed), "48:00:00")
        XCTAssertEqual(shown("1.0625", .time), "01:30:00")
    }
}
