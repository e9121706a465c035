import Foundation
import XCTest

/// `gridpay compare` (SPEC §13) on the built binary, on small months worked out by hand (CompareTests
/// works on the shipped sample month): unit totals, the history keeping its own rules (computed and
/// from the ledger), the ledger and outputs untouched, a versions folder, a quarter.
///
/// The qinghe months below are built so that every number can be worked out by hand. A worker
/// with no patrol, events, training or visits and 重点人员数 0 scores
///   业务培训 10, 日常考核 20 − 2 × (4 + 4 + 0) = 4, 网格巡查 0, 事件上报 0, 电话畅通 20, 上级调度 0: 34,
/// minus 5 points (and 30 yuan) per unanswered 镇 check, 10 / 20 points (100 / 150 yuan) per
/// unanswered 县 / 省 check, 2 points per training 缺席 and 1 per 请假.
/// The candidate changes one deduction amount: an unanswered 镇 check costs 8 points instead of 5.
final class CompareHandWorkedTests: XCTestCase {
    typealias Runner = BinaryRunner
    var root: Runner.TempFolder!
    var input: String { root.path("Input") }
    var output: String { root.path("Output") }
    var ledger: String { root.path("Ledger") }

    override func setUpWithError() throws {
        root = try Runner.TempFolder(prefix: "gridpay-compare")
    }

    static let rosterHeader = "网格员编号,姓名,村(社区),网格编号,绩效工资基数(元),重点人员数\n"

    /// A qinghe month: roster lines, phone checks (id, worker, level, answered), training rows
    /// (id, worker, 出勤).
    func writeMonth(_ month: String, roster: String, checks: [(String, String, String, String)], training: [(String, String, String)] = []) throws {
        let dir = "\(input)/qinghe/\(month)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files: [String: String] = [
            "roster.csv": Self.rosterHeader + roster,
            "patrol.csv": "网格员编号,日期,巡查时长(分钟)\n",
            "events.csv": "事件编号,网格员编号,上报时间,事件类型,核查结果\n",
            "phone_checks.csv": "抽查编号,抽查时间,网格员编号,抽查层级,是否接听\n"
                + checks.enumerated().map { k, c in "\(c.0),\(month)-\(String(format: "%02d", k + 1)) 09:00,\(c.1),\(c.2),\(c.3)\n" }.joined(),
            "training.csv": "培训编号,培训日期,网格员编号,出勤\n" + training.map { "\($0.0),\(month)-15,\($0.1),\($0.2)\n" }.joined(),
            "visits.csv": "走访编号,网格员编号,走访日期,走访类型\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
    }

    /// Rules/qinghe.toml with `old` replaced by `new` (exactly once), written into the test folder.
    func candidate(_ name: String, replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let text = try String(contentsOfFile: "\(Runner.rulesDir)/qinghe.toml", encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: old).count, 2, "'\(old)' must occur once in Rules/qinghe.toml", file: file, line: line)
        let path = root.path(name)
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The 电话畅通 deduction of an unanswered 镇 check: 5 points in force, 8 in the candidate.
    func eightPoints() throws -> String {
        try candidate("qinghe-candidate.toml", replacing: "  points = '-5'\n  yuan = '30'", with: "  points = '-8'\n  yuan = '30'")
    }

    func compare(_ period: String, rules: String, town: String = "qinghe", inputDir: String? = nil, extra: [String] = [],
                 file: StaticString = #filePath, line: UInt = #line) throws -> Runner.Output {
        try Runner.run(["compare", town, period, "--rules", rules, "--rules-dir", Runner.rulesDir, "--input-dir", inputDir ?? input,
                        "--output-dir", output, "--ledger-dir", ledger, "--quiet"] + extra, file: file, line: line)
    }

    func sheet(_ name: String, period: String, town: String = "qinghe") throws -> [[String]] {
        let parts = try Runner.xlsxParts("\(output)/\(town)/\(period)/\(town)-\(period)-compare.xlsx")
        guard let xml = Runner.sheetXML(named: name, in: parts) else {
            XCTFail("no sheet \(name)")
            return []
        }
        return Runner.sheetRows(xml)
    }

