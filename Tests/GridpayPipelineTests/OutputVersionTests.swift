import GridpayTestSupport
import Foundation
import XCTest
import GridpayCore
import GridpayHash

/// The program version names the outputs it writes (SPEC §1 auditors, §9 verify): a build whose
/// outputs differ from an earlier build's must say another version, or `verify` of a period closed
/// by the earlier build finds different outputs with nothing to tell the auditor why. The golden
/// outputs (every file under Golden/ except this record) are fingerprinted (SHA-256 of each
/// file's path and SHA-256, in path order) and compared with the record Golden/output-versions.txt
/// ("version fingerprint" per line, one line per version ever released): the current version's
/// line must hold the goldens' fingerprint. Goldens changed under the same version fail, asking for
/// a new version in Sources/GridpayCore/Support/Version.swift. A new version's line is written with
/// GRIDPAY_RECORD_GOLDEN=1 (a recorded line is never rewritten), after the goldens are re-recorded
/// (they hold the version).
final class OutputVersionTests: XCTestCase {
    static let goldenDir = "\(packageRoot)/Tests/GridpayPipelineTests/Golden"
    static let recordName = "output-versions.txt"

    func testTheVersionChangesWhenTheGoldenOutputsChange() throws {
        try Self.checkRecord()
    }

    /// The check, also run by WorkbookGoldenTests so that whoever re-records the goldens meets it.
    static func checkRecord(file: StaticString = #filePath, line: UInt = #line) throws {
        let version = GridpayVersion.current
        let fingerprint = try Self.fingerprint(of: goldenDir)
        let recordPath = "\(goldenDir)/\(recordName)"
        let recorded = parse((try? String(contentsOfFile: recordPath, encoding: .utf8)) ?? "")
        let record = ProcessInfo.processInfo.environment["GRIDPAY_RECORD_GOLDEN"] == "1"
        if let mine = recorded.first(where: { $0.version == version }) {
            XCTAssertEqual(mine.fingerprint, fingerprint, """
                the golden outputs changed but the program version did not: gridpay \(version)'s outputs were recorded in \
                \(recordPath) as \(mine.fingerprint), the goldens now give \(fingerprint). Outputs that differ must carry another \
                version (verify tells an auditor which program closed a period): bump GridpayVersion.current in \
                Sources/GridpayCore/Support/Version.swift, re-record the goldens that hold it (GRIDPAY_RECORD_GOLDEN=1 swift test \
                --filter 'WorkbookGoldenTests|PrintedWorkbookTests'), then this record (GRIDPAY_RECORD_GOLDEN=1 swift test --filter \
                OutputVersionTests); a recorded line is never rewritten
                """, file: file, line: line)
            return
        }
        if let older = recorded.first(where: { $0.fingerprint == fingerprint }) {
            return XCTFail("""
                the goldens are still gridpay \(older.version)'s outputs, yet the version is \(version): re-record the goldens \
                (GRIDPAY_RECORD_GOLDEN=1 swift test --filter 'WorkbookGoldenTests|PrintedWorkbookTests'), then this record
                """, file: file, line: line)
        }
        guard record else {
            return XCTFail("""
                no fingerprint of gridpay \(version)'s golden outputs in \(recordPath): record it with \
                GRIDPAY_RECORD_GOLDEN=1 swift test --filter OutputVersionTests (after re-recording the goldens)
                """, file: file, line: line)
        }
        let header = recorded.isEmpty ? Self.header : ""
        let existing = (try? String(contentsOfFile: recordPath, encoding: .utf8)) ?? ""
        try (existing + header + "\(version) \(fingerprint)\n").write(toFile: recordPath, atomically: true, encoding: .utf8)
    }

    /// The fingerprint follows every byte of every golden file, its name, and a file added or removed.
    func testTheFingerprintFollowsEveryGoldenFile() throws {
        let tmp = TemporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: "\(tmp.path)/a", withIntermediateDirectories: true)
        fm.createFile(atPath: "\(tmp.path)/a/x.xml", contents: Data("<x/>".utf8))
        fm.createFile(atPath: "\(tmp.path)/\(Self.recordName)", contents: Data("0.1.0 abc\n".utf8))
        let first = try Self.fingerprint(of: tmp.path)
        // The record itself is not a golden output.
        fm.createFile(atPath: "\(tmp.path)/\(Self.recordName)", contents: Data("0.1.0 abc\n0.2.0 def\n".utf8))
        XCTAssertEqual(try Self.fingerprint(of: tmp.path), first)
        fm.createFile(atPath: "\(tmp.path)/a/x.xml", contents: Data("<y/>".utf8))
        let changed = try Self.fingerprint(of: tmp.path)
        XCTAssertNotEqual(changed, first)
        fm.createFile(atPath: "\(tmp.path)/b.txt", contents: Data())
        XCTAssertNotEqual(try Self.fingerprint(of: tmp.path), changed)
        try fm.removeItem(atPath: "\(tmp.path)/b.txt")
        try fm.moveItem(atPath: "\(tmp.path)/a/x.xml", toPath: "\(tmp.path)/a/z.xml")
        XCTAssertNotEqual(try Self.fingerprint(of: tmp.path), changed)
    }

    static let header = "# gridpay version, SHA-256 of its golden outputs (OutputVersionTests; a line is never rewritten)\n"

    /// SHA-256 over "path NUL SHA-256 LF" of every file under `dir` (but the record), in path order.
    static func fingerprint(of dir: String) throws -> String {
        let fm = FileManager.default
        var files: [String] = []
        if let walk = fm.enumerator(atPath: dir) {
            for case let rel as String in walk where rel != recordName {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: "\(dir)/\(rel)", isDirectory: &isDir), !isDir.boolValue { files.append(rel) }
            }
        }
        var listing = ""
        for rel in files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let data = try XCTUnwrap(fm.contents(atPath: "\(dir)/\(rel)"), rel)
            listing += "\(rel)\u{0}\(try SHA256Digest.hex([UInt8](data)))\n"
        }
        return try SHA256Digest.hex(Array(listing.utf8))
    }

    static func parse(_ text: String) -> [(version: String, fingerprint: String)] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard !line.hasPrefix("#"), parts.count == 2 else { return nil }
            return (String(parts[0]), String(parts[1]))
        }
    }
}
