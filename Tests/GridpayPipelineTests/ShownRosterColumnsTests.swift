import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// `[roster] show` on the pay sheets (SPEC §17: every sheet shows 岗位): 绩效工资 and each 工资条
/// carry the shown columns after the four roster columns; the pay CSV keeps its columns.
///
/// A (网格长) loses 2.5 of 10 in March: 总分 7.5, 考核绩效 = 1000 × 7.5 / 10 = 750.00; B (网格员)
/// 10 → 1000.00. 东村's 小计: base 2000, 考核绩效 1750, 实发绩效 1750.
final class ShownRosterColumnsTests: XCTestCase {
    static let rules = """
    [rules]
    town = "sp"
    version = "1"
    effective_from = "2026-01"

    [tables.roster]
    file = "roster.csv"
    columns = [
      { name = "编号", type = "id" },
      { name = "姓名", type = "text" },
      { name = "村", type = "text" },
      { name = "网格", type = "id" },
      { name = "岗位", type = "text" },
    ]

    [tables.marks]
    file = "marks.csv"
    worker = "编号"
    unique = ["记录"]
    columns = [
      { name = "记录", type = "id" },
      { name = "编号", type = "id" },
      { name = "日期", type = "date" },
      { name = "分", type = "decimal", places = 2 },
    ]

    [roster]
    table = "roster"
    id = "编号"
    name = "姓名"
    unit = "村"
    group = "网格"
    show = ["岗位"]

    [[items]]
    name = "考核"
    full = 10
    min = 0
      [[items.deductions]]
      table = "marks"
      points = '-分'
      reason = "记录 {记录}"

    [pay]
    base = '1000'
    score_pay = 'round(1000 * 总分 / 10, 2)'
    """

    func testThePaySheetsShowThePost() throws {
        let root = TemporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: "\(root.path)/Rules", withIntermediateDirectories: true)
        try Self.rules.write(toFile: "\(root.path)/Rules/sp.toml", atomically: true, encoding: .utf8)
        let dir = "\(root.path)/Input/sp/2026-03"
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "编号,姓名,村,网格,岗位\nA,甲,东村,G1,网格长\nB,乙,东村,G1,网格员\n".write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        try "记录,编号,日期,分\n1,A,2026-03-02,2.5\n".write(toFile: "\(dir)/marks.csv", atomically: true, encoding: .utf8)
        var request = RunRequest(town: "sp", period: CalendarPeriod.parse("2026-03")!)
        request.rulesDir = "\(root.path)/Rules"
        request.inputDir = "\(root.path)/Input"
        request.outputDir = "\(root.path)/Output"
        guard case .success(let result) = MonthRunner.run(request) else { return XCTFail("run") }
        let book = try WorkbookReader(path: "\(result.directory)/sp-2026-03.xlsx")
        let header = ["网格员编号", "姓名", "村(社区)", "网格编号", "岗位", "绩效工资基数", "总分", "考核绩效", "扣款合计", "实发绩效", "未扣足"]
        XCTAssertEqual(book.row("绩效工资", 0), header)
        XCTAssertEqual((1...2).map { book.row("绩效工资", $0) }, [
            ["A", "甲", "东村", "G1", "网格长", "1000", "7.5", "750", "0", "750", "0"],
            ["B", "乙", "东村", "G1", "网格员", "1000", "10", "1000", "0", "1000", "0"],
        ])
        // 小计: the label in 姓名's column, the village in its own, 岗位 blank like the other texts.
        XCTAssertEqual(book.row("绩效工资", 3), ["", "小计", "东村", "", "", "2000", "", "1750", "0", "1750", "0"])
        // 工资条: each slip is a title, the header and the worker's values, then a cut line.
        XCTAssertEqual((0...2).map { book.row("工资条", $0) }, [
            ["sp 2026-03 绩效工资条"], header, ["A", "甲", "东村", "G1", "网格长", "1000", "7.5", "750", "0", "750", "0"],
        ])
        XCTAssertEqual((5...6).map { book.row("工资条", $0) }, [header, ["B", "乙", "东村", "G1", "网格员", "1000", "10", "1000", "0", "1000", "0"]])
        // The pay CSV keeps its columns (scripts read it): no 岗位.
        let csv = try String(contentsOfFile: "\(result.directory)/sp-2026-03-pay.csv", encoding: .utf8)
        let lines = [header.filter { $0 != "岗位" }, ["A", "甲", "东村", "G1", "1000.00", "7.50", "750.00", "0.00", "750.00", "0.00"],
                     ["B", "乙", "东村", "G1", "1000.00", "10.00", "1000.00", "0.00", "1000.00", "0.00"]]
        XCTAssertEqual(csv.trimmingCharacters(in: ["\u{FEFF}"]), lines.map { $0.map { "\"\($0)\"" }.joined(separator: ",") + "\r\n" }.joined())
    }
}
