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
    static let rules = TestTown.withMarks("sp", rosterColumns: ["{ name = \"岗位\", type = \"text\" }"], rosterSection: ["show = [\"岗位\"]"], rest: """
        \(TestTown.markedItem)

        [pay]
        base = '1000'
        score_pay = 'round(1000 * 总分 / 10, 2)'
        """)

    func testThePaySheetsShowThePost() throws {
        let town = try TownFolder("sp", rules: Self.rules)
        try town.write(month: "2026-03", ["roster.csv": "编号,姓名,村,网格,岗位\nA,甲,东村,G1,网格长\nB,乙,东村,G1,网格员\n",
                                          "marks.csv": "记录,编号,日期,分\n1,A,2026-03-02,2.5\n"])
        guard case .success(let result) = MonthRunner.run(town.request("2026-03")) else { return XCTFail("run") }
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
