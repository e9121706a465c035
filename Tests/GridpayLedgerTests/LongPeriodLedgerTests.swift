import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayLedger
@testable import GridpayPipeline

/// SPEC §8, §9: a town assessed by half-year closes, verifies and lists its half-years as a
/// monthly town its months: in order, from the ledger's archive once Input/ is gone.
final class LongPeriodLedgerTests: XCTestCase {
    static let rules = TestTown.withMarks("h", period: "half-year", rest: """
        [[items]]
        name = "考核"
        score = 'sum(marks, 分)'

        [pay]
        base = '1000'
        score_pay = 'round(1000 * 总分 / 100, 2)'
        """)

    func testHalfYearsCloseInOrderAndVerifyFromTheArchive() throws {
        let town = try TownFolder("h", rules: Self.rules)
        let input = town.inputDir, ledgerDir = town.ledgerDir, request = town.request
        // A: 10 in each month of the year (60 a half-year, 600.00 yuan); B: 1 in 2026-01 only.
        for m in 1...12 {
            let month = String(format: "2026-%02d", m)
            let b = m == 1 ? "\(m)b,B,\(month)-02,1\n" : ""
            try town.write(month: month, ["roster.csv": "编号,姓名,村,网格\nA,甲,东村,G1\nB,乙,东村,G1\n", "marks.csv": "记录,编号,日期,分\n\(m),A,\(month)-01,10\n\(b)"])
        }
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        guard case .failure(let early) = LedgerCommands.close(request("2026-H2"), by: "张三", ledgerDir: ledgerDir, now: at) else {
            return XCTFail("2026-H2 before 2026-H1")
        }
        XCTAssertEqual(early.diagnostics.map(\.message), [
            "cannot close h 2026-H2: the previous period 2026-H1 has inputs (\(input)/h/2026-01) but is not closed; periods are closed in order: close 2026-H1 first",
        ])
        for p in ["2026-H1", "2026-H2"] {
            guard case .success = LedgerCommands.close(request(p), by: "张三", ledgerDir: ledgerDir, now: at) else { return XCTFail("close \(p)") }
        }
        try FileManager.default.removeItem(atPath: input)
        guard case .success(let verified) = LedgerCommands.verify(town: "h", period: CalendarPeriod.parse("2026-H1")!, inputDir: input, ledgerDir: ledgerDir) else {
            return XCTFail("verify 2026-H1")
        }
        XCTAssertEqual(verified.lines.first,
                       "h 2026-H1: identical — re-run from the ledger's archive (rule file h.toml, version 1), all 3 outputs have the SHA-256 recorded when it was closed by 张三 at \(LocalTime.here("2026-05-28 20:26:40"))")
        guard case .success(let status) = LedgerCommands.status(town: "h", inputDir: input, ledgerDir: ledgerDir, zone: TimeZone(identifier: "UTC")!) else { return XCTFail("status") }
        // H1: A 60 → 600.00, B 1 → 10.00; H2: A 60 → 600.00, B 0.
        XCTAssertEqual(Array(status.lines.dropFirst()).filter { !$0.hasPrefix("chain head ") }, [
            "period | closed by | closed at (local time) | rule version | workers | total payable (yuan)",
            "2026-H1 | 张三 | 2026-05-28 20:26:40 +00:00 | 1 | 2 | 610.00",
            "2026-H2 | 张三 | 2026-05-28 20:26:40 +00:00 | 1 | 2 | 600.00",
            "open periods (inputs present, not closed): none",
            "corrections waiting to be settled: none",
        ])
    }

    /// A town assessed by year with the first half-year as its preliminary check (SPEC §17):
    /// 2026-H1 is closed first, then the year; a half-year is not closed after its year.
    func testThePreliminaryHalfYearClosesBeforeItsYear() throws {
        let town = try TownFolder("h", rules: Self.rules.replacingOccurrences(of: "period = \"half-year\"", with: "period = \"year\"\npreliminary = \"half-year\""))
        let input = town.inputDir, ledgerDir = town.ledgerDir, request = town.request
        for m in 1...12 {
            let month = String(format: "2026-%02d", m)
            try town.write(month: month, ["roster.csv": "编号,姓名,村,网格\nA,甲,东村,G1\n", "marks.csv": "记录,编号,日期,分\n\(m),A,\(month)-01,5\n"])
        }
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        for p in ["2026-H1", "2026"] {
            guard case .success = LedgerCommands.close(request(p), by: "张三", ledgerDir: ledgerDir, now: at) else { return XCTFail("close \(p)") }
        }
        guard case .success(let verified) = LedgerCommands.verify(town: "h", period: CalendarPeriod.parse("2026")!, inputDir: input, ledgerDir: ledgerDir) else {
            return XCTFail("verify 2026")
        }
        XCTAssertTrue(verified.lines.first?.hasPrefix("h 2026: identical") == true, "\(verified.lines)")
        guard case .failure(let late) = LedgerCommands.close(request("2026-H2"), by: "张三", ledgerDir: ledgerDir, now: at) else {
            return XCTFail("2026-H2 is no period of this town")
        }
        XCTAssertTrue(late.diagnostics.map(\.message).first?.hasPrefix("h is assessed by year") == true, "\(late.diagnostics)")
    }
}
