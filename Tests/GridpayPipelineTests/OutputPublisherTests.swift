import Foundation
import XCTest
import GridpayCore
@testable import GridpayPipeline

/// Issue 6.4: publishing replaces only gridpay's own files, each atomically; what killed runs
/// left is finished (a journal) or removed (staging, scratch) by the next run.
final class OutputPublisherTests: XCTestCase {
    var root: String!

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "gridpay-publish-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: "\(root!)/t/2026-10", withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: root) }

    var folder: String { "\(root!)/t/2026-10" }
    func put(_ name: String, _ text: String, in dir: String? = nil) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(dir ?? folder)/\(name)"))
    }
    func read(_ name: String) -> String? { FileManager.default.contents(atPath: "\(folder)/\(name)").map { String(decoding: $0, as: UTF8.self) } }
    var hidden: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".") && $0 != ".gridpay-lock" }.sorted() }

    func testOnlyGridpaysOwnFilesAreReplaced() throws {
        // Before: the whole month folder was swapped, deleting a clerk's signed scan.
        try put("a.xlsx", "old")
        try put("signed-scan.pdf", "scan")
        let files = try OutputPublisher.publish(to: folder, holder: "t 2026-10") { dir in
            try Data("new".utf8).write(to: URL(fileURLWithPath: "\(dir)/a.xlsx"))
            return ["a.xlsx"]
        }
        XCTAssertEqual(files, ["a.xlsx"])
        XCTAssertEqual(read("a.xlsx"), "new")
        XCTAssertEqual(read("signed-scan.pdf"), "scan")
        XCTAssertEqual(hidden, [])
    }

    func testAFailedWriteLeavesEarlierOutputs() throws {
        try put("a.xlsx", "old")
        struct Boom: Error {}
        XCTAssertThrowsError(try OutputPublisher.publish(to: folder, holder: "t 2026-10") { dir in
            try Data("half".utf8).write(to: URL(fileURLWithPath: "\(dir)/a.xlsx"))
            throw Boom()
        })
        XCTAssertEqual(read("a.xlsx"), "old")
        XCTAssertEqual(hidden, [])
    }

    func testARunKilledAfterItsJournalIsFinishedByTheNext() throws {
        // Killed between renames: a.xlsx already new, b.csv still old, journal and staging there.
        try put("a.xlsx", "new")
        try put("b.csv", "old")
        try FileManager.default.createDirectory(atPath: "\(folder)/.gridpay-staging-4242", withIntermediateDirectories: false)
        try put("b.csv", "new", in: "\(folder)/.gridpay-staging-4242")
        try put(".gridpay-publishing", ".gridpay-staging-4242\na.xlsx\nb.csv")
        try OutputPublisher.recover(folder)
        XCTAssertEqual(read("a.xlsx"), "new")
        XCTAssertEqual(read("b.csv"), "new")
        XCTAssertEqual(hidden, [])
    }

    func testARunKilledBeforeItsJournalLeavesTheEarlierOutputsAndItsLeftoversGo() throws {
        // Before: hidden .partial-PID folders stayed for ever.
        try put("a.xlsx", "old")
        try FileManager.default.createDirectory(atPath: "\(folder)/.gridpay-staging-4242", withIntermediateDirectories: false)
        try put("a.xlsx", "half", in: "\(folder)/.gridpay-staging-4242")
        try FileManager.default.createDirectory(atPath: "\(root!)/t/.2026-10.partial-77", withIntermediateDirectories: false)
        try OutputPublisher.recover(folder)
        XCTAssertEqual(read("a.xlsx"), "old")
        XCTAssertEqual(hidden, [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(root!)/t/.2026-10.partial-77"))
    }

    /// Killed while its journal was being written: the half-written journal goes with the staging
    /// folder, the earlier outputs stay; writing a journal leaves no temporary file behind.
    func testARunKilledWhileWritingItsJournalLeavesNothing() throws {
        try put("a.xlsx", "old")
        try FileManager.default.createDirectory(atPath: "\(folder)/.gridpay-staging-4242", withIntermediateDirectories: false)
        try put("a.xlsx", "new", in: "\(folder)/.gridpay-staging-4242")
        try put(".gridpay-publishing.tmp", ".gridpay-staging-4242\na.x")
        try OutputPublisher.recover(folder)
        XCTAssertEqual(read("a.xlsx"), "old")
        XCTAssertEqual(hidden, [])
        try Durable.write(Data("journal".utf8), to: "\(folder)/j")
        XCTAssertEqual(read("j"), "journal")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["a.xlsx", "j"])
    }

    func testScratchFoldersOfDeadProcessesAreRemoved() throws {
        var dead: Int32 = 999_999
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        let leftover = NSTemporaryDirectory() + "gridpay-\(dead)-\(UUID().uuidString)"
        let mine = NSTemporaryDirectory() + "gridpay-\(getpid())-\(UUID().uuidString)"
        for p in [leftover, mine] { try FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(atPath: mine) }
        _ = try ScratchFolder()
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover), "a killed run's scratch folder stays")
        XCTAssertTrue(FileManager.default.fileExists(atPath: mine), "a live process's scratch folder was removed")
    }

    /// Issue 6.10: a full temporary folder is said as that, in words, never as an input's problem
    /// or as NSCocoaErrorDomain text. /dev/full fails every write with "no space left".
    func testAFullScratchFolderIsSaidInWords() throws {
        // Only opened for writing (never created or replaced): every write fails with ENOSPC.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        XCTAssertThrowsError(try handle.write(contentsOf: Data([1, 2, 3]))) { error in
            let text = ScratchProblem(action: "write the scratch file /tmp/x.bin", underlying: error).description
            XCTAssertTrue(text.hasPrefix("cannot write the scratch file /tmp/x.bin in the temporary folder "), text)
            XCTAssertTrue(text.contains("No space left on device"), text)
            XCTAssertTrue(text.hasSuffix("this is not a problem of the inputs: free space there, or set TMPDIR to a folder with room, and run again"), text)
            XCTAssertFalse(text.contains("Domain="), text)
        }
        try? handle.close()
    }

    func testFileProblemsAreWords() {
        // The one errno table (SystemError): the C library's English, the office's Chinese.
        XCTAssertEqual(FileProblem(action: "write", path: "/x/y.xlsx", code: ENOSPC).description, "cannot write /x/y.xlsx: No space left on device")
        XCTAssertEqual(FileProblem(action: "create the lock file", path: "/x/.gridpay-lock", code: EACCES).description, "cannot create the lock file /x/.gridpay-lock: Permission denied")
        XCTAssertEqual(Language.with(.zh) { FileProblem(action: PublishMessages.createLockFile(), path: "/x/.gridpay-lock", code: EACCES).description },
                       "/x/.gridpay-lock：无法创建锁文件：没有权限")
        let cocoa = CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: "/x/y.csv"])
        XCTAssertEqual(FileProblem.describe(cocoa), "/x/y.csv: No space left on device")
        XCTAssertEqual(Language.with(.zh) { FileProblem.describe(cocoa) }, "/x/y.csv: 磁盘已满")
        let inTheWay = CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: "/x/y.csv"])
        XCTAssertEqual(FileProblem.describe(inTheWay), "/x/y.csv: File exists")
        XCTAssertEqual(Language.with(.zh) { FileProblem.describe(inTheWay) }, "/x/y.csv: 已有同名的文件")
    }
}
