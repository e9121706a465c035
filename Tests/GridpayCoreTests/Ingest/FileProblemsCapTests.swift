import XCTest
@testable import GridpayCore

/// Past a file's first 200 errors, errors are counted, not kept: memory and the run's messages
/// stay bounded (a province's export with a column shifted has an error on every row).
final class FileProblemsCapTests: XCTestCase {
    func testErrorsPastTheFirst200AreCountedNotKept() {
        let log = FileProblems(file: "events.csv", isRoster: false, acceptedLines: [250])
        var built = 0
        func message(_ line: Int) -> String {
            built += 1
            return "bad \(line)"
        }
        for line in 2...10_001 { log.report(.badValue, line: line, field: 3, column: "时长", message(line)) }
        log.report(.formulaLikeText, line: 5, field: 2, column: "姓名", "kept", acceptable: false, severity: .warning)
        // Each kept error is worded for the reader and, where the reader's language is not Chinese,
        // again in Chinese for 数据问题 (InputProblem.sheetMessage).
        XCTAssertEqual(built, Language.current == .zh ? 200 : 400, "an error past the first 200 is not even worded")
        XCTAssertEqual(log.kept.count, 201, "200 errors, then the warning")
        XCTAssertEqual(log.kept[199].line, 201)
        XCTAssertEqual(log.kept[200].message, "kept")
        // Lines 202–10,001: 9,800 errors, line 250's accepted.
        XCTAssertEqual(log.unlistedBlocking, 9_799)
        XCTAssertEqual(log.unlistedAccepted, 1)
        XCTAssertEqual(log.list.count, 202)
        let counted = log.list[201]
        XCTAssertEqual(counted.kind, .unlistedErrors)
        XCTAssertEqual(counted.severity, .error)
        XCTAssertNil(counted.line)
        XCTAssertTrue(counted.blocks)
        XCTAssertFalse(counted.acceptable)
        XCTAssertEqual(counted.blockingCount, 9_799, "the run's total counts every blocking error, listed or not")
        XCTAssertEqual(counted.message, "and 9800 more errors in events.csv (lines 202–10001), not listed (a file's first 200 errors are listed); correct those and run again to see the rest")
        Language.with(.zh) {
            XCTAssertEqual(log.unlisted?.message, "events.csv 另有 9800 个错误未列出（第 202–10001 行；每个文件只列出前 200 个错误）；请先改正已列出的，再运行查看其余的")
        }
    }

    /// Scattered errors: their first six runs of lines, then how many lines past them.
    func testTheLinesOfScatteredUnlistedErrorsAreBounded() {
        let log = FileProblems(file: "e.csv", isRoster: false, acceptedLines: [])
        // Every other line from 2: the 200 listed end at line 400; the other ten are 402 … 420.
        for k in 0..<210 { log.report(.badValue, line: 2 + 2 * k, "bad") }
        XCTAssertEqual(log.unlistedLines.ranges.count, 6)
        XCTAssertEqual(log.unlistedLinesPast, 4)
        XCTAssertEqual(log.unlisted?.message, "and 10 more errors in e.csv (lines 402, 404, 406, 408, 410, 412 and 4 more), not listed (a file's first 200 errors are listed); correct those and run again to see the rest")
        // 数据问题 says it in Chinese, its lines joined with 、 (as the terminal in Chinese).
        let zh = "e.csv 另有 10 个错误未列出（第 402、404、406、408、410、412 行，另有 4 行；每个文件只列出前 200 个错误）；请先改正已列出的，再运行查看其余的"
        XCTAssertEqual(log.unlisted?.sheetMessage, zh)
        Language.with(.zh) {
            XCTAssertEqual(log.unlisted?.message, zh)
        }
    }

    func testUnlistedErrorsOfAcceptedRowsOnlyAreAWarning() {
        let log = FileProblems(file: "events.csv", isRoster: false, acceptedLines: Set(202...204))
        for line in 2...204 { log.report(.badValue, line: line, "bad") }
        XCTAssertEqual(log.list.count, 201)
        XCTAssertEqual(log.list.last?.severity, .warning)
        XCTAssertEqual(log.list.last?.blocks, false)
        XCTAssertEqual(log.list.last?.message, "and 3 more errors in events.csv (lines 202–204), not listed (a file's first 200 errors are listed); correct those and run again to see the rest")
    }

    func testTwoHundredErrorsAreAllListed() {
        let log = FileProblems(file: "events.csv", isRoster: false, acceptedLines: [])
        for line in 2...201 { log.report(.badValue, line: line, "bad") }
        XCTAssertEqual(log.list.count, 200)
        XCTAssertNil(log.unlisted)
    }

    /// Through a whole file: 250 rows with a bad cell each.
    func testAFileWithManyBadRows() throws {
        let town = try IngestFixture(tables: CellDecoderTests.tables, roster: [["W1", "甲", "东", "G1", "100"]])
        let ingest = TableIngest(table: town.table("rows"), month: town.month, accepted: [])
        ingest.consume(fields: ["编号", "结果", "时长", "金额", "日期"], line: 1)
        for line in 2...251 { ingest.consume(fields: ["W1", "有效", "x", "", "2026-10-05"], line: line) }
        ingest.finish()
        XCTAssertEqual(ingest.problems.count, 201)
        XCTAssertEqual(ingest.problems[199].message, "时长 is 'x'; expected a whole number")
        XCTAssertEqual(ingest.problems[199].line, 201)
        XCTAssertEqual(ingest.problems[200].message, "and 50 more errors in rows.csv (lines 202–251), not listed (a file's first 200 errors are listed); correct those and run again to see the rest")
        XCTAssertEqual(ingest.rowsRead, 250)
        XCTAssertEqual(ingest.rowsUsed, 0)
    }
}
