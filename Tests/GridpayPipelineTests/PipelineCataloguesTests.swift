import Foundation
import GridpayTestSupport
import XCTest
import CExpatZlib
@testable import GridpayCSV
@testable import GridpayCore
@testable import GridpayHash
@testable import GridpayPipeline
@testable import GridpayXLSX
@testable import GridpayXLSXReader

/// The catalogues of the messages moved out of the pipeline's code and the C libraries' wrappers
/// (issue 21) in both languages, each message from a sample call, against
/// Tests/GridpayPipelineTests/Messages/<catalogue>.txt. The wrappers' catalogues are pinned here,
/// beside the messages that quote them (their own test targets do without GridpayTestSupport).
final class PipelineCataloguesTests: XCTestCase {
    func testRuleTestMessages() throws {
        typealias M = RuleTestMessages
        let test = "two-worker grid mean"
        try MessageGolden.check("GridpayPipeline/RuleTestMessages.swift", [
            "refusedButScored": { M.refusedButScored(test, errors: 2) },
            "cannotEncode": { M.cannotEncode(test, table: "events", encoding: "gb18030") },
            "cannotWrite": { M.cannotWrite(test, table: "events", folder: "/tmp/gridpay-check-1/qinghe/2026-10") },
            "failed": { M.failed(test, "events.csv:2:5: 网格员编号 is empty") },
            "expectedErrorMissing": {
                M.expectedErrorMissing(test, expected: "events.csv:2:5: 网格员编号 is blank", reported: ["events.csv:2:5: 网格员编号 is empty", "events.csv:3:1: x"])
                    + " | " + M.expectedErrorMissing(test, expected: "events.csv:2:5", reported: [])
            },
            "unexpectedError": { M.unexpectedError(test, "events.csv:2:5: 网格员编号 is empty") },
            "workerNotInRoster": { M.workerNotInRoster(test, worker: "W9") },
            "valueDiffers": { M.valueDiffers(test, worker: "W1", name: "总分", actual: "5.3", expected: "5.31") + " | " + M.valueDiffers(test, worker: "W1", name: "总分", actual: nil, expected: "5.31") },
        ])
    }

    func testRuleFileMessages() throws {
        typealias M = RuleFileMessages
        try MessageGolden.check("GridpayPipeline/RuleFileMessages.swift", [
            "tooLarge": { M.tooLarge("Rules/qinghe.toml", limit: RuleFiles.maximumBytes) },
            "townNotPlain": { M.townNotPlain(PlainNameMessages.pathSeparator("a/b")) },
            "twoVersionsInOneMonth": { M.twoVersionsInOneMonth("2026-07", "Rules/qinghe/2026.1.toml", "Rules/qinghe/2026.2.toml") },
            "noVersionInFolder": { M.noVersionInFolder("Rules/qinghe", town: "qinghe") },
            "noRuleFile": { M.noRuleFile("qingh", file: "Rules/qingh.toml", folder: "Rules/qingh", didYouMean: Suggestion.didYouMean("qingh", among: ["qinghe"])) },
            "versionTakesEffect": { M.versionTakesEffect("qinghe/2026.1.toml", version: "2026.1", from: "2026-07") },
            "notInForce": { M.notInForce("qinghe", period: "2026-05", versions: ["v1", "v2"], earliest: "2026-07") },
            "cannotRead": { M.cannotRead("Rules/qinghe.toml", reason: SystemError.words(EACCES)) },
            "notUTF8": { M.notUTF8(byte: "D5") },
            "cannotHash": { M.cannotHash("Rules/qinghe.toml", "out of memory") },
        ])
    }

