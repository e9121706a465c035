/// The scored month, ready for the sheets: one row per worker in rank order, every number exact.
public struct WorkerReport: Sendable {
    public var index: Int
    public var id: String
    public var name: String
    public var unit: String
    public var group: String
    public var rosterLine: Int
    /// Rounded item scores, in rule order.
    public var items: [ExactNumber]
    /// Yuan deducted through each item.
    public var itemYuan: [ExactNumber]
    public var total: ExactNumber
    public var rank: Int
    /// 等次, where the town grades its assessment period.
    public var grade: String?
    public var dutyMet: Bool?
    public var flags: [Bool]
    public var base: ExactNumber
    public var scorePay: ExactNumber
    /// The worker's share of each `[[awards]]` entry (awards and charges), positive, in rule order.
    public var awards: [ExactNumber] = []
    public var deductions: ExactNumber
    /// 往期调整 where the run carries corrections of closed periods (SPEC §9): the worker's corrected
    /// 实发绩效 − published, summed over the corrected periods (zero for most); nil where none are carried.
    public var adjustment: ExactNumber?
    public var payable: ExactNumber
    public var shortfall: ExactNumber
    public var records: [DeductionRecord]
    /// 扣分明细's lines for the worker's shares of charged awards (0 points, the share in yuan).
    public var charges: [ChargeLine] = []
    /// A flag was not raised only because earlier periods could not be read.
    public var historyIncomplete: Bool
    /// What consecutive(…, missing = …) assumed for this worker (for 备注), if anything.
    public var historyAssumption: String? = nil
    /// The rule file's extra 考核汇总 columns ([summary] columns), or a summary period's
    /// ([period_summary] columns); nil where the cell is blank.
    public var columns: [Value?] = []
    /// The roster columns the rule file shows after the four ([roster] show).
    public var shown: [String] = []
    /// The 总分 of each preliminary period inside this one (e.g. the year's H1), nil where the
    /// worker was not on its roster; set by the run.
    public var preliminaryTotals: [ExactNumber?] = []
}

public struct MonthReport: Sendable {
    public var rules: RuleSet
    public var period: CalendarPeriod
    /// By rank; equal totals listed by worker id.
    public var workers: [WorkerReport]
    /// Earlier periods that consecutive() could not see, and why.
    public var incompleteHistory: [(CalendarPeriod, HistoryReason)]
    /// Items through which yuan can be deducted: the pay sheet's deduction columns.
    public var yuanItems: [Int]
    /// The rule file's own sheets ([[group_sheets]], [[sheets]]), in the order declared.
    public var sheets: [SheetResult] = []
    /// Per preliminary period inside this one (`WorkerReport.preliminaryTotals`), whether its
    /// totals are as published in the ledger (closed) rather than computed from its inputs.
    public var preliminaryPublished: [Bool] = []

    /// Scores every worker. Evaluation problems (e.g. a division by zero in a rule) are
    /// returned as diagnostics that point at the rule and name the worker.
    /// `adjustments`: each worker's 往期调整 (by id; a worker not named has none) where the run
    /// carries corrections of closed periods; nil where it carries none.
    public static func build(_ c: MonthScoring, adjustments: [ExactID: ExactNumber]? = nil) -> Result<MonthReport, RuleLoader.Failure> {
        let rules = c.rules
        var problems = WorkerProblems()
        var workers: [WorkerReport] = []
        // Exactly one report per worker: grown by doubling, the array would hold up to twice the room.
        workers.reserveCapacity(c.workerCount)
        for w in 0..<c.workerCount {
            do throws(EvaluationError) {
                let adjustment = adjustments.map { $0[ExactID(c.ids[w])] ?? .zero }
                workers.append(try workerReport(w, adjustment: adjustment, in: c))
            } catch { problems.add(error, worker: c.ids[w]) }
        }
        let diagnostics = problems.diagnostics(c)
        if !diagnostics.isEmpty { return .failure(.init(diagnostics: diagnostics)) }
        let sheets: [SheetResult]
        switch c.sheets() {
        case .success(let s): sheets = s
        case .failure(let f): return .failure(f)
        }
        workers.sort { $0.rank != $1.rank ? $0.rank < $1.rank : IdOrder.less($0.id, $1.id) }
        let yuanItems = rules.items.indices.filter { i in rules.items[i].deductions.contains { $0.yuan != nil } }
        var report = MonthReport(rules: rules, period: c.span, workers: workers,
                                 incompleteHistory: c.incompleteHistory.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                 yuanItems: yuanItems)
        report.sheets = sheets
        return .success(report)
    }

