import XCTest
@testable import GridpayCore

/// `gridpay explain` (Explanation.text): each item's formula and value, the values and aggregates
/// it read (the catalog's explain line: an aggregate with its file, a group value then the values
/// it combines), every deduction with its file and line, and the pay lines. W1 of a two-worker grid.
final class ExplanationTests: XCTestCase {
    static let columns = "  { name = \"n\", type = \"decimal\" },\n  { name = \"c\", type = \"choice\", values = [\"甲\", \"乙\"] },"
    static let items = """
    [[items]]
    name = "数量"
    score = 'min(10, 网格均)'
    [[items]]
    name = "质量"
    full = 5
    min = 0
      [[items.deductions]]
      table = "rows"
      when = 'c == "乙"'
      points = '-2'
      yuan = '10'
      reason = "乙类 {n}"
    """

    /// W1: rows n = 4 (甲), 6 (甲), 1 (乙); W2: n = 8 (甲). 个人和 = sum(rows, n): W1 11, W2 8;
    /// 网格均 = group_mean(网格, 个人和) = (11 + 8) / 2 = 9.5 → 数量 = min(10, 9.5) = 9.5;
    /// 质量 = 5 − 2 (one 乙 row, line 4) = 3; 总分 = 12.5; W2: 9.5 + 5 = 14.5, so W1 is 2nd.
    func testOneWorkersDerivationLineByLine() throws {
        let t = try TinyTown(values: ["\"个人和\" = 'sum(rows, n)'", "\"网格均\" = 'group_mean(网格, 个人和)'"],
                             rowColumns: Self.columns, rows: [["W1", "4", "甲"], ["W1", "6", "甲"], ["W1", "1", "乙"], ["W2", "8", "甲"]],
                             roster: [("W1", "东", "G1", "1000"), ("W2", "东", "G1", "1000")], items: Self.items)
        guard case .success(let report) = t.report() else { return XCTFail("report") }
        let w1 = try XCTUnwrap(report.workers.first { $0.id == "W1" })
        XCTAssertEqual(Explanation.text(worker: w1, in: t.month, ruleFile: "t.toml", workerCount: 2), """
        t 2026-10 — W1 名0（东，网格 G1）
        规则 t.toml，版本 1；名册第 2 行

        数量 = 9.50
          得分 = min(10, 网格均) = 9.5
            网格均 = group_mean(网格, 个人和) = 9.5
              个人和 = sum(rows, n) = 11   [rows.csv]
        质量 = 3.00
          满分 5
          -2 乙类 1，扣款 10.00 元   [rows.csv:4]
          (不低于 0)

        总分 = 12.50（各项之和）   排名 2 / 2

        绩效工资基数 = 1000.00   (基数)
        考核绩效 = 0.00   (0)
        扣款合计 = 10.00   (质量 10.00)
        实发绩效 = 0.00   (max(0, 考核绩效 − 扣款合计))
        未扣足 = 10.00

        """)
        // The group value is on its own line followed by the value it combines (the catalog's
        // explain line for group_mean), the aggregate with its file (sum's explain line).
    }
}
