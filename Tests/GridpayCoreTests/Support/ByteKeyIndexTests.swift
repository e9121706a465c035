import XCTest
@testable import GridpayCore

final class ByteKeyIndexTests: XCTestCase {
    func find(_ index: ByteKeyIndex, _ key: String) -> Int? {
        Array(key.utf8).withUnsafeBufferPointer { index.find($0) }
    }

    func testFindsEveryIdAcrossRehashesAndNothingElse() {
        let index = ByteKeyIndex()
        let ids = (0..<5000).map { "QH\($0)" } + ["网格员甲", ""]
        for id in ids { index.append(id) }
        for (i, id) in ids.enumerated() { XCTAssertEqual(find(index, id), i, id) }
        XCTAssertNil(find(index, "QH5000"))
        XCTAssertNil(find(index, "QH01"))
        XCTAssertNil(find(index, "网格员乙"))
        XCTAssertEqual(index.count, ids.count)
    }
}
