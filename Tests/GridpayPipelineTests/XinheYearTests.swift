import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §17 on the shipped Rules/xinhe.toml, worked out by hand for a small roster over 2026:
///
/// Rosters: January–May A (网格长), B (网格员), C (片区负责人); C leaves after May and D
/// (片区负责人) joins in June; E (网格员) joins in October.
/// Findings: January A 党建 6, C 民政工作 2; March B 统计工作 1.5; June A 党建 5, D 就业社保 1.5;
/// August B 综治维稳 2; November E 文明创建 0.5, A 安全生产(消防安全) 1.
/// Forums: February A 8/1/1, B 1/1/1; September A 2/0/0, D 3/0/1.
///
/// 2026-H1 (June's roster: A, B, D): A 党建 10 − 6 − 5 → 0 (1 point not taken) → 90, 满意率
/// 8 / 10 = 80.0%; B 统计工作 8.5 → 98.5, 1 / 3 = 33.3%; D 就业社保 8.5 → 98.5, no votes (empty).
/// B and D tie at 98.5: both 1 (B listed first by id), A 3. C's January finding is a warning.
/// 2026 (December's roster: A, B, D, E): A 党建 0, 安全生产(消防安全) 9 → 89, (8 + 2) / (10 + 2)
/// = 83.3%; B 8.5 + 8 → 96.5, 33.3%; D 98.5, 3 / 4 = 75.0%; E 文明创建 9.5 → 99.5, no votes.
/// 排名 E 1, D 2, B 3, A 4; 上半年总分 A 90, B 98.5, D 98.5, E empty (not on June's roster).
/// 2026-Q1 (March's roster: A, B, C): points lost A 党建 6, B 统计工作 1.5, C 民政工作 2; one
/// finding each.
final class XinheYearTests: XCTestCase {
    static let categories = ["网格基本信息", "党建", "计生工作", "综治维稳", "文明创建", "就业社保", "民政工作", "安全生产(消防安全)", "统计工作", "其他工作"]

    func writeYear(_ root: String, skipping skipped: Set<Int> = []) throws {
        let abc = "A,甲,东苑社区,DY-01,网格长\nB,乙,东苑社区,DY-01,网格员\nC,丙,西苑社区,XY-01,片区负责人\n"
        let abd = "A,甲,东苑社区,DY-01,网格长\nB,乙,东苑社区,DY-01,网格员\nD,丁,西苑社区,XY-01,片区负责人\n"
        let findings: [Int: String] = [
            1: "F1,2026-01-08,A,党建,6,听,三会一课记录缺失,李督查\nF2,2026-01-20,C,民政工作,2,看,低保台账不全,王督查\n",
            3: "F3,2026-03-12,B,统计工作,1.5,评,\"人口变动表\"\"漏填\"\"\",王督查\n",
            6: "F4,2026-06-03,A,党建,5,议,\"党员活动室未开放,台账不全\",李督查\nF5,2026-06-15,D,就业社保,1.5,听,就业登记未更新,李督查\n",
            8: "F6,2026-08-05,B,综治维稳,2,看,矛盾纠纷未及时化解,周督查\n",
            11: "F7,2026-11-02,E,文明创建,0.5,看,门前三包落实不到位,周督查\nF8,2026-11-20,A,安全生产(消防安全),1,看,消防通道堵塞,周督查\n",
        ]
        let forum: [Int: String] = [2: "2026-02-25,A,8,1,1\n2026-02-25,B,1,1,1\n", 9: "2026-09-10,A,2,0,0\n2026-09-11,D,3,0,1\n"]
        for m in 1...12 where !skipped.contains(m) {
            let dir = String(format: "\(root)/Input/xinhe/2026-%02d", m)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let roster = m <= 5 ? abc : m < 10 ? abd : abd + "E,戊,西苑社区,XY-02,网格员\n"
            try ("网格员编号,姓名,村(社区),网格编号,岗位\n" + roster).write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
            try ("督查编号,督查日期,网格员编号,类别,扣分,方式,情况,督查人\n" + (findings[m] ?? "")).write(toFile: "\(dir)/findings.csv", atomically: true, encoding: .utf8)
            try ("座谈会日期,网格员编号,满意,基本满意,不满意\n" + (forum[m] ?? "")).write(toFile: "\(dir)/forum.csv", atomically: true, encoding: .utf8)
        }
    }