    func testScratchFolderAndOutputMessages() throws {
        typealias M = ScratchMessages
        try MessageGolden.check("GridpayPipeline/ScratchMessages.swift", [
            "cannot": { M.cannot(M.createScratchFile("/tmp/gridpay-1/deductions-0.bin"), folder: "/tmp", why: SystemError.words(ENOSPC)) },
            "createScratchFiles": { M.createScratchFiles() },
            "createScratchFile": { M.createScratchFile("/tmp/gridpay-1/deductions-0.bin") },
            "openScratchFile": { M.openScratchFile("/tmp/gridpay-1/deductions-0.bin") },
            "writeScratchFile": { M.writeScratchFile("/tmp/gridpay-1/deductions-0.bin") },
            "createPartitionFile": { M.createPartitionFile() },
        ])
        try MessageGolden.check("GridpayPipeline/PeriodFolderMessages.swift", [
            "missingMonthFolder": {
                PeriodFolderMessages.missingMonthFolder("2026-08", of: "2026-Q3", folder: "Input/shuangqiao/2026-08", kind: .quarter, months: ["2026-07", "2026-08", "2026-09"])
            },
        ])
        try MessageGolden.check("GridpayPipeline/OutputFileMessages.swift", [
            "cannotWrite": { OutputFileMessages.cannotWrite("Output/qinghe/2026-10/qinghe-2026-10-manifest.json") },
        ])
    }

    func testCSVReadMessages() throws {
        typealias M = CSVReadMessages
        let path = "Input/qinghe/2026-10/events.csv"
        try MessageGolden.check("GridpayCSV/CSVReadMessages.swift", [
            "cannotOpen": { M.cannotOpen(path, "Permission denied") },
            "readFailed": { M.readFailed(path, M.cannotSeekToStart("Illegal seek")) },
            "notUTF8": { M.notUTF8(path, line: 3, field: 2, looksLikeGB18030: true) + " | " + M.notUTF8(path, line: 3, field: 2, looksLikeGB18030: false) },
            "notGB18030": { M.notGB18030(path, line: 3) },
            "notUTF16": { M.notUTF16(path, line: 3) },
            "noByteOrderMark": { M.noByteOrderMark(path) },
            "malformed": { M.malformed(path, line: 4, M.strayQuote(field: 4)) },
            "libcsv": { M.libcsv(path, code: 2, "out of memory") },
            "converterUnavailable": { M.converterUnavailable(path, M.iconvCannotReset()) },
            "notRegularFile": { [M.aFIFO(), M.aFolder(), M.aDevice(), M.aSocket(), M.notAFile()].map { M.notRegularFile(path, kind: $0) }.joined(separator: " | ") },
            "cannotCreate": { M.cannotCreate("Output/qinghe/2026-10/pay.csv", "No space left on device") },
            "writeFailed": { M.writeFailed("Output/qinghe/2026-10/pay.csv", "No space left on device") },
            "closeFailed": { M.closeFailed("Output/qinghe/2026-10/pay.csv", "No space left on device") },
            "writeAfterClose": { M.writeAfterClose("Output/qinghe/2026-10/pay.csv") },
            "cannotSeekToStart": { M.cannotSeekToStart("Illegal seek") },
            "iconvCannotReset": { M.iconvCannotReset() },
            "quoteNeverClosed": { M.quoteNeverClosed(field: 3) },
            "strayQuote": { M.strayQuote(field: 4) },
            "afterClosingQuote": { [M.spaceCharacter(), M.tabCharacter(), "'x'", M.byte("0")].map { M.afterClosingQuote($0, field: 2) }.joined(separator: " | ") },
            "spaceCharacter": { M.spaceCharacter() },
            "tabCharacter": { M.tabCharacter() },
            "byte": { M.byte("E9") },
            "fieldTooLong": { M.expectedACSVExport(M.fieldTooLong(field: 1, limit: CSVLimits.fieldBytes)) },
            "fieldTooLongInQuotes": { M.fieldTooLongInQuotes(field: 1, limit: CSVLimits.fieldBytes) },
            "tooManyFields": { M.expectedACSVExport(M.tooManyFields(limit: CSVLimits.fields)) },
            "lineTooLong": { M.expectedACSVExport(M.lineTooLong(limit: CSVLimits.recordBytes)) },
            "expectedACSVExport": { M.expectedACSVExport("…") },
            "aFIFO": { M.aFIFO() }, "aFolder": { M.aFolder() }, "aDevice": { M.aDevice() }, "aSocket": { M.aSocket() }, "notAFile": { M.notAFile() },
        ])
        // Through the error a reader throws, as a clerk reads it.
        XCTAssertEqual(Language.with(.zh) { CSVReadError.malformed(path: path, line: 4, reason: CSVReadMessages.strayQuote(field: 4)).description },
                       "\(path):4: 引号有误：第4列中有多余的引号（字段内的引号要写两次，且该字段要加引号）")
    }

