import GridpayTestSupport
import XCTest
@testable import GridpayCore

/// Every message of a file-level cause (SPEC §15) in both languages, each from a sample call,
/// against Tests/GridpayCoreTests/Messages/FileCauseMessages.txt.
final class FileCauseMessagesTests: XCTestCase {
    func testEveryFileCauseMessageInBothLanguages() throws {
        typealias M = FileCauseMessages
        try MessageGolden.check("GridpayCore/Ingest/FileCauseMessages.swift", [
            "spreadsheetDates": { M.spreadsheetDates(4, lines: "2–5", column: "抽查时间", example: "2026/10/1 8:38", pattern: "yyyy/M/d H:mm", file: "phone_checks.csv", accept: "--accept") },
            "spreadsheetNumbers": { M.spreadsheetNumbers(4, lines: "2–5", column: "绩效工资基数(元)", example: "1,800.00", file: "roster.csv", accept: "--accept") },
            "otherPeriod": { M.otherPeriod(4, lines: "2–5", month: M.payMonth(Period(year: 2026, month: 11), startsOn: 26),
                                           period: M.payMonth(Period(year: 2026, month: 10), startsOn: 26), shortMonth: "2026-11", shortPeriod: "2026-10",
                                           folder: "Input/qinghe/2026-11", file: "phone_checks.csv", accept: "--accept") },
            "payMonth": { M.payMonth(Period(year: 2026, month: 11), startsOn: 26) },
            "fileInFolder": { M.fileInFolder("tasks.csv", folder: "2026-08") },
            "unread": { M.unread(4, lines: "2–5") },
            "encoding": { M.encoding(M.unread(4, lines: "2–5"), file: "events.csv", table: "events", found: .gb18030, declared: .utf8,
                                     textLines: "1–5", oneLine: false) },
            "missingColumn": { M.missingColumn(.init(declared: "核查结果", near: "核查结论", field: 5)) },
            "renamedHeader": { M.renamedHeader(M.unread(4, lines: "2–5"), file: "events.csv", table: "events",
                                               columns: M.missingColumn(.init(declared: "核查结果", near: "核查结论", field: 5))) },
            "moreLines": { M.moreLines(3) },
            "rowsOfCauses": { M.rowsOfCauses(4, accept: "--accept") },
            "rowsOfRosterCauses": { M.rowsOfRosterCauses(4, roster: "roster.csv", accept: "--accept") },
            "notOnRoster": { M.notOnRoster(155, lines: "441–595", column: "网格员编号", id: "QH0004", file: "patrol.csv", roster: "roster.csv",
                                           fault: RosterFault(line: 5, id: "QH0003", kind: .duplicate(firstLine: 4)), accept: "--accept") },
            "rosterFault": { M.rosterFault(RosterFault(line: 5, id: "QH0040", kind: .leftOut), roster: "roster.csv", id: "QH0004") },
        ])
    }

    /// The forms of a message that the golden's one sample per function leaves out.
    func testTheOtherFormsInBothLanguages() {
        typealias M = FileCauseMessages
        XCTAssertEqual(M.unread(0, lines: ""), "no row of the file is read")
        XCTAssertEqual(Language.with(.zh) { M.unread(0, lines: "") }, "文件中没有读入任何行")
        XCTAssertEqual(M.missingColumn(.init(declared: "事件类型", near: nil, field: nil)), "column 事件类型 (no header is like it)")
        XCTAssertEqual(Language.with(.zh) { M.missingColumn(.init(declared: "事件类型", near: nil, field: nil)) }, "“事件类型”列（表头中没有相近的列）")
        XCTAssertEqual(M.payMonth(Period(year: 2026, month: 11), startsOn: 1), "2026-11")
        XCTAssertEqual(M.encoding("no row of the file is read", file: "e.csv", table: "e", found: .utf8, declared: .gb18030, textLines: "1", oneLine: true),
                       "one cause, no row of the file is read: e.csv is UTF-8 text, but the rule file declares encoding = \"gb18030\" for table e; read as GB18030/GBK, the text of line 1 does not read or reads as garbage. Who acts: the clerk exports e.csv again from the platform as GB18030/GBK; if the platform exports UTF-8, the governance office declares encoding = \"utf-8\" for table e in the rule file (SPEC §16)")
    }

    /// A cause of one row says "1 row (line 3)", "the only row", "this row" in English; Chinese
    /// has no plural. Summaries count "1 of them is a row".
    func testOneRowIsSaidInTheSingular() {
        typealias M = FileCauseMessages
        let dates = { M.spreadsheetDates(1, lines: "3", column: "抽查时间", example: "2026/10/1 8:38", pattern: "yyyy/M/d H:mm", file: "p.csv", accept: "--accept") }
        XCTAssertEqual(Language.with(.en, dates),
                       "one cause, 1 row (line 3): 抽查时间 is written as a spreadsheet program rewrites dates ('2026/10/1 8:38'): the file was opened and saved again in Excel, WPS or the like. "
                        + "Who acts: the clerk exports p.csv again from the platform and puts it here without opening it in a spreadsheet; if the platform itself exports this form, "
                        + "the governance office declares it in the rule file (formats = [\"yyyy/M/d H:mm\"] for 抽查时间, SPEC §16). Do not --accept this row: that would leave out the row")
        XCTAssertTrue(Language.with(.zh, dates).hasPrefix("同一原因，共 1 行（第 3 行）：“抽查时间”是电子表格软件改写后的样式"))
        XCTAssertEqual(Language.with(.en) { M.unread(1, lines: "2") }, "the only row (line 2) is unread")
        XCTAssertEqual(Language.with(.zh) { M.unread(1, lines: "2") }, "全部 1 行（第 2 行）都未读入")
        let other = { M.otherPeriod(1, lines: "2", month: "2026-09", period: "2026-10", shortMonth: "2026-09", shortPeriod: "2026-10", folder: "Input/qinghe/2026-09", file: "e.csv", accept: "--accept") }
        XCTAssertEqual(Language.with(.en, other),
                       "one cause, the only row (line 2) is dated in 2026-09, not in 2026-10: this is the export of 2026-09, put in the wrong folder. "
                        + "Who acts: the clerk moves it to Input/qinghe/2026-09 and puts 2026-10's e.csv here. Do not --accept these rows: that would leave out the whole file")
        XCTAssertEqual(Language.with(.en) { M.rowsOfCauses(1, accept: "--accept") }, ". 1 of them is a row of a file-level cause said above: correct the file rather than accept it")
        XCTAssertEqual(Language.with(.en) { M.rowsOfCauses(3, accept: "--accept") }, ". 3 of them are rows of a file-level cause said above: correct the file rather than accept them")
        XCTAssertEqual(Language.with(.en) { M.rowsOfRosterCauses(1, roster: "roster.csv", accept: "--accept") },
                       ". 1 of them is a row of a roster error said above: correct the roster roster.csv rather than accept it (that would leave out a worker's month)")
        XCTAssertEqual(Language.with(.zh) { M.rowsOfCauses(1, accept: "--accept") }, "。其中 1 行出自上面所说的文件整体问题：请改正文件，不要用 --accept 剔除")
    }
}
