import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Tables keyed by a group (`group = …`), their completeness checks (`complete`), one value per
/// group (`same_in_group`) and per-row deductions shared by every member, through the month path.
final class GroupTableTests: XCTestCase {
    static let rules = """
    \(TestTown.header("g"))

    \(TestTown.roster(unit: "片区", group: "小组", columns: [#"{ name = "基数", type = "decimal", min = 0 }"#], section: [#"same_in_group = ["片区"]"#]))

    [tables.targets]
    file = "targets.csv"
    group = "组别"
    unique = [["组别", "类别"]]
    complete = "类别"
    columns = [
      { name = "组别", type = "id" },
      { name = "类别", type = "choice", values = ["甲", "乙"] },
      { name = "目标", type = "integer", min = 1 },
    ]

    [tables.notes]
    file = "notes.csv"
    group = "组别"
    complete = true
    columns = [
      { name = "组别", type = "id" },
      { name = "记录", type = "id" },
      { name = "违规", type = "choice", values = ["是", "否"] },
    ]

    [tables.work]
    file = "work.csv"
    worker = "编号"
    columns = [
      { name = "编号", type = "id" },
      { name = "类别", type = "choice", values = ["甲", "乙"] },
    ]

    [values]
    "甲目标" = 'sum(targets, 目标, 类别 == "甲")'
    "目标合计" = 'sum(targets, 目标)'
    "记录数" = 'count(notes)'
    "组甲完成" = 'group_sum(小组, count(work, 类别 == "甲"))'

    [[items]]
    name = "纪律"
    full = 10
      [[items.deductions]]
      table = "notes"
      when = '违规 == "是"'
      points = '-2'
      yuan = '5'
      reason = "违规 {记录}"

    [pay]
    base = '基数'
    score_pay = 'round(基数 * 总分 / 100, 2)'
    """

    static let roster = """
    编号,姓名,片区,小组,基数
    A1,甲一,东,G1,1000
    A2,甲二,东,G1,1000
    B1,乙一,西,G2,1000

    """

    func prepare(_ files: [String: String], spill: Bool = false, rules text: String = GroupTableTests.rules) throws -> Result<PreparedMonth, PipelineFailure> {
        let tmp = TemporaryFolder()
        let dir = "\(tmp.path)/in/g/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let defaults = ["roster.csv": Self.roster, "targets.csv": "组别,类别,目标\n", "notes.csv": "组别,记录,违规\n", "work.csv": "编号,类别\n"]
        for (name, text) in defaults.merging(files, uniquingKeysWith: { $1 }) {
            try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
        }
        guard case .success(let rules) = RuleLoader.load(text: text, file: "g.toml") else { throw XCTSkip("rules") }
        var request = RunRequest(town: "g", period: Period.parse("2026-10")!)
        request.inputDir = "\(tmp.path)/in"
        let loaded = LoadedRules(path: "g.toml", text: text, sha256: "", rules: rules)
        let result = MonthRunner.prepare(request, rules: { _ in .success(loaded) }, spill: spill)
        withExtendedLifetime(tmp) {}
        return result
    }

    static let goodTargets = "组别,类别,目标\nG1,甲,3\nG1,乙,4\nG2,乙,6\nG2,甲,5\n"
    static let goodNotes = "组别,记录,违规\nG1,N1,是\nG2,N2,否\nG1,N3,否\n"

    func testAggregatesOverAGroupTableCoverTheWorkersGroup() throws {
        guard case .success(let month) = try prepare(["targets.csv": Self.goodTargets, "notes.csv": Self.goodNotes,
                                                       "work.csv": "编号,类别\nA1,甲\nA2,甲\nA2,乙\nB1,甲\n"]) else { return XCTFail("prepare") }
        let c = month.scoring
        func value(_ name: String, _ id: String) throws -> Value? {
            try MonthReport.lookup(name, worker: month.report.workers.first { $0.id == id }!, in: c)
        }
        // G1's rows: 甲 3, 乙 4 → 3 and 7 for both members; G2: 5 and 11.
        XCTAssertEqual(try value("甲目标", "A1"), .number(ExactNumber(3)))
        XCTAssertEqual(try value("甲目标", "A2"), .number(ExactNumber(3)))
        XCTAssertEqual(try value("目标合计", "A2"), .number(ExactNumber(7)))
        XCTAssertEqual(try value("目标合计", "B1"), .number(ExactNumber(11)))
        // notes: G1 has lines 2 and 4, G2 line 3.
        XCTAssertEqual(try value("记录数", "A1"), .number(ExactNumber(2)))
        XCTAssertEqual(try value("记录数", "B1"), .number(ExactNumber(1)))
        // A group's services: A1 1 + A2 1 of 甲 = 2 for both; B1 1.
        XCTAssertEqual(try value("组甲完成", "A2"), .number(ExactNumber(2)))
        XCTAssertEqual(try value("组甲完成", "B1"), .number(ExactNumber(1)))
    }