    /// Rows of 比较 by worker id (the first column).
    func workerRows(_ period: String, town: String = "qinghe") throws -> (header: [String], rows: [String: [String]], order: [String]) {
        let rows = try sheet("比较", period: period, town: town)
        let header = rows.first ?? []
        var byID: [String: [String]] = [:]
        var order: [String] = []
        for r in rows.dropFirst() where r.count == header.count && !r[0].isEmpty {
            byID[r[0]] = r
            order.append(r[0])
        }
        return (header, byID, order)
    }

    // MARK: - one deduction amount changed, worked out by hand

    /// 2026-10, five workers (no earlier months: 建议更换 cannot be raised, on either side):
    /// Items: 业务培训 10 (T03 5), 日常考核 4, 电话畅通 20 less 5 / 8 per 镇 check (T02 and T04 15 → 12),
    /// 上级调度 0 less 10 / 20 per 县 / 省 check (T04 −20, T05 −10), the others 0; only 电话畅通 moves.
    ///   T01 东村 base 1500, nothing missed: 34 → 考核绩效 510.00, 实发 510.00 (both sides).
    ///   T02 东村 base 2000, one 镇 unanswered: 现行 34 − 5 = 29 → 580.00 − 30 = 550.00;
    ///       拟议 34 − 8 = 26 → 520.00 − 30 = 490.00. 差额: 总分 −3, 实发 −60.00.
    ///       Rank: 现行 T02 and T03 tie at 29 (2, 2); 拟议 T02 falls below the tie: 3.
    ///   T03 西村 base 1800, training 缺席 × 2 and 请假 × 1: 10 − 4 − 1 = 5 → 29 → 522.00 (both); rank 2 both.
    ///   T04 西村 base 100, 镇 and 省 unanswered: 现行 34 − 5 − 20 = 9 → 9.00 − (30 + 150) < 0 → 实发 0
    ///       (未扣足 171); 拟议 34 − 8 − 20 = 6 → 6.00 − 180 → 实发 still 0. 差额: 总分 −3, 实发 0.
    ///   T05 西村 base 1000, 县 unanswered: 24 → 240.00 − 100 = 140.00 (both).
    /// Ranks 现行: T01 1, T02 2, T03 2, T05 4, T04 5; 拟议: T01 1, T03 2, T02 3, T05 4, T04 5.
    func writeOctober() throws {
        try writeMonth("2026-10", roster: "T01,甲,东村,G1,1500,0\nT02,乙,东村,G2,2000,0\nT03,丙,西村,G3,1800,0\nT04,丁,西村,G4,100,0\nT05,戊,西村,G5,1000,0\n",
                       checks: [("P1", "T02", "镇", "否"), ("P2", "T04", "镇", "否"), ("P3", "T04", "省", "否"), ("P4", "T05", "县", "否"), ("P5", "T01", "镇", "是")],
                       training: [("TR1", "T03", "缺席"), ("TR2", "T03", "缺席"), ("TR3", "T03", "请假"), ("TR1", "T01", "出席")])
    }

    /// The item columns of 比较 (现行, 拟议, 差额 each): 业务培训 as given, 日常考核 4, 网格巡查 and
    /// 事件上报 0, 电话畅通 as given, 上级调度 as given (0 unless a 县 / 省 check was missed).
    func items(training: Int, phone: (Int, Int), dispatch: Int = 0) -> [String] {
        ["\(training)", "\(training)", "0", "4", "4", "0", "0", "0", "0", "0", "0", "0",
         "\(phone.0)", "\(phone.1)", "\(phone.1 - phone.0)", "\(dispatch)", "\(dispatch)", "0"]
    }

