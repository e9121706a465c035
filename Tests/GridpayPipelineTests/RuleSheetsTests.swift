import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// The rule file's own sheets (SheetSpec) from evaluation to workbook: both spellings, both
/// layouts, both placements, on UnitAwardTests' made-up town ("demo").
final class RuleSheetsTests: XCTestCase {
    /// UnitAwardTests' town with its [[sheets]] replaced by these.
    static let sheets = #"""
    [[group_sheets]]
    name = "片区表"
    order = '-group_count(片区)'
    columns = [
      { name = "人数", value = 'group_count(片区)', format = "integer" },
      { name = "均分", value = 'group_mean(片区, 总分)' },
      { name = "满分", value = 'group_min(片区, 总分) == 100' },
    ]

    [[group_sheets]]
    name = "片区简表"
    columns = [
      { name = "人数", value = 'group_count(片区)', format = "integer" },
      { name = "均分", value = 'group_mean(片区, 总分)' },
      { name = "满分", value = 'group_min(片区, 总分) == 100' },
    ]

    [[sheets]]
    name = "片区单位"
      [sheets.units]
      key = '片区'
      label = "片区"
        [[sheets.units.columns]]
        name = "人数"
        value = 'group_count(片区)'
        [[sheets.units.columns]]
        name = "均分"
        value = 'group_mean(片区, 总分)'
        [[sheets.units.columns]]
        name = "满分"
        value = 'group_min(片区, 总分) == 100'

