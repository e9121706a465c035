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

extension ConsoleStore {
    static func log(_ db: Database, account: String, town: String = "", period: String = "", action: String,
                    detail: String = "", sha256: String = "") throws {
        try db.execute(sql: "INSERT INTO action_log (at, account, town, period, action, detail, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [timestamp(), account, town, period, action, detail, sha256])
    }

    public func log(account: String, town: String = "", period: String = "", action: String, detail: String = "", sha256: String = "") throws(ConsoleFailure) {
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
                LogEntry(id: $0["id"], at: $0["at"], account: $0["account"], town: $0["town"], period: $0["period"],
                         action: $0["action"], detail: $0["detail"], sha256: $0["sha256"])
            }
        }
    }
}
