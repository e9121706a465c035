import Foundation
import GridpayCore
import GridpayHash
import GridpayPipeline

/// A closed period's history as its closing read it (SPEC §9: a closed period re-run from the same
/// inputs and rule file writes the same bytes): the earlier months it read from their inputs are
/// laid out from the archive with their rule files, a month missing (or unusable) then stays
/// missing, and closed months are read as published. `run` of the closed period reads its history
/// from here, as `verify` does, whatever Input/ holds for the earlier months now.
struct ClosedHistory {
    /// A folder `gridpay-<pid>-<uuid>` in the temporary folder (a killed run's is removed by the next).
    let scratch: String
    var inputDir: String { "\(scratch)/Input" }
    var rulesDir: String { "\(scratch)/Rules" }

    /// The archived history of `closing` laid out under a new scratch folder.
    static func layOut(_ ledger: Ledger, closing: Settlement, town: String) -> Result<ClosedHistory, PipelineFailure> {
        let name = "gridpay-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        let history = ClosedHistory(scratch: FileManager.default.temporaryDirectory.appendingPathComponent(name).path)
        let ruleFolder = closing.ruleInFolder ? "\(history.rulesDir)/\(town)" : history.rulesDir
        do {
            try FileManager.default.createDirectory(atPath: "\(history.inputDir)/\(town)", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: ruleFolder, withIntermediateDirectories: true)
        } catch {
            history.remove()
            return .failure(PipelineFailure(message: LedgerSealMessages.scratchFailed(history.scratch, error)))
        }
        var extracts: [(file: ArchivedFile, path: String)] = []
        do {
            // The rule files as verify lays them out: the period's own, and in a folder of versions
            // the versions its history months were read with.
            var rules = try ledger.files(of: closing.id!, role: "rule")
            if closing.ruleInFolder { rules += try ledger.files(of: closing.id!, role: "history-rule") }
            var placed = Set<String>()
            for r in rules {
                let path = closing.ruleInFolder ? "\(ruleFolder)/\(r.file)" : "\(ruleFolder)/\(town).toml"
                if placed.insert(path).inserted { extracts.append((r, path)) }
            }
            for f in try ledger.files(of: closing.id!, role: "history-input") {
                extracts.append((f, "\(LedgerPeriods.inputFolder(inputDir: history.inputDir, town: town, period: f.period))/\(f.file)"))
            }
        } catch {
            history.remove()
            return .failure(PipelineFailure(message: LedgerMessages.cannotRead(ledger.path, ledger.describe(error))))
        }
        var problems = ArchiveExtraction.extract(extracts, ledger: ledger)
        guard problems.isEmpty else {
            history.remove()
            // A scratch copy that could not be written is not damage to the archive.
            if !problems.contains(where: { $0.message.contains(history.scratch) }) {
                problems.append(.error(ClosedPeriodMessages.historyArchiveDamaged(town, closing.period, path: ledger.path, words: ledger.words), at: nil))
            }
            return .failure(PipelineFailure(diagnostics: problems))
        }
        return .success(history)
    }

    func remove() { try? FileManager.default.removeItem(atPath: scratch) }

    /// How Input/ differs, for the closed period's history, from what its closing read: months
    /// that could not be used then (`gaps`) and have inputs now; months read then whose files
    /// changed or are gone. Nil when nothing differs.
    static func changes(_ ledger: Ledger, closing: Settlement, town: String, inputDir: String, gaps: [CalendarPeriod]) -> String? {
        var items: [(period: String, text: String)] = []
        for p in gaps {
            if let folder = LedgerPeriods.monthFolders(inputDir: inputDir, town: town, period: "\(p)").first {
                items.append(("\(p)", ClosedPeriodMessages.historyAppeared("\(p)", folder: folder)))
            }
        }
        let read = (try? ledger.files(of: closing.id!, role: "history-input")) ?? []
        for p in Array(Set(read.map(\.period))).sorted() {
            guard !LedgerPeriods.monthFolders(inputDir: inputDir, town: town, period: p).isEmpty else {
                items.append((p, ClosedPeriodMessages.historyGone(p, folder: LedgerPeriods.inputFolder(inputDir: inputDir, town: town, period: p))))
                continue
            }
            let dir = LedgerPeriods.inputFolder(inputDir: inputDir, town: town, period: p)
            let differing = read.filter { $0.period == p }.compactMap { f -> String? in
                guard let h = Corrections.hash("\(dir)/\(f.file)") else { return ClosedPeriodMessages.historyFileMissing(f.file) }
                return h == f.sha256 ? nil : ClosedPeriodMessages.historyFileChanged(f.file)
            }
            if !differing.isEmpty { items.append((p, ClosedPeriodMessages.historyChanged(p, files: differing))) }
        }
        guard !items.isEmpty else { return nil }
        let sorted = items.sorted { $0.period < $1.period }.map(\.text)
        return ClosedPeriodMessages.historyAsClosed(town, closing.period, changes: sorted)
    }
}

extension LedgerCommands {
    /// `run` of a closed period whose own files are the archived ones: with its history as laid
    /// out from the archive; what changed in Input/ for that history since is said, not used.
    static func runClosed(_ request: RunRequest, closing: Settlement, ledger: Ledger, progress: RunReporter?) -> Result<RunResult, PipelineFailure> {
        let history: ClosedHistory
        switch ClosedHistory.layOut(ledger, closing: closing, town: request.town) {
        case .success(let h): history = h
        case .failure(let f): return .failure(f)
        }
        defer { history.remove() }
        var r = request
        r.historyInputDir = history.inputDir
        r.historyRulesDir = history.rulesDir
        return MonthRunner.run(r, progress: progress).map { result in
            var out = result
            if let note = ClosedHistory.changes(ledger, closing: closing, town: request.town, inputDir: request.inputDir, gaps: result.historyGaps) {
                out.warnings.append(.warning(note, at: nil))
            }
            return out
        }
    }
}
