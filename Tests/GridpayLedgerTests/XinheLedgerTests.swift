import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayLedger
@testable import GridpayPipeline

/// SPEC §9 and §17 on the shipped Rules/xinhe.toml with the ledger: what can be closed, and
/// the year reading its closed half-year as published.
///
/// A year of two workers: A (网格长) and B (网格员) all year. Findings: March A 党建 2; May B
/// 统计工作 1.5; August A 综治维稳 1. No forums.
/// 2026-H1: A 党建 8 → 98, B 统计工作 8.5 → 98.5.
/// 2026: A 党建 8, 综治维稳 9 → 97; B 98.5.
final class XinheLedgerTests: XCTestCase {
    struct Year {
        let root = TemporaryFolder()
        var ledgerDir: String { "\(root.path)/Ledger" }

        init() throws {
            let findings: [Int: String] = [
                3: "F1,2026-03-10,A,党建,2,看,台账不全,李督查\n",
                5: "F2,2026-05-12,B,统计工作,1.5,评,月报迟报,王督查\n",
                8: "F3,2026-08-05,A,综治维稳,1,看,纠纷未及时化解,周督查\n",
            ]
            for m in 1...12 {
                let dir = String(format: "\(root.path)/Input/xinhe/2026-%02d", m)
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                try "网格员编号,姓名,村(社区),网格编号,岗位\nA,甲,东苑社区,DY-01,网格长\nB,乙,东苑社区,DY-01,网格员\n"
                    .write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
                try ("督查编号,督查日期,网格员编号,类别,扣分,方式,情况,督查人\n" + (findings[m] ?? ""))
                    .write(toFile: "\(dir)/findings.csv", atomically: true, encoding: .utf8)
                try "座谈会日期,网格员编号,满意,基本满意,不满意\n".write(toFile: "\(dir)/forum.csv", atomically: true, encoding: .utf8)
            }
        }

        func request(_ period: String) -> RunRequest {
            var r = RunRequest(town: "xinhe", period: CalendarPeriod.parse(period)!)
            r.rulesDir = "\(packageRoot)/Rules"
            r.inputDir = "\(root.path)/Input"
            r.outputDir = "\(root.path)/Output"
            return r
        }
    }

    static let at = Date(timeIntervalSince1970: 1_780_000_000)

