import Foundation
import XCTest

/// SPEC §7–8: the command line takes YYYY-MM, YYYY-Qn, YYYY-Hn and YYYY, and a period of the
/// wrong kind for the town is refused naming the rule file's [rules] period.
final class PeriodCommandTests: XCTestCase {
    typealias Runner = BinaryRunner

    func testAQuarterForAMonthlyTownIsRefusedWithAnExample() throws {
        let out = try Runner.TempFolder()
        let r = try Runner.runMonth(inputDir: Runner.packageRoot.appendingPathComponent("Input").path, outputDir: out.path, month: "2026-Q3")
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, [
            "error: qinghe is assessed by month (\(Runner.rulesDir)/qinghe.toml: [rules] period = \"month\"), so it is run for a month, not for 2026-Q3; expected YYYY-MM, e.g. gridpay run qinghe 2026-09",
        ], r.transcript)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [])
    }

    func testMalformedPeriodsAndKindsTheCommandDoesNotTake() throws {
        let bad = try Runner.run(["run", "qinghe", "2026-Q5"])
        XCTAssertEqual(bad.status, 1, bad.transcript)
        Runner.assertContains(bad.stderr, "'2026-Q5' is not a period; expected YYYY-MM (a month), YYYY-Qn (a quarter, n = 1–4), YYYY-Hn (a half-year, n = 1–2) or YYYY (a year)")
        let year = try Runner.run(["run", "qinghe", "2026"])
        XCTAssertEqual(year.status, 1, year.transcript)
        // A year is a period `run` takes (a town assessed by year, SPEC §17); for a monthly town it
        // is refused naming the rule file's period, as a quarter is.
        Runner.assertContains(year.stderr, "qinghe is assessed by month (Rules/qinghe.toml: [rules] period = \"month\"), so it is run for a month, not for 2026; expected YYYY-MM, e.g. gridpay run qinghe 2026-12")
    }
}
