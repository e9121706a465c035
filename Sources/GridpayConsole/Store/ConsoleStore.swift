import Foundation
import GRDB

/// The console's own state (SPEC §14): accounts, sessions, failed logins, the action log and the
/// periods' review steps, in one SQLite database `<console-dir>/console.sqlite`. The action log,
/// the review steps and the uploads are append-only: triggers refuse UPDATE, DELETE and an
/// INSERT that would REPLACE a row, so what happened can only be added to.
public final class ConsoleStore: @unchecked Sendable {
    public static let fileName = "console.sqlite"
    public let path: String
    let db: DatabasePool

    /// Opens (and creates, with its folder) the console's database in `folder`.
    public init(folder: String) throws(ConsoleFailure) {
        path = "\(folder)/\(ConsoleStore.fileName)"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.label = "gridpay-console"
            db = try DatabasePool(path: path, configuration: config)
            try ConsoleStore.migrator.migrate(db)
        } catch {
            throw ConsoleFailure(ConsoleMessages.cannotOpenStore(folder: folder, reason: "\(error)"))
        }
    }

    /// Tables whose rows are never updated or deleted.
    static let appendOnly = ["action_log", "period_event", "upload"]

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE account (
                  name TEXT PRIMARY KEY NOT NULL, password_hash TEXT NOT NULL, roles TEXT NOT NULL,
                  towns TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
                CREATE TABLE login_failure (
                  name TEXT PRIMARY KEY NOT NULL, count INTEGER NOT NULL, locked_until REAL NOT NULL DEFAULT 0);
                CREATE TABLE session (
                  token_hash TEXT PRIMARY KEY NOT NULL, account TEXT NOT NULL, csrf TEXT NOT NULL,
                  last_seen REAL NOT NULL);
                CREATE TABLE action_log (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, account TEXT NOT NULL,
                  town TEXT NOT NULL DEFAULT '', period TEXT NOT NULL DEFAULT '', action TEXT NOT NULL,
                  detail TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL DEFAULT '');
                CREATE TABLE period_event (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, town TEXT NOT NULL, period TEXT NOT NULL,
                  kind TEXT NOT NULL, account TEXT NOT NULL, at TEXT NOT NULL,
                  reason TEXT NOT NULL DEFAULT '', result TEXT NOT NULL DEFAULT '', accepted TEXT NOT NULL DEFAULT '');
                CREATE INDEX period_event_by_period ON period_event (town, period, id);
                CREATE TABLE upload (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, town TEXT NOT NULL, period TEXT NOT NULL,
                  file TEXT NOT NULL, bytes INTEGER NOT NULL, sha256 TEXT NOT NULL,
                  account TEXT NOT NULL, at TEXT NOT NULL, replaced_as TEXT NOT NULL DEFAULT '');
                CREATE INDEX upload_by_file ON upload (town, period, file, id);
                """)
            for t in appendOnly {
                let refuse = "SELECT RAISE(ABORT, '\(ConsoleMessages.appendOnly)')"
                try db.execute(sql: """
                    CREATE TRIGGER \(t)_no_update BEFORE UPDATE ON \(t) BEGIN \(refuse); END;
                    CREATE TRIGGER \(t)_no_delete BEFORE DELETE ON \(t) BEGIN \(refuse); END;
                    CREATE TRIGGER \(t)_no_replace BEFORE INSERT ON \(t)
                      WHEN EXISTS (SELECT 1 FROM \(t) WHERE id = NEW.id) BEGIN \(refuse); END;
                    """)
            }
        }
        registerRuleDrafts(&m)
        return m
    }

    /// Now as the console writes it: local time with its zone (e.g. 2026-10-05 09:30:00 +08:00).
    static func timestamp(_ date: Date = Date()) -> String { ConsoleTime.local(date) }
}

/// A console failure: a message in Chinese for whoever runs the console.
public struct ConsoleFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
