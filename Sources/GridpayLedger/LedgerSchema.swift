import Foundation
import GRDB
import GridpayCore

/// The ledger's schema (documented in the README): one SQLite database per town. Every table is
/// append-only — triggers refuse UPDATE and DELETE — so a change is always a new row.
enum LedgerSchema {
    /// `PRAGMA application_id` of a gridpay ledger ("GPLG"): tells it from any other SQLite file.
    static let applicationID: Int32 = 0x4750_4C47
    static let format = "gridpay-ledger-1"
    static let appendOnlyMessage = "the gridpay ledger is append-only: rows are never updated or deleted"
    static let tables = ["ledger_info", "archive_object", "archive_chunk", "settlement", "archived_file",
                         "output_hash", "worker_result", "correction_line"]

    /// The schema's versions, each a named step: a ledger is brought up to the last one by
    /// `close` (read-only commands read an older one as it is).
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1", migrate: createTables)
        m.registerMigration("v2", migrate: createInputSeen)
        m.registerMigration("v3", migrate: refuseReplacingAndSeal)
        return m
    }

    /// v1: the tables, each append-only (triggers refuse UPDATE and DELETE).
    static func createTables(_ db: Database) throws {
        try db.execute(sql: tablesV1)
        for t in tables {
            try db.execute(sql: """
                CREATE TRIGGER \(t)_no_update BEFORE UPDATE ON \(t) BEGIN SELECT RAISE(ABORT, '\(appendOnlyMessage)'); END;
                CREATE TRIGGER \(t)_no_delete BEFORE DELETE ON \(t) BEGIN SELECT RAISE(ABORT, '\(appendOnlyMessage)'); END;
                """)
        }
    }

    /// v2: when an archived input was last seen unchanged (size, modification time), so that
    /// runs need not hash a closed period's inputs again to find corrections.
    static func createInputSeen(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE input_seen (
                period TEXT NOT NULL,
                file TEXT NOT NULL,
                bytes INTEGER NOT NULL,
                mtime_ns INTEGER NOT NULL,
                sha256 TEXT NOT NULL REFERENCES archive_object(sha256),
                PRIMARY KEY (period, file, bytes, mtime_ns, sha256)) WITHOUT ROWID;
            CREATE TRIGGER input_seen_no_update BEFORE UPDATE ON input_seen BEGIN SELECT RAISE(ABORT, '\(appendOnlyMessage)'); END;
            CREATE TRIGGER input_seen_no_delete BEFORE DELETE ON input_seen BEGIN SELECT RAISE(ABORT, '\(appendOnlyMessage)'); END;
            """)
    }

    /// v3 (issue 19): INSERT OR REPLACE deletes the old row without firing a DELETE trigger, so
    /// an insert whose key is already recorded is refused before it happens; and each
    /// settlement's seal: a digest of its rows and a hash chain across settlements.
    static func refuseReplacingAndSeal(_ db: Database) throws {
        for (table, keys) in uniqueKeys {
            let match = keys.map { key in key.map { "\($0) = NEW.\($0)" }.joined(separator: " AND ") }
                .map { "EXISTS (SELECT 1 FROM \(table) WHERE \($0))" }.joined(separator: " OR ")
            try db.execute(sql: "CREATE TRIGGER \(table)_no_replace BEFORE INSERT ON \(table) WHEN \(match) BEGIN SELECT RAISE(ABORT, '\(noReplaceMessage)'); END;")
        }
        try db.execute(sql: """
            CREATE TABLE settlement_seal (
                settlement_id INTEGER PRIMARY KEY NOT NULL REFERENCES settlement(id),
                digest TEXT NOT NULL,
                chain TEXT NOT NULL,
                sealed_at TEXT NOT NULL,
                program TEXT NOT NULL);
            CREATE TRIGGER settlement_seal_no_update BEFORE UPDATE ON settlement_seal BEGIN SELECT RAISE(ABORT, '\(appendOnlyMessage)'); END;
            CREATE TRIGGER settlement_seal_no_delete BEFORE DELETE ON settlement_seal BEGIN SELECT RAISE(ABORT, '\(appendOnlyMessage)'); END;
            CREATE TRIGGER settlement_seal_no_replace BEFORE INSERT ON settlement_seal
              WHEN EXISTS (SELECT 1 FROM settlement_seal WHERE settlement_id = NEW.settlement_id)
              BEGIN SELECT RAISE(ABORT, '\(noReplaceMessage)'); END;
            """)
    }

    /// v1's tables (the README documents them).
    static let tablesV1 = """
        CREATE TABLE ledger_info (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL);
        CREATE TABLE archive_object (
            sha256 TEXT PRIMARY KEY NOT NULL,
            bytes INTEGER NOT NULL,
            chunks INTEGER NOT NULL);
        CREATE TABLE archive_chunk (
            sha256 TEXT NOT NULL REFERENCES archive_object(sha256),
            seq INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (sha256, seq)) WITHOUT ROWID;
        CREATE TABLE settlement (
            id INTEGER PRIMARY KEY,
            period TEXT NOT NULL,
            revision INTEGER NOT NULL,
            settled_in TEXT,
            closed_by TEXT NOT NULL,
            closed_at TEXT NOT NULL,
            rule_file TEXT NOT NULL,
            rule_in_folder INTEGER NOT NULL,
            rule_sha256 TEXT NOT NULL REFERENCES archive_object(sha256),
            rule_version TEXT NOT NULL,
            program TEXT NOT NULL,
            accepted_rows TEXT NOT NULL,
            item_names TEXT NOT NULL,
            flag_names TEXT NOT NULL,
            value_names TEXT NOT NULL,
            workers INTEGER NOT NULL,
            total_payable TEXT NOT NULL,
            UNIQUE (period, revision),
            CHECK ((revision = 0) = (settled_in IS NULL)));
        CREATE TABLE archived_file (
            settlement_id INTEGER NOT NULL REFERENCES settlement(id),
            role TEXT NOT NULL CHECK (role IN ('input', 'rule', 'history-input', 'history-rule')),
            period TEXT NOT NULL,
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL REFERENCES archive_object(sha256),
            bytes INTEGER NOT NULL,
            PRIMARY KEY (settlement_id, role, period, file));
        CREATE TABLE output_hash (
            settlement_id INTEGER NOT NULL REFERENCES settlement(id),
            file TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            PRIMARY KEY (settlement_id, file));
        CREATE TABLE worker_result (
            settlement_id INTEGER NOT NULL REFERENCES settlement(id),
            worker_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            unit TEXT NOT NULL,
            grp TEXT NOT NULL,
            rank INTEGER NOT NULL,
            items TEXT NOT NULL,
            item_yuan TEXT NOT NULL,
            total TEXT NOT NULL,
            duty_met INTEGER,
            flags TEXT NOT NULL,
            named_values TEXT NOT NULL,
            base TEXT NOT NULL,
            score_pay TEXT NOT NULL,
            deductions TEXT NOT NULL,
            adjustment TEXT NOT NULL,
            payable TEXT NOT NULL,
            shortfall TEXT NOT NULL,
            PRIMARY KEY (settlement_id, worker_id));
        CREATE TABLE correction_line (
            settlement_id INTEGER NOT NULL REFERENCES settlement(id),
            seq INTEGER NOT NULL,
            worker_id TEXT NOT NULL,
            name TEXT NOT NULL,
            period TEXT NOT NULL,
            item TEXT NOT NULL,
            published TEXT NOT NULL,
            corrected TEXT NOT NULL,
            PRIMARY KEY (settlement_id, seq));
        """

    static let noReplaceMessage = "the gridpay ledger is append-only: a row with this key is already recorded and is never replaced"

    /// Every table's primary key and unique keys (what INSERT OR REPLACE would delete a row for).
    static let uniqueKeys: [(String, [[String]])] = [
        ("ledger_info", [["key"]]),
        ("archive_object", [["sha256"]]),
        ("archive_chunk", [["sha256", "seq"]]),
        ("settlement", [["id"], ["period", "revision"]]),
        ("archived_file", [["settlement_id", "role", "period", "file"]]),
        ("output_hash", [["settlement_id", "file"]]),
        ("worker_result", [["settlement_id", "worker_id"]]),
        ("correction_line", [["settlement_id", "seq"]]),
        ("input_seen", [["period", "file", "bytes", "mtime_ns", "sha256"]]),
    ]
}

// MARK: - Typed records

/// The ledger's records: Swift names in the code, snake_case columns in the database (the names
/// the schema, the seals and the README use), converted by GRDB's column coding strategies.
public protocol LedgerRecord: FetchableRecord, EncodableRecord {}

extension LedgerRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// One closing of a period (revision 0), or a revision of it settled when a later period closed.
public struct Settlement: Codable, LedgerRecord, FetchableRecord, MutablePersistableRecord, Sendable {
    public static let databaseTableName = "settlement"
    public var id: Int64?
    public var period: String
    public var revision: Int
    /// For a revision: the period whose closing settled it.
    public var settledIn: String?
    public var closedBy: String
    /// UTC, `YYYY-MM-DD HH:MM:SS` (the clock is allowed in the ledger, never in outputs).
    public var closedAt: String
    public var ruleFile: String
    public var ruleInFolder: Bool
    public var ruleSha256: String
    public var ruleVersion: String
    public var program: String
    public var acceptedRows: [String]
    public var itemNames: [String]
    public var flagNames: [String]
    /// The true/false named values kept per worker, for consecutive() over this period.
    public var valueNames: [String]
    public var workers: Int
    public var totalPayable: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Settlement {
    /// The rows accepted with --accept when the period was closed, as positions: a re-run from the
    /// archive (run of the closed period, verify, a correction's recomputation) accepts them again.
    var acceptedPositions: Set<RowPosition> { Set(acceptedRows.compactMap { RowPosition($0) }) }
}

public struct ArchivedFile: Codable, LedgerRecord, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "archived_file"
    public var settlementId: Int64
    /// input, rule, history-input (an earlier month read from its inputs), history-rule.
    public var role: String
    public var period: String
    public var file: String
    public var sha256: String
    public var bytes: Int
}

public struct OutputHash: Codable, LedgerRecord, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "output_hash"
    public var settlementId: Int64
    public var file: String
    public var sha256: String
    public var bytes: Int
}

/// A worker's published line: every number as exact decimal text, lists as JSON arrays.
/// Its pay fields are the `worker_result` columns, not a second pay model: they are filled from
/// Core's one (`WorkerReport`, built by `MonthReport.build(adjustments:)`), and kept here as the
/// text stored, because that text is what verify and the tamper checks read (a value that does
/// not parse is an error, never 0). The pipeline's `PayRow` cannot stand in for them: its
/// columns follow the rule file (an amount per [pay] column, roster columns shown, 往期调整 only
/// where carried), while the ledger keeps one fixed set (base, score_pay, deductions,
/// adjustment, payable, shortfall) that ledgers written by earlier gridpays share: storing a
/// PayRow would change the schema, which is the auditors' contract.
public struct WorkerResult: Codable, LedgerRecord, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "worker_result"
    public var settlementId: Int64
    public var workerId: String
    public var position: Int
    public var name: String
    public var unit: String
    public var grp: String
    public var rank: Int
    public var items: [String]
    public var itemYuan: [String]
    public var total: String
    public var dutyMet: Bool?
    public var flags: [Bool]
    public var namedValues: [Bool?]
    public var base: String
    public var scorePay: String
    public var deductions: String
    public var adjustment: String
    public var payable: String
    public var shortfall: String
}

public struct CorrectionLine: Codable, LedgerRecord, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "correction_line"
    public var settlementId: Int64
    public var seq: Int
    public var workerId: String
    public var name: String
    public var period: String
    public var item: String
    public var published: String
    public var corrected: String
}
