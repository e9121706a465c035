import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §8, §17: a town assessed by half-year or by year is run for YYYY-Hn or YYYY from its six
/// or twelve month folders, as a quarter from its three.
final class LongPeriodRunTests: XCTestCase {
    static let abc = "A,甲,东村,G1\nB,乙,东村,G1\nC,丙,西村,G2\n"
    static let abe = "A,甲,东村,G1\nB,乙,东村,G1\nE,戊,西村,G2\n"

    /// January to June: A, B and C until May; in June C has left and E joined.
    static func firstHalf() -> [String: (roster: String, marks: String)] {
        var months: [String: (roster: String, marks: String)] = [:]
        for m in 1...5 { months[String(format: "2026-%02d", m)] = (abc, "") }
        months["2026-06"] = (abe, "")
        months["2026-01"]!.marks = "1,A,2026-01-05,40,否\n2,C,2026-01-06,50,否\n"
        months["2026-03"]!.marks = "3,A,2026-03-31,20.5,否\n4,B,2026-03-02,30,否\n"
        months["2026-05"]!.marks = "5,C,2026-05-20,10,否\n"
        months["2026-06"]!.marks = "6,A,2026-06-30,30,否\n7,B,2026-06-01,-1.5,否\n8,E,2026-06-15,61,否\n"
        return months
    }

