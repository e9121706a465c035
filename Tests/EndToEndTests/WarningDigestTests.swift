import Foundation
import XCTest

/// The terminal gets a digest of repeated warnings; 数据问题 keeps every one. Sample shuangqiao
/// 2026-Q3: SQ0007 is on the July and August rosters but not September's, so each of their rows
/// is a 已不在季度末名册 warning. Counted with grep -c ',SQ0007,' on the sample: July patrol 18,
/// tasks 4, training 1, logs 7; August patrol 22, tasks 3, training 2, logs 8 — 65 rows.
final class WarningDigestTests: XCTestCase {
    typealias Runner = BinaryRunner

    func testRepeatedWarningsAreCountedOnStderrAndAllListedInTheWorkbook() throws {
        let out = try Runner.TempFolder()
        let input = Runner.packageRoot.appendingPathComponent("Input").path
        let r = try Runner.runMonth(inputDir: input, outputDir: out.path, town: "shuangqiao", month: "2026-Q3")
        XCTAssertEqual(r.status, 0, r.transcript)
        let warnings = r.warningLines
        XCTAssertFalse(warnings.isEmpty, r.transcript)
        func full(_ file: String) -> Int { warnings.filter { $0.hasPrefix("\(input)/shuangqiao/\(file):") && $0.contains("已不在季度末名册") }.count }
        // July patrol: 18 rows → 3 printed, then one line for the other 15.
        XCTAssertEqual(full("2026-07/patrol.csv"), 3)
        let julyPatrol = try XCTUnwrap(warnings.first { $0.hasPrefix("warning: 15 more rows of \(input)/shuangqiao/2026-07/patrol.csv with the same warning (lines ") })
        XCTAssertTrue(julyPatrol.hasSuffix("); every one is listed in 数据问题"), julyPatrol)
        XCTAssertEqual(julyPatrol.components(separatedBy: "(lines ")[1].components(separatedBy: ")")[0].split(separator: ",").count, 15)
        // August patrol: 22 → 3 + "19 more", and only the first 20 line numbers would be named.
        XCTAssertEqual(full("2026-08/patrol.csv"), 3)
        XCTAssertTrue(warnings.contains { $0.hasPrefix("warning: 19 more rows of \(input)/shuangqiao/2026-08/patrol.csv") })
        // Four rows (July tasks): all four printed, no summary of one.
        XCTAssertEqual(full("2026-07/tasks.csv"), 4)
        XCTAssertEqual(full("2026-08/tasks.csv"), 3)
        XCTAssertEqual(full("2026-08/training.csv"), 2)
        // 7 → 3 + "4 more"; 8 → 3 + "5 more".
        XCTAssertTrue(warnings.contains { $0.hasPrefix("warning: 4 more rows of \(input)/shuangqiao/2026-07/logs.csv") })
        XCTAssertTrue(warnings.contains { $0.hasPrefix("warning: 5 more rows of \(input)/shuangqiao/2026-08/logs.csv") })
        // 数据问题 lists all 65: the one July training row as it is, the other seven files' rows
        // merged into one row each (7), then each of their 64 rows on its own below the table.
        let parts = try Runner.xlsxParts(out.path("shuangqiao/2026-Q3/shuangqiao-2026-Q3.xlsx"))
        let rows = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "数据问题", in: parts)))
        let warned = rows.filter { $0.contains { $0.hasPrefix("已不在季度末名册") } }
        XCTAssertEqual(warned.count, 72)
        XCTAssertEqual(warned.filter { $0[2].contains("（共 ") }.count, 7)
    }
}
