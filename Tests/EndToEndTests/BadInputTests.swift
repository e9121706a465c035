import Foundation
import XCTest

/// SPEC section 6, end to end: each fixture under Fixtures/bad-input/<case>/qinghe/2026-10 is a
/// small complete month broken in exactly one way (see Fixtures/bad-input/README.md). A run must
/// print every problem as `path:line:col: error: message`, then a summary, exit 1, and leave the
/// output folder exactly as it was. The path printed is `<input-dir>/qinghe/2026-10/<file>`;
/// columns are field numbers of the CSV row.
final class BadInputTests: XCTestCase {
    typealias Runner = BinaryRunner

    static let town = "qinghe"
    static let month = "2026-10"

    func caseDir(_ name: String) -> String { "\(Runner.fixturesDir)/bad-input/\(name)" }
    func monthDir(_ name: String) -> String { "\(caseDir(name))/\(Self.town)/\(Self.month)" }
    /// How the binary names an input file of a case in its messages.
    func inputPath(_ name: String, _ file: String) -> String { "\(monthDir(name))/\(file)" }

    /// The final line of a failed run.
    func summary(problems: Int, acceptable: Int = 0, example: String? = nil) -> String {
        var s = "error: \(problems == 1 ? "1 problem" : "\(problems) problems") in the inputs of \(Self.town) \(Self.month) would change someone's pay; nothing was written"
        if acceptable > 0, let example {
            s += ". \(acceptable == 1 ? "1 of them is a single row" : "\(acceptable) of them are single rows") that can be left out on purpose with --accept FILE:LINE (e.g. --accept \(example))"
        }
        return s
    }

    /// Runs a case that must fail, into an output folder that already holds earlier outputs of
    /// the month and a sentinel file; checks exit 1, nothing on stdout and the folder unchanged.
    func runFailing(_ name: String, accept: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> Runner.Output {
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let earlier = out.path("\(Self.town)/\(Self.month)")
        try FileManager.default.createDirectory(atPath: earlier, withIntermediateDirectories: true)
        try Data("earlier workbook".utf8).write(to: URL(fileURLWithPath: "\(earlier)/\(Self.town)-\(Self.month).xlsx"))
        try Data("earlier pay sheet".utf8).write(to: URL(fileURLWithPath: "\(earlier)/\(Self.town)-\(Self.month)-pay.csv"))
        try Data("sentinel".utf8).write(to: URL(fileURLWithPath: out.path("sentinel.txt")))
        let before = Runner.snapshot(out.path)

        let r = try Runner.runMonth(inputDir: caseDir(name), outputDir: out.path, accept: accept, file: file, line: line)
        XCTAssertEqual(r.status, 1, "case \(name) must fail\n\(r.transcript)", file: file, line: line)
        XCTAssertEqual(r.stdout, "", "a failed run lists no written files\n\(r.transcript)", file: file, line: line)
        let after = Runner.snapshot(out.path)
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted(), "a failed run must not add or remove anything in the output folder", file: file, line: line)
        XCTAssertEqual(after, before, "a failed run must leave earlier outputs byte for byte as they were", file: file, line: line)
        return r
    }

    /// A case with one problem: stderr is exactly that line and the summary.
    func assertSingleProblem(_ name: String, _ expected: String, summary expectedSummary: String,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try runFailing(name, file: file, line: line)
        XCTAssertEqual(r.stderrLines, [expected, expectedSummary], r.transcript, file: file, line: line)
    }

