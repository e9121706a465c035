import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Rule-language features for times and optional cells, through a whole month: time
/// differences exact to the second, a time plus a duration, optional columns (no value), row
/// checks declared on a table, per-column within_period, and count_by() per key within a worker.
final class TimeAndRowCheckTests: XCTestCase {
    static let rules = """
    \(TestTown.header("t"))

    \(TestTown.roster(unit: "村", group: "网格"))

    [tables.patrol]
    file = "patrol.csv"
    worker = "编号"
    unique = ["巡查编号"]
    columns = [
      { name = "巡查编号", type = "id" },
      { name = "编号", type = "id" },
      { name = "开始时间", type = "datetime" },
      { name = "结束时间", type = "datetime", within_period = false },
    ]
      [[tables.patrol.checks]]
      require = '结束时间 > 开始时间'
      column = "结束时间"
      message = "结束时间 {结束时间} is not after 开始时间 {开始时间}"
      [[tables.patrol.checks]]
      require = '结束时间 <= add_hours(开始时间, 24)'
      column = "结束时间"
      message = "结束时间 {结束时间} is more than 24 hours after 开始时间 {开始时间}"

    [tables.tasks]
    file = "tasks.csv"
    worker = "编号"
    columns = [
      { name = "事件编号", type = "id" },
      { name = "编号", type = "id" },
      { name = "派发时间", type = "datetime" },
      { name = "受理时间", type = "datetime", optional = true, within_period = false },
      { name = "办结时间", type = "datetime", optional = true, within_period = false },
    ]
      [[tables.tasks.checks]]
      require = 'is_empty(受理时间) or 受理时间 >= 派发时间'
      column = "受理时间"
      message = "受理时间 {受理时间} is before 派发时间 {派发时间}"
      [[tables.tasks.checks]]
      require = 'is_empty(办结时间) or has(受理时间)'
      column = "办结时间"
      message = "办结时间 is given without 受理时间"

    [values]
    "巡查秒" = 'sum(patrol, seconds_between(开始时间, 结束时间))'
    "巡查分钟" = 'sum(patrol, minutes_between(开始时间, 结束时间))'
    "巡查小时" = 'sum(patrol, hours_between(开始时间, 结束时间))'
    "达标日" = 'count_by(patrol, date(开始时间), sum(minutes_between(开始时间, 结束时间)) >= 60)'
    "两场日" = 'count_by(patrol, date(开始时间), count() >= 2)'
    "未受理" = 'count(tasks, is_empty(受理时间))'
    "受理超时" = 'count(tasks, not has(受理时间) or 受理时间 > add_hours(派发时间, 48))'
    "办结超时" = 'count(tasks, is_empty(办结时间) or hours_between(派发时间, 办结时间) > 168)'

    [[items]]
    name = "甲"
    full = 10

    [pay]
    base = '100'
    score_pay = '100'
    """

    struct Outcome {
        var month: PreparedMonth?
        var problems: [String]
        func value(_ name: String, _ worker: String) throws -> Value? {
            let m = try XCTUnwrap(month)
            let w = try XCTUnwrap(m.report.workers.first { $0.id == worker })
            return try MonthReport.lookup(name, worker: w, in: m.scoring)
        }
    }

    /// Runs July 2026 of town t with these CSV texts (a table left out has only its header).
    func run(_ inputs: [String: String], rules: String = TimeAndRowCheckTests.rules) throws -> Outcome {
        let loaded: LoadedRules
        switch RuleLoader.load(text: rules, file: "t.toml") {
        case .success(let r): loaded = LoadedRules(path: "t.toml", text: rules, sha256: "", rules: r)
        case .failure(let f): return Outcome(month: nil, problems: f.diagnostics.map(\.description))
        }
        let tmp = TemporaryFolder()
        let dir = "\(tmp.path)/t/2026-07"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for table in loaded.rules.tables {
            let text = inputs[table.name] ?? table.columns.map(\.name).joined(separator: ",") + "\n"
            try text.write(toFile: "\(dir)/\(table.file)", atomically: true, encoding: .utf8)
        }
        var request = RunRequest(town: "t", period: Period.parse("2026-07")!)
        request.inputDir = tmp.path
        switch MonthRunner.prepare(request, rules: { _ in .success(loaded) }) {
        // Tables a test leaves out are header-only on purpose: their warning is not the point here.
        case .success(let m): return Outcome(month: m, problems: m.inputs.problems.filter { !($0.kind == .emptyFile && $0.severity == .warning) }.map { $0.diagnostic(directory: "", words: .commandLine).description })
        case .failure(let f): return Outcome(month: nil, problems: f.diagnostics.map { $0.description.replacingOccurrences(of: dir + "/", with: "") })
        }
    }

