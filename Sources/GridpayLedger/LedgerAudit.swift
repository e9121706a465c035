import Foundation
import GridpayCore
import GridpayHash
import GridpayPipeline

extension LedgerCommands {
    // MARK: verify

    /// `gridpay verify`: re-runs a closed period from the ledger's archived rule file and inputs
    /// (never from Input/) and compares the outputs' SHA-256 with those recorded at closing.
    public static func verify(town: String, period: CalendarPeriod, inputDir: String, ledgerDir: String,
                              progress: RunReporter? = nil) -> Result<LedgerOutcome, PipelineFailure> {
        let p = "\(period)"
        let ledger: Ledger
        do {
            guard let l = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: town) else {
                return .failure(PipelineFailure(message: "\(town) \(p) is not closed: there is no ledger \(Ledger.path(ledgerDir: ledgerDir, town: town)); close it first (gridpay close \(town) \(p) --by <name>)"))
            }
            ledger = l
        } catch { return .failure(error) }
        let closing: Settlement
        do {
            guard let c = try ledger.closing(of: p) else {
                let closed = (try? ledger.closedPeriods()) ?? []
                return .failure(PipelineFailure(message: "\(town) \(p) is not closed in \(ledger.path)\(closed.isEmpty ? "" : " (closed: \(closed.joined(separator: ", ")))")"))
            }
            closing = c
        } catch { return .failure(PipelineFailure(message: "cannot read \(ledger.path): \(Corrections.describe(error))")) }

