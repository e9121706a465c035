import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §4: explain names "the input rows behind each deduction". Every row of the workbook's
/// 扣分明细 is in the worker's explanation with its file (a quarter's with its month folder) and
/// line; an aggregate names the files it read; the header uses the town's roster labels (§7).
final class ExplanationSourcesTests: XCTestCase {
    /// Runs the period (扣分明细 from the spilled rows), then explains every worker (rows kept in
    /// memory) and finds each 扣分明细 row of the worker in the explanation, in the sheet's order.
    func assertEveryDeductionRowIsExplained(_ town: String, _ period: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: String] {
        let tmp = TemporaryFolder()
        guard case .success(let result) = MonthRunner.run(TestTown.sample(town, period, output: tmp.path)) else { XCTFail("run", file: file, line: line); return [:] }
        let book = try WorkbookReader(path: "\(result.directory)/\(town)-\(period).xlsx")
        guard case .success(let m) = MonthRunner.prepare(TestTown.sample(town, period, output: tmp.path)) else { XCTFail("prepare", file: file, line: line); return [:] }
        var texts: [String: String] = [:]
        for w in m.report.workers {
            texts[w.id] = Explanation.text(worker: w, in: m.scoring, ruleFile: m.ruleFileName, workerCount: m.report.workers.count)
        }
        var rows = 0
        var r = 1
        while case let cells = book.row("扣分明细", r), !cells.isEmpty {
            let row = cells + Array(repeating: "", count: max(0, 9 - cells.count))   // trailing empty cells are not stored
            // 网格员编号, 姓名, 考核项目, 扣分原因, 次数, 扣分, 扣款(元), 来源文件, 行号
            let source = row[7].isEmpty ? "" : "   [\(row[7])\(row[8].isEmpty ? "" : ":\(row[8])")]"
            let wanted = "\(row[5].hasPrefix("-") ? "" : "+")\(row[5]) "
            let text = texts[row[0]] ?? ""
            let found = text.split(separator: "\n").contains { l in
                l.hasPrefix("  " + wanted) && l.contains(row[3]) && (source.isEmpty || l.hasSuffix(source))
            }
            XCTAssertTrue(found, "扣分明细 row \(r) \(row) is not in the explanation of \(row[0]):\n\(text)", file: file, line: line)
            rows += 1
            r += 1
        }
        XCTAssertGreaterThan(rows, 0, file: file, line: line)
        return texts
    }

    /// The sample quarter: SQ0004's 流转事件 block is 满分 40, then one line per late step, each
    /// "-5 受理超时|办结超时 <事件编号>   [<month>/tasks.csv:<line>]", and 40 − 5 × lines = the item
    /// (SPEC §10; SQ0004 is not floored in the sample).
    func testAQuarterExplainsEveryDeductionRowWithItsMonthFile() throws {
        let texts = try assertEveryDeductionRowIsExplained("shuangqiao", "2026-Q3")
        let sq = try XCTUnwrap(texts["SQ0004"]).split(separator: "\n").map(String.init)
        let i = try XCTUnwrap(sq.firstIndex { $0.hasPrefix("流转事件 = ") })
        let end = try XCTUnwrap(sq[i...].firstIndex(of: "  (不低于 0)"))
        XCTAssertEqual(sq[i + 1], "  满分 40")
        let steps = Array(sq[(i + 2)..<end])
        XCTAssertGreaterThan(steps.count, 0)
        let pattern = try NSRegularExpression(pattern: #"^  -5 (受理超时|办结超时) RW\d+   \[2026-0[789]/tasks\.csv:\d+\]$"#)
        for l in steps {
            XCTAssertEqual(pattern.numberOfMatches(in: l, range: NSRange(l.startIndex..., in: l)), 1, l)
        }
        XCTAssertEqual(sq[i], "流转事件 = \(40 - 5 * steps.count).00")
        // An aggregate over a quarter names the three month files it read.
        XCTAssertTrue(sq.contains { $0.hasPrefix("    达标日 = ") && $0.hasSuffix("   [2026-07/patrol.csv, 2026-08/patrol.csv, 2026-09/patrol.csv]") }, sq.joined(separator: "\n"))
    }

    func testAMonthExplainsEveryDeductionRow() throws {
        _ = try assertEveryDeductionRowIsExplained("qinghe", "2026-10")
    }

    /// kangning names its roster columns 人员编号, 姓名, 站点, 团队: the header says 站点 and 团队,
    /// not the product's 网格; qinghe (no [roster] labels) keeps the product's wording.
    func testTheHeaderUsesTheTownsRosterLabels() throws {
        let tmp = TemporaryFolder()
        guard case .success(let m) = MonthRunner.prepare(TestTown.sample("kangning", "2026-10", output: tmp.path)),
              let w = m.report.workers.first(where: { $0.id == "K014" }) else { return XCTFail("kangning") }
        let text = Explanation.text(worker: w, in: m.scoring, ruleFile: m.ruleFileName, workerCount: m.report.workers.count)
        XCTAssertEqual(text.split(separator: "\n").first.map(String.init), "康宁街道社区卫生服务中心 2026-10 — K014 \(w.name)（站点 \(w.unit)，团队 \(w.group)）")
        XCTAssertFalse(text.contains("网格"), text)
    }
}
