import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// A run tells its reporter which file it reads, how many records, each phase and its time; it
/// never writes to the terminal itself (the command line's reporter does).
final class RunReporterTests: XCTestCase {
    /// Records every call in order (tables of these months are read one after the other: one
    /// table besides the roster).
    final class Recorder: RunReporter, @unchecked Sendable {
        let lock = NSLock()
        var events: [String] = []
        var phaseSeconds: [Double] = []
        func add(_ e: String) { lock.lock(); events.append(e); lock.unlock() }
        func readingFile(_ name: String) { add("file \(name)") }
        func rowsRead(_ count: Int) { add("rows \(count)") }
        func status(_ text: String) { add("status \(text)") }
        func phaseEnded(_ phase: String, seconds: Double) {
            add("phase \(phase)")
            lock.lock(); phaseSeconds.append(seconds); lock.unlock()
        }
    }

    func testAMonthRunReportsFilesRowsAndPhases() throws {
        let tmp = TemporaryFolder()
        // Two workers; three marks (the header is a record too: roster 1 + 2, marks 1 + 3).
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(),
                             months: ["2026-07": ("A,甲,村一,G1\nB,乙,村一,G1\n",
                                                  "1,A,2026-07-01,80,否\n2,B,2026-07-02,95,否\n3,A,2026-07-03,-2,否\n")])
        let recorder = Recorder()
        guard case .success = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-07"), progress: recorder) else {
            return XCTFail("the month must run")
        }
        XCTAssertEqual(recorder.events, [
            "file roster.csv", "rows 3",
            "file marks.csv", "rows 4",
            "phase read inputs",
            "status scoring 2 workers",
            "phase score",
            "status writing the workbook",
            "phase write outputs",
        ])
        XCTAssertEqual(recorder.phaseSeconds.count, 3)
        XCTAssertTrue(recorder.phaseSeconds.allSatisfy { $0 >= 0 }, "\(recorder.phaseSeconds)")
    }

    /// Records are reported in batches of `RunReporting.rowBatch`, the rest at the file's end.
    func testRowsAreReportedInBatches() throws {
        let tmp = TemporaryFolder()
        // 20,000 marks + the header = 20,001 records = 16,384 + 3,617.
        let marks = (1...20_000).map { "\($0),A,2026-07-01,1,否\n" }.joined()
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(), months: ["2026-07": ("A,甲,村一,G1\n", marks)])
        let recorder = Recorder()
        guard case .success = MonthRunner.prepare(GradedTown.request(root: tmp.path, period: "2026-07"), progress: recorder) else {
            return XCTFail("the month must be read")
        }
        XCTAssertEqual(RunReporting.rowBatch, 16_384)
        XCTAssertEqual(Array(recorder.events.prefix(5)), ["file roster.csv", "rows 2", "file marks.csv", "rows 16384", "rows 3617"])
    }

    /// A quarter names each month's file with its folder, the last month's roster first.
    func testAQuarterReportsEachMonthsFiles() throws {
        let tmp = TemporaryFolder()
        let month = ("A,甲,村一,G1\n", "")
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(period: "quarter"),
                             months: ["2026-07": month, "2026-08": month, "2026-09": month])
        let recorder = Recorder()
        guard case .success = MonthRunner.prepare(GradedTown.request(root: tmp.path, period: "2026-Q3"), progress: recorder) else {
            return XCTFail("the quarter must be read")
        }
        XCTAssertEqual(recorder.events.filter { $0.hasPrefix("file") }, [
            "file 2026-09/roster.csv", "file 2026-07/roster.csv", "file 2026-08/roster.csv",
            "file 2026-07/marks.csv", "file 2026-08/marks.csv", "file 2026-09/marks.csv",
        ])
    }
}
