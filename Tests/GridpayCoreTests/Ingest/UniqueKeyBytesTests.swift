import XCTest
@testable import GridpayCore

/// A `unique` key is compared by its bytes: equal bytes are one key, anything else two.
final class UniqueKeyBytesTests: XCTestCase {
    private func key(_ cells: [String]) -> UniqueKeyBytes {
        let storage = cells.map { Array($0.utf8) }
        var buffers: [UnsafeBufferPointer<UInt8>] = []
        var key = UniqueKeyBytes()
        // The buffers must outlive the init; build them from stable arrays.
        func build(_ i: Int) {
            if i == storage.count { key = UniqueKeyBytes(cells: buffers); return }
            storage[i].withUnsafeBufferPointer { b in buffers.append(b); build(i + 1); buffers.removeLast() }
        }
        build(0)
        return key
    }

    func testEqualBytesAreOneKeyAtEveryLength() {
        // Inline (≤ 24 bytes), exactly 24, 25 (one byte spilled) and long keys.
        for length in [0, 1, 7, 8, 15, 16, 23, 24, 25, 40, 300] {
            let text = String(repeating: "x", count: length)
            XCTAssertEqual(key([text]), key([text]), "length \(length)")
            XCTAssertEqual(key([text]).hashValue, key([text]).hashValue, "length \(length)")
        }
    }

    func testKeysDifferingInOneByteAreTwoKeys() {
        // The last byte differs: byte 24 is the last inline one, byte 25 the first spilled one.
        for length in [1, 8, 9, 24, 25, 26, 100] {
            let a = String(repeating: "x", count: length - 1) + "a"
            let b = String(repeating: "x", count: length - 1) + "b"
            XCTAssertNotEqual(key([a]), key([b]), "length \(length)")
        }
        // A shorter key that is a prefix of a longer one (zero padding must not make them equal).
        XCTAssertNotEqual(key(["W1"]), key(["W1\u{0}"]))
        XCTAssertNotEqual(key([String(repeating: "x", count: 24)]), key([String(repeating: "x", count: 24) + "\u{0}"]))
    }

    func testCanonicallyEquivalentIdsAreTwoKeys() {
        // "Café" with a precomposed é (NFC, U+00E9) and with e + U+0301 (NFD): String's == says
        // equal, SPEC §11 compares ids by code points.
        let nfc = "Caf\u{E9}", nfd = "Cafe\u{301}"
        XCTAssertEqual(nfc, nfd)
        XCTAssertNotEqual(key([nfc]), key([nfd]))
    }

    func testCellBoundariesArePartOfTheKey() {
        // (培训编号, 网格员编号): ("T1", "W12") and ("T1W", "12") have the same bytes run together.
        XCTAssertNotEqual(key(["T1", "W12"]), key(["T1W", "12"]))
        XCTAssertNotEqual(key(["", "ab"]), key(["ab", ""]))
        XCTAssertEqual(key(["T1", "W12"]), key(["T1", "W12"]))
        // A cell of 200 bytes takes a two-byte length (LEB128: 200 = 0xC8 0x01).
        let long = String(repeating: "y", count: 200)
        XCTAssertEqual(key([long, "W1"]), key([long, "W1"]))
        XCTAssertNotEqual(key([long, "W1"]), key([long + "W", "1"]))
    }

    func testAsADictionaryKey() {
        var seen: [UniqueKeyBytes: Int] = [:]
        for (line, id) in ["W1", "W2", "Caf\u{E9}", "Cafe\u{301}", "W1"].enumerated() where seen[key([id])] == nil {
            seen[key([id])] = line + 2
        }
        // W1 first at line 2, and the NFD Café is its own id.
        XCTAssertEqual(seen.count, 4)
        XCTAssertEqual(seen[key(["W1"])], 2)
        XCTAssertEqual(seen[key(["Cafe\u{301}"])], 5)
    }
}
