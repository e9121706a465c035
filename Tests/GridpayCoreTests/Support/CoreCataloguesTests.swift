import GridpayTestSupport
import XCTest
@testable import GridpayCore

/// GridpayCore's small catalogues (moved out of the code that words them, issue 21) in both
/// languages, each message from a sample call, against Tests/GridpayCoreTests/Messages/<catalogue>.txt.
final class CoreCataloguesTests: XCTestCase {
    func testPlainNameMessages() throws {
        typealias M = PlainNameMessages
        try MessageGolden.check("GridpayCore/Support/PlainNameMessages.swift", [
            "empty": { M.empty() },
            "namesAFolder": { M.namesAFolder("..") },
            "pathSeparator": { M.pathSeparator("a/b") },
            "controlCharacter": { M.controlCharacter("qing\\u{7}he") },
            "invisibleCharacter": { M.invisibleCharacter("qinghe", code: "FEFF") },
        ])
        // Through PlainName, as the town's and a table's file are checked.
        XCTAssertEqual(Language.with(.zh) { PlainName.problem("Input/qinghe") }, "“Input/qinghe”含有路径分隔符")
        XCTAssertNil(PlainName.problem("qinghe"))
    }

    func testSuggestionMessages() throws {
        try MessageGolden.check("GridpayCore/Source/SuggestionMessages.swift", [
            "didYouMean": { [["QH0002"], ["QH0018", "QH0008"], ["a", "b", "c"]].map(SuggestionMessages.didYouMean).joined(separator: " | ") },
        ])
        XCTAssertEqual(Suggestion.didYouMean("zzzzzz", among: ["qinghe"]), "", "nothing near: nothing said")
    }

    func testArithmeticMessages() throws {
        try MessageGolden.check("GridpayCore/Exact/ArithmeticMessages.swift", [
            "overflow": { ArithmeticMessages.overflow() },
            "divisionByZero": { ArithmeticMessages.divisionByZero() },
        ])
    }

    func testColumnTypeMessages() throws {
        typealias M = ColumnTypeMessages
        try MessageGolden.check("GridpayCore/Rules/ColumnTypeMessages.swift", [
            "anID": { M.anID() }, "text": { M.text() }, "wholeNumber": { M.wholeNumber() },
            "decimal": { M.decimal(places: 2) }, "number": { M.number() }, "date": { M.date() }, "datetime": { M.datetime() },
            "oneOf": { M.oneOf(["是", "否"]) },
            "types": { [["duration"], ["integer", "decimal"], ["date", "datetime", "duration"]].map(M.types).joined(separator: " | ") },
        ])
    }

    func testAcceptedRowMessages() throws {
        try MessageGolden.check("GridpayCore/Ingest/AcceptedRowMessages.swift", ["leftOut": { AcceptedRowMessages.leftOut(words: .commandLine) }])
    }

    func testRulePlaceMessages() throws {
        typealias M = RulePlaces
        try MessageGolden.check("GridpayCore/Rules/RulePlaceMessages.swift", [
            "value": { M.value("出勤天数") }, "itemScore": { M.itemScore("事件上报") }, "flag": { M.flag("建议更换") },
            "awardTo": { M.awardTo("先进") }, "awardPer": { M.awardPer("先进") }, "unmetCheck": { M.unmetCheck("扣分 <= 10") },
            "sheetLine": { M.sheetLine("合计") }, "unitColumn": { M.unitColumn("村(社区)") }, "sheetOrder": { M.sheetOrder("统计") },
            "sheetColumn": { M.sheetColumn("人数") }, "sheetColumnWhen": { M.sheetColumnWhen("人数") }, "columnOf": { M.columnOf("events") },
            "check": { M.check(2, ofTable: "events") }, "itemSection": { M.itemSection(3) }, "deduction": { M.deduction(1, ofItem: "日常考核") },
            "band": { M.band(2, of: M.gradesBands) }, "vetoSection": { M.vetoSection(1) }, "awardSection": { M.awardSection(1) },
            "flagSection": { M.flagSection(1) }, "ratingSection": { M.ratingSection(1) }, "ratingVetoSection": { M.ratingVetoSection(1) },
            "groupSheetSection": { M.groupSheetSection(1) }, "groupSheetColumn": { M.groupSheetColumn("村排名") },
            "sheetSection": { M.sheetSection(1) }, "sheetLineSection": { M.sheetLineSection(2, ofSheet: "统计") },
            "unitsSection": { M.unitsSection(ofSheet: "统计") }, "unitColumnSection": { M.unitColumnSection(2, ofSheet: "统计") },
            "testSection": { M.testSection(1) }, "item": { M.item("事件上报") },
        ])
    }
}
