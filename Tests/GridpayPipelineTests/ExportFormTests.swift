import GridpayTestSupport
import GridpayXLSX
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §16, file layouts: a table's export read in the form the rule file declares (delimiter,
/// encoding, title rows, a closing totals row, several files by a pattern, rows of people not on
/// the roster left out), and each declared form that does not fit the file reported where it fails.
final class ExportFormTests: XCTestCase {
    /// Each event row costs its worker 分 points; `columns`: further event columns (TOML inline tables).
    static func rules(_ eventsForm: [String], file: String = "events.csv", columns: [String] = []) -> String {
        """
        \(TestTown.header("forms"))

        \(TestTown.roster(unit: "村", group: "网格"))

        [tables.events]
        file = "\(file)"
        worker = "人"
        unique = ["单号"]
        \(eventsForm.joined(separator: "\n"))
        columns = [
          { name = "单号", type = "id" },
          { name = "人", type = "id" },
          { name = "分", type = "integer", min = 0 },\(columns.map { "\n  \($0)," }.joined())
        ]

        [[items]]
        name = "事件"
        full = 10
          [[items.deductions]]
          table = "events"
          points = '-分'
          reason = "事件 {单号}"

        [pay]
        base = '0'
        score_pay = '0'
        """
    }

    static let roster = "编号,姓名,村,网格\nA1,一,甲,G1\nA2,二,乙,G2\n"

    struct Outcome {
        var scores: [String]
        var records: [String]
        var problems: [String]
        /// Each file read, with the form 说明 and the manifest record.
        var forms: [String] = []
    }

    /// Runs 2026-10 with the given files in its folder; `scores`: each worker's item score.
    func run(_ form: [String], file: String = "events.csv", files: [String: Data]) throws -> Outcome {
        let tmp = TemporaryFolder()
        let dir = "\(tmp.path)/forms/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.roster.write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        for (name, bytes) in files { try bytes.write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
        let text = Self.rules(form, file: file)
        guard case .success(let rules) = RuleLoader.load(text: text, file: "forms.toml") else {
            XCTFail("rules: \(RuleLoader.load(text: text, file: "forms.toml"))")
            return Outcome(scores: [], records: [], problems: [])
        }
        var request = RunRequest(town: "forms", period: Period.parse("2026-10")!)
        request.inputDir = tmp.path
        switch MonthRunner.prepare(request, rules: { _ in .success(LoadedRules(path: "forms.toml", text: text, sha256: "", rules: rules)) }) {
        case .success(let m):
            let scores = m.report.workers.map { "\($0.id) \($0.items.map(\.description).joined(separator: " "))" }
            let records = m.report.workers.flatMap { w in w.records.map { "\(w.id) \($0.file ?? ""):\($0.line ?? 0) \($0.points)" } }
            let problems = m.reportedProblems.map { "\($0.file):\($0.line ?? 0): \($0.severity.rawValue): \($0.message)" }
            let forms = m.inputs.files.map { "\($0.file): \($0.form)" }
            return Outcome(scores: scores, records: records.sorted(), problems: problems, forms: forms)
        case .failure(let f):
            return Outcome(scores: [], records: [], problems: f.diagnostics.filter { $0.location != nil }.map { $0.description.replacingOccurrences(of: "\(dir)/", with: "") })
        }
    }

    static func utf8(_ s: String) -> Data { Data(s.utf8) }

    /// The roster as every run here reads it: plain CSV, as recorded (SPEC §16).
    static let plainRoster = "roster.csv: CSV，UTF-8（无 BOM），逗号分隔，表头第 1 行"

    static func utf16LE(_ s: String) -> Data {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in s.utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        return Data(bytes)
    }

