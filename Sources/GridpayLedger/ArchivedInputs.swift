import Foundation
import GRDB

/// The input files a period's closing archived, read back in pieces (the console's auditors
/// download them, SPEC §14), checked against their SHA-256.
extension Ledger {
    /// The inputs archived with the closing (revision 0) of `period`; empty when it is not closed.
    public func archivedInputs(ofClosing period: String) throws -> [ArchivedFile] {
        guard let id = try closing(of: period)?.id else { return [] }
        return try files(of: id, role: "input")
    }

    /// Checks an archived file against its SHA-256, reading it in pieces and keeping none.
    public func checkArchived(_ file: ArchivedFile) throws {
        try readObject(file.sha256) { _ in }
    }

    /// Piece `index` (from 0, at most 1 MiB) of an archived file; nil past its last. Each piece is
    /// its own short read, so a slow download never holds the ledger against a close; the caller
    /// hashes the pieces against `file.sha256`.
    public func archivedPiece(_ file: ArchivedFile, index: Int) throws -> Data? {
        try db.read { db in
            try Data.fetchOne(db, sql: "SELECT data FROM archive_chunk WHERE sha256 = ? AND seq = ?", arguments: [file.sha256, index])
        }
    }
}
