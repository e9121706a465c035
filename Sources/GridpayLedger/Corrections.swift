import Foundation
import GridpayCore
import GridpayHash
import GridpayPipeline

/// A closed period whose inputs in `Input/` no longer match what it was last settled with.
struct PendingCorrection {
    var closing: Settlement
    var latest: Settlement
    var directory: String
    /// file, archived SHA-256, current SHA-256 (nil: the file is gone).
    var changed: [(file: String, archived: String, current: String?)]
}

/// A corrected period recomputed under its own rule version, ready to be carried and settled.
struct RecomputedCorrection {
    var pending: PendingCorrection
    var month: PreparedMonth
    var rules: LoadedRules
    /// The corrected lines to record as the revision (adjustment: the period's own 往期调整).
    var workers: [WorkerResult]
    var lines: [CarriedCorrections.Line]
    var totalPayable: ExactNumber
}

enum Corrections {
    /// The SHA-256 of a file, streamed; nil when it cannot be read.
    static func hash(_ path: String) -> String? { FileDigest.sha256(ofFileAt: path) }

    /// Closed periods whose inputs were changed after they were last settled. A period whose
    /// input folder is gone is not a correction (inputs may be deleted once archived).
    static func pending(ledger: Ledger, town: String, inputDir: String) throws -> [PendingCorrection] {
        var out: [PendingCorrection] = []
        let all = try ledger.settlements()
        for closing in all where closing.revision == 0 {
            let latest = all.filter { $0.period == closing.period }.max { $0.revision < $1.revision }!
            guard !LedgerPeriods.monthFolders(inputDir: inputDir, town: town, period: closing.period).isEmpty else { continue }
            let dir = LedgerPeriods.inputFolder(inputDir: inputDir, town: town, period: closing.period)
            var changed: [(String, String, String?)] = []
            for f in try ledger.files(of: latest.id!, role: "input") {
                let current = hash("\(dir)/\(f.file)")
                if current != f.sha256 { changed.append((f.file, f.sha256, current)) }
            }
            if !changed.isEmpty { out.append(PendingCorrection(closing: closing, latest: latest, directory: dir, changed: changed)) }
        }
        return out
    }

    /// The latest revision of `closing`'s period when `directory` holds exactly the inputs it
    /// archived: the corrected inputs were carried and settled, so nothing is waiting. Nil when
    /// the period has no revision or the folder holds other files.
    static func settledRevision(ledger: Ledger, closing: Settlement, directory: String) -> Settlement? {
        guard let latest = try? ledger.latestSettlement(of: closing.period), latest.revision > 0,
              let files = try? ledger.files(of: latest.id!, role: "input"), !files.isEmpty else { return nil }
        for f in files {
            guard hash("\(directory)/\(f.file)") == f.sha256 else { return nil }
        }
        return latest
    }

    /// Rule files for re-running periods from the ledger: a closed period's own archived rule
    /// file; other periods as the rules folder says.
    static func rules(ledger: Ledger, request: RunRequest) -> (Period) -> Result<LoadedRules, PipelineFailure> {
        let fallback = MonthRunner.rulesFor(request: request)
        let closings = (try? ledger.settlements().filter { $0.revision == 0 }) ?? []
        return { period in
            // Rules are asked for by month (a period's first month): the closing that holds it.
            guard let s = closings.first(where: { LedgerPeriods.parse($0.period)?.months.contains(period) == true }) else { return fallback(period) }
            return archivedRules(ledger: ledger, settlement: s)
        }
    }

    static func archivedRules(ledger: Ledger, settlement s: Settlement) -> Result<LoadedRules, PipelineFailure> {
        let text: String
        do { text = try ledger.objectText(s.ruleSha256) } catch {
            return .failure(PipelineFailure(message: LedgerMessages.archivedRuleUnreadable(s.ruleFile, period: s.period, ledger: ledger.path, reason: ledger.describe(error))))
        }
        switch RuleLoader.load(text: text, file: s.ruleFile) {
        case .success(let rules): return .success(LoadedRules(path: s.ruleFile, text: text, sha256: s.ruleSha256, checked: rules))
        case .failure(let f): return .failure(PipelineFailure(diagnostics: f.diagnostics, sources: [s.ruleFile: text]))
        }
    }

