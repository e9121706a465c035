import GridpayCore
import GridpayPipeline

/// The run summary's previous total from the ledger, where the previous period is closed.
enum RunSummaries {
    /// The summary with the previous period's total as closed and published (revision 0: what was
    /// paid then), in place of its last run's; unchanged where that period is not closed.
    static func withPublishedPrevious(_ summary: RunSummary, ledger: Ledger) -> RunSummary {
        guard summary.totalPayable != nil,
              let closed = try? ledger.settlements().first(where: { $0.period == summary.previousPeriod && $0.revision == 0 }),
              let total = LedgerText.number(closed.totalPayable) else { return summary }
        var out = summary
        out.previous = RunSummary.Previous(period: summary.previousPeriod, totalPayable: total, closed: true)
        return out
    }
}
