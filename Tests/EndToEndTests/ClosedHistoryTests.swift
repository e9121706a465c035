import Foundation
import XCTest

/// SPEC §9 (qa H10): `run` of a closed period whose own inputs and rule file are the archived ones
/// writes the bytes it wrote at closing, with its history as the closing read it — earlier months
/// that appear, change or go in Input/ afterwards are said, never used.
final class ClosedHistoryTests: XCTestCase {
    var root: BinaryRunner.TempFolder!
    var input: String { root.path("Input") }
    var output: String { root.path("Output") }
    var outputs: [String] { ["qinghe-2026-10.xlsx", "qinghe-2026-10-pay.csv", "qinghe-2026-10-manifest.json"].map { "\(output)/qinghe/2026-10/\($0)" } }

    override func setUpWithError() throws {
        root = try BinaryRunner.TempFolder(prefix: "gridpay-closed-history")
    }

    /// One worker, W1, with no events and no patrols: always last (rank 1 of 1) and never meeting
    /// the duty requirements, so 建议更换 is 是 exactly when 2026-08 and 2026-09 are both known.
    func writeMonth(_ month: String) throws {
        try TinyQingheMonth.write(inputDir: input, month: month, workers: TinyQingheMonth.oneWorker, checks: ["PC1,\(month)-10 09:00,W1,镇,否"])
    }

    func gridpay(_ args: [String], outputDir: String? = nil, ledgerDir: String? = nil, environment: [String: String] = [:]) throws -> BinaryRunner.Output {
        var a = args + ["--input-dir", input, "--ledger-dir", ledgerDir ?? root.path("Ledger")]
        if ["run", "close"].contains(args[0]) { a += ["--rules-dir", BinaryRunner.rulesDir, "--output-dir", outputDir ?? output] }
        return try BinaryRunner.run(a, environment: environment)
    }

    func bytes() throws -> [Data] { try outputs.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } }

    /// W1's 建议更换 in the 考核汇总 sheet of a workbook.
    func replacementFlag(_ xlsx: String) throws -> String {
        let rows = BinaryRunner.sheetRows(try XCTUnwrap(BinaryRunner.sheetXML(named: "考核汇总", in: try BinaryRunner.xlsxParts(xlsx))))
        let header = try XCTUnwrap(rows.first { $0.contains("建议更换") })
        let w1 = try XCTUnwrap(rows.first { $0.contains("W1") })
        return w1[try XCTUnwrap(header.firstIndex(of: "建议更换"))]
    }

    func testEarlierMonthsThatAppearAfterClosingChangeNothing() throws {
        try writeMonth("2026-10")
        XCTAssertEqual(try gridpay(["close", "qinghe", "2026-10", "--by", "张三"]).status, 0)
        let published = try bytes()
        XCTAssertEqual(try replacementFlag(outputs[0]), "否")
        try writeMonth("2026-08")
        try writeMonth("2026-09")
        // Run afresh (no ledger), the three months would raise the flag: the test can fail.
        let fresh = try gridpay(["run", "qinghe", "2026-10"], outputDir: root.path("Fresh"), ledgerDir: root.path("NoLedger"))
        XCTAssertEqual(fresh.status, 0, fresh.transcript)
        XCTAssertEqual(try replacementFlag(root.path("Fresh/qinghe/2026-10/qinghe-2026-10.xlsx")), "是")

        let r = try gridpay(["run", "qinghe", "2026-10"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(try bytes(), published, "the published outputs are written again byte for byte")
        XCTAssertEqual(r.warningLines.last, "warning: qinghe 2026-10 is closed, and the earlier months it was assessed with have changed in Input/ since: "
            + "2026-08 has inputs now (\(input)/qinghe/2026-08); it had none, or none that could be used, when the period was closed; "
            + "2026-09 has inputs now (\(input)/qinghe/2026-09); it had none, or none that could be used, when the period was closed. "
            + "It is written with the earlier months as they were when it was closed (archived in the ledger), the same as published; "
            + "a closed period is never recomputed from earlier months that changed afterwards", r.transcript)
        let zh = try gridpay(["run", "qinghe", "2026-10"], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(zh.status, 0, zh.transcript)
        XCTAssertEqual(zh.stderrLines.last, "警告：qinghe 2026-10 已结账，结账后 Input/ 中它所依据的往期数据有变化："
            + "2026-08 现在有输入（\(input)/qinghe/2026-08），结账时没有或不能使用；2026-09 现在有输入（\(input)/qinghe/2026-09），结账时没有或不能使用。"
            + "本期仍按结账时的往期数据（存档在台账中）写出，与公布的相同；已结账的期间不因往期数据的变化而重算", zh.transcript)
        XCTAssertEqual(try bytes(), published)
        let verify = try gridpay(["verify", "qinghe", "2026-10"])
        XCTAssertEqual(verify.status, 0, verify.transcript)
    }

    /// The converse: an earlier month read from its inputs at closing (2026-08, not closed; 2026-09
    /// had no inputs) is re-read as archived, whether its files changed or went afterwards.
    func testEarlierMonthsThatChangeAfterClosingAreReadAsArchived() throws {
        try writeMonth("2026-08")
        try writeMonth("2026-10")
        XCTAssertEqual(try gridpay(["close", "qinghe", "2026-10", "--by", "张三"]).status, 0)
        let published = try bytes()
        try writeMonth("2026-09")
        let august = "\(input)/qinghe/2026-08"
        try Data("抽查编号,抽查时间,网格员编号,抽查层级,是否接听\nPC1,2026-08-10 09:00,W1,镇,是\n".utf8).write(to: URL(fileURLWithPath: "\(august)/phone_checks.csv"))
        try FileManager.default.removeItem(atPath: "\(august)/visits.csv")
        var r = try gridpay(["run", "qinghe", "2026-10"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(try bytes(), published)
        XCTAssertEqual(r.warningLines.last, "warning: qinghe 2026-10 is closed, and the earlier months it was assessed with have changed in Input/ since: "
            + "2026-08: phone_checks.csv changed, visits.csv is gone; "
            + "2026-09 has inputs now (\(input)/qinghe/2026-09); it had none, or none that could be used, when the period was closed. "
            + "It is written with the earlier months as they were when it was closed (archived in the ledger), the same as published; "
            + "a closed period is never recomputed from earlier months that changed afterwards", r.transcript)
        try FileManager.default.removeItem(atPath: august)
        try FileManager.default.removeItem(atPath: "\(input)/qinghe/2026-09")
        r = try gridpay(["run", "qinghe", "2026-10"], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(try bytes(), published)
        XCTAssertEqual(r.stderrLines.last, "警告：qinghe 2026-10 已结账，结账后 Input/ 中它所依据的往期数据有变化：2026-08 的输入文件夹 \(august) 已不在。"
            + "本期仍按结账时的往期数据（存档在台账中）写出，与公布的相同；已结账的期间不因往期数据的变化而重算", r.transcript)
        // Nothing changed since: nothing is said.
        try writeMonth("2026-08")
        r = try gridpay(["run", "qinghe", "2026-10"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertFalse(r.stderr.contains("is closed, and"), r.transcript)
        XCTAssertEqual(try bytes(), published)
    }
}
