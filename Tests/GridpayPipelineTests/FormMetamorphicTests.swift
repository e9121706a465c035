import GridpayHash
import GridpayTestSupport
import GridpayXLSX
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §16: "the same rows in any of these forms give byte-identical 考核汇总, 绩效工资 and pay
/// CSV". The qinghe sample (2026-10 and the two months its history reads) is written again in
/// several declared forms — file layouts (tab, UTF-16, title rows, a totals row; semicolons in
/// GB18030 split over several files by a pattern) and value forms (dates and times as
/// 2026/10/5 8:38 or 2026年10月5日, minutes as h:mm:ss, amounts with thousands separators,
/// full-width digits; XLSX workbooks with typed number and date cells; legacy XLS workbooks
/// saved by LibreOffice, minutes as elapsed-hours cells) — with the rule file declaring each;
/// every run must give the plain run's sheets and pay CSV byte for byte.
final class FormMetamorphicTests: XCTestCase {
    static let months = ["2026-08", "2026-09", "2026-10"]

    /// A way of writing the month, and what the rule file declares for it.
    struct Form: Sendable {
        var name: String
        /// The table's declaration is changed in place; returns the files to write (name → bytes)
        /// in the month's folder.
        var write: @Sendable (_ table: inout TableSpec, _ month: String, _ header: [String], _ rows: [[String]]) -> [String: Data]
    }

    func testEveryDeclaredFormGivesTheSameSheetsAndPayCSV() throws {
        let reference = try run(Self.plain)
        XCTAssertFalse(reference.payCSV.isEmpty)
        for form in [Self.layout, Self.splitGB18030, Self.valueForms, Self.workbook, Self.legacyWorkbook, Self.legacyFormulas] {
            let other = try run(form)
            XCTAssertEqual(other.problems, reference.problems, form.name)
            XCTAssertEqual(other.sheets.keys.sorted(), ["绩效工资", "考核汇总"], form.name)
            for (name, xml) in reference.sheets { XCTAssertTrue(other.sheets[name] == xml, "\(form.name): sheet \(name) differs") }
            XCTAssertTrue(other.payCSV == reference.payCSV, "\(form.name): the pay CSV differs")
        }
    }

    /// The XLS form's fixtures were made from the sample as it is: else they are made again
    /// (python3 scripts/make-xls-fixtures.py), never left to fail the test above unexplained.
    func testTheXLSFixturesAreOfTheCurrentSample() throws {
        for (folder, tables) in [(Self.legacyFixtures, 6), (Self.formulaFixtures, Self.formulaTables.count)] {
            let listed = try String(contentsOf: folder.appendingPathComponent("sources.sha256"), encoding: .utf8)
            var current: [String] = []
            for line in listed.split(separator: "\n") {
                let source = String(line.split(separator: " ").last!)
                let digest = try FileDigest.hex(Data(contentsOf: URL(fileURLWithPath: "\(packageRoot)/Input/qinghe/\(source)")))
                current.append("\(digest)  \(source)")
            }
            XCTAssertEqual(current.count, Self.months.count * tables)
            XCTAssertEqual(current.joined(separator: "\n") + "\n", listed, "Input/qinghe changed: run python3 scripts/make-xls-fixtures.py and commit its .xls files")
        }
    }

    struct Outcome {
        var sheets: [String: Data]
        var payCSV: Data
        var problems: [String]
    }

