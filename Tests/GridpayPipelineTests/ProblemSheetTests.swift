import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// 数据问题: a warning repeated on rows of one file is one row with its line ranges and count; the
/// rows themselves follow the table for the auditor.
final class ProblemSheetTests: XCTestCase {
    func testLineRangesRunConsecutiveLinesTogether() {
        XCTAssertEqual(WorkbookWriter.lineRanges([3, 4, 5, 9, 12, 13]), "3–5、9、12–13")
        XCTAssertEqual(WorkbookWriter.lineRanges([7]), "7")
        XCTAssertEqual(WorkbookWriter.lineRanges([5, 3, 4, 4]), "3–5")
        XCTAssertEqual(WorkbookWriter.lineRanges([1, 3, 5], limit: 2), "1、3、…")
    }

    func testOnlyAWarningRepeatedInOneFileIsMerged() {
        func p(_ severity: Diagnostic.Severity, _ file: String, _ line: Int, _ message: String) -> InputProblem {
            InputProblem(.badValue, severity, file: file, line: line, message: message, acceptable: false)
        }
        let problems = [p(.warning, "a.csv", 3, "X"), p(.error, "a.csv", 4, "X"), p(.warning, "a.csv", 5, "X"),
                        p(.warning, "b.csv", 3, "X"), p(.warning, "a.csv", 6, "Y"), p(.warning, "a.csv", 7, "X")]
        XCTAssertEqual(WorkbookWriter.problemGroups(problems), [[0, 2, 5], [1], [3], [4]])
    }

    /// Sample shuangqiao 2026-Q3: SQ0007 left after August, so each of that worker's July and
    /// August rows is a 已不在季度末名册 warning (grep -n ',SQ0007,' on the inputs: July patrol
    /// lines 132 138 145 206 234 237 364 374 464 870 1035 1037 1116 1171 1217 1220 1289 1294,
    /// August logs 30 49 211 212 331 441 567 651; July training has one row, 34).
    func testTheSampleQuartersRepeatedWarningsAreOneRowEachThenListedRowByRow() throws {
        let tmp = TemporaryFolder()
        guard case .success(let result) = MonthRunner.run(TestTown.sample("shuangqiao", "2026-Q3", output: tmp.path)) else { return XCTFail("run failed") }
        let book = try WorkbookReader(path: "\(result.directory)/shuangqiao-2026-Q3.xlsx")
        let rows = (0...80).map { book.row("数据问题", $0) }
        XCTAssertEqual(rows[0], SheetLabels.problemColumns)
        XCTAssertEqual(Array(rows[1].prefix(5)), ["警告", "2026-07/patrol.csv", "132、138、145、206、234、237、364、374、…（共 18 行）", "2", "网格员编号"])
        XCTAssertEqual(rows[1][6], "已不在季度末名册：该行未计入")
        XCTAssertEqual(Array(rows[8].prefix(3)), ["警告", "2026-08/logs.csv", "30、49、211–212、331、441、567、651（共 8 行）"])
        // July training's one row stays a row of its own, with its line as a number.
        XCTAssertTrue(rows[1...9].contains { Array($0.prefix(3)) == ["警告", "2026-07/training.csv", "34"] })
        // Eight rows (18, 22, 4, 3, 1, 2, 7, 8 rows of eight files), an empty row, the title, the
        // header again, then the 64 rows of the seven merged warnings one by one, as read.
        XCTAssertEqual(rows[9], [])
        XCTAssertEqual(rows[10], [SheetLabels.problemRowsTitle])
        XCTAssertEqual(rows[11], SheetLabels.problemColumns)
        XCTAssertEqual(Array(rows[12].prefix(3)), ["警告", "2026-07/patrol.csv", "132"])
        XCTAssertEqual(Array(rows[29].prefix(3)), ["警告", "2026-07/patrol.csv", "1294"])
        XCTAssertEqual(Array(rows[75].prefix(3)), ["警告", "2026-08/logs.csv", "651"])
        XCTAssertEqual(rows[76], [])
        // The filter covers the table above, not the rows below.
        XCTAssertTrue(book.text("xl/worksheets/sheet6.xml").contains(#"<autoFilter ref="A1:G9"/>"#))
    }
}
