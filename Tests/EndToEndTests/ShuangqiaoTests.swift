import Foundation
import XCTest

/// shuangqiao (SPEC §10, by quarter §8) through the built binary, checked the way an independent
/// implementation would check it: Tools/shuangqiao_reference.py (exact fractions, written from
/// the SPEC alone) on the same inputs, compared cell by cell by Tools/compare_shuangqiao.py
/// (考核汇总, 绩效工资, and every 扣分明细 line of 流转事件 with its 事件编号, file and line).
final class ShuangqiaoTests: XCTestCase {
    typealias Runner = BinaryRunner

    /// Runs a python3 tool; returns (status, stdout, stderr).
    @discardableResult
    func python(_ arguments: [String]) throws -> (Int32, String, String) {
        let r = try Runner.python(arguments)
        return (r.status, r.stdout, r.stderr)
    }

    func tool(_ name: String) -> String { Runner.packageRoot.appendingPathComponent("Tools/\(name)").path }

    /// Runs the quarter with the binary and the oracle, and compares the workbook with it.
    func compareWithOracle(inputDir: String, quarter: String, file: StaticString = #filePath, line: UInt = #line) throws -> Runner.Output {
        let out = try Runner.TempFolder(prefix: "gridpay-e2e-sq")
        let r = try Runner.run(["run", "shuangqiao", quarter, "--rules-dir", Runner.rulesDir, "--input-dir", inputDir, "--output-dir", out.path])
        XCTAssertEqual(r.status, 0, r.transcript, file: file, line: line)
        let oracle = out.path("oracle.csv"), details = out.path("details.csv")
        let (status, csv, err) = try python([tool("shuangqiao_reference.py"), "\(inputDir)/shuangqiao", quarter, "--details", details])
        XCTAssertEqual(status, 0, "the oracle failed: \(err)", file: file, line: line)
        try csv.write(toFile: oracle, atomically: true, encoding: .utf8)
        let book = out.path("shuangqiao/\(quarter)/shuangqiao-\(quarter).xlsx")
        let (cmp, report, cmpErr) = try python([tool("compare_shuangqiao.py"), book, oracle, details])
        XCTAssertEqual(cmp, 0, "workbook ≠ oracle:\n\(report)\(cmpErr)", file: file, line: line)
        return r
    }

    func testSampleQuarterMatchesTheOracle() throws {
        let r = try compareWithOracle(inputDir: Runner.packageRoot.appendingPathComponent("Input").path, quarter: "2026-Q3")
        // The worker who left in August (SQ0007): every row of his is a warning, never counted.
        let leaver = r.warningLines.filter { $0.contains("已不在季度末名册") }
        XCTAssertFalse(leaver.isEmpty, r.transcript)
        XCTAssertTrue(leaver.allSatisfy { $0.contains("SQ0007") && ($0.contains("2026-07/") || $0.contains("2026-08/")) }, "\(leaver)")
    }

    func testTheCommittedExpectationsAreTheOraclesOnTheSamples() throws {
        // The oracle still gives what was committed with the samples (Tools/make_shuangqiao_samples.py).
        let input = Runner.packageRoot.appendingPathComponent("Input/shuangqiao").path
        let expected = Runner.packageRoot.appendingPathComponent("Tests/EndToEndTests/Expected").path
        let (status, csv, err) = try python([tool("shuangqiao_reference.py"), input, "2026-Q3"])
        XCTAssertEqual(status, 0, err)
        XCTAssertEqual(csv, try String(contentsOfFile: "\(expected)/shuangqiao-2026-Q3.csv", encoding: .utf8))
        let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // Every grade is present, more than once; 30+ workers; the leaver is not a worker.
        for g in ["优秀", "合格", "基本合格", "不合格"] { XCTAssertGreaterThanOrEqual(rows.filter { $0[9] == g }.count, 2, g) }
        XCTAssertGreaterThanOrEqual(rows.count, 30)
        XCTAssertFalse(rows.contains { $0[1] == "SQ0007" })
        XCTAssertEqual(rows.first { $0[1] == "SQ0003" }?[5], "0.00", "the floor bites for SQ0003")
    }

