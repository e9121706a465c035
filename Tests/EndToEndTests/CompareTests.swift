import Foundation
import XCTest

/// `gridpay compare` (SPEC §13) on the sample month Input/qinghe/2026-10, through the binary.
final class CompareTests: XCTestCase {
    var root: BinaryRunner.TempFolder!
    var output: String { root.path("Output") }
    var ledger: String { root.path("Ledger") }
    var input: String { BinaryRunner.packageRoot.appendingPathComponent("Input").path }

    override func setUpWithError() throws {
        root = try BinaryRunner.TempFolder(prefix: "gridpay-compare")
    }

    func gridpay(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> BinaryRunner.Output {
        try BinaryRunner.run(args + ["--rules-dir", BinaryRunner.rulesDir, "--input-dir", input, "--output-dir", output]
                             + (args.first == "compare" ? ["--ledger-dir", ledger, "--quiet"] : []), file: file, line: line)
    }

    /// The shipped qinghe rules with `edit` applied (exactly one replacement).
    func candidate(_ name: String, replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOfFile: "\(BinaryRunner.rulesDir)/qinghe.toml", encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: old).count, 2, "\(old) occurs once")
        let path = root.path(name)
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func compareRows() throws -> [[String]] {
        let parts = try BinaryRunner.xlsxParts("\(output)/qinghe/2026-10/qinghe-2026-10-compare.xlsx")
        return BinaryRunner.sheetRows(try XCTUnwrap(BinaryRunner.sheetXML(named: "比较", in: parts)))
    }

    func testOneDeductionAmountChangedMovesScoresRanksAndPay() throws {
        // 电话畅通: an unanswered 镇 spot check costs 6 points instead of 5 (yuan unchanged, 30).
        let cand = try candidate("phone6.toml", replacing: "  points = '-5'\n  yuan = '30'", with: "  points = '-6'\n  yuan = '30'")
        let r = try gridpay(["compare", "qinghe", "2026-10", "--rules", cand])
        XCTAssertEqual(r.status, 0, r.transcript)
        let rows = try compareRows()
        XCTAssertEqual(Array(rows[0][..<13]), ["网格员编号", "姓名", "村(社区)", "网格编号", "总分现行", "总分拟议", "总分差额", "排名现行", "排名拟议",
                                 "标记或等次变化", "实发绩效现行", "实发绩效拟议", "实发绩效差额"])
        // (The item columns after them: CompareHandWorkedTests.)
        func row(_ id: String) throws -> [String] { Array(try XCTUnwrap(rows.first { $0.first == id })[4..<13]) }
        // QH0043 陆艳, base 2080.25, one unanswered 镇 check (CC202610-0104): 电话畅通 20 − 5 = 15 → 20 − 6 = 14,
        // 总分 95 → 94. Pay: 2080.25 × 95 / 100 = 1976.2375 → 1976.24, − 30 = 1946.24; 2080.25 × 94 / 100
        // = 1955.435 → 1955.44 (half-up), − 30 = 1925.44; 差额 −20.80. Rank: tied 36th with QH0024 (95,
        // also one check); now both 94, behind QH0053's unchanged 94.60 (38th before, 36th now): 37th.
        XCTAssertEqual(try row("QH0043"), ["95", "94", "-1", "36", "37", "", "1946.24", "1925.44", "-20.8"])
        // QH0044 于春生, base 1950.50, one unanswered 镇 check: 93 (41st) → 92, now tied 43rd with QH0025
        // (92, no check; 44th before, tied with QH0011 and QH0035, who drop to 91). Pay 1950.50 × 0.93
        // = 1813.965 → 1813.97, − 30 = 1783.97; × 0.92 = 1794.46, − 30 = 1764.46; 差额 −19.51.
        XCTAssertEqual(try row("QH0044"), ["93", "92", "-1", "41", "43", "", "1783.97", "1764.46", "-19.51"])
        XCTAssertEqual(try row("QH0025"), ["92", "92", "0", "44", "43", "", "2024", "2024", "0"])
        // QH0052 陈秀英, base 2200, one unanswered 镇 check: 3.25 → 2.25; score pay 71.50 → 49.50, yuan
        // deductions 30 + 100 (县) + 120 (市) = 250 exceed it either way: 实发绩效 stays 0 (未扣足 178.50 → 200.50).
        XCTAssertEqual(try row("QH0052"), ["3.25", "2.25", "-1", "53", "53", "", "0", "0", "0"])
        // The summary: counts and the total payable before and after.
        XCTAssertTrue(r.stdoutLines.contains("workers: 53; 总分 changes for 10, 排名 for 11, flags or 等次 for 0, 实发绩效 for 9"), r.transcript)
        XCTAssertTrue(r.stdout.contains("total payable (实发绩效): 现行 98821.91, 拟议 98623.60, 差额 -198.31"), r.transcript)
        XCTAssertTrue(r.stdout.contains("  QH0043 陆艳: 总分 95.00 → 94.00 (-1.00), 实发绩效 1946.24 → 1925.44 (-20.80), 排名 36 → 37"), r.transcript)
        // The candidate's own tests pinned the old amount: warnings, not a refusal.
        XCTAssertTrue(r.warningLines.contains { $0.contains("phone6.toml:") && $0.contains("candidate's test:") && $0.contains("电话畅通 is 14, expected 15") }, r.transcript)
        // Per unit and overall: 后营村 holds QH0043 (−20.80) and QH0044 (−19.51).
        let parts = try BinaryRunner.xlsxParts("\(output)/qinghe/2026-10/qinghe-2026-10-compare.xlsx")
        let units = BinaryRunner.sheetRows(try XCTUnwrap(BinaryRunner.sheetXML(named: "单位汇总", in: parts)))
        let total = try XCTUnwrap(units.last)
        XCTAssertEqual(total.first, "合计")
        XCTAssertEqual(Array(total.suffix(3)).map { Double($0)! }, [98821.91, 98623.60, -198.31].map { $0 }, accuracy: 0.001)
        // 说明 names both rule files with their SHA-256.
        let about = BinaryRunner.sheetRows(try XCTUnwrap(BinaryRunner.sheetXML(named: "说明", in: parts)))
        XCTAssertTrue(about.contains { $0.first == "现行规则文件" && $0.last!.contains("qinghe.toml") && $0.last!.contains("SHA-256 ") })
        XCTAssertTrue(about.contains { $0.first == "拟议规则文件" && $0.last!.contains("phone6.toml") })
    }