        var outcome = LedgerOutcome()
        var problems: [Diagnostic] = []
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gridpay-verify-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let id = closing.id!
        do {
            // Lay out the archive as a Rules/ and Input/ folder and run from there.
            let rulesDir = "\(scratch)/Rules", inputRoot = "\(scratch)/Input", outputDir = "\(scratch)/Output"
            try FileManager.default.createDirectory(atPath: "\(inputRoot)/\(town)", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: closing.rule_in_folder ? "\(rulesDir)/\(town)" : rulesDir, withIntermediateDirectories: true)
            var rules = try ledger.files(of: id, role: "rule")
            if closing.rule_in_folder { rules += try ledger.files(of: id, role: "history-rule") }
            var placed = Set<String>()
            var extracts: [(file: ArchivedFile, path: String)] = []
            for r in rules {
                let path = closing.rule_in_folder ? "\(rulesDir)/\(town)/\(r.file)" : "\(rulesDir)/\(town).toml"
                if placed.insert(path).inserted { extracts.append((r, path)) }
            }
            for f in try ledger.files(of: id, role: "input") + ledger.files(of: id, role: "history-input") {
                extracts.append((f, "\(LedgerPeriods.inputFolder(inputDir: inputRoot, town: town, period: f.period))/\(f.file)"))
            }
            problems += ArchiveExtraction.extract(extracts, ledger: ledger)
            outcome.lines += inputStatus(ledger: ledger, closing: closing, town: town, inputDir: inputDir)
            guard problems.isEmpty else {
                problems.append(.error("\(town) \(p) cannot be verified: its archive in \(ledger.path) is damaged", at: nil))
                return .failure(PipelineFailure(diagnostics: problems))
            }
            var request = RunRequest(town: town, period: period)
            request.rulesDir = rulesDir
            request.inputDir = inputRoot
            request.outputDir = outputDir
            request.accepted = closing.acceptedPositions
            request.published = try LedgerHistory(ledger: ledger)
            request.carried = try Corrections.recorded(ledger: ledger, closing: closing)
            let month: PreparedMonth
            switch MonthRunner.prepare(request, progress: progress, spill: true) {
            case .success(let m): month = m
            case .failure(let f):
                var d = f.diagnostics
                d.append(.error("\(town) \(p) could not be re-run from the ledger's archive", at: nil))
                return .failure(PipelineFailure(diagnostics: d, sources: f.sources))
            }
            let written: RunResult
            switch MonthRunner.write(month, progress: progress) {
            case .success(let w): written = w
            case .failure(let f): return .failure(f)
            }
            var differing: [String] = []
            for o in try ledger.outputs(of: id) {
                let now = Corrections.hash("\(written.directory)/\(o.file)")
                if now != o.sha256 {
                    differing.append(o.file)
                    problems.append(.error("\(o.file) differs: SHA-256 \(o.sha256) was recorded when \(p) was closed, the re-run from the archive gives \(now.map { "\($0) (\(HashText.firstDifference($0, o.sha256)))" } ?? "no file")", at: nil))
                }
            }
            if differing.isEmpty {
                outcome.lines.insert("\(town) \(p): identical — re-run from the ledger's archive (rule file \(closing.rule_file), version \(closing.rule_version)), all \(try ledger.outputs(of: id).count) outputs have the SHA-256 recorded when it was closed by \(closing.closed_by) at \(closing.closed_at) UTC", at: 0)
                return .success(outcome)
            }
            problems += workerDifferences(published: try ledger.workers(of: id), rerun: Corrections.workerResults(month, settlementID: id), closing: closing)
            problems.append(.error("\(town) \(p): not identical — \(differing.joined(separator: ", ")) differ from what was recorded when it was closed", at: nil))
            for l in outcome.lines { problems.append(.warning(l, at: nil)) }
            return .failure(PipelineFailure(diagnostics: problems))
        } catch let f as PipelineFailure {
            return .failure(f)
        } catch {
            return .failure(PipelineFailure(message: "verifying \(town) \(p) failed: \(Corrections.describe(error))"))
        }
    }

    /// Whether Input/<town>/<period>/ still holds the archived inputs.
    static func inputStatus(ledger: Ledger, closing: Settlement, town: String, inputDir: String) -> [String] {
        let dir = LedgerPeriods.inputFolder(inputDir: inputDir, town: town, period: closing.period)
        guard !LedgerPeriods.monthFolders(inputDir: inputDir, town: town, period: closing.period).isEmpty else {
            let months = LedgerPeriods.parse(closing.period)?.months.map { "\(inputDir)/\(town)/\($0)" } ?? [dir]
            return ["\(months.joined(separator: ", ")) \(months.count == 1 ? "is" : "are") gone; the ledger's archive holds the inputs \(closing.period) was closed with"]
        }
        let files = (try? ledger.files(of: closing.id!, role: "input")) ?? []
        var changed: [String] = []
        for f in files {
            // Seen unchanged (size, modification time) since it was archived: not hashed again, as in run.
            if ledger.unchangedSinceArchived("\(dir)/\(f.file)", period: f.period, file: f.file, sha256: f.sha256) { continue }
            guard let h = Corrections.hash("\(dir)/\(f.file)") else { changed.append("\(f.file) (missing)"); continue }
            if h != f.sha256 { changed.append("\(f.file) (SHA-256 \(h), archived \(f.sha256))") }
        }
        if changed.isEmpty { return ["\(dir) still matches the archive (\(files.count) files)"] }
        if let revision = Corrections.settledRevision(ledger: ledger, closing: closing, directory: dir) {
            return ["\(dir) holds the corrected inputs of revision \(revision.revision) (settled in \(revision.settled_in ?? "?")), not those \(closing.period) was closed with: " + changed.joined(separator: "; ")]
        }
        return ["\(dir) no longer matches the archive: " + changed.joined(separator: "; ")]
    }

    /// Per worker, which published values the re-run does not reproduce.
    static func workerDifferences(published: [WorkerResult], rerun: [WorkerResult], closing: Settlement) -> [Diagnostic] {
        var before: [String: WorkerResult] = [:]
        for w in published { before[w.worker_id] = w }
        var after: [String: WorkerResult] = [:]
        for w in rerun { after[w.worker_id] = w }
        var out: [Diagnostic] = []
        for id in Set(before.keys).union(after.keys).sorted(by: IdOrder.less) {
            guard let b = before[id] else { out.append(.error("worker \(id): not in the published results, but in the re-run", at: nil)); continue }
            guard let a = after[id] else { out.append(.error("worker \(id): published, but not in the re-run", at: nil)); continue }
            var diffs: [String] = []
            func cmp(_ name: String, _ x: String, _ y: String) { if x != y { diffs.append("\(name) published \(x), re-run \(y)") } }
            for (k, item) in closing.item_names.enumerated() where k < b.items.count && k < a.items.count { cmp(item, b.items[k], a.items[k]) }
            cmp(RuleLoader.totalName, b.total, a.total)
            cmp(RuleLoader.rankName, "\(b.rank)", "\(a.rank)")
            cmp(RuleLoader.dutyName, b.duty_met.map { $0 ? "是" : "否" } ?? "", a.duty_met.map { $0 ? "是" : "否" } ?? "")
            for (k, flag) in closing.flag_names.enumerated() where k < b.flags.count && k < a.flags.count {
                cmp(flag, b.flags[k] ? "是" : "否", a.flags[k] ? "是" : "否")
            }
            cmp(RuleLoader.scorePayName, b.score_pay, a.score_pay)
            cmp(RuleLoader.deductionsName, b.deductions, a.deductions)
            cmp(SheetLabelsPublic.priorAdjustment, b.adjustment, a.adjustment)
            cmp(RuleLoader.payableName, b.payable, a.payable)
            cmp(RuleLoader.shortfallName, b.shortfall, a.shortfall)
            if !diffs.isEmpty { out.append(.error("worker \(id) (\(a.name)): " + diffs.joined(separator: "; "), at: nil)) }
        }
        return out
    }

    // MARK: status

    /// `gridpay status`: every period in the ledger and the corrections waiting to be settled.
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
            let all = try ledger.settlements()
            outcome.lines.append("\(town): ledger \(ledger.path)")
            outcome.lines.append("period | closed by | closed at (UTC) | rule version | workers | total payable")
            for s in all where s.revision == 0 {
                outcome.lines.append("\(s.period) | \(s.closed_by) | \(s.closed_at) | \(s.rule_version) | \(s.workers) | \(payable(s, ledger))")
                for r in all where r.period == s.period && r.revision > 0 {
                    outcome.lines.append("  revision \(r.revision): settled in \(r.settled_in ?? "") by \(r.closed_by) at \(r.closed_at) UTC; total payable as corrected \(money(r.total_payable))")
                }
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

    static func money(_ text: String) -> String { LedgerText.number(text)?.fixed(places: 2) ?? text }

    /// A period's total payable as status lists it; "—（未设绩效工资）" where its archived rule
    /// file has no [pay] (SPEC §17: nothing pretends there is pay).
    static func payable(_ s: Settlement, _ ledger: Ledger) -> String {
        if case .success(let rules) = Corrections.archivedRules(ledger: ledger, settlement: s), !rules.rules.hasPay { return "—（未设绩效工资）" }
        return money(s.total_payable)
    }
}