    func testOneDeductionAmountChangedWorkedOutByHand() throws {
        try writeOctober()
        let r = try compare("2026-10", rules: try eightPoints())
        XCTAssertEqual(r.status, 0, r.transcript)
        let (header, rows, order) = try workerRows("2026-10")
        XCTAssertEqual(header, ["网格员编号", "姓名", "村(社区)", "网格编号", "总分现行", "总分拟议", "总分差额", "排名现行", "排名拟议",
                                "标记或等次变化", "实发绩效现行", "实发绩效拟议", "实发绩效差额"]
                       + ["业务培训", "日常考核", "网格巡查", "事件上报", "电话畅通", "上级调度"].flatMap { ["\($0)现行", "\($0)拟议", "\($0)差额"] })
        XCTAssertEqual(order, ["T01", "T02", "T03", "T05", "T04"], "listed by 现行 rank, ties by id")
        // The rank moves across the tie: 2 → 3; 29 → 26; 550.00 → 490.00.
        XCTAssertEqual(rows["T02"], ["T02", "乙", "东村", "G2", "29", "26", "-3", "2", "3", "", "550", "490", "-60"] + items(training: 10, phone: (15, 12)))
        // Pay stays 0: the deductions (180) exceed the score pay on both sides.
        XCTAssertEqual(rows["T04"], ["T04", "丁", "西村", "G4", "9", "6", "-3", "5", "5", "", "0", "0", "0"] + items(training: 10, phone: (15, 12), dispatch: -20))
        // The other member of the tie keeps rank 2 and everything else.
        XCTAssertEqual(rows["T03"], ["T03", "丙", "西村", "G3", "29", "29", "0", "2", "2", "", "522", "522", "0"] + items(training: 5, phone: (20, 20)))
        XCTAssertEqual(rows["T01"].map { Array($0[4...]) }, ["34", "34", "0", "1", "1", "", "510", "510", "0"] + items(training: 10, phone: (20, 20)))
        XCTAssertEqual(rows["T05"].map { Array($0[4...]) }, ["24", "24", "0", "4", "4", "", "140", "140", "0"] + items(training: 10, phone: (20, 20), dispatch: -10))

        // Per unit (in roster order) and overall. 东村: 总分 34 + 29 = 63 → 34 + 26 = 60; 实发 510 + 550 = 1060
        // → 510 + 490 = 1000. 西村: 29 + 9 + 24 = 62 → 29 + 6 + 24 = 59; 实发 522 + 0 + 140 = 662 both.
        // 合计: 125 → 119 (−6); 1722.00 → 1662.00 (−60.00).
        let units = try sheet("单位汇总", period: "2026-10")
        XCTAssertEqual(units[0], ["村(社区)", "人数", "总分合计现行", "总分合计拟议", "总分合计差额", "实发绩效合计现行", "实发绩效合计拟议", "实发绩效合计差额"])
        XCTAssertEqual(units[1], ["东村", "2", "63", "60", "-3", "1060", "1000", "-60"])
        XCTAssertEqual(units[2], ["西村", "3", "62", "59", "-3", "662", "662", "0"])
        XCTAssertEqual(units[3], ["合计", "5", "125", "119", "-6", "1722", "1662", "-60"])

        // The printed summary.
        XCTAssertTrue(r.stdoutLines.contains("workers: 5; 总分 changes for 2, 排名 for 1, flags or 等次 for 0, 实发绩效 for 1"), r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("total payable (实发绩效): 现行 1722.00, 拟议 1662.00, 差额 -60.00"), r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("  T02 乙: 总分 29.00 → 26.00 (-3.00), 实发绩效 550.00 → 490.00 (-60.00), 排名 2 → 3"), r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("  T04 丁: 总分 9.00 → 6.00 (-3.00), 实发绩效 0.00 → 0.00 (0.00)"), r.transcript)
        // The candidate's own tests pinned the old amount: they fail, as warnings, and the comparison goes on.
        XCTAssertTrue(r.warningLines.contains { $0.contains("qinghe-candidate.toml:") && $0.contains("candidate's test") && $0.contains("电话畅通 is 12, expected 15") }, r.transcript)
        XCTAssertTrue(r.errorLines.isEmpty, r.transcript)

        // 说明 names both rule files with their SHA-256.
        let about = try sheet("说明", period: "2026-10")
        func value(_ key: String) -> String { about.first { $0.first == key }?[1] ?? "" }
        Runner.assertContains(value("现行规则文件"), "qinghe.toml，版本 2026.1，SHA-256 \(try sha256("\(Runner.rulesDir)/qinghe.toml"))")
        Runner.assertContains(value("拟议规则文件"), "qinghe-candidate.toml，版本 2026.1，SHA-256 \(try sha256(root.path("qinghe-candidate.toml")))")
        // File names only, as a run's 说明: the candidate was given by an absolute path.
        XCTAssertEqual(value("拟议规则文件"), "qinghe-candidate.toml，版本 2026.1，SHA-256 \(try sha256(root.path("qinghe-candidate.toml")))")
        XCTAssertEqual(value("现行规则文件"), "qinghe.toml，版本 2026.1，SHA-256 \(try sha256("\(Runner.rulesDir)/qinghe.toml"))")
    }