    func testAHalfYearIsItsSixMonthsWithTheLastRoster() throws {
        let tmp = TemporaryFolder()
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(period: "half-year"), months: Self.firstHalf())
        let request = GradedTown.request(root: tmp.path, period: "2026-H1")
        let result: RunResult
        switch MonthRunner.run(request) {
        case .success(let r): result = r
        case .failure(let f): return XCTFail("\(f.diagnostics.map(\.description))")
        }
        XCTAssertEqual(result.files, ["g-2026-H1.xlsx", "g-2026-H1-pay.csv", "g-2026-H1-manifest.json"])
        let book = try WorkbookReader(path: "\(result.directory)/g-2026-H1.xlsx")
        // A: 40 + 20.5 + 30 = 90.5 (优秀); B: 30 − 1.5 = 28.5 (不合格); E joined in June: 61
        // (基本合格). C left in June: his January and May rows are warned about, not counted.
        XCTAssertEqual((1...3).map { Array(book.row("考核汇总", $0).prefix(8)) }, [
            ["1", "A", "甲", "东村", "G1", "90.5", "90.5", "优秀"],
            ["2", "E", "戊", "西村", "G2", "61", "61", "基本合格"],
            ["3", "B", "乙", "东村", "G1", "28.5", "28.5", "不合格"],
        ])
        XCTAssertEqual(book.row("考核汇总", 4), [])
        // (The months without marks are warned about too: a header and no rows.)
        let problems = (1...10).map { book.row("数据问题", $0) }.filter { $0.count > 6 && $0[6].hasPrefix("已不在") }
        XCTAssertEqual(problems.map { Array($0.prefix(3)) }, [["警告", "2026-01/marks.csv", "3"], ["警告", "2026-05/marks.csv", "2"]])
        XCTAssertEqual(problems[0][5], "已不在半年末名册：网格员“C”在 2026-01 的花名册（2026-01/roster.csv）上，但不在半年末名册（2026-06/roster.csv）上；这一行不计入")
        XCTAssertEqual(problems[0][6], "已不在半年末名册：该行未计入")
        let about = (1...30).map { book.row("说明", $0) }.filter { !$0.isEmpty }
        // 31 + 28 + 31 + 30 + 31 + 30 = 181 days.
        XCTAssertTrue(about.contains(["考核期间", "2026-H1（181 天）"]), "\(about)")
        XCTAssertEqual(about.filter { $0[0].hasPrefix("输入 ") }.count, 12)
    }

    func testAYearIsItsTwelveMonthsAndIdsAreUniqueAcrossIt() throws {
        let tmp = TemporaryFolder()
        var months = Self.firstHalf()
        for m in 7...12 { months[String(format: "2026-%02d", m)] = (Self.abe, "") }
        // Record 1 (January) again in December: a duplicate across the year. A December date in
        // November's folder is outside its own month.
        months["2026-11"]!.marks = "20,E,2026-12-01,5,否\n"
        months["2026-12"]!.marks = "1,E,2026-12-02,5,否\n"
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(period: "year"), months: months)
        guard case .failure(let f) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026")) else { return XCTFail("must fail") }
        let dir = "\(tmp.path)/Input/g"
        XCTAssertEqual(f.diagnostics.filter { $0.severity == .error }.map(\.description), [
            "\(dir)/2026-11/marks.csv:2:3: error: 日期 2026-12-01 is outside 2026-11; expected a date from 2026-11-01 to 2026-11-30",
            "\(dir)/2026-12/marks.csv:2:1: error: duplicate 记录 '1': already used at 2026-01/marks.csv:2; expected each to appear once in the year",
            "error: 2 problems in the inputs of g 2026 would change someone's pay; nothing was written. 2 of them are single rows that can be left out on purpose with --accept FILE:LINE (e.g. --accept 2026-11/marks.csv:2)",
        ])
        months["2026-11"]!.marks = "20,E,2026-11-30,5,否\n"
        months["2026-12"]!.marks = "21,E,2026-12-02,5,否\n"
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(period: "year"), months: months)
        guard case .success(let m) = MonthRunner.prepare(GradedTown.request(root: tmp.path, period: "2026")) else { return XCTFail() }
        // E: 61 + 5 + 5 = 71; C left in June (not on December's roster).
        XCTAssertEqual(m.report.workers.map { "\($0.id) \($0.total)" }, ["A 90.5", "E 71", "B 28.5"])
        XCTAssertEqual(try MonthReport.lookup("天数", worker: m.report.workers[0], in: m.scoring), .number(ExactNumber(365)))
    }

    func testAYearWithAMissingMonthIsAnError() throws {
        let tmp = TemporaryFolder()
        var months = Self.firstHalf()
        for m in [7, 8, 10, 12] { months[String(format: "2026-%02d", m)] = (Self.abe, "") }
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(period: "year"), months: months)
        guard case .failure(let f) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026")) else { return XCTFail("must fail") }
        // One cause, one message (SPEC §15): the missing folders named once, the advice said once.
        XCTAssertEqual(f.diagnostics.map(\.description), [
            "error: no inputs for g 2026: 2 month folders (2026-09, 2026-11) are missing from \(tmp.path)/Input/g; a year is read from all twelve of its months: "
                + "the clerk puts each missing month's exports in its month folder. Nothing was written",
        ])
        guard case .failure(let zh) = Language.with(.zh, { MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026")) }) else { return XCTFail("must fail") }
        XCTAssertEqual(zh.diagnostics.map(\.message), [
            "g 2026 没有输入：\(tmp.path)/Input/g 中缺少 2 个月份文件夹（2026-09、2026-11）；一年要读其全部 12 个月的文件夹，请制表人员把缺少月份的导出文件放进对应的月份文件夹。没有写出任何文件",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(tmp.path)/Output/g/2026"))
        // The reader says the same of a folder missing when it reads (a year's history, a test).
        let text = GradedTown.ruleFile(period: "year")
        let loaded = LoadedRules(path: "g.toml", text: text, sha256: "", rules: try RuleLoader.load(text: text, file: "g.toml").get())
        let read = QuarterReader.read(rules: loaded, quarter: CalendarPeriod.parse("2026")!, townDirectory: "\(tmp.path)/Input/g", accepted: [], history: nil)
        XCTAssertEqual(read.problems.map(\.message).first,
                       "the month folder 2026-09 of 2026 is missing (\(tmp.path)/Input/g/2026-09); a year is read from all twelve of its months (2026-01, 2026-02, 2026-03, 2026-04, 2026-05, 2026-06, 2026-07, 2026-08, 2026-09, 2026-10, 2026-11, 2026-12)")
    }

    func testAPeriodOfAnotherKindIsRefusedNamingTheTownsKind() throws {
        let tmp = TemporaryFolder()
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(period: "half-year"), months: Self.firstHalf())
        guard case .failure(let f) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-Q2")) else { return XCTFail("must fail") }
        XCTAssertEqual(f.diagnostics.map(\.message), [
            "g is assessed by half-year (\(tmp.path)/Rules/g.toml: [rules] period = \"half-year\"), so it is run for a half-year, not for 2026-Q2; expected YYYY-Hn, e.g. gridpay run g 2026-H1",
        ])
    }

    func testAHalfYearTestRunsFromItsMonths() throws {
        let test = """
        [[tests]]
        name = "a half-year from six months"
        period = "2026-H2"
        [tests.inputs."2026-07"]
        roster = '''
        编号,姓名,村,网格
        A,甲,东村,G1
        '''
        marks = '''
        记录,编号,日期,分,否决
        1,A,2026-07-01,50,否
        '''
        [tests.inputs."2026-12"]
        roster = '''
        编号,姓名,村,网格
        A,甲,东村,G1
        '''
        marks = '''
        记录,编号,日期,分,否决
        3,A,2026-12-31,25.5,否
        '''
        [tests.expect.A]
        "考核" = 75.5
        "天数" = 184
        """
        let text = GradedTown.ruleFile(period: "half-year", extra: test)
        let loaded = LoadedRules(path: "g.toml", text: text, sha256: "", rules: try RuleLoader.load(text: text, file: "g.toml").get())
        let report = RuleTestRunner.run(loaded)
        XCTAssertEqual(report.failures.map(\.description), [])
        XCTAssertEqual(report.passed, ["a half-year from six months"])
        // A month outside the half-year is named with the six it may be.
        let bad = GradedTown.ruleFile(period: "half-year", extra: test.replacingOccurrences(of: "[tests.inputs.\"2026-12\"]", with: "[tests.inputs.\"2027-01\"]"))
        guard case .failure(let f) = RuleLoader.load(text: bad, file: "g.toml") else { return XCTFail("must fail") }
        XCTAssertEqual(f.diagnostics.map(\.message), [
            "the inputs of a half-year's test are [tests.inputs.\"YYYY-MM\"] for its months (2026-07, 2026-08, 2026-09, 2026-10, 2026-11, 2026-12), found '2027-01'",
        ])
    }
}
