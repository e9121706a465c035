import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §8: a town assessed by quarter is run for YYYY-Qn from its three month folders.
final class QuarterRunTests: XCTestCase {
    // July: A, B, C, D on the roster; August: the same; September (the quarter's last month):
    // A, B, C and E, who joined in September. D left after August.
    static let july = ("A,甲,东村,G1\nB,乙,东村,G1\nC,丙,西村,G2\nD,丁,西村,G2\n",
                       "1,A,2026-07-05,30,否\n2,D,2026-07-06,50,否\n")
    static let august = ("A,甲,东村,G1\nB,乙,东村,G1\nC,丙,西村,G2\nD,丁,西村,G2\n",
                         "3,A,2026-08-01,30,否\n4,B,2026-08-02,40,否\n5,D,2026-08-03,45,否\n")
    static let september = ("A,甲,东村,G1\nB,乙,东村,G1\nC,丙,西村,G2\nE,戊,西村,G2\n",
                            "6,A,2026-09-01,30,否\n7,B,2026-09-02,36,否\n8,B,2026-09-10,-0.5,否\n9,E,2026-09-30,60,否\n")

    func write(_ tmp: TemporaryFolder, _ months: [String: (String, String)]) throws {
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(period: "quarter"),
                             months: months.mapValues { (roster: $0.0, marks: $0.1) })
    }

    func testAQuarterIsItsThreeMonthsWithTheLastRoster() throws {
        let tmp = TemporaryFolder()
        try write(tmp, ["2026-07": Self.july, "2026-08": Self.august, "2026-09": Self.september])
        let request = GradedTown.request(root: tmp.path, period: "2026-Q3")
        guard case .success(let result) = MonthRunner.run(request) else {
            if case .failure(let f) = MonthRunner.run(request) { XCTFail("\(f.diagnostics.map(\.description))") }
            return
        }
        XCTAssertEqual(result.directory, "\(tmp.path)/Output/g/2026-Q3")
        XCTAssertEqual(result.files, ["g-2026-Q3.xlsx", "g-2026-Q3-pay.csv", "g-2026-Q3-manifest.json"])
        let book = try WorkbookReader(path: "\(result.directory)/g-2026-Q3.xlsx")
        // A: 30 + 30 + 30 = 90 (优秀, 900); B: 40 + 36 − 0.5 = 75.5 (合格, 600); E joined in
        // September: 60 (基本合格, 300); C has no marks: 0 (不合格, 0, 建议更换). D is not a
        // worker of the quarter: his July and August rows are warned about and not counted.
        XCTAssertEqual((1...4).map { Array(book.row("考核汇总", $0).prefix(10)) }, [
            ["1", "A", "甲", "东村", "G1", "90", "90", "优秀", "否", "否"],
            ["2", "B", "乙", "东村", "G1", "75.5", "75.5", "合格", "否", "否"],
            ["3", "E", "戊", "西村", "G2", "60", "60", "基本合格", "否", "否"],
            ["4", "C", "丙", "西村", "G2", "0", "0", "不合格", "否", "是"],
        ])
        XCTAssertEqual(book.row("考核汇总", 5), [])
        let pay = (1...8).map { book.row("绩效工资", $0) }.filter { $0.count > 6 && $0[0].count == 1 }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: pay.map { ($0[0], $0[6]) }), ["A": "900", "B": "600", "C": "0", "E": "300"])
        // 扣分明细 names the row's own month file and line.
        // (Line 4 of September's marks.csv: the header is line 1, record 8 the third row.)
        XCTAssertEqual(book.row("扣分明细", 1), ["B", "乙", "考核", "扣分记录 8", "1", "-0.5", "0", "2026-09/marks.csv", "4"])
        XCTAssertEqual(book.row("扣分明细", 2), [])
        // 数据问题: D's two rows, as warnings, with their own files and lines.
        let problems = (1...3).map { book.row("数据问题", $0) }
        XCTAssertEqual(problems[0].prefix(3), ["警告", "2026-07/marks.csv", "3"])
        XCTAssertEqual(problems[1].prefix(3), ["警告", "2026-08/marks.csv", "4"])
        XCTAssertTrue(problems[0][5].hasPrefix("已不在季度末名册：网格员“D”在 2026-07 的花名册（2026-07/roster.csv）上，但不在季度末名册（2026-09/roster.csv）上；这一行不计入"), problems[0][5])
        XCTAssertEqual(problems[0][6], "已不在季度末名册：该行未计入")
        XCTAssertEqual(problems[2], [])
        // 说明 lists all six files with their month folders.
        let about = (1...20).map { book.row("说明", $0) }.filter { !$0.isEmpty }
        XCTAssertEqual(about.filter { $0[0].hasPrefix("输入 ") }.map { $0[0] }, [
            "输入 2026-07/marks.csv", "输入 2026-07/roster.csv", "输入 2026-08/marks.csv",
            "输入 2026-08/roster.csv", "输入 2026-09/marks.csv", "输入 2026-09/roster.csv",
        ])
        XCTAssertTrue(about.contains(["考核期间", "2026-Q3（92 天）"]), "\(about)")
        // days_in_period of Q3 is 31 + 31 + 30 = 92.
        guard case .success(let m) = MonthRunner.prepare(request) else { return XCTFail() }
        XCTAssertEqual(try MonthReport.lookup("天数", worker: m.report.workers[0], in: m.scoring), .number(ExactNumber(92)))
    }

    func testUnknownWorkersDuplicatesAcrossMonthsAndDatesOutsideTheirFolder() throws {
        let tmp = TemporaryFolder()
        // July: X is on no roster (error); record 1 reappears in September (duplicate across the
        // quarter); August has a July date in its own folder (outside its month, though inside
        // the quarter).
        let july = (Self.july.0, Self.july.1 + "10,X,2026-07-07,5,否\n")
        let august = (Self.august.0, Self.august.1 + "11,A,2026-07-31,5,否\n")
        let september = (Self.september.0, Self.september.1 + "1,B,2026-09-03,5,否\n")
        try write(tmp, ["2026-07": july, "2026-08": august, "2026-09": september])
        guard case .failure(let f) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-Q3")) else { return XCTFail("must fail") }
        let dir = "\(tmp.path)/Input/g"
        let errors = f.diagnostics.filter { $0.severity == .error }.map(\.description)
        XCTAssertEqual(errors, [
            "\(dir)/2026-07/marks.csv:4:2: error: 编号 'X' is not on the quarter's last roster (2026-09/roster.csv) nor on the roster of its month (2026-07/roster.csv); expected a 编号 of the roster",
            "\(dir)/2026-08/marks.csv:5:3: error: 日期 2026-07-31 is outside 2026-08; expected a date from 2026-08-01 to 2026-08-31",
            "\(dir)/2026-09/marks.csv:6:1: error: duplicate 记录 '1': already used at 2026-07/marks.csv:2; expected each to appear once in the quarter",
            "error: 3 problems in the inputs of g 2026-Q3 would change someone's pay; nothing was written. 3 of them are single rows that can be left out on purpose with --accept FILE:LINE (e.g. --accept 2026-07/marks.csv:4)",
        ])
        // Accepting the three rows by their month file and line runs the quarter.
        var request = GradedTown.request(root: tmp.path, period: "2026-Q3")
        request.accepted = [RowPosition(file: "2026-07/marks.csv", line: 4), RowPosition(file: "2026-08/marks.csv", line: 5),
                            RowPosition(file: "2026-09/marks.csv", line: 6)]
        guard case .success = MonthRunner.run(request) else { return XCTFail("accepted rows must let the quarter run") }
    }

    func testDuplicatesAcrossTheQuarterOnDiskAreThoseFoundInMemory() throws {
        // Record ids: 1 in July, again in August and September (two duplicates, both naming July's
        // line 2); 4 twice within August (lines 3 and 5: "line 3"); 20 only once. With one key in
        // memory the on-disk finder spills every key to its partition files at once.
        let tmp = TemporaryFolder()
        let july = (Self.july.0, "1,A,2026-07-05,30,否\n20,A,2026-07-06,1,否\n")
        let august = (Self.august.0, "1,A,2026-08-01,30,否\n4,B,2026-08-02,40,否\n4,B,2026-08-03,45,否\n")
        let september = (Self.september.0, "6,A,2026-09-01,30,否\n1,B,2026-09-02,36,否\n")
        try write(tmp, ["2026-07": july, "2026-08": august, "2026-09": september])
        let text = GradedTown.ruleFile(period: "quarter")
        let rules = try RuleLoader.load(text: text, file: "g.toml").get()
        let loaded = LoadedRules(path: "g.toml", text: text, sha256: "", rules: rules)
        let scratch = TemporaryFolder()
        func problems(onDisk: Bool) -> [String] {
            QuarterReader.read(rules: loaded, quarter: CalendarPeriod.parse("2026-Q3")!, townDirectory: "\(tmp.path)/Input/g", accepted: [],
                               history: nil, scratch: onDisk ? scratch.path : nil, keysInMemory: 1)
                .problems.filter { $0.kind == .duplicateKey }.map { "\($0.file):\($0.line ?? 0): \($0.message)" }
        }
        let expected = [
            "2026-08/marks.csv:2: duplicate 记录 '1': already used at 2026-07/marks.csv:2; expected each to appear once in the quarter",
            "2026-08/marks.csv:4: duplicate 记录 '4': already used at line 3; expected each to appear once in the quarter",
            "2026-09/marks.csv:3: duplicate 记录 '1': already used at 2026-07/marks.csv:2; expected each to appear once in the quarter",
        ]
        XCTAssertEqual(problems(onDisk: false), expected)
        XCTAssertEqual(problems(onDisk: true), expected)
        // The partition files are removed once read.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasSuffix(".bin") }, [])
    }

    func testAMissingMonthFolderIsAnError() throws {
        let tmp = TemporaryFolder()
        try write(tmp, ["2026-07": Self.july, "2026-09": Self.september])
        guard case .failure(let f) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-Q3")) else { return XCTFail("must fail") }
        XCTAssertEqual(f.diagnostics.map(\.description), [
            "error: no inputs for g 2026-Q3: the month folder 2026-08 is missing from \(tmp.path)/Input/g; a quarter is read from all three of its months: "
                + "the clerk puts each missing month's exports in its month folder. Nothing was written",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(tmp.path)/Output/g/2026-Q3"))
    }

    func testAMonthIsRefusedForAQuarterlyTown() throws {
        let tmp = TemporaryFolder()
        try write(tmp, ["2026-07": Self.july])
        guard case .failure(let f) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-07")) else { return XCTFail("must fail") }
        XCTAssertEqual(f.diagnostics.map(\.message), [
            "g is assessed by quarter (\(tmp.path)/Rules/g.toml: [rules] period = \"quarter\"), so it is run for a quarter, not for 2026-07; expected YYYY-Qn, e.g. gridpay run g 2026-Q3",
        ])
    }

    func testConsecutiveLooksAtEarlierQuarters() throws {
        let tmp = TemporaryFolder()
        // 不合格 in Q2 and Q3 → 连续不合格 (consecutive over quarters, not months).
        let extra = """
        [[flags]]
        name = "连续不合格"
        when = 'consecutive(差, 2)'
        """
        let rules = GradedTown.ruleFile(period: "quarter", extra: extra).replacingOccurrences(of: "\"天数\" = 'days_in_period'", with: "\"天数\" = 'days_in_period'\n\"差\" = '总分 < 60'")
        let roster = "A,甲,东村,G1\nB,乙,东村,G1\n"
        var months: [String: (roster: String, marks: String)] = [:]
        for m in ["2026-04", "2026-05", "2026-07", "2026-08"] { months[m] = (roster, "") }
        months["2026-06"] = (roster, "1,B,2026-06-01,70,否\n")
        months["2026-09"] = (roster, "2,B,2026-09-01,70,否\n")
        try GradedTown.write(root: tmp.path, rules: rules, months: months)
        guard case .success(let m) = MonthRunner.prepare(GradedTown.request(root: tmp.path, period: "2026-Q3")) else { return XCTFail() }
        let flags = Dictionary(uniqueKeysWithValues: m.report.workers.map { ($0.id, $0.flags) })
        XCTAssertEqual(flags["A"], [false, true, true])   // 0 in Q2 and Q3
        XCTAssertEqual(flags["B"], [false, false, false])  // 70 in each
        // Q1 is missing: a three-quarter history is incomplete, and says which quarter.
        let three = GradedTown.ruleFile(period: "quarter", extra: extra.replacingOccurrences(of: "consecutive(差, 2)", with: "consecutive(差, 3)"))
            .replacingOccurrences(of: "\"天数\" = 'days_in_period'", with: "\"天数\" = 'days_in_period'\n\"差\" = '总分 < 60'")
        try three.write(toFile: "\(tmp.path)/Rules/g.toml", atomically: true, encoding: .utf8)
        guard case .success(let m3) = MonthRunner.prepare(GradedTown.request(root: tmp.path, period: "2026-Q3")) else { return XCTFail() }
        XCTAssertEqual(m3.report.incompleteHistory.map { "\($0.0)" }, ["2026-Q1"])
        XCTAssertEqual(m3.report.workers.first { $0.id == "A" }?.historyIncomplete, true)
    }
}

/// [[tests]] of a quarterly town: period = "YYYY-Qn", inputs per month of the quarter.
final class QuarterRuleTestTests: XCTestCase {
    func testAQuarterTestRunsFromItsMonths() throws {
        let test = """
        [[tests]]
        name = "a quarter from three months"
        period = "2026-Q3"
        [tests.inputs."2026-07"]
        roster = '''
        编号,姓名,村,网格
        A,甲,东村,G1
        D,丁,东村,G1
        '''
        marks = '''
        记录,编号,日期,分,否决
        1,A,2026-07-01,50,否
        2,D,2026-07-02,50,否
        '''
        [tests.inputs."2026-09"]
        roster = '''
        编号,姓名,村,网格
        A,甲,东村,G1
        '''
        marks = '''
        记录,编号,日期,分,否决
        3,A,2026-09-01,25.5,否
        '''
        [tests.expect.A]
        "考核" = 75.5     # 50 + 25.5; D left: not counted
        "等次" = "合格"
        "考核绩效" = 600
        "天数" = 92
        """
        let tmp = TemporaryFolder()
        let path = "\(tmp.path)/g.toml"
        try GradedTown.ruleFile(period: "quarter", extra: test).write(toFile: path, atomically: true, encoding: .utf8)
        let load = RuleFiles.load(path: path)
        guard case .success(let loaded) = load else { return XCTFail("rule file must load: \(load)") }
        let report = RuleTestRunner.run(loaded)
        XCTAssertEqual(report.failures.map(\.description), [])
        XCTAssertEqual(report.passed, ["a quarter from three months"])
        // A month's period in a quarterly town's test is refused.
        let monthly = test.replacingOccurrences(of: "period = \"2026-Q3\"", with: "period = \"2026-09\"")
        guard case .failure(let f) = RuleLoader.load(text: GradedTown.ruleFile(period: "quarter", extra: monthly), file: "g.toml") else { return XCTFail() }
        XCTAssertEqual(f.diagnostics.map(\.message), ["period must be a quarter YYYY-Qn (the town's [rules] period), found '2026-09'"])
    }
}
