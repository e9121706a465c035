import XCTest
@testable import GridpayCore

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex(of: Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(of: Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testChunkedUpdatesMatchOneShot() {
        let bytes = (0..<1000).map { UInt8($0 % 251) }
        var h = SHA256()
        for chunk in stride(from: 0, to: bytes.count, by: 37) { h.update(bytes[chunk..<min(bytes.count, chunk + 37)]) }
        XCTAssertEqual(SHA256.hexString(h.finalize()), SHA256.hex(of: bytes))
    }
}

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
