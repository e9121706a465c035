import Foundation
import GridpayHash
import XCTest

/// SPEC §9 on the built binary: close / edit / refuse / correct / settle over four months of a
/// two-worker qinghe town, every amount worked out by hand below.
///
/// Every month both workers have no patrol, events, training or visits and 重点人员数 0, so:
///   业务培训 10 (no absences), 日常考核 20 − 2 × (4 + 4 + 0) = 4, 网格巡查 0, 事件上报 0,
///   上级调度 0, 电话畅通 20 − 5 × (unanswered 镇 checks). Total 34 with no missed check, 29 with one.
///   W1 base 2000: 34 → 考核绩效 680.00; 29 → 580.00, 扣款 30, 实发 550.00.
///   W2 base 100:  34 → 34.00; 29 → 29.00, 扣款 30, 实发 max(0, −1) = 0, 未扣足 1.
final class LedgerCycleTests: XCTestCase {
    var root: BinaryRunner.TempFolder!
    var input: String { root.path("Input") }
    var output: String { root.path("Output") }
    var ledger: String { root.path("Ledger") }

    override func setUpWithError() throws {
        root = try BinaryRunner.TempFolder(prefix: "gridpay-ledger")
    }

    /// A month: W1 and W2, and the phone checks given (id, worker, answered).
    func writeMonth(_ month: String, checks: [(String, String, String)], extraEvents: String = "") throws {
        let dir = "\(input)/qinghe/\(month)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files: [String: String] = [
            "roster.csv": "网格员编号,姓名,村(社区),网格编号,绩效工资基数(元),重点人员数\nW1,甲,东关村,G1,2000,0\nW2,乙,东关村,G1,100,0\n",
            "patrol.csv": "网格员编号,日期,巡查时长(分钟)\n",
            "events.csv": "事件编号,网格员编号,上报时间,事件类型,核查结果\n" + extraEvents,
            "phone_checks.csv": "抽查编号,抽查时间,网格员编号,抽查层级,是否接听\n"
                + checks.map { "\($0.0),\(month)-10 09:00,\($0.1),镇,\($0.2)\n" }.joined(),
            "training.csv": "培训编号,培训日期,网格员编号,出勤\n",
            "visits.csv": "走访编号,网格员编号,走访日期,走访类型\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
    }

