import Foundation
import XCTest

/// The command line's reporter (Sources/gridpay/TerminalReporter.swift): a progress line only on a
/// terminal, so a run in a pipe or a log prints none; GRIDPAY_TIMINGS=1 prints each phase's time
/// and memory, in the order the pipeline reports the phases.
final class ReporterOutputTests: XCTestCase {
    typealias Runner = BinaryRunner

    func testARunInAPipePrintsNoProgressLine() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-reporter")
        // No --quiet: stderr is a file here, not a terminal.
        let r = try Runner.run(["run", "qinghe", "2026-10", "--output-dir", out.path])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertFalse(r.stderr.contains("\r"), r.transcript)
        XCTAssertFalse(r.stderr.contains("rows read"), r.transcript)
        XCTAssertFalse(r.stderr.contains("read inputs:"), r.transcript)
    }

    func testTimingsArePrintedPhaseByPhase() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-reporter")
        let r = try Runner.run(["run", "qinghe", "2026-10", "--quiet", "--output-dir", out.path], environment: ["GRIDPAY_TIMINGS": "1"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let phases = r.stderrLines.compactMap { line -> String? in
            guard let colon = line.range(of: ": "), line.contains(" s (VmHWM:") else { return nil }
            return String(line[..<colon.lowerBound])
        }
        XCTAssertEqual(phases, ["read inputs", "score", "write outputs"], r.transcript)
        // The outputs are listed on stdout as without timings, then the run's two summary lines.
        XCTAssertEqual(r.stdoutLines.count, 5, r.transcript)
    }

    /// verify re-runs the period through the same pipeline, so it reports the same phases.
    func testVerifyReportsItsRerunsPhases() throws {
        let root = try Runner.TempFolder(prefix: "gridpay-reporter")
        let ledger = root.path("Ledger")
        let close = try Runner.run(["close", "qinghe", "2026-08", "--by", "张三", "--quiet", "--output-dir", root.path("Output"), "--ledger-dir", ledger])
        XCTAssertEqual(close.status, 0, close.transcript)
        let r = try Runner.run(["verify", "qinghe", "2026-08", "--quiet", "--ledger-dir", ledger], environment: ["GRIDPAY_TIMINGS": "1"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let phases = r.stderrLines.compactMap { line -> String? in
            guard let colon = line.range(of: ": "), line.contains(" s (VmHWM:") else { return nil }
            return String(line[..<colon.lowerBound])
        }
        XCTAssertEqual(phases, ["read inputs", "score", "write outputs"], r.transcript)
        XCTAssertTrue(r.stdout.contains("identical"), r.transcript)
    }
}
