import Foundation
import XCTest

/// The built `gridpay-datagen` writes a month that the built `gridpay` runs without a problem.
final class DatagenEndToEndTests: XCTestCase {
    static var shape: String { Runner.packageRoot.appendingPathComponent("Benchmarks/shapes/qinghe.toml").path }

    func datagen(_ arguments: [String]) throws -> Runner.Output {
        try Runner.run(arguments, binary: Runner.datagenBinaryPath, timeout: 120)
    }

    func testGeneratedMonthRunsCleanly() throws {
        let input = try Runner.TempFolder(prefix: "gridpay-datagen-in")
        let output = try Runner.TempFolder(prefix: "gridpay-datagen-out")
        let gen = try datagen(["--shape", Self.shape, "--workers", "300", "--month", "2026-10", "--seed", "1", "--out", input.path])
        XCTAssertEqual(gen.status, 0, gen.transcript)
        XCTAssertEqual(gen.stderr, "", gen.transcript)
        for file in ["roster", "patrol", "events", "phone_checks", "training", "visits"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: input.path("qinghe/2026-10/\(file).csv")), file)
        }
        Runner.assertContains(gen.stdout, "qinghe 2026-10: 300 workers, 1 month(s)")

        let run = try Runner.runMonth(inputDir: input.path, outputDir: output.path)
        XCTAssertEqual(run.status, 0, run.transcript)
        XCTAssertEqual(run.errorLines, [], run.transcript)
        // Only the two earlier months are missing (one month was generated).
        XCTAssertEqual(run.warningLines.count, 2, run.transcript)
        XCTAssertTrue(run.warningLines.allSatisfy { $0.contains("history incomplete") }, run.transcript)

        let parts = try Runner.xlsxParts(output.path("qinghe/2026-10/qinghe-2026-10.xlsx"))
        let summary = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "考核汇总", in: parts)))
        XCTAssertEqual(summary.first?.prefix(2), ["排名", "网格员编号"])
        XCTAssertEqual(summary.dropFirst().filter { $0.count > 1 && $0[1].hasPrefix("QH") }.count, 300)
    }

    func testAShapeErrorPointsAtItsLineAndWritesNothing() throws {
        let folder = try Runner.TempFolder(prefix: "gridpay-datagen-bad")
        var text = try String(contentsOfFile: Self.shape, encoding: .utf8)
        text = text.replacingOccurrences(of: "rules = \"../../Rules/qinghe.toml\"", with: "rules = \"\(Runner.rulesDir)/qinghe.toml\"")
            .replacingOccurrences(of: "\"是否接听\" = { fill = \"choice\"", with: "\"是否接听\" = { fill = \"chioce\"")
        let shape = folder.path("shape.toml")
        try text.write(toFile: shape, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("chioce") }! + 1
        let out = folder.path("out")
        let gen = try datagen(["--shape", shape, "--workers", "10", "--month", "2026-10", "--seed", "1", "--out", out])
        XCTAssertEqual(gen.status, 1, gen.transcript)
        Runner.assertContains(gen.stderr, "\(shape):\(line):")
        Runner.assertContains(gen.stderr, "unknown fill 'chioce'; did you mean 'choice'?")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }
}

extension DatagenEndToEndTests {
    /// A shape file saved with CRLF line ends shows its source line under the error, as with LF
    /// ("\r\n" is one Character: the printer split the file at "\n" into one line and showed none;
    /// the same bug as gridpay's, BadRulesTests.testACRLFRuleFileShowsItsSourceLineAndCaret).
    func testACRLFShapeFileShowsItsSourceLine() throws {
        let folder = try Runner.TempFolder(prefix: "gridpay-datagen-crlf")
        let text = try String(contentsOfFile: Self.shape, encoding: .utf8)
            .replacingOccurrences(of: "rules = \"../../Rules/qinghe.toml\"", with: "rules = \"\(Runner.rulesDir)/qinghe.toml\"")
            .replacingOccurrences(of: "\"是否接听\" = { fill = \"choice\"", with: "\"是否接听\" = { fill = \"chioce\"")
        let shape = folder.path("shape.toml")
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: shape, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.contains("chioce") }!
        let gen = try datagen(["--shape", shape, "--workers", "10", "--month", "2026-10", "--seed", "1", "--out", folder.path("out")])
        XCTAssertEqual(gen.status, 1, gen.transcript)
        let stderr = gen.stderr.components(separatedBy: "\n")
        let header = try XCTUnwrap(stderr.firstIndex { $0.hasPrefix("\(shape):\(line + 1):") && $0.contains("unknown fill 'chioce'") }, gen.transcript)
        XCTAssertEqual(stderr[header + 1], String(lines[line]), gen.transcript)
    }
}
