import Foundation
import GRDB
import GridpayCore
import GridpayHash

/// Tamper evidence (issue 19): each settlement's seal is the SHA-256 of its rows as stored (the
/// settlement, its archived files, output hashes, worker lines and correction lines, every value
/// with its SQLite type, ids and names as their exact UTF-8 bytes) and a hash chain across
/// settlements in the order they were recorded: chain(k) = SHA-256(chain(k−1) ‖ digest(k)),
/// chain(0) = SHA-256("gridpay-ledger-chain-1\n" ‖ town). An auditor who keeps the chain head
/// outside the ledger can prove with `verify --chain` that nothing recorded before it changed.
enum LedgerSeal {
    /// The rows a digest covers, table by table, in a fixed column order (documented in README).
    static let sections: [(table: String, columns: String, order: String)] = [
        ("settlement", "id, period, revision, settled_in, closed_by, closed_at, rule_file, rule_in_folder, rule_sha256, rule_version, program, accepted_rows, item_names, flag_names, value_names, workers, total_payable", "id"),
        ("archived_file", "role, period, file, sha256, bytes", "role, period, file"),
        ("output_hash", "file, sha256, bytes", "file"),
        ("worker_result", "position, worker_id, name, unit, grp, rank, items, item_yuan, total, duty_met, flags, named_values, base, score_pay, deductions, adjustment, payable, shortfall", "position, worker_id"),
        ("correction_line", "seq, worker_id, name, period, item, published, corrected", "seq"),
    ]

    static func genesis(town: String) throws -> String {
        try SHA256Digest.hex(Array("gridpay-ledger-chain-1\n\(town)".utf8))
    }

    static func link(_ previous: String, _ digest: String) throws -> String {
        try SHA256Digest.hex(Array((previous + digest).utf8))
    }

    /// The digest of one settlement's rows as they are stored now.
    static func digest(_ db: Database, settlementID: Int64) throws -> String {
        let encoder = try DigestEncoder()
        for s in sections {
            encoder.text(s.table)
            let key = s.table == "settlement" ? "id" : "settlement_id"
            let rows = try Row.fetchCursor(db, sql: "SELECT \(s.columns) FROM \(s.table) WHERE \(key) = ? ORDER BY \(s.order)", arguments: [settlementID])
            var count: Int64 = 0
            while let row = try rows.next() {
                for value in row.databaseValues { encoder.value(value) }
                count += 1
            }
            encoder.integer(count)
        }
        return try encoder.finish()
    }

    static func sealTableExists(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settlement_seal'") == true
    }

    /// Seals every settlement that has no seal yet, in the order they were recorded (inside a close's
    /// transaction: its own settlements, and at the first close by this version, those recorded by
    /// an earlier gridpay). Refuses an unsealed settlement recorded before a sealed one: it was
    /// inserted outside gridpay. Returns the ids sealed now and the chain head.
    static func sealUnsealed(_ db: Database, town: String, at: String) throws -> (sealed: [Int64], head: String) {
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM settlement ORDER BY id")
        let seals = try Row.fetchAll(db, sql: "SELECT settlement_id, chain FROM settlement_seal ORDER BY settlement_id")
        var chain = try genesis(town: town)
        var sealedIDs = Set<Int64>()
        for s in seals {
            sealedIDs.insert(s[0])
            chain = s[1]
        }
        let lastSealed = seals.last.map { $0[0] as Int64 } ?? Int64.min
        var sealedNow: [Int64] = []
        for id in ids where !sealedIDs.contains(id) {
            guard id > lastSealed else { throw SealRefused(settlementID: id, lastSealed: lastSealed) }
            let digest = try digest(db, settlementID: id)
            chain = try link(chain, digest)
            try db.execute(sql: "INSERT INTO settlement_seal (settlement_id, digest, chain, sealed_at, program) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, digest, chain, at, "gridpay \(GridpayVersion.current)"])
            sealedNow.append(id)
        }
        return (sealedNow, chain)
    }
}

/// A settlement without a seal recorded before a sealed one: not recorded by gridpay.
struct SealRefused: Error {
    var settlementID: Int64
    var lastSealed: Int64
}

/// Feeds typed values to SHA-256 unambiguously: a type tag, then a length or a fixed-width value.
final class DigestEncoder {
    private let digest: SHA256Digest
    private var buffer: [UInt8] = []

    init() throws { digest = try SHA256Digest() }

    func value(_ v: DatabaseValue) {
        switch v.storage {
        case .null: buffer.append(0)
        case .int64(let n): buffer.append(1); append(UInt64(bitPattern: n))
        case .double(let d): buffer.append(2); append(d.bitPattern)
        case .string(let s): buffer.append(3); bytes(Array(s.utf8))
        case .blob(let b): buffer.append(4); bytes(Array(b))
        }
        if buffer.count >= 1 << 16 { flush() }
    }

    func text(_ s: String) { value(s.databaseValue) }
    func integer(_ n: Int64) { value(n.databaseValue) }

    private func bytes(_ b: [UInt8]) {
        append(UInt64(b.count))
        buffer += b
    }

    private func append(_ n: UInt64) {
        for k in (0..<8).reversed() { buffer.append(UInt8(truncatingIfNeeded: n >> (8 * UInt64(k)))) }
    }

    private var failed: Error?

    private func flush() {
        do { try buffer.withUnsafeBytes { try digest.update($0) } } catch { failed = error }
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws -> String {
        flush()
        if let failed { throw failed }
        return try digest.finish()
    }
}