    func run(_ root: String, _ period: String) throws -> (RunResult, WorkbookReader) {
        var request = RunRequest(town: "xinhe", period: CalendarPeriod.parse(period)!)
        request.rulesDir = "\(packageRoot)/Rules"
        request.inputDir = "\(root)/Input"
        request.outputDir = "\(root)/Output"
        switch MonthRunner.run(request) {
        case .success(let r): return (r, try WorkbookReader(path: "\(r.directory)/xinhe-\(period).xlsx"))
        case .failure(let f): throw NSError(domain: f.diagnostics.map(\.description).joined(separator: "\n"), code: 1)
        }
    }

    /// A row of 考核汇总 as its cells: 排名, the roster columns, 岗位, the ten categories, 总分,
    /// 满意率 (and 上半年总分), 备注.
    func row(_ rank: String, _ id: String, _ post: String, lost: [String: String], total: String, rate: String, rest: [String]) -> [String] {
        let names = ["A": ("甲", "东苑社区", "DY-01"), "B": ("乙", "东苑社区", "DY-01"), "D": ("丁", "西苑社区", "XY-01"), "E": ("戊", "西苑社区", "XY-02")]
        let (name, unit, grid) = names[id]!
        var cells = [rank, id, name, unit, grid, post] + Self.categories.map { lost[$0] ?? "10" } + [total, rate] + rest
        while cells.last == "" { cells.removeLast() }   // the reader stops at the last cell written
        return cells
    }

    func testHalfYearAndYearOfXinhe() throws {
        let tmp = TemporaryFolder()
        try writeYear(tmp.path)
        let (h1, book) = try run(tmp.path, "2026-H1")
        XCTAssertEqual(h1.files, ["xinhe-2026-H1.xlsx", "xinhe-2026-H1-manifest.json"])
        XCTAssertEqual(book.sheetOrder, ["考核汇总", "统计", "扣分明细", "数据问题", "说明"])
        XCTAssertEqual(book.row("考核汇总", 0), ["排名", "网格员编号", "姓名", "村(社区)", "网格编号", "岗位"] + Self.categories + ["总分", "满意率", "备注"])
        XCTAssertEqual((1...4).map { book.row("考核汇总", $0) }, [
            row("1", "B", "网格员", lost: ["统计工作": "8.5"], total: "98.5", rate: "0.333", rest: []),
            row("1", "D", "片区负责人", lost: ["就业社保": "8.5"], total: "98.5", rate: "", rest: []),
            row("3", "A", "网格长", lost: ["党建": "0"], total: "90", rate: "0.8", rest: []),
            [],
        ])
        // 满意率 is a number cell shown as a percentage to 0.1%.
        XCTAssertTrue(book.text("xl/styles.xml").contains("formatCode=\"0.0%\""))
        // 扣分明细 (岗位 after 姓名, SPEC §17: every sheet shows it): A's two 党建 findings, −6 and
        // −5, and the point the floor does not take (no file, no line). xinhe has no pay, so
        // no 扣款(元) column (SPEC §17: nothing about pay is invented).
        XCTAssertEqual(book.row("扣分明细", 0), ["网格员编号", "姓名", "岗位", "考核项目", "扣分原因", "次数", "扣分", "来源文件", "行号"])
        let details = (1...8).map { book.row("扣分明细", $0) }.filter { $0.first == "A" }
        XCTAssertEqual(details, [
            ["A", "甲", "网格长", "党建", "督查（听）三会一课记录缺失〔F1，李督查〕", "1", "-6", "2026-01/findings.csv", "2"],
            ["A", "甲", "网格长", "党建", "督查（议）党员活动室未开放,台账不全〔F4，李督查〕", "1", "-5", "2026-06/findings.csv", "2"],
            ["A", "甲", "网格长", "党建", "本项不低于 0，超出部分不计", "1", "1"],
        ])
        let problems = (1...12).map { book.row("数据问题", $0) }.filter { $0.count > 6 && $0[6].hasPrefix("已不在") }
        XCTAssertEqual(problems.map { Array($0.prefix(3)) + [$0[6]] }, [["警告", "2026-01/findings.csv", "3", "已不在半年末名册：该行未计入"]])

        let (year, ybook) = try run(tmp.path, "2026")
        XCTAssertEqual(year.files, ["xinhe-2026.xlsx", "xinhe-2026-manifest.json"])
        XCTAssertEqual(ybook.row("考核汇总", 0).suffix(4), ["总分", "满意率", "上半年总分", "备注"])
        XCTAssertEqual((1...5).map { ybook.row("考核汇总", $0) }, [
            row("1", "E", "网格员", lost: ["文明创建": "9.5"], total: "99.5", rate: "", rest: []),
            row("2", "D", "片区负责人", lost: ["就业社保": "8.5"], total: "98.5", rate: "0.75", rest: ["98.5"]),
            row("3", "B", "网格员", lost: ["统计工作": "8.5", "综治维稳": "8"], total: "96.5", rate: "0.333", rest: ["98.5"]),
            row("4", "A", "网格长", lost: ["党建": "0", "安全生产(消防安全)": "9"], total: "89", rate: "0.833", rest: ["90"]),
            [],
        ])
        let yproblems = (1...40).map { ybook.row("数据问题", $0) }.filter { $0.count > 6 && $0[6].hasPrefix("已不在") }
        XCTAssertEqual(yproblems.map { Array($0.prefix(3)) + [$0[6]] }, [["警告", "2026-01/findings.csv", "3", "已不在年末名册：该行未计入"]])
    }