    /// Writes the sample's months in `form`, runs 2026-10 with the rule file changed as the form
    /// declares, and reads back the two sheets and the pay CSV.
    func run(_ form: Form) throws -> Outcome {
        let tmp = TemporaryFolder()
        let sample = "\(packageRoot)/Input/qinghe"
        var loaded = try XCTUnwrap(try? RuleFiles.load(path: "\(packageRoot)/Rules/qinghe.toml").get())
        var declared = loaded.rules.tables
        for month in Self.months {
            let dir = "\(tmp.path)/Input/qinghe/\(month)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for t in loaded.rules.tables.indices {
                var table = loaded.rules.tables[t]
                let text = try String(contentsOfFile: "\(sample)/\(month)/\(table.file)", encoding: .utf8)
                let records = Self.parse(text)
                for (name, bytes) in form.write(&table, month, records[0], Array(records.dropFirst())) {
                    try bytes.write(to: URL(fileURLWithPath: "\(dir)/\(name)"))
                }
                declared[t] = table
            }
        }
        loaded.rules = loaded.rules.with(tables: declared)
        var request = RunRequest(town: "qinghe", period: CalendarPeriod.parse("2026-10")!)
        request.inputDir = "\(tmp.path)/Input"
        request.outputDir = "\(tmp.path)/Output"
        let rules = loaded
        let prepared = MonthRunner.prepare(request, rules: { _ in .success(rules) })
        guard case .success(let month) = prepared else {
            if case .failure(let f) = prepared { XCTFail("\(form.name): \(f.diagnostics.prefix(5).map(\.description))") }
            return Outcome(sheets: [:], payCSV: Data(), problems: [])
        }
        guard case .success(let result) = MonthRunner.write(month) else { XCTFail("\(form.name): write"); return Outcome(sheets: [:], payCSV: Data(), problems: []) }
        let book = try WorkbookReader(path: "\(result.directory)/qinghe-2026-10.xlsx")
        var sheets: [String: Data] = [:]
        for (i, name) in book.sheetOrder.enumerated() where name == "考核汇总" || name == "绩效工资" {
            sheets[name] = book.parts["xl/worksheets/sheet\(i + 1).xml"]
        }
        let pay = try Data(contentsOf: URL(fileURLWithPath: "\(result.directory)/qinghe-2026-10-pay.csv"))
        let problems = month.reportedProblems.map { "\($0.severity) \($0.kind) \($0.message)" }.sorted()
        return Outcome(sheets: sheets, payCSV: pay, problems: problems)
    }

    // MARK: the forms

    static let plain = Form(name: "plain") { table, _, header, rows in
        [table.file: csv([header] + rows, ",", bom: false)]
    }

    /// Tab-separated UTF-16 little-endian, two title rows, a closing 合计 row.
    static let layout = Form(name: "tab, UTF-16, title rows, totals") { table, _, header, rows in
        table.encoding = .utf16
        table.form.delimiter = 0x09
        table.form.headerRow = 3
        table.form.totalsRow = "合计"
        let title = [["清河镇网格化管理平台导出"] + Array(repeating: "", count: header.count - 1), ["导出时间：2026-11-01 09:00"]]
        let totals = ["合计", String(rows.count)] + Array(repeating: "", count: max(0, header.count - 2))
        let text = csv(title + [header] + rows + [totals], "\t", bom: false)
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in String(decoding: text, as: UTF8.self).utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        return [table.file: Data(bytes)]
    }

    /// Semicolons in GB18030; every table but the roster in two files named by a pattern.
    static let splitGB18030 = Form(name: "semicolons, GB18030, split files") { table, _, header, rows in
        table.encoding = .gb18030
        table.form.delimiter = UInt8(ascii: ";")
        func gb(_ records: [[String]]) -> Data {
            RuleTestRunner.encoded(String(decoding: csv(records, ";", bom: false), as: UTF8.self), .gb18030)!
        }
        guard table.name != "roster" else { return [table.file: gb([header] + rows)] }
        let stem = (table.file as NSString).deletingPathExtension
        table.file = "\(stem)-*.csv"
        let half = rows.count / 2
        return ["\(stem)-1.csv": gb([header] + rows[..<half]), "\(stem)-2.csv": gb([header] + rows[half...])]
    }

    /// Dates as 2026/10/5 or 2026年10月5日 (alternating rows), times as 2026/10/5 7:19, minutes as
    /// h:mm:ss, amounts with thousands separators, whole numbers in full-width digits.
    static let valueForms = Form(name: "value forms") { table, _, header, rows in
        var out = rows
        for (c, column) in table.columns.enumerated() {
            var forms = CellForms()
            switch column.type {
            case .date:
                forms.patterns = patterns(["yyyy/M/d", "yyyy年M月d日"], .date)
                for r in out.indices where !out[r][c].isEmpty { out[r][c] = dateText(out[r][c], chinese: r % 2 == 1) }
            case .datetime:
                forms.patterns = patterns(["yyyy/M/d H:mm", "yyyy/M/d H:mm:ss"], .datetime)
                for r in out.indices where !out[r][c].isEmpty {
                    let parts = out[r][c].split(separator: " ")
                    out[r][c] = dateText(String(parts[0]), chinese: false) + " " + String(Int(parts[1].prefix(2))!) + parts[1].dropFirst(2)
                }
            case .decimal where column.name.contains("分钟"):
                forms.duration = .minutes
                forms.patterns = patterns(["h:mm:ss", "h:mm"], .duration)
                for r in out.indices where !out[r][c].isEmpty { out[r][c] = clock(minutes: out[r][c]) }
            case .decimal:
                forms.thousands = UInt8(ascii: ",")
                for r in out.indices where !out[r][c].isEmpty { out[r][c] = grouped(out[r][c]) }
            case .integer:
                forms.fullWidthDigits = true
                for r in out.indices { out[r][c] = fullWidth(out[r][c]) }
            default:
                continue
            }
            table.columns[c].forms = forms
        }
        return [table.file: csv([header] + out, ",", bom: true)]
    }

    /// An XLSX workbook per table, as a platform exports it: a title row above the header, the
    /// data on a sheet named 导出 after a cover sheet, numbers as number cells, dates and times
    /// as date cells (a serial day number shown by a date format), the rest as text.
    static let workbook = Form(name: "XLSX") { table, _, header, rows in
        table.form.format = .xlsx
        table.form.sheet = "导出"
        table.form.headerRow = 2
        table.file = table.file.replacingOccurrences(of: ".csv", with: ".xlsx")
        let path = NSTemporaryDirectory() + "metamorphic-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let book = try XLSXWorkbook(path: path, createdAt: 1_790_000_000)
            try book.addWorksheet(named: "说明").write(string: "平台导出", row: 0, column: 0)
            let sheet = try book.addWorksheet(named: "导出")
            let day = try book.format(XLSXFormatSpec(numberFormat: "yyyy/m/d"))
            let time = try book.format(XLSXFormatSpec(numberFormat: "yyyy/m/d hh:mm:ss"))
            try sheet.write(string: "清河镇网格化管理平台导出", row: 0, column: 0)
            for (c, name) in header.enumerated() { try sheet.write(string: name, row: 1, column: c) }
            for (r, record) in rows.enumerated() {
                for (c, cell) in record.enumerated() where !cell.isEmpty {
                    switch table.columns[c].type {
                    case .integer, .decimal: try sheet.write(number: Double(cell)!, row: r + 2, column: c)
                    case .date: try sheet.write(number: serial(cell), row: r + 2, column: c, format: day)
                    case .datetime: try sheet.write(number: serial(cell), row: r + 2, column: c, format: time)
                    default: try sheet.write(string: cell, row: r + 2, column: c)
                    }
                }
            }
            try book.close()
            return [table.file: try Data(contentsOf: URL(fileURLWithPath: path))]
        } catch {
            XCTFail("writing \(table.file) as XLSX: \(error)")
            return [:]
        }
    }

    /// The committed XLS fixtures (Fixtures/qinghe-xls, made by scripts/make-xls-fixtures.py:
    /// openpyxl, then LibreOffice's "save as XLS"; nothing on Debian writes XLS in a test): the
    /// XLSX form's layout (a cover sheet, 导出 with a title row), numbers as number cells, dates
    /// as date cells, and 巡查时长(分钟) as a duration cell in elapsed hours ([h]:mm:ss), read
    /// back in minutes.
    static let legacyWorkbook = Form(name: "XLS") { table, month, _, _ in
        table.form.format = .xls
        table.form.sheet = "导出"
        table.form.headerRow = 2
        for (c, column) in table.columns.enumerated() where column.name.contains("分钟") {
            var forms = CellForms()
            forms.duration = .minutes
            forms.patterns = patterns(["h:mm:ss"], .duration)
            table.columns[c].forms = forms
        }
        table.file = table.file.replacingOccurrences(of: ".csv", with: ".xls")
        return [table.file: legacyFixture(month: month, table.file)]
    }

    static let legacyFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/qinghe-xls")

    /// The XLS form with formula columns: the roster, phone checks and training written with
    /// every cell a formula (Fixtures/qinghe-xls-formulas: ="QH0001", =1800+0, =DATE(2026,10,7),
    /// =DATE(…)+TIME(…) under a date format, by scripts/make-xls-fixtures.py), read by their
    /// cached results (text, number, date and date-time cells); the other tables as the XLS form.
    static let legacyFormulas = Form(name: "XLS with formula columns") { table, month, header, rows in
        let files = legacyWorkbook.write(&table, month, header, rows)
        guard formulaTables.contains(table.file) else { return files }
        return [table.file: (try? Data(contentsOf: formulaFixtures.appendingPathComponent("\(month)/\(table.file)"))) ?? Data()]
    }

    static let formulaTables = ["roster.xls", "phone_checks.xls", "training.xls"]
    static let formulaFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/qinghe-xls-formulas")

    static func legacyFixture(month: String, _ file: String) -> Data {
        (try? Data(contentsOf: legacyFixtures.appendingPathComponent("\(month)/\(file)"))) ?? Data()
    }

    /// `2026-10-05` or `2026-10-05 07:19[:05]` as a spreadsheet's serial day (1899-12-30 is 0).
    static func serial(_ text: String) -> Double {
        let p = text.split(separator: " ")
        let ymd = p[0].split(separator: "-").map { Int($0)! }
        let days = Period(year: ymd[0], month: ymd[1]).epochSeconds / 86_400 + ymd[2] - 1 + 25_569
        guard p.count > 1 else { return Double(days) }
        let hms = p[1].split(separator: ":").map { Int($0)! } + [0]
        return Double(days) + Double(hms[0] * 3600 + hms[1] * 60 + hms[2]) / 86_400
    }

    // MARK: writing cells

    static func patterns(_ texts: [String], _ kind: CellPattern.Kind) -> [CellPattern] {
        texts.map { t in guard case .success(let p) = CellPattern.compile(t, kind) else { fatalError(t) }; return p }
    }

    /// 2026-10-05 → 2026/10/5 or 2026年10月5日.
    static func dateText(_ iso: String, chinese: Bool) -> String {
        let p = iso.split(separator: "-").map { Int($0)! }
        return chinese ? "\(p[0])年\(p[1])月\(p[2])日" : "\(p[0])/\(p[1])/\(p[2])"
    }

    /// Minutes (whole or with a decimal part in whole seconds) as h:mm:ss, or h:mm when whole.
    static func clock(minutes text: String) -> String {
        let n = ExactNumber(decimalBytes: Array(text.utf8).withUnsafeBufferPointer { $0 })!
        let seconds = Int(try! n.multiplied(by: ExactNumber(60)).numerator)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        return s == 0 ? "\(h):\(two(m))" : "\(h):\(two(m)):\(two(s))"
    }

    /// 12345.60 → 12,345.60 (the integer part grouped in threes).
    static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0]), out: [Character] = []
        while digits.count > 3 { out = [","] + digits.suffix(3) + out; digits.removeLast(3) }
        let whole = String(digits + out)
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value >= 48 && $0.value <= 57 ? Unicode.Scalar($0.value - 48 + 0xFF10)! : $0 }))
    }

    /// CSV text, fields quoted where they hold the delimiter, a quote or a line break.
    static func csv(_ records: [[String]], _ delimiter: Character, bom: Bool) -> Data {
        var text = bom ? "\u{FEFF}" : ""
        for r in records {
            text += r.map { f in
                f.contains(delimiter) || f.contains("\"") || f.contains("\n") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
            }.joined(separator: String(delimiter)) + "\n"
        }
        return Data(text.utf8)
    }

    /// The sample's plain CSV (quoted fields, doubled quotes, a BOM).
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\n" || c == "\r\n" { record.append(field); records.append(record); record = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
