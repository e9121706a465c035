import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §16, value forms: dates and date-times in the patterns a column lists, durations in
/// minutes or hours from h:mm:ss / h:mm, numbers with thousands separators, percentages and
/// full-width digits, each only where declared; a cell in no declared form is an error at its
/// row and column naming the forms expected.
final class ValueFormTests: XCTestCase {
    static let rules = """
    \(TestTown.header("vf"))

    \(TestTown.roster(unit: "村", group: "网格"))

    [tables.events]
    file = "events.csv"
    worker = "人"
    columns = [
      { name = "单号", type = "id" },
      { name = "人", type = "id" },
      { name = "时间", type = "datetime", formats = ["yyyy/M/d H:mm", "yyyy年M月d日 HH:mm:ss"] },
      { name = "日期", type = "date", formats = ["yyyy年M月d日", "yyyy-MM-dd"], full_width_digits = true },
      { name = "时长", type = "duration", unit = "minutes", formats = ["h:mm:ss", "h:mm"], max = 600 },
      { name = "时数", type = "duration", unit = "hours", formats = ["h:mm"] },
      { name = "金额", type = "decimal", thousands = ",", places = 2 },
      { name = "率", type = "decimal", percent = true, max = 1 },
      { name = "次", type = "integer", thousands = ",", full_width_digits = true },
    ]

    [values]
    "时长和" = 'sum(events, 时长)'
    "时数和" = 'sum(events, 时数)'
    "金额和" = 'sum(events, 金额)'
    "率和" = 'sum(events, 率)'
    "次和" = 'sum(events, 次)'
    "时间对" = 'count(events, 时间 == datetime("2026-10-05 08:38") or 时间 == datetime("2026-10-31 23:59:59"))'
    "日期对" = 'count(events, 日期 == date("2026-10-05") or 日期 == date("2026-10-31"))'

    [[items]]
    name = "事件"
    full = 10
      [[items.deductions]]
      table = "events"
      points = '-1'
      reason = "{时间}|{日期}|{时长}|{时数}|{金额}|{率}|{次}"

    [pay]
    base = '0'
    score_pay = '0'
    """

    static let valueNames = ["时长和", "时数和", "金额和", "率和", "次和", "时间对", "日期对"]

    /// `values`: A1's values named in `valueNames`.
    func run(_ events: String) throws -> (values: [String], problems: [String]) {
        let tmp = TemporaryFolder()
        let dir = "\(tmp.path)/vf/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "编号,姓名,村,网格\nA1,一,甲,G1\n".write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        try ("单号,人,时间,日期,时长,时数,金额,率,次\n" + events).write(toFile: "\(dir)/events.csv", atomically: true, encoding: .utf8)
        guard case .success(let rules) = RuleLoader.load(text: Self.rules, file: "vf.toml") else {
            XCTFail("rules: \(RuleLoader.load(text: Self.rules, file: "vf.toml"))")
            return ([], [])
        }
        var request = RunRequest(town: "vf", period: Period.parse("2026-10")!)
        request.inputDir = tmp.path
        switch MonthRunner.prepare(request, rules: { _ in .success(LoadedRules(path: "vf.toml", text: Self.rules, sha256: "", rules: rules)) }) {
        case .success(let m):
            let w = m.report.workers[0]
            return (try Self.valueNames.map { try MonthReport.lookup($0, worker: w, in: m.scoring)?.description ?? "-" }, [])
        case .failure(let f):
            return ([], f.diagnostics.filter { $0.location != nil }.map { $0.description.replacingOccurrences(of: "\(dir)/", with: "") })
        }
    }

    /// Each cell as the hand reads it: 1:30:30 + 2:15 is 90.5 + 135 minutes; 1:30 + 0:45 is
    /// 1.5 + 0.75 hours; 2,400.50 + 12.5; 92.3% + 100% is 0.923 + 1; 1,２００ + 7; both times and
    /// both dates (２０２６年１０月５日 is 2026-10-05) as the rows say.
    func testEachDeclaredFormIsRead() throws {
        let rows = """
        E1,A1,2026/10/5 8:38,２０２６年１０月５日,1:30:30,1:30,"2,400.50",92.3%,"1,２００"
        E2,A1,2026年10月31日 23:59:59,2026-10-31,2:15,0:45,12.5,100%,7

        """
        let o = try run(rows)
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(o.values, ["225.5", "2.25", "2413", "1.923", "1207", "2", "2"])
    }

    /// Nothing guessed: the plain form is not read where formats are declared, a bad grouping is
    /// not a number, a percentage needs its sign, a time outside the month is outside it.
    func testACellInNoDeclaredFormIsAnErrorNamingTheForms() throws {
        let rows = """
        E1,A1,2026-10-05 08:38,2026/10/5,90,1:30,"24,00.5",92.3,1
        E2,A1,2026/11/1 0:00,2026-10-05,1:60,1:30,1,1%,"1,0"

        """
        let o = try run(rows)
        XCTAssertEqual(o.problems, [
            "events.csv:2:3: error: 时间 is '2026-10-05 08:38'; expected a date-time in one of the declared forms: yyyy/M/d H:mm, yyyy年M月d日 HH:mm:ss",
            "events.csv:2:4: error: 日期 is '2026/10/5'; expected a date in one of the declared forms: yyyy年M月d日, yyyy-MM-dd, full-width digits allowed",
            "events.csv:2:5: error: 时长 is '90'; expected a duration in one of the declared forms: h:mm:ss, h:mm (counted in minutes)",
            "events.csv:2:7: error: 金额 is '24,00.5'; expected a number with at most 2 decimals in the declared form: digits grouped by ',' (e.g. 2,400.50)",
            "events.csv:2:8: error: 率 is '92.3'; expected a number in the declared form: a percentage with % (e.g. 92.3%)",
            "events.csv:3:3: error: 时间 2026/11/1 0:00 is outside 2026-10; expected a time from 2026-10-01 00:00 to 2026-10-31 23:59",
            "events.csv:3:5: error: 时长 is '1:60'; expected a duration in one of the declared forms: h:mm:ss, h:mm (counted in minutes)",
            "events.csv:3:9: error: 次 is '1,0'; expected a whole number in the declared form: digits grouped by ',' (e.g. 2,400.50), full-width digits allowed",
        ])
    }

    func testADurationIsBoundedInItsUnit() throws {
        let o = try run("E1,A1,2026/10/5 8:38,2026-10-05,10:00:01,1:30,1,1%,1\n")
        XCTAssertEqual(o.problems, ["events.csv:2:5: error: 时长 is 10:00:01 (≈600.016667 minutes), above the maximum 600; expected at most 600 minutes"])
    }
}
