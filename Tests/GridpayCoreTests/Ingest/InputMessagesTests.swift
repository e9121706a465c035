import GridpayTestSupport
import XCTest
@testable import GridpayCore

/// Every message about an export's rows and form (InputMessages, IngestMessages) in both
/// languages, each from a sample call, against Tests/GridpayCoreTests/Messages/<catalogue>.txt.
final class InputMessagesTests: XCTestCase {
    func testEveryInputMessageInBothLanguages() throws {
        typealias M = InputMessages
        let didYouMean = { Suggestion.didYouMean("QH00018", among: ["QH0001", "QH0008", "QH0018"]) }
        try MessageGolden.check("GridpayCore/Ingest/InputMessages.swift", [
            "fieldCount": { M.fieldCount(9, header: 8) },
            "controlCharacter": { M.controlCharacter("姓名", "张\\u{7}三", code: "U+0007", byte: 4) },
            "emptyCell": { M.emptyCell("时长", expected: ColumnType.integer.expectation) },
            "notAChoice": { M.notAChoice("结果", "有校", values: ["有效", "无效"], suggestion: Suggestion.didYouMean("有校", among: ["有效", "无效"])) },
            "notADate": { M.notADate("日期", "2026/10/1") },
            "notATime": { M.notATime("上报时间", "2026/10/1 8:38") },
            "dateOutsidePeriod": { M.dateOutsidePeriod("日期", "2026-09-30", period: "2026-10", first: "2026-10-01", last: "2026-10-31") },
            "timeOutsidePeriod": { M.timeOutsidePeriod("上报时间", "2026-09-30 08:38", period: "2026-10", first: "2026-10-01", last: "2026-10-31") },
            "notANumber": { M.notANumber("绩效工资基数", "1,800.00", expected: ColumnType.decimal(places: 2).expectation) },
            "wholeNumberNotPlain": { M.wholeNumberNotPlain("次数", "2.00") },
            "notWhole": { M.notWhole("次数", "2.5") },
            "tooManyDecimals": { M.tooManyDecimals("金额", "1.005", places: 2) },
            "belowMinimum": { M.belowMinimum("时长", "-5", minimum: "0", expected: ColumnType.integer.expectation) },
            "aboveMaximum": { M.aboveMaximum("时长", "1441", maximum: "1440") },
            "beyondInputLimit": { M.beyondInputLimit("金额", "1e30", expected: ColumnType.decimal(places: nil).expectation, largest: "999999999999") },
            "beyondInputPlaces": { M.beyondInputPlaces("金额", "0.0000001", places: 6) },
            "formulaLike": { M.formulaLike("姓名", "=SUM(A1)", first: "=") },
            "ruleFailed": { M.ruleFailed("division by zero", at: "qinghe.toml:40:12") },
            "checkFailed": { M.checkFailed("division by zero", at: "qinghe.toml:52:9") },
            "checkNotMet": { M.checkNotMet("巡查时长 30 分钟不足", requirement: "巡查时长 >= 60") },
            "emptyValueUsed": { M.emptyValueUsed(["完成时间"], at: "qinghe.toml:60:14") },
            "requiredWhen": { M.requiredWhen("证人", condition: "类型 == \"他人\"") },
            "emptyWhen": { M.emptyWhen("证人", "B2", condition: "类型 == \"本人\"") },
            "cellRuleFailed": { M.cellRuleFailed("division by zero", column: "证人") },
            "notOnRosterColumn": { M.notOnRosterColumn("证人", "ZZ", rosterColumn: "编号", roster: "roster.csv", suggestion: "") },
            "belongsToAnother": { M.belongsToAnother("证人", "C1", groupColumns: ["片区"], differing: [("片区", "P3", "P1")], rosterColumn: "编号") },
            "notOnRoster": { M.notOnRoster("网格员编号", "QH00018", roster: "roster.csv", idName: "网格员编号", suggestion: didYouMean()) },
            "notOnLastRoster": { M.notOnLastRoster("编号", "X", period: .quarter, lastRoster: "2026-09/roster.csv", ownRoster: "2026-07/roster.csv", idName: "编号", suggestion: "") },
            "leftBeforePeriodEnd": { M.leftBeforePeriodEnd("D", period: .quarter, month: "2026-07", ownRoster: "2026-07/roster.csv", lastRoster: "2026-09/roster.csv") },
            "groupNotOnRoster": { M.groupNotOnRoster("组别", "G9", roster: "roster.csv", groupName: "小组", suggestion: Suggestion.didYouMean("G9", among: ["G1", "G2"], maxDistance: 1)) },
            "rowsOfLeftOutWorker": { M.rowsOfLeftOutWorker(3, worker: "QH0007", roster: "roster.csv", line: 8) },
            "spreadsheetErrorValue": { M.spreadsheetErrorValue("分", "#DIV/0!", expected: "整数") },
            "rowsOfLeftOutWorkers": { M.rowsOfLeftOutWorkers(7675, workers: (1...53).map { "QH\(1000 + $0)" }, roster: "roster.csv", lines: "2–54") },
            "rowsOfLeftOutGroups": { M.rowsOfLeftOutGroups(12, column: "组别", values: ["G2", "G4"], roster: "roster.csv", lines: "4, 6") },
            "rowsOfLeftOutGroup": { M.rowsOfLeftOutGroup(1, column: "组别", value: "G2", roster: "roster.csv", line: 4) },
            "groupValueDiffers": { M.groupValueDiffers("站点", value: "东站", groupName: "团队", group: "T1", firstLine: 2, firstValue: "西站") },
            "groupWithoutRow": { M.groupWithoutRow("小组", "G2", roster: "roster.csv", rosterLine: 4, file: "notes.csv") },
            "groupWithoutRowFor": { M.groupWithoutRowFor("小组", "G1", roster: "roster.csv", rosterLine: 2, column: "类别", value: "乙", file: "targets.csv", values: ["甲", "乙"]) },
            "duplicateKey": { M.duplicateKey("记录", values: ["1"], firstFile: "2026-07/marks.csv", firstLine: 2, in: .quarter) },
            "duplicateColumn": { M.duplicateColumn("日期") },
            "missingColumnNear": { M.missingColumnNear("网格员编号", near: "网格员编码") },
            "missingColumn": { M.missingColumn("网格员编号", header: ["编号", "姓名"]) },
            "emptyFile": { M.emptyFile("events.csv", columns: ["事件编号", "网格员编号"]) },
            "rosterWithoutWorkers": { M.rosterWithoutWorkers("roster.csv") },
            "moreErrors": { M.moreErrors(9800, file: "events.csv", listed: 200, lines: "202–10001", past: 0) },
            "tableWithoutRows": { M.tableWithoutRows("work.csv", table: "work") },
        ])
    }

