import Foundation
import XCTest

/// explain prints one worker's derivation and writes no file: when it cannot, it says nothing was
/// explained (issue 21), never that nothing was written; exit 1 (SPEC §7), stdout empty.
final class ExplainRefusalTests: XCTestCase {
    typealias Runner = BinaryRunner

    /// An --accept that matches no problem row stops the reading, in both languages.
    func testAWrongAcceptSaysNothingWasExplained() throws {
        let args = ["explain", "qinghe", "2026-10", "QH0052", "--accept", "events.csv:9999"]
        let zh = try Runner.run(args, environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(zh.status, 1, zh.transcript)
        XCTAssertEqual(zh.stdout, "", zh.transcript)
        XCTAssertEqual(Array(zh.stderrLines.suffix(2)), [
            "错误：--accept events.csv:9999 没有对应任何可以接受的问题行",
            "错误：qinghe 2026-10 的输入中有 1 个问题会影响某人的绩效工资；未作说明",
        ], zh.transcript)
        let en = try Runner.run(args)
        XCTAssertEqual(en.status, 1, en.transcript)
        XCTAssertEqual(Array(en.stderrLines.suffix(2)), [
            "error: --accept events.csv:9999 matches no row with a problem that can be accepted",
            "error: 1 problem(s) in the inputs of qinghe 2026-10 would change someone's pay; nothing was explained",
        ], en.transcript)
    }
}