    /// What a closed period carried when it was closed, as the ledger recorded it (for re-runs
    /// and verify: never recomputed).
    static func recorded(ledger: Ledger, closing: Settlement) throws -> CarriedCorrections? {
        let lines = try ledger.correctionLines(of: closing.id!)
        var adjustments: [ExactID: ExactNumber] = [:]
        for (id, text) in try ledger.adjustments(of: closing.id!) {
            let a = try LedgerText.published(text, column: SheetLabelsPublic.priorAdjustment, worker: id, period: closing.period)
            if a != .zero { adjustments[ExactID(id)] = a }
        }
        let carried = CarriedCorrections(
            lines: lines.map { .init(workerID: $0.workerId, name: $0.name, period: $0.period, item: $0.item, published: $0.published, corrected: $0.corrected) },
            adjustments: adjustments, periods: Array(Set(lines.map(\.period))).sorted())
        return carried.isEmpty ? nil : carried
    }

    /// Recomputes every pending correction under its period's own rule version and works out
    /// what it carries: 往期更正 lines and 往期调整 per worker.
    static func recompute(ledger: Ledger, request: RunRequest, history: LedgerHistory,
                          pending: [PendingCorrection]) -> Result<(CarriedCorrections, [RecomputedCorrection]), PipelineFailure> {
        var results: [RecomputedCorrection] = []
        var allLines: [CarriedCorrections.Line] = []
        var adjustments: [ExactID: ExactNumber] = [:]
        for p in pending {
            guard let period = LedgerPeriods.parse(p.closing.period) else { continue }
            var r = RunRequest(town: request.town, period: period, words: request.words)
            r.rulesDir = request.rulesDir
            r.inputDir = request.inputDir
            r.threads = request.threads
            r.accepted = p.closing.acceptedPositions
            r.acceptedMayLapse = true
            // Its accepted rows are those recorded at closing: the open period's --accept does not reach it.
            r.acceptAdvice = { [open = "\(request.period)", closed = p.closing.period] _ in LedgerMessages.keepsItsAcceptedRows(open: open, closed: closed) }
            r.published = history
            // Its earlier months as its closing read them: only its own corrected inputs are new.
            let earlier: ClosedHistory
            switch ClosedHistory.layOut(ledger, closing: p.closing, town: request.town) {
            case .success(let h): earlier = h
            case .failure(let f): return .failure(f)
            }
            defer { earlier.remove() }
            r.historyInputDir = earlier.inputDir
            r.historyRulesDir = earlier.rulesDir
            do { r.carried = try recorded(ledger: ledger, closing: p.closing) } catch {
                return .failure(PipelineFailure(message: LedgerMessages.cannotRead(ledger.path, ledger.describe(error))))
            }
            let rulesFor = rules(ledger: ledger, request: r)
            let month: PreparedMonth
            switch MonthRunner.prepare(r, rules: rulesFor, spill: true) {
            case .success(let m): month = m
            case .failure(let f):
                var d = f.diagnostics
                d.append(.error(LedgerMessages.correctionNotCarried(request.town, p.closing.period, folder: p.directory, words: ledger.words), at: nil))
                return .failure(PipelineFailure(diagnostics: d, sources: f.sources))
            }
            let baseline: [WorkerResult]
            do { baseline = try ledger.workers(of: p.latest.id!) } catch {
                return .failure(PipelineFailure(message: LedgerMessages.cannotRead(ledger.path, ledger.describe(error))))
            }
            let corrected = workerResults(month, settlementID: 0)
            let lines: [CarriedCorrections.Line]
            do { lines = try differences(baseline, corrected, items: month.report.rules.items.map(\.name), period: p.closing.period, adjustments: &adjustments) } catch {
                return .failure(PipelineFailure(message: LedgerMessages.cannotRead(ledger.path, ledger.describe(error))))
            }
            var total = ExactNumber.zero
            for w in corrected { total = (try? total.adding(LedgerText.number(w.payable) ?? .zero)) ?? total }
            allLines += lines
            results.append(RecomputedCorrection(pending: p, month: month, rules: month.rules, workers: corrected, lines: lines, totalPayable: total))
        }
        let periods = Array(Set(allLines.map(\.period))).sorted()
        return .success((CarriedCorrections(lines: allLines, adjustments: adjustments, periods: periods), results))
    }

