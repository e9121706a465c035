import Foundation

/// Messages of the ledger's tamper evidence (issue 19): seals, the chain, integrity checks,
/// published values that do not parse.
enum LedgerSealMessages {
    static func name(_ s: Settlement) -> String {
        s.revision == 0 ? "\(s.period)" : "\(s.period) revision \(s.revision)"
    }

    static func quickCheckFailed(path: String, _ result: String) -> String {
        "\(path) is damaged: SQLite's quick_check reports \(result); restore the ledger from a backup (who: the office keeping the ledger)"
    }

    static func workerCount(_ s: Settlement, recorded: Int, held: Int) -> String {
        "\(name(s)): the settlement records \(recorded) workers but the ledger holds \(held) worker lines for it; it was changed outside gridpay or is damaged and cannot be trusted"
    }

    static func ruleCount(_ s: Settlement, held: Int) -> String {
        "\(name(s)): the ledger holds \(held) archived rule files for it, expected 1; it was changed outside gridpay or is damaged"
    }

    static func noOutputs(_ s: Settlement) -> String {
        "\(name(s)): the ledger holds no output hashes for it; it was changed outside gridpay or is damaged"
    }

    static func sealWithoutSettlement(id: Int64, sealedAt: String) -> String {
        "the ledger holds a seal (made \(sealedAt) UTC) for settlement \(id), which is gone: rows were deleted outside gridpay"
    }

    static func rowsChanged(_ s: Settlement, sealedAt: String, sealed: String, now: String) -> String {
        "\(name(s)) (closed by \(s.closed_by) at \(s.closed_at) UTC): its rows no longer match the seal made \(sealedAt) UTC (digest \(sealed), the rows now give \(now)); they were changed outside gridpay or are damaged"
    }

    static func chainBroken(_ s: Settlement, stored: String, recomputed: String) -> String {
        "\(name(s)): its seal's chain value \(stored) does not follow from the seals before it (recomputed \(recomputed)); seals were changed outside gridpay"
    }

    static func unsealedAfterSeals(_ s: Settlement) -> String {
        "\(name(s)) (closed by \(s.closed_by) at \(s.closed_at) UTC) has no seal though the ledger is sealed: it was recorded outside gridpay and is not trusted"
    }

    static func needsUpgrade(_ count: Int, town: String) -> String {
        "the ledger's \(count) settlement(s) were recorded by a gridpay without seals: they are checked against the archive but have no chain head yet; the next close of \(town) seals them (gridpay close \(town) <period> --by <name>)"
    }

    static func sealedAtUpgrade(_ count: Int) -> String {
        "sealed \(count) settlement(s) recorded by an earlier gridpay (their rows as they are now: gridpay verify checks each against its archive)"
    }

    static func chainHead(_ head: String, after s: Settlement) -> String {
        "chain head \(head) (after \(name(s)), closed by \(s.closed_by) at \(s.closed_at) UTC): keep it outside the ledger; gridpay verify <town> --chain <head> proves nothing recorded up to it changed"
    }

    static func notTrusted(path: String, _ count: Int) -> String {
        "\(path) cannot be trusted: \(count) problem(s) above; nothing was changed (who: the office keeping the ledger; restore it from a backup)"
    }

    static func chainProved(_ head: String, _ link: LedgerIntegrity.Link, count: Int) -> String {
        "chain head \(head): proved — the \(count) settlement(s) recorded up to \(name(link.settlement)) (closed by \(link.settlement.closed_by) at \(link.settlement.closed_at) UTC) are unchanged"
    }

    static func chainNotFound(_ head: String, path: String) -> String {
        "chain head \(head) is not proved by \(path): no intact seal gives it, so settlements recorded up to it were changed (or it is not a head of this town's ledger); nothing recorded before it can be trusted from this ledger"
    }

    static func chainNeedsUpgrade(_ head: String, town: String) -> String {
        "chain head \(head) cannot be checked: the ledger has no seals yet (recorded by an earlier gridpay); the next close of \(town) seals it"
    }

    static func sealRefused(_ e: SealRefused) -> String {
        "settlement \(e.settlementID) has no seal but was recorded before the sealed settlement \(e.lastSealed): it was inserted outside gridpay; nothing was recorded (gridpay verify says what else differs)"
    }

    static func unreadable(_ e: UnreadablePublished) -> String {
        "the published \(e.what) is '\(e.text)', which is not \(e.expected): the ledger was changed outside gridpay or is damaged (gridpay status and gridpay verify check it); it is never read as 0"
    }

    static func settlementDiffers(_ what: String, published: String, rerun: String) -> String {
        "the settlement's \(what): published \(published), re-run \(rerun)"
    }

    static func rowsDiffer(town: String, period: String, count: Int) -> String {
        "\(town) \(period): not identical — \(count) published row(s) or settlement value(s) differ from the re-run from the archive"
    }

    static func scratchFailed(_ scratch: String, _ error: Error) -> String {
        "cannot write the scratch copy \(scratch) that verify re-runs from (\(error)); this is the temporary folder (TMPDIR), not the ledger, which is unharmed: free space there or set TMPDIR to another folder, then run verify again"
    }

    static func identicalRows(_ count: Int) -> String {
        "every published row (\(count) workers, their items, totals, ranks, flags and pay lines; the settlement's worker count and total) is what the re-run gives"
    }
}

/// A published value in the ledger that does not parse (it is an error wherever it is read).
struct UnreadablePublished: Error {
    var what: String
    var text: String
    var expected: String = "a number"
}
