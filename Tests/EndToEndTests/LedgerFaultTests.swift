import Foundation
import GRDB
import GridpayHash
import XCTest

/// SPEC §9 / issue 8.7 on the built binary: what is not a gridpay ledger or is another town's,
/// a second close at once, an interrupted close, a damaged archive, append-only rows.
final class LedgerFaultTests: XCTestCase {
    var root: BinaryRunner.TempFolder!
    var input: String { root.path("Input") }
    var ledger: String { root.path("Ledger") }
    var ledgerFile: String { "\(ledger)/qinghe.sqlite" }

    override func setUpWithError() throws {
        root = try BinaryRunner.TempFolder(prefix: "gridpay-ledger-faults")
        try TinyQingheMonth.write(inputDir: input, month: "2026-07", workers: TinyQingheMonth.oneWorker, checks: ["PC1,2026-07-10 09:00,W1,镇,否"])
    }

    func gridpay(_ args: [String], environment: [String: String] = [:]) throws -> BinaryRunner.Output {
        var a = args
        if ["run", "close"].contains(args[0]) { a += ["--rules-dir", BinaryRunner.rulesDir, "--input-dir", input, "--output-dir", root.path("Output")] }
        if ["verify", "status"].contains(args[0]) { a += ["--input-dir", input] }
        if args[0] == "status" { a += ["--rules-dir", BinaryRunner.rulesDir, "--output-dir", root.path("Output")] }
        return try BinaryRunner.run(a + ["--ledger-dir", ledger], environment: environment)
    }

    func close() throws -> BinaryRunner.Output { try gridpay(["close", "qinghe", "2026-07", "--by", "张三"]) }