    /// A quarter's summary (季度汇总) scores, ranks and pays nothing: closing it is refused before
    /// anything is made, saying why and what can be closed.
    func testAQuarterSummaryCannotBeClosed() throws {
        let year = try Year()
        let rules = "\(packageRoot)/Rules/xinhe.toml"
        for (language, expected) in [
            (Language.en, "cannot close xinhe 2026-Q1: a quarter is xinhe's summary period (\(rules): [period_summary] period = \"quarter\"), summarised with no score, rank or pay, so it publishes no results for the ledger; its summary is made by gridpay run xinhe 2026-Q1. What can be closed is the assessment period (a year, e.g. gridpay close xinhe 2026 --by <name>) and its preliminary half-year (e.g. 2026-H1); nothing was recorded"),
            (Language.zh, "不能对 xinhe 2026-Q1 结账：季度是 xinhe 的汇总期间（\(rules)：[period_summary] period = \"quarter\"），只作汇总，不评分、不排名、不计发，没有可公布的结果可记入台账；其汇总表用 gridpay run xinhe 2026-Q1 生成。可以结账的是考核期间（年，如 gridpay close xinhe 2026 --by <姓名>），以及其半年初查（如 2026-H1）；未记录任何内容"),
        ] {
            let result = Language.with(language) { LedgerCommands.close(year.request("2026-Q1"), by: "张三", ledgerDir: year.ledgerDir, now: Self.at) }
            guard case .failure(let refused) = result else { return XCTFail("a quarter's summary was closed") }
            XCTAssertEqual(refused.diagnostics.map(\.message), [expected])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: year.ledgerDir), "nothing is made for a refused close")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(year.root.path)/Output/xinhe/2026-Q1"))
        // The half-year and the year are closed as before.
        for p in ["2026-H1", "2026"] {
            guard case .success = LedgerCommands.close(year.request(p), by: "张三", ledgerDir: year.ledgerDir, now: Self.at) else { return XCTFail("close \(p)") }
        }
    }

    /// The year cannot be closed while its half-year (半年初查) has inputs and is open: closed
    /// after the year, 2026-H1 would be refused as out of order for good. Refused before anything
    /// is recorded; once 2026-H1 is closed, the year closes.
    func testTheYearWaitsForItsHalfYear() throws {
        let year = try Year()
        let folder = "\(year.root.path)/Input/xinhe/2026-01"
        for (language, expected) in [
            (Language.en, "cannot close xinhe 2026: its preliminary period 2026-H1 has inputs (\(folder)) but is not closed; once 2026 is closed 2026-H1 can no longer be closed: close 2026-H1 first"),
            (Language.zh, "不能为 xinhe 2026 结账：其初查期间 2026-H1 有输入（\(folder)）却未结账；2026 结账后就不能再为 2026-H1 结账，请先为 2026-H1 结账"),
        ] {
            let result = Language.with(language) { LedgerCommands.close(year.request("2026"), by: "张三", ledgerDir: year.ledgerDir, now: Self.at) }
            guard case .failure(let refused) = result else { return XCTFail("the year was closed before its half-year") }
            XCTAssertEqual(refused.diagnostics.map(\.message), [expected])
        }
        XCTAssertEqual(try Ledger.openIfPresent(ledgerDir: year.ledgerDir, town: "xinhe")?.closedPeriods() ?? [], [])
        for p in ["2026-H1", "2026"] {
            guard case .success = LedgerCommands.close(year.request(p), by: "张三", ledgerDir: year.ledgerDir, now: Self.at) else { return XCTFail("close \(p)") }
        }
    }

    static let categories = ["网格基本信息", "党建", "计生工作", "综治维稳", "文明创建", "就业社保", "民政工作", "安全生产(消防安全)", "统计工作", "其他工作"]

    /// A row of the year's 考核汇总: 排名, the roster columns, 岗位, the categories, 总分, 满意率
    /// (empty: no forums), 上半年总分.
    func yearRow(_ rank: String, _ id: String, _ name: String, _ post: String, _ scores: [String: String], total: String, h1: String) -> [String] {
        [rank, id, name, "东苑社区", "DY-01", post] + Self.categories.map { scores[$0] ?? "10" } + [total, "", h1]
    }

    /// SPEC §9: the year's 上半年总分 of a closed 2026-H1 is what 2026-H1 published, even when an
    /// input of its months changed afterwards; of an open 2026-H1 it is computed from its inputs.
    /// Here a finding is added to April after 2026-H1 was closed: A 党建 3 more.
    /// Year: A 党建 10 − 2 − 3 = 5, 综治维稳 9 → 94, 排名 2; B 98.5, 排名 1.
    /// 上半年总分 as published: A 98, B 98.5; from the changed inputs A would be 95.
    func testTheYearReadsItsClosedHalfYearAsPublished() throws {
        let year = try Year()
        guard case .success = LedgerCommands.close(year.request("2026-H1"), by: "张三", ledgerDir: year.ledgerDir, now: Self.at) else {
            return XCTFail("close 2026-H1")
        }
        try "督查编号,督查日期,网格员编号,类别,扣分,方式,情况,督查人\nF4,2026-04-09,A,党建,3,听,组织生活会未开,李督查\n"
            .write(toFile: "\(year.root.path)/Input/xinhe/2026-04/findings.csv", atomically: true, encoding: .utf8)
        let expected = [
            yearRow("1", "B", "乙", "网格员", ["统计工作": "8.5"], total: "98.5", h1: "98.5"),
            yearRow("2", "A", "甲", "网格长", ["党建": "5", "综治维稳": "9"], total: "94", h1: "98"),
        ]
        guard case .success(let run) = LedgerCommands.run(year.request("2026"), ledgerDir: year.ledgerDir) else { return XCTFail("run 2026") }
        let book = try WorkbookReader(path: "\(run.directory)/xinhe-2026.xlsx")
        XCTAssertEqual(book.row("考核汇总", 0).suffix(4), ["总分", "满意率", "上半年总分", "备注"])
        XCTAssertEqual([1, 2].map { book.row("考核汇总", $0) }, expected)
        let about = (1...60).map { book.row("说明", $0) }
        let h1Rule = try XCTUnwrap(Ledger.openIfPresent(ledgerDir: year.ledgerDir, town: "xinhe")?.closing(of: "2026-H1")?.ruleSha256)
        XCTAssertTrue(about.contains(["上半年总分", "2026-H1 已结账：各人总分为账本中公布的结果，不重算"]), "\(about)")
        XCTAssertTrue(about.contains(["历史期间 2026-H1", "已结账：读取账本中公布的结果（规则文件 SHA-256 \(h1Rule)）"]), "\(about)")
        let manifest = try String(contentsOfFile: "\(run.directory)/xinhe-2026-manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"2026-H1\""), manifest)

        // explain says it too.
        guard case .success(let setup) = LedgerCommands.explainRequest(year.request("2026"), ledgerDir: year.ledgerDir),
              case .success(let m) = MonthRunner.prepare(setup.request) else { return XCTFail("explain 2026") }
        let a = m.report.workers.first { $0.id == "A" }!
        let text = Explanation.text(worker: a, in: m.scoring, ruleFile: m.ruleFileName, workerCount: 2, preliminaryPublished: m.report.preliminaryPublished)
        XCTAssertEqual(Array(text.components(separatedBy: "\n").suffix(4)), [
            "总分 = 94.0（各项之和）   排名 2 / 2", "上半年总分 = 98.0   (2026-H1 的总分，已结账：账本中公布的结果，不重算)",
            "满意率 空   (显示条件“座谈会票数 > 0”不成立；只显示，不计入总分)", "",
        ])

        // Closed and verified: the re-run from the archive reads 2026-H1 from the ledger again.
        guard case .success = LedgerCommands.close(year.request("2026"), by: "张三", ledgerDir: year.ledgerDir, now: Self.at) else { return XCTFail("close 2026") }
        guard case .success(let verified) = LedgerCommands.verify(town: "xinhe", period: CalendarPeriod.parse("2026")!, inputDir: "\(year.root.path)/Input",
                                                                  ledgerDir: year.ledgerDir) else { return XCTFail("verify 2026") }
        XCTAssertTrue(verified.lines.first?.hasPrefix("xinhe 2026: identical") == true, "\(verified.lines)")

        // Without the ledger (2026-H1 open), 上半年总分 is computed from the inputs as they are now.
        var open = year.request("2026")
        open.outputDir = "\(year.root.path)/Open"
        guard case .success(let recomputed) = MonthRunner.run(open) else { return XCTFail("run 2026 without a ledger") }
        let openBook = try WorkbookReader(path: "\(recomputed.directory)/xinhe-2026.xlsx")
        XCTAssertEqual([1, 2].map { openBook.row("考核汇总", $0) }, [expected[0], Array(expected[1].dropLast()) + ["95"]])
        XCTAssertTrue((1...60).map { openBook.row("说明", $0) }.contains(["上半年总分", "2026-H1 未结账：按其输入计算，同 gridpay run xinhe 2026-H1"]))
    }

    /// compare's 比较 shows 岗位 after the four roster columns (SPEC §17: every sheet shows it).
    /// Candidate: a 党建 finding costs twice its points. 2026-H1: A 党建 10 − 2 × 2 = 6 → 96 (was
    /// 98, 差额 −2), 排名 2 either way; B 98.5 unchanged, 排名 1. No pay: no 实发绩效 columns.
    func testCompareShowsThePost() throws {
        let year = try Year()
        let candidate = "\(year.root.path)/candidate.toml"
        let rules = try String(contentsOfFile: "\(packageRoot)/Rules/xinhe.toml", encoding: .utf8)
        let doubled = rules.replacingOccurrences(of: "when = '类别 == \"党建\"'\n  points = '-扣分'", with: "when = '类别 == \"党建\"'\n  points = '-2 * 扣分'")
        XCTAssertNotEqual(doubled, rules)
        try doubled.write(toFile: candidate, atomically: true, encoding: .utf8)
        guard case .success(let compared) = CompareRunner.run(CompareRequest(run: year.request("2026-H1"), candidate: candidate)) else { return XCTFail("compare") }
        let book = try WorkbookReader(path: compared.path)
        XCTAssertEqual(book.row("比较", 0), ["网格员编号", "姓名", "村(社区)", "网格编号", "岗位", "总分现行", "总分拟议", "总分差额", "排名现行", "排名拟议", "标记或等次变化"]
                       + Self.categories.flatMap { ["\($0)现行", "\($0)拟议", "\($0)差额"] })
        func scores(_ changed: [String: [String]]) -> [String] { Self.categories.flatMap { changed[$0] ?? ["10", "10", "0"] } }
        XCTAssertEqual(book.row("比较", 1), ["B", "乙", "东苑社区", "DY-01", "网格员", "98.5", "98.5", "0", "1", "1", ""] + scores(["统计工作": ["8.5", "8.5", "0"]]))
        XCTAssertEqual(book.row("比较", 2), ["A", "甲", "东苑社区", "DY-01", "网格长", "98", "96", "-2", "2", "2", ""] + scores(["党建": ["8", "6", "-2"]]))
        XCTAssertEqual(book.row("比较", 3), [])
    }
}
