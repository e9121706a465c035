import GridpayCore

/// The 总分 of a town's preliminary periods beside its own (SPEC §17: the year's workbook shows
/// the first half-year's 总分, 上半年总分). The preliminary period is run from its own month
/// folders (its own last roster, the same rule version lookup), as `run` of it would: for a closed
/// one whose inputs are unchanged that is what was published.
enum PreliminaryTotals {
    /// The column of a preliminary period on 考核汇总: 上半年总分, 下半年总分, 第1季度总分, 3月总分.
    static func label(_ p: CalendarPeriod) -> String {
        let name: String
        switch p.kind {
        case .halfYear: name = p.index == 1 ? "上半年" : "下半年"
        case .quarter: name = "第\(p.index)季度"
        case .month: name = "\(p.index)月"
        case .year: name = "\(p.year)年"
        }
        return "\(name)\(RuleLoader.totalName)"
    }

    /// Sets each worker's `preliminaryTotals`; fails as the preliminary period's run fails.
    static func attach(to report: inout MonthReport, request: RunRequest, rules: ((Period) -> Result<LoadedRules, PipelineFailure>)?,
                       progress: RunReporter?) -> PipelineFailure? {
        let periods = report.rules.preliminaryPeriods(of: request.period)
        guard !periods.isEmpty else { return nil }
        var totals: [[String: ExactNumber]] = []
        for p in periods {
            switch totalsOf(p, request: request, rules: rules, progress: progress) {
            case .success(let t): totals.append(t)
            case .failure(let f): return f
            }
        }
        for k in report.workers.indices {
            report.workers[k].preliminaryTotals = totals.map { $0[report.workers[k].id] }
        }
        return nil
    }

    static func totalsOf(_ p: CalendarPeriod, request: RunRequest, rules: ((Period) -> Result<LoadedRules, PipelineFailure>)?,
                         progress: RunReporter?) -> Result<[String: ExactNumber], PipelineFailure> {
        var sub = request
        sub.period = p
        sub.accepted = []
        sub.carried = nil
        return MonthRunner.prepare(sub, rules: rules, progress: progress, spill: true).map { month in
            Dictionary(uniqueKeysWithValues: month.report.workers.map { ($0.id, $0.total) })
        }
    }
}
