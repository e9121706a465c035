import GridpayTestSupport
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// A file with more than 200 errors: 200 listed, the rest counted in one line, and the run's
/// total is every error of the file (SPEC §15: how many rows), not the lines printed.
final class UnlistedErrorsRunTests: XCTestCase {
    func testTheRefusalCountsTheErrorsThatAreNotListed() throws {
        let tmp = TemporaryFolder()
        // 250 marks of a worker on no roster (X), lines 2–251; none can be scored.
        let marks = (1...250).map { "\($0),X,2026-10-05,5,否" }.joined(separator: "\n") + "\n"
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(), months: ["2026-10": ("A,甲,东村,G1\n", marks)])
        guard case .failure(let f) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-10")) else { return XCTFail("must fail") }
        let errors = f.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 202, "200 listed, one for the other 50, the summary")
        XCTAssertEqual(errors[200].message, "and 50 more errors in marks.csv (lines 202–251), not listed (a file's first 200 errors are listed); correct those and run again to see the rest")
        XCTAssertTrue(errors[201].message.hasPrefix("250 problem(s) in the inputs of g 2026-10 would change someone's pay; nothing was written. 200 of them are single rows"), errors[201].message)
    }
}
