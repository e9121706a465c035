import Foundation
import XCTest
@testable import GridpayHash

/// Whole files hashed as they stream: the FIPS 180-2 digests of "abc" and of nothing, across the
/// 1 MiB pieces files are read in.
final class FileDigestTests: XCTestCase {
    static let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    static let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    /// A million 'a's (FIPS 180-2, appendix B.3), written twice: a file across two pieces.
    static let millionA = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

    func file(_ bytes: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("filedigest-\(UUID().uuidString)").path
        try bytes.write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testAFileIsHashedWithItsSize() throws {
        let (sha, bytes) = try FileDigest.file(try file(Data("abc".utf8)))
        XCTAssertEqual(sha, Self.abc)
        XCTAssertEqual(bytes, 3)
        XCTAssertEqual(FileDigest.sha256(ofFileAt: try file(Data())), Self.empty)
        XCTAssertEqual(try FileDigest.hex(Data("abc".utf8)), Self.abc)
    }

    func testAFileLongerThanOnePieceIsHashedWhole() throws {
        let path = try file(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
        XCTAssertEqual(FileDigest.sha256(ofFileAt: path), Self.millionA)
        XCTAssertEqual(try FileDigest.file(path).1, 1_000_000)
        let twice = try file(Data(repeating: UInt8(ascii: "a"), count: 2 * FileDigest.chunkSize + 1))
        XCTAssertEqual(try FileDigest.file(twice).0, FileDigest.sha256(ofFileAt: twice))
    }

    func testAMissingFileHasNoDigest() {
        XCTAssertNil(FileDigest.sha256(ofFileAt: "/nonexistent/gridpay-\(UUID().uuidString)"))
        XCTAssertThrowsError(try FileDigest.file("/nonexistent/gridpay-\(UUID().uuidString)"))
    }

    func testAStreamHasherCountsWhatItWasFed() throws {
        let hasher = StreamHasher()
        for part in ["a", "b", "c"] { Data(part.utf8).withUnsafeBytes { hasher.feed($0) } }
        XCTAssertEqual(hasher.bytes, 3)
        XCTAssertEqual(try hasher.finish(), Self.abc)
    }
}
