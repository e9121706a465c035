import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// The outputs are the same bytes whatever language the person running gridpay reads (SPEC §5:
/// the same inputs and rule file give byte-identical outputs; §9: a closed period re-run or
/// verified under an English locale matches what was published). The terminal speaks the
/// reader's language; 数据问题 and 说明 are written in Chinese, as the rest of the workbook.
final class OutputLanguageTests: XCTestCase {
    /// qinghe 2026-10 as shipped, with three rows accepted: patrol.csv line 5 dated 2026-10-32,
    /// patrol.csv line 7 of QH9999 (on no roster), and events.csv's first row repeated at its end.
    func testARunWritesTheSameBytesInEitherLanguage() throws {
        let tmp = TemporaryFolder()
        try FileManager.default.copyItem(atPath: "\(packageRoot)/Input/qinghe", toPath: "\(tmp.path)/Input/qinghe")
        let month = "\(tmp.path)/Input/qinghe/2026-10"
        var patrol = try String(contentsOfFile: "\(month)/patrol.csv", encoding: .utf8).components(separatedBy: "\n")
        XCTAssertEqual(patrol[4], "QH0001,2026-10-01,130")
        patrol[4] = "QH0001,2026-10-32,130"
        patrol[6] = "QH9999" + patrol[6].dropFirst(6)
        try patrol.joined(separator: "\n").write(toFile: "\(month)/patrol.csv", atomically: true, encoding: .utf8)
        var events = try String(contentsOfFile: "\(month)/events.csv", encoding: .utf8)
        let lines = events.components(separatedBy: "\n").filter { !$0.isEmpty }
        events += lines[1] + "\n"
        try events.write(toFile: "\(month)/events.csv", atomically: true, encoding: .utf8)

        var written: [Language: [String: Data]] = [:]
        for language in Language.allCases {
            var request = RunRequest(town: "qinghe", period: CalendarPeriod.parse("2026-10")!)
            request.rulesDir = "\(packageRoot)/Rules"
            request.inputDir = "\(tmp.path)/Input"
            request.outputDir = "\(tmp.path)/Output-\(language)"
            request.accepted = [RowPosition(file: "patrol.csv", line: 5), RowPosition(file: "patrol.csv", line: 7),
                                RowPosition(file: "events.csv", line: lines.count + 1)]
            guard case .success(let run) = Language.with(language, { MonthRunner.run(request) }) else { return XCTFail("run in \(language)") }
            // The terminal's warnings are in the reader's language.
            let dateWarning = run.warnings.map(\.message).first { $0.contains("2026-10-32") }
            XCTAssertEqual(dateWarning?.hasPrefix(language == .zh ? "日期为“2026-10-32”" : "日期 is '2026-10-32'"), true, "\(run.warnings.map(\.message))")
            written[language] = try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: run.directory)
                .filter { !$0.hasPrefix(".") }.map { ($0, try Data(contentsOf: URL(fileURLWithPath: "\(run.directory)/\($0)"))) })
        }
        XCTAssertEqual(written[.zh]?.keys.sorted(), ["qinghe-2026-10-manifest.json", "qinghe-2026-10-pay.csv", "qinghe-2026-10.xlsx"])
        for (file, bytes) in written[.zh] ?? [:] { XCTAssertEqual(written[.en]?[file], bytes, "\(file) differs between the languages") }
        let book = try WorkbookReader(path: "\(tmp.path)/Output-en/qinghe/2026-10/qinghe-2026-10.xlsx")
        let problems = (1...10).map { book.row("数据问题", $0) }
        XCTAssertTrue(problems.contains { $0.count > 5 && $0[5] == "日期为“2026-10-32”；应为日期 YYYY-MM-DD" }, "\(problems)")
    }

    /// qinghe 2026-10 as shipped without its 2026-09 folder: the history is incomplete (consecutive()
    /// looks two months back). The terminal says why in the reader's language; 数据问题, 说明 and the
    /// manifest say it in Chinese, so the outputs are the same bytes.
    func testAMissingEarlierMonthIsWrittenInChineseInEitherLanguage() throws {
        let tmp = TemporaryFolder()
        try FileManager.default.copyItem(atPath: "\(packageRoot)/Input/qinghe", toPath: "\(tmp.path)/Input/qinghe")
        try FileManager.default.removeItem(atPath: "\(tmp.path)/Input/qinghe/2026-09")
        let said: [Language: String] = [
            .zh: "往期数据不全：2026-09 的输入缺失（输入文件夹中没有文件夹 qinghe/2026-09）",
            .en: "history incomplete: the inputs of 2026-09 are missing (no folder qinghe/2026-09 in the input folder)",
        ]
        var written: [Language: [String: Data]] = [:]
        for language in Language.allCases {
            var request = RunRequest(town: "qinghe", period: CalendarPeriod.parse("2026-10")!)
            request.rulesDir = "\(packageRoot)/Rules"
            request.inputDir = "\(tmp.path)/Input"
            request.outputDir = "\(tmp.path)/Output-\(language)"
            guard case .success(let run) = Language.with(language, { MonthRunner.run(request) }) else { return XCTFail("run in \(language)") }
            // The roster's =王芳 (a formula-like name), then the history.
            XCTAssertEqual(run.warnings.map(\.message).count, 2)
            XCTAssertEqual(run.warnings.map(\.message).last, said[language]!)
            written[language] = try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: run.directory)
                .filter { !$0.hasPrefix(".") }.map { ($0, try Data(contentsOf: URL(fileURLWithPath: "\(run.directory)/\($0)"))) })
        }
        XCTAssertEqual(written[.zh]?.keys.sorted(), ["qinghe-2026-10-manifest.json", "qinghe-2026-10-pay.csv", "qinghe-2026-10.xlsx"])
        for (file, bytes) in written[.zh] ?? [:] { XCTAssertEqual(written[.en]?[file], bytes, "\(file) differs between the languages") }
        let book = try WorkbookReader(path: "\(tmp.path)/Output-en/qinghe/2026-10/qinghe-2026-10.xlsx")
        XCTAssertEqual(book.row("数据问题", 2), ["警告", "2026-09", "", "", "", said[.zh]!, "未提出依赖历史的建议"])
        let about = (0..<60).map { book.row("说明", $0) }
        XCTAssertTrue(about.contains(["历史不完整", "2026-09：2026-09 的输入缺失（输入文件夹中没有文件夹 qinghe/2026-09）；依赖该月的建议（如建议更换）不予提出"]), "\(about)")
        let manifest = String(decoding: written[.en]?["qinghe-2026-10-manifest.json"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(manifest.contains(#""history_incomplete": [{"period": "2026-09", "reason": "2026-09 的输入缺失（输入文件夹中没有文件夹 qinghe/2026-09）"}]"#), manifest)
    }
}
