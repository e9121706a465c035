import GridpayCore

/// Earlier periods whose results were published (closed in the town's ledger, SPEC §9):
/// consecutive() reads them from there, never recomputing them. The ledger target provides it.
public protocol PublishedHistory: AnyObject, Sendable {
    /// True when `period` is closed: its values then come from `publishedValue`.
    func isPublished(_ period: CalendarPeriod) -> Bool
    /// The named value as first published; nil when the worker was not on that roster.
    func publishedValue(named name: String, period: CalendarPeriod, workerID: String) throws(EvaluationError) -> Value?
    /// The SHA-256 of the rule file the period was closed with (for 说明 and the manifest).
    func publishedRuleSHA256(of period: CalendarPeriod) -> String
    /// Each worker's 总分 as first published, by id (its exact scalars); nil when `period` is not
    /// closed. Throws why the ledger could not be read.
    func publishedTotals(of period: CalendarPeriod) throws(PipelineFailure) -> [ExactID: ExactNumber]?
}

/// Corrections of closed periods carried into this period's pay (SPEC §9): sheet 往期更正 and
/// a column 往期调整 on 绩效工资 and in the pay CSV. Present only when there is something to carry.
public struct CarriedCorrections: Sendable {
    /// One changed value: worker, corrected period, item (or pay line), value as published (or as
    /// last settled) and the corrected value; "" where the worker was not on that roster.
    public struct Line: Sendable, Equatable {
        public var workerID: String
        public var name: String
        public var period: String
        public var item: String
        public var published: String
        public var corrected: String
        public init(workerID: String, name: String, period: String, item: String, published: String, corrected: String) {
            self.workerID = workerID
            self.name = name
            self.period = period
            self.item = item
            self.published = published
            self.corrected = corrected
        }
    }

    public var lines: [Line]
    /// 往期调整 per worker id (by its exact Unicode scalars: canonically equal ids are two
    /// workers): corrected 实发绩效 − published, summed over the corrected periods.
    public var adjustments: [ExactID: ExactNumber]
    /// The corrected periods, ascending.
    public var periods: [String]

    public init(lines: [Line], adjustments: [ExactID: ExactNumber], periods: [String]) {
        self.lines = lines
        self.adjustments = adjustments
        self.periods = periods
    }

    public var isEmpty: Bool { lines.isEmpty && adjustments.isEmpty }
}

extension PreparedMonth {
    /// Earlier months read from their inputs for the history (not from the ledger).
    public var historyMonthsRead: [(CalendarPeriod, MonthInputs)] { history.monthsRead }
}

extension LoadedRules {
    /// A rule file read from elsewhere than Rules/ (e.g. the ledger's archive).
    public init(path: String, text: String, sha256: String, checked rules: RuleSet) {
        self.init(path: path, text: text, sha256: sha256, rules: rules)
    }
}
