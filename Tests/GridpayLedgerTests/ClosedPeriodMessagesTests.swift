import Foundation
import GridpayCore
import GridpayTestSupport
import XCTest
@testable import GridpayLedger

/// ClosedPeriodMessages: each message in both languages against Messages/ClosedPeriodMessages.txt.
final class ClosedPeriodMessagesTests: XCTestCase {
    func testEveryMessageInBothLanguages() throws {
        typealias M = ClosedPeriodMessages
        try MessageGolden.check("GridpayLedger/ClosedPeriodMessages.swift", [
            "historyAsClosed": {
                M.historyAsClosed("qinghe", "2026-10", changes: [M.historyChanged("2026-08", files: [M.historyFileChanged("events.csv"), M.historyFileMissing("visits.csv")]),
                                                                 M.historyAppeared("2026-09", folder: "Input/qinghe/2026-09")])
            },
            "historyAppeared": { M.historyAppeared("2026-09", folder: "Input/qinghe/2026-09") },
            "historyChanged": { M.historyChanged("2026-08", files: [M.historyFileChanged("events.csv")]) },
            "historyFileChanged": { M.historyFileChanged("events.csv") },
            "historyFileMissing": { M.historyFileMissing("visits.csv") },
            "historyGone": { M.historyGone("2026-08", folder: "Input/qinghe/2026-08") },
            "historyArchiveDamaged": { M.historyArchiveDamaged("qinghe", "2026-10", path: "Ledger/qinghe.sqlite", words: .commandLine) },
            "malformedHead": { M.malformedHead("abc", words: .commandLine) },
            "interruptedClose": { M.interruptedClose("Ledger/qinghe.sqlite", town: "qinghe", words: .commandLine) },
        ])
    }
}