    func testExportReadMessages() throws {
        typealias M = ExportReadMessages
        try MessageGolden.check("GridpayXLSXReader/ExportReadMessages.swift", [
            "shorterThanAnArchive": { M.shorterThanAnArchive(12) },
            "noEndOfDirectory": { M.noEndOfDirectory() },
            "zip64": { M.zip64() },
            "directoryPastTheEnd": { M.directoryPastTheEnd() },
            "directoryEntryDamaged": { M.directoryEntryDamaged(3) },
            "directoryEntryCutOff": { M.directoryEntryCutOff(3) },
            "notARegularFile": { M.notARegularFile() },
            "endsInsideTheArchive": { M.endsInsideTheArchive(offset: 4096) },
            "localHeaderDamaged": { M.localHeaderDamaged("xl/worksheets/sheet1.xml") },
            "runsPastTheEnd": { M.runsPastTheEnd("xl/worksheets/sheet1.xml") },
            "notDeflate": { M.notDeflate("xl/worksheets/sheet1.xml", method: 12) },
            "checksumDiffers": { M.checksumDiffers("xl/worksheets/sheet1.xml") },
            "cutOff": { M.cutOff("xl/worksheets/sheet1.xml") },
            "cannotStartInflating": { M.cannotStartInflating() },
            "endsBeforeItsData": { M.endsBeforeItsData("xl/worksheets/sheet1.xml") },
            "cannotInflate": { M.cannotInflate("xl/worksheets/sheet1.xml", zlibError: -3) },
            "inflatesPastItsSize": { M.inflatesPastItsSize("xl/worksheets/sheet1.xml") },
            "anyWorksheet": { M.anyWorksheet() },
            "sharedStringsTooLarge": { M.sharedStringsTooLarge(mebibytes: 256) },
            "sharedStringNamed": { M.sharedStringNamed(row: 7, index: "41") },
            "cellStyleNamed": { M.cellStyleNamed(row: 7, style: 9) },
            "noWorksheets": { M.noWorksheets() },
            "sheetCannotBeSelected": { M.sheetCannotBeSelected() },
            "sheetSizeUnreadable": { M.sheetSizeUnreadable() },
            "fileCannotBeOpened": { M.fileCannotBeOpened() },
            "outOfMemory": { M.outOfMemory() },
            "libfreexlError": { M.libfreexlError(-7) },
            "noElementFound": { XMLStream.reason(XML_ERROR_NO_ELEMENTS) }, "invalidToken": { XMLStream.reason(XML_ERROR_INVALID_TOKEN) },
            "unclosedToken": { XMLStream.reason(XML_ERROR_UNCLOSED_TOKEN) }, "partialCharacter": { XMLStream.reason(XML_ERROR_PARTIAL_CHAR) },
            "mismatchedTag": { XMLStream.reason(XML_ERROR_TAG_MISMATCH) },
            "junkAfterTheDocument": { XMLStream.reason(XML_ERROR_JUNK_AFTER_DOC_ELEMENT) }, "syntaxError": { XMLStream.reason(XML_ERROR_SYNTAX) },
            "noCompoundFileHeader": { M.noCompoundFileHeader() },
            "unusualSectorSize": { M.unusualSectorSize(shift: 11) },
            "damagedSectorChain": { M.damagedSectorChain() },
            "sectorPastTheEnd": { M.sectorPastTheEnd() },
            "noDirectory": { M.noDirectory() },
            "noWorkbookStream": { M.noWorkbookStream() },
            "workbookStreamCutOff": { M.workbookStreamCutOff() },
            "sheetRecordsMissing": { M.sheetRecordsMissing(2) },
        ])
        // Their English is expat's own; any other error is said as expat says it.
        for code in [XML_ERROR_NO_ELEMENTS, XML_ERROR_INVALID_TOKEN, XML_ERROR_UNCLOSED_TOKEN, XML_ERROR_PARTIAL_CHAR, XML_ERROR_TAG_MISMATCH,
                     XML_ERROR_JUNK_AFTER_DOC_ELEMENT, XML_ERROR_SYNTAX, XML_ERROR_DUPLICATE_ATTRIBUTE] {
            XCTAssertEqual(XMLStream.reason(code), String(cString: XML_ErrorString(code)))
        }
        XCTAssertEqual(Language.with(.zh) { XMLStream.reason(XML_ERROR_DUPLICATE_ATTRIBUTE) }, "duplicate attribute")
        // Inside the message a clerk reads (IngestMessages), in Chinese throughout.
        XCTAssertEqual(Language.with(.zh) { WorkbookProblems.message(.damagedZip(reason: M.noEndOfDirectory()), file: "events.xlsx") },
                       "events.xlsx 不是可读的 XLSX 文件（zip 压缩包已损坏或不完整：找不到压缩包目录的结束记录）；请重新从平台导出该工作簿")
    }

