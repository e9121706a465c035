import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayLedger
@testable import GridpayPipeline

/// SPEC §9, §15: `status` lists the closed periods with their closing times in local time with
/// the zone, then the open periods (inputs present, not closed), run or not.
final class StatusTests: XCTestCase {
    /// np: 2026-03 closed at 2026-05-28 20:26:40 UTC; 2026-04 run (its workbook written at
    /// 2026-09-21 14:13:20 UTC); 2026-05 has inputs and was never run.
    func town() throws -> TownFolder {
        let town = try NoPayTownTests.town()
        let closedAt = Date(timeIntervalSince1970: 1_780_000_000)
        guard case .success = LedgerCommands.close(town.request("2026-03"), by: "张三", ledgerDir: town.ledgerDir, now: closedAt) else { throw XCTSkip("close") }
        for month in ["2026-04", "2026-05"] {
            let dir = "\(town.root.path)/Input/np/\(month)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try "编号,姓名,村,网格\nA,甲,东村,G1\n".write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
            try "记录,编号,日期,分\n".write(toFile: "\(dir)/marks.csv", atomically: true, encoding: .utf8)
        }
        let april = town.request("2026-04")
        guard case .success(let run) = MonthRunner.run(april) else { throw XCTSkip("run 2026-04") }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_790_000_000)],
                                              ofItemAtPath: "\(run.directory)/np-2026-04.xlsx")
        // A folder with no file is no period with inputs.
        try FileManager.default.createDirectory(atPath: "\(town.root.path)/Input/np/2026-06", withIntermediateDirectories: true)
        return town
    }

    func status(_ town: TownFolder, _ zone: String) -> [String] {
        let root = town.root.path
        guard case .success(let s) = LedgerCommands.status(town: "np", inputDir: "\(root)/Input", ledgerDir: town.ledgerDir, rulesDir: "\(root)/Rules",
                                                           outputDir: "\(root)/Output", zone: TimeZone(identifier: zone)!) else {
            XCTFail("status")
            return []
        }
        return s.lines.filter { !$0.hasPrefix("chain head ") && !$0.hasPrefix("链头 ") }
    }

    func testClosedAndOpenPeriodsInLocalTime() throws {
        let town = try town()
        let root = town.root.path
        // 20:26:40 UTC is 04:26:40 the next day in Shanghai (+8 h); 14:13:20 UTC is 22:13:20.
        XCTAssertEqual(status(town, "Asia/Shanghai"), [
            "np: ledger \(town.ledgerDir)/np.sqlite",
            "period | closed by | closed at (local time) | rule version | workers | total payable (yuan)",
            "2026-03 | 张三 | 2026-05-29 04:26:40 +08:00 | 1 | 2 | — (no pay: the rule file has no [pay])",
            "open periods (inputs present, not closed): 2",
            "2026-04 | 2 input file(s) | run, outputs written 2026-09-21 22:13:20 +08:00",
            "2026-05 | 2 input file(s) | not run (no outputs in \(root)/Output/np/2026-05)",
            "corrections waiting to be settled: none",
        ])
        // New York keeps summer time in May and September (−4 h).
        XCTAssertEqual(status(town, "America/New_York")[2], "2026-03 | 张三 | 2026-05-28 16:26:40 -04:00 | 1 | 2 | — (no pay: the rule file has no [pay])")
        XCTAssertEqual(status(town, "America/New_York")[4], "2026-04 | 2 input file(s) | run, outputs written 2026-09-21 10:13:20 -04:00")
    }

    func testInChinese() throws {
        let town = try town()
        let root = town.root.path
        let lines = Language.with(.zh) { status(town, "Asia/Shanghai") }
        XCTAssertEqual(Array(lines.dropFirst()), [
            "期间 | 结账人 | 结账时间（本地时间） | 规则版本 | 人数 | 实发合计（元）",
            "2026-03 | 张三 | 2026-05-29 04:26:40 +08:00 | 1 | 2 | —（未设绩效工资）",
            "未结账的期间（已有输入、尚未结账）：2 个",
            "2026-04 | 输入文件 2 个 | 已运行，输出写于 2026-09-21 22:13:20 +08:00",
            "2026-05 | 输入文件 2 个 | 未运行（\(root)/Output/np/2026-05 中没有输出）",
            "待结算的往期更正：无",
        ])
    }

    /// qa G10: a town with neither a ledger nor a rule file is a mistake (a typo), not a town with
    /// nothing closed: status fails as run and close of it do (SPEC §7), in both languages.
    func testATownWithNoRuleFileAndNoLedgerIsAnError() throws {
        let town = try NoPayTownTests.town()
        let root = town.root.path
        let said = { (language: Language) -> [String] in
            Language.with(language) {
                guard case .failure(let f) = LedgerCommands.status(town: "nq", inputDir: "\(root)/Input", ledgerDir: town.ledgerDir,
                                                                   rulesDir: "\(root)/Rules", outputDir: "\(root)/Output") else { return [] }
                return f.diagnostics.map(\.message)
            }
        }
        XCTAssertEqual(said(.en), ["no rule file for town 'nq': expected \(root)/Rules/nq.toml or a folder \(root)/Rules/nq/; did you mean 'np'?"])
        XCTAssertEqual(said(.zh), ["没有镇（街道）“nq”的规则文件：应为 \(root)/Rules/nq.toml 或文件夹 \(root)/Rules/nq/；是否应为“np”？"])
    }

    /// Without a ledger the open periods are listed all the same.
    func testOpenPeriodsWithoutALedger() throws {
        let town = try NoPayTownTests.town()
        let root = town.root.path
        XCTAssertEqual(status(town, "UTC"), [
            "np: no period is closed (there is no ledger \(town.ledgerDir)/np.sqlite)",
            "open periods (inputs present, not closed): 1",
            "2026-03 | 2 input file(s) | not run (no outputs in \(root)/Output/np/2026-03)",
        ])
    }
}
