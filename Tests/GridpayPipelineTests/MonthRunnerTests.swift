import GridpayTestSupport
import Foundation
import Synchronization
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// The whole month path on the committed sample data, read back from the written files.
final class MonthRunnerTests: XCTestCase {
    func run(_ town: String, _ month: String, into out: String) throws -> RunResult {
        switch MonthRunner.run(TestTown.sample(town, month, output: out)) {
        case .success(let r): return r
        case .failure(let f): throw XCTSkip("run failed: \(f.diagnostics.map(\.description))")
        }
    }

    func testSummarySheetHasThePinnedColumnsAndNumericCells() throws {
        let tmp = TemporaryFolder()
        let result = try run("qinghe", "2026-10", into: tmp.path)
        XCTAssertEqual(result.files, ["qinghe-2026-10.xlsx", "qinghe-2026-10-pay.csv", "qinghe-2026-10-manifest.json"])
        let book = try WorkbookReader(path: "\(result.directory)/qinghe-2026-10.xlsx")
        XCTAssertEqual(book.sheetOrder, ["考核汇总", "绩效工资", "工资条", "统计", "扣分明细", "数据问题", "说明"])
        XCTAssertEqual(book.row("考核汇总", 0), ["排名", "网格员编号", "姓名", "村(社区)", "网格编号", "业务培训", "日常考核", "网格巡查",
                                             "事件上报", "电话畅通", "上级调度", "总分", "完成工作任务", "建议更换", "备注"])
        // QH0052 (hand-checked in Tests/EndToEndTests/Expected/README.md): last, flagged, shortfall.
        let rows = (1...53).map { book.row("考核汇总", $0) }
        let qh52 = try XCTUnwrap(rows.first { $0[1] == "QH0052" })
        XCTAssertEqual(qh52, ["53", "QH0052", "陈秀英", qh52[3], "QH-13-2", "8", "6", "4.65", "-5.4", "15", "-25", "3.25", "否", "是"])
        // Every score cell is numeric (no t= attribute), never text.
        guard case .number? = book.sheets["考核汇总"]?[1]?[11] else { return XCTFail("总分 must be a number cell") }
        // The formula-like name is an inline string, and no cell anywhere is a formula.
        XCTAssertTrue(book.text("xl/worksheets/sheet1.xml").contains("<t>=王芳</t>"))
        for (name, data) in book.parts where name.hasPrefix("xl/worksheets/") {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("<f>"), name)
        }
    }

    func testPaySheetHasSubtotalsGrandTotalAndSignatures() throws {
        let tmp = TemporaryFolder()
        let result = try run("qinghe", "2026-10", into: tmp.path)
        let book = try WorkbookReader(path: "\(result.directory)/qinghe-2026-10.xlsx")
        XCTAssertEqual(book.row("绩效工资", 0), ["网格员编号", "姓名", "村(社区)", "网格编号", "绩效工资基数", "总分", "考核绩效",
                                             "电话畅通扣款", "上级调度扣款", "扣款合计", "实发绩效", "未扣足"])
        let all = (1...80).map { book.row("绩效工资", $0) }
        let qh18 = try XCTUnwrap(all.first { $0.first == "QH0018" })
        XCTAssertEqual(Array(qh18[4...]), ["2200", "10", "220", "0", "690", "690", "0", "470"])
        XCTAssertEqual(all.filter { $0.count > 1 && $0[1] == "小计" }.count, 13)   // 13 villages
        let grand = try XCTUnwrap(all.first { $0.count > 1 && $0[1] == "合计" })
        // The grand total of payable equals the sum over workers.
        let payable = all.filter { $0.first?.hasPrefix("QH") == true }.map { Decimal(string: $0[10])! }.reduce(0, +)
        XCTAssertEqual(Decimal(string: grand[10]), payable)
        // Under 合计, 实发绩效's total in words: 98,821.91 → 玖万捌仟捌佰贰拾壹元玖角壹分.
        XCTAssertEqual(grand[10], "98821.91")
        let words = try XCTUnwrap(all.firstIndex { $0 == grand }) + 1
        XCTAssertEqual(all[words], ["实发绩效合计（大写）：人民币玖万捌仟捌佰贰拾壹元玖角壹分"])
        XCTAssertEqual(all[words + 1], [])
        XCTAssertEqual(all[words + 2], ["制表：", "", "", "", "审核：", "", "", "", "负责人："])
        XCTAssertEqual(all[words + 3], ["日期：", "", "", "", "日期：", "", "", "", "日期："])
        // No 领款人签字 unless the rule file asks for it.
        XCTAssertFalse(book.row("绩效工资", 0).contains("领款人签字"))
        // The repeated header row and landscape A4 of every sheet; the pay sheet at a fixed scale
        // (Excel ignores manual page breaks under fit to page): widths 13 17 12 11 16 8 11 16 16
        // 11 11 9 as the slips', 80%.
        XCTAssertTrue(book.text("xl/workbook.xml").contains("_xlnm.Print_Titles"))
        XCTAssertTrue(book.text("xl/worksheets/sheet2.xml").contains(#"<pageSetup paperSize="9" scale="80" orientation="landscape"/>"#))
    }

    /// `[pay] recipient_signature = true`: a last column 领款人签字, empty and bordered, on every
    /// worker, 小计 and 合计 row; worker rows 24 points tall to sign in; slips without it.
    func testRecipientSignatureColumnWhereTheRuleFileAsks() throws {
        let tmp = TemporaryFolder()
        let rules = try String(contentsOfFile: "\(packageRoot)/Rules/qinghe.toml", encoding: .utf8)
        XCTAssertTrue(rules.contains("\n[pay]\n"))
        try FileManager.default.createDirectory(atPath: "\(tmp.path)/Rules", withIntermediateDirectories: true)
        try rules.replacingOccurrences(of: "\n[pay]\n", with: "\n[pay]\nrecipient_signature = true\n")
            .write(toFile: "\(tmp.path)/Rules/qinghe.toml", atomically: true, encoding: .utf8)
        var request = TestTown.sample("qinghe", "2026-10", output: tmp.path)
        request.rulesDir = "\(tmp.path)/Rules"
        guard case .success(let result) = MonthRunner.run(request) else { return XCTFail("run failed") }
        let book = try WorkbookReader(path: "\(result.directory)/qinghe-2026-10.xlsx")
        XCTAssertEqual(book.row("绩效工资", 0).last, "领款人签字")
        XCTAssertEqual(book.row("绩效工资", 0).count, 13)
        XCTAssertEqual(book.row("工资条", 1).count, 12)
        let xml = book.text("xl/worksheets/sheet2.xml")
        // QH0001 on row 2: its M cell is a bordered blank; the row is 24 points tall.
        XCTAssertTrue(xml.contains(#"<row r="2" ht="24" customHeight="1">"#), xml)
        XCTAssertNotNil(xml.range(of: #"<c r="M2" s="[0-9]+"/>"#, options: .regularExpression))
        // Width: 16 characters and the 2 of padding.
        XCTAssertTrue(xml.contains(#"<col min="13" max="13" width="18.7109375" customWidth="1"/>"#), xml)
    }

    func testDeductionDetailsNameTheirInputRows() throws {
        let tmp = TemporaryFolder()
        let result = try run("qinghe", "2026-10", into: tmp.path)
        let book = try WorkbookReader(path: "\(result.directory)/qinghe-2026-10.xlsx")
        XCTAssertEqual(book.row("扣分明细", 0), ["网格员编号", "姓名", "考核项目", "扣分原因", "次数", "扣分", "扣款(元)", "来源文件", "行号"])
        let rows = (1...400).map { book.row("扣分明细", $0) }.filter { !$0.isEmpty }
        // Every per-row deduction names a real file and line; counted ones name the file only.
        for r in rows where r[7] != "visits.csv" {
            XCTAssertFalse(r[8].isEmpty, "\(r)")
        }
        let dispatch = rows.filter { $0[0] == "QH0018" && $0[2] == "上级调度" }
        XCTAssertEqual(dispatch.count, 5)   // 3 province + 2 city unanswered
        XCTAssertEqual(dispatch.map { $0[5] }.sorted(), ["-15", "-15", "-20", "-20", "-20"])
    }

    func testSameInputsGiveIdenticalBytes() throws {
        let a = TemporaryFolder(), b = TemporaryFolder()
        let ra = try run("qinghe", "2026-10", into: a.path)
        let rb = try run("qinghe", "2026-10", into: b.path)
        for f in ra.files {
            let da = FileManager.default.contents(atPath: "\(ra.directory)/\(f)")
            let db = FileManager.default.contents(atPath: "\(rb.directory)/\(f)")
            XCTAssertNotNil(da)
            XCTAssertEqual(da, db, "\(f) differs between two runs")
        }
    }

    func testShippedRuleFilesPassTheirOwnTests() throws {
        for town in ["qinghe", "xinhe", "jinshan"] {
            guard case .success(let loaded) = RuleFiles.load(path: "\(packageRoot)/Rules/\(town).toml") else { return XCTFail(town) }
            let report = RuleTestRunner.run(loaded)
            XCTAssertGreaterThanOrEqual(report.testCount, 3, town)
            XCTAssertEqual(report.failures.map(\.description), [], town)
        }
    }

    /// jinshan's tests expect input errors worded in English; `check` in Chinese (the product's
    /// default) reads them as the author wrote them, and a wrong expectation still fails.
    func testExpectedErrorsWrittenInEnglishPassACheckInChinese() throws {
        let path = "\(packageRoot)/Rules/jinshan.toml"
        guard case .success(let loaded) = RuleFiles.load(path: path) else { return XCTFail() }
        XCTAssertEqual(Language.with(.zh) { RuleTestRunner.run(loaded).failures.map(\.description) }, [])
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "违章人编号 is empty; expected a value when", with: "违章人编号 is blank; expected a value when")
        guard case .success(let rules) = RuleLoader.load(text: text, file: "j.toml") else { return XCTFail() }
        let failures = Language.with(.zh) { RuleTestRunner.run(LoadedRules(path: "j.toml", text: text, sha256: "", rules: rules)).failures }
        // Reported in the reader's language, the run's errors quoted as worded in the test's (English):
        // the expected error missing, the real one unexpected.
        XCTAssertEqual(failures.count, 2, "\(failures.map(\.description))")
        XCTAssertTrue(failures.first?.message.contains("：应报错误“violations.csv:2:5: 违章人编号 is blank;") == true, "\(failures)")
        XCTAssertTrue(failures.last?.message.hasPrefix("测试“refused rows: each check of §11 is an error at its row and column, and nothing is scored”：出现测试未预期的错误：violations.csv:2:5: 违章人编号 is empty; expected a value when") == true, "\(failures)")
    }

    /// A check's result, written by its thread before `done` is set and read after.
    final class CheckOnAnotherThread: @unchecked Sendable {
        let done = Atomic<Bool>(false)
        var failures: [String]?
    }

    /// The English run of a Chinese check holds for that check only (Language.with, its thread and
    /// the threads reading its inputs): the process's language, which the console's other requests
    /// are worded in, is never switched (bdf12b2 switched it for the whole process while it ran).
    func testATestRunInTheOtherLanguageNeverChangesTheProcessLanguage() throws {
        let path = "\(packageRoot)/Rules/jinshan.toml"
        guard case .success(let loaded) = RuleFiles.load(path: path) else { return XCTFail() }
        XCTAssertEqual(Language.process, .en, "the tests' process language")
        let check = CheckOnAnotherThread()
        Thread {
            check.failures = Language.with(.zh) { RuleTestRunner.run(loaded).failures.map(\.description) }
            check.done.store(true, ordering: .releasing)
        }.start()
        var seen: Set<Language> = [], reads = 0
        while !check.done.load(ordering: .acquiring) {
            seen.insert(Language.current)
            reads += 1
            usleep(100)
        }
        XCTAssertEqual(check.failures, [], "jinshan's English expectations pass a check in Chinese")
        XCTAssertEqual(seen, [.en], "read \(reads) times on another thread while the check ran")
    }

    func testAWrongExpectationInARuleFileFailsWithItsLocation() throws {
        let path = "\(packageRoot)/Rules/qinghe.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"总分\" = 5.3\n", with: "\"总分\" = 5.31\n")
        guard case .success(let rules) = RuleLoader.load(text: text, file: "mutated.toml") else { return XCTFail() }
        let report = RuleTestRunner.run(LoadedRules(path: "mutated.toml", text: text, sha256: "", rules: rules))
        XCTAssertEqual(report.failures.count, 1)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "\"总分\" = 5.31" }! + 1
        XCTAssertEqual(report.failures.first?.description,
                       "mutated.toml:\(line):1: error: test 'two-worker grid mean, negative event item, tiered dispatch, shortfall': W1 总分 is 5.3, expected 5.31")
    }
}

/// `errors = [...]` in a [[tests]] entry: the month must be refused with exactly those errors.
final class ExpectedErrorTests: XCTestCase {
    func run(_ text: String) throws -> [String] {
        guard case .success(let rules) = RuleLoader.load(text: text, file: "j.toml") else { XCTFail("loads"); return [] }
        return RuleTestRunner.run(LoadedRules(path: "j.toml", text: text, sha256: "", rules: rules)).failures.map(\.description)
    }

    func testAMissingAnUnexpectedAndAnAbsentErrorEachFailTheTest() throws {
        let text = try String(contentsOfFile: "\(packageRoot)/Rules/jinshan.toml", encoding: .utf8)
        XCTAssertEqual(try run(text), [])
        // Expect an error at a column where there is none: reported as missing, and the real one
        // at column 5 as unexpected.
        let moved = text.replacingOccurrences(of: "'violations.csv:2:5: 违章人编号 is empty", with: "'violations.csv:2:4: 违章人编号 is empty")
        let failures = try run(moved)
        XCTAssertEqual(failures.count, 2, "\(failures)")
        XCTAssertTrue(failures[0].contains("expected the error 'violations.csv:2:4: 违章人编号 is empty"), failures[0])
        XCTAssertTrue(failures[1].contains("an error that the test does not expect: violations.csv:2:5: 违章人编号 is empty"), failures[1])
        // Fix the bad row: the expected error is missing.
        let fixed = text.replacingOccurrences(of: "V1,2026-10-01 08:00,A1,本区域人员,,未戴安全帽,1,否", with: "V1,2026-10-01 08:00,A1,本区域人员,R1,未戴安全帽,1,否")
        XCTAssertEqual(try run(fixed).filter { $0.contains("expected the error 'violations.csv:2:5") }.count, 1)
    }
}

final class DetailSheetSplitTests: XCTestCase {
    /// Past a sheet's row limit 扣分明细 continues on 扣分明细2, … (limit lowered to 40 here).
    func testDeductionsContinueOnFurtherSheets() throws {
        let tmp = TemporaryFolder()
        let request = TestTown.sample("qinghe", "2026-10")
        guard case .success(let month) = MonthRunner.prepare(request, spill: true) else { return XCTFail("prepare") }
        let full = "\(tmp.path)/full.xlsx", split = "\(tmp.path)/split.xlsx"
        try WorkbookWriter(month: month).write(to: full)
        guard case .success(let again) = MonthRunner.prepare(request, spill: true) else { return XCTFail("prepare") }
        var writer = WorkbookWriter(month: again)
        writer.detailRowsPerSheet = 40
        try writer.write(to: split)
        let a = try WorkbookReader(path: full), b = try WorkbookReader(path: split)
        let rows = (1...2000).map { a.row("扣分明细", $0) }.filter { !$0.isEmpty }
        let sheets = b.sheetOrder.filter { $0.hasPrefix("扣分明细") }
        XCTAssertEqual(sheets.count, (rows.count + 39) / 40)
        XCTAssertEqual(sheets.first, "扣分明细")
        XCTAssertEqual(sheets.last, "扣分明细\(sheets.count)")
        let splitRows = sheets.flatMap { name in (1...40).map { b.row(name, $0) }.filter { !$0.isEmpty } }
        XCTAssertEqual(splitRows, rows)
        XCTAssertEqual(b.row(sheets[1], 0), a.row("扣分明细", 0), "every part has the header row")
    }
}
