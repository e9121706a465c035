import Foundation
import XCTest
@testable import GridpayPipeline

/// The one lock type (an output folder's and a ledger's): a second holder is refused at once,
/// the output folder's names the pid holding it and is left empty, a lock file that cannot be
/// made is said with its errno.
final class FileLockTests: XCTestCase {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("filelock-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testASecondHolderIsRefusedWithThePidOfTheFirst() throws {
        let path = try folder() + "/.gridpay-lock"
        let first = FileLock(path: path, recordsHolder: true)
        XCTAssertEqual(first.acquire(), .acquired)
        // flock belongs to the open file: a second open in this process is a second holder.
        let second = FileLock(path: path, recordsHolder: true)
        XCTAssertEqual(second.acquire(), .busy(holder: "\(ProcessInfo.processInfo.processIdentifier)"))
        first.release()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).count, 0, "the lock file left behind is empty")
        XCTAssertEqual(second.acquire(), .acquired)
        second.release()
    }

    func testALockThatRecordsNothingLeavesAnEmptyFile() throws {
        let path = try folder() + "/t.sqlite.lock"
        let first = FileLock(path: path)
        XCTAssertEqual(first.acquire(), .acquired)
        XCTAssertEqual(FileLock(path: path).acquire(), .busy(holder: "unknown"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)).count, 0)
        first.release()
        first.release()  // a second release does nothing
    }

    func testALockFileThatCannotBeMadeIsSaidWithItsErrno() throws {
        let lock = FileLock(path: try folder() + "/missing/.gridpay-lock")
        XCTAssertEqual(lock.acquire(), .failed(errno: ENOENT, opening: true))
    }
}