    /// Evaluation problems of the workers: one diagnostic per rule position and message, naming
    /// its workers (a rule that fails for every worker of a province is one line, not 100,000),
    /// and for results that depend on missing history one error per rule naming its workers.
    struct WorkerProblems {
        struct Key: Hashable { var message: String; var location: SourceLocation? }
        var failures: [(key: Key, ids: [String])] = []
        var failureIndex: [Key: Int] = [:]
        var unknown: [(EvaluationError, [String])] = []

        mutating func add(_ e: EvaluationError, worker id: String) {
            if e.unknownHistory {
                if let k = unknown.firstIndex(where: { $0.0.message == e.message && $0.0.location == e.location }) {
                    unknown[k].1.append(id)
                } else {
                    unknown.append((e, [id]))
                }
                return
            }
            let key = Key(message: e.message, location: e.location)
            if let k = failureIndex[key] {
                if failures[k].ids.last != id { failures[k].ids.append(id) }
            } else {
                failureIndex[key] = failures.count
                failures.append((key, [id]))
            }
        }

        var problems: [Diagnostic] {
            failures.map { f in
                let text = f.ids.count == 1 ? EvaluationMessages.forWorker(f.ids[0], f.key.message)
                                            : EvaluationMessages.forWorkers(f.ids, f.key.message)
                return Diagnostic.error(text, at: f.key.location)
            }
        }

        func diagnostics(_ c: MonthScoring) -> [Diagnostic] {
            var out = problems
            for (e, ids) in unknown {
                let missing = c.incompleteHistory.sorted { $0.key < $1.key }.map { (period: $0.key, why: $0.value.message) }
                out.append(.error(EvaluationMessages.missingHistory(e.message, workers: ids, missing: missing), at: e.location))
            }
            return out
        }
    }

    /// One worker's line of the sheets: items, total, rank, grade, duty, flags and pay.
    static func workerReport(_ w: Int, adjustment: ExactNumber? = nil, in c: MonthScoring) throws(EvaluationError) -> WorkerReport {
        let rules = c.rules
        let row = c.rosterRows[w]
        var items: [ExactNumber] = []
        var itemYuan: [ExactNumber] = []
        for i in rules.items.indices {
            guard let n = try c.symbol(.item(i), worker: w).number else { continue }
            items.append(n)
            itemYuan.append(try c.yuan(ofItem: i, worker: w))
        }
        let total = try c.symbol(.total, worker: w).number ?? .zero
        let rank = try c.symbol(.rank, worker: w).number ?? .zero
        let duty = rules.duty == nil ? nil : try c.symbol(.dutyMet, worker: w).bool
        let grade = rules.grades.isEmpty ? nil : try c.symbol(.grade, worker: w).description
        var flags: [Bool] = []
        // A flag whose condition is unknown (missing history) is not raised; 备注 says so.
        var blocked = false
        for f in rules.flags {
            let v = try c.valueAllowingUnknown(f.when, worker: w)
            if v.isUnknown { blocked = true }
            flags.append(v.bool ?? false)
        }
        let pay = try payLines(w, itemYuan: itemYuan, adjustment: adjustment, in: c)
        var report = WorkerReport(
            index: w, id: c.ids[w], name: row[rules.roster.nameColumn].description,
            unit: row[rules.roster.unitColumn].description, group: row[rules.roster.groupColumn].description,
            rosterLine: c.rosterLines[w], items: items, itemYuan: itemYuan, total: total,
            rank: Int(rank.numerator), grade: grade, dutyMet: duty, flags: flags, base: pay.base, scorePay: pay.scorePay,
            deductions: pay.deductions, adjustment: adjustment, payable: pay.payable, shortfall: pay.shortfall,
            records: c.takeRecords(worker: w).sorted { ($0.item, $0.deduction, $0.file ?? "", $0.line ?? 0) < ($1.item, $1.deduction, $1.file ?? "", $1.line ?? 0) },
            historyIncomplete: blocked,
            columns: try rules.columns(for: c.span.kind).map { (col) throws(EvaluationError) in try displayValue(col, worker: w, in: c) })
        report.shown = rules.roster.shown.map { row[$0].description }
        report.historyAssumption = c.historyAssumptions[w].map { $0.sorted().joined(separator: "；") }
        report.awards = pay.awards
        report.charges = try c.chargeLines(worker: w)
        return report
    }