    /// explain of the year: after 总分 and 排名, 上半年总分 and where it comes from (2026-H1 is
    /// not closed: its inputs), then 满意率 with the votes it reads; E, not on June's roster, has
    /// no 上半年总分, and no votes, so no 满意率. E's whole text: nine categories
    /// at 10, 文明创建 9.5 through F7 (2026-11/findings.csv line 2), 总分 99.5, 排名 1 of 4.
    func testExplainOfTheYearShowsTheHalfYearsTotal() throws {
        let tmp = TemporaryFolder()
        try writeYear(tmp.path)
        var request = RunRequest(town: "xinhe", period: CalendarPeriod.parse("2026")!)
        request.rulesDir = "\(packageRoot)/Rules"
        request.inputDir = "\(tmp.path)/Input"
        guard case .success(let m) = MonthRunner.prepare(request) else { return XCTFail("prepare 2026") }
        func explain(_ id: String) -> [String] {
            let w = m.report.workers.first { $0.id == id }!
            return Explanation.text(worker: w, in: m.scoring, ruleFile: m.ruleFileName, workerCount: m.report.workers.count,
                                    preliminaryPublished: m.report.preliminaryPublished).components(separatedBy: "\n")
        }
        XCTAssertEqual(m.report.preliminaryPublished, [false])
        // 满意率 is shown, not scored (SPEC §17): A's forums give 10 满意 of 12 votes, 83.3%.
        let forums = (1...12).map { String(format: "2026-%02d/forum.csv", $0) }.joined(separator: ", ")
        XCTAssertEqual(Array(explain("A").suffix(6)), [
            "总分 = 89.0（各项之和）   排名 4 / 4",
            "上半年总分 = 90.0   (2026-H1 的总分，未结账：按其输入计算，同 gridpay run xinhe 2026-H1)",
            "满意率 = 83.3%   (满意票 / 座谈会票数；只显示，不计入总分)",
            "    满意票 = sum(forum, 满意) = 10   [\(forums)]",
            "    座谈会票数 = sum(forum, 满意 + 基本满意 + 不满意) = 12   [\(forums)]",
            "",
        ])
        var e = ["新河路街道 2026 — E 戊（西苑社区，网格 XY-02）", "规则 xinhe.toml，版本 2026.2；名册第 5 行", ""]
        for c in Self.categories {
            e += c == "文明创建" ? ["文明创建 = 9.5", "  满分 10", "  -0.5 督查（看）门前三包落实不到位〔F7，周督查〕   [2026-11/findings.csv:2]"] : ["\(c) = 10.0", "  满分 10"]
            e.append("  (不低于 0)")
        }
        e += ["", "总分 = 99.5（各项之和）   排名 1 / 4", "上半年总分 空   (2026-H1 末月 2026-06 的名册上没有此人)",
              "满意率 空   (显示条件“座谈会票数 > 0”不成立；只显示，不计入总分)", ""]
        XCTAssertEqual(explain("E"), e)
        // How to run the half-year is said in the asker's words (the console's button, issue 20.5).
        var buttons = CommandWords.commandLine
        buttons.run = "「运行」"
        let a = m.report.workers.first { $0.id == "A" }!
        let console = Explanation.text(worker: a, in: m.scoring, ruleFile: m.ruleFileName, workerCount: m.report.workers.count,
                                       preliminaryPublished: m.report.preliminaryPublished, words: buttons)
        XCTAssertEqual(console.components(separatedBy: "\n").first { $0.hasPrefix("上半年总分") },
                       "上半年总分 = 90.0   (2026-H1 的总分，未结账：按其输入计算，同 「运行」 xinhe 2026-H1)")
    }

