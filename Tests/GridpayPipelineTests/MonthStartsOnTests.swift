import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §16: a town whose pay month runs from the 26th (`month_starts_on = 26`): 2026-10 is
/// 2026-09-26 to 2026-10-25 — dates are checked against that, days_in_period() is its 30 days,
/// 说明 names the dates, and each file's problems say so.
final class MonthStartsOnTests: XCTestCase {
    static func rules(startsOn: Int) -> String {
        """
        [rules]
        town = "msd"
        version = "1"
        effective_from = "2026-01"
        month_starts_on = \(startsOn)

        \(TestTown.roster(unit: "村", group: "网格"))

        [tables.patrol]
        file = "patrol.csv"
        worker = "人"
        columns = [
          { name = "人", type = "id" },
          { name = "日期", type = "date" },
          { name = "时间", type = "datetime" },
        ]

        [values]
        "天数" = 'days_in_period'
        "月天数" = 'days_in_month'
        "次数" = 'count(patrol)'

        [[items]]
        name = "巡查"
        full = 10

        [pay]
        base = '0'
        score_pay = '0'
        """
    }

    func run(startsOn: Int, patrol: String, folders: Bool = false) throws -> (values: [String], about: String, problems: [String]) {
        let tmp = TemporaryFolder()
        let dir = "\(tmp.path)/msd/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "编号,姓名,村,网格\nA1,一,甲,G1\n".write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        try ("人,日期,时间\n" + patrol).write(toFile: "\(dir)/patrol.csv", atomically: true, encoding: .utf8)
        let text = Self.rules(startsOn: startsOn)
        guard case .success(let rules) = RuleLoader.load(text: text, file: "msd.toml") else {
            XCTFail("rules: \(RuleLoader.load(text: text, file: "msd.toml"))")
            return ([], "", [])
        }
        var request = RunRequest(town: "msd", period: Period.parse("2026-10")!)
        request.inputDir = tmp.path
        switch MonthRunner.prepare(request, rules: { _ in .success(LoadedRules(path: "msd.toml", text: text, sha256: "", rules: rules)) }) {
        case .success(let m):
            let w = m.report.workers[0]
            let values = try ["天数", "月天数", "次数"].map { try MonthReport.lookup($0, worker: w, in: m.scoring)?.description ?? "-" }
            let about = m.aboutLines().first { $0.0 == "考核月份" }?.1 ?? ""
            return (values, about, [])
        case .failure(let f):
            return ([], "", f.diagnostics.filter { $0.location != nil }.map {
                $0.description.replacingOccurrences(of: "\(dir)/", with: "").replacingOccurrences(of: "\(tmp.path)/", with: folders ? "IN/" : "\(tmp.path)/")
            })
        }
    }

    /// 2026-09-26 … 2026-10-25: the 26th of September and the 25th of October are inside (30 days,
    /// as September has); the 26th of October and the 25th of September are not.
    func testThePayMonthRunsFromThe26th() throws {
        let inside = "A1,2026-09-26,2026-09-26 00:00\nA1,2026-10-25,2026-10-25 23:59\nA1,2026-10-01,2026-10-01 08:00\n"
        let o = try run(startsOn: 26, patrol: inside)
        XCTAssertEqual(o.values, ["30", "30", "3"])
        XCTAssertEqual(o.about, "2026-10（2026-09-26 至 2026-10-25，30 天）")
        let outside = try run(startsOn: 26, patrol: "A1,2026-10-26,2026-10-25 08:00\nA1,2026-10-01,2026-09-25 23:59\n")
        XCTAssertEqual(outside.problems, [
            "patrol.csv:2:2: error: 日期 2026-10-26 is outside 2026-10; expected a date from 2026-09-26 to 2026-10-25",
            "patrol.csv:3:3: error: 时间 2026-09-25 23:59 is outside 2026-10; expected a time from 2026-09-26 00:00 to 2026-10-25 23:59",
        ])
    }

    /// month_starts_on = 1 is the calendar month: 31 days, as before.
    func testTheFirstIsTheCalendarMonth() throws {
        let o = try run(startsOn: 1, patrol: "A1,2026-10-31,2026-10-01 00:00\n")
        XCTAssertEqual(o.values, ["31", "31", "1"])
        XCTAssertEqual(o.about, "2026-10（31 天）")
    }

    /// SPEC §15 with §16: a file of another month is one of the town's pay months. Dated
    /// 2026-10-26, 2026-11-01 and 2026-11-25 in 2026-10's folder, with the month from the 26th,
    /// every row is in 2026-11 (2026-10-26 to 2026-11-25): the file of 2026-11, said once.
    func testAnotherMonthsFileIsOfThePayMonth() throws {
        let november = "A1,2026-10-26,2026-10-26 08:00\nA1,2026-11-01,2026-11-01 09:30\nA1,2026-11-25,2026-11-25 23:59\n"
        let o = try run(startsOn: 26, patrol: november, folders: true)
        let outside = "is outside 2026-10; expected a"
        XCTAssertEqual(o.problems, [
            "patrol.csv:2:2: error: one cause, all 3 rows (lines 2–4) are dated in 2026-11 (2026-10-26 to 2026-11-25), not in 2026-10 (2026-09-26 to 2026-10-25): this is the export of 2026-11, put in the wrong folder. Who acts: the clerk moves it to IN/msd/2026-11 and puts 2026-10's patrol.csv here. Do not --accept these rows: that would leave out the whole file",
            "patrol.csv:2:2: error: 日期 2026-10-26 \(outside) date from 2026-09-26 to 2026-10-25",
            "patrol.csv:2:3: error: 时间 2026-10-26 08:00 \(outside) time from 2026-09-26 00:00 to 2026-10-25 23:59",
            "patrol.csv:3:2: error: 日期 2026-11-01 \(outside) date from 2026-09-26 to 2026-10-25",
            "patrol.csv:3:3: error: 时间 2026-11-01 09:30 \(outside) time from 2026-09-26 00:00 to 2026-10-25 23:59",
            "patrol.csv:4:2: error: 日期 2026-11-25 \(outside) date from 2026-09-26 to 2026-10-25",
            "patrol.csv:4:3: error: 时间 2026-11-25 23:59 \(outside) time from 2026-09-26 00:00 to 2026-10-25 23:59",
        ])
        // In calendar months 2026-10-26 is inside 2026-10: two rows outside of three, no other month's file.
        let calendar = try run(startsOn: 1, patrol: november)
        XCTAssertFalse(calendar.problems.contains { $0.contains("one cause") }, "\(calendar.problems)")
        // 2026-09-25 is 2026-09's last day with the month from the 26th: the file of 2026-09.
        let september = try run(startsOn: 26, patrol: "A1,2026-09-25,2026-09-25 08:00\nA1,2026-08-26,2026-08-26 08:00\n", folders: true)
        XCTAssertEqual(september.problems.first, "patrol.csv:2:2: error: one cause, all 2 rows (lines 2–3) are dated in 2026-09 (2026-08-26 to 2026-09-25), not in 2026-10 (2026-09-26 to 2026-10-25): this is the export of 2026-09, put in the wrong folder. Who acts: the clerk moves it to IN/msd/2026-09 and puts 2026-10's patrol.csv here. Do not --accept these rows: that would leave out the whole file")
    }
}
