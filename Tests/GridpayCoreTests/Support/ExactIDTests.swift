import XCTest
@testable import GridpayCore

/// `Café` (U+00E9) and `Cafe` + U+0301 are canonically equal, so Swift's `==`, `Set<String>` and
/// `[String: …]` merge them; as ids they are two workers (README), compared by code points.
final class ExactIDTests: XCTestCase {
    let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"

    func testCanonicallyEqualIdsAreTwoIds() {
        XCTAssertEqual(composed, decomposed, "Swift's String == merges them: what ExactID is for")
        XCTAssertNotEqual(ExactID(composed), ExactID(decomposed))
        XCTAssertEqual(Set([ExactID(composed), ExactID(decomposed), ExactID("Caf\u{E9}")]).count, 2)
        // Ordered as IdOrder orders them: by UTF-8 bytes, 'e' (0x65) before 0xC3.
        XCTAssertLessThan(ExactID(decomposed), ExactID(composed))
        XCTAssertEqual(IdOrder.less(decomposed, composed), true)
    }

    /// A rating over one month with both: two rows, each with its own 总分 (90 and 70).
    func testARatingKeepsCanonicallyEqualIdsApart() throws {
        let rated = try TinyTown(values: [], roster: [("W1", "东", "G1", "100")],
                                 extra: "\n[[ratings]]\nperiods = [\"year\"]\nmean = \"总分\"\n\(EvaluationErrorPositionTests.bands)")
        let spec = try XCTUnwrap(rated.rules.rating(for: .year))
        let month = PeriodResults(period: CalendarPeriod.parse("2026-01")!, closed: true, workers: [
            .init(id: composed, name: "甲", unit: "东", group: "G1", numbers: ["总分": ExactNumber(90)], flags: [:]),
            .init(id: decomposed, name: "乙", unit: "东", group: "G1", numbers: ["总分": ExactNumber(70)], flags: [:]),
        ], sources: [])
        let report = try RatingReport.build(town: "t", townName: "t", period: CalendarPeriod.parse("2026")!, spec: spec, results: [month])
        XCTAssertEqual(report.rows.map { Array($0.id.unicodeScalars) }, [Array(composed.unicodeScalars), Array(decomposed.unicodeScalars)])
        XCTAssertEqual(report.rows.map(\.name), ["甲", "乙"])
        XCTAssertEqual(report.rows.map(\.mean), [ExactNumber(90), ExactNumber(70)])
    }
}
