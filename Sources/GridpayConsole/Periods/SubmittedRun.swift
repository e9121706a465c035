import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline

/// What was submitted is what is closed (SPEC §14, four eyes; QA H13). Submitting keeps the
/// submitted run's manifest (the SHA-256 of every input, history input, the rule file and every
/// output); approving first runs the period again into a scratch folder of the console's own and
/// closes only when that run's manifest is the same bytes. Input/ is shared with the commands, so
/// a file changed on disk after submission would otherwise be closed unseen by the checker.
enum SubmittedRun {
    static func manifestPath(_ ref: PeriodRef, outputDir: String) -> String {
        PeriodOutputs(outputDir: outputDir, town: ref.town.town, period: ref.text).manifestPath
    }

    /// The manifest the submitted run wrote ("" when there is none).
    static func kept(_ ref: PeriodRef, console: Console) -> String { kept(ref, outputDir: console.folders.outputDir) }

    /// Refuses (409, naming what differs) when the period run now would not give the submitted run.
    static func check(_ request: RunRequest, ref: PeriodRef, submitted: String, console: Console) async throws {
        guard !submitted.isEmpty else { return }
        let scratch = "\(console.folders.consoleDir)/approving-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var again = request
        again.outputDir = scratch
        let run = again, ledgerDir = console.folders.ledgerDir
        let result = await PeriodRunner.onOwnThread { LedgerCommands.run(run, ledgerDir: ledgerDir, progress: nil) }
        let now: String
        switch result {
        case .success: now = kept(ref, outputDir: scratch)
        case .failure: now = ""
        }
        guard now != submitted else { return }
        throw ConsoleHTTPError.conflict(ConsoleMessages.changedSinceSubmission(differences(submitted, now)))
    }

    static func kept(_ ref: PeriodRef, outputDir: String) -> String {
        (try? String(contentsOfFile: manifestPath(ref, outputDir: outputDir), encoding: .utf8)) ?? ""
    }

    /// The inputs (and rule file) whose SHA-256 differ, were added or are gone; empty when only
    /// the outputs differ or the period no longer runs.
    static func differences(_ submitted: String, _ now: String) -> [String] {
        let d = JSONDecoder()
        guard let a = try? d.decode(Manifest.self, from: Data(submitted.utf8)),
              let b = try? d.decode(Manifest.self, from: Data(now.utf8)) else { return [] }
        var out: [String] = []
        if a.rules.sha256 != b.rules.sha256 || a.rules.file != b.rules.file { out.append(b.rules.file) }
        func files(_ m: Manifest) -> [String: String] {
            var all = Dictionary(m.inputs.map { ($0.file, $0.sha256) }, uniquingKeysWith: { x, _ in x })
            for h in m.history { for f in h.inputs { all[f.file] = f.sha256 } }
            return all
        }
        let before = files(a), after = files(b)
        out += Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        return out
    }
}