    /// explain of a quarter (qa G5, SPEC §17): the summary's columns with their formulas and
    /// the findings they read (file:line), no 总分, no 排名.
    func testExplainOfAQuarterExplainsItsSummaryWithoutScoreOrRank() throws {
        let tmp = TemporaryFolder()
        try writeYear(tmp.path)
        var request = RunRequest(town: "xinhe", period: CalendarPeriod.parse("2026-Q1")!)
        request.rulesDir = "\(packageRoot)/Rules"
        request.inputDir = "\(tmp.path)/Input"
        guard case .success(let m) = MonthRunner.prepare(request) else { return XCTFail("prepare 2026-Q1") }
        let w = m.report.workers.first { $0.id == "A" }!
        let text = Language.with(.zh) { Explanation.text(worker: w, in: m.scoring, ruleFile: m.ruleFileName, workerCount: m.report.workers.count) }
        // A's one finding of Q1: F1, 党建 6 points (2026-01/findings.csv line 2); the rest 0.
        let files = "[2026-01/findings.csv, 2026-02/findings.csv, 2026-03/findings.csv]"
        var e = ["新河路街道 2026-Q1 — A 甲（东苑社区，网格 DY-01）", "规则 xinhe.toml，版本 2026.2；名册第 2 行", "",
                 "2026-Q1 是汇总期：只汇总各类别扣分和督查次数，不评分、不排名（无总分、无排名）"]
        for c in Self.categories {
            let sum = "sum(findings, 扣分, 类别 == \"\(c)\")"
            e += ["\(c) = \(c == "党建" ? "6.00" : "0.00")   (\(sum))", "    \(sum) = \(c == "党建" ? 6 : 0)   \(files)"]
        }
        e += ["督查次数 = 1   (督查次数)", "    督查次数 = count(findings) = 1   \(files)", "",
              "本期督查发现 1 条：", "  党建 -6 督查（听）三会一课记录缺失〔F1，李督查〕   [2026-01/findings.csv:2]", ""]
        XCTAssertEqual(text.components(separatedBy: "\n"), e)
        XCTAssertFalse(text.contains("总分 =") || text.contains("排名 "), text)
        XCTAssertEqual(Language.with(.zh) { ExplainMessages.summaryPeriod("2026-Q1") }, "2026-Q1 是汇总期：只汇总各类别扣分和督查次数，不评分、不排名（无总分、无排名）")
        XCTAssertEqual(Language.with(.en) { ExplainMessages.summaryPeriod("2026-Q1") },
                       "2026-Q1 is a summary period: points lost per category and the number of findings only, no score and no rank")
        XCTAssertEqual(Language.with(.zh) { ExplainMessages.summaryFindings(2) }, "本期督查发现 2 条：")
        XCTAssertEqual(Language.with(.en) { ExplainMessages.summaryFindings(2) }, "2 findings in the period:")
    }

