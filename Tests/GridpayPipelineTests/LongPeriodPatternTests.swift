import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §16 in a longer period: a table whose `file` is a pattern (`marks-*.csv`) is read from
/// every match in each month's folder, in name order, each row keeping its own file and line;
/// unique keys hold across all of them; a month whose folder has no match is an error.
final class LongPeriodPatternTests: XCTestCase {
    /// QuarterRunTests' quarter with each month's marks split over two files.
    static let months: [String: (roster: String, marks: [String: String])] = [
        "2026-07": (QuarterRunTests.july.0, ["marks-1.csv": "1,A,2026-07-05,30,否\n", "marks-2.csv": "2,D,2026-07-06,50,否\n"]),
        "2026-08": (QuarterRunTests.august.0, ["marks-1.csv": "3,A,2026-08-01,30,否\n4,B,2026-08-02,40,否\n", "marks-2.csv": "5,D,2026-08-03,45,否\n"]),
        "2026-09": (QuarterRunTests.september.0, ["marks-1.csv": "6,A,2026-09-01,30,否\n7,B,2026-09-02,36,否\n",
                                                   "marks-2.csv": "8,B,2026-09-10,-0.5,否\n9,E,2026-09-30,60,否\n"]),
    ]

    func write(_ tmp: TemporaryFolder, _ months: [String: (roster: String, marks: [String: String])]) throws {
        let rules = GradedTown.ruleFile(period: "quarter").replacingOccurrences(of: "file = \"marks.csv\"", with: "file = \"marks-*.csv\"")
        XCTAssertTrue(rules.contains("marks-*.csv"))
        try GradedTown.write(root: tmp.path, rules: rules, months: months.mapValues { (roster: $0.roster, marks: "") })
        for (month, files) in months {
            let dir = "\(tmp.path)/Input/g/\(month)"
            try FileManager.default.removeItem(atPath: "\(dir)/marks.csv")
            for (name, rows) in files.marks {
                try (GradedTown.marksHeader + rows).write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
            }
        }
    }

    func testEachMonthsMatchesAreReadAsTheQuartersRows() throws {
        let tmp = TemporaryFolder()
        try write(tmp, Self.months)
        let request = GradedTown.request(root: tmp.path, period: "2026-Q3")
        guard case .success(let result) = MonthRunner.run(request) else {
            if case .failure(let f) = MonthRunner.run(request) { XCTFail("\(f.diagnostics.map(\.description))") }
            return
        }
        let book = try WorkbookReader(path: "\(result.directory)/g-2026-Q3.xlsx")
        // As in QuarterRunTests: A 30 + 30 + 30 = 90, B 40 + 36 − 0.5 = 75.5, E 60, C 0.
        XCTAssertEqual((1...4).map { Array(book.row("考核汇总", $0).prefix(8)) }, [
            ["1", "A", "甲", "东村", "G1", "90", "90", "优秀"],
            ["2", "B", "乙", "东村", "G1", "75.5", "75.5", "合格"],
            ["3", "E", "戊", "西村", "G2", "60", "60", "基本合格"],
            ["4", "C", "丙", "西村", "G2", "0", "0", "不合格"],
        ])
        // Record 8 is line 2 of September's second file.
        XCTAssertEqual(book.row("扣分明细", 1), ["B", "乙", "考核", "扣分记录 8", "1", "-0.5", "0", "2026-09/marks-2.csv", "2"])
        // D's rows (he left after August), each at its own file and line.
        XCTAssertEqual((1...3).map { Array(book.row("数据问题", $0).prefix(3)) }, [
            ["警告", "2026-07/marks-2.csv", "2"], ["警告", "2026-08/marks-2.csv", "2"], [],
        ])
        let about = (1...30).map { book.row("说明", $0) }.filter { !$0.isEmpty }
        XCTAssertEqual(about.filter { $0[0].hasPrefix("输入 ") }.map { $0[0] }, [
            "输入 2026-07/marks-1.csv", "输入 2026-07/marks-2.csv", "输入 2026-07/roster.csv",
            "输入 2026-08/marks-1.csv", "输入 2026-08/marks-2.csv", "输入 2026-08/roster.csv",
            "输入 2026-09/marks-1.csv", "输入 2026-09/marks-2.csv", "输入 2026-09/roster.csv",
        ])
    }

    /// Record 1 in July's first file, again in July's second and in September's; record 4 twice in
    /// August's first file. In memory and on disk alike.
    func testKeysAreUniqueAcrossEveryFileOfThePeriod() throws {
        let tmp = TemporaryFolder()
        var months = Self.months
        months["2026-07"]!.marks["marks-2.csv"] = "1,A,2026-07-06,5,否\n"
        months["2026-08"]!.marks["marks-1.csv"] = "4,A,2026-08-01,30,否\n4,B,2026-08-02,40,否\n"
        months["2026-09"]!.marks["marks-2.csv"] = "1,B,2026-09-10,1,否\n"
        try write(tmp, months)
        let text = try String(contentsOfFile: "\(tmp.path)/Rules/g.toml", encoding: .utf8)
        let loaded = LoadedRules(path: "g.toml", text: text, sha256: "", rules: try RuleLoader.load(text: text, file: "g.toml").get())
        let scratch = TemporaryFolder()
        func problems(onDisk: Bool) -> [String] {
            QuarterReader.read(rules: loaded, quarter: CalendarPeriod.parse("2026-Q3")!, townDirectory: "\(tmp.path)/Input/g", accepted: [],
                               history: nil, scratch: onDisk ? scratch.path : nil, keysInMemory: 1)
                .problems.filter { $0.kind == .duplicateKey }.map { "\($0.file):\($0.line ?? 0): \($0.message)" }
        }
        let expected = [
            "2026-07/marks-2.csv:2: duplicate 记录 '1': already used at 2026-07/marks-1.csv:2; expected each to appear once in the quarter",
            "2026-08/marks-1.csv:3: duplicate 记录 '4': already used at line 2; expected each to appear once in the quarter",
            "2026-09/marks-2.csv:2: duplicate 记录 '1': already used at 2026-07/marks-1.csv:2; expected each to appear once in the quarter",
        ]
        XCTAssertEqual(problems(onDisk: false), expected)
        XCTAssertEqual(problems(onDisk: true), expected)
    }

    func testAMonthWithoutAMatchIsAnError() throws {
        let tmp = TemporaryFolder()
        var months = Self.months
        months["2026-08"]!.marks = [:]
        try write(tmp, months)
        guard case .failure(let f) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-Q3")) else { return XCTFail("must fail") }
        let errors = f.diagnostics.filter { $0.severity == .error }.map(\.description)
        XCTAssertEqual(errors.first, "\(tmp.path)/Input/g/2026-08/marks-*.csv:1:1: error: no file of the period's folder matches 2026-08/marks-*.csv (the folder holds: roster.csv); the rule file declares it as table 'marks'; expected at least one export named like 2026-08/marks-*.csv")
    }
}
