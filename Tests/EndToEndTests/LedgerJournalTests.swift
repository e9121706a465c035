import Foundation
import GRDB
import XCTest

/// qa H1 (SPEC §9): a close never leaves SQLite's rollback journal behind; a ledger that has one
/// (from a gridpay before this, killed while switching journals) is said plainly by the read-only
/// commands, and the next close rolls it back. qa H7: a mistyped chain head is not a changed ledger.
final class LedgerJournalTests: XCTestCase {
    var root: BinaryRunner.TempFolder!
    var input: String { root.path("Input") }
    var ledger: String { root.path("Ledger") }
    var ledgerFile: String { "\(ledger)/qinghe.sqlite" }

    override func setUpWithError() throws {
        root = try BinaryRunner.TempFolder(prefix: "gridpay-ledger-journal")
        try TinyQingheMonth.write(inputDir: input, month: "2026-07", workers: TinyQingheMonth.oneWorker, checks: ["PC1,2026-07-10 09:00,W1,镇,否"])
    }

    func gridpay(_ args: [String], environment: [String: String] = [:]) throws -> BinaryRunner.Output {
        var a = args + ["--input-dir", input, "--ledger-dir", ledger]
        if ["run", "close", "status"].contains(args[0]) { a += ["--rules-dir", BinaryRunner.rulesDir, "--output-dir", root.path("Output")] }
        return try BinaryRunner.run(a, environment: environment)
    }

    /// Leaves the ledger as a process killed inside a rollback-journal transaction leaves it: the
    /// database with pages of the unfinished transaction spilled into it and the hot journal that
    /// holds the pages as they were. Made by copying both while a transaction on a copy is open.
    func makeHotJournal() throws {
        let work = root.path("work.sqlite")
        try FileManager.default.copyItem(atPath: ledgerFile, toPath: work)
        let db = try DatabaseQueue(path: work)
        try db.writeWithoutTransaction { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "delete", "between closes the ledger is one file")
            try db.execute(sql: "PRAGMA cache_size = 2")
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "CREATE TABLE spill (x TEXT)")
            for _ in 0..<500 { try db.execute(sql: "INSERT INTO spill VALUES (?)", arguments: [String(repeating: "x", count: 400)]) }
            XCTAssertTrue(FileManager.default.fileExists(atPath: work + "-journal"))
            try FileManager.default.removeItem(atPath: ledgerFile)
            try FileManager.default.copyItem(atPath: work, toPath: ledgerFile)
            try FileManager.default.copyItem(atPath: work + "-journal", toPath: ledgerFile + "-journal")
            try db.execute(sql: "ROLLBACK")
        }
        try db.close()
    }

    func testAHotJournalIsSaidPlainlyAndTheNextCloseRollsItBack() throws {
        XCTAssertEqual(try gridpay(["close", "qinghe", "2026-07", "--by", "张三"]).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ledger).sorted(), ["qinghe.sqlite", "qinghe.sqlite.lock"], "no journal, no WAL left")
        try makeHotJournal()
        let said = "\(ledgerFile) cannot be read yet: a close was interrupted while it was writing the ledger and left SQLite's rollback journal "
            + "\(ledgerFile)-journal, which a read-only command cannot roll back. The ledger holds whole closings only: the interrupted one was recorded "
            + "entirely or not at all. Close again (gridpay close qinghe <period> --by <name>, e.g. the period that was interrupted): it rolls the journal "
            + "back first, then closes the period or says it is already closed, and every other command works again. Do not delete or move the journal: "
            + "the ledger needs it to roll back"
        for args in [["status", "qinghe"], ["verify", "qinghe", "2026-07"], ["run", "qinghe", "2026-07"], ["explain", "qinghe", "2026-07", "W1"]] {
            let r = try gridpay(args)
            XCTAssertEqual(r.status, 1, r.transcript)
            XCTAssertEqual(r.errorLines, ["error: " + said], r.transcript)
        }
        let zh = try gridpay(["status", "qinghe"], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(zh.status, 1, zh.transcript)
        XCTAssertEqual(zh.stderrLines.first, "错误：\(ledgerFile) 暂时无法读取：上一次结账在写入台账时被中断，留下了 SQLite 的回滚日志 \(ledgerFile)-journal，只读的命令不能回滚它。"
            + "台账中只有完整的结账，被中断的那次要么已全部记录，要么完全没有记录。请再结账一次（gridpay close qinghe <期间> --by <姓名>，例如被中断的那一期）："
            + "它先回滚日志，再结账或说明该期间已结账，之后其他命令照常可用。不要删除或移走这个日志文件：台账要靠它回滚", zh.transcript)

        // Closing again rolls the journal back (2026-07 is closed already: refused, nothing recorded).
        let again = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(again.status, 1, again.transcript)
        XCTAssertTrue(again.errorLines.first?.hasPrefix("error: qinghe 2026-07 is already closed: closed by 张三 at ") == true, again.transcript)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: ledger).sorted(), ["qinghe.sqlite", "qinghe.sqlite.lock"])
        let status = try gridpay(["status", "qinghe"])
        XCTAssertEqual(status.status, 0, status.transcript)
        let verify = try gridpay(["verify", "qinghe", "2026-07"])
        XCTAssertEqual(verify.status, 0, verify.transcript)
        let tables = try DatabaseQueue(path: ledgerFile, configuration: { var c = Configuration(); c.readonly = true; return c }())
        XCTAssertNil(try tables.read { try String.fetchOne($0, sql: "SELECT name FROM sqlite_master WHERE name = 'spill'") }, "the unfinished transaction is undone")
        try tables.close()
    }

    /// qa H7: a chain head that is not 64 hexadecimal digits is refused as mistyped; the ledger is
    /// not judged (before, `abc` was "not proved … restore it from a backup").
    func testAMalformedChainHeadIsRefusedWithoutJudgingTheLedger() throws {
        let closed = try gridpay(["close", "qinghe", "2026-07", "--by", "张三"])
        XCTAssertEqual(closed.status, 0, closed.transcript)
        var r = try gridpay(["verify", "qinghe", "--chain", "abc"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.stderrLines, ["error: a chain head is 64 hexadecimal digits (0–9, a–f), but 'abc' was given (3 characters): "
            + "copy the head whole as gridpay close or gridpay status printed it; the ledger was not checked"], r.transcript)
        r = try gridpay(["verify", "qinghe", "2026-07", "--chain", String(repeating: "ｆ", count: 64)], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.stderrLines, ["错误：链头应为 64 位十六进制数字（0–9、a–f），给出的是“\(String(repeating: "ｆ", count: 64))”（64 个字符）："
            + "请照 gridpay close 或 gridpay status 打印的链头完整抄写；未核对台账"], r.transcript)
        // The head close printed, in capitals too, is proved; in Chinese with no English in it.
        let head = try XCTUnwrap(closed.stdoutLines.last.flatMap { BinaryRunner.firstMatch("chain head ([0-9a-f]{64})", in: $0) })
        r = try gridpay(["verify", "qinghe", "--chain", head.uppercased()], environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdoutLines.contains { $0.hasPrefix("链头 \(head.uppercased())：已证明") }, r.transcript)
        XCTAssertFalse(r.stdout.contains("chain head"), r.transcript)
    }
}
