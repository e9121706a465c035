import Foundation
import GRDB
import GridpayCore
import GridpayHash
import GridpayPipeline

/// A town's ledger, `<ledger dir>/<town>.sqlite`: closed periods, their archived rule files and
/// inputs (content-addressed by SHA-256), published results, revisions. Opening checks that the
/// file is a gridpay ledger and that it is this town's.
public final class Ledger: @unchecked Sendable {
    public let path: String
    public let town: String
    /// The caller's words for commands and options, for what its messages advise.
    public let words: CommandWords
    let db: DatabaseQueue

    public static func path(ledgerDir: String, town: String) -> String { "\(ledgerDir)/\(town).sqlite" }

    /// Removes a ledger that this process created and recorded nothing in (a refused first close):
    /// the database, SQLite's side files, the lock file and, if this process made it and it is now
    /// empty, the folder. Only these names; anything else in the folder stays.
    static func removeUnused(path: String, folder: String?) {
        for suffix in ["", "-journal", "-wal", "-shm", ".lock"] { unlink(path + suffix) }
        if let folder { rmdir(folder) }
    }

    /// Opens an existing ledger; nil when there is none (no period of the town was ever closed).
    public static func openIfPresent(ledgerDir: String, town: String, words: CommandWords) throws(PipelineFailure) -> Ledger? {
        // A town that is not a plain name has no ledger (close refuses it before making any file);
        // the command then says what is wrong with the name, as without a ledger.
        guard PlainName.problem(town) == nil else { return nil }
        let p = path(ledgerDir: ledgerDir, town: town)
        guard FileManager.default.fileExists(atPath: p) else { return nil }
        return try Ledger(path: p, town: town, words: words, create: false, readOnly: true)
    }