    func gridpay(_ args: [String], environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> BinaryRunner.Output {
        var a = args
        let command = args[0]
        if ["run", "close"].contains(command) { a += ["--rules-dir", BinaryRunner.rulesDir, "--input-dir", input, "--output-dir", output] }
        if ["verify", "status"].contains(command) { a += ["--input-dir", input] }
        if command == "status" { a += ["--rules-dir", BinaryRunner.rulesDir, "--output-dir", output] }
        a += ["--ledger-dir", ledger]
        return try BinaryRunner.run(a, environment: environment, file: file, line: line)
    }

    func payCSV(_ month: String) throws -> [String] {
        let text = try String(contentsOfFile: "\(output)/qinghe/\(month)/qinghe-\(month)-pay.csv", encoding: .utf8)
        return text.split(separator: "\r\n").map { String($0).replacingOccurrences(of: "\u{FEFF}", with: "") }
    }

    func sheet(_ month: String, _ name: String) throws -> [[String]] {
        let parts = try BinaryRunner.xlsxParts("\(output)/qinghe/\(month)/qinghe-\(month).xlsx")
        guard let xml = BinaryRunner.sheetXML(named: name, in: parts) else { return [] }
        return BinaryRunner.sheetRows(xml)
    }

    func sha256(_ path: String) throws -> String {
        try SHA256Digest.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Status lines without the chain head (it hashes the closing times).
    func withoutChainHead(_ lines: [String]) -> [String] { lines.filter { !$0.hasPrefix("chain head ") } }

    /// A file's modification time, UTC, as the ledger writes times.
    func writtenAt(_ path: String) throws -> String {
        let date = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: date)
    }

    /// When close says it closed: in local time with the zone, which is UTC here (TZ=UTC), so the
    /// same clock as the ledger's.
    func closedAt(_ r: BinaryRunner.Output) -> String {
        BinaryRunner.firstMatch(#" at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \+00:00: "#, in: r.stdout) ?? "?"
    }

    func testCloseEditRefuseCorrectSettleOverFourMonths() throws {
        // 07: W1 misses a 镇 check (PC1). 08: W1 misses PC8, and events.csv line 2 has a bad 核查结果.
        try writeMonth("2026-07", checks: [("PC1", "W1", "否")])
        try writeMonth("2026-08", checks: [("PC8", "W1", "否")], extraEvents: "E1,W2,2026-08-03 10:00,噪音,待定\n")

        // Closing 08 before 07 is refused: 07 has inputs and is not closed.
        var r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, ["error: cannot close qinghe 2026-08: the previous period 2026-07 has inputs (\(input)/qinghe/2026-07) but is not closed; periods are closed in order: close 2026-07 first"], r.transcript)

        r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let closed07 = closedAt(r)
        // Published 07: W1 29 (rank 2, last), 550.00; W2 34 (rank 1), 34.00.
        XCTAssertEqual(r.stdoutLines.dropLast().last, "closed qinghe 2026-07 by 张三 at \(closed07) +00:00: 2 workers, total payable 584.00 yuan, rule version 2026.1; recorded in \(ledger)/qinghe.sqlite")
        // Last, the chain head to keep outside the ledger (LedgerTamperTests checks what it proves).
        XCTAssertNotNil(BinaryRunner.firstMatch("^chain head ([0-9a-f]{64}) \\(after 2026-07, closed by 张三 at \(closed07) \\+00:00\\)", in: r.stdoutLines.last ?? ""), r.transcript)
        let published07 = try Data(contentsOf: URL(fileURLWithPath: "\(output)/qinghe/2026-07/qinghe-2026-07.xlsx"))

        // A second close of 07 is refused, saying when and by whom.
        r = try gridpay(["close", "qinghe", "2026-07", "--by", "李四"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, ["error: qinghe 2026-07 is already closed: closed by 张三 at \(closed07) +00:00; a closed period cannot be closed again (a correction is carried into the first open period: see gridpay status qinghe)"])

        // 08 has an error: refused; accepted with --accept it closes, and the accepted row is recorded.
        r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines.last, "error: qinghe 2026-08 has errors, so it was not closed; nothing was recorded in \(ledger)/qinghe.sqlite", r.transcript)
        r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四", "--accept", "events.csv:2"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let closed08 = closedAt(r)

        // Edit 07: the missed check PC1 was W2's, recorded against W1.
        let checks07 = "\(input)/qinghe/2026-07/phone_checks.csv"
        let archived07 = try sha256(checks07)
        try writeMonth("2026-07", checks: [("PC1", "W2", "否")])
        let edited07 = try sha256(checks07)

        // Re-running 07 is refused, naming the file and both SHA-256s, and saying how to correct.
        r = try gridpay(["run", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, [
            "error: \(checks07): SHA-256 \(edited07) differs from the ledger's \(archived07) (\(HashText.firstDifference(edited07, archived07)))",
            "error: qinghe 2026-07 is closed (by 张三 at \(closed07) +00:00) and 1 file(s) differ from what it was closed with, so it is not run again: "
                + "a closed period is never recomputed. To correct it, leave the corrected inputs in \(input)/qinghe/2026-07: "
                + "the run of the first open period (gridpay run qinghe 2026-09) carries the difference into its pay as 往期调整 (sheet 往期更正), "
                + "and closing that period settles it. To reproduce 2026-07 as published: gridpay verify qinghe 2026-07",
        ], r.transcript)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(output)/qinghe/2026-07/qinghe-2026-07.xlsx")), published07, "the refused run left the outputs")

        r = try gridpay(["status", "qinghe"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(withoutChainHead(r.stdoutLines), [
            "qinghe: ledger \(ledger)/qinghe.sqlite",
            "period | closed by | closed at (local time) | rule version | workers | total payable (yuan)",
            "2026-07 | 张三 | \(closed07) +00:00 | 2026.1 | 2 | 584.00",
            // 08: W1 550.00 + W2 34.00 (the bad row left out).
            "2026-08 | 李四 | \(closed08) +00:00 | 2026.1 | 2 | 584.00",
            "open periods (inputs present, not closed): none",
            "corrections waiting to be settled: 1 (carried by the run of 2026-09, settled when 2026-09 is closed)",
            "  2026-07: phone_checks.csv (changed)",
        ])

        // 09: both miss a check (both 29, both rank 1, both last).
        try writeMonth("2026-09", checks: [("PC9", "W1", "否"), ("PC10", "W2", "否")])
        r = try gridpay(["run", "qinghe", "2026-09"])
        XCTAssertEqual(r.status, 0, r.transcript)
        // Corrected 07: W1 34 → 680.00 (published 550.00: +130.00); W2 29 → 29.00 − 30 → 0 (published 34.00: −34.00).
        // 09 W1: 580.00 − 30 + 130.00 = 680.00. W2: 29.00 − 30 − 34.00 = −35 → 实发 0.00, 未扣足 35.00.
        let header = "\"网格员编号\",\"姓名\",\"村(社区)\",\"网格编号\",\"绩效工资基数\",\"总分\",\"考核绩效\",\"电话畅通扣款\",\"上级调度扣款\",\"扣款合计\",\"往期调整\",\"实发绩效\",\"未扣足\""
        XCTAssertEqual(try payCSV("2026-09"), [
            header,
            "\"W1\",\"甲\",\"东关村\",\"G1\",\"2000.00\",\"29.00\",\"580.00\",\"30.00\",\"0.00\",\"30.00\",\"130.00\",\"680.00\",\"0.00\"",
            "\"W2\",\"乙\",\"东关村\",\"G1\",\"100.00\",\"29.00\",\"29.00\",\"30.00\",\"0.00\",\"30.00\",\"-34.00\",\"0.00\",\"35.00\"",
        ])
        // Each pay slip has the town and period, the pay sheet's columns, 往期调整 included, and W1's pay line.
        let pay = try sheet("2026-09", "绩效工资"), slips = try sheet("2026-09", "工资条")
        XCTAssertEqual(slips.first?.first, "清河镇 2026-09 绩效工资条")
        XCTAssertEqual(slips.dropFirst().first, pay.first)
        XCTAssertTrue(pay.first?.contains("往期调整") == true)
        XCTAssertTrue(slips.contains(try XCTUnwrap(pay.first { $0.first == "W1" })), "\(slips)")
        XCTAssertEqual(try sheet("2026-09", "往期更正"), [
            ["网格员编号", "姓名", "更正期间", "项目", "原公布值", "更正值"],
            ["W1", "甲", "2026-07", "电话畅通", "15", "20"],
            ["W1", "甲", "2026-07", "总分", "29", "34"],
            ["W1", "甲", "2026-07", "考核绩效", "580", "680"],
            ["W1", "甲", "2026-07", "扣款合计", "30", "0"],
            ["W1", "甲", "2026-07", "实发绩效", "550", "680"],
            ["W2", "乙", "2026-07", "电话畅通", "20", "15"],
            ["W2", "乙", "2026-07", "总分", "34", "29"],
            ["W2", "乙", "2026-07", "考核绩效", "34", "29"],
            ["W2", "乙", "2026-07", "扣款合计", "0", "30"],
            ["W2", "乙", "2026-07", "实发绩效", "34", "0"],
        ])
        // History reads 07 as published (W1 last), not recomputed (corrected 07 has W2 last):
        // W1 is last in 07, 08 and 09 and has not met the duty requirements → 建议更换 是.
        let summary = try sheet("2026-09", "考核汇总")
        let flagColumn = try XCTUnwrap(summary.first?.firstIndex(of: "建议更换"))
        XCTAssertEqual(summary.dropFirst().map { [$0[1], $0[flagColumn]] }, [["W1", "是"], ["W2", "否"]])
        // explain reads the same published history.
        r = try BinaryRunner.run(["explain", "qinghe", "2026-09", "W1", "--rules-dir", BinaryRunner.rulesDir, "--input-dir", input, "--ledger-dir", ledger])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("建议更换 = 是   (consecutive(末位, 3) and not 完成工作任务)"), r.transcript)

        r = try gridpay(["close", "qinghe", "2026-09", "--by", "王五"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("settled the correction of 2026-07 as its revision 1 (phone_checks.csv changed)"), r.transcript)
        let closed09 = closedAt(r)
        let closedBytes09 = try Data(contentsOf: URL(fileURLWithPath: "\(output)/qinghe/2026-09/qinghe-2026-09.xlsx"))

        // Re-running the closed 09 with the same inputs and rules gives the same bytes.
        r = try gridpay(["run", "qinghe", "2026-09"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(output)/qinghe/2026-09/qinghe-2026-09.xlsx")), closedBytes09)

        // 10: no missed check. A second correction of 07: PC1 was answered after all.
        // Settled 07 (revision 1): W1 680.00, W2 0.00. Corrected again: W1 34 → 680.00 (no change),
        // W2 34 → 34.00: +34.00. 10: W1 680.00; W2 34.00 + 34.00 = 68.00. Revision 1 is not applied again.
        try writeMonth("2026-10", checks: [])
        try writeMonth("2026-07", checks: [("PC1", "W2", "是")])
        r = try gridpay(["run", "qinghe", "2026-10"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(try payCSV("2026-10"), [
            header,
            "\"W1\",\"甲\",\"东关村\",\"G1\",\"2000.00\",\"34.00\",\"680.00\",\"0.00\",\"0.00\",\"0.00\",\"0.00\",\"680.00\",\"0.00\"",
            "\"W2\",\"乙\",\"东关村\",\"G1\",\"100.00\",\"34.00\",\"34.00\",\"0.00\",\"0.00\",\"0.00\",\"34.00\",\"68.00\",\"0.00\"",
        ])
        XCTAssertEqual(try sheet("2026-10", "往期更正").dropFirst().map { $0 }, [
            ["W2", "乙", "2026-07", "电话畅通", "15", "20"],
            ["W2", "乙", "2026-07", "总分", "29", "34"],
            ["W2", "乙", "2026-07", "考核绩效", "29", "34"],
            ["W2", "乙", "2026-07", "扣款合计", "30", "0"],
            ["W2", "乙", "2026-07", "实发绩效", "0", "34"],
        ])
        r = try gridpay(["close", "qinghe", "2026-10", "--by", "王五"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let closed10 = closedAt(r)

        // Settled: 11 carries nothing (no 往期调整 column, no 往期更正 sheet).
        try writeMonth("2026-11", checks: [])
        r = try gridpay(["run", "qinghe", "2026-11"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(try payCSV("2026-11").first, header.replacingOccurrences(of: "\"往期调整\",", with: ""))
        XCTAssertEqual(try sheet("2026-11", "往期更正"), [])

        r = try gridpay(["status", "qinghe"])
        XCTAssertEqual(withoutChainHead(r.stdoutLines).dropFirst(2).map { $0 }, [
            "2026-07 | 张三 | \(closed07) +00:00 | 2026.1 | 2 | 584.00",
            // Revision 1: W1 680.00 + W2 0.00; revision 2: W1 680.00 + W2 34.00.
            "  revision 1: settled in 2026-09 by 王五 at \(closed09) +00:00; total payable as corrected 680.00 yuan",
            "  revision 2: settled in 2026-10 by 王五 at \(closed10) +00:00; total payable as corrected 714.00 yuan",
            "2026-08 | 李四 | \(closed08) +00:00 | 2026.1 | 2 | 584.00",
            "2026-09 | 王五 | \(closed09) +00:00 | 2026.1 | 2 | 680.00",
            "2026-10 | 王五 | \(closed10) +00:00 | 2026.1 | 2 | 748.00",
            // 2026-11 has inputs and was run, not closed: when its workbook was written, in UTC (TZ=UTC).
            "open periods (inputs present, not closed): 1",
            "2026-11 | 6 input file(s) | run, outputs written \(try writtenAt("\(output)/qinghe/2026-11/qinghe-2026-11.xlsx")) +00:00",
            "corrections waiting to be settled: none",
        ], r.transcript)
        // The clerk's zone: Shanghai is UTC+8 all year (no summer time).
        r = try gridpay(["status", "qinghe"], environment: ["TZ": "Asia/Shanghai"])
        let utc = DateFormatter()
        utc.locale = Locale(identifier: "en_US_POSIX")
        utc.timeZone = TimeZone(identifier: "UTC")
        utc.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let shanghai07 = utc.string(from: utc.date(from: closed07)!.addingTimeInterval(8 * 3600))
        XCTAssertEqual(withoutChainHead(r.stdoutLines)[2], "2026-07 | 张三 | \(shanghai07) +08:00 | 2026.1 | 2 | 584.00", r.transcript)
        // The chain head says when its settlement (the last recorded, by the close of 2026-10) was
        // closed in the same local time (the ledger keeps UTC).
        let shanghai10 = utc.string(from: utc.date(from: closed10)!.addingTimeInterval(8 * 3600))
        let head = r.stdoutLines.first { $0.hasPrefix("chain head ") } ?? ""
        XCTAssertTrue(head.hasSuffix(", closed by 王五 at \(shanghai10) +08:00): keep it outside the ledger; gridpay verify <town> --chain <head> proves nothing recorded up to it changed"),
                      r.transcript)

        // Every message that says when a period was closed says it in the clerk's local time.
        r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"], environment: ["TZ": "Asia/Shanghai", "GRIDPAY_LANG": "zh"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.stderrLines.filter { $0.hasPrefix("错误：") }, [
            "错误：qinghe 2026-07 已经结账：张三 于 \(shanghai07) +08:00 结账；已结账的期间不能再次结账（更正会结转到第一个未结账期间：见 gridpay status qinghe）",
        ], r.transcript)
        r = try gridpay(["verify", "qinghe", "2026-07"], environment: ["TZ": "Asia/Shanghai"])
        XCTAssertEqual(r.stdoutLines.first, "qinghe 2026-07: identical — re-run from the ledger's archive (rule file qinghe.toml, version 2026.1), "
                       + "all 3 outputs have the SHA-256 recorded when it was closed by 张三 at \(shanghai07) +08:00", r.transcript)

        // verify after Input/ is deleted: every closed month re-runs from the archive, identical.
        try FileManager.default.removeItem(atPath: input)
        for (month, by, at) in [("2026-07", "张三", closed07), ("2026-08", "李四", closed08), ("2026-09", "王五", closed09), ("2026-10", "王五", closed10)] {
            r = try gridpay(["verify", "qinghe", month])
            XCTAssertEqual(r.status, 0, r.transcript)
            XCTAssertEqual(r.stdoutLines, [
                "qinghe \(month): identical — re-run from the ledger's archive (rule file qinghe.toml, version 2026.1), all 3 outputs have the SHA-256 recorded when it was closed by \(by) at \(at) +00:00",
                "every published row (2 workers, their items, totals, ranks, flags and pay lines; the settlement's worker count and total) is what the re-run gives",
                "\(input)/qinghe/\(month) is gone; the ledger's archive holds the inputs \(month) was closed with",
            ], r.transcript)
        }
    }

    /// SPEC §9: a run of a closed period whose files match the archive writes the same bytes as
    /// before — also when rows were accepted at closing: the ledger's accepted rows are accepted
    /// again, without the clerk having to remember the --accept of the close.
    func testClosedMonthClosedWithAcceptedRowsRunsAgainAsPublished() throws {
        try writeMonth("2026-08", checks: [("PC8", "W1", "否")], extraEvents: "E1,W2,2026-08-03 10:00,噪音,待定\n")
        var r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四", "--accept", "events.csv:2"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let published = try ["qinghe-2026-08.xlsx", "qinghe-2026-08-pay.csv", "qinghe-2026-08-manifest.json"].map {
            try Data(contentsOf: URL(fileURLWithPath: "\(output)/qinghe/2026-08/\($0)"))
        }
        for accept in [[], ["--accept", "events.csv:2"]] {
            r = try gridpay(["run", "qinghe", "2026-08"] + accept)
            XCTAssertEqual(r.status, 0, r.transcript)
            let again = try ["qinghe-2026-08.xlsx", "qinghe-2026-08-pay.csv", "qinghe-2026-08-manifest.json"].map {
                try Data(contentsOf: URL(fileURLWithPath: "\(output)/qinghe/2026-08/\($0)"))
            }
            XCTAssertEqual(again, published, "run \(accept) of the closed month wrote other bytes")
        }
        // The manifest still names the row accepted at closing.
        let manifest = try String(contentsOfFile: "\(output)/qinghe/2026-08/qinghe-2026-08-manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"events.csv:2\""), manifest)
        // A month not closed still needs its --accept.
        try writeMonth("2026-09", checks: [], extraEvents: "E9,W2,2026-09-03 10:00,噪音,待定\n")
        r = try gridpay(["run", "qinghe", "2026-09"])
        XCTAssertEqual(r.status, 1, r.transcript)
    }

    func testVerifySaysWhetherInputStillMatchesAndWhichValuesDiffer() throws {
        try writeMonth("2026-07", checks: [("PC1", "W1", "否")])
        var r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 0, r.transcript)
        r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.stdoutLines.last, "\(input)/qinghe/2026-07 still matches the archive (6 files)")
        let archived = try sha256("\(input)/qinghe/2026-07/phone_checks.csv")
        try writeMonth("2026-07", checks: [])
        let now = try sha256("\(input)/qinghe/2026-07/phone_checks.csv")
        r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 0, "the archive still reproduces 07: \(r.transcript)")
        XCTAssertEqual(r.stdoutLines.last, "\(input)/qinghe/2026-07 no longer matches the archive: phone_checks.csv (SHA-256 \(now), archived \(archived))")
    }

    func testVerifyStatusAndRunOfAnUnclosedPeriod() throws {
        try writeMonth("2026-07", checks: [])
        var r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, ["error: qinghe 2026-07 is not closed: there is no ledger \(ledger)/qinghe.sqlite; close it first (gridpay close qinghe 2026-07 --by <name>)"])
        r = try gridpay(["status", "qinghe"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.stdoutLines, [
            "qinghe: no period is closed (there is no ledger \(ledger)/qinghe.sqlite)",
            "open periods (inputs present, not closed): 1",
            "2026-07 | 6 input file(s) | not run (no outputs in \(output)/qinghe/2026-07)",
        ])
        // A run never creates a ledger.
        r = try gridpay(["run", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(ledger)/qinghe.sqlite"))
    }

    /// A quarterly town: closed in order, refused out of order, verified after Input/ is gone.
    func testQuartersAreClosedAndVerifiedLikeMonths() throws {
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: BinaryRunner.packageRoot.appendingPathComponent("Input/shuangqiao").path, toPath: "\(input)/shuangqiao")
        var r = try gridpay(["close", "shuangqiao", "2026-Q3", "--by", "张三"])
        XCTAssertEqual(r.errorLines, ["error: cannot close shuangqiao 2026-Q3: the previous period 2026-Q2 has inputs (\(input)/shuangqiao/2026-04) but is not closed; periods are closed in order: close 2026-Q2 first"], r.transcript)
        // (The samples hold the whole year 2026: 2026-Q1 comes first.)
        XCTAssertEqual(try gridpay(["close", "shuangqiao", "2026-Q1", "--by", "张三"]).status, 0)
        XCTAssertEqual(try gridpay(["close", "shuangqiao", "2026-Q2", "--by", "张三"]).status, 0)
        r = try gridpay(["close", "shuangqiao", "2026-Q3", "--by", "张三"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let at = closedAt(r)
        try FileManager.default.removeItem(atPath: input)
        r = try gridpay(["verify", "shuangqiao", "2026-Q3"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.stdoutLines, [
            "shuangqiao 2026-Q3: identical — re-run from the ledger's archive (rule file shuangqiao.toml, version 2026.1), all 3 outputs have the SHA-256 recorded when it was closed by 张三 at \(at) +00:00",
            "every published row (41 workers, their items, totals, ranks, flags and pay lines; the settlement's worker count and total) is what the re-run gives",
            "\(input)/shuangqiao/2026-07, \(input)/shuangqiao/2026-08, \(input)/shuangqiao/2026-09 are gone; the ledger's archive holds the inputs 2026-Q3 was closed with",
        ])
    }

    /// After a correction is settled, Input/ holds the revision's inputs: run of the closed month
    /// is still refused (never recomputed), but says the correction was paid and nothing waits,
    /// instead of sending the clerk to the first open period; verify says whose inputs they are.
    func testClosedMonthHoldingItsSettledRevisionSaysNothingIsWaiting() throws {
        try writeMonth("2026-07", checks: [("PC1", "W1", "否")])
        var r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let closed07 = closedAt(r)
        let checks07 = "\(input)/qinghe/2026-07/phone_checks.csv"
        let archived07 = try sha256(checks07)
        // The missed check was W2's: carried into 08 (W1 +130.00, W2 −34.00, as in the four-month test) and settled there.
        try writeMonth("2026-07", checks: [("PC1", "W2", "否")])
        let corrected07 = try sha256(checks07)
        try writeMonth("2026-08", checks: [])
        r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("settled the correction of 2026-07 as its revision 1 (phone_checks.csv changed)"), r.transcript)
        let closed08 = closedAt(r)
        r = try gridpay(["status", "qinghe"])
        XCTAssertEqual(r.stdoutLines.last, "corrections waiting to be settled: none", r.transcript)

        r = try gridpay(["run", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, [
            "error: \(checks07): SHA-256 \(corrected07) differs from the ledger's \(archived07) (\(HashText.firstDifference(corrected07, archived07)))",
            "error: qinghe 2026-07 is closed (by 张三 at \(closed07) +00:00) and 1 file(s) differ from what it was closed with, so it is not run again: "
                + "a closed period is never recomputed. They are the corrected inputs of its revision 1, settled in 2026-08 "
                + "by 李四 at \(closed08) +00:00: that correction was paid once and nothing is waiting (gridpay status qinghe). "
                + "To reproduce 2026-07 as published: gridpay verify qinghe 2026-07",
        ], r.transcript)
        r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.stdoutLines.last, "\(input)/qinghe/2026-07 holds the corrected inputs of revision 1 (settled in 2026-08), not those 2026-07 was closed with: "
            + "phone_checks.csv (SHA-256 \(corrected07), archived \(archived07))", r.transcript)

        // Changed once more: a new correction waits for the first open period (09), as before.
        try writeMonth("2026-07", checks: [("PC1", "W2", "是")])
        let again07 = try sha256(checks07)
        r = try gridpay(["run", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, [
            "error: \(checks07): SHA-256 \(again07) differs from the ledger's \(archived07) (\(HashText.firstDifference(again07, archived07)))",
            "error: qinghe 2026-07 is closed (by 张三 at \(closed07) +00:00) and 1 file(s) differ from what it was closed with, so it is not run again: "
                + "a closed period is never recomputed. To correct it, leave the corrected inputs in \(input)/qinghe/2026-07: "
                + "the run of the first open period (gridpay run qinghe 2026-09) carries the difference into its pay as 往期调整 (sheet 往期更正), "
                + "and closing that period settles it. To reproduce 2026-07 as published: gridpay verify qinghe 2026-07",
        ], r.transcript)
        r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.stdoutLines.last, "\(input)/qinghe/2026-07 no longer matches the archive: phone_checks.csv (SHA-256 \(again07), archived \(archived07))", r.transcript)
    }

    /// A closed month's corrected inputs with a bad row: the open month's run cannot carry them,
    /// and does not offer its own --accept (the closed month keeps the rows accepted at closing).
    func testACorrectedClosedMonthWithABadRowIsNotOfferedTheOpenMonthsAccept() throws {
        try writeMonth("2026-07", checks: [])
        var r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 0, r.transcript)
        try writeMonth("2026-07", checks: [], extraEvents: "E1,W9,2026-07-10 09:00,其他,有效\n")
        try writeMonth("2026-08", checks: [])
        r = try gridpay(["run", "qinghe", "2026-08"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.errorLines.first?.hasPrefix("\(input)/qinghe/2026-07/events.csv:2:2: error: 网格员编号 'W9' is not on the roster") == true, r.transcript)
        XCTAssertEqual(Array(r.errorLines.suffix(2)), [
            "error: 1 problem in the inputs of qinghe 2026-07 would change someone's pay; nothing was written. 1 of them is a single row that the run of 2026-08 cannot leave out (2026-07 keeps the rows accepted when it was closed)",
            "error: the corrected inputs of the closed period 2026-07 (\(input)/qinghe/2026-07) cannot be carried: fix them, or restore the archived files (gridpay verify qinghe 2026-07 says which differ)",
        ], r.transcript)
    }
}
