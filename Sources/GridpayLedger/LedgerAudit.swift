import Foundation
import GridpayCore
import GridpayHash
import GridpayPipeline

extension LedgerCommands {
    // MARK: verify

    /// `gridpay verify`: checks the whole ledger (quick_check, row counts, every seal and the chain;
    /// with `chain`, that an auditor's kept head is proved), then re-runs a closed period from the
    /// ledger's archived rule file and inputs (never from Input/) and compares the outputs' SHA-256
    /// and every published row with the re-run. No period: the ledger and the chain only.
    public static func verify(town: String, period: CalendarPeriod?, chain head: String? = nil, inputDir: String, ledgerDir: String,
                              words: CommandWords, progress: RunReporter? = nil) -> Result<LedgerOutcome, PipelineFailure> {
        let p = period.map { "\($0)" } ?? ""
        // A mistyped head is refused as what it is, not taken for a ledger that was changed.
        // (ASCII only: Character.isHexDigit takes full-width digits too.)
        if let head, head.utf8.count != 64 || !head.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0 | 0x20) }) {
            return .failure(PipelineFailure(message: ClosedPeriodMessages.malformedHead(head, words: words)))
        }
        let ledger: Ledger
        do {
            guard let l = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: town, words: words) else {
                return .failure(PipelineFailure(message: LedgerMessages.noLedger(town, p, path: Ledger.path(ledgerDir: ledgerDir, town: town), words: words)))
            }
            ledger = l
        } catch { return .failure(error) }
        var outcome = LedgerOutcome()
        var problems: [Diagnostic]
        do { problems = try integrity(ledger, chain: head, outcome: &outcome) } catch {
            return .failure(PipelineFailure(message: LedgerMessages.cannotRead(ledger.path, ledger.describe(error))))
        }
        if let period {
            switch verifyPeriod(ledger, town: town, period: period, inputDir: inputDir, progress: progress) {
            case .success(let o):
                outcome.lines += o.lines
                outcome.warnings += o.warnings
            case .failure(let f):
                problems += f.diagnostics
                guard f.sources.isEmpty else { return .failure(PipelineFailure(diagnostics: problems, sources: f.sources)) }
            }
        }
        guard problems.isEmpty else {
            for l in outcome.lines { problems.append(.warning(l, at: nil)) }
            return .failure(PipelineFailure(diagnostics: problems + outcome.warnings))
        }
        return .success(outcome)
    }

    /// The ledger's integrity as errors; the chain head proved (or the ledger's need of an
    /// upgrade) into `outcome`.
    static func integrity(_ ledger: Ledger, chain head: String?, outcome: inout LedgerOutcome) throws -> [Diagnostic] {
        let integrity = try LedgerIntegrity.check(ledger)
        var problems = integrity.problems.map { Diagnostic.error($0, at: nil) }
        if !integrity.unsealed.isEmpty {
            outcome.warnings.append(.warning(LedgerSealMessages.needsUpgrade(integrity.unsealed.count, town: ledger.town, words: ledger.words), at: nil))
        }
        if let head {
            if let link = integrity.proves(head) {
                let count = integrity.links.firstIndex { $0.chain == link.chain }! + 1
                outcome.lines.append(LedgerSealMessages.chainProved(head, link, count: count))
            } else if integrity.links.isEmpty {
                problems.append(.error(LedgerSealMessages.chainNeedsUpgrade(head, town: ledger.town), at: nil))
            } else {
                problems.append(.error(LedgerSealMessages.chainNotFound(head, path: ledger.path), at: nil))
            }
        }
        if !problems.isEmpty { problems.append(.error(LedgerSealMessages.notTrusted(path: ledger.path, problems.count), at: nil)) }
        return problems
    }

    /// One closed period re-run from the archive: outputs' SHA-256 and every published row.
    static func verifyPeriod(_ ledger: Ledger, town: String, period: CalendarPeriod, inputDir: String,
                             progress: RunReporter?) -> Result<LedgerOutcome, PipelineFailure> {
        let p = "\(period)"
        let closing: Settlement
        do {
            guard let c = try ledger.closing(of: p) else {
                let closed = (try? ledger.closedPeriods()) ?? []
                return .failure(PipelineFailure(message: LedgerMessages.notClosedIn(town, p, path: ledger.path, closed: closed)))
            }
            closing = c
        } catch { return .failure(PipelineFailure(message: LedgerMessages.cannotRead(ledger.path, ledger.describe(error)))) }
        var outcome = LedgerOutcome()
        let otherProgram = otherProgramNote(closing, town: town, period: p)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gridpay-verify-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            let month: PreparedMonth, written: RunResult
            switch rerun(ledger, closing: closing, town: town, period: period, scratch: scratch, progress: progress) {
            case .success(let r): (month, written) = r
            case .failure(let f): return .failure(PipelineFailure(diagnostics: f.diagnostics + (otherProgram.map { [.warning($0, at: nil)] } ?? []), sources: f.sources))
            }
            outcome.lines += inputStatus(ledger: ledger, closing: closing, town: town, inputDir: inputDir)
            let id = closing.id!
            var problems: [Diagnostic] = []
            var differing: [String] = []
            let outputs = try ledger.outputs(of: id)
            for o in outputs {
                let now = Corrections.hash("\(written.directory)/\(o.file)")
                if now != o.sha256 {
                    differing.append(o.file)
                    problems.append(.error(LedgerMessages.outputDiffers(o.file, period: p, recorded: o.sha256, now: now), at: nil))
                }
            }
            let rerunRows = Corrections.workerResults(month, settlementID: id)
            let rowProblems = try rowDifferences(ledger, closing: closing, rerun: rerunRows, month: month)
            problems += rowProblems
            if !differing.isEmpty {
                problems.append(.error(LedgerMessages.notIdentical(town, p, files: differing), at: nil))
            } else if !rowProblems.isEmpty {
                problems.append(.error(LedgerSealMessages.rowsDiffer(town: town, period: p, count: rowProblems.count), at: nil))
            }
            guard problems.isEmpty else {
                if let otherProgram { problems.append(.warning(otherProgram, at: nil)) }
                for l in outcome.lines { problems.append(.warning(l, at: nil)) }
                return .failure(PipelineFailure(diagnostics: problems))
            }
            if let otherProgram { outcome.lines.append(otherProgram) }
            outcome.lines.insert(LedgerMessages.identical(town, p, ruleFile: closing.ruleFile, version: closing.ruleVersion, outputs: outputs.count,
                                                          by: closing.closedBy, at: LocalTime.here(closing.closedAt)), at: 0)
            outcome.lines.insert(LedgerSealMessages.identicalRows(rerunRows.count), at: 1)
            return .success(outcome)
        } catch let f as PipelineFailure {
            return .failure(f)
        } catch {
            return .failure(PipelineFailure(message: LedgerMessages.verifyFailed(town, p, ledger.describe(error))))
        }
    }

    /// When the period was closed by another program version than this one: which closed it, which
    /// runs, and that a verify should use the one that closed it (outputs carry the version).
    static func otherProgramNote(_ closing: Settlement, town: String, period: String) -> String? {
        let running = "gridpay \(GridpayVersion.current)"
        guard closing.program != running else { return nil }
        return LedgerMessages.closedByOtherProgram(town, period, recorded: closing.program, running: running)
    }

    /// Lays the archive out as a Rules/ and Input/ folder under `scratch` and runs the period there.
    static func rerun(_ ledger: Ledger, closing: Settlement, town: String, period: CalendarPeriod, scratch: String,
                      progress: RunReporter?) -> Result<(PreparedMonth, RunResult), PipelineFailure> {
        let request: RunRequest
        switch archivedRequest(ledger, closing: closing, town: town, period: period, scratch: scratch) {
        case .success(let r): request = r
        case .failure(let f): return .failure(f)
        }
        let month: PreparedMonth
        switch MonthRunner.prepare(request, progress: progress, spill: true) {
        case .success(let m): month = m
        case .failure(let f):
            var d = f.diagnostics
            d.append(.error(LedgerMessages.notRerun(town, "\(period)"), at: nil))
            return .failure(PipelineFailure(diagnostics: d, sources: f.sources))
        }
        return MonthRunner.write(month, progress: progress).map { (month, $0) }
    }

    /// A run of the closed period from its archive laid out under `scratch`: the archived rule file
    /// and inputs, the rows accepted at closing, the corrections it carried as recorded, the
    /// published history (verify, and explain of a closed period).
    static func archivedRequest(_ ledger: Ledger, closing: Settlement, town: String, period: CalendarPeriod,
                                scratch: String) -> Result<RunRequest, PipelineFailure> {
        let p = "\(period)"
        let id = closing.id!
        let rulesDir = "\(scratch)/Rules", inputRoot = "\(scratch)/Input", outputDir = "\(scratch)/Output"
        do {
            try FileManager.default.createDirectory(atPath: "\(inputRoot)/\(town)", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: closing.ruleInFolder ? "\(rulesDir)/\(town)" : rulesDir, withIntermediateDirectories: true)
        } catch {
            return .failure(PipelineFailure(message: LedgerSealMessages.scratchFailed(scratch, error)))
        }
        var problems: [Diagnostic] = []
        do {
            var rules = try ledger.files(of: id, role: "rule")
            if closing.ruleInFolder { rules += try ledger.files(of: id, role: "history-rule") }
            var placed = Set<String>()
            var extracts: [(file: ArchivedFile, path: String)] = []
            for r in rules {
                let path = closing.ruleInFolder ? "\(rulesDir)/\(town)/\(r.file)" : "\(rulesDir)/\(town).toml"
                if placed.insert(path).inserted { extracts.append((r, path)) }
            }
            for f in try ledger.files(of: id, role: "input") + ledger.files(of: id, role: "history-input") {
                extracts.append((f, "\(LedgerPeriods.inputFolder(inputDir: inputRoot, town: town, period: f.period))/\(f.file)"))
            }
            problems += ArchiveExtraction.extract(extracts, ledger: ledger)
        } catch {
            return .failure(PipelineFailure(message: LedgerMessages.cannotRead(ledger.path, ledger.describe(error))))
        }
        guard problems.isEmpty else {
            // A scratch copy that could not be written is not damage to the archive.
            if !problems.contains(where: { $0.message.contains(scratch) }) {
                problems.append(.error(LedgerMessages.archiveDamaged(town, p, path: ledger.path), at: nil))
            }
            return .failure(PipelineFailure(diagnostics: problems))
        }
        var request = RunRequest(town: town, period: period, words: ledger.words)
        request.rulesDir = rulesDir
        request.inputDir = inputRoot
        request.outputDir = outputDir
        request.accepted = closing.acceptedPositions
        do {
            request.published = try LedgerHistory(ledger: ledger)
            request.carried = try Corrections.recorded(ledger: ledger, closing: closing)
        } catch {
            return .failure(PipelineFailure(message: LedgerMessages.cannotRead(ledger.path, ledger.describe(error))))
        }
        return .success(request)
    }

    /// Whether Input/<town>/<period>/ still holds the archived inputs.
    static func inputStatus(ledger: Ledger, closing: Settlement, town: String, inputDir: String) -> [String] {
        let dir = LedgerPeriods.inputFolder(inputDir: inputDir, town: town, period: closing.period)
        guard !LedgerPeriods.monthFolders(inputDir: inputDir, town: town, period: closing.period).isEmpty else {
            let months = LedgerPeriods.parse(closing.period)?.months.map { "\(inputDir)/\(town)/\($0)" } ?? [dir]
            return [LedgerMessages.inputsGone(months, period: closing.period)]
        }
        let files = (try? ledger.files(of: closing.id!, role: "input")) ?? []
        var changed: [String] = []
        for f in files {
            guard let h = Corrections.hash("\(dir)/\(f.file)") else { changed.append(LedgerMessages.inputFileMissing(f.file)); continue }
            if h != f.sha256 { changed.append(LedgerMessages.inputFileChanged(f.file, now: h, archived: f.sha256)) }
        }
        if changed.isEmpty { return [LedgerMessages.inputsMatch(dir, files: files.count)] }
        if let revision = Corrections.settledRevision(ledger: ledger, closing: closing, directory: dir) {
            return [LedgerMessages.inputsOfRevision(dir, revision: revision.revision, settledIn: revision.settledIn ?? "?", period: closing.period, changed: changed)]
        }
        return [LedgerMessages.inputsChanged(dir, changed: changed)]
    }

    /// Every published row of `closing` against the re-run: each worker's line, value by value
    /// (ids matched by their exact Unicode scalars), and the settlement's worker count, total and
    /// column names.
    static func rowDifferences(_ ledger: Ledger, closing: Settlement, rerun: [WorkerResult], month: PreparedMonth) throws -> [Diagnostic] {
        var out = workerDifferences(published: try ledger.workers(of: closing.id!), rerun: rerun, closing: closing)
        func cmp(_ what: String, _ published: String, _ again: String) {
            if published != again { out.append(.error(LedgerSealMessages.settlementDiffers(what, published: published, rerun: again), at: nil)) }
        }
        var total = ExactNumber.zero
        for w in month.report.workers { total = try total.adding(w.payable) }
        let rules = month.report.rules
        let c = LedgerSealMessages.settlementColumns
        cmp(c.workers, "\(closing.workers)", "\(rerun.count)")
        cmp(c.total, closing.totalPayable, LedgerText.number(total))
        cmp(c.items, LedgerText.json(closing.itemNames), LedgerText.json(rules.items.map(\.name)))
        cmp(c.flags, LedgerText.json(closing.flagNames), LedgerText.json(rules.flags.map(\.name)))
        cmp(c.values, LedgerText.json(closing.valueNames), LedgerText.json(rules.values.filter { $0.type == .bool }.map(\.name)))
        cmp(c.version, closing.ruleVersion, rules.version)
        cmp(c.ruleSHA, closing.ruleSha256, month.rules.sha256)
        return out
    }

    /// Per worker, which published values the re-run does not reproduce.
    static func workerDifferences(published: [WorkerResult], rerun: [WorkerResult], closing: Settlement) -> [Diagnostic] {
        var before: [ExactID: WorkerResult] = [:]
        for w in published { before[ExactID(w.workerId)] = w }
        var after: [ExactID: WorkerResult] = [:]
        for w in rerun { after[ExactID(w.workerId)] = w }
        var out: [Diagnostic] = []
        for id in Set(before.keys).union(after.keys).sorted() {
            guard let b = before[id] else { out.append(.error(LedgerMessages.workerOnlyRerun("\(id)"), at: nil)); continue }
            guard let a = after[id] else { out.append(.error(LedgerMessages.workerOnlyPublished("\(id)"), at: nil)); continue }
            let diffs = valueDifferences(b, a, closing: closing)
            if !diffs.isEmpty { out.append(.error(LedgerMessages.workerDiffers("\(id)", name: a.name, diffs), at: nil)) }
        }
        return out
    }

    /// Every column of a worker's published line that the re-run gives otherwise.
    static func valueDifferences(_ b: WorkerResult, _ a: WorkerResult, closing: Settlement) -> [String] {
        var diffs: [String] = []
        func cmp(_ name: String, _ x: String, _ y: String) { if !x.utf8.elementsEqual(y.utf8) { diffs.append(LedgerMessages.valueDiffers(name, published: x, rerun: y)) } }
        func list(_ xs: [String], _ k: Int) -> String { k < xs.count ? xs[k] : "—" }
        func yes(_ b: Bool?) -> String { b.map { $0 ? "是" : "否" } ?? "" }
        cmp(SheetLabelsPublic.position, "\(b.position + 1)", "\(a.position + 1)")
        for (label, x, y) in [("姓名", b.name, a.name), ("村(社区)", b.unit, a.unit), ("网格编号", b.grp, a.grp)] { cmp(label, x, y) }
        for (k, item) in closing.itemNames.enumerated() {
            cmp(item, list(b.items, k), list(a.items, k))
            cmp("\(item) (\(SheetLabelsPublic.yuan))", list(b.itemYuan, k), list(a.itemYuan, k))
        }
        if b.items.count != closing.itemNames.count { cmp(LedgerMessages.itemCount(), "\(b.items.count)", "\(closing.itemNames.count)") }
        cmp(RuleLoader.totalName, b.total, a.total)
        cmp(RuleLoader.rankName, "\(b.rank)", "\(a.rank)")
        cmp(RuleLoader.dutyName, yes(b.dutyMet), yes(a.dutyMet))
        for (k, flag) in closing.flagNames.enumerated() {
            cmp(flag, k < b.flags.count ? yes(b.flags[k]) : "—", k < a.flags.count ? yes(a.flags[k]) : "—")
        }
        for (k, name) in closing.valueNames.enumerated() {
            cmp(name, k < b.namedValues.count ? yes(b.namedValues[k]) : "—", k < a.namedValues.count ? yes(a.namedValues[k]) : "—")
        }
        cmp(RuleLoader.payBaseName, b.base, a.base)
        cmp(RuleLoader.scorePayName, b.scorePay, a.scorePay)
        cmp(RuleLoader.deductionsName, b.deductions, a.deductions)
        cmp(SheetLabelsPublic.priorAdjustment, b.adjustment, a.adjustment)
        cmp(RuleLoader.payableName, b.payable, a.payable)
        cmp(RuleLoader.shortfallName, b.shortfall, a.shortfall)
        return diffs
    }
}
