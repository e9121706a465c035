import XCTest
@testable import GridpayPipeline

/// Page breaks that keep a block (a village and its 小计) on one page, worked out by hand on a
/// page of 100 points and rows of 15 (a row 1 of 30 where said).
final class PrintedPagesTests: XCTestCase {
    func plan(_ blocks: [ClosedRange<Int>], tall: Set<Int> = [], limit: Int = PageBreaks.limit) -> [Int] {
        PageBreaks.plan(blocks.map { RowBlock(first: $0.lowerBound, last: $0.upperBound) },
                        height: { tall.contains($0) ? 30 : 15 }, capacity: 100, limit: limit)
    }

    func testABlockThatDoesNotFitWhatIsLeftStartsAPage() {
        // 60 + 45 > 100: the second block starts page 2; 45 + 30 = 75 fits under it.
        XCTAssertEqual(plan([1...4, 5...7, 8...9]), [5])
        // 60 + 30 = 90 fits; with row 5 twice as tall, 60 + 45 = 105 does not.
        XCTAssertEqual(plan([1...4, 5...6]), [])
        XCTAssertEqual(plan([1...4, 5...6], tall: [5]), [5])
        XCTAssertEqual(plan([1...4, 5...6], tall: [5, 6]), [5])   // 60 + 60
        XCTAssertEqual(plan([1...2, 3...6]), [])                  // 30 + 60
    }

    func testABlockTallerThanAPageBreaksWherePagesAreFull() {
        // 30, then a block of 150 points: not moved (it cannot fit anyway); rows 3…6 fill the
        // page to 90, row 7 would make 105: break; 7…12 make 90; the last block (30) starts page 3.
        XCTAssertEqual(plan([1...2, 3...12, 13...14]), [7, 13])
    }

    func testNoMoreBreaksThanTheLimit() {
        XCTAssertEqual(plan([1...4, 5...8, 9...12, 13...16], limit: 2), [5, 9])
        XCTAssertEqual(plan([1...4, 5...8, 9...12, 13...16]), [5, 9, 13])
    }
}
