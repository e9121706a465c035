import Foundation
import XCTest

/// Issue 24 part 4: a correction waiting never refuses a comparison (it publishes nothing). The
/// months are the hand-worked October of CompareHandWorkedTests, written for 2026-09 as well;
/// 2026-09 is closed, then T02's unanswered 镇 check of 2026-09 is corrected to answered.
///   09 as published: T02 29 → 580.00 − 30 = 550.00; corrected: 34 → 680.00: 往期调整 +130.00.
extension CompareHandWorkedTests {
    func closeSeptemberAndCorrectIt(answered: String) throws {
        for m in ["2026-09", "2026-10"] {
            try writeMonth(m, roster: "T01,甲,东村,G1,1500,0\nT02,乙,东村,G2,2000,0\nT03,丙,西村,G3,1800,0\nT04,丁,西村,G4,100,0\nT05,戊,西村,G5,1000,0\n",
                           checks: [("P1", "T02", "镇", "否"), ("P2", "T04", "镇", "否"), ("P3", "T04", "省", "否"), ("P4", "T05", "县", "否"), ("P5", "T01", "镇", "是")],
                           training: [("TR1", "T03", "缺席"), ("TR2", "T03", "缺席"), ("TR3", "T03", "请假"), ("TR1", "T01", "出席")])
        }
        let c = try Runner.run(["close", "qinghe", "2026-09", "--by", "张三", "--rules-dir", Runner.rulesDir, "--input-dir", input,
                                "--output-dir", output, "--ledger-dir", ledger, "--quiet"])
        XCTAssertEqual(c.status, 0, c.transcript)
        let path = "\(input)/qinghe/2026-09/phone_checks.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "T02,镇,否", with: "T02,镇,\(answered)").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The first open period carries the correction on both sides: T02 550 + 130 = 680 → 490 + 130
    /// = 620; totals 1722 + 130 = 1852 → 1662 + 130 = 1792. Compare of 2026-09 itself (closed, its
    /// inputs changed) is no longer refused: both sides from the corrected files, T02 34 on both.
    func testACorrectionWaitingIsCarriedOnBothSidesAndRefusesNothing() throws {
        try closeSeptemberAndCorrectIt(answered: "是")
        let candidate = try eightPoints()
        let ledgerBefore = Runner.snapshot(ledger)
        var r = try compare("2026-10", rules: candidate)
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("total payable (实发绩效): 现行 1852.00, 拟议 1792.00, 差额 -60.00"), r.transcript)
        XCTAssertEqual(try workerRows("2026-10").rows["T02"].map { Array($0[10...12]) }, ["680", "620", "-60"])

        r = try compare("2026-09", rules: candidate)
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.warningLines.contains("warning: qinghe 2026-09 is closed and 1 file(s) differ from what it was closed with: both sides are computed from the files as they are now, "
            + "not as published (gridpay verify qinghe 2026-09 reproduces the published period); nothing is recomputed in the ledger"), r.transcript)
        // T02 answered: 34 and 680.00 on both sides; T04 9 → 6, pay 0 both: totals 1852.00 both.
        XCTAssertEqual(try workerRows("2026-09").rows["T02"].map { Array($0[4...12]) }, ["34", "34", "0", "1", "1", "", "680", "680", "0"])
        XCTAssertTrue(r.stdoutLines.contains("total payable (实发绩效): 现行 1852.00, 拟议 1852.00, 差额 0.00"), r.transcript)
        XCTAssertEqual(Runner.snapshot(ledger), ledgerBefore)
    }

    /// A correction that cannot be recomputed (是否接听 'maybe') refuses the run of 2026-10 but not its
    /// comparison: 往期调整 is left out of both sides (the hand-worked 1722.00 → 1662.00), with warnings.
    func testACorrectionThatCannotBeRecomputedIsLeftOutOfBothSides() throws {
        try closeSeptemberAndCorrectIt(answered: "maybe")
        let r = try compare("2026-10", rules: try eightPoints())
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("total payable (实发绩效): 现行 1722.00, 拟议 1662.00, 差额 -60.00"), r.transcript)
        XCTAssertTrue(r.warningLines.contains { $0.contains("phone_checks.csv:2:5") && $0.contains("maybe") }, r.transcript)
        XCTAssertTrue(r.warningLines.contains("warning: the correction waiting for 2026-09 cannot be recomputed (above), so 2026-10 is compared without it: "
            + "往期调整 is left out on both sides; gridpay run qinghe 2026-10 will refuse until it is fixed"), r.transcript)
        let run = try Runner.run(["run", "qinghe", "2026-10", "--rules-dir", Runner.rulesDir, "--input-dir", input,
                                  "--output-dir", output, "--ledger-dir", ledger, "--quiet"])
        XCTAssertEqual(run.status, 1, run.transcript)
    }
}
