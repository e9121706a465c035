import Foundation
import GridpayCore
import GridpayHash
import GridpayLedger
import GridpayPipeline

/// Compare of a draft on a period, adoption of a draft as a dated version, a diff of two versions.
extension RuleWorkspace {
    struct Compared: Codable, Sendable { var workers_changed: Int; var total_before: String; var total_after: String; var file: String }

    /// `gridpay compare <town> <period> --rules <draft>`: the workbook among the period's outputs.
    static func compare(town: String, period: CalendarPeriod, draftPath: String, console: Console) async throws -> Compared {
        let folders = console.folders
        let result = try await console.runs.exclusively("\(town)/\(period)") {
            await PeriodRunner.onOwnThread { () -> Result<CompareResult, PipelineFailure> in
                var request = RunRequest(town: town, period: period, words: .console)
                request.rulesDir = folders.rulesDir
                request.inputDir = folders.inputDir
                request.outputDir = folders.outputDir
                return LedgerCommands.compareRequest(request, ledgerDir: folders.ledgerDir)
                    .flatMap { CompareRunner.run(CompareRequest(run: $0.0, candidate: draftPath)) }
            }
        }
        switch result {
        case .failure(let f):
            let scrubber = PathScrubber(folders)
            let first = f.diagnostics.first { $0.severity == .error }.map { scrubber.problem($0, town: town, period: period).message } ?? ""
            throw ConsoleHTTPError.conflict(RuleWorkspaceMessages.compareFailed(errors: f.diagnostics.filter { $0.severity == .error }.count, first: first))
        case .success(let r):
            let c = r.comparison
            let changed = c.workers.filter { $0.totalDelta != .zero || $0.payDelta != .zero || $0.rankChanged || !$0.changes.isEmpty }.count
            return Compared(workers_changed: changed, total_before: c.payableBefore.fixed(places: 2), total_after: c.payableAfter.fixed(places: 2),
                            file: (r.path as NSString).lastPathComponent)
        }
    }

    /// Adopts a checked draft as `Rules/<town>/<version>.toml` taking effect from `month`. Refused
    /// (409) when a closed period would fall under it, or a version of that name or month exists.
    /// A single `Rules/<town>.toml` first moves, bytes unchanged, into the folder (a rule file is
    /// its bytes: the ledger still knows it).
    static func adopt(town: String, text: String, loaded: LoadedRules, month: Period, console: Console) throws -> (file: String, sha256: String) {
        guard let adopted = withEffectiveFrom(text, loaded, month: month) else {
            throw ConsoleHTTPError.badRequest(RuleWorkspaceMessages.noEffectiveFrom)
        }
        let version = loaded.rules.version
        if let why = PlainName.problem(version) { throw ConsoleHTTPError.badRequest(RuleWorkspaceMessages.versionNotAFileName(version, why)) }
        let existing = try versions(town: town, console: console)
        if existing.contains(where: { $0.version == version }) { throw ConsoleHTTPError.conflict(RuleWorkspaceMessages.versionExists(version)) }
        if let same = existing.first(where: { $0.effective_from == "\(month)" }) {
            throw ConsoleHTTPError.conflict(RuleWorkspaceMessages.monthTaken(same.version, month: "\(month)"))
        }
        // The new version governs from `month` until the next existing version takes effect.
        let next = existing.compactMap { Period.parse($0.effective_from) }.filter { month < $0 }.min()
        let ledger = try Ledger.openIfPresent(ledgerDir: console.folders.ledgerDir, town: town, words: .console)
        let closed = try (ledger?.closedPeriods() ?? []).filter { p in
            guard let first = CalendarPeriod.parse(p)?.firstMonth else { return false }
            return !(first < month) && (next.map { first < $0 } ?? true)
        }
        if !closed.isEmpty { throw ConsoleHTTPError.conflict(RuleWorkspaceMessages.closedPeriodsUnder(closed, month: "\(month)")) }
        let folder = "\(console.folders.rulesDir)/\(town)"
        let single = "\(console.folders.rulesDir)/\(town).toml"
        if !RuleFolderCheck.isFolder(folder) {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: single), case .success(let old) = RuleFiles.load(path: single) {
                try FileManager.default.moveItem(atPath: single, toPath: "\(folder)/\(old.rules.version).toml")
            }
        }
        let path = "\(folder)/\(version).toml"
        guard !FileManager.default.fileExists(atPath: path) else { throw ConsoleHTTPError.conflict(RuleWorkspaceMessages.versionExists(version)) }
        let data = Data(adopted.utf8)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        return ("\(version).toml", try SHA256Digest.hex([UInt8](data)))
    }

    struct DiffLine: Codable, Sendable, Equatable { var op: String; var text: String }

    /// A line diff (longest common subsequence): " " kept, "-" only in `a`, "+" only in `b`.
    static func diff(_ a: [String], _ b: [String]) -> [DiffLine] {
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [DiffLine] = [], i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] { out.append(DiffLine(op: " ", text: a[i])); i += 1; j += 1 }
            else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] { out.append(DiffLine(op: "+", text: b[j])); j += 1 }
            else { out.append(DiffLine(op: "-", text: a[i])); i += 1 }
        }
        return out
    }
}
