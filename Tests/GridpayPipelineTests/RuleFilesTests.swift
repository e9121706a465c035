import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// RuleFiles.load on files that are not UTF-8.
final class RuleFilesTests: XCTestCase {
    func load(_ bytes: [UInt8]) throws -> (String, [String]) {
        let tmp = TemporaryFolder()
        let path = "\(tmp.path)/t.toml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        guard case .failure(let f) = RuleFiles.load(path: path) else { XCTFail("loaded"); return (path, []) }
        return (path, f.diagnostics.map(\.description))
    }

    static let message = "error: the rule file is not UTF-8 text: byte 0xC7 here does not begin a UTF-8 character (was it saved as GBK/GB18030?); save it as UTF-8"

    /// Found by RuleFilesFuzzTests (seed 6000031: qinghe.toml with CRLF line ends and GB18030 bytes
    /// on line 114 was refused at 1:3758): "\r\n" is one Character in Swift, so splitting the text
    /// before the bad byte at "\n" saw one line. A rule file saved on Windows (CRLF) as GB18030
    /// (清 = C7 E5) is refused at the line and column of its first bad byte.
    func testACRLFFileInGB18030IsRefusedAtItsFirstBadByte() throws {
        // Line 3 is `name = "清"`: the bad byte C7 follows the 8 characters `name = "`, column 9.
        let bytes = Array("[rules]\r\ntown = \"t\"\r\nname = \"".utf8) + [0xC7, 0xE5] + Array("\"\r\n".utf8)
        let (path, diagnostics) = try load(bytes)
        XCTAssertEqual(diagnostics, ["\(path):3:9: \(Self.message)"])
    }

    /// A BOM first is no column (as the TOML reader counts): `town = "` is 8 characters, column 9.
    func testABOMFirstIsNoColumn() throws {
        let (path, diagnostics) = try load([0xEF, 0xBB, 0xBF] + Array("town = \"".utf8) + [0xC7, 0xE5, 0x22, 0x0A])
        XCTAssertEqual(diagnostics, ["\(path):1:9: \(Self.message)"])
    }

    /// A bad row in a [[tests]] input of a rule file saved with CRLF line ends points at that row
    /// of the rule file, as with LF (found beside the fuzzer's case above: the same split missed
    /// "\r\n", and the error fell back to the test's [[tests]] line). qinghe.toml's first test:
    /// roster row W2 (line 231 of the file) with the base 18OO.
    func testATestInputErrorOfACRLFRuleFileIsAtItsRow() throws {
        let text = try String(contentsOfFile: "\(packageRoot)/Rules/qinghe.toml", encoding: .utf8)
            .replacingOccurrences(of: "W2,乙,东关村,G1,1800,0\n", with: "W2,乙,东关村,G1,18OO,0\n")
        func failures(_ text: String) throws -> [String] {
            guard case .success(let rules) = RuleLoader.load(text: text, file: "q.toml") else { XCTFail("loads"); return [] }
            return RuleTestRunner.run(LoadedRules(path: "q.toml", text: text, sha256: "", rules: rules)).failures.map(\.description)
        }
        let test = "test 'two-worker grid mean, negative event item, tiered dispatch, shortfall'"
        let expected = [
            "q.toml:231:1: error: \(test): 绩效工资基数(元) is '18OO'; expected a number with at most 2 decimals",
            "q.toml:224:1: error: \(test): 1 problem in the inputs of qinghe 2026-09 would change someone's pay; nothing was written",
        ]
        XCTAssertEqual(try failures(text), expected)
        XCTAssertEqual(try failures(text.replacingOccurrences(of: "\n", with: "\r\n")), expected)
    }
}
