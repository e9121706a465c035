import Foundation
import XCTest

/// Issue 6.4, end to end: an output folder that is, or lies inside or around, the month's input
/// folder is refused (it once deleted the exports); a second run of a town and period while one
/// holds it exits 1 naming the process; a re-run keeps other files in the month's folder.
extension BadInputTests {
    func copyOfValid() throws -> Runner.TempFolder {
        let input = try Runner.TempFolder(prefix: "gridpay-outdir")
        try FileManager.default.createDirectory(atPath: input.path(Self.town), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: monthDir("valid"), toPath: input.path("\(Self.town)/\(Self.month)"))
        return input
    }

    func testOutputFolderEqualToTheInputFolderIsRefusedAndTheExportsStay() throws {
        let input = try copyOfValid()
        let before = Runner.snapshot(input.path)
        let r = try Runner.runMonth(inputDir: input.path, outputDir: input.path)
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.stderrLines, ["error: the output folder \(input.path)/qinghe/2026-10 is the month's input folder \(input.path)/qinghe/2026-10; outputs are never written among the exports: choose another --output-dir"], r.transcript)
        XCTAssertEqual(Runner.snapshot(input.path), before, "the exports must stay as they were")
    }

    func testOutputFolderInsideTheInputFolderIsRefused() throws {
        let input = try copyOfValid()
        let out = input.path("qinghe/2026-10/out")
        let r = try Runner.runMonth(inputDir: input.path, outputDir: out)
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.stderrLines, ["error: the output folder \(out)/qinghe/2026-10 lies inside the month's input folder \(input.path)/qinghe/2026-10; outputs are never written among the exports: choose another --output-dir"], r.transcript)
    }

    func testInputFolderInsideTheOutputFolderIsRefused() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-outdir")
        let inputRoot = out.path("qinghe/2026-10/exports")
        try FileManager.default.createDirectory(atPath: "\(inputRoot)/qinghe", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: monthDir("valid"), toPath: "\(inputRoot)/qinghe/2026-10")
        let r = try Runner.runMonth(inputDir: inputRoot, outputDir: out.path)
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.stderrLines, ["error: the output folder \(out.path)/qinghe/2026-10 holds the month's input folder \(inputRoot)/qinghe/2026-10; outputs are never written among the exports: choose another --output-dir"], r.transcript)
    }

    func testARerunKeepsOtherFilesInTheMonthFolder() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let (_, dir) = try runSucceeding("valid", out: out)
        try Data("signed".utf8).write(to: URL(fileURLWithPath: "\(dir)/签字扫描件.pdf"))
        _ = try runSucceeding("valid", out: out)
        XCTAssertEqual(FileManager.default.contents(atPath: "\(dir)/签字扫描件.pdf"), Data("signed".utf8), "a re-run deleted a clerk's file")
    }

    func testASecondRunOfTheSamePeriodIsToldWhichProcessHoldsIt() throws {
        let out = try Runner.TempFolder(prefix: "gridpay-badinput-out")
        let dir = out.path("qinghe/2026-10")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // This test process plays the first run: it holds the period's lock.
        let fd = open("\(dir)/.gridpay-lock", O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        let r = try Runner.runMonth(inputDir: caseDir("valid"), outputDir: out.path)
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, ["error: another gridpay process (pid \(getpid())) is writing the outputs of qinghe 2026-10 now; wait for it to finish, then run again (nothing was written)"], r.transcript)
        XCTAssertFalse(r.stderr.contains("NSCocoaErrorDomain"), r.transcript)
    }
}