    func testACandidateThatChangesNothingGivesZeroDeltas() throws {
        let cand = try candidate("same.toml", replacing: "version = ", with: "version = ")
        let r = try gridpay(["compare", "qinghe", "2026-10", "--rules", cand])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("workers: 53; 总分 changes for 0, 排名 for 0, flags or 等次 for 0, 实发绩效 for 0"), r.transcript)
        XCTAssertTrue(r.stdout.contains("no worker's 总分 or 实发绩效 changes"), r.transcript)
        let rows = try compareRows().dropFirst()
        XCTAssertEqual(rows.count, 53)
        for row in rows {
            XCTAssertEqual([row[6], row[12]], ["0", "0"], "\(row)")
            XCTAssertEqual(row[7], row[8])
            XCTAssertEqual(row[9], "")
        }
    }

    func testAQuarterTownComparesAQuarterAndTheCandidateMayBeAVersionsFolder() throws {
        // A folder of versions: the one in force for 2026-Q3 is taken (here the only one, unchanged).
        let folder = root.path("versions")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(BinaryRunner.rulesDir)/shuangqiao.toml", toPath: "\(folder)/v1.toml")
        let r = try BinaryRunner.run(["compare", "shuangqiao", "2026-Q3", "--rules", folder, "--rules-dir", BinaryRunner.rulesDir,
                                      "--input-dir", input, "--output-dir", output, "--ledger-dir", ledger, "--quiet"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdout.contains("总分 changes for 0, 排名 for 0, flags or 等次 for 0, 实发绩效 for 0"), r.transcript)
        XCTAssertTrue(r.stdoutLines.last?.hasSuffix("/shuangqiao/2026-Q3/shuangqiao-2026-Q3-compare.xlsx") == true, r.transcript)
        let parts = try BinaryRunner.xlsxParts("\(output)/shuangqiao/2026-Q3/shuangqiao-2026-Q3-compare.xlsx")
        XCTAssertNotNil(BinaryRunner.sheetXML(named: "比较", in: parts))
    }

    func testABrokenCandidateIsRefusedWithItsPosition() throws {
        let cand = try candidate("broken.toml", replacing: "  points = '-5'\n  yuan = '30'", with: "  pointz = '-6'\n  yuan = '30'")
        let r = try gridpay(["compare", "qinghe", "2026-10", "--rules", cand])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.errorLines.contains { $0.hasPrefix("\(cand):168:3: error: ") && $0.contains("pointz") }, r.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(output)/qinghe/2026-10/qinghe-2026-10-compare.xlsx"))
    }

    func testTheMonthsOutputsAndTheLedgerStayAsTheyWere() throws {
        let run = try gridpay(["run", "qinghe", "2026-10", "--quiet"])
        XCTAssertEqual(run.status, 0, run.transcript)
        let before = BinaryRunner.snapshot(output)
        let cand = try candidate("phone6.toml", replacing: "  points = '-5'\n  yuan = '30'", with: "  points = '-6'\n  yuan = '30'")
        let r = try gridpay(["compare", "qinghe", "2026-10", "--rules", cand])
        XCTAssertEqual(r.status, 0, r.transcript)
        var after = BinaryRunner.snapshot(output)
        XCTAssertNotNil(after.removeValue(forKey: "qinghe/2026-10/qinghe-2026-10-compare.xlsx"))
        XCTAssertEqual(after, before, "compare wrote only its own workbook")
        XCTAssertFalse(FileManager.default.fileExists(atPath: ledger), "compare made no ledger")
        // And the same bytes twice.
        let first = try Data(contentsOf: URL(fileURLWithPath: "\(output)/qinghe/2026-10/qinghe-2026-10-compare.xlsx"))
        XCTAssertEqual(try gridpay(["compare", "qinghe", "2026-10", "--rules", cand]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(output)/qinghe/2026-10/qinghe-2026-10-compare.xlsx")), first)
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
