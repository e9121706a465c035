import Foundation
import GRDB
import GridpayCore

/// How `close` switches the ledger's journal (qa H1). SQLite marks a database as in WAL mode or not
/// in its first page, and it writes that page when the mode changes between WAL and a rollback
/// journal: from DELETE through a rollback journal file, which a close killed at that moment left
/// behind hot, and then no read-only command could open the ledger until another close rolled it
/// back. Through MEMORY (a rollback mode whose journal is in memory; the switch between MEMORY and
/// DELETE writes nothing) that page is written with no journal file: a kill leaves the page as it
/// was or as it became (one write), never a journal.
extension Ledger {
    /// Into WAL mode, before a close writes anything (a no-op when it is in WAL mode already).
    static func enterWAL(_ db: Database) throws {
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal" else { return }
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = MEMORY")
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
    }

    /// Back to a single file when the close is done: the WAL checkpointed into the database and
    /// removed. If another process is reading just then, the ledger stays in WAL mode, which
    /// every command reads as well (the next close tries again).
    func leaveWAL() {
        try? db.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = MEMORY")
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        }
    }

    /// A read-only open that meets a hot rollback journal (left by a close of an earlier gridpay
    /// killed while it switched journals) cannot roll it back: said as what it is, and what to do.
    static func interruptedClose(_ error: Error, path: String, town: String, words: CommandWords) -> String? {
        guard let e = error as? DatabaseError, e.extendedResultCode == .SQLITE_READONLY_ROLLBACK
            || (e.resultCode == .SQLITE_READONLY && FileManager.default.fileExists(atPath: path + "-journal")) else { return nil }
        return ClosedPeriodMessages.interruptedClose(path, town: town, words: words)
    }
}