    static func utf16BE(_ s: String) -> Data {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for u in s.utf16 { bytes += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        return Data(bytes)
    }

    static let plainEvents = "单号,人,分\nE1,A1,2\nE2,A2,3\nE3,A1,1\n"
    /// A1: 10 − 2 − 1 = 7; A2: 10 − 3 = 7.
    static let expectedScores = ["A1 7", "A2 7"]

    func testPlainCSVIsTheReference() throws {
        let o = try run([], files: ["events.csv": Self.utf8(Self.plainEvents)])
        XCTAssertEqual(o.scores, Self.expectedScores)
        XCTAssertEqual(o.records, ["A1 events.csv:2 -2", "A1 events.csv:4 -1", "A2 events.csv:3 -3"])
        XCTAssertEqual(o.forms, ["events.csv: CSV，UTF-8（无 BOM），逗号分隔，表头第 1 行", Self.plainRoster])
        // The same rows behind a UTF-8 byte-order mark: the same scores, the mark recorded.
        let marked = try run([], files: ["events.csv": Data([0xEF, 0xBB, 0xBF]) + Self.utf8(Self.plainEvents)])
        XCTAssertEqual(marked.scores, Self.expectedScores)
        XCTAssertEqual(marked.forms, ["events.csv: CSV，UTF-8（带 BOM），逗号分隔，表头第 1 行", Self.plainRoster])
    }

    /// Tab-separated UTF-16 (both byte orders) with two title rows and a closing 合计: the same
    /// scores, rows keeping the file's own lines (4 to 6).
    func testTabbedUTF16WithTitleRowsAndTotals() throws {
        let text = "清河镇事件导出\t\t\n导出时间 2026-10-31\t\t\n单号\t人\t分\nE1\tA1\t2\nE2\tA2\t3\nE3\tA1\t1\n合计\t\t6\n"
        let form = [#"delimiter = "\t""#, #"encoding = "utf-16""#, "header_row = 3", #"totals_row = "合计""#]
        for bytes in [Self.utf16LE(text), Self.utf16BE(text)] {
            let o = try run(form, files: ["events.csv": bytes])
            XCTAssertEqual(o.scores, Self.expectedScores)
            XCTAssertEqual(o.records, ["A1 events.csv:4 -2", "A1 events.csv:6 -1", "A2 events.csv:5 -3"])
            XCTAssertEqual(o.problems, [])
            XCTAssertEqual(o.forms, ["events.csv: CSV，\(bytes.first == 0xFF ? "UTF-16LE" : "UTF-16BE")（带 BOM），制表符分隔，表头第 3 行（其上 2 行为标题），末行“合计”已略过", Self.plainRoster])
        }
    }

    func testSemicolonsInGB18030() throws {
        let text = "单号;人;分\nE1;A1;2\nE2;A2;3\nE3;A1;1\n"
        let o = try run([#"delimiter = ";""#, #"encoding = "gb18030""#], files: ["events.csv": RuleTestRunner.encoded(text, .gb18030)!])
        XCTAssertEqual(o.scores, Self.expectedScores)
        XCTAssertEqual(o.forms, ["events.csv: CSV，GB18030，分号分隔，表头第 1 行", Self.plainRoster])
    }

    func testATotalsRowInTheMiddleIsAnError() throws {
        let text = "单号,人,分\nE1,A1,2\n合计,,2\nE2,A2,3\n合计,,5\n"
        let o = try run([#"totals_row = "合计""#], files: ["events.csv": Self.utf8(text)])
        XCTAssertEqual(o.problems, ["events.csv:3:1: error: the row starts with '合计' but is not the last row (line 4 follows); expected the totals row (totals_row = \"合计\") only at the end of the file"])
    }

    func testAHeaderNotOnItsDeclaredRow() throws {
        let text = "事件导出\n\n单号,人,分\nE1,A1,2\n"
        let o = try run(["header_row = 2"], files: ["events.csv": Self.utf8(text)])
        XCTAssertEqual(o.problems, ["events.csv:2:1: error: events.csv has no record starting on line 2 (the next starts on line 3): header_row = 2 says the header is there; expected the header (单号, 人, 分) on line 2, or header_row changed in the rule file"])
    }

    func testUTF16WithoutAByteOrderMark() throws {
        let o = try run([#"encoding = "utf-16""#], files: ["events.csv": Self.utf16LE(Self.plainEvents).dropFirst(2)])
        XCTAssertEqual(o.problems, ["events.csv:1:1: error: events.csv is declared encoding = \"utf-16\" but does not start with a byte-order mark (FF FE or FE FF); expected a UTF-16 export as the platform writes it, or the right encoding in the rule file"])
    }

    /// Every match in name order; each row keeps its own file and line; a key used in two files
    /// is a duplicate naming the first; a file not matching is not read.
    func testAPatternReadsEveryMatchInNameOrder() throws {
        let files = ["events-2.csv": Self.utf8("单号,人,分\nE3,A1,1\nE1,A2,4\n"),
                     "events-1.csv": Self.utf8("单号,人,分\nE1,A1,2\nE2,A2,3\n"),
                     "other.csv": Self.utf8("x\n")]
        let o = try run([], file: "events-*.csv", files: files)
        XCTAssertEqual(o.problems, ["events-2.csv:3:1: error: duplicate 单号 'E1': already used at events-1.csv:2; expected each to appear once"])
        let ok = try run([], file: "events-*.csv", files: ["events-2.csv": Self.utf8("单号,人,分\nE3,A1,1\n"),
                                                            "events-1.csv": Self.utf8("单号,人,分\nE1,A1,2\nE2,A2,3\n")])
        XCTAssertEqual(ok.scores, Self.expectedScores)
        XCTAssertEqual(ok.records, ["A1 events-1.csv:2 -2", "A1 events-2.csv:2 -1", "A2 events-1.csv:3 -3"])
        XCTAssertEqual(ok.forms, ["events-1.csv: CSV，UTF-8（无 BOM），逗号分隔，表头第 1 行，由 events-*.csv 匹配",
                                  "events-2.csv: CSV，UTF-8（无 BOM），逗号分隔，表头第 1 行，由 events-*.csv 匹配", Self.plainRoster])
    }

    func testAPatternMatchingNothingIsMissing() throws {
        let o = try run([], file: "patrol-*.csv", files: ["events.csv": Self.utf8(Self.plainEvents)])
        XCTAssertEqual(o.problems, ["patrol-*.csv:1:1: error: no file of the period's folder matches patrol-*.csv (the folder holds: events.csv, roster.csv); the rule file declares it as table 'events'; expected at least one export named like patrol-*.csv"])
    }

    func testUnknownWorkersLeftOutAreWarnings() throws {
        let text = Self.plainEvents + "E4,V9,5\n"
        let strict = try run([], files: ["events.csv": Self.utf8(text)])
        XCTAssertEqual(strict.problems.count, 1)
        XCTAssertTrue(strict.problems[0].hasPrefix("events.csv:5:2: error: 人 'V9' is not on the roster"), strict.problems[0])
        let o = try run([#"unknown_workers = "leave-out""#], files: ["events.csv": Self.utf8(text)])
        XCTAssertEqual(o.scores, Self.expectedScores)
        XCTAssertEqual(o.problems, ["events.csv:5: warning: 人 'V9' is not on the roster (roster.csv); the table declares unknown_workers = \"leave-out\": the row is not counted"])
    }

    /// The events as a workbook: a cover sheet, then 事件 with a title row, the header on row 2,
    /// ids as text, points as number cells, a closing 合计 row; trailing empty cells left out.
    static func workbook() throws -> Data {
        let path = NSTemporaryDirectory() + "export-form-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path, createdAt: 1_790_000_000)
        try book.addWorksheet(named: "封面").write(string: "清河镇", row: 0, column: 0)
        let sheet = try book.addWorksheet(named: "事件")
        try sheet.write(string: "事件导出", row: 0, column: 0)
        for (r, cells) in [["单号", "人", "分"], ["E1", "A1", "2"], ["E2", "A2", "3"], ["E3", "A1", "1"], ["合计", "", "6"]].enumerated() {
            for (c, cell) in cells.enumerated() where !cell.isEmpty {
                if let n = Double(cell) { try sheet.write(number: n, row: r + 1, column: c) } else { try sheet.write(string: cell, row: r + 1, column: c) }
            }
        }
        try book.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func testAnXLSXExport() throws {
        let form = [#"format = "xlsx""#, #"sheet = "事件""#, "header_row = 2", #"totals_row = "合计""#]
        let o = try run(form, file: "events.xlsx", files: ["events.xlsx": Self.workbook()])
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(o.scores, Self.expectedScores)
        XCTAssertEqual(o.records, ["A1 events.xlsx:3 -2", "A1 events.xlsx:5 -1", "A2 events.xlsx:4 -3"])
        XCTAssertEqual(o.forms, ["events.xlsx: XLSX，工作表“事件”，表头第 2 行（其上 1 行为标题），末行“合计”已略过", Self.plainRoster])
    }

    func testAnXLSXWithoutTheSheet() throws {
        let o = try run([#"format = "xlsx""#, #"sheet = "巡查""#], file: "events.xlsx", files: ["events.xlsx": Self.workbook()])
        XCTAssertEqual(o.problems, ["events.xlsx:1:1: error: events.xlsx has no sheet '巡查' (its sheets: 封面, 事件); expected the sheet the rule file names (sheet = \"巡查\")"])
    }

    func testADamagedXLSX() throws {
        let bytes = try Self.workbook()
        let o = try run([#"format = "xlsx""#], file: "events.xlsx", files: ["events.xlsx": bytes.prefix(bytes.count - 100)])
        XCTAssertEqual(o.problems, ["events.xlsx:1:1: error: events.xlsx is not a readable XLSX file (a damaged or incomplete zip archive: no end of central directory record); expected the workbook as the platform exported it"])
        let csv = try run([#"format = "xlsx""#], file: "events.xlsx", files: ["events.xlsx": Self.utf8(Self.plainEvents)])
        XCTAssertEqual(csv.problems, ["events.xlsx:1:1: error: events.xlsx is not a readable XLSX file (a damaged or incomplete zip archive: no end of central directory record); expected the workbook as the platform exported it"])
        // In Chinese throughout, the zip archive's damage too (ExportReadMessages, issue 21), worded
        // on the reading threads in the caller's language.
        let zh = try Language.with(.zh) { try run([#"format = "xlsx""#], file: "events.xlsx", files: ["events.xlsx": bytes.prefix(bytes.count - 100)]) }
        XCTAssertEqual(zh.problems, ["events.xlsx:1:1: 错误：events.xlsx 不是可读的 XLSX 文件（zip 压缩包已损坏或不完整：找不到压缩包目录的结束记录）；请重新从平台导出该工作簿"])
    }

    /// A legacy XLS export made by LibreOffice from the same rows (title row, 合计 row).
    func testAnXLSExport() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GridpayXLSXReaderTests/Fixtures/libreoffice-events.xls")
        let form = [#"format = "xls""#, "header_row = 2", #"totals_row = "合计""#]
        let o = try run(form, file: "events.xls", files: ["events.xls": Data(contentsOf: fixture)])
        XCTAssertEqual(o.problems, [])
        XCTAssertEqual(o.scores, Self.expectedScores)
        XCTAssertEqual(o.records, ["A1 events.xls:3 -2", "A1 events.xls:5 -1", "A2 events.xls:4 -3"])
        XCTAssertEqual(o.forms, ["events.xls: XLS，工作表“events”（第一张），表头第 2 行（其上 1 行为标题），末行“合计”已略过", Self.plainRoster])
    }

    /// An Excel 95 workbook (BIFF5) is refused, saying what it is and who does what, in both languages.
    func testAnExcel95ExportIsRefused() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GridpayXLSXReaderTests/Fixtures/excel95-events.xls")
        let o = try run([#"format = "xls""#], file: "events.xls", files: ["events.xls": Data(contentsOf: fixture)])
        XCTAssertEqual(o.problems, ["events.xls:1:1: error: events.xls is an Excel 5.0/95 (BIFF5) workbook, older than Excel 97, a format gridpay does not read; expected the clerk to open it in Excel or WPS, save it as an Excel 97-2003 workbook (.xls) and upload it again (or save it as .xlsx, with the table's format changed to \"xlsx\" in the rule file by the governance office)"])
        let zh = try Language.with(.zh) { try run([#"format = "xls""#], file: "events.xls", files: ["events.xls": Data(contentsOf: fixture)]) }
        XCTAssertEqual(zh.problems, ["events.xls:1:1: 错误：events.xls 是 Excel 5.0/95 (BIFF5) 格式的工作簿，比 Excel 97 更早，gridpay 不读取这种格式；请制表人员用 Excel 或 WPS 打开它，另存为“Excel 97-2003 工作簿（.xls）”后重新上传（或另存为 .xlsx，并请综治中心把规则文件中该表的 format 改为 \"xlsx\"）"])
    }
}
