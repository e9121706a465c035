import Foundation
import GRDB
import XCTest

/// SPEC §9 on the built binary: every correction of a closed period moves its money, whatever the
/// closing accepted (QA H24). Two workers in their own grids, no training, visits or events, 重点人员数 0:
///   业务培训 10, 日常考核 20 − 2 × (4 + 4) = 4, 事件上报 0, 上级调度 0, 电话畅通 20 − 5 × (unanswered 镇
///   checks), 网格巡查 20 × min(1, hours a day / 10) of the worker's own grid.
///   W1 base 2000 in G1, W2 base 100 in G2: with nothing else, 总分 34 → W1 680.00, W2 34.00.
final class CorrectionCarryTests: XCTestCase {
    var root: BinaryRunner.TempFolder!
    var input: String { root.path("Input") }
    var output: String { root.path("Output") }
    var ledger: String { root.path("Ledger") }

    override func setUpWithError() throws {
        root = try BinaryRunner.TempFolder(prefix: "gridpay-correction-carry")
    }

    /// A month of W1 and W2 (or the workers given) with the patrol and phone-check rows given as written.
    func writeMonth(_ month: String, patrol: [String] = [], checks: [String] = [],
                    workers: [String] = ["W1,甲,东关村,G1,2000,0", "W2,乙,东关村,G2,100,0"]) throws {
        try TinyQingheMonth.write(inputDir: input, month: month, workers: workers, patrol: patrol, checks: checks)
    }

