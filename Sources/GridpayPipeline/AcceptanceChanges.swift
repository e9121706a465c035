import GridpayCore

/// What leaving the accepted rows out changes, per worker (SPEC §15). A finance clerk needs the
/// effect on what is paid, not only the deductions a row names: a row counted for an item
/// (事件上报's valid events, a grid's mean) changes scores, other workers' too where the item is
/// shared, and pay through them. So the period is read a second time with the accepted rows
/// counted as they are, where every cell the rules read of them is good and they name a worker
/// of the roster, and the two results are compared worker by worker: the items, 总分, 等次 and
/// 实发绩效 that differ. Rows that cannot be counted are said per row, with the items they feed.
struct AcceptanceChanges {
    struct Change {
        /// The worker's id and name (said in the language of where it is said: terminal, 说明).
        var id: String
        var name: String
        /// (what, with the rows counted, without them: as run).
        var differences: [(String, String, String)]
        var payable: (String, String)?
    }

    /// Every worker whose results differ, in the report's order.
    let changes: [Change]
    /// Workers (id, name) of countable rows whose results do not differ (an item at its cap, say).
    let unchanged: [(id: String, name: String)]
    /// The second reading failed (a rule that cannot be evaluated on the counted rows).
    let failed: Bool

    /// Nil where no accepted row can be counted.
    init?(_ month: PreparedMonth, rules: @escaping (Period) -> Result<LoadedRules, PipelineFailure>) {
        let counted = Set(month.inputs.acceptedEffects.filter(\.countable).compactMap(\.workerID))
        guard !counted.isEmpty else { return nil }
        var request = month.request
        request.countsAcceptedRows = true
        // Spilled as the run is, so memory stays flat in rows.
        guard case .success(let with) = MonthRunner.prepare(request, rules: rules, spill: true) else {
            changes = []
            unchanged = []
            failed = true
            return
        }
        failed = false
        let withByID = Dictionary(with.report.workers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [Change] = []
        for w in month.report.workers {
            guard let c = withByID[w.id], let change = Self.change(month.report, with: c, without: w) else { continue }
            changes.append(change)
        }
        self.changes = changes
        let changedIDs = Set(changes.map(\.id))
        unchanged = month.report.workers.filter { counted.contains($0.id) && !changedIDs.contains($0.id) }.map { ($0.id, $0.name) }
    }

    /// The items, 总分, 等次 and 实发绩效 that differ (nil: nothing does).
    static func change(_ report: MonthReport, with: WorkerReport, without: WorkerReport) -> Change? {
        var differences: [(String, String, String)] = []
        // As the sheets show them: to the item rounding's places.
        let places = report.rules.itemRoundingPlaces
        for (i, item) in report.rules.items.enumerated() where with.items[i] != without.items[i] {
            differences.append((item.name, with.items[i].fixed(places: places), without.items[i].fixed(places: places)))
        }
        if with.total != without.total { differences.append((RuleLoader.totalName, with.total.fixed(places: places), without.total.fixed(places: places))) }
        if with.grade != without.grade, let a = with.grade, let b = without.grade { differences.append((GradeBands.gradeName, a, b)) }
        let payable = report.rules.hasPay && with.payable != without.payable ? (with.payable.fixed(places: 2), without.payable.fixed(places: 2)) : nil
        guard !differences.isEmpty || payable != nil else { return nil }
        return Change(id: without.id, name: without.name, differences: differences, payable: payable)
    }

    /// One line per worker whose results differ, then those of counted rows whose do not.
    var texts: [String] {
        if failed { return [AcceptanceMessages.changesNotComputed()] }
        let sep = AcceptanceReport.separator
        return changes.map { c in
            var parts = c.differences.map { AcceptanceMessages.changed($0.0, with: $0.1, without: $0.2) }
            if let (a, b) = c.payable { parts.append(AcceptanceMessages.payableChanged(RuleLoader.payableName, with: a, without: b)) }
            return AcceptanceMessages.workerChanges(AcceptanceMessages.worker(c.id, c.name), parts.joined(separator: sep))
        } + unchanged.map { AcceptanceMessages.workerUnchanged(AcceptanceMessages.worker($0.id, $0.name)) }
    }
}
