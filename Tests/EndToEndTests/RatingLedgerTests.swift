import Foundation
import GridpayHash
import XCTest

/// SPEC §8 with §9 on the built binary: a rating reads a closed month from the ledger as
/// published (never recomputed, even after its inputs changed) and computes open months from
/// their inputs, marking them 未结账.
///
/// A two-worker qinghe town (as LedgerCycleTests): with no patrol, events, training or visits and
/// 重点人员数 0, a month's total is 业务培训 10 + 日常考核 4 + 电话畅通 20 = 34, or 29 with one
/// unanswered 镇 check. The rule file is qinghe's with a quarter rating added.
final class RatingLedgerTests: XCTestCase {
    var root: BinaryRunner.TempFolder!
    var rules: String { root.path("Rules") }
    var input: String { root.path("Input") }
    var output: String { root.path("Output") }
    var ledger: String { root.path("Ledger") }

    override func setUpWithError() throws {
        root = try BinaryRunner.TempFolder(prefix: "gridpay-rating")
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        let qinghe = try String(contentsOfFile: "\(BinaryRunner.rulesDir)/qinghe.toml", encoding: .utf8)
        XCTAssertTrue(qinghe.contains("periods = [\"year\"]"))
        try qinghe.replacingOccurrences(of: "periods = [\"year\"]", with: "periods = [\"quarter\", \"year\"]")
            .write(toFile: "\(rules)/qinghe.toml", atomically: true, encoding: .utf8)
    }