    /// A run that must succeed into a fresh output folder; returns the output and the month's folder.
    func runSucceeding(_ name: String, accept: [String] = [], out: Runner.TempFolder,
                       file: StaticString = #filePath, line: UInt = #line) throws -> (Runner.Output, String) {
        let r = try Runner.runMonth(inputDir: caseDir(name), outputDir: out.path, accept: accept, file: file, line: line)
        XCTAssertEqual(r.status, 0, "case \(name) must succeed\n\(r.transcript)", file: file, line: line)
        XCTAssertEqual(r.errorLines, [], r.transcript, file: file, line: line)
        let dir = out.path("\(Self.town)/\(Self.month)")
        let base = "\(Self.town)-\(Self.month)"
        // The outputs, then the summary (workers, total payable; no earlier period to compare).
        XCTAssertEqual(Array(r.stdoutLines.prefix(3)), ["\(base).xlsx", "\(base)-pay.csv", "\(base)-manifest.json"].map { "\(dir)/\($0)" },
                       r.transcript, file: file, line: line)
        XCTAssertEqual(r.stdoutLines.count, 5, r.transcript, file: file, line: line)
        for f in ["\(base).xlsx", "\(base)-pay.csv", "\(base)-manifest.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(dir)/\(f)"), "missing output \(f)", file: file, line: line)
        }
        return (r, dir)
    }

    /// The fixtures have no 2026-08/09 inputs, so every successful run warns, without a file
    /// position, that the history is incomplete (pinned in testValidMonthRunsCleanly).
    func otherWarnings(_ r: Runner.Output) -> [String] {
        r.warningLines.filter { !$0.hasPrefix("warning: history incomplete: the inputs of 2026-0") }
    }

    // MARK: the control

    func testValidMonthRunsCleanly() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (r, _) = try runSucceeding("valid", out: out)
        XCTAssertEqual(otherWarnings(r), [], r.transcript)
        XCTAssertEqual(r.warningLines, ["08", "09"].map { "warning: history incomplete: the inputs of 2026-\($0) are missing (no folder qinghe/2026-\($0) in the input folder)" }, r.transcript)
    }

    // MARK: one case per kind of problem

    /// A renamed header (SPEC §15): one cause said at the header for all the rows it leaves
    /// unread, naming the declared column and the header most like it (核查结论, field 5); then
    /// the column's own error there.
    func testMissingColumn() throws {
        let path = inputPath("missing-column", "events.csv")
        let r = try runFailing("missing-column")
        XCTAssertEqual(r.stderrLines, [
            "\(path):1:5: error: \(Self.renamedHeaderCause)",
            "\(path):1:5: error: missing column '核查结果': the header has '核查结论' here; is it misspelt? Expected the header to name '核查结果'",
            summary(problems: 1),
        ], r.transcript)
        XCTAssertEqual(try chinese("missing-column").first,
                       "\(path):1:5: 错误：同一原因，全部 4 行（第 2–5 行）都未读入：events.csv 的表头中没有规则文件为表“events”声明的“核查结果”列（表头中最相近的是第 5 列“核查结论”）。处理：如果只是这次导出的列名变了，请制表人员从平台重新导出 events.csv；如果平台已长期改用新的列名，请综治中心在规则文件中把表“events”的列名改成表头中的名称（SPEC §16）。列按名称查找，列的先后顺序不影响读入")
    }

    static let renamedHeaderCause = "one cause, all 4 rows (lines 2–5) are unread: the header of events.csv lacks column 核查结果 (the header most like it: 核查结论, field 5), declared for table events in the rule file. Who acts: if only this export changed the name, the clerk exports events.csv again from the platform; if the platform renamed it for good, the governance office renames the column in the rule file to the header's name (SPEC §16). Columns are found by name; their order does not matter"

    /// Columns are found by name (SPEC §15, §16): events.csv, phone_checks.csv and roster.csv with
    /// their columns in another order give the valid month's pay sheet byte for byte.
    func testAReorderedHeaderIsReadAsTheDeclaredOne() throws {
        let valid = try Runner.TempFolder(prefix: "gridpay-badinput-out"), reordered = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (_, validDir) = try runSucceeding("valid", out: valid)
        let (r, dir) = try runSucceeding("reordered-header", out: reordered)
        XCTAssertEqual(otherWarnings(r), [], r.transcript)
        let pay = "\(Self.town)-\(Self.month)-pay.csv"
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(pay)")), try Data(contentsOf: URL(fileURLWithPath: "\(validDir)/\(pay)")))
    }

    func testMissingFile() throws {
        try assertSingleProblem("missing-file",
            "\(inputPath("missing-file", "phone_checks.csv")):1:1: error: the input file phone_checks.csv is missing from the period's folder; the rule file declares it as table 'phone_checks'",
            summary: summary(problems: 1))
    }

    func testUnparsableNumber() throws {
        try assertSingleProblem("unparsable-number",
            "\(inputPath("unparsable-number", "patrol.csv")):3:3: error: 巡查时长(分钟) is 'abc'; expected a number",
            summary: summary(problems: 1, acceptable: 1, example: "patrol.csv:3"))
    }

    func testNegativeDuration() throws {
        try assertSingleProblem("negative-duration",
            "\(inputPath("negative-duration", "patrol.csv")):4:3: error: 巡查时长(分钟) is -30, below the minimum 0; expected a number ≥ 0",
            summary: summary(problems: 1, acceptable: 1, example: "patrol.csv:4"))
    }

    func testUnparsableDate() throws {
        try assertSingleProblem("unparsable-date",
            "\(inputPath("unparsable-date", "visits.csv")):4:3: error: 走访日期 is '2026/10/02'; expected a date YYYY-MM-DD",
            summary: summary(problems: 1, acceptable: 1, example: "visits.csv:4"))
    }

    func testDateOutsideMonth() throws {
        try assertSingleProblem("date-outside-month",
            "\(inputPath("date-outside-month", "training.csv")):5:2: error: 培训日期 2026-11-07 is outside 2026-10; expected a date from 2026-10-01 to 2026-10-31",
            summary: summary(problems: 1, acceptable: 1, example: "training.csv:5"))
    }

    func testBadChoice() throws {
        try assertSingleProblem("bad-choice",
            "\(inputPath("bad-choice", "training.csv")):3:4: error: 出勤 is '缺度'; expected one of 出席 / 请假 / 缺席; did you mean '缺席'?",
            summary: summary(problems: 1, acceptable: 1, example: "training.csv:3"))
    }

    func testUnknownWorker() throws {
        // QH0020 is QH0002 with two digits swapped: a swap is one edit, and ids are only
        // suggested within one edit.
        try assertSingleProblem("unknown-worker",
            "\(inputPath("unknown-worker", "events.csv")):3:2: error: 网格员编号 'QH0020' is not on the roster (roster.csv); expected a 网格员编号 of the roster; did you mean 'QH0002'?",
            summary: summary(problems: 1, acceptable: 1, example: "events.csv:3"))
    }

    func testDuplicateEventID() throws {
        try assertSingleProblem("duplicate-event-id",
            "\(inputPath("duplicate-event-id", "events.csv")):5:1: error: duplicate 事件编号 'SJ202610-0002': already used at line 3; expected each to appear once",
            summary: summary(problems: 1, acceptable: 1, example: "events.csv:5"))
    }

    func testDuplicateTrainingPair() throws {
        try assertSingleProblem("duplicate-training-pair",
            "\(inputPath("duplicate-training-pair", "training.csv")):4:1: error: duplicate 培训编号 + 网格员编号 'PX202610-01, QH0001': already used at line 2; expected each to appear once",
            summary: summary(problems: 1, acceptable: 1, example: "training.csv:4"))
    }

    func testWrongFieldCount() throws {
        try assertSingleProblem("wrong-field-count",
            "\(inputPath("wrong-field-count", "events.csv")):4:1: error: the row has 6 fields, the header has 5; expected 5 (a comma inside a value needs quotes)",
            summary: summary(problems: 1, acceptable: 1, example: "events.csv:4"))
    }

    func testMalformedQuote() throws {
        // NOTE (reported): the location says column 1 while the message names field 4; other
        // row problems put the field number in the column.
        try assertSingleProblem("malformed-quote",
            "\(inputPath("malformed-quote", "events.csv")):4:1: error: malformed CSV: stray quote in field 4 (a quote inside a field must be doubled and the field quoted); expected fields separated by commas, quotes doubled inside quoted fields",
            summary: summary(problems: 1))
        // In Chinese throughout: libcsv's reason too (CSVReadMessages, issue 21).
        XCTAssertEqual(try chinese("malformed-quote").first,
                       "\(inputPath("malformed-quote", "events.csv")):4:1: 错误：CSV 格式有误：第4列中有多余的引号（字段内的引号要写两次，且该字段要加引号）；字段应以逗号分隔，带引号的字段内引号要写两次")
    }

    /// Another encoding (SPEC §15): one cause before the reader's error, with the rows left
    /// unread, the lines misread, and who acts; the other tables are not checked against a
    /// roster that was not read.
    func testGB18030Roster() throws {
        let r = try runFailing("gb18030-file")
        let path = inputPath("gb18030-file", "roster.csv")
        let expected = "\(path):1:1: error: roster.csv is not UTF-8 text (first bad bytes in field 1); it reads as GB18030/GBK: convert it to UTF-8, or declare encoding = \"gb18030\" for table roster in the rule file"
        XCTAssertEqual(r.stderrLines, [
            "\(path):1:1: error: one cause, all 4 rows (lines 2–5) are unread: roster.csv is GB18030/GBK text, but the rule file reads table roster as UTF-8 (no encoding declared); read as UTF-8, the text of lines 1–5 does not read or reads as garbage. Who acts: the clerk exports roster.csv again from the platform as UTF-8; if the platform exports GB18030/GBK, the governance office declares encoding = \"gb18030\" for table roster in the rule file (SPEC §16)",
            expected, summary(problems: 1),
        ], r.transcript)
        XCTAssertEqual(try chinese("gb18030-file").first,
                       "\(path):1:1: 错误：同一原因，全部 4 行（第 2–5 行）都未读入：roster.csv 是 GB18030/GBK 编码的文字，而规则文件没有为表“roster”声明 encoding，即按 UTF-8 读；第 1–5 行的文字按 UTF-8 读不出或成了乱码。处理：请制表人员从平台重新导出 UTF-8 编码的 roster.csv；如果平台导出的本来就是 GB18030/GBK，请综治中心在规则文件中为表“roster”声明 encoding = \"gb18030\"（SPEC §16）")
    }

    /// A UTF-16 export (with its byte-order mark) where the rule file reads UTF-8: every line misread.
    func testUTF16Export() throws {
        let r = try runFailing("utf16-file")
        let path = inputPath("utf16-file", "events.csv")
        XCTAssertEqual(r.stderrLines, [
            "\(path):1:1: error: one cause, all 4 rows (lines 2–5) are unread: events.csv is UTF-16 text, but the rule file reads table events as UTF-8 (no encoding declared); read as UTF-8, the text of lines 1–5 does not read or reads as garbage. Who acts: the clerk exports events.csv again from the platform as UTF-8; if the platform exports UTF-16, the governance office declares encoding = \"utf-16\" for table events in the rule file (SPEC §16)",
            "\(path):1:1: error: events.csv is not UTF-8 text (first bad bytes in field 1)",
            summary(problems: 1),
        ], r.transcript)
        XCTAssertEqual(try chinese("utf16-file").first,
                       "\(path):1:1: 错误：同一原因，全部 4 行（第 2–5 行）都未读入：events.csv 是 UTF-16 编码的文字，而规则文件没有为表“events”声明 encoding，即按 UTF-8 读；第 1–5 行的文字按 UTF-8 读不出或成了乱码。处理：请制表人员从平台重新导出 UTF-8 编码的 events.csv；如果平台导出的本来就是 UTF-16，请综治中心在规则文件中为表“events”声明 encoding = \"utf-16\"（SPEC §16）")
    }

    // MARK: one cause, one message (SPEC §15)

    /// The summary of a refused run whose acceptable rows all share a file-level cause.
    func summaryOfCause(problems: Int, rows: Int) -> String {
        summary(problems: problems) + (rows == 1 ? ". 1 of them is a row of a file-level cause said above: correct the file rather than accept it"
                                                 : ". \(rows) of them are rows of a file-level cause said above: correct the file rather than accept them")
    }

    /// The case's run in Chinese (stderr lines).
    func chinese(_ name: String, accept: [String] = []) throws -> [String] {
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        return try Runner.run(["run", Self.town, Self.month, "--rules-dir", Runner.rulesDir, "--input-dir", caseDir(name), "--output-dir", out.path]
                                + accept.flatMap { ["--accept", $0] }, environment: ["GRIDPAY_LANG": "zh"]).stderrLines
    }

    func testASpreadsheetsDatesAreSaidOnceBeforeTheirRows() throws {
        let r = try runFailing("spreadsheet-dates")
        let path = inputPath("spreadsheet-dates", "phone_checks.csv")
        let expected = "expected a time YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS"
        XCTAssertEqual(r.stderrLines, [
            "\(path):2:2: error: one cause, 4 rows (lines 2–5): 抽查时间 is written as a spreadsheet program rewrites dates ('2026/10/1 8:38'): the file was opened and saved again in Excel, WPS or the like. Who acts: the clerk exports phone_checks.csv again from the platform and puts it here without opening it in a spreadsheet; if the platform itself exports this form, the governance office declares it in the rule file (formats = [\"yyyy/M/d H:mm\"] for 抽查时间, SPEC §16). Do not --accept these rows: that would leave out all 4",
            "\(path):2:2: error: 抽查时间 is '2026/10/1 8:38'; \(expected)",
            "\(path):3:2: error: 抽查时间 is '2026/10/1 11:45'; \(expected)",
            "\(path):4:2: error: 抽查时间 is '2026/10/2 17:05'; \(expected)",
            "\(path):5:2: error: 抽查时间 is '2026/10/3 17:52'; \(expected)",
            // No advice to accept them: that would drop every spot-check deduction.
            summaryOfCause(problems: 4, rows: 4),
        ], r.transcript)
        let zh = try chinese("spreadsheet-dates")
        XCTAssertEqual(zh.first, "\(path):2:2: 错误：同一原因，共 4 行（第 2–5 行）：“抽查时间”是电子表格软件改写后的样式（如“2026/10/1 8:38”）——这个文件被 Excel、WPS 等打开后又保存过，日期被改写了。处理：请制表人员从平台重新导出 phone_checks.csv，不经电子表格打开直接放入；如果平台导出的本来就是这种样式，请综治中心在规则文件中为“抽查时间”声明 formats = [\"yyyy/M/d H:mm\"]（SPEC §16）。不要用 --accept 剔除这些行：那会剔除全部 4 行")
        XCTAssertEqual(zh.last, "错误：qinghe 2026-10 的输入中有 4 个问题会影响某人的绩效工资；没有写出任何文件。其中 4 行出自上面所说的文件整体问题：请改正文件，不要用 --accept 剔除")
    }

    func testASpreadsheetsNumbersInTheRosterAreSaidOnceAndCascadeIntoNothing() throws {
        let r = try runFailing("spreadsheet-numbers")
        let path = inputPath("spreadsheet-numbers", "roster.csv")
        let expected = "expected a number with at most 2 decimals"
        XCTAssertEqual(Array(r.stderrLines.prefix(5)), [
            "\(path):2:5: error: one cause, 4 rows (lines 2–5): 绩效工资基数(元) has thousands separators ('1,800.00'), as a spreadsheet program writes numbers when it saves a file it opened. Who acts: the clerk exports roster.csv again from the platform and puts it here without opening it in a spreadsheet; if the platform itself exports this form, the governance office declares it in the rule file (thousands = \",\" for 绩效工资基数(元), SPEC §16). Do not --accept these rows: that would leave out all 4",
            "\(path):2:5: error: 绩效工资基数(元) is '1,800.00'; \(expected)",
            "\(path):3:5: error: 绩效工资基数(元) is '2,200.00'; \(expected)",
            "\(path):4:5: error: 绩效工资基数(元) is '2,000.00'; \(expected)",
            "\(path):5:5: error: 绩效工资基数(元) is '2,000.00'; \(expected)",
        ], r.transcript)
        // The four workers' rows elsewhere are not checked (one warning per file: one cause, one
        // message), never "not on the roster"; a roster row is not offered to --accept.
        let rest = Array(r.stderrLines.dropFirst(5))
        XCTAssertEqual(rest.count, 5 + 1, r.transcript)
        XCTAssertEqual(rest.first, "\(inputPath("spreadsheet-numbers", "patrol.csv")):1:1: warning: 4 rows of 4 workers ('QH0001', 'QH0002', 'QH0003', 'QH0004') were not checked: their roster rows (roster.csv lines 2–5) were left out because of the problems reported there")
        XCTAssertTrue(rest.dropLast().allSatisfy { $0.contains(": warning: 4 rows of 4 workers ('QH0001', 'QH0002', 'QH0003', 'QH0004') were not checked") }, r.transcript)
        XCTAssertEqual(rest.last, summary(problems: 4))
        let zh = try chinese("spreadsheet-numbers")
        XCTAssertEqual(zh.first, "\(path):2:5: 错误：同一原因，共 4 行（第 2–5 行）：“绩效工资基数(元)”带千位分隔符（如“1,800.00”）——电子表格软件保存它打开过的文件时会这样改写数字。处理：请制表人员从平台重新导出 roster.csv，不经电子表格打开直接放入；如果平台导出的本来就是这种样式，请综治中心在规则文件中为“绩效工资基数(元)”声明 thousands = \",\"（SPEC §16）。不要用 --accept 剔除这些行：那会剔除全部 4 行")
    }

    func testAnotherMonthsFileIsSaidOnceBeforeItsRows() throws {
        let r = try runFailing("other-period")
        let path = inputPath("other-period", "phone_checks.csv")
        let expected = "is outside 2026-10; expected a time from 2026-10-01 00:00 to 2026-10-31 23:59"
        XCTAssertEqual(r.stderrLines, [
            "\(path):2:2: error: one cause, all 4 rows (lines 2–5) are dated in 2026-09, not in 2026-10: this is the export of 2026-09, put in the wrong folder. Who acts: the clerk moves it to \(caseDir("other-period"))/qinghe/2026-09 and puts 2026-10's phone_checks.csv here. Do not --accept these rows: that would leave out the whole file",
            "\(path):2:2: error: 抽查时间 2026-09-01 08:38 \(expected)",
            "\(path):3:2: error: 抽查时间 2026-09-01 11:45 \(expected)",
            "\(path):4:2: error: 抽查时间 2026-09-02 17:05 \(expected)",
            "\(path):5:2: error: 抽查时间 2026-09-03 17:52 \(expected)",
            summaryOfCause(problems: 4, rows: 4),
        ], r.transcript)
        let zh = try chinese("other-period")
        XCTAssertEqual(zh.first, "\(path):2:2: 错误：同一原因，全部 4 行（第 2–5 行）的日期都在 2026-09，不在 2026-10：这是 2026-09 的导出文件，放错了文件夹。处理：请制表人员把它移到 \(caseDir("other-period"))/qinghe/2026-09，并把 2026-10 的 phone_checks.csv 放到这里。不要用 --accept 剔除这些行：那会剔除整个文件")
    }

    /// A roster row split by an unquoted "1,800.00" (7 fields): its worker's rows elsewhere are
    /// not checked (one warning per file), not five "not on the roster" errors.
    func testASplitRosterRowDoesNotCascade() throws {
        let r = try runFailing("roster-split-number")
        XCTAssertEqual(r.stderrLines.first, "\(inputPath("roster-split-number", "roster.csv")):2:1: error: the row has 7 fields, the header has 6; expected 6 (a comma inside a value needs quotes)", r.transcript)
        XCTAssertEqual(r.stderrLines.filter { $0.contains("not on the roster") }, [], r.transcript)
        XCTAssertEqual(r.stderrLines.filter { $0.hasSuffix(": warning: 1 row of worker 'QH0001' was not checked: the worker's roster row (roster.csv line 2) was left out because of the problem reported there") }.count, 5, r.transcript)
        XCTAssertEqual(r.stderrLines.last, summary(problems: 1), r.transcript)
    }

    // MARK: not errors

    func testFormulaLikeNameIsAWarningAndPlainTextEverywhere() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (r, dir) = try runSucceeding("formula-name", out: out)
        let warning = "\(inputPath("formula-name", "roster.csv")):3:2: warning: 姓名 '=SUM(A1)' starts with '=', which a spreadsheet would read as a formula; it is written as plain text"
        XCTAssertEqual(otherWarnings(r), [warning], r.transcript)

        let parts = try Runner.xlsxParts("\(dir)/\(Self.town)-\(Self.month).xlsx")
        let sheets = parts.filter { $0.key.hasPrefix("xl/worksheets/") && $0.key.hasSuffix(".xml") }
        XCTAssertEqual(sheets.count, 7, "seven sheets: \(parts.keys.sorted())")
        for (name, xml) in sheets {
            XCTAssertFalse(xml.contains("<f>") || xml.contains("<f "), "\(name) holds a formula element")
            XCTAssertFalse(xml.contains("<t>'=SUM(A1)"), "\(name): the workbook keeps the text as it is, without an apostrophe")
        }
        for sheetName in ["考核汇总", "绩效工资", "工资条", "扣分明细"] {
            let xml = try XCTUnwrap(Runner.sheetXML(named: sheetName, in: parts), "no sheet \(sheetName)")
            Runner.assertContains(xml, "t=\"inlineStr\"><is><t>=SUM(A1)</t></is>", "sheet \(sheetName) stores the name as an inline string")
        }
        let problemsXML = try XCTUnwrap(Runner.sheetXML(named: "数据问题", in: parts))
        let rows = Runner.sheetRows(problemsXML)
        XCTAssertTrue(rows.contains(["警告", "roster.csv", "3", "2", "姓名",
                                     "姓名“=SUM(A1)”以“=”开头，电子表格会当作公式；已按纯文字写出",
                                     "按纯文本写出，未作公式"]), "数据问题 lists the value as a warning: \(rows)")

        let pay = String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(Self.town)-\(Self.month)-pay.csv")), as: UTF8.self)
        Runner.assertContains(pay, "\"'=SUM(A1)\"", "the pay CSV prefixes the name with an apostrophe")
        XCTAssertEqual(pay.components(separatedBy: "=SUM(A1)").count, pay.components(separatedBy: "'=SUM(A1)").count,
                       "every occurrence in the pay CSV is neutralized:\n\(pay)")
    }

    func testBOMAndCRLFAreValid() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (r, dir) = try runSucceeding("bom-and-crlf", out: out)
        XCTAssertEqual(otherWarnings(r), [], r.transcript)
        // Same rows as the plain month: the pay sheet must come out byte-identical.
        let plainOut = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (_, plainDir) = try runSucceeding("valid", out: plainOut)
        let pay = "\(Self.town)-\(Self.month)-pay.csv"
        XCTAssertEqual(FileManager.default.contents(atPath: "\(dir)/\(pay)"), FileManager.default.contents(atPath: "\(plainDir)/\(pay)"),
                       "a BOM and CRLF line ends must not change the pay sheet")
    }

    // MARK: everything at once

    func testManyProblemsAreAllListedInOneRun() throws {
        let name = "many-problems"
        let r = try runFailing(name)
        let expected = [
            "\(inputPath(name, "patrol.csv")):3:3: error: 巡查时长(分钟) is 'abc'; expected a number",
            "\(inputPath(name, "patrol.csv")):5:1: error: 网格员编号 'QH0040' is not on the roster (roster.csv); expected a 网格员编号 of the roster; did you mean 'QH0004'?",
            "\(inputPath(name, "events.csv")):1:5: error: \(Self.renamedHeaderCause)",
            "\(inputPath(name, "events.csv")):1:5: error: missing column '核查结果': the header has '核查结论' here; is it misspelt? Expected the header to name '核查结果'",
            "\(inputPath(name, "training.csv")):3:4: error: 出勤 is '缺度'; expected one of 出席 / 请假 / 缺席; did you mean '缺席'?",
            "\(inputPath(name, "visits.csv")):4:3: error: 走访日期 2026-09-30 is outside 2026-10; expected a date from 2026-10-01 to 2026-10-31",
            "\(inputPath(name, "visits.csv")):5:1: error: duplicate 走访编号 'ZF202610-0001': already used at line 2; expected each to appear once",
        ]
        let lines = r.stderrLines
        XCTAssertEqual(lines.count, expected.count + 1, r.transcript)
        XCTAssertEqual(Set(lines.dropLast()), Set(expected), r.transcript)
        XCTAssertEqual(lines.last, summary(problems: 6, acceptable: 5, example: "patrol.csv:3"), r.transcript)
    }

    // MARK: --accept

    func testAcceptedUnknownWorkerRowIsLeftOutAndListed() throws {
        // Without --accept the same fixture fails (testUnknownWorker).
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (r, dir) = try runSucceeding("unknown-worker", accept: ["events.csv:3"], out: out)
        let warning = "\(inputPath("unknown-worker", "events.csv")):3:2: warning: 网格员编号 'QH0020' is not on the roster (roster.csv); expected a 网格员编号 of the roster; did you mean 'QH0002'? (accepted with --accept: the row is left out)"
        // What the acceptance leaves out (SPEC §15): QH0020 is no worker of the roster.
        XCTAssertEqual(otherWarnings(r), [
            warning,
            "\(inputPath("unknown-worker", "events.csv")):3:1: warning: --accept leaves out this row: it names no worker on the roster, so no worker's deductions change",
            "warning: --accept leaves out 1 row in all: 1 row of no worker on the roster",
        ], r.transcript)
        let zh = try chinese("unknown-worker", accept: ["events.csv:3"])
        let acceptedZH = try XCTUnwrap(zh.first { $0.hasPrefix("\(inputPath("unknown-worker", "events.csv")):3:2: 警告：") }, "\(zh)")
        XCTAssertTrue(acceptedZH.hasSuffix("（已用 --accept 接受：该行未计入）"), acceptedZH)

        let parts = try Runner.xlsxParts("\(dir)/\(Self.town)-\(Self.month).xlsx")
        let rows = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "数据问题", in: parts)))
        // The level column stays 错误 (it was an error, accepted); the handling column says so. The
        // sheet is in Chinese though this run's terminal spoke English (OutputLanguageTests).
        XCTAssertTrue(rows.contains(["错误", "events.csv", "3", "2", "网格员编号",
                                     "网格员编号“QH0020”不在花名册（roster.csv）上；应为花名册中的网格员编号；是否应为“QH0002”？",
                                     "已接受（--accept）：该行未计入"]), "数据问题 lists the accepted row: \(rows)")
        let about = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "说明", in: parts)))
        XCTAssertTrue(about.contains(["已接受的问题行", "events.csv:3"]), "说明 lists the accepted rows: \(about)")
        let manifest = String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(Self.town)-\(Self.month)-manifest.json")), as: UTF8.self)
        Runner.assertContains(manifest, "\"accepted_rows\": [\"events.csv:3\"]")
    }

    /// SPEC §15: a run with accepted rows says what each leaves out and, per worker, in all; 说明
    /// records it. phone_checks.csv: line 6 (a second CC202610-0002: QH0002, 市, 否) would have
    /// taken 上级调度 −15 points and 120 yuan; line 7 (抽查时间 2026-10-32: QH0003, 镇, 否) 电话畅通
    /// −5 points and 30 yuan; line 8 (是否接听 不详, QH0004): its deductions read that cell, so what
    /// they would have been is not known.
    func testAcceptedRowsSayWhatTheyLeaveOut() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (r, dir) = try runSucceeding("accepted-rows", accept: ["phone_checks.csv:6", "phone_checks.csv:7", "phone_checks.csv:8"], out: out)
        let path = inputPath("accepted-rows", "phone_checks.csv")
        XCTAssertEqual(Array(otherWarnings(r).suffix(6)), [
            "\(path):6:1: warning: --accept leaves out this row of QH0002 (王芳): the deductions it would have made are not made: 上级调度 15 points, 120.00 yuan",
            "\(path):7:1: warning: --accept leaves out this row of QH0003 (吴晓东): the deductions it would have made are not made: 电话畅通 5 points, 30.00 yuan",
            "\(path):8:1: warning: --accept leaves out this row of QH0004 (杨杰): what it would have deducted is not known (a cell it reads is bad); "
                + "nor can what leaving it out changes in scores and pay be computed; it would have fed: 电话畅通, 上级调度",
            "warning: --accept leaves out 3 rows in all: QH0002 (王芳): 1 row, deductions not made 15 points, 120.00 yuan; "
                + "QH0003 (吴晓东): 1 row, deductions not made 5 points, 30.00 yuan; "
                + "QH0004 (杨杰): 1 row, deductions not made 0 points, 0.00 yuan (and deductions that cannot be known)",
            // Rows 6 and 7 counted (their cells the rules read are good), against the run: QH0002
            // 上级调度 0 − 15, 总分 30.36 − 15 = 15.36; 实发绩效 = 2200 × 总分 / 100 − yuan deducted:
            // 667.92 − 30 = 637.92 as run, 337.92 − 30 − 120 = 187.92 with row 6. QH0003 电话畅通
            // 20 − 5, 总分 21.74 − 5 = 16.74; 434.80 − 100 = 334.80, 334.80 − 100 − 30 = 204.80.
            "warning: --accept changes the results of QH0002 (王芳) (with the accepted rows counted → as run without them): 上级调度 -15.00 → 0.00; 总分 15.36 → 30.36; 实发绩效 187.92 → 637.92 yuan",
            "warning: --accept changes the results of QH0003 (吴晓东) (with the accepted rows counted → as run without them): 电话畅通 15.00 → 20.00; 总分 16.74 → 21.74; 实发绩效 204.80 → 334.80 yuan",
        ], r.transcript)
        let parts = try Runner.xlsxParts("\(dir)/\(Self.town)-\(Self.month).xlsx")
        let about = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "说明", in: parts)))
        for row in [
            ["接受 phone_checks.csv:6", "--accept 剔除了 网格员 QH0002 王芳 的这一行：它本应扣的 上级调度 15 分、120.00 元 没有扣"],
            ["接受 phone_checks.csv:7", "--accept 剔除了 网格员 QH0003 吴晓东 的这一行：它本应扣的 电话畅通 5 分、30.00 元 没有扣"],
            ["接受 phone_checks.csv:8", "--accept 剔除了 网格员 QH0004 杨杰 的这一行：它读取的单元格有误，无法算出它本应扣的分和钱；"
                + "剔除它对得分和实发绩效的影响也无法算出，它本应计入：电话畅通、上级调度"],
            ["接受的行合计", "--accept 共剔除 3 行：网格员 QH0002 王芳 1 行，未扣 15 分、120.00 元；网格员 QH0003 吴晓东 1 行，未扣 5 分、30.00 元；"
                + "网格员 QH0004 杨杰 1 行，未扣 0 分、0.00 元（另有无法算出的扣分）"],
            ["接受的行的影响", "--accept 剔除的行改变了 网格员 QH0002 王芳 的结果（由计入这些行时的值变为剔除后的值）：上级调度 由 -15.00 变为 0.00；总分 由 15.36 变为 30.36；实发绩效 由 187.92 元变为 637.92 元"],
            ["接受的行的影响", "--accept 剔除的行改变了 网格员 QH0003 吴晓东 的结果（由计入这些行时的值变为剔除后的值）：电话畅通 由 15.00 变为 20.00；总分 由 16.74 变为 21.74；实发绩效 由 204.80 元变为 334.80 元"],
        ] {
            XCTAssertTrue(about.contains(row), "说明 records \(row[0]): \(about)")
        }
    }

    func testAcceptingAnotherRowDoesNotHelp() throws {
        // --accept names exact rows: accepting a different line of the same file changes nothing.
        // A FILE:LINE that matches no listed problem is itself an error (a typo must not pass silently).
        let r = try runFailing("unknown-worker", accept: ["events.csv:4"])
        XCTAssertEqual(Array(r.stderrLines.suffix(2)), [
            "error: --accept events.csv:4 matches no row with a problem that can be accepted; did you mean 'events.csv:3'?",
            summary(problems: 2, acceptable: 1, example: "events.csv:3"),
        ], r.transcript)
    }
}