    func testAPerRowDeductionOnAGroupTableAppliesToEveryMember() throws {
        for spill in [false, true] {
            guard case .success(let month) = try prepare(["targets.csv": Self.goodTargets, "notes.csv": Self.goodNotes], spill: spill) else { return XCTFail("prepare") }
            // notes.csv line 2 (G1, 违规 是): 10 − 2 = 8 and 5 yuan for A1 and A2; B1 keeps 10.
            for id in ["A1", "A2"] {
                let w = month.report.workers.first { $0.id == id }!
                XCTAssertEqual(w.items, [ExactNumber(8)], id)
                XCTAssertEqual(w.deductions, ExactNumber(5), id)
                if !spill {
                    XCTAssertEqual(w.records.map { "\($0.reason) \($0.file ?? ""):\($0.line ?? 0) \($0.points)" }, ["违规 N1 notes.csv:2 -2"], id)
                }
            }
            XCTAssertEqual(month.report.workers.first { $0.id == "B1" }!.items, [ExactNumber(10)])
            if spill {
                var lines: [String] = []
                for s in month.deductionSpills { try s.forEach { w, r in lines.append("\(month.scoring.ids[w]) \(r.file ?? ""):\(r.line ?? 0)") } }
                XCTAssertEqual(lines, ["A1 notes.csv:2", "A2 notes.csv:2"])
            }
        }
    }

