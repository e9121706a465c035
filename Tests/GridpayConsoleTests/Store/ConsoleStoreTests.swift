import Foundation
import GRDB
import GridpayCore
import XCTest
@testable import GridpayConsole

/// The console's database in process: accounts, logins and lockout, sessions, the append-only log.
final class ConsoleStoreTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gridpay-console-store-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func store() throws -> ConsoleStore { try ConsoleStore(folder: folder.path) }

    func testAccountsAreAddedListedAndRefusedWhenInvalid() throws {
        let s = try store()
        XCTAssertFalse(try s.hasAccounts())
        try s.add(name: "张会计", roles: [.preparer], towns: ["qinghe", "qinghe"], password: "correct horse", by: "命令行")
        try s.add(name: "admin", roles: [.admin, .auditor], towns: [], password: "0123456789", by: "命令行")
        XCTAssertEqual(try s.accounts(), [
            Account(name: "admin", roles: [.admin, .auditor], towns: [], disabled: false),
            Account(name: "张会计", roles: [.preparer], towns: ["qinghe"], disabled: false),
        ])
        // In Chinese (the office's) and in English.
        try Language.with(.zh) {
            XCTAssertThrowsError(try s.add(name: "li", roles: [.checker], towns: [], password: "012345678", by: "x")) {
                XCTAssertEqual(($0 as? ConsoleFailure)?.message, "密码太短：至少 10 个字符")
            }
            XCTAssertThrowsError(try s.add(name: "张会计", roles: [.checker], towns: [], password: "0123456789", by: "x")) {
                XCTAssertEqual(($0 as? ConsoleFailure)?.message, "账号 张会计 已存在；要改密码请用 gridpay user password 张会计 --password-stdin")
            }
        }
        XCTAssertThrowsError(try s.add(name: "li", roles: [.checker], towns: [], password: "012345678", by: "x")) {
            XCTAssertEqual(($0 as? ConsoleFailure)?.message, "the password is too short: at least 10 characters")
        }
        XCTAssertThrowsError(try s.add(name: "张会计", roles: [.checker], towns: [], password: "0123456789", by: "x")) {
            XCTAssertEqual(($0 as? ConsoleFailure)?.message, "the account 张会计 exists; to change its password use gridpay user password 张会计 --password-stdin")
        }
        XCTAssertThrowsError(try s.add(name: "a b", roles: [.checker], towns: [], password: "0123456789", by: "x"))
        XCTAssertThrowsError(try s.add(name: "nobody", roles: [], towns: [], password: "0123456789", by: "x"))
        // Only a bcrypt hash is stored.
        let hash = try DatabaseQueue(path: s.path).read { try String.fetchOne($0, sql: "SELECT password_hash FROM account WHERE name = 'admin'") }
        XCTAssertTrue(hash?.hasPrefix("$2b$11$") ?? false, hash ?? "")
    }

    func testFiveFailedLoginsLockTheNameForFifteenMinutesAndUnknownNamesAnswerTheSame() throws {
        let s = try store()
        try s.add(name: "clerk", roles: [.preparer], towns: [], password: "0123456789", by: "x")
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        for i in 0..<4 { XCTAssertEqual(try s.login(name: "clerk", password: "wrong-\(i)", now: t0), .refused) }
        XCTAssertEqual(try s.login(name: "ghost", password: "whatever12", now: t0), .refused)
        XCTAssertEqual(try s.login(name: "clerk", password: "wrong-5", now: t0), .refused)
        // Locked now, even with the right password, until 15 minutes have passed.
        XCTAssertEqual(try s.login(name: "clerk", password: "0123456789", now: t0.addingTimeInterval(899)), .locked)
        guard case .signedIn(let a, let session) = try s.login(name: "clerk", password: "0123456789", now: t0.addingTimeInterval(901)) else {
            return XCTFail("not signed in after the lock")
        }
        XCTAssertEqual(a.name, "clerk")
        XCTAssertEqual(session.token.count, 64)
        // An unknown name is locked the same way (its failures are counted as any name's).
        for _ in 0..<5 { _ = try s.login(name: "ghost", password: "whatever12", now: t0) }
        XCTAssertEqual(try s.login(name: "ghost", password: "whatever12", now: t0), .locked)
    }

    func testASessionEndsAfterThirtyIdleMinutesAndWhenTheAccountIsDisabled() throws {
        let s = try store()
        try s.add(name: "clerk", roles: [.preparer], towns: [], password: "0123456789", by: "x")
        let t0 = Date()
        guard case .signedIn(_, let session) = try s.login(name: "clerk", password: "0123456789", now: t0) else { return XCTFail() }
        XCTAssertEqual(try s.session(token: session.token, now: t0.addingTimeInterval(29 * 60))?.1.csrf, session.csrf)
        // Used at 29 minutes: alive until 59.
        XCTAssertNotNil(try s.session(token: session.token, now: t0.addingTimeInterval(58 * 60)))
        XCTAssertNil(try s.session(token: session.token, now: t0.addingTimeInterval(89 * 60)))
        XCTAssertNil(try s.session(token: session.token, now: t0.addingTimeInterval(60)), "an expired session stays ended")
        guard case .signedIn(_, let second) = try s.login(name: "clerk", password: "0123456789", now: t0) else { return XCTFail() }
        try s.disable(name: "clerk", by: "admin")
        XCTAssertNil(try s.session(token: second.token, now: t0))
        XCTAssertEqual(try s.login(name: "clerk", password: "0123456789", now: t0), .refused)
    }

    func testTheActionLogCanNeitherBeChangedNorDeletedNorReplaced() throws {
        let s = try store()
        try s.add(name: "admin", roles: [.admin], towns: [], password: "0123456789", by: "命令行")
        try s.log(account: "clerk", town: "qinghe", period: "2026-10", action: .upload, detail: "roster.csv", sha256: "ab")
        let db = try DatabaseQueue(path: s.path)
        for sql in ["UPDATE action_log SET detail = 'x'", "DELETE FROM action_log",
                    "INSERT OR REPLACE INTO action_log (id, at, account, action) VALUES (1, 'now', 'x', 'x')",
                    "REPLACE INTO period_event (id, town, period, kind, account, at) SELECT id, town, period, kind, account, at FROM period_event"] {
            try db.write { db in
                try db.execute(sql: "INSERT INTO period_event (town, period, kind, account, at) VALUES ('qinghe', '2026-10', 'run', 'a', 'now')")
            }
            XCTAssertThrowsError(try db.write { try $0.execute(sql: sql) }, sql) {
                // The database was made in the tests' language, English.
                XCTAssertTrue("\($0)".contains("the action log only grows: its rows are never updated or deleted"), "\($0)")
            }
        }
        let rows = try s.logEntries(towns: nil, town: nil, from: nil, to: nil)
        // The log keeps what was done as a code, read in the reader's language.
        XCTAssertEqual(rows.map(\.action), ["upload", "account added"])
        XCTAssertEqual(try Language.with(.zh) { try s.logEntries(towns: nil, town: nil, from: nil, to: nil) }.map(\.action), ["上传", "添加账号"])
        XCTAssertEqual(try db.read { try String.fetchAll($0, sql: "SELECT action FROM action_log ORDER BY id") }, ["account-added", "upload"])
        XCTAssertEqual(rows[0].sha256, "ab")
        XCTAssertEqual(try s.logEntries(towns: ["jinshan"], town: nil, from: nil, to: nil), [])
    }
}
