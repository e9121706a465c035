import Foundation
import GridpayCore
import GridpayTestSupport
import XCTest
@testable import GridpayLedger

/// The ledger's messages name commands and options only in the words their caller passes, and
/// say the same in both languages.
final class LedgerMessagesTests: XCTestCase {
    /// Words with no command line in them (as the console passes its own).
    static let buttons = CommandWords(run: "「运行」", close: "「审核通过」", verify: "「核对」", status: "「台账」", closedBy: "审核人",
                                      accept: "「接受」", inputDir: "输入文件夹", outputDir: "输出文件夹", ledgerDir: "台账文件夹", chain: "链头")

    func testTheCommandLinesWordsGiveTheCommandsMessages() {
        XCTAssertEqual(LedgerMessages.closerNeeded(words: .commandLine), "--by needs the name of the person closing the period")
        XCTAssertEqual(LedgerMessages.noLedger("qinghe", "2026-07", path: "Ledger/qinghe.sqlite", words: .commandLine),
                       "qinghe 2026-07 is not closed: there is no ledger Ledger/qinghe.sqlite; close it first (gridpay close qinghe 2026-07 --by <name>)")
        XCTAssertEqual(LedgerMessages.alreadyClosed("qinghe", "2026-07", by: "张三", at: "2026-08-03 17:00:00 +08:00", words: .commandLine),
                       "qinghe 2026-07 is already closed: closed by 张三 at 2026-08-03 17:00:00 +08:00; a closed period cannot be closed again (a correction is carried into the first open period: see gridpay status qinghe)")
    }

    func testOtherWordsLeaveNoCommandLineInTheMessages() {
        func messages() -> [String] { [
            LedgerMessages.closerNeeded(words: Self.buttons),
            LedgerMessages.noLedger("qinghe", "2026-07", path: "Ledger/qinghe.sqlite", words: Self.buttons),
            LedgerMessages.alreadyClosed("qinghe", "2026-07", by: "张三", at: "2026-08-03 09:00:00", words: Self.buttons),
            LedgerMessages.closedNotRunAgain("qinghe", "2026-07", by: "张三", at: "2026-08-03 09:00:00", differing: 1, folders: "Input/qinghe/2026-07",
                                             openPeriod: "2026-08", sheet: "往期更正", words: Self.buttons),
            LedgerMessages.closedAndSettled("qinghe", "2026-07", by: "张三", at: "2026-08-03 09:00:00", differing: 1, revision: 1, settledIn: "2026-08",
                                            revisedBy: "李四", revisedAt: "2026-09-02 10:00:00", words: Self.buttons),
            LedgerSealMessages.needsUpgrade(2, town: "qinghe", words: Self.buttons),
            LedgerSealMessages.chainHead("9f3a", after: Self.july, at: "2026-08-03 17:00:00 +08:00", words: Self.buttons),
            LedgerSealMessages.sealRefused(SealRefused(settlementID: 3, lastSealed: 4), words: Self.buttons),
            LedgerSealMessages.unreadable(UnreadablePublished(column: "总分", worker: "QH0001", period: "2026-07", text: "x"), words: Self.buttons),
            LedgerMessages.correctionNotCarried("qinghe", "2026-07", folder: "Input/qinghe/2026-07", words: Self.buttons),
            LedgerMessages.compareWithoutCorrection("qinghe", "2026-08", waiting: ["2026-07"], words: Self.buttons),
            LedgerMessages.compareClosedAsNow("qinghe", "2026-07", differing: 1, words: Self.buttons),
        ] }
        for language in Language.allCases {
            for m in Language.with(language, messages) {
                // "gridpay" alone is the program (a ledger "recorded outside gridpay"), not a command.
                XCTAssertFalse(m.contains("--") || ["run", "close", "verify", "status"].contains { m.contains("gridpay \($0)") }, m)
            }
        }
        XCTAssertEqual(LedgerMessages.noLedger("qinghe", "2026-07", path: "Ledger/qinghe.sqlite", words: Self.buttons),
                       "qinghe 2026-07 is not closed: there is no ledger Ledger/qinghe.sqlite; close it first (「审核通过」 qinghe 2026-07 审核人 <name>)")
    }

    static let july = Settlement(id: 1, period: "2026-07", revision: 0, settledIn: nil, closedBy: "张三", closedAt: "2026-08-03 09:00:00",
                                 ruleFile: "qinghe.toml", ruleInFolder: false, ruleSha256: "", ruleVersion: "2026.1", program: "gridpay",
                                 acceptedRows: [], itemNames: [], flagNames: [], valueNames: [], workers: 5, totalPayable: "11000.00")