    /// A worker's pay: base, score pay (whole fen), awards, deductions, payable and shortfall.
    /// 实发绩效 = max(0, 考核绩效 − 扣款合计 + 往期调整); 未扣足 = what that falls short of 0.
    static func payLines(_ w: Int, itemYuan: [ExactNumber], adjustment: ExactNumber?, in c: MonthScoring) throws(EvaluationError)
        -> (base: ExactNumber, scorePay: ExactNumber, awards: [ExactNumber], deductions: ExactNumber, payable: ExactNumber, shortfall: ExactNumber) {
        let rules = c.rules
        let base = try c.symbol(.payBase, worker: w).number ?? .zero
        let scorePay = try c.symbol(.scorePay, worker: w).number ?? .zero
        guard scorePay.hasAtMostDecimalPlaces(2) else {
            throw EvaluationError(EvaluationMessages.scorePayNotWholeFen(scorePay), at: rules.pay.scorePay.location)
        }
        var awards: [ExactNumber] = []
        for k in rules.awards.indices { awards.append(try c.symbol(.award(k), worker: w).number ?? .zero) }
        // The product's sums: no rule line to point at.
        let (deductions, payable, shortfall) = try EvaluationError.exact(at: nil) { () throws(ArithmeticError) in
            var deductions = ExactNumber.zero
            for y in itemYuan { deductions = try deductions.adding(y) }
            for (k, a) in rules.awards.enumerated() where a.direction == .charge { deductions = try deductions.adding(awards[k]) }
            let net = try scorePay.subtracting(deductions).adding(adjustment ?? .zero)
            return (deductions, max(.zero, net), max(.zero, try net.negated()))
        }
        guard deductions.hasAtMostDecimalPlaces(2) else {
            throw EvaluationError(EvaluationMessages.deductionsNotWholeFen(deductions), at: nil)
        }
        return (base, scorePay, awards, deductions, payable, shortfall)
    }

    /// A column's value for one worker, rounded half-up to the places its format shows (as
    /// computed where it has none); nil (a blank cell) where its `when` is false.
    static func displayValue(_ col: DisplayColumn, worker w: Int, in c: MonthScoring) throws(EvaluationError) -> Value? {
        if let when = col.when, try c.value(when, worker: w).bool != true { return nil }
        let v = try c.value(col.value, worker: w)
        guard case .number(let n) = v, let format = col.format else { return v }
        do { return .number(try n.rounded(places: format.places)) } catch { throw EvaluationError(error, at: col.location) }
    }

    /// A named quantity of one worker, as tests in rule files and `explain` ask for it.
    public static func lookup(_ name: String, worker w: WorkerReport, in c: MonthScoring) throws(EvaluationError) -> Value? {
        let rules = c.rules
        switch name {
        case RuleLoader.totalName: return .number(w.total)
        case RuleLoader.rankName: return .number(ExactNumber(w.rank))
        case RuleLoader.dutyName: return w.dutyMet.map { .bool($0) }
        case RuleLoader.payBaseName: return .number(w.base)
        case RuleLoader.scorePayName: return .number(w.scorePay)
        case RuleLoader.deductionsName: return .number(w.deductions)
        case RuleLoader.payableName: return .number(w.payable)
        case RuleLoader.shortfallName: return .number(w.shortfall)
        case GradeBands.gradeName: return w.grade.map { .text($0) }
        default: break
        }
        if let i = rules.items.firstIndex(where: { $0.name == name }) { return .number(w.items[i]) }
        if let k = rules.awards.firstIndex(where: { $0.name == name }) { return .number(w.awards[k]) }
        if name == rules.itemYuanLabel { return try c.symbol(.itemYuan, worker: w.index) }
        if let f = rules.flags.firstIndex(where: { $0.name == name }) { return .bool(w.flags[f]) }
        if let v = rules.values.firstIndex(where: { $0.name == name }) { return try c.symbol(.value(v), worker: w.index) }
        return nil
    }
}