    static let roster = "编号,姓名,村,网格\nA,甲,一村,G1\nB,乙,一村,G1\n"

    func testTimeDifferencesAreExactToTheSecond() throws {
        // A: 08:00:00 → 09:00:30 is 3630 s = 60.5 min = 121/120 h; 23:30 on 31 July → 00:45:01 on
        // 1 August (結束时间 may lie after the month) is 4501 s. Together 8131 s = 8131/60 min.
        let o = try run(["roster": Self.roster, "patrol": """
            巡查编号,编号,开始时间,结束时间
            P1,A,2026-07-01 08:00,2026-07-01 09:00:30
            P2,A,2026-07-31 23:30,2026-08-01 00:45:01

            """])
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(try o.value("巡查秒", "A"), .number(ExactNumber(8131)))
        XCTAssertEqual(try o.value("巡查分钟", "A"), .number(try ExactNumber(numerator: 8131, denominator: 60)))
        XCTAssertEqual(try o.value("巡查小时", "A"), .number(try ExactNumber(numerator: 8131, denominator: 3600)))
        XCTAssertEqual(try o.value("巡查秒", "B"), .number(.zero))
    }

    func testDeadlinesAreInTimeAtExactlyTheDurationAndLateOneSecondAfter() throws {
        // 受理: T1 exactly 48:00:00 (in time), T2 48:00:01 (late), T3 empty (late).
        // 办结: T1 exactly 168:00:00 (in time), T2 168:00:01 (late), T3 empty (late).
        let o = try run(["roster": Self.roster, "tasks": """
            事件编号,编号,派发时间,受理时间,办结时间
            T1,A,2026-07-30 10:00,2026-08-01 10:00:00,2026-08-06 10:00
            T2,A,2026-07-30 10:00,2026-08-01 10:00:01,2026-08-06 10:00:01
            T3,A,2026-07-30 10:00,,
            T4,B,2026-07-01 00:00:00,2026-07-01 00:00,2026-07-01 00:00

            """])
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(try o.value("受理超时", "A"), .number(ExactNumber(2)))
        XCTAssertEqual(try o.value("办结超时", "A"), .number(ExactNumber(2)))
        XCTAssertEqual(try o.value("未受理", "A"), .number(ExactNumber(1)))
        XCTAssertEqual(try o.value("受理超时", "B"), .number(.zero))
        XCTAssertEqual(try o.value("办结超时", "B"), .number(.zero))
    }

    func testCountByCountsKeysWhoseRowsMeetTheCondition() throws {
        // A, by the date of the start: 07-01: 30 + 30 min = 60 → counts (exactly 60);
        // 07-02: 59:59 → not; 07-31: 23:30 → 00:30 next day = 60 → counts (the start's day);
        // 08-01 gets nothing (no session starts then). Two sessions on 07-01 only.
        let o = try run(["roster": Self.roster, "patrol": """
            巡查编号,编号,开始时间,结束时间
            P1,A,2026-07-01 08:00,2026-07-01 08:30
            P2,A,2026-07-01 20:00,2026-07-01 20:30
            P3,A,2026-07-02 08:00,2026-07-02 08:59:59
            P4,A,2026-07-31 23:30,2026-08-01 00:30
            P5,B,2026-07-05 08:00,2026-07-05 09:00:00

            """])
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(try o.value("达标日", "A"), .number(ExactNumber(2)))
        XCTAssertEqual(try o.value("两场日", "A"), .number(ExactNumber(1)))
        XCTAssertEqual(try o.value("达标日", "B"), .number(ExactNumber(1)))
        XCTAssertEqual(try o.value("两场日", "B"), .number(.zero))
    }