    [[sheets]]
    name = "合计"
      [[sheets.lines]]
      label = "罚款"
      kind = "收入"
      value = 'overall_sum(扣分罚款)'
    """#

    static let rules = String(UnitAwardTests.rules[..<UnitAwardTests.rules.range(of: "[[sheets]]")!.lowerBound]) + sheets

    // C1 loses 0.5 (99.5), D1 loses 120 (100 − 120 floored at 0); everyone else keeps 100.
    // 片区 P1: B1, B2, B3 (3, all 100). P2: B10, B4, B5, B6 (4, all 100). P3: C1, C2, D1 (3):
    // mean (99.5 + 100 + 0) / 3 = 199.5 / 3 = 66.5, min 0.
    static let faults = UnitAwardTests.header + "F1,C1,P3,本人,,0.5\nF2,D1,P3,本人,,120\n"

    func run(rules: String = RuleSheetsTests.rules) throws -> Result<RunResult, PipelineFailure> {
        let tmp = TemporaryFolder()
        keep.append(tmp)
        let dir = "\(tmp.path)/in/demo/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(tmp.path)/rules", withIntermediateDirectories: true)
        try rules.write(toFile: "\(tmp.path)/rules/demo.toml", atomically: true, encoding: .utf8)
        try UnitAwardTests.roster.write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        try Self.faults.write(toFile: "\(dir)/faults.csv", atomically: true, encoding: .utf8)
        var request = RunRequest(town: "demo", period: Period.parse("2026-10")!)
        request.rulesDir = "\(tmp.path)/rules"
        request.inputDir = "\(tmp.path)/in"
        request.outputDir = "\(tmp.path)/out"
        return MonthRunner.run(request)
    }
    var keep: [TemporaryFolder] = []

    func book() throws -> WorkbookReader {
        guard case .success(let result) = try run() else { XCTFail("run failed"); throw XCTSkip("run") }
        return try WorkbookReader(path: "\(result.directory)/demo-2026-10.xlsx")
    }

    func testGroupSheetsFollowThePaySheetAndDeclaredSheetsTheDetails() throws {
        let b = try book()
        XCTAssertEqual(b.sheetOrder, ["考核汇总", "绩效工资", "片区表", "片区简表", "工资条", "统计", "扣分明细", "片区单位", "合计", "数据问题", "说明"])
    }

    func testARowsTableLayoutIsTheSheetsOwnTableOrderedByItsOrderThenTheKey() throws {
        let b = try book()
        // order = −人数: P2 (−4) first; P1 and P3 (−3) tie and go by the key's text, P1 < P3.
        // 均分 in format score (0.00): 66.5 stays 66.5; 人数 format integer.
        XCTAssertEqual((0...3).map { b.row("片区表", $0) }, [
            // the key headed by the roster's group label (the product's: this town names none)
            ["网格编号", "人数", "均分", "满分"],
            ["P2", "4", "100", "是"],
            ["P1", "3", "100", "是"],
            ["P3", "3", "66.5", "否"],
        ])
        // Filters over the header and the three rows; the header row frozen.
        let xml = b.text("xl/worksheets/sheet3.xml")
        XCTAssertTrue(xml.contains(#"<autoFilter ref="A1:D4"/>"#), xml)
        XCTAssertTrue(xml.contains(#"ySplit="1""#), xml)
        XCTAssertEqual(try b.numberFormat("片区表", "B2"), "0")
        XCTAssertEqual(try b.numberFormat("片区表", "C4"), "#,##0.00")
        // Without an order: keys in roster order (P1, P2, P3).
        XCTAssertEqual((1...3).map { b.row("片区简表", $0)[0] }, ["P1", "P2", "P3"])
    }

    func testATotalsFirstLayoutWithoutLinesPutsTheRowsUnderTheTotalsHeader() throws {
        let b = try book()
        // No lines: no blank row; the rows' own header at row 2, rows in roster order, values as
        // computed (a whole number as a count, 66.5 as a score).
        XCTAssertEqual((0...4).map { b.row("片区单位", $0) }, [
            ["项目", "金额(元)", "类别"],
            ["片区", "人数", "均分", "满分"],
            ["P1", "3", "100", "是"],
            ["P2", "4", "100", "是"],
            ["P3", "3", "66.5", "否"],
        ])
        let xml = b.text("xl/worksheets/sheet8.xml")
        XCTAssertFalse(xml.contains("autoFilter"), xml)
        XCTAssertEqual(try b.numberFormat("片区单位", "B3"), "#,##0")
        XCTAssertEqual(try b.numberFormat("片区单位", "C5"), "#,##0.00")
        // Lines only: 扣分罚款 = 10 × (0.5 + 120) = 1205.
        XCTAssertEqual((0...2).map { b.row("合计", $0) }, [["项目", "金额(元)", "类别"], ["罚款", "1205", "收入"], []])
    }

    func testOneEvaluationForBothSpellings() throws {
        let tmp = TemporaryFolder()
        let dir = "\(tmp.path)/in/demo/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try UnitAwardTests.roster.write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        try Self.faults.write(toFile: "\(dir)/faults.csv", atomically: true, encoding: .utf8)
        let rules = try RuleLoader.load(text: Self.rules, file: "demo.toml").get()
        var request = RunRequest(town: "demo", period: Period.parse("2026-10")!)
        request.inputDir = "\(tmp.path)/in"
        let month = try MonthRunner.prepare(request, rules: { _ in .success(LoadedRules(path: "demo.toml", text: Self.rules, sha256: "", rules: rules)) }).get()
        let sheets = month.report.sheets
        XCTAssertEqual(sheets.map(\.spec.name), ["片区表", "片区简表", "片区单位", "合计"])
        func rows(_ k: Int) -> [[String]] { sheets[k].rows.map { [$0.key.description] + $0.cells.map { $0?.description ?? "blank" } } }
        // 片区简表 ([[group_sheets]], no order) and 片区单位 ([sheets.units] keyed by 片区): the
        // same rows (均分 100 and 66.5 need no rounding to 0.00).
        XCTAssertEqual(rows(1), [["P1", "3", "100", "是"], ["P2", "4", "100", "是"], ["P3", "3", "66.5", "否"]])
        XCTAssertEqual(rows(2), rows(1))
        XCTAssertEqual(rows(0).map(\.[0]), ["P2", "P1", "P3"])
        XCTAssertEqual(sheets[3].lines.map { "\($0.kind) \($0.label) \($0.value)" }, ["收入 罚款 1205"])
        XCTAssertEqual(sheets[3].rows.count, 0)
        withExtendedLifetime(tmp) {}
    }

    func testAUnitsColumnMustBeTheSameForEveryWorkerOfTheUnit() throws {
        // Before the two spellings were one model a unit's row showed its first worker's value
        // whatever the others had; now both spellings check every worker of a row.
        // (only the units' column: the group sheets write theirs inline)
        let rules = Self.rules.replacingOccurrences(of: "\n    value = 'group_mean(片区, 总分)'", with: "\n    value = '编号'")
        guard case .failure(let f) = try run(rules: rules) else { return XCTFail("must fail") }
        let line = rules.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("value = '编号'") }! + 1
        XCTAssertEqual(f.diagnostics.map { $0.description.components(separatedBy: "/rules/").last! }, [
            "demo.toml:\(line):14: error: sheet 片区单位: column 均分 differs within 片区 'P1' (B1: B1, B2: B2); a row shows values that are the same for every worker with its key, e.g. group_sum(…) or group_count(…)",
        ])
    }
}

extension WorkbookReader {
    /// The number format of a cell: its style's numFmt in styles.xml (built-in ids by their code).
    func numberFormat(_ sheet: String, _ cell: String) throws -> String {
        let index = try XCTUnwrap(sheetOrder.firstIndex(of: sheet)) + 1
        let xml = text("xl/worksheets/sheet\(index).xml")
        let style = try XCTUnwrap(Self.matches(#"<c r="\#(cell)" s="([0-9]+)""#, in: xml).first?[0], "no style on \(cell)")
        let styles = text("xl/styles.xml")
        let xfs = try XCTUnwrap(Self.matches(#"<cellXfs[^>]*>(.*?)</cellXfs>"#, in: styles).first?[0])
        let ids = Self.matches(#"<xf numFmtId="([0-9]+)""#, in: xfs).map { $0[0] }
        let id = ids[Int(style)!]
        let builtIn = ["0": "General", "1": "0", "2": "0.00", "3": "#,##0", "4": "#,##0.00", "10": "0.00%"]
        if let code = builtIn[id] { return code }
        return try XCTUnwrap(Self.matches(#"<numFmt numFmtId="\#(id)" formatCode="([^"]*)""#, in: styles).first?[0])
    }
}
