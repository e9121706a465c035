import XCTest
@testable import GridpayLedger

/// consecutive() over a closed period reads its published true/false values from this compact
/// table (ids sorted, a byte per value) instead of a dictionary of arrays.
final class PublishedValuesTests: XCTestCase {
    func testCellsEncodeNoneFalseTrueAndPadShortLists() {
        XCTAssertEqual(PublishedValues.cells([true, false, nil], width: 3), [2, 1, 0])
        // A list shorter than the names kept: the missing values are none.
        XCTAssertEqual(PublishedValues.cells([true], width: 3), [2, 0, 0])
        XCTAssertEqual(PublishedValues.cells([], width: 0), [])
    }

    func testLookupByIdInAnyReadOrder() {
        // Read in position (rank) order, not id order.
        let values = PublishedValues(ids: ["QH0003", "QH0001", "网格07", "QH0002"],
                                     cells: [2, 1, /* QH0001 */ 1, 0, /* 网格07 */ 0, 2, /* QH0002 */ 2, 2],
                                     width: 2)
        XCTAssertEqual(values.ids, ["QH0001", "QH0002", "QH0003", "网格07"])
        XCTAssertEqual(values.value(worker: "QH0003", index: 0), true)
        XCTAssertEqual(values.value(worker: "QH0003", index: 1), false)
        XCTAssertEqual(values.value(worker: "QH0001", index: 0), false)
        XCTAssertNil(values.value(worker: "QH0001", index: 1))
        XCTAssertNil(values.value(worker: "网格07", index: 0))
        XCTAssertEqual(values.value(worker: "网格07", index: 1), true)
        XCTAssertEqual(values.value(worker: "QH0002", index: 1), true)
        // Not in the period (before the first id, between ids, after the last), or past the width.
        XCTAssertNil(values.value(worker: "QH0000", index: 0))
        XCTAssertNil(values.value(worker: "QH00025", index: 0))
        XCTAssertNil(values.value(worker: "网格99", index: 0))
        XCTAssertNil(values.value(worker: "QH0002", index: 2))
    }

    func testEmptyPeriod() {
        let values = PublishedValues(ids: [], cells: [], width: 1)
        XCTAssertNil(values.value(worker: "QH0001", index: 0))
    }
}