    /// `readOnly`: every command but close opens the ledger read-only: it is never written, not
    /// even migrated (an older schema is read as it is; close upgrades it).
    init(path: String, town: String, words: CommandWords, create: Bool, readOnly: Bool = false) throws(PipelineFailure) {
        self.path = path
        self.town = town
        self.words = words
        let exists = FileManager.default.fileExists(atPath: path)
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.label = "gridpay-ledger"
        config.readonly = readOnly
        do {
            db = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw PipelineFailure(message: Ledger.interruptedClose(error, path: path, town: town, words: words)
                ?? LedgerMessages.sqliteCannotOpen(path, Ledger.describe(error, words: words)))
        }
        do {
            let appID = try db.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0 }
            let tableCount = try db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0 }
            // Read first (a read-write open rolls back a hot journal), then write only in WAL mode.
            if !readOnly { try db.writeWithoutTransaction(Ledger.enterWAL) }
            if appID == 0 && tableCount == 0 && (!exists || create) {
                guard create else { throw PipelineFailure(message: LedgerMessages.emptyFile(path)) }
                try db.write { db in
                    try db.execute(sql: "PRAGMA application_id = \(LedgerSchema.applicationID)")
                }
                try LedgerSchema.migrator.migrate(db)
                try db.write { db in
                    try db.execute(sql: "INSERT INTO ledger_info (key, value) VALUES ('format', ?), ('town', ?), ('created_by', ?)",
                                   arguments: [LedgerSchema.format, town, "gridpay \(GridpayVersion.current)"])
                }
            } else if appID != LedgerSchema.applicationID {
                throw PipelineFailure(message: LedgerMessages.otherProgram(path, applicationID: appID, expected: LedgerSchema.applicationID))
            } else if !readOnly {
                try LedgerSchema.migrator.migrate(db)
            }
            let owner = try db.read { db in try String.fetchOne(db, sql: "SELECT value FROM ledger_info WHERE key = 'town'") }
            guard let owner else { throw PipelineFailure(message: LedgerMessages.namesNoTown(path)) }
            guard owner == town else {
                throw PipelineFailure(message: LedgerMessages.otherTown(path, owner: owner, town: town))
            }
        } catch let f as PipelineFailure {
            throw f
        } catch {
            throw PipelineFailure(message: Ledger.interruptedClose(error, path: path, town: town, words: words)
                ?? LedgerMessages.notALedger(path, reason: Ledger.describe(error, words: words)))
        }
    }

    /// An error of reading or writing the ledger as a person reads it: SQLite's own words, but
    /// the schema's refusals (its triggers' texts stay as recorded) and gridpay's own in the
    /// catalogue's; what they advise in `words`.
    static func describe(_ error: Error, words: CommandWords) -> String {
        if let e = error as? DatabaseError {
            if e.message == LedgerSchema.appendOnlyMessage { return LedgerMessages.appendOnly() }
            if e.message == LedgerSchema.noReplaceMessage { return LedgerMessages.neverReplaced() }
            return e.message ?? "\(e.resultCode)"
        }
        if let e = error as? UnreadablePublished { return LedgerSealMessages.unreadable(e, words: words) }
        if let e = error as? SealRefused { return LedgerSealMessages.sealRefused(e, words: words) }
        if let c = error as? ArchiveCorrupted { return LedgerMessages.objectCorrupted(c.sha256, actual: c.actual) }
        return "\(error)"
    }

    func describe(_ error: Error) -> String { Ledger.describe(error, words: words) }

    // MARK: reading

    /// Every settlement (closings and revisions), by period then revision.
    public func settlements() throws -> [Settlement] {
        try db.read { db in try Settlement.order(Column("period"), Column("revision")).fetchAll(db) }
    }

    /// The closing of `period` (revision 0), if it is closed.
    public func closing(of period: String) throws -> Settlement? {
        try db.read { db in try Settlement.filter(Column("period") == period && Column("revision") == 0).fetchOne(db) }
    }

    /// The last state of a closed period: its latest revision, else its closing.
    public func latestSettlement(of period: String) throws -> Settlement? {
        try db.read { db in try Settlement.filter(Column("period") == period).order(Column("revision").desc).fetchOne(db) }
    }

    public func closedPeriods() throws -> [String] {
        try db.read { db in try String.fetchAll(db, sql: "SELECT period FROM settlement WHERE revision = 0 ORDER BY period") }
    }

    func files(of settlementID: Int64, role: String) throws -> [ArchivedFile] {
        try db.read { db in
            try ArchivedFile.filter(Column("settlement_id") == settlementID && Column("role") == role).order(Column("period"), Column("file")).fetchAll(db)
        }
    }

    func outputs(of settlementID: Int64) throws -> [OutputHash] {
        try db.read { db in try OutputHash.filter(Column("settlement_id") == settlementID).order(Column("file")).fetchAll(db) }
    }

    func workers(of settlementID: Int64) throws -> [WorkerResult] {
        try db.read { db in try WorkerResult.filter(Column("settlement_id") == settlementID).order(Column("position")).fetchAll(db) }
    }

    /// Each worker's 往期调整 in a settlement, where it is not zero, by worker id; the rest of the
    /// line is not read (decoding 100,000 whole lines took about a second of every verify).
    func adjustments(of settlementID: Int64) throws -> [(workerID: String, adjustment: String)] {
        try db.read { db in
            var out: [(workerID: String, adjustment: String)] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT worker_id, adjustment FROM worker_result WHERE settlement_id = ?", arguments: [settlementID])
            while let row = try rows.next() {
                let text: String = row[1]
                if text != "0" { out.append((row[0], text)) }
            }
            return out
        }
    }

    func correctionLines(of settlementID: Int64) throws -> [CorrectionLine] {
        try db.read { db in try CorrectionLine.filter(Column("settlement_id") == settlementID).order(Column("seq")).fetchAll(db) }
    }

    /// The named true/false values of every worker of a closing (for consecutive()), `width`
    /// of them per worker.
    func namedValues(of settlementID: Int64, width: Int) throws -> PublishedValues {
        try db.read { db in
            var ids: [String] = []
            var cells: [UInt8] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT worker_id, named_values FROM worker_result WHERE settlement_id = ?", arguments: [settlementID])
            while let row = try rows.next() {
                ids.append(row[0])
                let text: String = row[1]
                cells += PublishedValues.cells(try LedgerText.publishedBools(text, column: "named_values", worker: row[0]), width: width)
            }
            return PublishedValues(ids: ids, cells: cells, width: width)
        }
    }

    // MARK: archive

    /// The bytes of an archived object, checked against its SHA-256 while they are read.
    /// `body` gets them in pieces of at most 1 MiB, valid only during the call (they are SQLite's
    /// own buffer, not a copy).
    func readObject(_ sha256: String, _ body: (Data) throws -> Void) throws {
        try db.read { db in
            let digest = try SHA256Digest()
            let chunks = try Row.fetchCursor(db, sql: "SELECT data FROM archive_chunk WHERE sha256 = ? ORDER BY seq", arguments: [sha256])
            var count = 0
            while let row = try chunks.next() {
                try row.withUnsafeData(atIndex: 0) { data in
                    let data = data ?? Data()
                    try data.withUnsafeBytes { try digest.update($0) }
                    try body(data)
                }
                count += 1
            }
            let expected = try Int.fetchOne(db, sql: "SELECT chunks FROM archive_object WHERE sha256 = ?", arguments: [sha256])
            let actual = try digest.finish()
            guard expected == count, actual == sha256 else {
                throw ArchiveCorrupted(sha256: sha256, actual: expected == nil ? nil : actual)
            }
        }
    }

    /// A close's transaction, in WAL mode: until it commits nothing of it reaches the database
    /// file (with a rollback journal a large transaction spills pages into the file, and a hot
    /// journal deleted after a crash leaves them there: a settlement without its workers). The
    /// close leaves WAL mode when it is done (`leaveWAL`), so that between closes the ledger is one file.
    /// `spillsEarly`: a tiny page cache, so that the transaction spills pages into the database
    /// before it commits (a test's interrupted close).
    func recordingTransaction(spillsEarly: Bool = false, _ body: (Database) throws -> Void) throws {
        try db.writeWithoutTransaction { db in
            try Ledger.enterWAL(db)
            if spillsEarly { try db.execute(sql: "PRAGMA cache_size = 2") }
            try db.inTransaction(.immediate) {
                try body(db)
                return .commit
            }
        }
    }

    func objectText(_ sha256: String) throws -> String {
        var data = Data()
        try readObject(sha256) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}