    func testRandomQuartersMatchTheOracle() throws {
        // Seeded random quarters, one with February (2026-Q1) and one of 2027.
        for (seed, quarter) in [(11, "2026-Q3"), (12, "2026-Q1"), (13, "2027-Q4")] {
            let data = try Runner.TempFolder(prefix: "gridpay-e2e-sq-data")
            let (status, _, err) = try python([tool("make_shuangqiao_samples.py"), "--seed", "\(seed)", "--out", data.path("shuangqiao"),
                                               "--quarter", quarter, "--workers", "37"])
            XCTAssertEqual(status, 0, err)
            _ = try compareWithOracle(inputDir: data.path, quarter: quarter)
        }
    }

    // MARK: - Broken quarters

    /// Edits one CSV line (fields split on commas: the generated files have no quoted fields).
    func edit(_ dir: String, _ file: String, line: Int, _ change: (inout [String]) -> Void) throws {
        let path = "\(dir)/\(file)"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // ("\r\n" is one Character in Swift: split on the file's own line ending.)
        let ending = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: ending)
        var fields = lines[line - 1].components(separatedBy: ",")
        change(&fields)
        lines[line - 1] = fields.joined(separator: ",")
        try lines.joined(separator: ending).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func field(_ dir: String, _ file: String, line: Int, _ k: Int) throws -> String {
        let text = try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8)
        return text.components(separatedBy: text.contains("\r\n") ? "\r\n" : "\n")[line - 1].components(separatedBy: ",")[k]
    }

    static func time(_ text: String) -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = text.count == 16 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss"
        return f.date(from: text)!
    }

    static func text(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: date)
    }

    /// "2026-08/patrol.csv:5" for every `…/<month>/<file>:<line>:<col>: error:` line.
    static func errorRows(_ lines: [String]) -> Set<String> {
        var out = Set<String>()
        let regex = try! NSRegularExpression(pattern: #"(\d{4}-\d{2}/[a-z_]+\.csv):(\d+):\d+: error:"#)
        for l in lines {
            let ns = l as NSString
            if let m = regex.firstMatch(in: l, range: NSRange(location: 0, length: ns.length)) {
                out.insert("\(ns.substring(with: m.range(at: 1))):\(ns.substring(with: m.range(at: 2)))")
            }
        }
        return out
    }

    func testBrokenQuartersAreRefusedWithFileAndLineAllAtOnce() throws {
        let data = try Runner.TempFolder(prefix: "gridpay-e2e-sq-broken")
        let town = data.path("shuangqiao")
        let (status, _, err) = try python([tool("make_shuangqiao_samples.py"), "--seed", "21", "--out", town, "--quarter", "2026-Q3", "--workers", "33"])
        XCTAssertEqual(status, 0, err)
        let jul = "\(town)/2026-07", aug = "\(town)/2026-08", sep = "\(town)/2026-09"
        // 结束时间 not after 开始时间; more than 24 hours after it.
        try edit(aug, "patrol.csv", line: 5) { $0[3] = $0[2] }
        try edit(jul, "patrol.csv", line: 7) { $0[3] = Self.text(Self.time($0[2]).addingTimeInterval(86401)) }
        // 受理时间 one second before 派发时间; 办结时间 without 受理时间; 办结时间 before 受理时间.
        try edit(sep, "tasks.csv", line: 3) { $0[3] = Self.text(Self.time($0[2]).addingTimeInterval(-1)); $0[4] = "" }
        try edit(aug, "tasks.csv", line: 4) { $0[3] = ""; $0[4] = Self.text(Self.time($0[2]).addingTimeInterval(3600)) }
        try edit(jul, "tasks.csv", line: 2) {
            $0[3] = Self.text(Self.time($0[2]).addingTimeInterval(7200)); $0[4] = Self.text(Self.time($0[2]).addingTimeInterval(3600))
        }
        // 派发时间 outside its own folder's month (September's row in August's folder).
        try edit(aug, "tasks.csv", line: 6) { $0[2] = "2026-09-01 08:00"; $0[3] = ""; $0[4] = "" }
        // A 日志编号 used in July again in September (unique across the quarter).
        let julyLog = try field(jul, "logs.csv", line: 2, 0)
        try edit(sep, "logs.csv", line: 10) { $0[0] = julyLog }
        // 时长(分钟) must be a positive whole number; a worker on no roster.
        try edit(jul, "training.csv", line: 2) { $0[3] = "0" }
        try edit(aug, "logs.csv", line: 3) { $0[1] = "SQ9999" }
        let out = try Runner.TempFolder(prefix: "gridpay-e2e-sq-out")
        let r = try Runner.run(["run", "shuangqiao", "2026-Q3", "--rules-dir", Runner.rulesDir, "--input-dir", data.path, "--output-dir", out.path])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path("shuangqiao/2026-Q3")), "nothing is written")
        let expected: Set<String> = ["2026-08/patrol.csv:5", "2026-07/patrol.csv:7", "2026-09/tasks.csv:3", "2026-08/tasks.csv:4",
                                     "2026-07/tasks.csv:2", "2026-08/tasks.csv:6", "2026-09/logs.csv:10", "2026-07/training.csv:2",
                                     "2026-08/logs.csv:3"]
        XCTAssertEqual(Self.errorRows(r.errorLines), expected, r.transcript)
        // The oracle refuses the same rows.
        let (os, _, oerr) = try python([tool("shuangqiao_reference.py"), town, "2026-Q3"])
        XCTAssertEqual(os, 1)
        let oracleRows = Set(oerr.split(separator: "\n").filter { !$0.hasPrefix("warning") }.map { $0.split(separator: ":").prefix(2).joined(separator: ":") })
        XCTAssertEqual(oracleRows, expected, oerr)
        // The columns are named at their field: e.g. 结束时间 is field 4 of patrol.csv.
        XCTAssertTrue(r.errorLines.contains { $0.contains("2026-08/patrol.csv:5:4: error: 结束时间") }, r.transcript)
        XCTAssertTrue(r.errorLines.contains { $0.contains("2026-08/tasks.csv:4:5: error: 办结时间") }, r.transcript)
    }

    func testAMissingMonthFolderIsAnError() throws {
        let data = try Runner.TempFolder(prefix: "gridpay-e2e-sq-missing")
        let town = data.path("shuangqiao")
        let (status, _, err) = try python([tool("make_shuangqiao_samples.py"), "--seed", "22", "--out", town, "--quarter", "2026-Q3", "--workers", "31"])
        XCTAssertEqual(status, 0, err)
        try FileManager.default.removeItem(atPath: "\(town)/2026-08")
        let out = try Runner.TempFolder(prefix: "gridpay-e2e-sq-out")
        let r = try Runner.run(["run", "shuangqiao", "2026-Q3", "--rules-dir", Runner.rulesDir, "--input-dir", data.path, "--output-dir", out.path])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.stderr.contains("2026-08"), r.transcript)
    }
}