    /// close and status show when the chain head's settlement was closed in local time with the
    /// zone (the ledger keeps UTC), as status shows its periods.
    func testTheChainHeadSaysWhenInLocalTime() throws {
        let shanghai = try XCTUnwrap(TimeZone(identifier: "Asia/Shanghai"))
        let local = LocalTime.text(ledgerUTC: Self.july.closedAt, in: shanghai)
        XCTAssertEqual(local, "2026-08-03 17:00:00 +08:00")
        XCTAssertEqual(LedgerSealMessages.chainHead("9f3a", after: Self.july, at: local, words: .commandLine),
                       "chain head 9f3a (after 2026-07, closed by 张三 at 2026-08-03 17:00:00 +08:00): keep it outside the ledger; "
                           + "gridpay verify <town> --chain <head> proves nothing recorded up to it changed")
        XCTAssertEqual(Language.with(.zh) { LedgerSealMessages.chainHead("9f3a", after: Self.july, at: local, words: .commandLine) },
                       "链头 9f3a（截至 2026-07，张三 于 2026-08-03 17:00:00 +08:00 结账）：请在台账之外保存；gridpay verify <镇> --chain <链头> 可证明截至此处记录的内容未被改动")
        XCTAssertEqual(LedgerMessages.closed("qinghe", "2026-07", by: "张三", at: local, workers: 5, payable: "11,000.00", version: "2026.1", path: "Ledger/qinghe.sqlite"),
                       "closed qinghe 2026-07 by 张三 at 2026-08-03 17:00:00 +08:00: 5 workers, total payable 11,000.00 yuan, rule version 2026.1; recorded in Ledger/qinghe.sqlite")
    }

    /// Opening and reading the ledger, its archive and published results: each message in both
    /// languages against Messages/LedgerReadMessages.txt.
    func testEveryReadMessageInBothLanguages() throws {
        typealias M = LedgerMessages
        let path = "Ledger/qinghe.sqlite", sha = "9f3a0c"
        try MessageGolden.check("GridpayLedger/LedgerReadMessages.swift", [
            "sqliteCannotOpen": { M.sqliteCannotOpen(path, "file is not a database") },
            "notALedger": { M.notALedger(path, reason: "no such table: ledger_info") },
            "emptyFile": { M.emptyFile(path) },
            "otherProgram": { M.otherProgram(path, applicationID: 42, expected: 0x4750_4C47) },
            "namesNoTown": { M.namesNoTown(path) },
            "otherTown": { M.otherTown(path, owner: "xinhe", town: "qinghe") },
            "appendOnly": { M.appendOnly() },
            "neverReplaced": { M.neverReplaced() },
            "objectCorrupted": { M.objectCorrupted(sha, actual: "77aa01") + " | " + M.objectCorrupted(sha, actual: nil) },
            "archivedCorrupted": {
                M.archivedCorrupted("events.csv", period: "2026-07", ledger: path, recorded: sha, actual: "77aa01") + " | "
                    + M.archivedCorrupted("events.csv", period: "2026-07", ledger: path, recorded: sha, actual: nil)
            },
            "archivedUnreadable": { M.archivedUnreadable("events.csv", period: "2026-07", ledger: path, reason: "disk I/O error") },
            "archivedRuleUnreadable": { M.archivedRuleUnreadable("qinghe.toml", period: "2026-07", ledger: path, reason: "disk I/O error") },
            "notArchived": { M.notArchived("Input/qinghe/2026-07/events.csv") },
            "changedWhileArchived": { M.changedWhileArchived("Input/qinghe/2026-07/events.csv") },
            "keepsItsAcceptedRows": { M.keepsItsAcceptedRows(open: "2026-08", closed: "2026-07") },
            "correctionNotCarried": { M.correctionNotCarried("qinghe", "2026-07", folder: "Input/qinghe/2026-07", words: .commandLine) },
            "compareWithoutCorrection": { M.compareWithoutCorrection("qinghe", "2026-09", waiting: ["2026-07", "2026-08"], words: .commandLine) },
            "compareClosedAsNow": { M.compareClosedAsNow("qinghe", "2026-07", differing: 2, words: .commandLine) },
            "noSuchValue": { M.noSuchValue("2026-07", name: "末位", kept: ["达标", "优秀"]) },
            "publishedNotRead": { M.publishedNotRead("2026-07", ledger: path, reason: "disk I/O error") },
            "ratingNotRead": { M.ratingNotRead("2026-07", ledger: path, reason: "disk I/O error") },
        ])
    }

    func testTheMessagesInChinese() {
        Language.with(.zh) {
            XCTAssertEqual(LedgerMessages.closerNeeded(words: .commandLine), "--by 需要填写结账人的姓名")
            XCTAssertEqual(LedgerMessages.closed("qinghe", "2026-07", by: "张三", at: "2026-08-03 17:00:00 +08:00", workers: 5, payable: "11,000.00", version: "2026.1",
                                                 path: "Ledger/qinghe.sqlite"),
                           "qinghe 2026-07 已由 张三 于 2026-08-03 17:00:00 +08:00 结账：5 人，实发合计 11,000.00 元，规则版本 2026.1；记录在 Ledger/qinghe.sqlite")
            XCTAssertEqual(LedgerMessages.alreadyClosed("qinghe", "2026-07", by: "张三", at: "2026-08-03 17:00:00 +08:00", words: .commandLine),
                           "qinghe 2026-07 已经结账：张三 于 2026-08-03 17:00:00 +08:00 结账；已结账的期间不能再次结账（更正会结转到第一个未结账期间：见 gridpay status qinghe）")
            XCTAssertEqual(LedgerMessages.valueDiffers("实发绩效", published: "0.00", rerun: "2200.00"), "实发绩效 公布为 0.00，重新运行为 2200.00")
            // One dash as Chinese writes it, as notIdentical does.
            XCTAssertEqual(LedgerSealMessages.rowsDiffer(town: "qinghe", period: "2026-07", count: 2),
                           "qinghe 2026-07：不一致——有 2 处已公布的行或结账记录的值与按存档重算的结果不同")
        }
    }
}
