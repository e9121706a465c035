import Foundation
import GRDB
import GridpayHash
import HummingbirdBcrypt

/// What a login attempt came to. An unknown name, a disabled account and a wrong password are one
/// answer (`.refused`), so that a failed login names nothing.
public enum LoginOutcome: Sendable, Equatable {
    case signedIn(Account, Session)
    case refused
    case locked
}

/// A signed-in session: the cookie's token (only its SHA-256 is stored) and its CSRF token.
public struct Session: Sendable, Equatable {
    public var token: String
    public var csrf: String
    public var account: String
}

extension ConsoleStore {
    public static let failuresBeforeLock = 5
    public static let lockSeconds: Double = 15 * 60
    public static let idleSeconds: Double = 30 * 60
    /// How often a session's last use is written (a session ends 30 to 31 idle minutes after it was last used).
    static let touchSeconds: Double = 60
    /// A hash to check a password against when the name is unknown: the same work as a real check.
    static let decoyHash = Bcrypt.hash("gridpay-decoy-password", cost: bcryptCost)

    /// A login with its bcrypt check on this thread (the store's own tests; the server uses the
    /// asynchronous form below).
    public func login(name: String, password: String, now: Date = Date()) throws(ConsoleFailure) -> LoginOutcome {
        let t = now.timeIntervalSince1970
        guard case .check(let stored) = try beginLogin(name: name, at: t) else { return .locked }
        let passwordOK = Self.passwordMatches(password, hash: stored?.hash)
        return try finishLogin(name: name, stored: stored, passwordOK: passwordOK, at: t)
    }

    /// A login whose bcrypt check runs on `checks`' threads, off Swift's cooperative pool: the
    /// same reads, the same one check for an unknown name as for a wrong password, the same writes.
    public func login(name: String, password: String, now: Date = Date(), checks: PasswordChecks) async throws -> LoginOutcome {
        let t = now.timeIntervalSince1970
        guard case .check(let stored) = try beginLogin(name: name, at: t) else { return .locked }
        let hash = stored?.hash
        let passwordOK = try await checks.run { ConsoleStore.passwordMatches(password, hash: hash) }
        return try finishLogin(name: name, stored: stored, passwordOK: passwordOK, at: t)
    }

    /// An account as a login reads it: what it may do, and the hash to check the password against.
    struct StoredLogin: Sendable {
        var account: Account
        var hash: String
    }

    enum LoginStep {
        case locked
        /// Check the password against the account's hash (nil: no such name, the decoy's).
        case check(StoredLogin?)
    }

    /// Before the password is checked: a locked name is refused at once (and logged), else its account is read.
    func beginLogin(name: String, at t: Double) throws(ConsoleFailure) -> LoginStep {
        if try read({ db in try Self.lockedUntil(db, name: name) > t }) {
            try write { db in try ConsoleStore.log(db, account: name, action: .loginLocked) }
            return .locked
        }
        let stored = try read { db in
            try Row.fetchOne(db, sql: "SELECT name, roles, towns, disabled, password_hash FROM account WHERE name = ?", arguments: [name])
                .map { StoredLogin(account: Self.account($0), hash: $0["password_hash"]) }
        }
        return .check(stored)
    }

    /// After the check, in one transaction: the lock is read again, since other logins of the name
    /// may have failed while this one waited for its check (a burst of guesses gets the five that
    /// logins one at a time get); then the session, or the failure counted.
    func finishLogin(name: String, stored: StoredLogin?, passwordOK: Bool, at t: Double) throws(ConsoleFailure) -> LoginOutcome {
        try write { db in
            if try Self.lockedUntil(db, name: name) > t {
                try ConsoleStore.log(db, account: name, action: .loginLocked)
                return .locked
            }
            guard let stored, passwordOK, !stored.account.disabled else {
                try Self.recordFailure(db, name: name, at: t)
                return .refused
            }
            let session = Session(token: Self.randomToken(), csrf: Self.randomToken(), account: name)
            try db.execute(sql: "DELETE FROM login_failure WHERE name = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM session WHERE last_seen < ?", arguments: [t - Self.idleSeconds])
            try db.execute(sql: "INSERT INTO session (token_hash, account, csrf, last_seen) VALUES (?, ?, ?, ?)",
                           arguments: [Self.tokenHash(session.token), name, session.csrf, t])
            try ConsoleStore.log(db, account: name, action: .login)
            return .signedIn(stored.account, session)
        }
    }

    /// One bcrypt check: against the account's hash, or against the decoy for an unknown name.
    static func passwordMatches(_ password: String, hash: String?) -> Bool {
        Bcrypt.verify(password, hash: hash ?? decoyHash)
    }

    static func lockedUntil(_ db: Database, name: String) throws -> Double {
        try Double.fetchOne(db, sql: "SELECT locked_until FROM login_failure WHERE name = ?", arguments: [name]) ?? 0
    }

    /// The fifth failure in a row locks the name (known or not) for 15 minutes.
    static func recordFailure(_ db: Database, name: String, at t: Double) throws {
        let count = (try Int.fetchOne(db, sql: "SELECT count FROM login_failure WHERE name = ?", arguments: [name]) ?? 0) + 1
        let lockedUntil = count >= failuresBeforeLock ? t + lockSeconds : 0
        try db.execute(sql: "INSERT OR REPLACE INTO login_failure (name, count, locked_until) VALUES (?, ?, ?)",
                       arguments: [name, count >= failuresBeforeLock ? 0 : count, lockedUntil])
        try ConsoleStore.log(db, account: name, action: .loginFailed, detail: lockedUntil > 0 ? ConsoleMessages.lockedDetail : "")
    }

    /// The session of a cookie token, if it exists, its account is enabled and it was used in the
    /// last 30 minutes; using it keeps it alive.
    public func session(token: String, now: Date = Date()) throws(ConsoleFailure) -> (Account, Session)? {
        let t = now.timeIntervalSince1970
        let hash = Self.tokenHash(token)
        // Read first: most requests only read. A write (and its fsync) happens when the session
        // has ended, or at most once a minute to keep it alive.
        let found = try read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.csrf, s.last_seen, a.name, a.roles, a.towns, a.disabled FROM session s
                JOIN account a ON a.name = s.account WHERE s.token_hash = ?
                """, arguments: [hash])
        }
        guard let row = found else { return nil }
        let lastSeen: Double = row["last_seen"]
        guard lastSeen >= t - Self.idleSeconds, (row["disabled"] as Int) == 0 else {
            try write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [hash]) }
            return nil
        }
        if t - lastSeen >= Self.touchSeconds {
            try write { db in try db.execute(sql: "UPDATE session SET last_seen = ? WHERE token_hash = ?", arguments: [t, hash]) }
        }
        let account = Self.account(row)
        return (account, Session(token: token, csrf: row["csrf"], account: account.name))
    }

    public func logout(token: String) throws(ConsoleFailure) {
        try write { db in
            if let name = try String.fetchOne(db, sql: "SELECT account FROM session WHERE token_hash = ?", arguments: [Self.tokenHash(token)]) {
                try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [Self.tokenHash(token)])
                try ConsoleStore.log(db, account: name, action: .logout)
            }
        }
    }

    static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    static func tokenHash(_ token: String) -> String {
        (try? SHA256Digest.hex(Array(token.utf8))) ?? token
    }
}
