import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

final class SpillTests: XCTestCase {
    func testDuplicateFinderGroupsEqualHashesInMemoryAndOnDisk() throws {
        for limit in [1 << 20, 4] {   // 4 forces the 256 partition files
            let scratch = try ScratchFolder()
            let finder = DuplicateKeyFinder(scratch: scratch.path, memoryLimit: limit)
            finder.start(keys: 2)
            let hashes: [UInt64] = [7, 0xFF00_0000_0000_0001, 9, 7, 0xFF00_0000_0000_0001, 11, 7]
            for (i, h) in hashes.enumerated() { finder.add(key: 0, hash: h, line: i + 2) }
            finder.add(key: 1, hash: 5, line: 2)
            let groups = try finder.candidateGroups(key: 0).map { $0.sorted() }.sorted { $0[0] < $1[0] }
            XCTAssertEqual(groups, [[2, 5, 8], [3, 6]], "limit \(limit)")
            XCTAssertEqual(try finder.candidateGroups(key: 1), [], "limit \(limit)")
        }
    }

    /// A scratch folder that cannot take the partition files is a failure of the run, said as the
    /// scratch folder's problem; key entries are never dropped silently (which would miss a
    /// duplicate id and pay a row twice).
    func testDuplicateFinderThatCannotSpillFailsInsteadOfForgetting() throws {
        let finder = DuplicateKeyFinder(scratch: "/nonexistent-gridpay-scratch", memoryLimit: 4)
        finder.start(keys: 1)
        for (i, h) in ([1, 2, 3, 4, 1] as [UInt64]).enumerated() { finder.add(key: 0, hash: h, line: i + 2) }
        XCTAssertThrowsError(try finder.candidateGroups(key: 0)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("cannot create the scratch file /nonexistent-gridpay-scratch/keys-0-0.bin in the temporary folder"), text)
            XCTAssertTrue(text.hasSuffix("this is not a problem of the inputs: free space there, or set TMPDIR to a folder with room, and run again"), text)
        }
    }

    /// Memory flat in rows (issue 7): a spilled key's partition buffers are flushed as they fill,
    /// also while the in-memory entries are first written out, and are let go once the table's
    /// candidates are read.
    func testDuplicateFinderBuffersStayBoundedAndAreReleased() throws {
        let scratch = try ScratchFolder()
        let finder = DuplicateKeyFinder(scratch: scratch.path, memoryLimit: 2_000)
        finder.start(keys: 1)
        // All in partition 0 (top byte 0): 2,000 entries of 16 bytes = 32,000 bytes for one file.
        for i in 0..<3_000 { finder.add(key: 0, hash: UInt64(i % 1_500), line: i + 2) }
        let writers = try XCTUnwrap(finder.partitions[0])
        XCTAssertEqual(writers.count, 256)
        XCTAssertLessThan(writers[0].buffer.count, SpillSizes.partitionBuffer)
        XCTAssertTrue(finder.inMemory[0].isEmpty)
        let groups = try finder.candidateGroups(key: 0)
        // Hashes 0..<1500 each on lines i + 2 and i + 1502.
        XCTAssertEqual(groups.count, 1_500)
        XCTAssertEqual(groups.first, [2, 1_502])
        XCTAssertNil(finder.partitions[0])
        XCTAssertEqual(writers[0].buffer.capacity, 0)
    }

    func testDeductionSpillReadsBackWhatWasWritten() throws {
        let scratch = try ScratchFolder()
        let spill = try DeductionSpill(scratch: scratch.path)
        let third = try ExactNumber(numerator: -10, denominator: 3)
        for i in 0..<50_000 {
            spill.add(worker: i % 7, record: DeductionRecord(item: i % 3, deduction: 1, reason: "无效事件 SJ-\(i)", points: i == 3 ? third : ExactNumber(-3),
                                                             yuan: ExactNumber(i % 2 * 30), file: i % 2 == 0 ? "events.csv" : "phone_checks.csv", line: i + 2, times: nil))
        }
        var n = 0
        try spill.forEach { worker, r in
            XCTAssertEqual(worker, n % 7)
            XCTAssertEqual(r.line, n + 2)
            XCTAssertEqual(r.reason, "无效事件 SJ-\(n)")
            XCTAssertEqual(r.points, n == 3 ? third : ExactNumber(-3))
            XCTAssertEqual(r.yuan, ExactNumber(n % 2 * 30))
            XCTAssertEqual(r.file, n % 2 == 0 ? "events.csv" : "phone_checks.csv")
            n += 1
        }
        XCTAssertEqual(n, 50_000)
        XCTAssertEqual(spill.count, 50_000)
    }
}
