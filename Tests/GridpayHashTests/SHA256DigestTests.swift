import XCTest
@testable import GridpayHash

final class SHA256DigestTests: XCTestCase {
    func testKnownVectors() throws {
        XCTAssertEqual(try SHA256Digest.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(try SHA256Digest.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(try SHA256Digest.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testChunkedUpdatesMatchOneShotAndFinishIsOnce() throws {
        let bytes = (0..<100_000).map { UInt8($0 % 251) }
        let d = try SHA256Digest()
        for start in stride(from: 0, to: bytes.count, by: 4099) {
            try d.update(Array(bytes[start..<min(bytes.count, start + 4099)]))
        }
        XCTAssertEqual(try d.finish(), try SHA256Digest.hex(bytes))
        XCTAssertThrowsError(try d.finish())
        XCTAssertThrowsError(try d.update([1]))
    }
}