    func testRowChecksAreErrorsAtTheirRowAndColumn() throws {
        let o = try run(["roster": Self.roster, "patrol": """
            巡查编号,编号,开始时间,结束时间
            P1,A,2026-07-01 08:00,2026-07-01 08:00
            P2,A,2026-07-01 08:00,2026-07-02 08:00:01
            P3,A,2026-07-01 08:00,2026-07-02 08:00:00

            """, "tasks": """
            事件编号,编号,派发时间,受理时间,办结时间
            T1,A,2026-07-02 10:00,2026-07-02 09:59:59,
            T2,A,2026-07-02 10:00,,2026-07-03 10:00
            T3,A,2026-07-02 10:00,2026-07-02 10:00,2026-07-02 10:00

            """])
        XCTAssertNil(o.month)
        XCTAssertTrue(o.problems.contains("patrol.csv:2:4: error: 结束时间 2026-07-01 08:00 is not after 开始时间 2026-07-01 08:00; expected 结束时间 > 开始时间"), "\(o.problems)")
        XCTAssertTrue(o.problems.contains("patrol.csv:3:4: error: 结束时间 2026-07-02 08:00:01 is more than 24 hours after 开始时间 2026-07-01 08:00; expected 结束时间 <= add_hours(开始时间, 24)"), "\(o.problems)")
        XCTAssertTrue(o.problems.contains("tasks.csv:2:4: error: 受理时间 2026-07-02 09:59:59 is before 派发时间 2026-07-02 10:00; expected is_empty(受理时间) or 受理时间 >= 派发时间"), "\(o.problems)")
        XCTAssertTrue(o.problems.contains("tasks.csv:3:5: error: 办结时间 is given without 受理时间; expected is_empty(办结时间) or has(受理时间)"), "\(o.problems)")
        // Exactly 24 hours (P3) and equal times (T3) pass: four problems in all.
        XCTAssertEqual(o.problems.filter { $0.contains("error:") && !$0.contains("nothing was written") }.count, 4, "\(o.problems)")
    }

    func testWithinPeriodPerColumn() throws {
        // 受理时间 may be after the month (within_period = false); 派发时间 may not.
        let o = try run(["roster": Self.roster, "tasks": """
            事件编号,编号,派发时间,受理时间,办结时间
            T1,A,2026-08-01 10:00,2026-08-01 10:00,

            """])
        XCTAssertNil(o.month)
        XCTAssertTrue(o.problems.contains { $0.hasPrefix("tasks.csv:2:3: error: 派发时间 2026-08-01 10:00 is outside 2026-07") }, "\(o.problems)")
        XCTAssertEqual(o.problems.filter { $0.contains("outside") }.count, 1, "\(o.problems)")
    }

