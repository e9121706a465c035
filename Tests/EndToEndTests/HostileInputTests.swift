import Foundation
import XCTest

/// Issue 6, points 5, 6, 7 and 9, end to end (fixtures in Fixtures/bad-input, see its README).
extension BadInputTests {
    // MARK: 6.5 exports that silently changed pay

    func testZeroByteExportIsAnError() throws {
        // Before: the month ran with no phone checks at all (−29% of pay on the sample month).
        try assertSingleProblem("empty-export",
            "\(inputPath("empty-export", "phone_checks.csv")):1:1: error: phone_checks.csv is empty (no header row); expected the header (抽查编号, 抽查时间, 网格员编号, 抽查层级, 是否接听) and one row per record; an export without rows still has its header",
            summary: summary(problems: 1))
    }

    func testHeaderOnlyExportIsSaidAloud() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (r, dir) = try runSucceeding("header-only-export", out: out)
        let message = "phone_checks.csv has a header but no rows: nothing of table 'phone_checks' counts this period"
        XCTAssertEqual(otherWarnings(r), ["\(inputPath("header-only-export", "phone_checks.csv")):1:1: warning: \(message)"], r.transcript)
        let parts = try Runner.xlsxParts("\(dir)/\(Self.town)-\(Self.month).xlsx")
        let rows = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "数据问题", in: parts)))
        // 数据问题 is in Chinese whatever the terminal's language (OutputLanguageTests).
        let sheetMessage = "phone_checks.csv 只有表头，没有数据行：表“phone_checks”本期不计任何内容"
        XCTAssertTrue(rows.contains { $0.contains(sheetMessage) && $0.first == "警告" }, "数据问题 lists it as a warning: \(rows)")
    }

    func testRosterWithoutWorkersIsAnError() throws {
        // And no flood of "not on the roster" for every other row.
        try assertSingleProblem("empty-roster",
            "\(inputPath("empty-roster", "roster.csv")):1:1: error: roster.csv has a header but no workers; expected one row per worker",
            summary: summary(problems: 1))
    }

    /// The warnings of a case whose roster row 3 (QH0002) is left out: one per other table.
    func rowsNotChecked(_ name: String) -> [String] {
        ["patrol.csv", "events.csv", "phone_checks.csv", "training.csv", "visits.csv"].map {
            "\(inputPath(name, $0)):1:1: warning: 1 row of worker 'QH0002' was not checked: the worker's roster row (roster.csv line 3) was left out because of the problem reported there"
        }
    }

    func testIntegerIsDigitsOnly() throws {
        // Before: 2.00 (and 2200.00) passed as a whole number.
        let r = try runFailing("integer-with-decimals")
        XCTAssertEqual(r.stderrLines, [
            "\(inputPath("integer-with-decimals", "roster.csv")):3:6: error: 重点人员数 is '2.00'; expected a whole number written with digits only (no decimal point, sign '+', spaces or separators)",
        ] + rowsNotChecked("integer-with-decimals") + [summary(problems: 1)], r.transcript)
    }

    func testAHugeNumberIsAnErrorAtItsCell() throws {
        // 重点人员数 has no maximum of its own. Before: 2^62 passed, and the run failed with one
        // "number too large for exact arithmetic" per worker of the rank, naming no cell.
        let r = try runFailing("huge-number")
        XCTAssertEqual(r.stderrLines, [
            "\(inputPath("huge-number", "roster.csv")):3:6: error: 重点人员数 is 4611686018427387904, larger than any input number gridpay reads; expected a whole number of at most 1000000000000 in size",
        ] + rowsNotChecked("huge-number") + [summary(problems: 1)], r.transcript)
    }

    func testMoreDecimalsThanGridpayReadsIsAnErrorAtItsCell() throws {
        // 巡查时长(分钟) declares no decimals of its own: at most six.
        try assertSingleProblem("too-many-decimals",
            "\(inputPath("too-many-decimals", "patrol.csv")):4:3: error: 巡查时长(分钟) is '127.0000001'; expected at most 6 decimals (gridpay's limit for an input number)",
            summary: summary(problems: 1, acceptable: 1, example: "patrol.csv:4"))
    }

    func testControlCharacterInACellIsAnErrorAtItsCell() throws {
        // Before: the NUL passed validation and failed inside the XLSX writer with no position.
        try assertSingleProblem("control-character",
            "\(inputPath("control-character", "events.csv")):3:4: error: 事件类型 '环境\\0卫生' holds the control character U+0000 at byte 7; expected text without control characters (tab and line breaks are allowed)",
            summary: summary(problems: 1, acceptable: 1, example: "events.csv:3"))
    }

    // MARK: 6.7 one bad roster cell

    func testOneBadRosterCellIsReportedOnceWithTheRowsItLeftUnchecked() throws {
        // Before: the cell, then "worker QH0002 is not on the roster" on every row of QH0002.
        let r = try runFailing("bad-roster-cell")
        XCTAssertEqual(r.stderrLines, [
            "\(inputPath("bad-roster-cell", "roster.csv")):3:5: error: 绩效工资基数(元) is '22OO.00'; expected a number with at most 2 decimals",
        ] + rowsNotChecked("bad-roster-cell") + [summary(problems: 1)], r.transcript)
    }

    /// SPEC §15: a roster row is never accepted (QH0002 would vanish from the pay sheet); the
    /// refusal says why, in English and in Chinese, and the summary offers no --accept.
    func testARosterRowCannotBeAccepted() throws {
        let roster = inputPath("bad-roster-cell", "roster.csv")
        let r = try runFailing("bad-roster-cell", accept: ["roster.csv:3"])
        XCTAssertEqual(r.stderrLines, [
            "\(roster):3:5: error: 绩效工资基数(元) is '22OO.00'; expected a number with at most 2 decimals",
        ] + rowsNotChecked("bad-roster-cell") + [
            "error: --accept roster.csv:3 cannot be accepted: it is a row of the roster (roster.csv), and accepting it would drop the worker from the score sheet, the pay sheet and the pay CSV; correct the row and run again",
            summary(problems: 2),
        ], r.transcript)

        let out = try Runner.TempFolder(prefix: "gridpay-roster-accept")
        let zh = try Runner.run(["run", Self.town, Self.month, "--rules-dir", Runner.rulesDir, "--input-dir", caseDir("bad-roster-cell"),
                                 "--output-dir", out.path, "--accept", "roster.csv:3"], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(zh.status, 1, zh.transcript)
        XCTAssertEqual(zh.stderrLines, [
            "\(roster):3:5: 错误：绩效工资基数(元)为“22OO.00”；应为最多 2 位小数的数字",
        ] + ["patrol.csv", "events.csv", "phone_checks.csv", "training.csv", "visits.csv"].map {
            "\(inputPath("bad-roster-cell", $0)):1:1: 警告：网格员“QH0002”的 1 行未检查：该网格员的花名册行（roster.csv 第3行）因那里报告的问题被剔除"
        } + [
            "错误：--accept roster.csv:3 不能接受：这是花名册（roster.csv）的一行，接受它会让这位网格员从考核表、绩效工资表和工资 CSV 中消失，少发一个人的钱；请改正这一行后重新运行（花名册由制表人员按人事名单改正）",
            "错误：qinghe 2026-10 的输入中有 2 个问题会影响某人的绩效工资；没有写出任何文件",
        ], zh.transcript)
    }

    // MARK: 6.6 junk input

    func testHundredMegabytesOfNULIsRefusedAtOnceInAFewLines() throws {
        // Before: 94 s, 6.8 GB of memory, 400 MB of messages.
        let input = try Runner.TempFolder(prefix: "gridpay-junk")
        let month = input.path("\(Self.town)/\(Self.month)")
        try FileManager.default.createDirectory(atPath: input.path(Self.town), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: monthDir("valid"), toPath: month)
        let junk = "\(month)/patrol.csv"
        _ = FileManager.default.createFile(atPath: junk, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: junk))
        let block = Data(count: 1 << 20)
        for _ in 0..<100 { handle.write(block) }
        try handle.close()
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let started = Date()
        let r = try Runner.runMonth(inputDir: input.path, outputDir: out.path)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "refused in seconds")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderrLines, [
            "\(junk):1:1: error: field 1 is longer than 65536 bytes, the most one cell may hold; expected a CSV export (is a quote never closed, or is this not a CSV file?)",
            summary(problems: 1),
        ], r.transcript)
    }

    // MARK: 6.9 no command-line path in any output

    func testTheSameMonthFromAnotherFolderGivesTheSameBytes() throws {
        // With incomplete history the --input-dir path was in the manifest and the workbook.
        let elsewhere = try Runner.TempFolder(prefix: "gridpay-elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere.path(Self.town), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: monthDir("valid"), toPath: elsewhere.path("\(Self.town)/\(Self.month)"))
        let out1 = try Runner.TempFolder(prefix: "gridpay-badinput-out"), out2 = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (_, dir1) = try runSucceeding("valid", out: out1)
        let r2 = try Runner.runMonth(inputDir: elsewhere.path, outputDir: out2.path)
        XCTAssertEqual(r2.status, 0, r2.transcript)
        let dir2 = out2.path("\(Self.town)/\(Self.month)")
        for f in ["\(Self.town)-\(Self.month).xlsx", "\(Self.town)-\(Self.month)-pay.csv", "\(Self.town)-\(Self.month)-manifest.json"] {
            let a = FileManager.default.contents(atPath: "\(dir1)/\(f)"), b = FileManager.default.contents(atPath: "\(dir2)/\(f)")
            XCTAssertNotNil(a)
            XCTAssertEqual(a, b, "\(f) differs between input folders")
        }
        let manifest = String(decoding: FileManager.default.contents(atPath: "\(dir1)/\(Self.town)-\(Self.month)-manifest.json") ?? Data(), as: UTF8.self)
        XCTAssertFalse(manifest.contains(caseDir("valid")), manifest)
        XCTAssertFalse(manifest.contains(out1.path), manifest)
    }
}
