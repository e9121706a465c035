import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline

/// `GET …/workers/{id}`: one worker's derivation, the text of `gridpay explain` (with the input
/// rows behind each deduction), read as `explain` reads it: the period's inputs, the ledger's
/// published history, the rows accepted in the period's last run.
enum Explain {
    struct Worker: Codable, Sendable {
        var worker: String
        var name: String
        var unit: String
        var group: String
        /// Null for a summary period (no score, no rank) and, for payable, a town without pay.
        var rank: Int?
        var total: String?
        var payable: String?
        var text: String

        enum CodingKeys: String, CodingKey { case worker, name, unit, group, rank, total, payable, text }

        /// Absent values are written as null, so that every key is always there.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(worker, forKey: .worker)
            try c.encode(name, forKey: .name)
            try c.encode(unit, forKey: .unit)
            try c.encode(group, forKey: .group)
            try c.encode(rank, forKey: .rank)
            try c.encode(total, forKey: .total)
            try c.encode(payable, forKey: .payable)
            try c.encode(text, forKey: .text)
        }
    }

    /// The path's worker id, percent-decoded.
    static func workerID(_ context: ConsoleContext) throws -> String { try context.pathText("id") }

    static func worker(_ ref: PeriodRef, id: String, console: Console) async throws -> Worker {
        var request = RunRequest(town: ref.town.town, period: ref.period, words: .console)
        request.rulesDir = console.folders.rulesDir
        request.inputDir = console.folders.inputDir
        request.outputDir = console.folders.outputDir
        let events = try console.store.events(town: ref.town.town, period: ref.text)
        if let last = events.last(where: { $0.step == .run }),
           let accepted = try? JSONDecoder().decode([RunOutcome.Acceptance].self, from: Data(last.accepted.utf8)) {
            request.accepted = Set(accepted.compactMap { RowPosition($0.row) })
        }
        let ledgerDir = console.folders.ledgerDir
        let prepared = request
        let found: Result<Worker?, PipelineFailure> = await PeriodRunner.onOwnThread {
            // As `gridpay explain` reads it: the ledger's history, the corrections the period
            // carries (往期调整 as run pays it), a closed period from its archive, said first.
            let setup: (request: RunRequest, notes: [String], warnings: [Diagnostic], scratch: String?)
            switch LedgerCommands.explainRequest(prepared, ledgerDir: ledgerDir) {
            case .failure(let f): return .failure(f)
            case .success(let s): setup = s
            }
            defer { if let scratch = setup.scratch { try? FileManager.default.removeItem(atPath: scratch) } }
            return MonthRunner.prepare(setup.request, progress: nil).map { m in
                // By code points (ExactID), never by String's canonical equivalence.
                guard let w = m.report.workers.first(where: { ExactID($0.id) == ExactID(id) }) else { return nil }
                let text = Explanation.text(worker: w, in: m.scoring, ruleFile: m.ruleFileName, workerCount: m.report.workers.count,
                                            adjustment: w.adjustment, preliminaryPublished: m.report.preliminaryPublished, words: .console)
                let rules = m.scoring.rules, scored = !rules.isSummary(ref.period.kind)
                return Worker(worker: w.id, name: w.name, unit: w.unit, group: w.group, rank: scored ? w.rank : nil,
                              total: scored ? "\(w.total)" : nil,
                              payable: rules.hasPay ? w.payable.fixed(places: 2) : nil, text: setup.notes.map { $0 + "\n" }.joined() + text)
            }
        }
        switch found {
        case .success(let w?): return w
        case .success(nil): throw ConsoleHTTPError.notFound
        case .failure: throw ConsoleHTTPError.conflict(ConsoleMessages.explainNeedsRun)
        }
    }
}
