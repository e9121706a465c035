import Foundation
import GridpayCore
import GridpayPipeline

extension LedgerCommands {
    // MARK: status

    /// `gridpay status`: every period in the ledger, the chain head and the corrections waiting to
    /// be settled; fails when the ledger's integrity checks (quick_check, row counts, seals) fail.
    public static func status(town: String, inputDir: String, ledgerDir: String) -> Result<LedgerOutcome, PipelineFailure> {
        var outcome = LedgerOutcome()
        let ledger: Ledger
        do {
            guard let l = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: town) else {
                outcome.lines = ["\(town): no period is closed (there is no ledger \(Ledger.path(ledgerDir: ledgerDir, town: town)))"]
                return .success(outcome)
            }
            ledger = l
        } catch { return .failure(error) }
        do {
            let integrity = try LedgerIntegrity.check(ledger)
            let all = try ledger.settlements()
            outcome.lines.append("\(town): ledger \(ledger.path)")
            outcome.lines.append("period | closed by | closed at (UTC) | rule version | workers | total payable")
            for s in all where s.revision == 0 {
                outcome.lines.append("\(s.period) | \(s.closed_by) | \(s.closed_at) | \(s.rule_version) | \(s.workers) | \(try payable(s, ledger))")
                for r in all where r.period == s.period && r.revision > 0 {
                    outcome.lines.append("  revision \(r.revision): settled in \(r.settled_in ?? "") by \(r.closed_by) at \(r.closed_at) UTC; total payable as corrected \(try money(r))")
                }
            }
            if let head = integrity.head, let last = integrity.links.last {
                outcome.lines.append(LedgerSealMessages.chainHead(head, after: last.settlement))
            }
            if !integrity.unsealed.isEmpty {
                outcome.warnings.append(.warning(LedgerSealMessages.needsUpgrade(integrity.unsealed.count, town: town), at: nil))
            }
            guard integrity.problems.isEmpty else {
                var d = integrity.problems.map { Diagnostic.error($0, at: nil) }
                d.append(.error(LedgerSealMessages.notTrusted(path: ledger.path, d.count), at: nil))
                return .failure(PipelineFailure(diagnostics: d + outcome.lines.map { .warning($0, at: nil) }))
            }
            let pending = try Corrections.pending(ledger: ledger, town: town, inputDir: inputDir)
            if pending.isEmpty {
                outcome.lines.append("corrections waiting to be settled: none")
            } else {
                let last = try ledger.closedPeriods().compactMap(LedgerPeriods.parse).max()
                let open = last.map { "\(LedgerPeriods.next($0))" } ?? ""
                outcome.lines.append("corrections waiting to be settled: \(pending.count) (carried by the run of \(open), settled when \(open) is closed)")
                for c in pending {
                    let files = c.changed.map { $0.current == nil ? "\($0.file) (missing)" : "\($0.file) (changed)" }
                    outcome.lines.append("  \(c.closing.period): \(files.joined(separator: ", "))")
                }
            }
            return .success(outcome)
        } catch {
            return .failure(PipelineFailure(message: "cannot read \(ledger.path): \(Corrections.describe(error))"))
        }
    }

    /// A period's total payable as status lists it; "—（未设绩效工资）" where its archived rule
    /// file has no [pay] (SPEC §17: nothing pretends there is pay).
    static func payable(_ s: Settlement, _ ledger: Ledger) throws -> String {
        if case .success(let rules) = Corrections.archivedRules(ledger: ledger, settlement: s), !rules.rules.hasPay { return "—（未设绩效工资）" }
        return try money(s)
    }

    static func money(_ s: Settlement) throws -> String {
        try LedgerText.published(s.total_payable, column: LedgerSealMessages.settlementColumns.total, period: LedgerSealMessages.name(s)).fixed(places: 2)
    }
}
