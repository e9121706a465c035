import GridpayTestSupport
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Every message a run says about its period as a whole (RunMessages) in both languages, each from
/// a sample call, against Tests/GridpayPipelineTests/Messages/RunMessages.txt.
final class RunMessagesTests: XCTestCase {
    func testEveryRunMessageInBothLanguages() throws {
        typealias M = RunMessages
        try MessageGolden.check("GridpayPipeline/RunMessages.swift", [
            "wrongTown": { M.wrongTown("Rules/qinghe.toml", town: "qinghe", asked: "xinhe") },
            "noInputFolder": { M.noInputFolder("qinghe", "2026-10", folder: "Input/qinghe/2026-10") },
            "monthFoldersMissing": { M.monthFoldersMissing("shuangqiao", "2026-Q1", months: ["2026-02"], townFolder: "Input/shuangqiao", kind: .quarter) },
            "unreadableFolder": { M.unreadableFolder("Input/qinghe/2026-10", reason: "Permission denied") },
            "historyIncomplete": { M.historyIncomplete("the inputs of 2026-09 are missing") },
            "acceptMatchesNothing": { M.acceptMatchesNothing("events.csv:13", suggestion: Suggestion.didYouMean("events.csv:13", among: ["events.csv:12"]), words: .commandLine) },
            "rosterRowNotAcceptable": { M.rosterRowNotAcceptable("roster.csv:2", roster: "roster.csv", words: .commandLine) },
            "rowOfRosterErrorNotAcceptable": { M.rowOfRosterErrorNotAcceptable("patrol.csv:441", id: "QH0004", roster: "roster.csv", rosterLine: 5, words: .commandLine) },
            "runRefused": { M.runRefused(3, town: "qinghe", period: "2026-10") },
            "acceptableRows": { M.acceptableRows(2, example: "events.csv:12", advice: nil, words: .commandLine) },
            "writingFailed": { M.writingFailed("Output/qinghe/2026-10", reason: "No space left on device") },
            "notUTF8": { M.notUTF8("events.csv", field: 3, table: "events", readsAsGB18030: true) },
            "notGB18030": { M.notGB18030("events.csv") },
            "notRegularFile": { M.notRegularFile("events.csv", kind: "a folder") },
            "malformedCSV": { M.malformedCSV("a quote inside an unquoted field") },
            "fileUnreadable": { M.fileUnreadable("events.csv", reason: "Permission denied", table: "events") },
            "fileMissing": { M.fileMissing("events.csv", table: "events") },
        ])
    }
}