    func gridpay(_ args: [String], environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> BinaryRunner.Output {
        var a = args
        if ["run", "close", "explain"].contains(args[0]) { a += ["--rules-dir", BinaryRunner.rulesDir, "--input-dir", input, "--output-dir", output] }
        if ["verify", "status"].contains(args[0]) { a += ["--input-dir", input] }
        return try BinaryRunner.run(a + ["--ledger-dir", ledger], environment: environment, file: file, line: line)
    }

    func payRow(_ month: String, _ worker: String) throws -> String? {
        let text = try String(contentsOfFile: "\(output)/qinghe/\(month)/qinghe-\(month)-pay.csv", encoding: .utf8)
        return text.split(separator: "\r\n").map(String.init).first { $0.hasPrefix("\"\(worker)\"") }
    }

    func sheet(_ month: String, _ name: String) throws -> [[String]] {
        let parts = try BinaryRunner.xlsxParts("\(output)/qinghe/\(month)/qinghe-\(month).xlsx")
        return BinaryRunner.sheetXML(named: name, in: parts).map(BinaryRunner.sheetRows) ?? []
    }

    /// The 往期更正 lines a settlement recorded: worker, period, item, published, corrected.
    func correctionLines(revisionOf period: String) throws -> [[String]] {
        let db = try DatabaseQueue(path: "\(ledger)/qinghe.sqlite")
        defer { try? db.close() }
        return try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.worker_id, c.period, c.item, c.published, c.corrected FROM correction_line c
                JOIN settlement s ON s.id = c.settlement_id WHERE s.period = ? AND s.revision = 0 ORDER BY c.seq
                """, arguments: [period]).map { row in (0..<5).map { row[$0] as String } }
        }
    }

    /// 2026-07 closed with W1's patrol row of 1240 minutes accepted for its bad date, then the date
    /// corrected: the row counts. G1 = W1 alone: 1240 / 60 / 31 = 0.6667 hours a day, 网格巡查 20 ×
    /// 0.06667 = 1.3333 → 1.33, 总分 34 → 35.33, 考核绩效 = 实发 2000 × 35.33% = 706.60 (published
    /// 680.00): 往期调整 +26.60; 2026-08 (nothing): W1 680.00 + 26.60 = 706.60. W2 unchanged.
    func testAnAcceptedRowTheCorrectionMakesValidIsCountedAndPaidBack() throws {
        try writeMonth("2026-07", patrol: ["W1,2026-07-321,1240"])
        var r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三", "--accept", "patrol.csv:2"])
        XCTAssertEqual(r.status, 0, r.transcript)
        try writeMonth("2026-07", patrol: ["W1,2026-07-01,1240"])
        try writeMonth("2026-08")
        r = try gridpay(["run", "qinghe", "2026-08"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.warningLines.contains("warning: patrol.csv:2, accepted with --accept when 2026-07 was closed, matches no row with a problem in its corrected inputs: "
            + "the acceptance lapses, the corrected inputs are counted in full and the correction is carried"), r.transcript)
        XCTAssertEqual(try sheet("2026-08", "往期更正"), [
            ["网格员编号", "姓名", "更正期间", "项目", "原公布值", "更正值"],
            ["W1", "甲", "2026-07", "网格巡查", "0", "1.33"],
            ["W1", "甲", "2026-07", "总分", "34", "35.33"],
            ["W1", "甲", "2026-07", "考核绩效", "680", "706.6"],
            ["W1", "甲", "2026-07", "实发绩效", "680", "706.6"],
        ])
        XCTAssertEqual(try payRow("2026-08", "W1"), "\"W1\",\"甲\",\"东关村\",\"G1\",\"2000.00\",\"34.00\",\"680.00\",\"0.00\",\"0.00\",\"0.00\",\"26.60\",\"706.60\",\"0.00\"")
        XCTAssertEqual(try payRow("2026-08", "W2"), "\"W2\",\"乙\",\"东关村\",\"G2\",\"100.00\",\"34.00\",\"34.00\",\"0.00\",\"0.00\",\"0.00\",\"0.00\",\"34.00\",\"0.00\"")
        // Closing settles it with its lines, the acceptance no longer recorded: nothing waits after.
        r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("settled the correction of 2026-07 as its revision 1 (patrol.csv changed)"), r.transcript)
        XCTAssertEqual(try correctionLines(revisionOf: "2026-08"), [
            ["W1", "2026-07", "网格巡查", "0", "1.33"], ["W1", "2026-07", "总分", "34", "35.33"],
            ["W1", "2026-07", "考核绩效", "680", "706.6"], ["W1", "2026-07", "实发绩效", "680", "706.6"],
        ])
        r = try gridpay(["status", "qinghe"])
        // Corrected 07: 706.60 + 34.00 (published 714.00).
        XCTAssertTrue(r.stdoutLines.contains { $0.hasPrefix("  revision 1: settled in 2026-08 by 李四 at ") && $0.hasSuffix("; total payable as corrected 740.60 yuan") }, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("corrections waiting to be settled: none"), r.transcript)
    }

    /// The recovering direction: W1's 镇 check accepted for 是否接听 'X', corrected to 否 (unanswered):
    /// 电话畅通 20 → 15, 总分 34 → 29, 考核绩效 680.00 → 580.00, 扣款合计 0 → 30, 实发 680.00 → 550.00:
    /// 往期调整 −130.00; 2026-08: W1 680.00 − 130.00 = 550.00.
    func testAnAcceptedRowTheCorrectionMakesValidIsCountedAndRecovered() throws {
        try writeMonth("2026-07", checks: ["PC1,2026-07-10 09:00,W1,镇,X"])
        var r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三", "--accept", "phone_checks.csv:2"])
        XCTAssertEqual(r.status, 0, r.transcript)
        try writeMonth("2026-07", checks: ["PC1,2026-07-10 09:00,W1,镇,否"])
        try writeMonth("2026-08")
        r = try gridpay(["run", "qinghe", "2026-08"], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stderrLines.contains("警告：2026-07 结账时用 --accept 接受的 phone_checks.csv:2 在更正后的输入中已不是有问题的行：该接受失效，更正后的输入全部计入，更正照常结转"), r.transcript)
        XCTAssertEqual(try sheet("2026-08", "往期更正").dropFirst().map { $0 }, [
            ["W1", "甲", "2026-07", "电话畅通", "20", "15"],
            ["W1", "甲", "2026-07", "总分", "34", "29"],
            ["W1", "甲", "2026-07", "考核绩效", "680", "580"],
            ["W1", "甲", "2026-07", "扣款合计", "0", "30"],
            ["W1", "甲", "2026-07", "实发绩效", "680", "550"],
        ])
        XCTAssertEqual(try payRow("2026-08", "W1"), "\"W1\",\"甲\",\"东关村\",\"G1\",\"2000.00\",\"34.00\",\"680.00\",\"0.00\",\"0.00\",\"0.00\",\"-130.00\",\"550.00\",\"0.00\"")
    }

    /// QA H25: W2 left before 2026-08. 2026-07 closed with W2's 镇 check unanswered (29 → 29.00 − 30:
    /// 实发 0.00), corrected to answered (34 → 34.00): W2 is owed 34.00, which 2026-08's pay sheet
    /// cannot hold. It is said on the terminal (reader's language), in 数据问题 and 说明 (Chinese).
    func testACorrectionOwedToAWorkerOffTheOpenRosterIsSaidEverywhere() throws {
        try writeMonth("2026-07", checks: ["PC1,2026-07-10 09:00,W2,镇,否"])
        var r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 0, r.transcript)
        try writeMonth("2026-07", checks: ["PC1,2026-07-10 09:00,W2,镇,是"])
        try writeMonth("2026-08", workers: ["W1,甲,东关村,G1,2000,0"])
        let zh = "网格员 W2 乙 按 2026-07 的更正应补发 34.00 元，但不在 2026-08 的名册上，未计入本期工资：请财务手工补发"
        r = try gridpay(["run", "qinghe", "2026-08"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.warningLines.contains("warning: worker W2 乙 is owed 34.00 yuan by the correction of 2026-07 but is not on the roster of 2026-08, "
            + "so it is not in this period's pay: pay it by hand"), r.transcript)
        XCTAssertEqual(try sheet("2026-08", "往期更正").last, ["W2", "乙", "2026-07", "实发绩效", "0", "34"])
        XCTAssertTrue(try sheet("2026-08", "数据问题").contains { $0.contains(zh) && $0.contains("未计入本期工资：须手工补发或追回") && $0.first == "警告" })
        XCTAssertTrue(try sheet("2026-08", "说明").contains(["往期调整未计入", zh]))
        r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四"], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.stderrLines.filter { $0.contains("W2") }, ["警告：" + zh], r.transcript)
    }

    /// The recovering direction: W2's answered check corrected to unanswered (34.00 → 0.00): W2 owes 34.00.
    func testACorrectionOwedByAWorkerOffTheOpenRosterIsSaidAsARecovery() throws {
        try writeMonth("2026-07", checks: ["PC1,2026-07-10 09:00,W2,镇,是"])
        var r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 0, r.transcript)
        try writeMonth("2026-07", checks: ["PC1,2026-07-10 09:00,W2,镇,否"])
        try writeMonth("2026-08", workers: ["W1,甲,东关村,G1,2000,0"])
        r = try gridpay(["run", "qinghe", "2026-08"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.warningLines.contains("warning: worker W2 乙 owes 34.00 yuan by the correction of 2026-07 but is not on the roster of 2026-08, "
            + "so it is not in this period's pay: recover it by hand"), r.transcript)
        XCTAssertTrue(try sheet("2026-08", "说明").contains(["往期调整未计入", "网格员 W2 乙 按 2026-07 的更正应追回 34.00 元，但不在 2026-08 的名册上，未计入本期工资：请财务手工追回"]))
    }
}
