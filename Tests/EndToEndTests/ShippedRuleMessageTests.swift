import Foundation
import XCTest

/// SPEC §15: the words of a rule file are shown as written, in stderr and in 数据问题; the shipped
/// towns' row-check messages are therefore written in Chinese, as the office reads them.
final class ShippedRuleMessageTests: XCTestCase {
    func testEveryShippedRowCheckMessageIsChinese() throws {
        let folder = BinaryRunner.rulesDir
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".toml") {
            let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("message") else { continue }
                checked += 1
                // What is left outside {column} placeholders holds no English word.
                let outside = trimmed.dropFirst("message".count).replacingOccurrences(of: "\\{[^}]*\\}", with: "", options: .regularExpression)
                XCTAssertNil(outside.range(of: "[A-Za-z]{2,}", options: .regularExpression), "\(name):\(n + 1): \(trimmed)")
            }
        }
        XCTAssertEqual(checked, 6, "shuangqiao's five row checks and xinhe's one")
    }

    func testARowCheckOfShuangqiaoIsSaidInChinese() throws {
        let input = try BinaryRunner.TempFolder(prefix: "gridpay-shippedmsg-in")
        let out = try BinaryRunner.TempFolder(prefix: "gridpay-shippedmsg-out")
        let root = BinaryRunner.packageRoot.appendingPathComponent("Input/shuangqiao").path
        try FileManager.default.copyItem(atPath: root, toPath: input.path("shuangqiao"))
        let patrol = input.path("shuangqiao/2026-09/patrol.csv")
        var lines = try String(contentsOfFile: patrol, encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[4].components(separatedBy: ",")
        cells[3] = cells[2]   // 结束时间 = 开始时间 (line 5)
        lines[4] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: patrol, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["run", "shuangqiao", "2026-Q3", "--rules-dir", BinaryRunner.rulesDir, "--input-dir", input.path, "--output-dir", out.path],
                                     environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.stderrLines.contains("\(patrol):5:4: 错误：结束时间 \(cells[3]) 不晚于开始时间 \(cells[2])；应满足 结束时间 > 开始时间"), r.transcript)
    }
}
