import Foundation
import GridpayCore

/// Earlier months for consecutive(): each read from its own inputs with the rule version in
/// force for it, computed once and kept for the run.
public final class EarlierMonths: HistoryProvider {
    let inputRoot: String
    let rulesFor: (Period) -> Result<LoadedRules, PipelineFailure>
    var cache: [CalendarPeriod: Result<MonthInputs, HistoryGap>] = [:]
    /// Where earlier months spill their duplicate-key checks (nil: in memory).
    var scratch: ScratchFolder?
    /// Closed periods: read from the ledger as published, never recomputed.
    public var published: PublishedHistory?
    /// Closed periods this run read from the ledger.
    private(set) var publishedRead: Set<CalendarPeriod> = []

    /// inputRoot: the town's input folder (holding YYYY-MM folders).
    public init(inputRoot: String, rulesFor: @escaping (Period) -> Result<LoadedRules, PipelineFailure>) {
        self.inputRoot = inputRoot
        self.rulesFor = rulesFor
    }

    /// Every earlier month this run looked at, for the manifest.
    public var monthsRead: [(CalendarPeriod, MonthInputs)] {
        cache.compactMap { p, r in if case .success(let m) = r { return (p, m) } else { return nil } }.sorted { $0.0 < $1.0 }
    }

    func month(_ span: CalendarPeriod) -> Result<MonthInputs, HistoryGap> {
        if let c = cache[span] { return c }
        let p = span.firstMonth
        let dir = "\(inputRoot)/\(p)"
        var isDir: ObjCBool = false
        let result: Result<MonthInputs, HistoryGap>
        if span.kind != .month {
            result = quarter(span)
        } else if !FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) || !isDir.boolValue {
            // No folder path in the reason: it is written into the outputs, which must not depend
            // on where the inputs were (verify re-runs a closed period from elsewhere).
            let folder = "\((inputRoot as NSString).lastPathComponent)/\(p)"
            result = .failure(HistoryGap(reason: HistoryReason { HistoryMessages.inputsMissing("\(p)", folder: folder) }))
        } else {
            switch rulesFor(p) {
            case .failure(let f):
                result = .failure(noUsableRules(span, f))
            case .success(let rules):
                // History of history is not needed: earlier months are only asked for named values.
                let discard = DiscardingDeductionSink()
                let m = MonthReader.read(rules: rules, period: p, directory: dir, accepted: [], history: nil,
                                         scratch: scratch?.path, deductionSink: { _ in discard })
                result = Self.usable(m, span)
            }
        }
        cache[span] = result
        return result
    }

    /// An earlier quarter (half-year, year), read as its run reads it (history of history is not needed).
    func quarter(_ q: CalendarPeriod) -> Result<MonthInputs, HistoryGap> {
        let missing = q.months.filter { !QuarterReader.isFolder("\(inputRoot)/\($0)") }
        if !missing.isEmpty {
            return .failure(HistoryGap(reason: HistoryReason { HistoryMessages.monthsMissing("\(q)", folders: missing.map { "\($0)" }) }))
        }
        switch rulesFor(q.firstMonth) {
        case .failure(let f):
            return .failure(noUsableRules(q, f))
        case .success(let rules):
            let discard = DiscardingDeductionSink()
            let m = QuarterReader.read(rules: rules, quarter: q, townDirectory: inputRoot, accepted: [], history: nil, deductionSink: { _ in discard })
            return Self.usable(m, q)
        }
    }

    /// No rule version for the period: the rule files' own error, in the reader's language and,
    /// asked again in Chinese, for the outputs.
    func noUsableRules(_ span: CalendarPeriod, _ failure: PipelineFailure) -> HistoryGap {
        let said = failure.diagnostics.first?.message ?? ""
        let inChinese = Language.current == .zh ? said : Language.with(.zh) {
            if case .failure(let again) = rulesFor(span.firstMonth) { return again.diagnostics.first?.message ?? "" }
            return said
        }
        return HistoryGap(reason: HistoryReason(message: HistoryMessages.noUsableRules("\(span)", said),
                                                sheetMessage: Language.with(.zh) { HistoryMessages.noUsableRules("\(span)", inChinese) }))
    }

    /// The period's inputs as read, or, where a problem would block its own run, the first one.
    static func usable(_ m: MonthInputs, _ span: CalendarPeriod) -> Result<MonthInputs, HistoryGap> {
        let blocking = m.blockingProblems
        guard let first = blocking.first else { return .success(m) }
        return .failure(HistoryGap(reason: HistoryReason(
            message: HistoryMessages.inputsHaveProblems("\(span)", count: blocking.count, row: first.rowReference, first.message),
            sheetMessage: Language.with(.zh) { HistoryMessages.inputsHaveProblems("\(span)", count: blocking.count, row: first.rowReference, first.sheetMessage) })))
    }

    /// A closed period's published totals (nil: not closed), noted as read from the ledger.
    func publishedTotals(of period: CalendarPeriod) throws(PipelineFailure) -> [ExactID: ExactNumber]? {
        guard let published, published.isPublished(period), let totals = try published.publishedTotals(of: period) else { return nil }
        publishedRead.insert(period)
        return totals
    }

    public func unavailability(of period: CalendarPeriod) -> HistoryReason? {
        if let published, published.isPublished(period) {
            publishedRead.insert(period)
            return nil
        }
        if case .failure(let gap) = month(period) { return gap.reason }
        return nil
    }

    public func value(named name: String, period: CalendarPeriod, workerID: String) throws(EvaluationError) -> Value? {
        if let published, published.isPublished(period) {
            publishedRead.insert(period)
            return try published.publishedValue(named: name, period: period, workerID: workerID)
        }
        guard case .success(let m) = month(period) else { return nil }
        let c = m.scoring
        guard let index = m.rules.rules.values.firstIndex(where: { $0.name == name }) else {
            throw EvaluationError(HistoryMessages.noSuchValue(name, period: "\(period)", rules: m.rules.path, version: m.rules.rules.version), at: nil)
        }
        guard let w = c.workerIndex(workerID) else { return nil }
        return try c.symbol(.value(index), worker: w)
    }
}

/// Why an earlier month cannot be used.
struct HistoryGap: Error {
    var reason: HistoryReason
}
