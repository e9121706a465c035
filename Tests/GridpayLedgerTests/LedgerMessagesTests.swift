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
        XCTAssertEqual(LedgerMessages.alreadyClosed("qinghe", "2026-07", by: "张三", at: "2026-08-03 09:00:00", words: .commandLine),
                       "qinghe 2026-07 is already closed: closed by 张三 at 2026-08-03 09:00:00 UTC; a closed period cannot be closed again (a correction is carried into the first open period: see gridpay status qinghe)")
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
        ] }
        for language in Language.allCases {
            for m in Language.with(language, messages) {
                XCTAssertFalse(m.contains("gridpay") || m.contains("--"), m)
            }
        }
        XCTAssertEqual(LedgerMessages.noLedger("qinghe", "2026-07", path: "Ledger/qinghe.sqlite", words: Self.buttons),
                       "qinghe 2026-07 is not closed: there is no ledger Ledger/qinghe.sqlite; close it first (「审核通过」 qinghe 2026-07 审核人 <name>)")
    }

    func testTheMessagesInChinese() {
        Language.with(.zh) {
            XCTAssertEqual(LedgerMessages.closerNeeded(words: .commandLine), "--by 需要填写结账人的姓名")
            XCTAssertEqual(LedgerMessages.closed("qinghe", "2026-07", by: "张三", at: "2026-08-03 09:00:00", workers: 5, payable: "11000.00", version: "2026.1",
                                                 path: "Ledger/qinghe.sqlite"),
                           "qinghe 2026-07 已由 张三 于 2026-08-03 09:00:00 (UTC) 结账：5 人，实发合计 11000.00，规则版本 2026.1；记录在 Ledger/qinghe.sqlite")
            XCTAssertEqual(LedgerMessages.valueDiffers("实发绩效", published: "0.00", rerun: "2200.00"), "实发绩效 公布为 0.00，重新运行为 2200.00")
        }
    }
}
