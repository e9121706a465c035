import GridpayCore

/// The 总分 of a town's preliminary periods beside its own (SPEC §17: the year's workbook shows
/// the first half-year's 总分, 上半年总分). A closed preliminary period's totals are those it
/// published, read from the ledger (SPEC §9: never recomputed); an open one is run from its own
/// month folders (its own last roster, the same rule version lookup), as `run` of it would.
enum PreliminaryTotals {
    /// The column of a preliminary period on 考核汇总: 上半年总分, 下半年总分, 第1季度总分, 3月总分.
    static func label(_ p: CalendarPeriod) -> String { p.preliminaryTotalName }

    /// Sets each worker's `preliminaryTotals` and the report's `preliminaryPublished`; fails as the
    /// preliminary period's run fails, or as the ledger cannot be read.
    static func attach(to report: inout MonthReport, request: RunRequest, history: EarlierMonths,
                       rules: ((Period) -> Result<LoadedRules, PipelineFailure>)?, progress: RunReporter?) -> PipelineFailure? {
        let periods = report.rules.preliminaryPeriods(of: request.period)
        guard !periods.isEmpty else { return nil }
        var totals: [[ExactID: ExactNumber]] = []
        var published: [Bool] = []
        for p in periods {
            do {
                if let t = try history.publishedTotals(of: p) {
                    totals.append(t)
                    published.append(true)
                    continue
                }
            } catch {
                return error
            }
            switch totalsOf(p, request: request, rules: rules, progress: progress) {
            case .success(let t): totals.append(t)
            case .failure(let f): return f
            }
            published.append(false)
        }
        for k in report.workers.indices {
            report.workers[k].preliminaryTotals = totals.map { $0[ExactID(report.workers[k].id)] }
        }
        report.preliminaryPublished = published
        return nil
    }

    static func totalsOf(_ p: CalendarPeriod, request: RunRequest, rules: ((Period) -> Result<LoadedRules, PipelineFailure>)?,
                         progress: RunReporter?) -> Result<[ExactID: ExactNumber], PipelineFailure> {
        var sub = request
        sub.period = p
        sub.accepted = []
        sub.carried = nil
        return MonthRunner.prepare(sub, rules: rules, progress: progress, spill: true).map { month in
            // By exact scalars: canonically equal ids are two workers (a String key would merge them).
            Dictionary(uniqueKeysWithValues: month.report.workers.map { (ExactID($0.id), $0.total) })
        }
    }
}