    func testXLSXWriteSystemErrorAndHashMessages() throws {
        typealias M = XLSXWriteMessages
        try MessageGolden.check("GridpayXLSX/XLSXWriteMessages.swift", [
            "failed": { M.failed("workbook_close", "Error creating output xlsx file. Usually a permissions error.", code: 3) },
            "sheet": { M.sheet("考核汇总") }, "row": { M.row(4) }, "column": { M.column(2) }, "path": { M.path("Output/q.xlsx") },
            "cannotCreateFile": { M.cannotCreateFile() },
            "workbookClosed": { M.workbookClosed() },
            "containsNUL": { M.containsNUL("a sheet name") },
        ])
        try MessageGolden.check("GridpayLanguage/SystemErrorMessages.swift", [
            "permissionDenied": { SystemError.words(EACCES) }, "notPermitted": { SystemError.words(EPERM) },
            "noSuchFile": { SystemError.words(ENOENT) }, "isAFolder": { SystemError.words(EISDIR) },
            "partNotAFolder": { SystemError.words(ENOTDIR) }, "diskFull": { SystemError.words(ENOSPC) },
            "quotaUsedUp": { SystemError.words(EDQUOT) }, "readOnly": { SystemError.words(EROFS) },
            "inputOutput": { SystemError.words(EIO) }, "tooManyOpenFiles": { SystemError.words(EMFILE) },
            "exists": { SystemError.words(EEXIST) },
        ])
        // Each English is the C library's own; a rarer error is said as the C library says it.
        for code in [EACCES, EPERM, ENOENT, EISDIR, ENOTDIR, ENOSPC, EDQUOT, EROFS, EIO, EMFILE, EEXIST] {
            XCTAssertEqual(SystemError.words(code), String(cString: strerror(code)))
        }
        XCTAssertEqual(Language.with(.zh) { SystemError.words(ESPIPE) }, String(cString: strerror(ESPIPE)))
        XCTAssertEqual(Language.with(.zh) { CSVReadError.cannotOpen(path: "events.csv", reason: describeErrno(EACCES)).description }, "events.csv：无法打开：没有权限")
        try MessageGolden.check("GridpayHash/HashTextMessages.swift", [
            "identical": { HashText.firstDifference("ab12", "ab12") },
            "differFrom": { HashText.firstDifference("ab12cd34ef", "ab12cd99ef") },
        ])
    }
}