struct ArchiveCorrupted: Error {
    var sha256: String
    /// What its stored bytes hash to; nil: the object is missing.
    var actual: String?
}

/// A write transaction of the ledger: archives objects and inserts rows; nothing is visible
/// (or left behind) unless it commits.
struct LedgerWriter {
    let db: Database

    /// Archives a file by content: a file already in the archive (e.g. unchanged since an earlier
    /// period) is stored once. Returns its SHA-256 and size, hashed from the bytes stored.
    /// Archives a file by content, `sha256` and `bytes` as the run read it: content already in the
    /// archive (e.g. a file unchanged since an earlier period) is stored once and not read again;
    /// new content is streamed in 1 MiB pieces and hashed as it is stored, and must match.
    func archive(path: String, period: String, file: String, sha256 sha: String, bytes: Int) throws -> (sha256: String, bytes: Int) {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM archive_object WHERE sha256 = ?", arguments: [sha]) != true {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw PipelineFailure(message: LedgerMessages.notArchived(path)) }
            defer { try? handle.close() }
            let insert = try db.cachedStatement(sql: "INSERT INTO archive_chunk (sha256, seq, data) VALUES (?, ?, ?)")
            let check = try SHA256Digest()
            var seq = 0
            var stored = 0
            // The object row first (the chunks refer to it); its chunk count is checked on reading.
            let chunkCount = (bytes + Ledger.chunkSize - 1) / Ledger.chunkSize
            try db.execute(sql: "INSERT INTO archive_object (sha256, bytes, chunks) VALUES (?, ?, ?)", arguments: [sha, bytes, chunkCount])
            while let chunk = try handle.read(upToCount: Ledger.chunkSize), !chunk.isEmpty {
                try chunk.withUnsafeBytes { try check.update($0) }
                try insert.execute(arguments: [sha, seq, chunk])
                seq += 1
                stored += chunk.count
            }
            guard try check.finish() == sha, stored == bytes, seq == chunkCount else {
                throw PipelineFailure(message: LedgerMessages.changedWhileArchived(path))
            }
        }
        return (sha, bytes)
    }

    func archive(text: String) throws -> (sha256: String, bytes: Int) {
        let data = Data(text.utf8)
        let sha = try SHA256Digest.hex([UInt8](data))
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM archive_object WHERE sha256 = ?", arguments: [sha]) != true {
            try db.execute(sql: "INSERT INTO archive_object (sha256, bytes, chunks) VALUES (?, ?, ?)", arguments: [sha, data.count, data.isEmpty ? 0 : 1])
            if !data.isEmpty { try db.execute(sql: "INSERT INTO archive_chunk (sha256, seq, data) VALUES (?, 0, ?)", arguments: [sha, data]) }
        }
        return (sha, data.count)
    }

    /// Inserts the workers' lines through one prepared statement (a province has 200,000).
    func insert(month: PreparedMonth, settlementID: Int64) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO worker_result (settlement_id, worker_id, position, name, unit, grp, rank, items, item_yuan, total,
              duty_met, flags, named_values, base, score_pay, deductions, adjustment, payable, shortfall)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try Corrections.forEachWorkerResult(month, settlementID: settlementID) { w in
            let args: [(any DatabaseValueConvertible)?] = [
                w.settlementId, w.workerId, w.position, w.name, w.unit, w.grp, w.rank,
                LedgerText.json(w.items), LedgerText.json(w.itemYuan), w.total, w.dutyMet,
                LedgerText.json(w.flags.map { $0 ? "true" : "false" }, quoted: false),
                LedgerText.json(w.namedValues.map { $0.map { $0 ? "true" : "false" } ?? "null" }, quoted: false),
                w.base, w.scorePay, w.deductions, w.adjustment, w.payable, w.shortfall,
            ]
            try statement.execute(arguments: StatementArguments(args))
        }
    }
}

