import GridpayHash
import XCTest

/// Two hashes in a message say where they first differ (1-based hex digit, eight digits of each).
final class HashTextTests: XCTestCase {
    func testWhereTwoHashesFirstDiffer() {
        let a = "e831816db05df03a29e1177ec6d28dab4a61e92417daa0828decefc7937d47b4"
        let b = "e831816db05df03a29e1177ec6d28dab4a61e92417daa0828decefc7937d47b5"
        XCTAssertEqual(HashText.firstDifference(a, b), "they differ from hex digit 64 on: …4 against …5")
        XCTAssertEqual(HashText.firstDifference("ab12345678ff", "ab92345678ee"), "they differ from hex digit 3 on: …12345678 against …92345678")
        XCTAssertEqual(HashText.firstDifference("0a", "1a"), "they differ from hex digit 1 on: 0a against 1a")
        XCTAssertEqual(HashText.firstDifference(a, a), "identical")
    }
}
