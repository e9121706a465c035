import Foundation
import XCTest

/// SPEC §8: "An assessment period that has neither a ledger entry nor inputs makes the rating fail
/// with the list of what is missing." A quarter with only some of its month folders has inputs:
/// the message names the missing month folder(s), not "neither … nor inputs".
final class RatingMissingMonthTests: XCTestCase {
    typealias Runner = BinaryRunner

    func testAQuarterMissingOneMonthFolderNamesThatFolder() throws {
        let input = try Runner.TempFolder()
        try FileManager.default.createDirectory(atPath: input.path("shuangqiao"), withIntermediateDirectories: true)
        // The sample has 2026-04 … 2026-09 (Q2 and Q3); 2026-08 is left out.
        for m in ["2026-04", "2026-05", "2026-06", "2026-07", "2026-09"] {
            try FileManager.default.copyItem(atPath: Runner.packageRoot.appendingPathComponent("Input/shuangqiao/\(m)").path, toPath: input.path("shuangqiao/\(m)"))
        }
        let out = try Runner.TempFolder()
        let ledger = try Runner.TempFolder()
        let r = try Runner.run(["rate", "shuangqiao", "2026", "--rules-dir", Runner.rulesDir, "--input-dir", input.path,
                                "--output-dir", out.path, "--ledger-dir", ledger.path, "--quiet"])
        XCTAssertEqual(r.status, 1, r.transcript)
        let dir = input.path("shuangqiao")
        XCTAssertEqual(r.errorLines, [
            "error: 2026-Q1 has neither a ledger entry nor inputs (expected it closed in the ledger, or the folders \(dir)/2026-01, \(dir)/2026-02, \(dir)/2026-03)",
            "error: 2026-Q3 is not closed in the ledger and its inputs are incomplete: the month folder \(dir)/2026-08 is missing (a quarter is read from all of its months: 2026-07, 2026-08, 2026-09)",
            "error: 2026-Q4 has neither a ledger entry nor inputs (expected it closed in the ledger, or the folders \(dir)/2026-10, \(dir)/2026-11, \(dir)/2026-12)",
            "error: cannot rate shuangqiao 2026: 3 of its quarters are missing (2026-Q1, 2026-Q3, 2026-Q4); nothing was written",
        ], r.transcript)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [])
    }

    /// A period rated from its inputs with a bad row: the rating fails (nothing written), and the
    /// advice is not the --accept that rate does not take, but to correct the row or close the
    /// period with it accepted (the rating then reads the ledger).
    func testABadRowInAPeriodRatedFromItsInputsIsNotOfferedToRate() throws {
        let input = try Runner.TempFolder()
        try FileManager.default.copyItem(atPath: Runner.packageRoot.appendingPathComponent("Input/shuangqiao").path, toPath: input.path("shuangqiao"))
        // Line 3 of 2026-05/logs.csv names a worker on no roster.
        let logs = input.path("shuangqiao/2026-05/logs.csv")
        var lines = try String(contentsOfFile: logs, encoding: .utf8).components(separatedBy: "\n")
        var fields = lines[2].components(separatedBy: ",")
        fields[1] = "NOBODY"
        lines[2] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: logs, atomically: true, encoding: .utf8)
        let out = try Runner.TempFolder()
        let ledger = try Runner.TempFolder()
        let r = try Runner.run(["rate", "shuangqiao", "2026", "--rules-dir", Runner.rulesDir, "--input-dir", input.path,
                                "--output-dir", out.path, "--ledger-dir", ledger.path, "--quiet"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines.first, "error: 2026-Q2 cannot be computed from its inputs:", r.transcript)
        XCTAssertTrue(r.errorLines.contains { $0.hasPrefix("\(logs):3:2: error: 网格员编号 'NOBODY' ") }, r.transcript)
        XCTAssertEqual(Array(r.errorLines.suffix(2)), [
            "error: 1 problem in the inputs of shuangqiao 2026-Q2 would change someone's pay; nothing was written. 1 of them is a single row that a rating cannot leave out: "
                + "correct them, or close 2026-Q2 with them accepted (gridpay close shuangqiao 2026-Q2 --by <name> --accept 2026-05/logs.csv:3) so that the rating reads its published results from the ledger",
            "error: cannot rate shuangqiao 2026; nothing was written",
        ], r.transcript)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [])
    }
}
