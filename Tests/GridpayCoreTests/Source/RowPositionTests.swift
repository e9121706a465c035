import XCTest
@testable import GridpayCore

/// `file:line`, the form in which accepted rows are written and (from the ledger) read back.
final class RowPositionTests: XCTestCase {
    func testTextFormRoundTrips() {
        XCTAssertEqual(RowPosition("events.csv:12"), RowPosition(file: "events.csv", line: 12))
        XCTAssertEqual(RowPosition(file: "events.csv", line: 12).description, "events.csv:12")
        // A quarter's file keeps its month folder; the line is after the last colon.
        XCTAssertEqual(RowPosition("2026-07/marks.csv:4"), RowPosition(file: "2026-07/marks.csv", line: 4))
        XCTAssertEqual(RowPosition("a:b.csv:4"), RowPosition(file: "a:b.csv", line: 4))
    }

    func testTextWithoutAFileOrALineNumberIsNoPosition() {
        for text in ["events.csv", "events.csv:", "events.csv:x", ":3", "events.csv:0", "events.csv:-2", "events.csv:3.5", ""] {
            XCTAssertNil(RowPosition(text), text)
        }
    }

    func testAProblemsPositionIsItsFileAndLine() {
        let p = InputProblem(.unknownWorker, .error, file: "events.csv", line: 3, message: "m", acceptable: true)
        XCTAssertEqual(p.position, RowPosition(file: "events.csv", line: 3))
        XCTAssertEqual(p.rowReference, "events.csv:3")
    }
}
