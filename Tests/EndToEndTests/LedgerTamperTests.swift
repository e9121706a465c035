import Foundation
import GRDB
import GridpayCore
import GridpayHash
import XCTest

/// Issue 19 on the built binary: a closed period pushed as an insider, a backup tool or bit rot
/// would push it must not change unseen. The town is LedgerCycleTests' two workers (W1 base 2000,
/// W2 base 100); 2026-07: W1 misses one 镇 check → W1 总分 29, 考核绩效 580, 扣款 30, 实发 550;
/// W2 34 → 34.00. Total payable 584.00.
final class LedgerTamperTests: XCTestCase {
    var root: BinaryRunner.TempFolder!
    var input: String { root.path("Input") }
    var output: String { root.path("Output") }
    var ledger: String { root.path("Ledger") }
    var ledgerFile: String { "\(ledger)/qinghe.sqlite" }

    override func setUpWithError() throws {
        root = try BinaryRunner.TempFolder(prefix: "gridpay-ledger-tamper")
    }

    func writeMonth(_ month: String, checks: [(String, String, String)], workers: [(String, String, Int)] = [("W1", "甲", 2000), ("W2", "乙", 100)]) throws {
        let dir = "\(input)/qinghe/\(month)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files: [String: String] = [
            "roster.csv": "网格员编号,姓名,村(社区),网格编号,绩效工资基数(元),重点人员数\n" + workers.map { "\($0.0),\($0.1),东关村,G1,\($0.2),0\n" }.joined(),
            "patrol.csv": "网格员编号,日期,巡查时长(分钟)\n",
            "events.csv": "事件编号,网格员编号,上报时间,事件类型,核查结果\n",
            "phone_checks.csv": "抽查编号,抽查时间,网格员编号,抽查层级,是否接听\n"
                + checks.map { "\($0.0),\(month)-10 09:00,\($0.1),镇,\($0.2)\n" }.joined(),
            "training.csv": "培训编号,培训日期,网格员编号,出勤\n",
            "visits.csv": "走访编号,网格员编号,走访日期,走访类型\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
    }

    func gridpay(_ args: [String], environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> BinaryRunner.Output {
        var a = args
        if ["run", "close", "explain", "compare"].contains(args[0]) { a += ["--rules-dir", BinaryRunner.rulesDir, "--input-dir", input, "--output-dir", output] }
        if ["verify", "status"].contains(args[0]) { a += ["--input-dir", input] }
        return try BinaryRunner.run(a + ["--ledger-dir", ledger], environment: environment, file: file, line: line)
    }

    func closeJuly() throws -> BinaryRunner.Output {
        try writeMonth("2026-07", checks: [("PC1", "W1", "否")])
        let r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 0, r.transcript)
        return r
    }

    /// The chain head a close or status printed.
    func head(_ r: BinaryRunner.Output) -> String? { BinaryRunner.firstMatch("chain head ([0-9a-f]{64})", in: r.stdout) }

    /// Runs SQL on the ledger as an insider would (triggers dropped first where asked).
    func tamper(dropping triggers: [String] = [], _ sql: String, arguments: StatementArguments = []) throws {
        let db = try DatabaseQueue(path: ledgerFile)
        try db.writeWithoutTransaction { db in
            for t in triggers { try db.execute(sql: "DROP TRIGGER \(t)") }
            try db.execute(sql: sql, arguments: arguments)
        }
        try db.close()
    }

