import Foundation
import XCTest

typealias Runner = BinaryRunner

/// The built binary on the committed sample months, compared cell by cell with the independent
/// Python oracle's results (Expected/qinghe-*.csv, see Expected/README.md) and with hand-checked
/// xinhe workers of the sample year.
final class SampleMonthTests: XCTestCase {
    static var inputDir: String { Runner.packageRoot.appendingPathComponent("Input").path }
    static var expectedDir: String { Runner.packageRoot.appendingPathComponent("Tests/EndToEndTests/Expected").path }

    func runSample(_ town: String, _ month: String, out: Runner.TempFolder) throws -> [String: String] {
        let r = try Runner.runMonth(inputDir: Self.inputDir, outputDir: out.path, town: town, month: month)
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.errorLines, [], r.transcript)
        return try Runner.xlsxParts(out.path("\(town)/\(month)/\(town)-\(month).xlsx"))
    }

    /// Oracle rows keyed by column name, in the oracle's order (rank, then id).
    func oracle(_ month: String, file: String? = nil) throws -> [[String: String]] {
        let text = try String(contentsOfFile: file ?? "\(Self.expectedDir)/qinghe-\(month).csv", encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// A number cell holds a double written by libxlsxwriter with 16 significant digits (95.24 is
    /// stored as 95.23999999999999); read back as a spreadsheet reads it, it is the double nearest
    /// to the exact value, which must be the double nearest to the oracle's decimal.
    func same(_ cell: String, _ expected: String) -> Bool {
        guard let a = Double(cell), let b = Double(expected) else { return cell == expected }
        return a == b
    }

    func compareWithOracle(_ month: String, inputDir: String? = nil, oracleFile: String? = nil) throws {
        let out = try Runner.TempFolder()
        let parts: [String: String]
        if let inputDir {
            let r = try Runner.runMonth(inputDir: inputDir, outputDir: out.path, town: "qinghe", month: month)
            XCTAssertEqual(r.status, 0, r.transcript)
            parts = try Runner.xlsxParts(out.path("qinghe/\(month)/qinghe-\(month).xlsx"))
        } else {
            parts = try runSample("qinghe", month, out: out)
        }
        let expected = try oracle(month, file: oracleFile)
        let summary = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "考核汇总", in: parts)))
        let header = summary[0]
        let rows = summary.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        XCTAssertEqual(rows.map { $0["网格员编号"]! }, expected.map { $0["网格员编号"]! }, "\(month): row order (rank, then id)")
        let pay = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "绩效工资", in: parts)))
        let payHeader = pay[0]
        var payRows: [String: [String: String]] = [:]
        for r in pay.dropFirst() where r.first?.hasPrefix("QH") == true {
            payRows[r[0]] = Dictionary(uniqueKeysWithValues: zip(payHeader, r))
        }
        var differences: [String] = []
        for (row, o) in zip(rows, expected) {
            let id = o["网格员编号"]!
            for key in ["排名", "业务培训", "日常考核", "网格巡查", "事件上报", "电话畅通", "上级调度", "总分", "完成工作任务", "建议更换"]
            where !same(row[key] ?? "", o[key]!) {
                differences.append("\(id) \(key): \(row[key] ?? "missing") ≠ \(o[key]!)")
            }
            for key in ["绩效工资基数", "考核绩效", "扣款合计", "实发绩效", "未扣足"] where !same(payRows[id]?[key] ?? "", o[key]!) {
                differences.append("\(id) \(key): \(payRows[id]?[key] ?? "missing") ≠ \(o[key]!)")
            }
        }
        XCTAssertEqual(differences, [], "\(month): \(differences.count) cells differ from the oracle")
    }

    func testAugustMatchesTheOracle() throws { try compareWithOracle("2026-08") }
    func testSeptemberMatchesTheOracle() throws { try compareWithOracle("2026-09") }
    func testOctoberMatchesTheOracle() throws { try compareWithOracle("2026-10") }

    /// A generated month (300 workers, three months of history) against the Python oracle run
    /// on the same files: a different data set from the committed samples every time the
    /// generator's shape changes, checked cell by cell.
    func testAGeneratedMonthMatchesTheOracle() throws {
        let data = try Runner.TempFolder()
        let gen = try Runner.run(["--shape", "Benchmarks/shapes/qinghe.toml", "--workers", "300", "--months", "3",
                                  "--month", "2026-10", "--seed", "7", "--out", data.path, "--quiet"], binary: Runner.datagenBinaryPath)
        XCTAssertEqual(gen.status, 0, gen.transcript)
        let oracleFile = data.path("oracle.csv")
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", Runner.packageRoot.appendingPathComponent("Tools/qinghe_reference.py").path, data.path("qinghe"), "2026-10"]
        _ = FileManager.default.createFile(atPath: oracleFile, contents: nil)
        python.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: oracleFile))
        try python.run()
        python.waitUntilExit()
        XCTAssertEqual(python.terminationStatus, 0, "the oracle (python3 Tools/qinghe_reference.py) failed")
        try compareWithOracle("2026-10", inputDir: data.path, oracleFile: oracleFile)
    }

    func testOctoberHasTheCasesTheSampleWasMadeFor() throws {
        let rows = try oracle("2026-10")
        XCTAssertEqual(rows.filter { $0["建议更换"] == "是" }.map { $0["网格员编号"]! }, ["QH0052"])
        XCTAssertTrue(rows.contains { Decimal(string: $0["未扣足"]!)! > 0 })
        let ranks = rows.map { $0["排名"]! }
        XCTAssertLessThan(Set(ranks).count, ranks.count, "some workers share a rank")
    }

    /// xinhe's sample year (SPEC §17), three workers checked from the CSV rows of Input/xinhe
    /// (sums of 扣分 per category over the months, each category max(0, 10 − lost)):
    /// XH0005 loses 13 in 统计工作 (floored at 0), 6 in 党建, 4 in 综治维稳 → 80, last (30th);
    /// 满意率 46 / 65 = 70.8%; H1 93. XH0018 loses 13 in 就业社保 (0) and 7 elsewhere → 83, 29th;
    /// 48 / 78 = 61.5%; H1 86. XH0029 loses 1 + 1 → 98, first; 21 / 28 = 75.0%; H1 100 with no
    /// forum in the half-year (满意率 empty there). Q1: XH0018 lost 3 in 综治维稳 and 8 in 就业社保
    /// in three findings.
    func testXinheSampleYearHalfYearAndQuarter() throws {
        let out = try Runner.TempFolder()
        func summary(_ period: String, _ sheet: String, key: Int) throws -> [String: [String: String]] {
            let parts = try runSample("xinhe", period, out: out)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path("xinhe/\(period)/xinhe-\(period)-pay.csv")))
            XCTAssertNil(Runner.sheetXML(named: "绩效工资", in: parts))
            let rows = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: sheet, in: parts)))
            return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { r in (r[key], Dictionary(uniqueKeysWithValues: zip(rows[0], r))) })
        }
        let year = try summary("2026", "考核汇总", key: 1)
        for (id, total, rank, rate, h1) in [("XH0005", "80", "30", "0.708", "93"), ("XH0018", "83", "29", "0.615", "86"), ("XH0029", "98", "1", "0.75", "100")] {
            XCTAssertEqual(year[id]?["总分"], total, id)
            XCTAssertEqual(year[id]?["排名"], rank, id)
            XCTAssertEqual(year[id]?["满意率"], rate, id)
            XCTAssertEqual(year[id]?["上半年总分"], h1, id)
        }
        XCTAssertEqual(year["XH0005"]?["统计工作"], "0", "a category does not go below 0")
        XCTAssertEqual(year["XH0018"]?["就业社保"], "0", "a category does not go below 0")
        let half = try summary("2026-H1", "考核汇总", key: 1)
        XCTAssertEqual(half["XH0029"]?["总分"], "100")
        XCTAssertEqual(half["XH0029"]?["满意率"] ?? "", "", "no votes in the half-year: empty")
        let quarter = try summary("2026-Q1", "季度汇总", key: 0)
        XCTAssertEqual(quarter["XH0018"]?["综治维稳"], "3")
        XCTAssertEqual(quarter["XH0018"]?["就业社保"], "8")
        XCTAssertEqual(quarter["XH0018"]?["督查次数"], "3")
    }

    func testRunningAMonthTwiceGivesIdenticalBytes() throws {
        let a = try Runner.TempFolder(), b = try Runner.TempFolder()
        _ = try runSample("qinghe", "2026-10", out: a)
        _ = try runSample("qinghe", "2026-10", out: b)
        let sa = Runner.snapshot(a.path), sb = Runner.snapshot(b.path)
        XCTAssertEqual(sa.keys.sorted(), sb.keys.sorted())
        XCTAssertEqual(sa.keys.filter { $0.hasSuffix(".xlsx") || $0.hasSuffix(".csv") || $0.hasSuffix(".json") }.count, 3)
        XCTAssertEqual(sa, sb, "the same inputs and rules must give byte-identical outputs")
    }

    func testOneThreadAndTwoThreadsGiveIdenticalBytes() throws {
        let a = try Runner.TempFolder(), b = try Runner.TempFolder()
        for (out, threads) in [(a, "1"), (b, "2")] {
            let r = try Runner.run(["run", "qinghe", "2026-10", "--input-dir", Self.inputDir, "--rules-dir", Runner.rulesDir,
                                    "--output-dir", out.path, "--threads", threads])
            XCTAssertEqual(r.status, 0, r.transcript)
        }
        XCTAssertEqual(Runner.snapshot(a.path), Runner.snapshot(b.path), "the thread count must not change a byte")
    }

    /// On a terminal a run shows what it reads, the rows per second and what it writes, on
    /// stderr; `script` gives it a terminal. With --quiet (or no terminal: every other test) it
    /// shows nothing.
    func testProgressOnATerminalOnly() throws {
        let out = try Runner.TempFolder()
        let command = [Runner.binaryPath, "run", "qinghe", "2026-10", "--input-dir", Self.inputDir, "--rules-dir", Runner.rulesDir,
                       "--output-dir", out.path].joined(separator: " ")
        for (quiet, expectProgress) in [(false, true), (true, false)] {
            let log = out.path("tty-\(quiet).log")
            let r = try Runner.run(["-qec", command + (quiet ? " --quiet" : ""), log], binary: "/usr/bin/script")
            XCTAssertEqual(r.status, 0, r.transcript)
            let text = try String(contentsOfFile: log, encoding: .utf8)
            XCTAssertEqual(text.contains("reading patrol.csv:"), expectProgress, text)
            XCTAssertEqual(text.contains("rows/s"), expectProgress, text)
            XCTAssertEqual(text.contains("writing the workbook"), expectProgress, text)
        }
    }

    func testCheckPassesOnBothShippedRuleFiles() throws {
        for (town, version, tests) in [("qinghe", "2026.1", 4), ("xinhe", "2026.2", 3)] {
            let r = try Runner.run(["check", "Rules/\(town).toml"])
            XCTAssertEqual(r.status, 0, r.transcript)
            XCTAssertEqual(r.stdoutLines.last, "Rules/\(town).toml: rules \(town) version \(version) are valid; \(tests) passed, 0 failed", r.transcript)
        }
    }

    /// `explain` against a golden transcript (re-record with GRIDPAY_RECORD_GOLDEN=1).
    func testExplainNamesTheRowsBehindEachDeduction() throws {
        let r = try Runner.run(["explain", "qinghe", "2026-10", "QH0052", "--input-dir", Self.inputDir, "--rules-dir", Runner.rulesDir])
        XCTAssertEqual(r.status, 0, r.transcript)
        let golden = "\(Self.expectedDir)/explain-qinghe-2026-10-QH0052.txt"
        if ProcessInfo.processInfo.environment["GRIDPAY_RECORD_GOLDEN"] == "1" {
            try Data(r.stdout.utf8).write(to: URL(fileURLWithPath: golden))
            return
        }
        guard let expected = FileManager.default.contents(atPath: golden) else {
            return XCTFail("no golden transcript at \(golden); record it with GRIDPAY_RECORD_GOLDEN=1")
        }
        XCTAssertEqual(r.stdout, String(decoding: expected, as: UTF8.self))
        XCTAssertTrue(r.stdout.contains("-15 市级调度电话未接听 CC202610-0071，扣款 120.00 元   [phone_checks.csv:72]"))
    }

    func testExplainOfAnUnknownWorkerSuggestsTheNearestId() throws {
        let r = try Runner.run(["explain", "qinghe", "2026-10", "QH0025x"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderrLines.last, "error: worker 'QH0025x' is not on the roster of qinghe 2026-10; did you mean 'QH0025'?")
    }
}