    func testARefusedFirstCloseLeavesNoLedgerBehind() throws {
        // An unknown worker in events.csv: the month has an error, so nothing is recorded, and a
        // ledger that did not exist before is not left behind (nor its lock, nor the folder).
        try Data("事件编号,网格员编号,上报时间,事件类型,核查结果\nE1,W9,2026-07-02 09:00,治安,有效\n".utf8)
            .write(to: URL(fileURLWithPath: "\(input)/qinghe/2026-07/events.csv"))
        let refused = try close()
        XCTAssertEqual(refused.status, 1, refused.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ledger), "the refused close left \(ledger)")
        // Into an existing folder: only gridpay's own files go; the folder and what it held stay.
        try FileManager.default.createDirectory(atPath: ledger, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: "\(ledger)/notes.txt"))
        XCTAssertEqual(try close().status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ledger), ["notes.txt"])
    }

    func testAFileThatIsNotAGridpayLedgerIsRefused() throws {
        try FileManager.default.createDirectory(atPath: ledger, withIntermediateDirectories: true)
        try Data("just some text, not a database\n".utf8).write(to: URL(fileURLWithPath: ledgerFile))
        let before = try Data(contentsOf: URL(fileURLWithPath: ledgerFile))
        for args in [["status", "qinghe"], ["close", "qinghe", "2026-07", "--by", "张三"], ["verify", "qinghe", "2026-07"], ["run", "qinghe", "2026-07"]] {
            let r = try gridpay(args)
            XCTAssertEqual(r.status, 1, r.transcript)
            XCTAssertEqual(r.errorLines.count, 1, r.transcript)
            XCTAssertTrue(r.errorLines[0].hasPrefix("error: \(ledgerFile) is not a gridpay ledger: "), r.transcript)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: ledgerFile)), before, "left as it was")

        // An SQLite database of another program.
        try FileManager.default.removeItem(atPath: ledgerFile)
        let other = try DatabaseQueue(path: ledgerFile)
        try other.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT)") }
        try other.close()
        let r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(r.status, 1, r.transcript)
        // application_id 0x4750_4C47 = 1196444743 ("GPLG").
        XCTAssertEqual(r.errorLines, ["error: \(ledgerFile) is not a gridpay ledger: it is an SQLite database of another program (application_id 0, expected 1196444743); nothing was changed"])
    }

    func testAnotherTownsLedgerIsRefused() throws {
        XCTAssertEqual(try close().status, 0)
        try FileManager.default.copyItem(atPath: ledgerFile, toPath: "\(ledger)/xinhe.sqlite")
        let r = try gridpay(["status", "xinhe"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, ["error: \(ledger)/xinhe.sqlite is the ledger of town 'qinghe', not 'xinhe'; nothing was changed"])
    }

    func testASecondCloseWhileOneIsUnderWayIsRefused() throws {
        // Hold the lock as a closing process would.
        try FileManager.default.createDirectory(atPath: ledger, withIntermediateDirectories: true)
        let fd = open(ledgerFile + ".lock", O_CREAT | O_RDWR, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        var r = try close()
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, ["error: another gridpay process is closing a period of qinghe right now (\(ledgerFile) is locked); nothing was recorded: try again when it has finished"])
        flock(fd, LOCK_UN)
        Foundation.close(fd)
        r = try close()
        XCTAssertEqual(r.status, 0, r.transcript)

        // Two real processes at once on a fresh ledger: exactly one closes; the other is refused,
        // either at the lock or, if it came second, as already closed.
        try FileManager.default.removeItem(atPath: ledger)
        let args = ["close", "qinghe", "2026-07", "--by", "张三", "--rules-dir", BinaryRunner.rulesDir, "--input-dir", input,
                    "--output-dir", root.path("Output"), "--ledger-dir", ledger]
        var processes: [(Process, String)] = []
        for k in 0..<2 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
            p.arguments = args
            p.environment = ProcessInfo.processInfo.environment.merging(BinaryRunner.language) { $1 }
            p.standardInput = FileHandle.nullDevice
            p.standardOutput = FileHandle.nullDevice
            let err = root.path("stderr-\(k)")
            _ = FileManager.default.createFile(atPath: err, contents: nil)
            p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
            processes.append((p, err))
        }
        for (p, _) in processes { try p.run() }
        for (p, _) in processes { p.waitUntilExit() }
        let statuses = processes.map { $0.0.terminationStatus }
        let errors = try processes.map { try String(contentsOfFile: $0.1, encoding: .utf8) }
        XCTAssertEqual(statuses.sorted(), [0, 1], errors.joined(separator: "\n"))
        let refused = errors[statuses[0] == 1 ? 0 : 1].split(separator: "\n").filter { $0.hasPrefix("error: ") }
        XCTAssertTrue(refused.count == 1 && (refused[0].contains("is locked") || refused[0].contains("is already closed")), refused.joined(separator: "\n"))
    }

    func testAnInterruptedCloseLeavesTheLedgerAsItWas() throws {
        // A first close interrupted before it commits leaves no ledger (there was none).
        var r = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"], environment: ["GRIDPAY_TEST_FAIL_BEFORE_COMMIT": "1"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines.last, "error: qinghe 2026-07 was not closed; the ledger \(ledgerFile) is as it was")
        XCTAssertFalse(FileManager.default.fileExists(atPath: ledgerFile))
        // With 2026-07 closed, an interrupted close of 2026-08 leaves every table as it was.
        XCTAssertEqual(try close().status, 0)
        let august = "\(input)/qinghe/2026-08"
        try FileManager.default.createDirectory(atPath: august, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: "\(input)/qinghe/2026-07") {
            let text = try String(contentsOfFile: "\(input)/qinghe/2026-07/\(name)", encoding: .utf8)
            try Data(text.replacingOccurrences(of: "2026-07-", with: "2026-08-").utf8).write(to: URL(fileURLWithPath: "\(august)/\(name)"))
        }
        let tables = ["archive_object", "archive_chunk", "settlement", "archived_file", "output_hash", "worker_result"]
        func counts() throws -> [Int] {
            let db = try DatabaseQueue(path: ledgerFile)
            defer { try? db.close() }
            return try tables.map { t in try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(t)") ?? -1 } }
        }
        let before = try counts()
        r = try gridpay(["close", "qinghe", "2026-08", "--by", "张三"], environment: ["GRIDPAY_TEST_FAIL_BEFORE_COMMIT": "1"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines.last, "error: qinghe 2026-08 was not closed; the ledger \(ledgerFile) is as it was")
        XCTAssertEqual(try counts(), before)
        r = try gridpay(["status", "qinghe"])
        // The ledger, the header, 2026-07 only, 2026-08 open (run by the interrupted close), the chain head, corrections.
        XCTAssertEqual(r.stdoutLines.count, 7, r.transcript)
        XCTAssertEqual(r.stdoutLines[3], "open periods (inputs present, not closed): 1", r.transcript)
        XCTAssertTrue(r.stdoutLines[4].hasPrefix("2026-08 | 6 input file(s) | "), r.transcript)
        XCTAssertTrue(r.stdoutLines[2].hasPrefix("2026-07 | 张三 | "), r.transcript)
        XCTAssertEqual(try gridpay(["close", "qinghe", "2026-08", "--by", "张三"]).status, 0)
    }

    func testRowsAreNeverUpdatedOrDeleted() throws {
        XCTAssertEqual(try close().status, 0)
        let db = try DatabaseQueue(path: ledgerFile)
        for sql in ["UPDATE settlement SET closed_by = 'x'", "DELETE FROM worker_result", "UPDATE archive_chunk SET data = X'00'"] {
            XCTAssertThrowsError(try db.write { try $0.execute(sql: sql) }, sql) { error in
                XCTAssertEqual((error as? DatabaseError)?.message, "the gridpay ledger is append-only: rows are never updated or deleted")
            }
        }
        try db.close()
    }

    func testADamagedArchiveObjectIsNamedByVerify() throws {
        XCTAssertEqual(try close().status, 0)
        let checks = "\(input)/qinghe/2026-07/phone_checks.csv"
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: checks)))
        let sha = try SHA256Digest.hex(bytes)
        // Damage it on purpose: drop the trigger that forbids it and change one byte.
        var damaged = bytes
        damaged[damaged.count - 2] = UInt8(ascii: "X")
        let db = try DatabaseQueue(path: ledgerFile)
        try db.write { db in
            try db.execute(sql: "DROP TRIGGER archive_chunk_no_update")
            try db.execute(sql: "UPDATE archive_chunk SET data = ? WHERE sha256 = ?", arguments: [Data(damaged), sha])
        }
        try db.close()
        let r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, [
            "error: the archived phone_checks.csv of 2026-07 in \(ledgerFile) is corrupted: recorded SHA-256 \(sha), its stored bytes hash to \(try SHA256Digest.hex(damaged))",
            "error: qinghe 2026-07 cannot be verified: its archive in \(ledgerFile) is damaged",
        ], r.transcript)
    }

    /// verify extracts the archive on two threads (the rule file, the largest object here, on one;
    /// the inputs on the other): every damaged object is named, in the order of the files.
    func testEveryDamagedArchiveObjectIsNamedInFileOrder() throws {
        XCTAssertEqual(try close().status, 0)
        let checks = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(input)/qinghe/2026-07/phone_checks.csv")))
        let db = try DatabaseQueue(path: ledgerFile)
        let (ruleFile, ruleSHA) = try db.read { db in
            (try String.fetchOne(db, sql: "SELECT rule_file FROM settlement")!, try String.fetchOne(db, sql: "SELECT rule_sha256 FROM settlement")!)
        }
        let rule = try db.read { db in [UInt8](try Data.fetchOne(db, sql: "SELECT data FROM archive_chunk WHERE sha256 = ?", arguments: [ruleSHA])!) }
        var damagedRule = rule, damagedChecks = checks
        damagedRule[0] = UInt8(ascii: "X")
        damagedChecks[damagedChecks.count - 2] = UInt8(ascii: "X")
        try db.write { db in
            try db.execute(sql: "DROP TRIGGER archive_chunk_no_update")
            try db.execute(sql: "UPDATE archive_chunk SET data = ? WHERE sha256 = ?", arguments: [Data(damagedRule), ruleSHA])
            try db.execute(sql: "UPDATE archive_chunk SET data = ? WHERE sha256 = ?", arguments: [Data(damagedChecks), try SHA256Digest.hex(checks)])
        }
        try db.close()
        let r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines, [
            "error: the archived \(ruleFile) of 2026-07 in \(ledgerFile) is corrupted: recorded SHA-256 \(ruleSHA), its stored bytes hash to \(try SHA256Digest.hex(damagedRule))",
            "error: the archived phone_checks.csv of 2026-07 in \(ledgerFile) is corrupted: recorded SHA-256 \(try SHA256Digest.hex(checks)), its stored bytes hash to \(try SHA256Digest.hex(damagedChecks))",
            "error: qinghe 2026-07 cannot be verified: its archive in \(ledgerFile) is damaged",
        ], r.transcript)
    }

    func testVerifyNamesTheOutputAndPerWorkerTheValuesThatDiffer() throws {
        XCTAssertEqual(try close().status, 0)
        // Make the record disagree with what the archive gives: W1 published 29 (34 − 5 for the
        // missed 镇 check) and 实发绩效 550.00 (580.00 − 30); the record now says 30 and 570.
        let db = try DatabaseQueue(path: ledgerFile)
        let recorded = try db.write { db -> String in
            try db.execute(sql: "DROP TRIGGER worker_result_no_update; DROP TRIGGER output_hash_no_update")
            try db.execute(sql: "UPDATE worker_result SET total = '30', payable = '570'")
            try db.execute(sql: "UPDATE output_hash SET sha256 = 'ffff' WHERE file = 'qinghe-2026-07-pay.csv'")
            return try String.fetchOne(db, sql: "SELECT sha256 FROM output_hash WHERE file = 'qinghe-2026-07.xlsx'")!
        }
        try db.close()
        let pay = try SHA256Digest.hex([UInt8](try Data(contentsOf: URL(fileURLWithPath: root.path("Output/qinghe/2026-07/qinghe-2026-07-pay.csv")))))
        let r = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertFalse(recorded.isEmpty)
        // The seal finds the change first (LedgerTamperTests), then the re-run names it.
        XCTAssertTrue(r.errorLines.first?.hasPrefix("error: 2026-07 (closed by 张三 at ") == true, r.transcript)
        XCTAssertEqual(r.errorLines.dropFirst(2).map { $0 }, [
            "error: qinghe-2026-07-pay.csv differs: SHA-256 ffff was recorded when 2026-07 was closed, the re-run from the archive gives \(pay) (\(HashText.firstDifference(pay, "ffff")))",
            "error: worker W1 (甲): 总分 published 30, re-run 29; 实发绩效 published 570, re-run 550",
            "error: qinghe 2026-07: not identical — qinghe-2026-07-pay.csv differ from what was recorded when it was closed",
        ], r.transcript)
        XCTAssertEqual(r.warningLines, ["warning: \(input)/qinghe/2026-07 still matches the archive (6 files)"])
    }
}