    func testAnEmptyOptionalCellIsNoValueNeverZeroOrEmptyText() throws {
        // Comparing 受理时间 without has() is refused by the checker (issue 24), at the column.
        let compared = Self.rules.replacingOccurrences(of: #""未受理" = 'count(tasks, is_empty(受理时间))'"#,
                                                      with: #""未受理" = 'count(tasks, 受理时间 > 派发时间)'"#)
        let refused = try run(["roster": Self.roster, "tasks": "事件编号,编号,派发时间,受理时间,办结时间\n"], rules: compared)
        XCTAssertTrue(refused.problems.contains { $0.hasPrefix("t.toml:66:23: error: column '受理时间' is optional (optional = true) and may be empty") }, "\(refused.problems)")
        // Read through a function (not checked statically) on a row where it is empty: an error at that row.
        let rules = Self.rules.replacingOccurrences(of: #""未受理" = 'count(tasks, is_empty(受理时间))'"#,
                                                   with: #""未受理" = 'count(tasks, hours_between(派发时间, 受理时间) > 0)'"#)
        let o = try run(["roster": Self.roster, "tasks": """
            事件编号,编号,派发时间,受理时间,办结时间
            T1,A,2026-07-02 10:00,2026-07-02 11:00,
            T2,A,2026-07-02 10:00,,

            """], rules: rules)
        XCTAssertNil(o.month)
        XCTAssertTrue(o.problems.contains { $0.hasPrefix("tasks.csv:3:1: error: 受理时间, 办结时间 is empty (no value) on this row") && $0.contains("has(受理时间)") }, "\(o.problems)")
        XCTAssertFalse(o.problems.contains { $0.hasPrefix("tasks.csv:2:") }, "\(o.problems)")
    }

    func testCheckPhaseErrorsOfTheNewFunctions() throws {
        func errors(_ values: String) -> [String] {
            let text = Self.rules.replacingOccurrences(of: "[values]\n", with: "[values]\n" + values + "\n")
            switch RuleLoader.load(text: text, file: "t.toml") {
            case .success: return []
            case .failure(let f): return f.diagnostics.map(\.message)
            }
        }
        XCTAssertEqual(errors(#""x" = 'count(tasks, has(派发时间))'"#),
                       ["column '派发时间' is not optional, so it always has a value; declare it with optional = true if it may be empty"])
        XCTAssertEqual(errors(#""x" = 'sum(patrol, hours_between(开始时间, 1))'"#), ["argument 2 of hours_between() must be a date and time, but is a number"])
        XCTAssertEqual(errors(#""x" = 'count(patrol, 结束时间 > add_minutes(开始时间, "5"))'"#), ["argument 2 of add_minutes() must be a number, but is text"])
        XCTAssertEqual(errors(#""x" = 'count_by(patrol, date(开始时间), 开始时间 > 0)'"#),
                       ["'开始时间' cannot be read in the condition of count_by(): it sees only sum(value) and count() over the rows of one key, and constants"])
        XCTAssertEqual(errors(#""x" = 'count_by(patrol, date(开始时间), sum(1))'"#), ["the condition of count_by() must be true/false, but is a number"])
        XCTAssertEqual(errors(#""x" = 'count_by(patorl, date(开始时间), count() > 1)'"#).count, 1)
        XCTAssertTrue(errors(#""x" = 'count_by(patorl, date(开始时间), count() > 1)'"#)[0].contains("did you mean 'patrol'"))
    }

    func testRowCheckDeclarationErrors() {
        let text = Self.rules.replacingOccurrences(of: "column = \"受理时间\"", with: "column = \"受理时问\"")
            .replacingOccurrences(of: "require = '结束时间 > 开始时间'", with: "require = '结束时间 + 1'")
        guard case .failure(let f) = RuleLoader.load(text: text, file: "t.toml") else { return XCTFail("must fail") }
        let messages = f.diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.contains("column names '受理时问', which is not a column of tasks; did you mean '受理时间'?") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'+' needs numbers, but the left side is a date and time") }, "\(messages)")
    }
}

final class TimeArithmeticTests: XCTestCase {
    func testDayNumbersRoundTripAcrossLeapYearsAndCenturies() {
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1).dayNumber, 0)
        XCTAssertEqual(CivilDate(year: 2000, month: 3, day: 1).dayNumber - CivilDate(year: 2000, month: 2, day: 28).dayNumber, 2)   // 2000 is leap
        XCTAssertEqual(CivilDate(year: 2100, month: 3, day: 1).dayNumber - CivilDate(year: 2100, month: 2, day: 28).dayNumber, 1)   // 2100 is not
        var d = CivilDate(year: 1999, month: 12, day: 25)
        for _ in 0..<800 {
            XCTAssertEqual(CivilDate(dayNumber: d.dayNumber), d)
            let next = CivilDate(dayNumber: d.dayNumber + 1)
            XCTAssertTrue(d < next)
            d = next
        }
        XCTAssertEqual(CivilDate(dayNumber: -1), CivilDate(year: 1969, month: 12, day: 31))
    }

    func testAddingDurations() throws {
        let t = CivilDateTime.parse("2026-07-31 23:30")!
        let loc = SourceLocation(file: "t", line: 1, column: 1)
        XCTAssertEqual(try TimeArithmetic.add("add_hours", t, ExactNumber(48), unitSeconds: 3600, at: loc).description, "2026-08-02 23:30:00")
        XCTAssertEqual(try TimeArithmetic.add("add_minutes", t, ExactNumber(decimalText: "0.5")!, unitSeconds: 60, at: loc).description, "2026-07-31 23:30:30")
        XCTAssertEqual(try TimeArithmetic.add("add_seconds", t, ExactNumber(-84601), unitSeconds: 1, at: loc).description, "2026-07-30 23:59:59")
        XCTAssertThrowsError(try TimeArithmetic.add("add_minutes", t, ExactNumber(decimalText: "0.001")!, unitSeconds: 60, at: loc))
        XCTAssertEqual(TimeArithmetic.between(t, CivilDateTime.parse("2026-07-31 22:00")!, unitSeconds: 3600), ExactNumber(decimalText: "-1.5")!)
    }
}
