import Foundation
import XCTest

/// SPEC §15: what leaving accepted rows out changes, where a row also feeds a counted item. The
/// finance office needs the effect on each worker's pay, not only the deductions a row names: the
/// run reads the month again with the accepted rows counted and lists every worker whose items,
/// 总分, 等次 or 实发绩效 differ (README: Bad input). Fixture accepted-counted (valid/ with two rows
/// more in events.csv and one in visits.csv, all accepted).
extension BadInputTests {
    /// Line 6, a second SJ202610-0001 of QH0001 (有效): its cells are good, so it is counted in the
    /// second reading. 事件上报 = 30 × min(1, 网格有效事件数 / 25), the mean of the grid's valid
    /// events: grid QH-01-1 (QH0001, QH0002) has 1 and 1 as run (mean 1: 30 × 1/25 = 1.2), 2 and 1
    /// with the row (mean 1.5: 1.8). Both workers change by 0.6 points, and 实发绩效 by base × 0.6 / 100:
    /// QH0001 1800 → 10.80, QH0002 2200 → 13.20; as run 35.36 / 636.48 and 30.36 / 637.92 (the
    /// valid month's pay sheet: line 6 is left out). Line 7 (QH0003, 核查结果 有郊): the cell
    /// 事件上报 reads is unreadable, so the row is not counted and names 事件上报. visits.csv line 6
    /// (QH0004, 走访类型 重点人员走防): the type is what 日常考核's counted deductions read (the number
    /// of each kind of visit), so that row names 日常考核.
    func testAcceptedRowsSayWhatLeavingThemOutChangesInScoresAndPay() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (r, dir) = try runSucceeding("accepted-counted", accept: ["events.csv:6", "events.csv:7", "visits.csv:6"], out: out)
        let path = inputPath("accepted-counted", "events.csv")
        XCTAssertEqual(Array(otherWarnings(r).suffix(6)), [
            "\(path):6:1: warning: --accept leaves out this row of QH0001 (吕涛): it would have made no per-row deduction; it is also left out of the items counted from this table",
            "\(path):7:1: warning: --accept leaves out this row of QH0003 (吴晓东): what it would have deducted is not known (a cell it reads is bad); it is also left out of the items counted from this table; "
                + "nor can what leaving it out changes in scores and pay be computed; it would have fed: 事件上报",
            "\(inputPath("accepted-counted", "visits.csv")):6:1: warning: --accept leaves out this row of QH0004 (杨杰): it would have made no per-row deduction; "
                + "it is also left out of the items counted from this table; what leaving it out changes in scores and pay cannot be computed (a cell the rules read is unreadable); "
                + "it would have fed: 日常考核",
            "warning: --accept leaves out 3 rows in all: QH0001 (吕涛): 1 row, deductions not made 0 points, 0.00 yuan; "
                + "QH0003 (吴晓东): 1 row, deductions not made 0 points, 0.00 yuan (and deductions that cannot be known); "
                + "QH0004 (杨杰): 1 row, deductions not made 0 points, 0.00 yuan",
            "warning: --accept changes the results of QH0001 (吕涛) (with the accepted rows counted → as run without them): 事件上报 1.80 → 1.20; 总分 35.96 → 35.36; 实发绩效 647.28 → 636.48 yuan",
            "warning: --accept changes the results of QH0002 (王芳) (with the accepted rows counted → as run without them): 事件上报 1.80 → 1.20; 总分 30.96 → 30.36; 实发绩效 651.12 → 637.92 yuan",
        ], r.transcript)
        // As run, the month is the valid one: line 6 is not counted.
        let valid = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (_, validDir) = try runSucceeding("valid", out: valid)
        let pay = "\(Self.town)-\(Self.month)-pay.csv"
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(pay)")), try Data(contentsOf: URL(fileURLWithPath: "\(validDir)/\(pay)")))
        let about = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "说明", in: try Runner.xlsxParts("\(dir)/\(Self.town)-\(Self.month).xlsx"))))
        for row in [
            ["接受 events.csv:7", "--accept 剔除了 网格员 QH0003 吴晓东 的这一行：它读取的单元格有误，无法算出它本应扣的分和钱；这一行也不计入按此表计数的各项；"
                + "剔除它对得分和实发绩效的影响也无法算出，它本应计入：事件上报"],
            ["接受的行的影响", "--accept 剔除的行改变了 网格员 QH0001 吕涛 的结果（由计入这些行时的值变为剔除后的值）：事件上报 由 1.80 变为 1.20；总分 由 35.96 变为 35.36；实发绩效 由 647.28 元变为 636.48 元"],
            ["接受的行的影响", "--accept 剔除的行改变了 网格员 QH0002 王芳 的结果（由计入这些行时的值变为剔除后的值）：事件上报 由 1.80 变为 1.20；总分 由 30.96 变为 30.36；实发绩效 由 651.12 元变为 637.92 元"],
        ] {
            XCTAssertTrue(about.contains(row), "说明 records \(row): \(about)")
        }
        // In Chinese on the terminal too.
        let zh = try Runner.run(["run", Self.town, Self.month, "--rules-dir", Runner.rulesDir, "--input-dir", caseDir("accepted-counted"), "--output-dir", out.path,
                                 "--accept", "events.csv:6", "--accept", "events.csv:7", "--accept", "visits.csv:6"], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(zh.status, 0, zh.transcript)
        XCTAssertTrue(zh.stderrLines.contains("警告：--accept 剔除的行改变了 网格员 QH0001 吕涛 的结果（由计入这些行时的值变为剔除后的值）：事件上报 由 1.80 变为 1.20；总分 由 35.96 变为 35.36；实发绩效 由 647.28 元变为 636.48 元"), zh.transcript)
    }
}
