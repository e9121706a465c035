import Foundation
import GRDB

/// One row of the action log (SPEC §14): when (local time with zone), who, town, period, what.
public struct LogEntry: Sendable, Codable, Equatable {
    public var id: Int64
    public var at: String
    public var account: String
    public var town: String
    public var period: String
    public var action: String
    public var detail: String
    public var sha256: String
}

/// What a log row records. The database keeps the code, so that the log reads in the reader's
/// language whatever the server's was when the row was written; a row's detail stays as written.
public enum LogAction: String, Sendable, CaseIterable {
    case login, loginFailed = "login-failed", loginLocked = "login-locked", logout
    case accountAdded = "account-added", accountDisabled = "account-disabled", passwordSet = "password-set"
    case upload, run, accept, submit, `return`, approve, close, closeFailed = "close-failed", verify, rate
    case draftSaved = "draft-saved", draftCompared = "draft-compared", ruleAdopted = "rule-adopted"

    public var text: String {
        let m = ConsoleMessages.self
        switch self {
        case .login: return m.actionLogin
        case .loginFailed: return m.actionLoginFailed
        case .loginLocked: return m.actionLoginLocked
        case .logout: return m.actionLogout
        case .accountAdded: return m.actionAccountAdded
        case .accountDisabled: return m.actionAccountDisabled
        case .passwordSet: return m.actionPasswordSet
        case .upload: return m.actionUpload
        case .run: return m.actionRun
        case .accept: return m.actionAccept
        case .submit: return m.actionSubmit
        case .return: return m.actionReturn
        case .approve: return m.actionApprove
        case .close: return m.actionClose
        case .closeFailed: return m.actionCloseFailed
        case .verify: return m.actionVerify
        case .rate: return m.actionRate
        case .draftSaved: return m.actionDraftSaved
        case .draftCompared: return m.actionCompared
        case .ruleAdopted: return m.actionAdopted
        }
    }

    /// A stored action in the reader's words (a text that is no code is shown as stored).
    static func shown(_ stored: String) -> String { LogAction(rawValue: stored)?.text ?? stored }
}

extension ConsoleStore {
    static func log(_ db: Database, account: String, town: String = "", period: String = "", action: LogAction,
                    detail: String = "", sha256: String = "") throws {
        try db.execute(sql: "INSERT INTO action_log (at, account, town, period, action, detail, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [timestamp(), account, town, period, action.rawValue, detail, sha256])
    }

    public func log(account: String, town: String = "", period: String = "", action: LogAction, detail: String = "", sha256: String = "") throws(ConsoleFailure) {
        try write { db in try Self.log(db, account: account, town: town, period: period, action: action, detail: detail, sha256: sha256) }
    }

    /// Rows newest first; `towns` nil for every town (an administrator), else only rows of those
    /// towns (account rows without a town are an administrator's). `from`/`to` compare the
    /// timestamp's text, so a date (2026-10-01) or a full time works.
    public func logEntries(towns: [String]?, town: String?, from: String?, to: String?, limit: Int = 5000) throws(ConsoleFailure) -> [LogEntry] {
        var sql = "SELECT * FROM action_log WHERE 1"
        var args: [any DatabaseValueConvertible] = []
        if let towns {
            sql += " AND town IN (\(towns.map { _ in "?" }.joined(separator: ",")))"
            args += towns
        }
        if let town { sql += " AND town = ?"; args.append(town) }
        if let from { sql += " AND at >= ?"; args.append(from) }
        if let to { sql += " AND substr(at, 1, \(to.count)) <= ?"; args.append(to) }
        sql += " ORDER BY id DESC LIMIT \(limit)"
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map {
                LogEntry(id: $0["id"], at: ConsoleTime.shown(stored: $0["at"]), account: $0["account"], town: $0["town"], period: $0["period"],
                         action: LogAction.shown($0["action"]), detail: $0["detail"], sha256: $0["sha256"])
            }
        }
    }
}