    func sha256(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(out.prefix(64))
    }

    func testABrokenCandidateIsRefusedAsCheckReportsIt() throws {
        try writeOctober()
        let broken = try candidate("qinghe-broken.toml", replacing: "when = '抽查层级 == \"镇\" and 是否接听 == \"否\"'",
                                   with: "when = '抽查层级 == \"镇\" and 是否接通 == \"否\"'")
        // Where: the line holding the misspelt name, and the column of the name (characters, from 1).
        let lines = try String(contentsOfFile: broken, encoding: .utf8).components(separatedBy: "\n")
        let lineNumber = try XCTUnwrap(lines.firstIndex { $0.contains("是否接通") }) + 1
        let column = lines[lineNumber - 1].distance(from: lines[lineNumber - 1].startIndex, to: lines[lineNumber - 1].range(of: "是否接通")!.lowerBound) + 1
        let r = try compare("2026-10", rules: broken)
        XCTAssertEqual(r.status, 1, r.transcript)
        Runner.assertContains(r.stderr, "\(broken):\(lineNumber):\(column): error: unknown name '是否接通'", r.transcript)
        Runner.assertContains(r.stderr, "did you mean '是否接听'?", r.transcript)
        // Exactly what check prints.
        let check = try Runner.run(["check", broken])
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(r.stderr, check.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(output)/qinghe/2026-10"), "nothing written")
    }

    func testRulesMayNameAVersionsFolder() throws {
        try writeOctober()
        let folder = root.path("draft")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Two versions: the one in force for 2026-10 is the candidate (8 points); a later one is not used.
        let eight = try eightPoints()
        try FileManager.default.moveItem(atPath: eight, toPath: "\(folder)/2026-01.toml")
        let later = try String(contentsOfFile: "\(folder)/2026-01.toml", encoding: .utf8)
            .replacingOccurrences(of: "effective_from = \"2026-01\"", with: "effective_from = \"2026-11\"")
            .replacingOccurrences(of: "  points = '-8'\n  yuan = '30'", with: "  points = '-20'\n  yuan = '30'")
        try later.write(toFile: "\(folder)/2026-11.toml", atomically: true, encoding: .utf8)
        let r = try compare("2026-10", rules: folder)
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(try workerRows("2026-10").rows["T02"].map { Array($0[4...6]) }, ["29", "26", "-3"])
        let about = try sheet("说明", period: "2026-10")
        // The version file by its name: no folder path in the workbook.
        XCTAssertTrue((about.first { $0.first == "拟议规则文件" }?[1] ?? "").hasPrefix("2026-01.toml，版本 "), "\(about)")
        // A folder with no version in force for the period is refused, naming what it holds.
        try FileManager.default.removeItem(atPath: "\(folder)/2026-01.toml")
        let none = try compare("2026-10", rules: folder)
        XCTAssertEqual(none.status, 1)
        Runner.assertContains(none.stderr, "no rule version in \(folder) is in force for 2026-10", none.transcript)
    }

    // MARK: - history keeps its own rules; nothing else changes

    /// 建议更换 = last in this month and the two before, duty not met (nobody has events: never met).
    /// Workers X, Y, W (base 1000). 2026-08 and 2026-09, the same each:
    ///   X: 县 unanswered and one 请假: 34 − 10 − 1 = 23; Y: two 镇 unanswered: 34 − 10 = 24; W: 34.
    ///   Under their own rules X is last. (Under the candidate Y would be: 34 − 16 = 18 < 23 —
    ///   so if the candidate were applied to them, X would not be flagged.)
    /// 2026-10: X: three 镇 unanswered: 现行 34 − 15 = 19, 拟议 34 − 24 = 10; Y: two 县: 14 (both).
    ///   现行: Y last (14 < 19) → X not flagged, Y not either (not last in 08, 09).
    ///   拟议: X last (10 < 14), last in 08 and 09 → 建议更换 否 → 是.
    /// Pay: X 现行 190.00 − 90 = 100.00, 拟议 100.00 − 90 = 10.00 (差额 −90.00).
    func writeThreeMonths() throws {
        let roster = "X,徐,南村,G1,1000,0\nY,杨,南村,G2,1000,0\nW,王,南村,G3,1000,0\n"
        for m in ["2026-08", "2026-09"] {
            try writeMonth(m, roster: roster, checks: [("\(m)-1", "X", "县", "否"), ("\(m)-2", "Y", "镇", "否"), ("\(m)-3", "Y", "镇", "否")],
                           training: [("TR-\(m)", "X", "请假")])
        }
        try writeMonth("2026-10", roster: roster, checks: [("C1", "X", "镇", "否"), ("C2", "X", "镇", "否"), ("C3", "X", "镇", "否"),
                                                          ("C4", "Y", "县", "否"), ("C5", "Y", "县", "否")])
    }

    func assertFlagChangesForXOnly(_ r: Runner.Output, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(r.status, 0, r.transcript, file: file, line: line)
        let (_, rows, _) = try workerRows("2026-10")
        XCTAssertEqual(rows["X"].map { Array($0[..<13]) }, ["X", "徐", "南村", "G1", "19", "10", "-9", "2", "3", "建议更换 否→是", "100", "10", "-90"], file: file, line: line)
        // Y's pay: 14 → 140.00 − 200 → 0 (未扣足 60) on both sides.
        XCTAssertEqual(rows["Y"].map { Array($0[..<13]) }, ["Y", "杨", "南村", "G2", "14", "14", "0", "3", "2", "", "0", "0", "0"], file: file, line: line)
        XCTAssertTrue(r.stdoutLines.contains("workers: 3; 总分 changes for 1, 排名 for 2, flags or 等次 for 1, 实发绩效 for 1"), r.transcript, file: file, line: line)
        XCTAssertTrue(r.stdoutLines.contains("  X 徐: 总分 19.00 → 10.00 (-9.00), 实发绩效 100.00 → 10.00 (-90.00), 排名 2 → 3, 建议更换 否→是"), r.transcript, file: file, line: line)
    }

    func testEarlierMonthsKeepTheirOwnRulesAndNothingElseChanges() throws {
        try writeThreeMonths()
        let candidate = try eightPoints()
        try assertFlagChangesForXOnly(try compare("2026-10", rules: candidate))

        // With the earlier months closed in the ledger, the history reads their published results.
        for m in ["2026-08", "2026-09"] {
            let c = try Runner.run(["close", "qinghe", m, "--by", "张三", "--rules-dir", Runner.rulesDir, "--input-dir", input,
                                    "--output-dir", output, "--ledger-dir", ledger])
            XCTAssertEqual(c.status, 0, c.transcript)
        }
        let run = try Runner.run(["run", "qinghe", "2026-10", "--rules-dir", Runner.rulesDir, "--input-dir", input,
                                  "--output-dir", output, "--ledger-dir", ledger, "--quiet"])
        XCTAssertEqual(run.status, 0, run.transcript)
        // (The comparison above is removed: the snapshot is of what a run and the ledger wrote.)
        try FileManager.default.removeItem(atPath: "\(output)/qinghe/2026-10/qinghe-2026-10-compare.xlsx")
        let outputsBefore = Runner.snapshot(output)
        let ledgerBefore = Runner.snapshot(ledger)
        let inputBefore = Runner.snapshot(input)
        let r = try compare("2026-10", rules: candidate)
        try assertFlagChangesForXOnly(r)
        let about = try sheet("说明", period: "2026-10")
        XCTAssertTrue(about.contains { $0.first == "历史月份 2026-09" && $0[1].hasPrefix("已结账") }, "\(about)")
        // Nothing but the comparison was written: the month's outputs, the ledger and the inputs are byte-identical.
        var after = Runner.snapshot(output)
        XCTAssertNotNil(after.removeValue(forKey: "qinghe/2026-10/qinghe-2026-10-compare.xlsx"))
        XCTAssertEqual(after, outputsBefore)
        XCTAssertEqual(Runner.snapshot(ledger), ledgerBefore)
        XCTAssertEqual(Runner.snapshot(input), inputBefore)
        // And a run afterwards writes the same bytes as before the comparison (and leaves it there).
        XCTAssertEqual(try Runner.run(["run", "qinghe", "2026-10", "--rules-dir", Runner.rulesDir, "--input-dir", input,
                                       "--output-dir", output, "--ledger-dir", ledger, "--quiet"]).status, 0)
        after = Runner.snapshot(output)
        XCTAssertNotNil(after.removeValue(forKey: "qinghe/2026-10/qinghe-2026-10-compare.xlsx"))
        XCTAssertEqual(after, outputsBefore)
    }

    // MARK: - a row left out with --accept

    /// October of the hand-worked test plus one valid event of an unknown worker (events.csv:2):
    /// compare refuses it as run does, and its advice (--accept) works for compare too; with the
    /// row accepted, both sides leave it out and every value is the hand-worked one (T02: 29 → 26,
    /// 550.00 → 490.00, rank 2 → 3; totals 1722.00 → 1662.00).
    func testARowAcceptedAsForRunIsLeftOutOnBothSides() throws {
        try writeOctober()
        try Data("事件编号,网格员编号,上报时间,事件类型,核查结果\nE1,T99,2026-10-10 09:00,其他,有效\n".utf8)
            .write(to: URL(fileURLWithPath: "\(input)/qinghe/2026-10/events.csv"))
        let rules = try eightPoints()
        var r = try compare("2026-10", rules: rules)
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines.last, "error: 1 problem in the inputs of qinghe 2026-10 would change someone's pay; nothing was written. "
            + "1 of them is a single row that can be left out on purpose with --accept FILE:LINE (e.g. --accept events.csv:2)", r.transcript)
        r = try compare("2026-10", rules: rules, extra: ["--accept", "events.csv:2"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let (_, rows, order) = try workerRows("2026-10")
        XCTAssertEqual(order, ["T01", "T02", "T03", "T05", "T04"])
        XCTAssertEqual(rows["T02"], ["T02", "乙", "东村", "G2", "29", "26", "-3", "2", "3", "", "550", "490", "-60"] + items(training: 10, phone: (15, 12)))
        XCTAssertTrue(r.stdoutLines.contains("total payable (实发绩效): 现行 1722.00, 拟议 1662.00, 差额 -60.00"), r.transcript)
    }

    // MARK: - a quarter

    /// shuangqiao 2026-Q3 (the shipped samples), candidate: 优秀 from 85 instead of 90. 总分 does
    /// not change; by SPEC §10 every worker whose 总分 lies in [85, 90) moves 合格 → 优秀, and
    /// 考核绩效 (= 实发绩效, no deductions) 600 → 900: 差额 +300.00; nobody else changes.
    func testAQuarterComparison() throws {
        let text = try String(contentsOfFile: "\(Runner.rulesDir)/shuangqiao.toml", encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "min = 90\n").count, 2)
        let path = root.path("shuangqiao-85.toml")
        try text.replacingOccurrences(of: "min = 90\n", with: "min = 85\n").write(toFile: path, atomically: true, encoding: .utf8)
        let samples = Runner.packageRoot.appendingPathComponent("Input").path
        let r = try compare("2026-Q3", rules: path, town: "shuangqiao", inputDir: samples)
        XCTAssertEqual(r.status, 0, r.transcript)
        let (_, rows, _) = try workerRows("2026-Q3", town: "shuangqiao")
        let moved = rows.values.filter { hundredths($0[4]) >= 8500 && hundredths($0[4]) < 9000 }.map { $0[0] }.sorted()
        XCTAssertFalse(moved.isEmpty, "the samples have someone between 85 and 90")
        for (id, row) in rows {
            XCTAssertEqual(row[6], "0", "\(id): 总分 does not change")
            XCTAssertEqual(row[7], row[8], "\(id): nor its rank")
            if moved.contains(id) {
                XCTAssertEqual(Array(row[9...12]), ["等次 合格→优秀", "600", "900", "300"], id)
            } else {
                XCTAssertEqual(Array(row[9...9]) + [row[12]], ["", "0"], id)
            }
        }
        XCTAssertTrue(r.stdoutLines.contains("workers: \(rows.count); 总分 changes for 0, 排名 for 0, flags or 等次 for \(moved.count), 实发绩效 for \(moved.count)"), r.transcript)
        let units = try sheet("单位汇总", period: "2026-Q3", town: "shuangqiao")
        XCTAssertEqual(units.last?.first, "合计")
        XCTAssertEqual(units.last?.last, "\(300 * moved.count)")
    }
}

/// A score as the workbook writes it ("86.5"), in hundredths, exactly (no floating point).
private func hundredths(_ text: String) -> Int {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    var frac = parts.count > 1 ? String(parts[1]) : ""
    while frac.count < 2 { frac += "0" }
    return (Int(parts[0]) ?? 0) * 100 + (Int(frac.prefix(2)) ?? 0)
}
