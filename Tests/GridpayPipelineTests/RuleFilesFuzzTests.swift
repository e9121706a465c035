import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Fuzzes reading a rule file from disk (RuleFiles.load: bytes → UTF-8 check → TOML → rules) with
/// the shipped rule files, half of them with CRLF line ends first (as saved on Windows), damaged by
/// the byte mutations of CSVMutation (junk, bytes that are not UTF-8, a whole file saved as
/// GB18030, BOMs, CR/LF mixes, NUL, truncation, lines deleted or duplicated).
/// Properties: the same file gives the same diagnostics; each is in that file, at a line and column
/// of its text (lines end at LF or CRLF, columns count characters, one past the end allowed); a file
/// that is not UTF-8 is refused at exactly the line and column of its first bad byte.
final class RuleFilesFuzzTests: XCTestCase {
    static func diagnostics(_ path: String) -> [Diagnostic] {
        switch RuleFiles.load(path: path) {
        case .success: return []
        case .failure(let f): return f.diagnostics
        }
    }

    /// Where the first byte that is not UTF-8 sits, counted on the bytes: line = LF bytes before it
    /// + 1, column = characters between the last LF and it + 1 (a BOM first is not a column).
    static func badByteLocation(_ bytes: [UInt8], path: String) -> SourceLocation? {
        let bad = firstInvalidUTF8(bytes)
        guard bad < bytes.count else { return nil }
        let before = bytes[..<bad]
        let lineStart = (before.lastIndex(of: 10) ?? -1) + 1
        var lineText = String(decoding: bytes[lineStart..<bad], as: UTF8.self)
        if lineStart == 0, lineText.first == "\u{FEFF}" { lineText.removeFirst() }
        return SourceLocation(file: path, line: before.filter { $0 == 10 }.count + 1, column: lineText.count + 1)
    }

    func testDamagedRuleFilesAreRefusedAtTheirPlace() throws {
        let folder = "\(packageRoot)/Rules"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".toml") }.sorted()
        let originals = try names.map { Array(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\($0)"))) }
        let tmp = TemporaryFolder()
        var badBytes = 0
        // 6000031: qinghe.toml, CRLF, GB18030 bytes on line 114 was refused at 1:3758 (RuleFilesTests).
        for seed in FuzzPlan.seeds(default: 200, salt: 6, fixed: [6_000_031]) {
            var rng = SplitMix64(seed: seed)
            let k = rng.int(names.count)
            var bytes = originals[k], what: [String] = []
            if rng.int(2) == 0 {
                bytes = Array(bytes.split(separator: 10, omittingEmptySubsequences: false).joined(separator: [13, 10]))
                what.append("CRLF")
            }
            let (damaged, how) = CSVMutation.mutateSome(bytes, &rng)
            what.append(how)
            let context = "seed \(seed) (\(names[k]): \(what.joined(separator: "; "))); replay with GRIDPAY_FUZZ_SEED=\(seed)"
            FuzzPlan.announce(seed, context)
            let path = "\(tmp.path)/\(names[k])"
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let first = Self.diagnostics(path), second = Self.diagnostics(path)
            XCTAssertEqual(first, second, "two loads differ: \(context)")
            let shape = LineShape(String(decoding: damaged, as: UTF8.self))
            for d in first {
                XCTAssertFalse(d.message.isEmpty, context)
                guard let loc = d.location else { continue }
                XCTAssertEqual(loc.file, path, "\(d): \(context)")
                XCTAssertNil(shape.problem(loc), "\(d): \(context)")
            }
            if let expected = Self.badByteLocation(damaged, path: path) {
                badBytes += 1
                XCTAssertEqual(first.map { $0.location }, [expected], "\(first): \(context)")
                XCTAssertTrue(first.first?.message.hasPrefix("the rule file is not UTF-8 text: byte 0x") == true, context)
            }
        }
        if FuzzPlan.seeds(default: 200, salt: 6).count >= 20 { XCTAssertGreaterThan(badBytes, 0) }
    }
}