    func testAQuarterIsSummarisedWithoutScoreOrRank() throws {
        let tmp = TemporaryFolder()
        try writeYear(tmp.path)
        let (q1, book) = try run(tmp.path, "2026-Q1")
        XCTAssertEqual(q1.files, ["xinhe-2026-Q1.xlsx", "xinhe-2026-Q1-manifest.json"])
        XCTAssertEqual(book.sheetOrder, ["季度汇总", "扣分明细", "数据问题", "说明"])
        XCTAssertEqual(book.row("季度汇总", 0), ["网格员编号", "姓名", "村(社区)", "网格编号", "岗位"] + Self.categories + ["督查次数"])
        func lost(_ category: String, _ points: String) -> [String] { Self.categories.map { $0 == category ? points : "0" } }
        XCTAssertEqual((1...4).map { book.row("季度汇总", $0) }, [
            ["A", "甲", "东苑社区", "DY-01", "网格长"] + lost("党建", "6") + ["1"],
            ["B", "乙", "东苑社区", "DY-01", "网格员"] + lost("统计工作", "1.5") + ["1"],
            ["C", "丙", "西苑社区", "XY-01", "片区负责人"] + lost("民政工作", "2") + ["1"],
            [],
        ])
        // 扣分明细 with 岗位: C's January finding, line 3 of 2026-01/findings.csv.
        XCTAssertEqual((1...4).map { book.row("扣分明细", $0) }.filter { $0.first == "C" }, [
            ["C", "丙", "片区负责人", "民政工作", "督查（看）低保台账不全〔F2，王督查〕", "1", "-2", "2026-01/findings.csv", "3"],
        ])
    }

    func testAYearWithAMissingMonthAndAPeriodXinheIsNotRunFor() throws {
        let tmp = TemporaryFolder()
        try writeYear(tmp.path, skipping: [4])
        XCTAssertThrowsError(try run(tmp.path, "2026")) { e in
            XCTAssertEqual((e as NSError).domain, [
                "error: no inputs for xinhe 2026: the month folder 2026-04 is missing from \(tmp.path)/Input/xinhe; a year is read from all twelve of its months: "
                    + "the clerk puts each missing month's exports in its month folder. Nothing was written",
            ].joined(separator: "\n"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(tmp.path)/Output/xinhe/2026"))
        // The second half-year is not run on its own: the year is.
        XCTAssertThrowsError(try run(tmp.path, "2026-H2")) { e in
            XCTAssertEqual((e as NSError).domain, "error: xinhe is assessed by year (\(packageRoot)/Rules/xinhe.toml: [rules] period = \"year\"), so it is run for a year, not for 2026-H2; expected YYYY, e.g. gridpay run xinhe 2026; it is also run for its preliminary half-year (e.g. 2026-H1) and a quarter's summary (YYYY-Qn)")
        }
    }

    /// qa G10: a town without [pay] refused for its inputs says they would change the assessment,
    /// never pay (SPEC §17: nothing about pay is invented). A finding of February in January's folder.
    func testARefusalOfATownWithoutPaySaysAssessmentNotPay() throws {
        let tmp = TemporaryFolder()
        try writeYear(tmp.path)
        let january = "\(tmp.path)/Input/xinhe/2026-01/findings.csv"
        try (try String(contentsOfFile: january, encoding: .utf8) + "F9,2026-02-10,B,党建,1,看,记录不全,李督查\n")
            .write(toFile: january, atomically: true, encoding: .utf8)
        let last = { (language: Language) -> String? in
            Language.with(language) {
                guard case .failure(let f) = MonthRunner.run(XinheYearTests.request(tmp.path, "2026-H1")) else { return nil }
                return f.diagnostics.last?.message
            }
        }
        XCTAssertEqual(last(.en), "1 problem in the inputs of xinhe 2026-H1 would change someone's assessment; nothing was written. "
                       + "1 of them is a single row that can be left out on purpose with --accept FILE:LINE (e.g. --accept 2026-01/findings.csv:4)")
        XCTAssertEqual(last(.zh), "xinhe 2026-H1 的输入中有 1 个问题会影响某人的考核结果；没有写出任何文件。"
                       + "其中 1 个是单独的一行，确认无误后可用 --accept 文件:行号 有意剔除（如 --accept 2026-01/findings.csv:4）")
    }

    static func request(_ root: String, _ period: String) -> RunRequest {
        var request = RunRequest(town: "xinhe", period: CalendarPeriod.parse(period)!)
        request.rulesDir = "\(packageRoot)/Rules"
        request.inputDir = "\(root)/Input"
        request.outputDir = "\(root)/Output"
        return request
    }
}