    func testInsertOrReplaceIsRefusedLikeUpdateAndDelete() throws {
        _ = try closeJuly()
        let db = try DatabaseQueue(path: ledgerFile)
        for sql in [
            // REPLACE deletes the conflicting row without firing a DELETE trigger: refused before it happens.
            "INSERT OR REPLACE INTO worker_result SELECT settlement_id, worker_id, position, name, unit, grp, rank, items, item_yuan, total, duty_met, flags, named_values, base, score_pay, deductions, adjustment, '0', shortfall FROM worker_result WHERE worker_id = 'W1'",
            "REPLACE INTO settlement SELECT id, period, revision, settled_in, '李四', closed_at, rule_file, rule_in_folder, rule_sha256, rule_version, program, accepted_rows, item_names, flag_names, value_names, workers, '0' FROM settlement",
            "INSERT OR REPLACE INTO output_hash SELECT settlement_id, file, 'ffff', bytes FROM output_hash",
            "INSERT OR REPLACE INTO settlement_seal SELECT settlement_id, 'ffff', chain, sealed_at, program FROM settlement_seal",
            "INSERT OR REPLACE INTO archive_chunk SELECT sha256, seq, X'00' FROM archive_chunk",
            "INSERT OR REPLACE INTO ledger_info VALUES ('town', 'other')",
        ] {
            XCTAssertThrowsError(try db.write { try $0.execute(sql: sql) }, sql) { error in
                XCTAssertEqual((error as? DatabaseError)?.message, "the gridpay ledger is append-only: a row with this key is already recorded and is never replaced", sql)
            }
        }
        let payable = try db.read { try String.fetchOne($0, sql: "SELECT payable FROM worker_result WHERE worker_id = 'W1'") }
        XCTAssertEqual(payable, "550")
        try db.close()
        let r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 0, r.transcript)
    }

    func testARowChangedWithItsTriggerDroppedIsFoundByStatusAndVerify() throws {
        _ = try closeJuly()
        try tamper(dropping: ["worker_result_no_update"], "UPDATE worker_result SET payable = '0' WHERE worker_id = 'W1'")
        var r = try gridpay(["status", "qinghe"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines.count, 2, r.transcript)
        XCTAssertTrue(r.errorLines[0].hasPrefix("error: 2026-07 (closed by 张三 at "), r.transcript)
        XCTAssertTrue(r.errorLines[0].contains("its rows no longer match the seal made "), r.transcript)
        XCTAssertEqual(r.errorLines[1], "error: \(ledgerFile) cannot be trusted: 1 problem(s) above; nothing was changed (who: the office keeping the ledger; restore it from a backup)")
        // When it was closed and sealed, in the clerk's local time with the zone (the ledger keeps UTC).
        r = try gridpay(["status", "qinghe"], environment: ["TZ": "Asia/Shanghai"])
        let time = #"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00"#
        XCTAssertNotNil(r.errorLines.first?.range(of: #"^error: 2026-07 \(closed by 张三 at "# + time + #"\): its rows no longer match the seal made "# + time + #" \(digest "#,
                                                    options: .regularExpression), r.transcript)
        // verify compares every published row with the re-run, not only the outputs' hashes
        // (which still match: the outputs were not touched).
        r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(Array(r.errorLines.suffix(2)), [
            "error: worker W1 (甲): 实发绩效 published 0, re-run 550",
            "error: qinghe 2026-07: not identical — 1 published row(s) or settlement value(s) differ from the re-run from the archive",
        ], r.transcript)
    }

    func testAFlippedByteInTheFileIsFoundThoughQuickCheckPasses() throws {
        _ = try closeJuly()
        // Bit rot: W1's 实发绩效 550 becomes 850 inside its record (name 甲, village 东关村, grid G1
        // are stored next to each other only there); the page stays well-formed.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ledgerFile)))
        let record = Array("甲东关村G1".utf8)
        let at = try XCTUnwrap((0...(bytes.count - record.count)).first { Array(bytes[$0..<$0 + record.count]) == record })
        let payable = try XCTUnwrap((at..<(bytes.count - 3)).first { Array(bytes[$0..<$0 + 3]) == Array("550".utf8) })
        bytes[payable] = UInt8(ascii: "8")
        try Data(bytes).write(to: URL(fileURLWithPath: ledgerFile))
        let check = try DatabaseQueue(path: ledgerFile)
        XCTAssertEqual(try check.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }, ["ok"])
        try check.close()
        var r = try gridpay(["status", "qinghe"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.errorLines.first?.contains("its rows no longer match the seal") == true, r.transcript)
        r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.errorLines.contains("error: worker W1 (甲): 实发绩效 published 850, re-run 550"), r.transcript)
    }

    func testAPublishedValueThatIsNotANumberIsAnErrorNeverZero() throws {
        _ = try closeJuly()
        try tamper(dropping: ["settlement_no_update"], "UPDATE settlement SET total_payable = 'abc'")
        let r = try gridpay(["status", "qinghe"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.errorLines.contains("error: cannot read \(ledgerFile): the published total_payable in 2026-07 is 'abc', which is not a number: the ledger was changed outside gridpay or is damaged (gridpay status and gridpay verify check it); it is never read as 0"), r.transcript)
    }

    func testAPublishedPayableThatIsNotANumberStopsACorrection() throws {
        _ = try closeJuly()
        try tamper(dropping: ["worker_result_no_update"], "UPDATE worker_result SET payable = 'x' WHERE worker_id = 'W1'")
        // An appeal upheld for W1: the correction must not read the published 实发绩效 as 0.
        try writeMonth("2026-07", checks: [])
        try writeMonth("2026-08", checks: [])
        let r = try gridpay(["run", "qinghe", "2026-08"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.errorLines.contains { $0.contains("the published 实发绩效 of worker W1 in 2026-07 is 'x', which is not a number") }, r.transcript)
    }

    func testTheChainHeadProvesWhatCameBeforeItAndIsBroken() throws {
        let h07 = try XCTUnwrap(head(try closeJuly()))
        try writeMonth("2026-08", checks: [])
        var r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let h08 = try XCTUnwrap(head(r))
        XCTAssertNotEqual(h07, h08)
        r = try gridpay(["status", "qinghe"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(head(r), h08)
        r = try gridpay(["verify", "qinghe", "--chain", h07])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdout.hasPrefix("chain head \(h07): proved — the 1 settlement(s) recorded up to 2026-07 (closed by 张三 at "), r.transcript)
        r = try gridpay(["verify", "qinghe", "2026-08", "--chain", h08])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdout.hasPrefix("chain head \(h08): proved — the 2 settlement(s) recorded up to 2026-08"), r.transcript)

        // An insider changes 07 and deletes every seal, so that the next close seals the ledger
        // afresh: the ledger looks consistent again, but the head kept outside is not proved.
        try tamper(dropping: ["worker_result_no_update", "settlement_seal_no_delete"],
                   "UPDATE worker_result SET payable = '680' WHERE worker_id = 'W1'; DELETE FROM settlement_seal")
        try writeMonth("2026-09", checks: [])
        r = try gridpay(["close", "qinghe", "2026-09", "--by", "李四"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("sealed 2 settlement(s) recorded by an earlier gridpay (their rows as they are now: gridpay verify checks each against its archive)"), r.transcript)
        XCTAssertEqual(try gridpay(["status", "qinghe"]).status, 0)
        for kept in [h07, h08] {
            r = try gridpay(["verify", "qinghe", "--chain", kept])
            XCTAssertEqual(r.status, 1, r.transcript)
            XCTAssertEqual(r.errorLines.first, "error: chain head \(kept) is not proved by \(ledgerFile): no intact seal gives it, so settlements recorded up to it were changed (or it is not a head of this town's ledger); nothing recorded before it can be trusted from this ledger", r.transcript)
        }
        // And the re-run from the archive names the changed value.
        r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.errorLines.contains("error: worker W1 (甲): 实发绩效 published 680, re-run 550"), r.transcript)
    }

    /// A ledger closed by the gridpay before seals (no v3 migration): read-only commands read it as
    /// it is, never write it, and say it needs upgrading by close; the next close seals it.
    func testAnOldLedgerIsReadAsItIsAndSealedByTheNextClose() throws {
        _ = try closeJuly()
        try tamper(dropping: ["settlement_seal_no_update", "settlement_seal_no_delete", "settlement_seal_no_replace"] + LedgerTamperTests.noReplaceTriggers,
                   "DROP TABLE settlement_seal; DELETE FROM grdb_migrations WHERE identifier = 'v3'")
        try tamper("VACUUM")
        let before = try Data(contentsOf: URL(fileURLWithPath: ledgerFile))
        // A read-only copy of the ledger is read too.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: ledgerFile)
        var r = try gridpay(["status", "qinghe"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let upgrade = "warning: the ledger's 1 settlement(s) were recorded by a gridpay without seals: they are checked against the archive but have no chain head yet; the next close of qinghe seals them (gridpay close qinghe <period> --by <name>)"
        XCTAssertEqual(r.warningLines, [upgrade], r.transcript)
        XCTAssertNil(head(r))
        r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.warningLines, [upgrade], r.transcript)
        r = try gridpay(["verify", "qinghe", "--chain", String(repeating: "0", count: 64)])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: ledgerFile)), before, "a read-only command changed the ledger")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: ledgerFile)
        try writeMonth("2026-08", checks: [])
        r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("sealed 1 settlement(s) recorded by an earlier gridpay (their rows as they are now: gridpay verify checks each against its archive)"), r.transcript)
        let h = try XCTUnwrap(head(r))
        r = try gridpay(["verify", "qinghe", "--chain", h])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdout.contains("the 2 settlement(s) recorded up to 2026-08"), r.transcript)
    }

    /// qa G8: a period closed by another program version (here an older, unsealed ledger whose
    /// settlement says gridpay 0.1.0, as that build recorded it). verify says which program closed it
    /// and which runs, and that the one that closed it verifies it; the exit status is the comparison's
    /// (0 when the outputs are the same, 1 when the older program's outputs differ), in both languages
    /// (Chinese on the failure only: the month's history note still follows the reader's language, so
    /// a Chinese re-run of an English close differs; issue 21, msgs).
    func testVerifyOfAPeriodClosedByAnotherProgramNamesBoth() throws {
        _ = try closeJuly()
        try tamper(dropping: ["settlement_seal_no_update", "settlement_seal_no_delete", "settlement_seal_no_replace", "settlement_no_update"]
                   + LedgerTamperTests.noReplaceTriggers,
                   "DROP TABLE settlement_seal; DELETE FROM grdb_migrations WHERE identifier = 'v3'; UPDATE settlement SET program = 'gridpay 0.1.0'")
        let running = "gridpay \(GridpayVersion.current)"
        let en = "qinghe 2026-07 was closed with gridpay 0.1.0 and this is \(running): the outputs carry the program version, "
            + "and another version may write them differently; verify with the program that closed it, gridpay 0.1.0"
        let zh = "qinghe 2026-07 是用 gridpay 0.1.0 结账的，现在运行的是 \(running)：输出中写有程序版本，不同版本写出的输出可能不同；"
            + "核对应使用结账时的程序 gridpay 0.1.0"
        var r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.stdoutLines.last, en, r.transcript)
        // The older program wrote another workbook.
        try tamper(dropping: ["output_hash_no_update"], "UPDATE output_hash SET sha256 = ? WHERE file LIKE '%.xlsx'",
                   arguments: [String(repeating: "0", count: 64)])
        r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.errorLines.contains("error: qinghe 2026-07: not identical — qinghe-2026-07.xlsx differ from what was recorded when it was closed"), r.transcript)
        XCTAssertTrue(r.warningLines.contains("warning: \(en)"), r.transcript)
        r = try gridpay(["verify", "qinghe", "2026-07"], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.stderrLines.contains { $0.hasPrefix("错误：qinghe 2026-07：不一致——") }, r.transcript)
        XCTAssertTrue(r.stderrLines.contains("警告：\(zh)"), r.transcript)
    }

    static let noReplaceTriggers = ["ledger_info", "archive_object", "archive_chunk", "settlement", "archived_file", "output_hash",
                                    "worker_result", "correction_line", "input_seen"].map { "\($0)_no_replace" }

    /// A close killed inside its transaction, its journal then deleted (as a careless clean-up
    /// or a backup that skips side files would): nothing of it is in the ledger.
    func testACloseKilledBeforeCommitWithItsJournalDeletedLeavesNothing() throws {
        _ = try closeJuly()
        try writeMonth("2026-08", checks: [])
        var r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四"], environment: ["GRIDPAY_TEST_KILL_BEFORE_COMMIT": "1"])
        XCTAssertNotEqual(r.status, 0, r.transcript)
        for side in ["-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ledgerFile + side) }
        r = try gridpay(["status", "qinghe"])
        XCTAssertEqual(r.status, 0, r.transcript)
        // Closed periods are listed before the open ones' header; 2026-08 is open again.
        let closedLines = r.stdoutLines.prefix { !$0.hasPrefix("open periods") }
        XCTAssertEqual(closedLines.filter { $0.hasPrefix("2026-") }.map { String($0.prefix(7)) }, ["2026-07"], r.transcript)
        XCTAssertTrue(r.stdoutLines.contains { $0.hasPrefix("2026-08 | ") && $0.contains("input file(s)") }, r.transcript)
        r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(try gridpay(["verify", "qinghe", "2026-08"]).status, 0)
    }

    /// An input edited with its size kept and its modification time restored (touch -r, cp -p,
    /// rsync -t) is hashed, not trusted.
    func testAnEditWithSizeAndModificationTimeKeptIsFound() throws {
        _ = try closeJuly()
        let checks = "\(input)/qinghe/2026-07/phone_checks.csv"
        let attributes = try FileManager.default.attributesOfItem(atPath: checks)
        let text = try String(contentsOfFile: checks, encoding: .utf8)
        // 否 → 是: the same number of bytes; then the old modification time back.
        let edited = text.replacingOccurrences(of: ",镇,否", with: ",镇,是")
        XCTAssertEqual(edited.utf8.count, text.utf8.count)
        try Data(edited.utf8).write(to: URL(fileURLWithPath: checks))
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: checks)
        var r = try gridpay(["run", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.errorLines.first?.hasPrefix("error: \(checks): SHA-256 ") == true, r.transcript)
        r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains { $0.hasPrefix("\(input)/qinghe/2026-07 no longer matches the archive: phone_checks.csv (SHA-256 ") }, r.transcript)
        r = try gridpay(["status", "qinghe"])
        XCTAssertTrue(r.stdoutLines.contains("  2026-07: phone_checks.csv (changed)"), r.transcript)
        // The correction is carried: W1 34 → 680.00, published 550.00: +130.00.
        try writeMonth("2026-08", checks: [])
        r = try gridpay(["run", "qinghe", "2026-08"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let pay = try String(contentsOfFile: "\(output)/qinghe/2026-08/qinghe-2026-08-pay.csv", encoding: .utf8)
        XCTAssertTrue(pay.contains("\"W1\",\"甲\",\"东关村\",\"G1\",\"2000.00\",\"34.00\",\"680.00\",\"0.00\",\"0.00\",\"0.00\",\"130.00\",\"810.00\",\"0.00\""), pay)
    }

    /// `Café` (U+00E9) and `Cafe` + U+0301 are two workers: a correction owed to one is not paid
    /// to the other. 07: Café misses a check (29 → 2000 base: 580 − 30 = 550); Cafe+U+0301 34 → 680.
    /// Corrected: the missed check was the other's: Café 34 → 680 (+130), the other 29 → 550 (−130).
    func testCanonicallyEqualIdsAreTwoWorkersInCorrections() throws {
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        let workers = [(composed, "甲", 2000), (decomposed, "乙", 2000)]
        try writeMonth("2026-07", checks: [("PC1", composed, "否")], workers: workers)
        XCTAssertEqual(try gridpay(["close", "qinghe", "2026-07", "--by", "张三"]).status, 0)
        try writeMonth("2026-07", checks: [("PC1", decomposed, "否")], workers: workers)
        try writeMonth("2026-08", checks: [], workers: workers)
        let r = try gridpay(["run", "qinghe", "2026-08"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let pay = try String(contentsOfFile: "\(output)/qinghe/2026-08/qinghe-2026-08-pay.csv", encoding: .utf8)
        let rows = pay.split(separator: "\r\n").map(String.init)
        let composedRow = try XCTUnwrap(rows.first { $0.hasPrefix("\"\(composed)\",") && $0.utf8.starts(with: "\"\(composed)\",".utf8) })
        let decomposedRow = try XCTUnwrap(rows.first { $0.utf8.starts(with: "\"\(decomposed)\",".utf8) })
        XCTAssertTrue(composedRow.hasSuffix(",\"130.00\",\"810.00\",\"0.00\""), composedRow)
        XCTAssertTrue(decomposedRow.hasSuffix(",\"-130.00\",\"550.00\",\"0.00\""), decomposedRow)
    }

    /// explain shows 往期调整 as run pays it (corrected 07: W1 34 → 680.00, published 550.00:
    /// +130.00; 08 W1 34 → 680.00 + 130.00 = 810.00), and explains a closed period from the
    /// ledger's archive — what was published (W1 29, 550.00) — not from today's edited inputs.
    func testExplainShowsTheAdjustmentAndAClosedPeriodAsPublished() throws {
        _ = try closeJuly()
        try writeMonth("2026-07", checks: [("PC1", "W2", "否")])
        try writeMonth("2026-08", checks: [])
        var r = try gridpay(["explain", "qinghe", "2026-08", "W1"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("往期调整 = 130.00   (更正往期的 实发绩效 − 原公布的 实发绩效，见 run 输出的 往期更正 表)"), r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("实发绩效 = 810.00   (max(0, 考核绩效 − 扣款合计 + 往期调整))"), r.transcript)
        XCTAssertEqual(try gridpay(["run", "qinghe", "2026-08"]).status, 0)
        let pay = try String(contentsOfFile: "\(output)/qinghe/2026-08/qinghe-2026-08-pay.csv", encoding: .utf8)
        XCTAssertTrue(pay.contains("\"W1\",\"甲\",\"东关村\",\"G1\",\"2000.00\",\"34.00\",\"680.00\",\"0.00\",\"0.00\",\"0.00\",\"130.00\",\"810.00\",\"0.00\""), pay)

        r = try gridpay(["explain", "qinghe", "2026-07", "W1"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.first?.hasPrefix("qinghe 2026-07 is closed (closed by 张三 at ") == true, r.transcript)
        // Its inputs changed since: the correction waiting is said beside it (SPEC §15).
        XCTAssertEqual(r.stdoutLines.dropFirst().first,
                       "a correction is waiting for 2026-07 (changed in \(input)/qinghe/2026-07 since it was closed: phone_checks.csv); what is explained here is as published. "
                           + "The run of 2026-08 (gridpay run qinghe 2026-08) recomputes it under 2026-07's own rule version and carries the difference into 2026-08 as 往期调整, "
                           + "settled when 2026-08 is closed", r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("实发绩效 = 550.00   (max(0, 考核绩效 − 扣款合计))"), r.transcript)
        XCTAssertTrue(r.stdoutLines.contains { $0.hasPrefix("总分 = 29") }, r.transcript)
    }

    /// A row accepted at closing that the corrected inputs no longer have as a problem (the appeal
    /// removed it) lapses with a warning; the correction is carried. Corrected 07: PC1 was W2's,
    /// the bad event row removed: W1 +130.00, W2 29 → 0.00 (published 34.00): −34.00.
    func testAnAcceptanceTheCorrectionRemovedLapsesAndTheCorrectionIsCarried() throws {
        try writeMonth("2026-07", checks: [("PC1", "W1", "否")])
        try Data("事件编号,网格员编号,上报时间,事件类型,核查结果\nE1,W2,2026-07-03 10:00,噪音,待定\n".utf8)
            .write(to: URL(fileURLWithPath: "\(input)/qinghe/2026-07/events.csv"))
        XCTAssertEqual(try gridpay(["close", "qinghe", "2026-07", "--by", "张三", "--accept", "events.csv:2"]).status, 0)
        try writeMonth("2026-07", checks: [("PC1", "W2", "否")])
        try writeMonth("2026-08", checks: [])
        var r = try gridpay(["run", "qinghe", "2026-08"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.warningLines.contains("warning: events.csv:2, accepted with --accept when 2026-07 was closed, matches no row with a problem in its corrected inputs: the acceptance lapses, the corrected inputs are counted in full and the correction is carried"), r.transcript)
        let pay = try String(contentsOfFile: "\(output)/qinghe/2026-08/qinghe-2026-08-pay.csv", encoding: .utf8)
        XCTAssertTrue(pay.contains("\"W1\",\"甲\",\"东关村\",\"G1\",\"2000.00\",\"34.00\",\"680.00\",\"0.00\",\"0.00\",\"0.00\",\"130.00\",\"810.00\",\"0.00\""), pay)
        XCTAssertTrue(pay.contains("\"W2\",\"乙\",\"东关村\",\"G1\",\"100.00\",\"34.00\",\"34.00\",\"0.00\",\"0.00\",\"0.00\",\"-34.00\",\"0.00\",\"0.00\""), pay)
        r = try gridpay(["close", "qinghe", "2026-08", "--by", "李四"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains("settled the correction of 2026-07 as its revision 1 (events.csv, phone_checks.csv changed)"), r.transcript)
    }

    /// Names and places are checked before any file is made.
    func testBadNamesAndPlacesAreRefusedBeforeAnyFileIsMade() throws {
        try writeMonth("2026-07", checks: [])
        var r = try gridpay(["close", "../evil", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, ["error: the town '../evil' contains a path separator; expected a plain name such as qinghe (it names Rules/<town>.toml, Input/<town>/ and Ledger/<town>.sqlite); no file was made"], r.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ledger), r.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path("evil.sqlite.lock")), r.transcript)
        // A leading '-' would be read as the short flags -q -i -n -g -h -e: help and exit 0.
        r = try gridpay(["close", "-qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.stdout, "", r.transcript)
        XCTAssertEqual(r.errorLines, ["error: '-qinghe' is not an option (gridpay's options are long, e.g. --input-dir) and cannot be a town or a period: a town name never starts with '-'"], r.transcript)
        // A ledger folder inside the input folder would be deleted with the archived inputs.
        r = try BinaryRunner.run(["close", "qinghe", "2026-07", "--by", "张三", "--rules-dir", BinaryRunner.rulesDir, "--input-dir", input,
                                  "--output-dir", output, "--ledger-dir", "\(input)/qinghe/Ledger"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, ["error: the ledger folder \(input)/qinghe/Ledger is inside the --input-dir folder \(input): deleting archived inputs or outputs would delete the ledger with them; expected --ledger-dir outside the input and output folders (default ./Ledger); no file was made"], r.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(input)/qinghe/Ledger"), r.transcript)
        XCTAssertEqual(try BinaryRunner.run(["close", "qinghe", "2026-07", "--by", "张三", "--rules-dir", BinaryRunner.rulesDir, "--input-dir", input,
                                             "--output-dir", output, "--ledger-dir", "\(output)/x/../L"]).status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(output)/L"))
    }

    /// A lock file that cannot be made is said with its errno, not blamed on another process.
    func testALockFileThatCannotBeMadeIsSaidWithItsErrno() throws {
        try writeMonth("2026-07", checks: [])
        // A folder where the lock file goes: open(2) fails with EISDIR (21) — also as root.
        try FileManager.default.createDirectory(atPath: "\(ledgerFile).lock", withIntermediateDirectories: true)
        let r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, ["error: cannot create or lock the ledger's lock file \(ledgerFile).lock (errno 21: Is a directory); nothing was recorded: check the ledger folder's permissions and free space"], r.transcript)
    }

    /// A rule file or a candidate over 4 MB is refused unread.
    func testARuleFileOver4MBIsRefused() throws {
        let big = root.path("big.toml")
        try Data(("# " + String(repeating: "x", count: 4 << 20) + "\n").utf8).write(to: URL(fileURLWithPath: big))
        let message = "error: the rule file \(big) is larger than 4 MB (4194304 bytes), the most a rule file may be (the shipped ones are a few tens of KB): is it the right file? It was not read"
        var r = try BinaryRunner.run(["check", big])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, [message], r.transcript)
        try writeMonth("2026-07", checks: [])
        r = try gridpay(["compare", "qinghe", "2026-07", "--rules", big])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertTrue(r.errorLines.contains(message), r.transcript)
    }
}