    /// The values a correction changes, worker by worker (ids matched by their exact Unicode
    /// scalars), and each worker's corrected 实发绩效 − published added to `adjustments`. A
    /// published value that does not parse is an error, never 0.
    static func differences(_ baseline: [WorkerResult], _ corrected: [WorkerResult], items: [String], period: String,
                            adjustments: inout [ExactID: ExactNumber]) throws -> [CarriedCorrections.Line] {
        var before: [ExactID: WorkerResult] = [:]
        for w in baseline { before[ExactID(w.workerId)] = w }
        var after: [ExactID: WorkerResult] = [:]
        for w in corrected { after[ExactID(w.workerId)] = w }
        var lines: [CarriedCorrections.Line] = []
        for id in Set(before.keys).union(after.keys).sorted() {
            let b = before[id], a = after[id]
            let name = a?.name ?? b?.name ?? ""
            func compare(_ item: String, _ x: String?, _ y: String?) throws {
                let nx = try x.map { try LedgerText.published($0, column: item, worker: id.text, period: period) }
                let ny = try y.map { try LedgerText.published($0, column: item, worker: id.text, period: period) }
                if nx != ny { lines.append(.init(workerID: id.text, name: name, period: period, item: item, published: x ?? "", corrected: y ?? "")) }
            }
            for (k, item) in items.enumerated() {
                try compare(item, b.flatMap { k < $0.items.count ? $0.items[k] : nil }, a.map { $0.items[k] })
            }
            try compare(RuleLoader.totalName, b?.total, a?.total)
            try compare(RuleLoader.scorePayName, b?.scorePay, a?.scorePay)
            try compare(RuleLoader.deductionsName, b?.deductions, a?.deductions)
            try compare(RuleLoader.payableName, b?.payable, a?.payable)
            let published = try b.map { try LedgerText.published($0.payable, column: RuleLoader.payableName, worker: id.text, period: period) } ?? .zero
            let delta = try (a.flatMap { LedgerText.number($0.payable) } ?? .zero).subtracting(published)
            if delta != .zero { adjustments[id] = try (adjustments[id] ?? .zero).adding(delta) }
        }
        return lines
    }

    /// A month's workers as the ledger keeps them, in published (rank) order.
    static func workerResults(_ month: PreparedMonth, settlementID: Int64) -> [WorkerResult] {
        var out: [WorkerResult] = []
        out.reserveCapacity(month.report.workers.count)
        forEachWorkerResult(month, settlementID: settlementID) { out.append($0) }
        return out
    }

    /// Each worker's line in turn (a province has 200,000: they are not all kept at once).
    static func forEachWorkerResult(_ month: PreparedMonth, settlementID: Int64, _ body: (WorkerResult) throws -> Void) rethrows {
        let c = month.scoring
        let rules = month.report.rules
        let valueNames = rules.values.filter { $0.type == .bool }.map(\.name)
        for (k, w) in month.report.workers.enumerated() {
            let values: [Bool?] = valueNames.map { name in (try? MonthReport.lookup(name, worker: w, in: c))??.bool }
            let adjustment = w.adjustment ?? .zero
            try body(WorkerResult(
                settlementId: settlementID, workerId: w.id, position: k, name: w.name, unit: w.unit, grp: w.group, rank: w.rank,
                items: w.items.map(LedgerText.number), itemYuan: w.itemYuan.map(LedgerText.number), total: LedgerText.number(w.total),
                dutyMet: w.dutyMet, flags: w.flags, namedValues: values, base: LedgerText.number(w.base),
                scorePay: LedgerText.number(w.scorePay), deductions: LedgerText.number(w.deductions),
                adjustment: LedgerText.number(adjustment), payable: LedgerText.number(w.payable), shortfall: LedgerText.number(w.shortfall)))
        }
    }
}