    func testEveryIngestMessageInBothLanguages() throws {
        typealias M = IngestMessages
        var dateForms = CellForms()
        dateForms.patterns = [try CellPattern.compile("yyyy/M/d H:mm", .datetime).get()]
        var duration = CellForms()
        duration.duration = .minutes
        var hours = CellForms()
        hours.duration = .hours
        hours.patterns = [try CellPattern.compile("h:mm:ss", .duration).get()]
        var thousands = CellForms()
        thousands.thousands = UInt8(ascii: ",")
        try MessageGolden.check("GridpayCore/Ingest/IngestMessages.swift", [
            "headerNotOnItsRow": { M.headerNotOnItsRow("events.csv", row: 3, found: 4, columns: ["事件编号", "网格员编号"]) },
            "totalsRowNotLast": { M.totalsRowNotLast("合计", next: 12) },
            "noFileMatches": { M.noFileMatches("patrol-*.csv", table: "patrol", names: ["events.csv", "roster.csv"]) },
            "notUTF16": { M.notUTF16("events.csv") },
            "noByteOrderMark": { M.noByteOrderMark("events.csv") },
            "notInForms": { M.notInForms("上报时间", "2026-10-01", expected: M.dateForms(dateForms, time: true)) },
            "dateForms": { M.dateForms(CellForms(), time: false) },
            "durationForms": { M.durationForms(duration) + " | " + M.durationForms(hours) },
            "numberForms": { M.numberForms(thousands, ColumnType.decimal(places: 2).expectation) },
            "durationOutOfRange": { M.durationOutOfRange("巡查时长", "-0:05:00", unit: .hours) },
            "durationBelow": { M.durationBelow("巡查时长", "0:10:00", ExactNumber(10), ExactNumber(30), unit: .minutes) },
            "durationAbove": { M.durationAbove("巡查时长", "30:00:00", ExactNumber(30), ExactNumber(24), unit: .hours) },
            "described": { M.described(thousands) },
            "unitName": { M.unitName(.hours) + " " + M.unitName(.minutes) },
            "workbookUnreadable": { M.workbookUnreadable("events.xlsx", "Permission denied") },
            "workbookDamaged": { M.workbookDamaged("events.xlsx", "no end of central directory") },
            "notAWorkbook": { M.notAWorkbook("events.xlsx", "xl/workbook.xml") },
            "workbookBadXML": { M.workbookBadXML("events.xlsx", "xl/worksheets/sheet1.xml", 3, "unclosed tag") },
            "noSuchSheet": { M.noSuchSheet("events.xlsx", "事件", ["Sheet1", "汇总"]) },
            "notAnXLSWorkbook": { M.notAnXLSWorkbook("events.xls", "no compound-file header") },
            "olderExcelWorkbook": { M.olderExcelWorkbook("events.xls", "Excel 5.0/95 (BIFF5)") },
            "workbookTooLarge": { M.workbookTooLarge("events.xlsx", "a shared string of 40 MB") },
            "workerLeftOut": { M.workerLeftOut("网格员编号", "V001", roster: "roster.csv") },
        ])
    }
}
