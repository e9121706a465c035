import Foundation
import GRDB
import XCTest
@testable import GridpayConsole

/// The logins' bcrypt checks run on their own threads, at most as many at once as the pool has
/// (issue 23: a burst of logins held Swift's two cooperative threads); logins so queued keep
/// the behaviour of logins one at a time: five guesses, then 15 minutes of lock.
final class PasswordChecksTests: XCTestCase {
    /// How many bodies run at once, at most.
    final class Overlap: @unchecked Sendable {
        private let lock = NSLock()
        private var now = 0
        private var highest = 0
        func enter() { lock.withLock { now += 1; highest = max(highest, now) } }
        func leave() { lock.withLock { now -= 1 } }
        var most: Int { lock.withLock { highest } }
    }

    func testNoMoreChecksRunAtOnceThanThePoolHasThreads() async throws {
        for threads in [1, 2] {
            let checks = PasswordChecks(threads: threads)
            let overlap = Overlap()
            try await withThrowingTaskGroup(of: Int.self) { group in
                for k in 0..<8 {
                    group.addTask {
                        try await checks.run { () -> Int in
                            overlap.enter()
                            usleep(30_000)
                            overlap.leave()
                            return k
                        }
                    }
                }
                var seen: [Int] = []
                for try await k in group { seen.append(k) }
                XCTAssertEqual(seen.sorted(), Array(0..<8))
            }
            XCTAssertEqual(overlap.most, threads, "\(threads) thread(s)")
        }
    }

    func testABurstOfWrongPasswordsGetsFiveGuessesAsLoginsOneAtATimeDo() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gridpay-login-burst-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ConsoleStore(folder: folder.path)
        try store.add(name: "clerk", roles: [.preparer], towns: [], password: "0123456789", by: "x")
        let checks = PasswordChecks(threads: 2)
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        // Twelve at once: all read the name unlocked before the first check ends.
        let outcomes = try await withThrowingTaskGroup(of: LoginOutcome.self) { group in
            for k in 0..<12 { group.addTask { try await store.login(name: "clerk", password: "wrong-\(k)-password", now: t0, checks: checks) } }
            var all: [LoginOutcome] = []
            for try await o in group { all.append(o) }
            return all
        }
        XCTAssertEqual(outcomes.filter { $0 == .refused }.count, 5)
        XCTAssertEqual(outcomes.filter { $0 == .locked }.count, 7)
        // The right password is locked out for 15 minutes, then signs in.
        let right = try await store.login(name: "clerk", password: "0123456789", now: t0.addingTimeInterval(899), checks: checks)
        XCTAssertEqual(right, .locked)
        guard case .signedIn(let account, _) = try await store.login(name: "clerk", password: "0123456789", now: t0.addingTimeInterval(901), checks: checks) else {
            return XCTFail("not signed in after the lock")
        }
        XCTAssertEqual(account.name, "clerk")
        let actions = try await DatabaseQueue(path: store.path).read { db in
            try String.fetchAll(db, sql: "SELECT action FROM action_log WHERE account = 'clerk' ORDER BY id")
        }
        XCTAssertEqual(actions.filter { $0 == LogAction.loginFailed.rawValue }.count, 5)
        XCTAssertEqual(actions.filter { $0 == LogAction.loginLocked.rawValue }.count, 8)
        XCTAssertEqual(actions.last, LogAction.login.rawValue)
    }

    /// An unknown name answers as a wrong password does, checked against a decoy hash of the accounts' cost.
    func testAnUnknownNameIsRefusedAsAWrongPasswordIsAfterACheckOfTheSameCost() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gridpay-login-unknown-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ConsoleStore(folder: folder.path)
        try store.add(name: "clerk", roles: [.preparer], towns: [], password: "0123456789", by: "x")
        let checks = PasswordChecks(threads: 1)
        let unknown = try await store.login(name: "ghost", password: "0123456789", checks: checks)
        let wrong = try await store.login(name: "clerk", password: "9876543210", checks: checks)
        XCTAssertEqual(unknown, .refused)
        XCTAssertEqual(wrong, .refused)
        guard case .check(nil) = try store.beginLogin(name: "ghost", at: Date().timeIntervalSince1970) else { return XCTFail("ghost") }
        guard case .check(let stored?) = try store.beginLogin(name: "clerk", at: Date().timeIntervalSince1970) else { return XCTFail("clerk") }
        XCTAssertTrue(stored.hash.hasPrefix("$2b$11$") && ConsoleStore.decoyHash.hasPrefix("$2b$11$"), "the decoy has the accounts' cost")
    }
}
