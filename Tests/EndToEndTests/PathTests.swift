import Foundation
import XCTest

/// Issue 6.3: paths. A table's file and the town are plain names (refused by check at their
/// position); only regular files are read (a FIFO, device or folder in place of an export is
/// refused at once; a symlink is followed only to a regular file).
extension BadRulesTests {
    func testTableFileWithAPathIsRefusedAndNothingIsWrittenOutsideCheck() throws {
        let escape = (NSTemporaryDirectory() as NSString).appendingPathComponent("gridpay-escape.csv")
        try? FileManager.default.removeItem(atPath: escape)
        try assertRejected("path-in-file", line: "20:9",
                           "file '../../../gridpay-escape.csv' contains a path separator; expected the plain name of a file in the period's input folder, e.g. \"events.csv\"",
                           source: #"file = "../../../gridpay-escape.csv""#, caret: caret(8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: escape), "check wrote a test input outside its temporary folder")
    }

    func testTownIsAPlainName() throws {
        try assertRejected("path-in-town", line: "4:9",
                           "town '../mini' contains a path separator; expected a plain name (it names Rules/<town>.toml and Input/<town>/), e.g. \"qinghe\"",
                           source: #"town = "../mini""#, caret: caret(8))
    }

    func testTownOnTheCommandLineIsAPlainName() throws {
        let r = try Runner.run(["run", "../Rules/qinghe", "2026-10", "--rules-dir", Runner.rulesDir])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.stderrLines, ["error: the town '../Rules/qinghe' contains a path separator; expected a plain name such as qinghe (it names Rules/<town>.toml and Input/<town>/)"], r.transcript)
    }
}

extension BadInputTests {
    /// A copy of the valid month whose patrol.csv is replaced by `make(path)`.
    func monthWithPatrol(_ make: (String) throws -> Void) throws -> (Runner.TempFolder, String) {
        let input = try Runner.TempFolder(prefix: "gridpay-paths")
        try FileManager.default.createDirectory(atPath: input.path(Self.town), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: monthDir("valid"), toPath: input.path("\(Self.town)/\(Self.month)"))
        let patrol = input.path("\(Self.town)/\(Self.month)/patrol.csv")
        try FileManager.default.removeItem(atPath: patrol)
        try make(patrol)
        return (input, patrol)
    }

    func assertRefusedPatrol(_ make: (String) throws -> Void, kind: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (input, patrol) = try monthWithPatrol(make)
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let started = Date()
        let r = try Runner.runMonth(inputDir: input.path, outputDir: out.path, file: file, line: line)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "refused at once", file: file, line: line)
        XCTAssertEqual(r.status, 1, r.transcript, file: file, line: line)
        XCTAssertEqual(r.stderrLines, [
            "\(patrol):1:1: error: patrol.csv is \(kind), not a regular file; expected the exported CSV file (a symbolic link must point to a regular file)",
            summary(problems: 1),
        ], r.transcript, file: file, line: line)
    }

    func testAFIFOInPlaceOfAnExportIsRefusedAtOnce() throws {
        // Before: the run waited for a writer forever.
        try assertRefusedPatrol({ XCTAssertEqual(mkfifo($0, 0o600), 0) }, kind: "a FIFO (named pipe)")
    }

    func testADeviceBehindASymlinkIsRefused() throws {
        // Before: /dev/zero was read until memory ran out.
        try assertRefusedPatrol({ try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "/dev/zero") }, kind: "a device")
    }

    func testAFolderInPlaceOfAnExportIsRefused() throws {
        try assertRefusedPatrol({ try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }, kind: "a folder")
    }

    func testASymlinkToARegularFileIsRead() throws {
        let (input, _) = try monthWithPatrol { try FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "\(monthDir("valid"))/patrol.csv") }
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let r = try Runner.runMonth(inputDir: input.path, outputDir: out.path)
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.errorLines, [], r.transcript)
    }
}

extension BadRulesTests {
    /// Issue 6.10: invalid UTF-8 in a rule file is reported at its line and column.
    func testARuleFileThatIsNotUTF8IsReportedWhereItStopsBeingUTF8() throws {
        // Line 5 holds 小镇 in GBK bytes: D0 A1 happen to be a UTF-8 letter (U+0421), so the first
        // byte that is not UTF-8 is D5 at column 10.
        let r = try check("not-utf8")
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.stderrLines, [
            "\(fixture("not-utf8")):5:10: error: the rule file is not UTF-8 text: byte 0xD5 here does not begin a UTF-8 character (was it saved as GBK/GB18030?); save it as UTF-8",
            "\(fixture("not-utf8")): 1 error(s); the rule file cannot be used: the governance office corrects it",
        ], r.transcript)
    }
}
