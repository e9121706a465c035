import GridpayCSV
import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §15 with §16: a file in another encoding than its table declares is one cause, said once
/// with its rows (all unread), the lines the declared encoding misreads, and who acts. Each way:
/// GBK where UTF-8 is read, UTF-8 where GB18030 is declared (failing, or reading whole as
/// garbage with a header of no declared column), GB18030 where UTF-16 is declared, UTF-16 where
/// GB18030 is.
final class EncodingCauseTests: XCTestCase {
    static func rules(encoding: String) -> String {
        """
        [rules]
        town = "enc"
        version = "1"
        effective_from = "2026-01"

        \(TestTown.roster(unit: "村", group: "网格"))

        [tables.patrol]
        file = "patrol.csv"
        worker = "人员"
        encoding = "\(encoding)"
        columns = [
          { name = "人员", type = "id" },
          { name = "日期", type = "date" },
          { name = "备注", type = "text", optional = true },
        ]

        [values]
        "次数" = 'count(patrol)'

        [[items]]
        name = "巡查"
        full = 10

        [pay]
        base = '0'
        score_pay = '0'
        """
    }

    /// Reads the month whose patrol.csv holds `bytes`, its table declaring `encoding`: the causes.
    func causes(encoding: String, bytes: [UInt8]) throws -> [FileLevelCause] {
        let tmp = TemporaryFolder()
        try "编号,姓名,村,网格\nA1,一,甲,G1\n".write(toFile: "\(tmp.path)/roster.csv", atomically: true, encoding: .utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: "\(tmp.path)/patrol.csv"))
        let text = Self.rules(encoding: encoding)
        guard case .success(let rules) = RuleLoader.load(text: text, file: "enc.toml") else {
            XCTFail("rules: \(RuleLoader.load(text: text, file: "enc.toml"))")
            return []
        }
        let loaded = LoadedRules(path: "enc.toml", text: text, sha256: "", rules: rules)
        let inputs = MonthReader.read(rules: loaded, period: Period.parse("2026-10")!, directory: tmp.path, accepted: [], history: nil)
        XCTAssertTrue(inputs.problems.contains { $0.kind == .encoding || $0.kind == .missingColumn }, "\(inputs.problems)")
        return inputs.causes
    }

    /// Rows 2–3; 好 (E5 A5 BD) on line 2 is three bytes, so the line's UTF-8 cannot read as GB18030
    /// pairs. The header's 人员, 日期, 备注 are six bytes each and do.
    static let withText = "人员,日期,备注\nA1,2026-10-01,好\nA1,2026-10-02,\n"
    /// Only the header holds Chinese: its UTF-8 reads whole as GB18030, as garbage.
    static let headerOnlyText = "人员,日期,备注\nA1,2026-10-01,\nA1,2026-10-02,\n"

    func cause(_ found: InputEncoding, _ declared: InputEncoding, text: [Int]) -> FileLevelCause {
        FileLevelCause(file: "patrol.csv", encoding: found, declared: declared, table: "patrol", rows: LineSet([2, 3]), textLines: LineSet(text))
    }

    func testGBKWhereUTF8IsRead() throws {
        let bytes = try XCTUnwrap(csvEncodeGB18030(Self.withText))
        XCTAssertEqual(try causes(encoding: "utf-8", bytes: bytes), [cause(.gb18030, .utf8, text: [1, 2])])
    }

    func testUTF8WhereGB18030IsDeclared() throws {
        XCTAssertEqual(try causes(encoding: "gb18030", bytes: Array(Self.withText.utf8)), [cause(.utf8, .gb18030, text: [1, 2])])
        // Read whole as GB18030 the header names no declared column: not a renamed header, the encoding.
        XCTAssertEqual(try causes(encoding: "gb18030", bytes: Array(Self.headerOnlyText.utf8)), [cause(.utf8, .gb18030, text: [1])])
    }

    func testGB18030WhereUTF16IsDeclared() throws {
        let bytes = try XCTUnwrap(csvEncodeGB18030(Self.withText))
        XCTAssertEqual(try causes(encoding: "utf-16", bytes: bytes), [cause(.gb18030, .utf16, text: [1, 2])])
    }

    /// UTF-16 (little-endian, with its mark): every line is misread, the header too.
    func testUTF16WhereGB18030IsDeclared() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Self.headerOnlyText.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(try causes(encoding: "gb18030", bytes: bytes), [cause(.utf16, .gb18030, text: [1, 2, 3])])
    }

    /// A file of the declared encoding with a bad byte is no other encoding's: no cause.
    func testABadByteIsNoOtherEncoding() throws {
        var bytes = Array(Self.headerOnlyText.utf8)
        bytes.insert(0xFF, at: bytes.count - 2)
        XCTAssertEqual(try causes(encoding: "utf-8", bytes: bytes), [])
    }

    /// The run refused, in Chinese: the cause first, where the file starts to be misread, then
    /// the reader's error and the header's (no declared column read whole as GB18030 garbage).
    func testTheRunSaysItOnceInChinese() throws {
        let tmp = TemporaryFolder()
        let dir = "\(tmp.path)/enc/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "编号,姓名,村,网格\nA1,一,甲,G1\n".write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        try Self.withText.write(toFile: "\(dir)/patrol.csv", atomically: true, encoding: .utf8)
        let text = Self.rules(encoding: "gb18030")
        guard case .success(let rules) = RuleLoader.load(text: text, file: "enc.toml") else { return XCTFail("rules") }
        var request = RunRequest(town: "enc", period: Period.parse("2026-10")!)
        request.inputDir = tmp.path
        let diagnostics = Language.with(.zh) { () -> [String] in
            guard case .failure(let f) = MonthRunner.prepare(request, rules: { _ in .success(LoadedRules(path: "enc.toml", text: text, sha256: "", rules: rules)) }) else { return [] }
            return f.diagnostics.map { $0.description.replacingOccurrences(of: "\(dir)/", with: "") }
        }
        XCTAssertEqual(diagnostics.first, "patrol.csv:1:1: 错误：同一原因，全部 2 行（第 2–3 行）都未读入：patrol.csv 是 UTF-8 编码的文字，而规则文件为表“patrol”声明的是 encoding = \"gb18030\"；第 1–2 行的文字按 GB18030/GBK 读不出或成了乱码。处理：请制表人员从平台重新导出 GB18030/GBK 编码的 patrol.csv；如果平台导出的本来就是 UTF-8，请综治中心在规则文件中为表“patrol”声明 encoding = \"utf-8\"（SPEC §16）")
        XCTAssertEqual(diagnostics.filter { $0.contains("同一原因") }.count, 1, "\(diagnostics)")
    }
}
