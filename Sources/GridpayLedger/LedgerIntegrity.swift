import Foundation
import GRDB
import GridpayCore

/// What `status` and `verify` check before trusting a ledger (issue 19): SQLite's quick_check,
/// each settlement's row counts, and every seal recomputed from the rows as they are now.
struct LedgerIntegrity {
    /// One sealed settlement, with the chain value recomputed from its rows.
    struct Link {
        var settlement: Settlement
        var chain: String
        /// True when this link and every one before it match their seals.
        var intact: Bool
    }

    var problems: [String] = []
    var links: [Link] = []
    /// Settlements recorded by a gridpay before seals (no seal at all in the ledger): the next
    /// close seals them.
    var unsealed: [Settlement] = []

    /// The chain head as recomputed: the last link's value, when every link is intact.
    var head: String? { links.last.flatMap { $0.intact ? $0.chain : nil } }

    static func check(_ ledger: Ledger) throws -> LedgerIntegrity {
        var out = LedgerIntegrity()
        try ledger.db.read { db in
            out.problems += quickCheck(db, path: ledger.path, words: ledger.words)
            let settlements = try Settlement.order(Column("id")).fetchAll(db)
            for s in settlements { out.problems += try rowCounts(db, s) }
            try out.checkSeals(db, settlements: settlements, town: ledger.town)
        }
        return out
    }

    static func quickCheck(_ db: Database, path: String, words: CommandWords) -> [String] {
        do {
            let result = try String.fetchAll(db, sql: "PRAGMA quick_check")
            return result == ["ok"] ? [] : [LedgerSealMessages.quickCheckFailed(path: path, result.prefix(10).joined(separator: "; "))]
        } catch {
            return [LedgerSealMessages.quickCheckFailed(path: path, Ledger.describe(error, words: words))]
        }
    }

    static func rowCounts(_ db: Database, _ s: Settlement) throws -> [String] {
        var out: [String] = []
        let id = s.id!
        let workers = try Int.fetchOne(db, sql: "SELECT count(*) FROM worker_result WHERE settlement_id = ?", arguments: [id]) ?? 0
        if workers != s.workers { out.append(LedgerSealMessages.workerCount(s, recorded: s.workers, held: workers)) }
        let rules = try Int.fetchOne(db, sql: "SELECT count(*) FROM archived_file WHERE settlement_id = ? AND role = 'rule'", arguments: [id]) ?? 0
        if rules != 1 { out.append(LedgerSealMessages.ruleCount(s, held: rules)) }
        if s.revision == 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM output_hash WHERE settlement_id = ?", arguments: [id]) ?? 0 == 0 {
            out.append(LedgerSealMessages.noOutputs(s))
        }
        return out
    }

    mutating func checkSeals(_ db: Database, settlements: [Settlement], town: String) throws {
        guard try LedgerSeal.sealTableExists(db) else { unsealed = settlements; return }
        let seals = try Row.fetchAll(db, sql: "SELECT settlement_id, digest, chain, sealed_at FROM settlement_seal ORDER BY settlement_id")
        guard !seals.isEmpty else { unsealed = settlements; return }
        var byID: [Int64: Settlement] = [:]
        for s in settlements { byID[s.id!] = s }
        var chain = try LedgerSeal.genesis(town: town)
        var intact = true
        var sealedIDs = Set<Int64>()
        for seal in seals {
            let id: Int64 = seal[0], digest: String = seal[1], stored: String = seal[2], at: String = seal[3]
            sealedIDs.insert(id)
            guard let s = byID[id] else {
                problems.append(LedgerSealMessages.sealWithoutSettlement(id: id, sealedAt: at))
                intact = false
                continue
            }
            let now = try LedgerSeal.digest(db, settlementID: id)
            if now != digest {
                problems.append(LedgerSealMessages.rowsChanged(s, sealedAt: at, sealed: digest, now: now))
                intact = false
            }
            chain = try LedgerSeal.link(chain, now)
            if chain != stored {
                if now == digest { problems.append(LedgerSealMessages.chainBroken(s, stored: stored, recomputed: chain)) }
                intact = false
            }
            links.append(Link(settlement: s, chain: chain, intact: intact))
        }
        for s in settlements where !sealedIDs.contains(s.id!) {
            problems.append(LedgerSealMessages.unsealedAfterSeals(s))
        }
    }

    /// `verify --chain <head>`: the link whose recomputed value is `head`, if it and every link
    /// before it are intact.
    func proves(_ head: String) -> Link? {
        links.first { $0.chain == head.lowercased() && $0.intact }
    }
}
