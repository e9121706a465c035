import XCTest
@testable import GridpayLedger

/// verify extracts the archive on two threads: the files split into two shares of about equal
/// bytes, largest first, each to the lighter share; the problems come back in file order.
final class ArchiveExtractionTests: XCTestCase {
    func testSplitBalancesBytesLargestFirst() {
        // A province month's six inputs (MB): roster 5, events 228, patrol 164, visits 71, phone 25, training 8.
        // 228 → A; 164 → B; 71 → B (164 < 228: 235); 25 → A (228 < 235: 253); 8 → B (243); 5 → B (248).
        XCTAssertEqual(ArchiveExtraction.split([5, 228, 164, 71, 25, 8]), [[1, 4], [0, 2, 3, 5]])
        // Equal sizes: the earlier file first, to the first share on a tie of bytes.
        XCTAssertEqual(ArchiveExtraction.split([7, 7, 7]), [[0, 2], [1]])
        XCTAssertEqual(ArchiveExtraction.split([3]), [[0], []])
        XCTAssertEqual(ArchiveExtraction.split([]), [[], []])
    }
}
