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
        /// The input rows the text names (the roster's row, then each `[file:line]` in the
        /// order the text names them), with their cells (SPEC §14).
        var rows: [InputRowCells.Row]
        /// The roster's row as `file:line` (explain names it by its line: 名册第 N 行), for the page.
        var rosterAt = ""

        enum CodingKeys: String, CodingKey { case worker, name, unit, group, rank, total, payable, text, rows }

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
            try c.encode(rows, forKey: .rows)
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
                let roster = ref.period.kind == .month ? rules.rosterTable.file : "\(ref.period.lastMonth)/\(rules.rosterTable.file)"
                let rows = InputRowCells.read([(roster, w.rosterLine)] + citations(text), rules: rules,
                                              folder: "\(setup.request.inputDir)/\(ref.town.town)", period: ref.period)
                return Worker(worker: w.id, name: w.name, unit: w.unit, group: w.group, rank: scored ? w.rank : nil,
                              total: scored ? "\(w.total)" : nil, payable: rules.hasPay ? w.payable.fixed(places: 2) : nil,
                              text: setup.notes.map { $0 + "\n" }.joined() + text, rows: rows, rosterAt: "\(roster):\(w.rosterLine)")
            }
        }
        switch found {
        case .success(let w?): return w
        case .success(nil): throw ConsoleHTTPError.notFound
        case .failure: throw ConsoleHTTPError.conflict(ConsoleMessages.explainNeedsRun)
        }
    }

    /// The `file:line` positions an explanation names, in order: `[events.csv:387]`, or one of a
    /// bracket's comma-separated list (a file named without a line is a whole table, not a row).
    static func citations(_ text: String) -> [(file: String, line: Int)] {
        var out: [(file: String, line: Int)] = []
        for line in text.split(separator: "\n") {
            guard line.hasSuffix("]"), let open = line.range(of: "   [", options: .backwards) else { continue }
            for part in line[open.upperBound..<line.index(before: line.endIndex)].components(separatedBy: ", ") {
                guard let colon = part.lastIndex(of: ":"), let n = Int(part[part.index(after: colon)...]), n > 0 else { continue }
                out.append((String(part[..<colon]), n))
            }
        }
        return out
    }
}
