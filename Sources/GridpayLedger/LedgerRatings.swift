import Foundation
import GridpayCore
import GridpayPipeline

/// Ratings read closed periods from the ledger (SPEC §8, §9): the results as first published,
/// never a recomputation. Uses only the ledger's public reading API (`published(_:)`).
extension Ledger {
    /// What `gridpay rate` reads from the ledger: each closed period's published results (nil for
    /// a period that is not closed), and the history that open periods computed from their inputs
    /// use for consecutive() (as `run` does). No ledger file at all: no period is closed.
    public static func ratingSources(ledgerDir: String, town: String) -> (published: PublishedResults, history: PublishedHistory?) {
        let ledger: Ledger?
        let history: LedgerHistory?
        do {
            ledger = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: town)
            history = try ledger.map { try LedgerHistory(ledger: $0) }
        } catch let error as PipelineFailure {
            return ({ _ in .failure(error) }, nil)
        } catch {
            return ({ _ in .failure(PipelineFailure(message: "\(Ledger.path(ledgerDir: ledgerDir, town: town)): \(error)")) }, nil)
        }
        guard let ledger else { return ({ _ in .success(nil) }, nil) }
        return ({ period in
            do {
                guard let p = try ledger.published("\(period)") else { return .success(nil) }
                return .success(results(p, period: period, ledgerFile: (ledger.path as NSString).lastPathComponent))
            } catch {
                return .failure(PipelineFailure(message: "\(ledger.path): cannot read the published results of \(period): \(error)"))
            }
        }, history)
    }

    /// A closing as a rating reads it: each worker's 总分, items and flags by name.
    static func results(_ p: PublishedPeriod, period: CalendarPeriod, ledgerFile: String) -> PeriodResults {
        let workers = p.workers.map { w in
            var numbers = [RuleLoader.totalName: w.total]
            for (name, value) in zip(p.itemNames, w.items) { numbers[name] = value }
            var flags: [String: Bool] = [:]
            for (name, value) in zip(p.flagNames, w.flags) { flags[name] = value }
            return PeriodResults.Worker(id: w.id, name: w.name, unit: w.unit, group: w.group, numbers: numbers, flags: flags)
        }
        let source = PeriodResults.Source("\(period) 已结账",
            "台账 \(ledgerFile)：\(p.closedBy) 于 \(p.closedAt) (UTC) 结账；规则 \(p.ruleFile) 版本 \(p.ruleVersion) SHA-256 \(p.ruleSHA256)；\(p.workers.count) 人")
        return PeriodResults(period: period, closed: true, workers: workers, sources: [source])
    }
}