    func problems(_ files: [String: String]) throws -> [String] {
        switch try prepare(files) {
        case .success: XCTFail("expected problems"); return []
        case .failure(let f): return f.diagnostics.map { $0.description.replacingOccurrences(of: #"^.*/2026-10/"#, with: "", options: .regularExpression) }
        }
    }

    func testGroupKeysMustBeOnTheRosterAndEveryGroupComplete() throws {
        let found = try problems([
            "targets.csv": "组别,类别,目标\nG1,甲,3\nG9,乙,4\nG2,乙,6\nG1,甲,2\n",
            "notes.csv": "组别,记录,违规\nG1,N1,是\n",
        ])
        XCTAssertTrue(found.contains("targets.csv:3:1: error: 组别 'G9' is on no roster row (roster.csv column 小组); expected a 小组 of the roster; did you mean 'G1' or 'G2'?"), "\(found)")
        XCTAssertTrue(found.contains("targets.csv:5:1: error: duplicate 组别 + 类别 'G1, 甲': already used at line 2; expected each to appear once"), "\(found)")
        XCTAssertTrue(found.contains("targets.csv:2:1: error: 小组 'G1' (roster.csv line 2) has no row for 类别 '乙' in targets.csv; expected a row for each of 甲 / 乙"), "\(found)")
        XCTAssertTrue(found.contains("targets.csv:4:1: error: 小组 'G2' (roster.csv line 4) has no row for 类别 '甲' in targets.csv; expected a row for each of 甲 / 乙"), "\(found)")
        XCTAssertTrue(found.contains("notes.csv:1:1: error: 小组 'G2' (roster.csv line 4) has no row in notes.csv; expected a row for every 小组 on the roster"), "\(found)")
        XCTAssertEqual(found.filter { $0.contains("has no row") }.count, 3, "\(found)")
    }

    func testAColumnThatMustBeOneValuePerGroupIsReportedAtTheFirstDifferingMember() throws {
        let found = try problems([
            "roster.csv": "编号,姓名,片区,小组,基数\nA1,甲一,东,G1,1000\nB1,乙一,西,G2,1000\nA2,甲二,东,G1,1000\nA3,甲三,北,G1,1000\nA4,甲四,南,G1,1000\n",
            "targets.csv": Self.goodTargets, "notes.csv": Self.goodNotes,
        ])
        // Reported once per group, at the first member that differs (A3, line 5; A4 is not repeated).
        XCTAssertEqual(found.filter { $0.contains("片区") }, [
            "roster.csv:5:3: error: 片区 is '北', but the first member of 小组 'G1' (line 2) gives '东'; expected one 片区 per 小组",
        ])
    }

    /// Rule-file mistakes around group tables point at the rule file's line and column.
    func testRuleFileMistakesAreReportedWhereTheyAre() {
        func errors(_ from: String, _ to: String) -> [String] {
            let text = Self.rules.replacingOccurrences(of: from, with: to)
            XCTAssertNotEqual(text, Self.rules)
            guard case .failure(let f) = RuleLoader.load(text: text, file: "g.toml") else { XCTFail("loads"); return [] }
            return f.diagnostics.map(\.description)
        }
        func line(_ needle: String, in text: String = GroupTableTests.rules) -> Int {
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
        }
        XCTAssertEqual(errors("complete = \"类别\"", "complete = \"目标\""),
                       ["g.toml:\(line("complete = \"类别\"")):13: error: complete names '目标', which is not a choice column of targets; every group needs a row for every value of a choice column"])
        // A table may declare both worker and group (a row of a group naming one worker, or none):
        // see MixedTableTests.
        XCTAssertEqual(errors("group = \"组别\"\ncomplete = true", "complete = true"),
                       ["g.toml:\(line("complete = true") - 1):12: error: complete applies to a table keyed by group; declare group = \"<column>\" in [tables.notes]",
                        "g.toml:\(line("[tables.notes]")):9: error: table notes needs 'worker = \"<column>\"' (the column that names the worker each row belongs to) or 'group = \"<column>\"' (the column that names the group, matched against [roster] group)"])
        XCTAssertEqual(errors("same_in_group = [\"片区\"]", "same_in_group = [\"片\"]\nlabels = [\"编号\"]"),
                       ["g.toml:\(line("same_in_group")):19: error: [roster] same_in_group names '片', which is not a column of table roster; did you mean '片区'?",
                        "g.toml:\(line("same_in_group") + 1):10: error: labels lists the sheets' four roster column labels: [id, name, unit, group], e.g. [\"网格员编号\", \"姓名\", \"村(社区)\", \"网格编号\"]"])
    }

    /// [roster] labels replace the product's four roster column labels on every sheet.
    func testTheRosterLabelsOfTheRuleFileHeadEverySheet() throws {
        let text = Self.rules.replacingOccurrences(of: "same_in_group = [\"片区\"]", with: "same_in_group = [\"片区\"]\nlabels = [\"人员号\", \"名字\", \"站\", \"队\"]")
        guard case .success(let month) = try prepare(["targets.csv": Self.goodTargets, "notes.csv": Self.goodNotes], spill: true, rules: text) else { return XCTFail("prepare") }
        let tmp = TemporaryFolder()
        try WorkbookWriter(month: month).write(to: "\(tmp.path)/g.xlsx")
        let book = try WorkbookReader(path: "\(tmp.path)/g.xlsx")
        XCTAssertEqual(Array(book.row("考核汇总", 0).prefix(5)), ["排名", "人员号", "名字", "站", "队"])
        XCTAssertEqual(Array(book.row("绩效工资", 0).prefix(4)), ["人员号", "名字", "站", "队"])
        XCTAssertEqual(Array(book.row("扣分明细", 0).prefix(3)), ["人员号", "名字", "考核项目"])
        XCTAssertEqual(book.row("扣分明细", 1), ["A1", "甲一", "纪律", "违规 N1", "1", "-2", "5", "notes.csv", "2"])
        try PayCSV.write(month, to: "\(tmp.path)/g.csv")
        let csv = try String(contentsOfFile: "\(tmp.path)/g.csv", encoding: .utf8)
        XCTAssertTrue(csv.replacingOccurrences(of: "\u{FEFF}", with: "").hasPrefix("\"人员号\",\"名字\",\"站\",\"队\","), csv)
    }

    static let sheetRules = rules.replacingOccurrences(of: "[[items]]", with: """
    "完成率均值" = 'mean_each(targets, 类别, min(1, group_sum(小组, count(work, 类别 == each)) / sum(targets, 目标, 类别 == each)))'
    "组排名" = 'group_rank(小组, 完成率均值)'

    [summary]
    columns = [
      { name = "完成率", value = '完成率均值', format = "percent" },
      { name = "有记录", value = '记录数 > 0' },
      { name = "记录", value = '记录数', format = "integer", when = '记录数 > 1' },
    ]

    [[group_sheets]]
    name = "小组考核"
    order = '组排名'
    columns = [
      { name = "片区", value = '片区' },
      { name = "人数", value = 'group_count(小组)', format = "integer" },
      { name = "完成率", value = '完成率均值', format = "percent" },
      { name = "小组排名", value = '组排名', format = "integer" },
    ]

    [[items]]
    """)

    static let fourWorkers: [String: String] = [
        "roster.csv": "编号,姓名,片区,小组,基数\nA1,甲一,东,G1,1000\nA2,甲二,东,G1,1000\nC1,丙一,北,G3,1000\nB1,乙一,西,G2,1000\n",
        "targets.csv": "组别,类别,目标\nG1,甲,3\nG1,乙,4\nG2,甲,5\nG2,乙,6\nG3,甲,5\nG3,乙,6\n",
        "notes.csv": "组别,记录,违规\nG1,N1,否\nG2,N2,否\nG3,N3,否\nG1,N4,否\n",
        "work.csv": "编号,类别\nA1,甲\nA2,甲\nA2,乙\nB1,甲\nC1,甲\n",
    ]

    /// mean_each() over a choice column's values, group_rank() over groups, [summary] columns
    /// and a [[group_sheets]] sheet.
    func testMeanOverTheKeysOfAGroupGroupRankAndGroupSheet() throws {
        guard case .success(let month) = try prepare(Self.fourWorkers, spill: true, rules: Self.sheetRules) else { return XCTFail("prepare") }
        let c = month.scoring
        func value(_ name: String, _ id: String) throws -> Value? {
            try MonthReport.lookup(name, worker: month.report.workers.first { $0.id == id }!, in: c)
        }
        // G1: 甲 done 2 of 3, 乙 1 of 4 → (2/3 + 1/4) / 2 = 11/24. G2 and G3: 甲 1 of 5, 乙 0 of 6 → 1/10.
        XCTAssertEqual(try value("完成率均值", "A2"), .number(try ExactNumber(numerator: 11, denominator: 24)))
        XCTAssertEqual(try value("完成率均值", "B1"), .number(try ExactNumber(numerator: 1, denominator: 10)))
        // Groups ranked once each: G1 1, G2 and G3 share 2 (a rank over workers would give 3).
        XCTAssertEqual(try ["A1", "A2", "B1", "C1"].map { try value("组排名", $0) }, [1, 1, 2, 2].map { .number(ExactNumber($0)) })
        let tmp = TemporaryFolder()
        try WorkbookWriter(month: month).write(to: "\(tmp.path)/g.xlsx")
        let book = try WorkbookReader(path: "\(tmp.path)/g.xlsx")
        XCTAssertEqual(book.sheetOrder, ["考核汇总", "绩效工资", "小组考核", "工资条", "统计", "扣分明细", "数据问题", "说明"])
        XCTAssertEqual(Array(book.row("考核汇总", 0).suffix(4)), ["完成率", "有记录", "记录", "备注"])
        // 11/24 = 0.458333… is written 0.4583 (shown 45.83%); 记录 is blank where 记录数 ≤ 1.
        let a1 = try XCTUnwrap((1...4).map { book.row("考核汇总", $0) }.first { $0[1] == "A1" })
        XCTAssertEqual(Array(a1.suffix(3)), ["0.4583", "是", "2"])
        let b1 = try XCTUnwrap((1...4).map { book.row("考核汇总", $0) }.first { $0[1] == "B1" })
        // (the reader drops trailing blank cells: 记录 and 备注 are blank)
        XCTAssertEqual(Array(b1.suffix(2)), ["0.1", "是"])
        XCTAssertEqual(b1.count, book.row("考核汇总", 0).count - 2)
        XCTAssertTrue(book.text("xl/styles.xml").contains("0.00%"))
        XCTAssertEqual(book.row("小组考核", 0), ["网格编号", "片区", "人数", "完成率", "小组排名"])
        XCTAssertEqual((1...3).map { book.row("小组考核", $0) }, [
            ["G1", "东", "2", "0.4583", "1"],
            ["G2", "西", "1", "0.1", "2"],
            ["G3", "北", "1", "0.1", "2"],
        ])
    }

    func testAGroupSheetColumnMustBeTheSameForEveryMember() throws {
        let rules = Self.sheetRules.replacingOccurrences(of: "{ name = \"片区\", value = '片区' },", with: "{ name = \"编号\", value = '编号' },")
        guard case .failure(let f) = try prepare(Self.fourWorkers, rules: rules) else { return XCTFail("must fail") }
        let line = rules.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("{ name = \"编号\", value") }! + 1
        XCTAssertEqual(f.diagnostics.map(\.description), [
            "g.toml:\(line):3: error: sheet 小组考核: column 编号 differs within group 'G1' (A1: A1, A2: A2); a group sheet shows values that are the same for every member, e.g. group_sum(…)",
        ])
    }

    func testEachIsOnlyDefinedInsideAnEachFunction() {
        let text = Self.sheetRules.replacingOccurrences(of: "\"组排名\" = 'group_rank(小组, 完成率均值)'", with: "\"组排名\" = 'count(work, 类别 == each)'\n\"坏\" = 'mean_each(work, 编号, 1)'")
        guard case .failure(let f) = RuleLoader.load(text: text, file: "g.toml") else { return XCTFail("loads") }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("\"组排名\"") }! + 1
        XCTAssertEqual(f.diagnostics.map(\.description).filter { $0.contains("each") }, [
            "g.toml:\(line):28: error: 'each' stands for a value of a choice column only inside mean_each(), sum_each(), min_each() or max_each()",
            "g.toml:\(line + 1):24: error: the second argument of mean_each() must be a choice column of work (类别); it goes over that column's values",
        ])
    }
}
