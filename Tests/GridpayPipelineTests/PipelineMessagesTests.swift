import Foundation
import GridpayTestSupport
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// The messages of progress, publishing, rating and compare in both languages, each from a sample
/// call, against Tests/GridpayPipelineTests/Messages/<catalogue>.txt.
final class PipelineMessagesTests: XCTestCase {
    func testEveryProgressMessageInBothLanguages() throws {
        typealias M = ProgressMessages
        try MessageGolden.check("GridpayPipeline/ProgressMessages.swift", [
            "readingRows": { M.readingRows("events.csv", rows: 1200, perSecond: 40000) },
            "scoring": { M.scoring(53) },
            "writingWorkbook": { M.writingWorkbook() },
            "readingPeriod": { M.readingPeriod("2026-Q1") },
            "writingRating": { M.writingRating() },
        ])
    }

    func testEveryPublishMessageInBothLanguages() throws {
        typealias M = PublishMessages
        try MessageGolden.check("GridpayPipeline/PublishMessages.swift", [
            "outputAmongInputs": { [.same, .inside, .holds].map { M.outputAmongInputs("Input/qinghe/2026-10", $0, input: "Input/qinghe/2026-10", words: .commandLine) }.joined(separator: " | ") },
            "busy": { M.busy(pid: "4242", holder: "qinghe 2026-10") },
            "cannot": { M.cannot(M.syncToDisk(), "Output/qinghe/2026-10/pay.csv", reason: SystemError.words(ENOSPC)) },
            "moveNewIntoPlace": { M.moveNewIntoPlace("qinghe-2026-10.xlsx") },
            "createLockFile": { M.createLockFile() },
            "lockFile": { M.lockFile() },
            "createFile": { M.createFile() },
            "writeFile": { M.writeFile() },
            "openForSyncing": { M.openForSyncing() },
            "syncToDisk": { M.syncToDisk() },
            "openFolderForSyncing": { M.openFolderForSyncing() },
            "syncFolderToDisk": { M.syncFolderToDisk() },
            "renameIntoPlace": { M.renameIntoPlace() },
            "errorCode": { M.errorCode(5) },
        ])
    }

    func testEveryRatingMessageInBothLanguages() throws {
        typealias M = RatingMessages
        try MessageGolden.check("GridpayPipeline/RatingMessages.swift", [
            "cannotLeaveOut": { M.cannotLeaveOut("qinghe", "2026-10", example: "events.csv:12", words: .commandLine) },
            "notComputable": { M.notComputable("2026-10") },
            "monthFoldersMissing": { M.monthFoldersMissing("2026-Q1", absent: ["Input/shuangqiao/2026-02"], kind: .quarter, months: ["2026-01", "2026-02", "2026-03"]) },
            "neitherLedgerNorInputs": { M.neitherLedgerNorInputs("2026-Q1", folders: ["Input/shuangqiao/2026-01", "Input/shuangqiao/2026-02"], isMonth: false) },
            "cannotRate": { M.cannotRate("qinghe", "2026", missing: ["2026-03", "2026-04"], kind: .month) },
            "cannotMove": { M.cannotMove("qinghe-2026-rating.csv", into: "Output/qinghe/2026", reason: SystemError.words(EACCES)) },
            "writingFailed": { M.writingFailed("Output/qinghe/2026", reason: SystemError.words(ENOSPC)) },
        ])
    }

    func testEveryHistoryMessageInBothLanguages() throws {
        typealias M = HistoryMessages
        try MessageGolden.check("GridpayPipeline/HistoryMessages.swift", [
            "inputsMissing": { M.inputsMissing("2026-09", folder: "qinghe/2026-09") },
            "monthsMissing": { M.monthsMissing("2026-Q3", folders: ["2026-08", "2026-09"]) },
            "noUsableRules": { M.noUsableRules("2026-09", "no rule version of qinghe is in force for 2026-09") },
            "inputsHaveProblems": { M.inputsHaveProblems("2026-09", count: 2, row: "events.csv:12", "日期 is empty") },
            "noSuchValue": { M.noSuchValue("末位", period: "2026-09", rules: "Rules/qinghe/2026-01.toml", version: "2026.1") },
        ])
    }

    func testEveryCompareMessageInBothLanguages() throws {
        typealias M = CompareMessages
        try MessageGolden.check("GridpayPipeline/CompareMessages.swift", [
            "heading": { M.heading("qinghe", "2026-10", current: "Rules/qinghe.toml", currentVersion: "2026.1", proposed: "draft.toml", proposedVersion: "2026.2") },
            "counts": { M.counts(workers: 53, totals: 4, ranks: 2, flags: 1, pay: 3) + " | " + M.counts(workers: 53, totals: 4, ranks: 2, flags: 1, pay: nil) },
            "payable": { M.payable(before: "100000.00", after: "100250.00", delta: "+250.00") },
            "noChanges": { M.noChanges(hasPay: true) + " | " + M.noChanges(hasPay: false) },
            "largestChanges": { M.largestChanges() },
            "mover": { M.mover("QH0001", "张三", total: ("90.00", "92.00", "+2.00"), pay: ("2000.00", "2050.00", "+50.00"), rank: ("3", "1"), changes: ["等次 合格→优秀"]) },
            "noCandidate": { M.noCandidate("draft.toml") },
            "noVersionInForce": { M.noVersionInForce("Rules/qinghe", period: "2026-10") },
            "candidateOfAnotherTown": { M.candidateOfAnotherTown("draft.toml", town: "xinhe", asked: "qinghe") },
            "writingFailed": { M.writingFailed("Output/qinghe/2026-10/qinghe-2026-10-compare.xlsx", reason: SystemError.words(ENOSPC)) },
            "candidateTestFailed": { M.candidateTestFailed("qinghe.toml:200:1: 总分 expected 90, got 92") },
        ])
    }

    func testEveryPeriodMessageInBothLanguages() throws {
        typealias M = PeriodMessages
        let h1 = CalendarPeriod.parse("2026-H1")!
        try MessageGolden.check("GridpayPipeline/PeriodMessages.swift", [
            "wrongKind": {
                M.wrongKind("xinhe", kind: .year, ruleFile: "Rules/xinhe.toml", asked: "2026-H2", example: "2026",
                            also: [M.alsoPreliminary(h1), M.alsoSummary(.quarter)], words: .commandLine)
                    + " | " + M.wrongKind("g", kind: .quarter, ruleFile: "Rules/g.toml", asked: "2026-07", example: "2026-Q3", also: [], words: .commandLine)
            },
            "alsoPreliminary": { M.alsoPreliminary(h1) },
            "alsoSummary": { M.alsoSummary(.quarter) },
            "runNotRated": { M.runNotRated("g", kind: .quarter, "2026-Q1", longer: [.halfYear], words: .commandLine) },
            "noRating": {
                M.noRating("Rules/g.toml", kind: .year, town: "g", rated: []) + " | "
                    + M.noRating("Rules/g.toml", kind: .year, town: "g", rated: [.halfYear, .quarter])
            },
            "refusedWithoutPay": { M.refusedWithoutPay(1, town: "xinhe", period: "2026-H1") + " | " + M.refusedWithoutPay(2, town: "xinhe", period: "2026") },
        ])
    }
}