extension ShuangqiaoTests {
    func testExplainNamesEveryLateStepWithItsMonthFileAndLine() throws {
        // SQ0003's lines of 流转事件 are those of the oracle (Expected/shuangqiao-2026-Q3-details.csv),
        // each as "-5 <reason>   [<month>/tasks.csv:<line>]", months in order, then the floor.
        let r = try Runner.run(["explain", "shuangqiao", "2026-Q3", "SQ0003", "--rules-dir", Runner.rulesDir,
                                "--input-dir", Runner.packageRoot.appendingPathComponent("Input").path])
        XCTAssertEqual(r.status, 0, r.transcript)
        let details = try String(contentsOfFile: Runner.packageRoot.appendingPathComponent("Tests/EndToEndTests/Expected/shuangqiao-2026-Q3-details.csv").path,
                                 encoding: .utf8)
        let mine = details.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }.filter { $0[0] == "SQ0003" }
        var expected: [String] = []
        for reason in ["受理超时", "办结超时"] {
            expected += mine.filter { $0[1].hasPrefix(reason) }.sorted { ($0[3], Int($0[4])!) < ($1[3], Int($1[4])!) }
                .map { "  -5 \($0[1])   [\($0[3]):\($0[4])]" }
        }
        let floor = try XCTUnwrap(mine.first { $0[1] == "floor" })
        expected.append("  +\(floor[2].replacingOccurrences(of: ".00", with: "")) 本项不低于 0，超出部分不计")
        let lines = r.stdoutLines
        let start = try XCTUnwrap(lines.firstIndex(of: "流转事件 = 0.00"))
        XCTAssertEqual(Array(lines[(start + 2)..<(start + 2 + expected.count)]), expected, r.stdout)
    }
}

