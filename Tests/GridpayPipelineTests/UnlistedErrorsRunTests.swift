import Foundation
import GridpayTestSupport
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// A file with more than 200 errors: 200 listed, the rest counted in one line, and the run's
/// total is every error of the file (SPEC §15: how many rows), not the lines printed.
final class UnlistedErrorsRunTests: XCTestCase {
    func testTheRefusalCountsTheErrorsThatAreNotListed() throws {
        let tmp = TemporaryFolder()
        // 250 marks of a worker on no roster (XYZ, not one edit from the roster's A, so no roster
        // row is named as their cause), lines 2–251; none can be scored.
        let marks = (1...250).map { "\($0),XYZ,2026-10-05,5,否" }.joined(separator: "\n") + "\n"
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(), months: ["2026-10": ("A,甲,东村,G1\n", marks)])
        guard case .failure(let f) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-10")) else { return XCTFail("must fail") }
        let errors = f.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 202, "200 listed, one for the other 50, the summary")
        XCTAssertEqual(errors[200].message, "and 50 more errors in marks.csv (lines 202–251), not listed (a file's first 200 errors are listed); correct those and run again to see the rest")
        XCTAssertTrue(errors[201].message.hasPrefix("250 problems in the inputs of g 2026-10 would change someone's pay; nothing was written. 200 of them are single rows"), errors[201].message)
    }

    /// A layout error is capped as a row's is: a file of 250 rows starting with 合计 above its
    /// last row (lines 2–251, each a totals row that is not the last) lists 200, counts the other
    /// 50 in one line, and the refusal counts all 250.
    func testLayoutErrorsPastTheFirst200AreCountedNotListed() throws {
        let events = "单号,人,分\n" + String(repeating: "合计,,1\n", count: 250) + "E1,A1,2\n"
        let month = try TestTown.formsMonth(rules: ExportFormTests.rules([#"totals_row = "合计""#]), files: ["events.csv": Data(events.utf8)])
        guard case .failure(let f) = month else { return XCTFail("must fail") }
        let errors = f.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 202, "200 listed, one for the other 50, the summary")
        XCTAssertEqual(errors[199].description.components(separatedBy: "/").last,
                       "events.csv:201:1: error: the row starts with '合计' but is not the last row (line 202 follows); expected the totals row (totals_row = \"合计\") only at the end of the file")
        XCTAssertEqual(errors[200].message, "and 50 more errors in events.csv (lines 202–251), not listed (a file's first 200 errors are listed); correct those and run again to see the rest")
        XCTAssertTrue(errors[201].message.hasPrefix("250 problems in the inputs of forms 2026-10 would change someone's pay"), errors[201].message)
    }

    /// A reader's error ends the reading of its file: one error, however damaged the file (a
    /// legacy XLS cut short, a zip that is not one).
    func testAnUnreadableFileIsOneError() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GridpayXLSXReaderTests/Fixtures/libreoffice-events.xls")
        let cut = try Data(contentsOf: fixture).prefix(3000)
        for (format, bytes) in [("xls", cut), ("xlsx", cut)] {
            let rules = ExportFormTests.rules([#"format = "\#(format)""#], file: "events.\(format)")
            guard case .failure(let f) = try TestTown.formsMonth(rules: rules, files: ["events.\(format)": bytes]) else { return XCTFail("must fail") }
            XCTAssertEqual(f.diagnostics.filter { $0.severity == .error && $0.location?.file.hasSuffix("events.\(format)") == true }.count, 1, format)
        }
    }
}