extension Ledger {
    static let chunkSize = 1 << 20
}

/// Exact numbers and lists as the ledger stores them: decimal text (a fraction `n/d` only where
/// the decimal does not terminate), JSON arrays.
enum LedgerText {
    static func number(_ n: ExactNumber) -> String {
        let d = n.description
        return d.hasPrefix("≈") ? "\(n.numerator)/\(n.denominator)" : d
    }

    static func number(_ text: String) -> ExactNumber? {
        if let slash = text.firstIndex(of: "/") {
            guard let n = Int128(text[..<slash]), let d = Int128(text[text.index(after: slash)...]) else { return nil }
            return try? ExactNumber(numerator: n, denominator: d)
        }
        return ExactNumber(decimalText: text)
    }

    /// A number as published in the ledger: one that does not parse is an error, never 0.
    static func published(_ text: String, column: String, worker: String? = nil, period: String? = nil) throws -> ExactNumber {
        guard let n = number(text) else { throw UnreadablePublished(column: column, worker: worker, period: period, text: text) }
        return n
    }

    /// A true/false list as published (`[true,false,null]`); anything else is an error.
    static func publishedBools(_ text: String, column: String, worker: String?) throws -> [Bool?] {
        let bad = UnreadablePublished(column: column, worker: worker, period: nil, text: text, kind: .bools)
        guard text.hasPrefix("["), text.hasSuffix("]") else { throw bad }
        return try text.dropFirst().dropLast().split(separator: ",").map {
            switch $0 {
            case "true": return true
            case "false": return false
            case "null": return nil
            default: throw bad
            }
        }
    }

    static func json(_ items: [String], quoted: Bool = true) -> String {
        guard quoted else { return "[" + items.joined(separator: ",") + "]" }
        var s = "["
        for (k, t) in items.enumerated() {
            if k > 0 { s += "," }
            s += "\""
            for u in t.unicodeScalars {
                switch u {
                case "\"": s += "\\\""
                case "\\": s += "\\\\"
                default:
                    if u.value < 0x20 { s += String(format: "\\u%04x", u.value) } else { s.unicodeScalars.append(u) }
                }
            }
            s += "\""
        }
        return s + "]"
    }

    static func bools(_ text: String) -> [Bool?] {
        text.dropFirst().dropLast().split(separator: ",").map { $0 == "true" ? true : ($0 == "false" ? false : nil) }
    }
}
