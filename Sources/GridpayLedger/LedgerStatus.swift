import Foundation
import GridpayCore
import GridpayPipeline

extension LedgerCommands {
    // MARK: status

    /// `gridpay status`: every period in the ledger, the open periods (inputs present, run or
    /// not), the chain head and the corrections waiting to be settled, times in `zone`; fails when
    /// the ledger's integrity checks (quick_check, row counts, seals) fail, and when the town has
    /// neither a ledger nor a rule file (SPEC §7: as run and close of it do).
    public static func status(town: String, inputDir: String, ledgerDir: String, rulesDir: String = "Rules", outputDir: String = "Output",
                              words: CommandWords, zone: TimeZone = .current) -> Result<LedgerOutcome, PipelineFailure> {
        var outcome = LedgerOutcome()
        let ledger: Ledger
        let open = { (closed: [String]) in
            openLines(town: town, folders: (inputDir, rulesDir, outputDir), closed: closed, zone: zone)
        }
        do {
            guard let l = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: town, words: words) else {
                // No ledger and no rule file: a town that does not exist (a typo), not one with nothing closed.
                if let missing = RuleFiles.missingTown(town, rulesDir: rulesDir) { return .failure(missing) }
                outcome.lines = [StatusMessages.noLedger(town: town, path: Ledger.path(ledgerDir: ledgerDir, town: town))] + open([])
                return .success(outcome)
            }
            ledger = l
        } catch { return .failure(error) }
        do {
            let integrity = try LedgerIntegrity.check(ledger)
            let all = try ledger.settlements()
            outcome.lines.append(StatusMessages.ledger(town: town, path: ledger.path))
            outcome.lines.append(StatusMessages.closedHeader())
            for s in all where s.revision == 0 {
                let at = LocalTime.text(ledgerUTC: s.closedAt, in: zone)
                outcome.lines.append("\(s.period) | \(s.closedBy) | \(at) | \(s.ruleVersion) | \(s.workers) | \(try payable(s, ledger))")
                for r in all where r.period == s.period && r.revision > 0 {
                    outcome.lines.append(StatusMessages.revision(r, at: LocalTime.text(ledgerUTC: r.closedAt, in: zone), payable: try money(r)))
                }
            }
            outcome.lines += open(all.filter { $0.revision == 0 }.map(\.period))
            if let head = integrity.head, let last = integrity.links.last {
                outcome.lines.append(LedgerSealMessages.chainHead(head, after: last.settlement, at: LocalTime.text(ledgerUTC: last.settlement.closedAt, in: zone), words: words))
            }
            if !integrity.unsealed.isEmpty {
                outcome.warnings.append(.warning(LedgerSealMessages.needsUpgrade(integrity.unsealed.count, town: town, words: words), at: nil))
            }
            guard integrity.problems.isEmpty else {
                var d = integrity.problems.map { Diagnostic.error($0, at: nil) }
                d.append(.error(LedgerSealMessages.notTrusted(path: ledger.path, d.count), at: nil))
                return .failure(PipelineFailure(diagnostics: d + outcome.lines.map { .warning($0, at: nil) }))
            }
            let pending = try Corrections.pending(ledger: ledger, town: town, inputDir: inputDir)
            if pending.isEmpty {
                outcome.lines.append(StatusMessages.noCorrections())
            } else {
                let last = try ledger.closedPeriods().compactMap(LedgerPeriods.parse).max()
                let open = last.map { "\(LedgerPeriods.next($0))" } ?? ""
                outcome.lines.append(StatusMessages.corrections(pending.count, carriedBy: open))
                for c in pending {
                    let files = c.changed.map { StatusMessages.changedFile($0.file, missing: $0.current == nil) }
                    outcome.lines.append(StatusMessages.waiting(c.closing.period, files: files))
                }
            }
            return .success(outcome)
        } catch {
            return .failure(PipelineFailure(message: LedgerMessages.cannotRead(ledger.path, ledger.describe(error))))
        }
    }

    /// The open periods' lines: a header with their count, then one line per period.
    static func openLines(town: String, folders: (input: String, rules: String, output: String), closed: [String], zone: TimeZone) -> [String] {
        let open = OpenPeriods.find(town: town, inputDir: folders.input, rulesDir: folders.rules, outputDir: folders.output, closed: closed)
        return [StatusMessages.openHeader(open.count)] + open.map { o in
            StatusMessages.openPeriod("\(o.period)", files: o.inputFiles, writtenAt: o.written.map { LocalTime.text($0, in: zone) },
                                      outputFolder: OpenPeriods.outputFolder(town: town, period: o.period, outputDir: folders.output))
        }
    }

    /// A period's total payable as status lists it; `StatusMessages.noPay` where its archived rule
    /// file has no [pay] (SPEC §17: nothing pretends there is pay).
    static func payable(_ s: Settlement, _ ledger: Ledger) throws -> String {
        if case .success(let rules) = Corrections.archivedRules(ledger: ledger, settlement: s), !rules.rules.hasPay { return StatusMessages.noPay() }
        return try money(s)
    }

    static func money(_ s: Settlement) throws -> String {
        RunSummary.money(try LedgerText.published(s.totalPayable, column: LedgerSealMessages.settlementColumns.total, period: LedgerSealMessages.name(s)))
    }
}
