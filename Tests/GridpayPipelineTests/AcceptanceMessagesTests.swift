import GridpayTestSupport
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Every message of what --accept leaves out (SPEC §15) in both languages, each from a sample
/// call, against Tests/GridpayPipelineTests/Messages/AcceptanceMessages.txt.
final class AcceptanceMessagesTests: XCTestCase {
    func testEveryAcceptanceMessageInBothLanguages() throws {
        typealias M = AcceptanceMessages
        let who = { M.worker("QH0002", "王芳") }
        try MessageGolden.check("GridpayPipeline/AcceptanceMessages.swift", [
            "worker": who,
            "deduction": { M.deduction("上级调度", points: "15", yuan: "120.00") },
            "rowLeftOut": { M.rowLeftOut(of: who(), notTaken: M.deduction("上级调度", points: "15", yuan: "120.00"), notAdded: M.deduction("加分", points: "1", yuan: "0.00")) },
            "rowWithoutDeduction": { M.rowWithoutDeduction(of: who()) },
            "rowNotKnown": { M.rowNotKnown(of: who()) },
            "rowOfNoWorker": { M.rowOfNoWorker() },
            "alsoCounts": { M.alsoCounts() },
            "notCountable": { M.notCountable(feeds: ["事件上报", "电话畅通"]) },
            "notCountableEither": { M.notCountableEither(feeds: ["事件上报"]) },
            "workerChanges": { M.workerChanges(who(), M.changed("事件上报", with: "1.8", without: "1.2")) },
            "changed": { M.changed("总分", with: "85.4", without: "84.8") },
            "payableChanged": { M.payableChanged("实发绩效", with: "1878.80", without: "1865.60") },
            "workerUnchanged": { M.workerUnchanged(who()) },
            "changesNotComputed": { M.changesNotComputed() },
            "inAll": { M.inAll(3, perWorker: M.workerInAll(who(), rows: 1, notTaken: ("15", "120.00"), notAdded: nil)) },
            "workerInAll": { M.workerInAll(who(), rows: 2, notTaken: ("15", "120.00"), notAdded: ("1", "0.00")) },
            "noWorkerInAll": { M.noWorkerInAll(2) },
            "notKnownInAll": { M.notKnownInAll() },
            "aboutLabel": { M.aboutLabel("events.csv:6") },
            "aboutChangesLabel": { M.aboutChangesLabel() },
            "aboutTotalLabel": { M.aboutTotalLabel() },
        ])
    }
}