extension ShuangqiaoTests {
    func testYearRatingMatchesTheOracle() throws {
        // gridpay rate shuangqiao 2026 (SPEC §8): 平均分 = the mean of the worker's quarterly totals
        // (only the quarters on whose last roster he is), rounded half-up to 0.01, banded as the
        // quarters (≥ 90 优秀, ≥ 75 合格, ≥ 60 基本合格, else 不合格), ranked by the rounded mean.
        let input = Runner.packageRoot.appendingPathComponent("Input").path
        let out = try Runner.TempFolder(prefix: "gridpay-e2e-sq-rate")
        let r = try Runner.run(["rate", "shuangqiao", "2026", "--rules-dir", Runner.rulesDir, "--input-dir", input,
                                "--output-dir", out.path, "--ledger-dir", out.path("Ledger")], timeout: 120)
        XCTAssertEqual(r.status, 0, r.transcript)
        let (status, csv, err) = try python([tool("shuangqiao_reference.py"), "\(input)/shuangqiao", "2026", "--year"])
        XCTAssertEqual(status, 0, err)
        XCTAssertEqual(csv, try String(contentsOfFile: Runner.packageRoot.appendingPathComponent("Tests/EndToEndTests/Expected/shuangqiao-2026-rating.csv").path,
                                       encoding: .utf8), "the committed rating is the oracle's")
        let oracle = out.path("oracle-year.csv")
        try csv.write(toFile: oracle, atomically: true, encoding: .utf8)
        let (cmp, report, cmpErr) = try python([tool("compare_shuangqiao.py"), "--rating", out.path("shuangqiao/2026/shuangqiao-2026-rating.xlsx"), oracle])
        XCTAssertEqual(cmp, 0, "rating ≠ oracle:\n\(report)\(cmpErr)")
        // SQ0002 is on the last roster of 2026-Q3 only: his 平均分 is that quarter's 总分.
        let row = try XCTUnwrap(csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .first { $0[1] == "SQ0002" })
        XCTAssertEqual([row[2], row[3], row[5]], ["", "", ""])
        XCTAssertEqual(row[6], row[4])
    }

    func testAYearWithAQuarterMissingIsRefusedNamingIt() throws {
        // Only 2026-Q3 has inputs here: the rating fails and names every quarter that is missing.
        let data = try Runner.TempFolder(prefix: "gridpay-e2e-sq-rate-missing")
        let (status, _, err) = try python([tool("make_shuangqiao_samples.py"), "--seed", "23", "--out", data.path("shuangqiao"), "--quarter", "2026-Q3", "--workers", "30"])
        XCTAssertEqual(status, 0, err)
        let out = try Runner.TempFolder(prefix: "gridpay-e2e-sq-out")
        let r = try Runner.run(["rate", "shuangqiao", "2026", "--rules-dir", Runner.rulesDir, "--input-dir", data.path,
                                "--output-dir", out.path, "--ledger-dir", out.path("Ledger")])
        XCTAssertEqual(r.status, 1, r.transcript)
        for q in ["2026-Q1", "2026-Q2", "2026-Q4"] { XCTAssertTrue(r.stderr.contains(q), "\(q) is named: \(r.transcript)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path("shuangqiao/2026")), "nothing is written")
    }
}