    /// W1 and W2; `missed` lists the workers with one unanswered 镇 check.
    func writeMonth(_ month: String, missed: [String]) throws {
        let dir = "\(input)/qinghe/\(month)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var checks = "抽查编号,抽查时间,网格员编号,抽查层级,是否接听\n"
        for (k, w) in ["W1", "W2"].enumerated() {
            checks += "C\(k),\(month)-10 09:00,\(w),镇,\(missed.contains(w) ? "否" : "是")\n"
        }
        let files: [String: String] = [
            "roster.csv": "网格员编号,姓名,村(社区),网格编号,绩效工资基数(元),重点人员数\nW1,甲,东关村,G1,2000,0\nW2,乙,东关村,G1,100,0\n",
            "patrol.csv": "网格员编号,日期,巡查时长(分钟)\n",
            "events.csv": "事件编号,网格员编号,上报时间,事件类型,核查结果\n",
            "phone_checks.csv": checks,
            "training.csv": "培训编号,培训日期,网格员编号,出勤\n",
            "visits.csv": "走访编号,网格员编号,走访日期,走访类型\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
    }

    func gridpay(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> BinaryRunner.Output {
        var a = args + ["--rules-dir", rules, "--input-dir", input, "--ledger-dir", ledger]
        if args[0] != "explain" { a += ["--output-dir", output] }
        return try BinaryRunner.run(a, file: file, line: line)
    }

    func testClosedAndOpenMonthsMixed() throws {
        try writeMonth("2026-01", missed: ["W1"])          // W1 29, W2 34
        let close = try gridpay(["close", "qinghe", "2026-01", "--by", "张会计", "--quiet"])
        XCTAssertEqual(close.status, 0, close.transcript)
        let closedChecks = try SHA256Digest.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(input)/qinghe/2026-01/phone_checks.csv"))))
        // After closing, January's export is corrected: recomputed, W1 would have 34. The rating
        // must still read the published 29.
        try writeMonth("2026-01", missed: [])
        try writeMonth("2026-02", missed: [])              // both 34
        try writeMonth("2026-03", missed: ["W2"])          // W1 34, W2 29
        let rate = try gridpay(["rate", "qinghe", "2026-Q1", "--quiet"])
        XCTAssertEqual(rate.status, 0, rate.transcript)
        let dir = "\(output)/qinghe/2026-Q1"
        XCTAssertEqual(rate.stdoutLines, ["\(dir)/qinghe-2026-Q1-rating.xlsx", "\(dir)/qinghe-2026-Q1-rating.csv"])
        // W1 (29 + 34 + 34) / 3 = 97 / 3 = 32.333… → 32.33; W2 (34 + 34 + 29) / 3 the same: both
        // rank 1 (equal rounded means), listed by id; below 60: 不合格.
        let csv = try String(contentsOfFile: "\(dir)/qinghe-2026-Q1-rating.csv", encoding: .utf8)
        // (Foundation drops the BOM when decoding: the bytes start with EF BB BF.)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/qinghe-2026-Q1-rating.csv")).prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(csv, "\"排名\",\"网格员编号\",\"姓名\",\"村(社区)\",\"网格编号\",\"2026-01\",\"2026-02\",\"2026-03\",\"平均分\",\"等次\",\"备注\"\r\n"
            + "\"1\",\"W1\",\"甲\",\"东关村\",\"G1\",\"29.00\",\"34.00\",\"34.00\",\"32.33\",\"不合格\",\"\"\r\n"
            + "\"1\",\"W2\",\"乙\",\"东关村\",\"G1\",\"34.00\",\"34.00\",\"29.00\",\"32.33\",\"不合格\",\"\"\r\n")
        let parts = try BinaryRunner.xlsxParts("\(dir)/qinghe-2026-Q1-rating.xlsx")
        let sheet = BinaryRunner.sheetRows(try XCTUnwrap(BinaryRunner.sheetXML(named: "等次评定", in: parts)))
        XCTAssertTrue(sheet.contains { $0.first == "未结账：2026-02、2026-03（未记入台账，按输入计算）" }, "\(sheet)")
        let about = BinaryRunner.sheetRows(try XCTUnwrap(BinaryRunner.sheetXML(named: "说明", in: parts)))
        let closed = try XCTUnwrap(about.first { $0.first == "2026-01 已结账" })
        XCTAssertTrue(closed[1].hasPrefix("台账 qinghe.sqlite：张会计 于 "), closed[1])
        XCTAssertTrue(about.contains(["2026-01", "已结账（台账）"]), "\(about)")
        // The closing's archived inputs with their hashes (January as closed: W1's check 否).
        let archived = try XCTUnwrap(about.first { $0.first == "2026-01 输入 2026-01/phone_checks.csv" })
        XCTAssertTrue(archived[1].hasPrefix("SHA-256 \(closedChecks)；") && archived[1].hasSuffix("字节（台账存档）"), archived[1])
        XCTAssertTrue(about.contains { $0.first == "2026-01 输出 qinghe-2026-01-pay.csv" }, "\(about)")
        XCTAssertTrue(about.contains { $0.first == "2026-02 输入 2026-02/phone_checks.csv" }, "\(about)")
        XCTAssertTrue(about.contains(["2026-02", "未结账：按输入计算"]), "\(about)")
        // explain names each month's source.
        let explain = try gridpay(["explain", "qinghe", "2026-Q1", "W1"])
        XCTAssertEqual(explain.status, 0, explain.transcript)
        BinaryRunner.assertContains(explain.stdout, "  2026-01 总分 29.00   [已结账，台账]\n  2026-02 总分 34.00   [未结账，按输入计算]\n")
        BinaryRunner.assertContains(explain.stdout, "平均分 = 97 ÷ 3（在册月数）= ≈32.333333 → 四舍五入保留 2 位：32.33\n等次 = 不合格（平均分 32.33，低于其上各档）\n排名 = 1 / 2")
    }

    func testAMissingMonthWithoutALedgerEntryIsRefused() throws {
        try writeMonth("2026-01", missed: [])
        try writeMonth("2026-03", missed: [])
        let rate = try gridpay(["rate", "qinghe", "2026-Q1", "--quiet"])
        XCTAssertEqual(rate.status, 1, rate.transcript)
        XCTAssertEqual(rate.errorLines, [
            "error: 2026-02 has neither a ledger entry nor inputs (expected it closed in the ledger, or the folder \(input)/qinghe/2026-02)",
            "error: cannot rate qinghe 2026-Q1: 1 of its months is missing (2026-02); nothing was written",
        ])
    }
}
