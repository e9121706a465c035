import Foundation
import XCTest

/// SPEC §7: "Every command exits 0 on success and 1 with every problem printed" — also when the
/// command line itself is wrong (swift-argument-parser would end those with 64), keeping the
/// parser's message and usage text; --help and --version exit 0.
final class ExitStatusTests: XCTestCase {
    typealias Runner = BinaryRunner

    /// Each bad command line exits 1, prints the parser's message and the usage line.
    func testArgumentErrorsOfEveryCommandExitOne() throws {
        let cases: [([String], String)] = [
            (["run", "shuangqiao", "2026-Q5"], "'2026-Q5' is not a period; expected YYYY-MM (a month)"),
            (["run", "qinghe", "2026-10", "--bogus"], "Unknown option '--bogus'"),
            (["run", "qinghe"], "Missing expected argument '<period>'"),
            (["run", "qinghe", "2026-10", "--threads", "x"], "The value 'x' is invalid for '--threads <threads>'"),
            // --accept is parsed by the command line: FILE:LINE, the line a number from 1.
            (["run", "qinghe", "2026-10", "--accept", "events.csv"],
             "The value 'events.csv' is invalid for '--accept <accept>': expected FILE:LINE, an input file of the period and the line of a listed problem row (e.g. events.csv:12)"),
            (["close", "qinghe", "2026-10", "--by", "x", "--accept", "events.csv:x"], "The value 'events.csv:x' is invalid for '--accept <accept>'"),
            (["explain", "qinghe", "2026-10", "QH0052", "--accept", ":3"], "The value ':3' is invalid for '--accept <accept>'"),
            (["check"], "Missing expected argument '<rule-file>'"),
            (["explain", "qinghe", "2026-13", "QH0052"], "'2026-13' is not a period"),
            (["explain", "qinghe", "2026-10"], "Missing expected argument '<worker>'"),
            (["close", "qinghe", "2026-10"], "Missing expected argument '--by <by>'"),
            (["verify", "qinghe", "2026-Q0"], "'2026-Q0' is not a period"),
            (["status"], "Missing expected argument '<town>'"),
            (["rate", "qinghe", "2026-10"], "'2026-10' is a month; this command takes a quarter or half-year or year"),
            (["rate", "qinghe", "2026", "--bogus"], "Unknown option '--bogus'"),
            (["compare", "qinghe", "2026-10"], "Missing expected argument '--rules <rules>'"),
            (["nosuchcommand"], "Unexpected argument 'nosuchcommand'"),
        ]
        for (args, message) in cases {
            let r = try Runner.run(args)
            XCTAssertEqual(r.status, 1, r.transcript)
            Runner.assertContains(r.stderr, message, r.transcript)
            Runner.assertContains(r.stderr, "Usage: gridpay", r.transcript)
            XCTAssertEqual(r.stdout, "", r.transcript)
        }
    }

    /// SPEC §15: in Chinese, the parser's refusals and the commands' own, with the usage line.
    func testArgumentErrorsInChinese() throws {
        let cases: [([String], String)] = [
            (["run", "shuangqiao", "2026-Q5"], "错误：“2026-Q5”不是期间；应为 YYYY-MM（月）"),
            (["run", "qinghe", "2026-10", "--bogus"], "错误：未知的选项 --bogus"),
            (["run", "qinghe"], "错误：缺少参数 <period>"),
            (["rate", "qinghe", "2026-10"], "错误：“2026-10”是月；这个命令只接受季度或半年或年"),
            (["run", "qinghe", "2026-10", "--accept", "events.csv"], "错误：“events.csv”不能作为 --accept <accept> 的值：应写作 文件:行号"),
            (["close", "-qinghe", "2026-08"], "错误：“-qinghe”不是选项"),
            // The parser's rarer refusals (issue 21): ParserWordMessages.
            (["run", "qinghe", "2026-10", "--input-dri", "Input"], "错误：未知的选项 --input-dri；是否应为 --input-dir？"),
            (["run", "qinghe", "2026-10", "--input-dir"], "错误：选项 --input-dir <input-dir> 缺少值"),
            (["run", "qinghe", "2026-10", "--quiet=yes"], "错误：选项 --quiet 不带值，却给了“yes”。"),
            (["run", "qinghe", "2026-10", "extra"], "错误：多余的参数 extra"),
            (["run", "qinghe", "2026-10", "a", "b"], "错误：2 个多余的参数：'a', 'b'"),
            (["bogus"], "错误：多余的参数 bogus"),
        ]
        for (args, message) in cases {
            let r = try Runner.run(args, environment: ["GRIDPAY_LANG": "zh"])
            XCTAssertEqual(r.status, 1, r.transcript)
            Runner.assertContains(r.stderr, message, r.transcript)
            XCTAssertEqual(r.stdout, "", r.transcript)
        }
        let refused = try Runner.run(["run", "qinghe"], environment: ["GRIDPAY_LANG": "zh"]).stderr
        Runner.assertContains(refused, "用法：gridpay run")
        XCTAssertNil(refused.range(of: #"[A-Z][a-z]+ [a-z]+ [a-z]+"#, options: .regularExpression), "no English sentence left: \(refused)")
    }

    func testHelpAndVersionExitZero() throws {
        for args in [["--help"], ["run", "--help"], ["help", "rate"], ["--version"]] {
            let r = try Runner.run(args)
            XCTAssertEqual(r.status, 0, r.transcript)
            XCTAssertEqual(r.stderr, "", r.transcript)
            XCTAssertFalse(r.stdout.isEmpty, r.transcript)
        }
        Runner.assertContains(try Runner.run(["run", "--help"]).stdout, "USAGE: gridpay run <town> <period>")
    }

    /// A problem found while running (not by the parser) still exits 1 as before.
    func testAProblemFoundWhileRunningExitsOne() throws {
        let r = try Runner.run(["check", "Tests/EndToEndTests/Fixtures/bad-rules/syntax-error.toml"])
        XCTAssertEqual(r.status, 1, r.transcript)
    }
}
