/// Row accumulation: each validated input row, as it streams in, is added to the running totals of
/// its worker (or group) and its per-row deductions are found; no row is kept.
extension MonthReading {
    /// Row columns of `table` that some rule reads: filters, summed values, deduction amounts and
    /// the {placeholders} of their reasons.
    func rowColumnsUsed(table: Int, reasons: Bool = true) -> Set<Int> {
        var used = Set<Int>()
        func walk(_ e: CheckedExpr?) { e?.rowColumns(into: &used) }
        for a in aggregatesByTable[table] {
            walk(rules.aggregates[a].filter)
            walk(rules.aggregates[a].value)
            if let perKey = rules.aggregates[a].perKey { walk(perKey.key); perKey.values.forEach(walk) }
        }
        let spec = rules.tables[table]
        for check in spec.checks {
            walk(check.require)
            for name in ReasonTemplate.placeholders(in: check.message) { if let c = spec.columnIndex(name) { used.insert(c) } }
        }
        for (i, j) in rowDeductionsByTable[table] {
            let d = rules.items[i].deductions[j]
            if case .perRow(_, let when) = d.source { walk(when) }
            walk(d.points)
            walk(d.yuan)
            if reasons {
                for name in ReasonTemplate.placeholders(in: d.reason) { if let c = spec.columnIndex(name) { used.insert(c) } }
            }
        }
        return used
    }

    func ingest(_ plan: TablePlan, table: Int, row: RowView, worker: Int, line: Int, sink: DeductionSink, file: String? = nil) throws(EvaluationError) {
        try accumulate(plan, row: row, slot: worker)
        guard !plan.deductions.isEmpty else { return }
        try deduct(plan, table: table, row: row, members: CollectionOfOne(worker), line: line, sink: sink, file: file)
    }

    /// Adds one validated row of a group table (`group = …`) belonging to group `g`: its
    /// aggregates are kept per group, and each per-row deduction applies to every member.
    func ingest(_ plan: TablePlan, table: Int, row: RowView, group g: Int, line: Int, sink: DeductionSink, file: String? = nil) throws(EvaluationError) {
        try accumulate(plan, row: row, slot: g)
        guard !plan.deductions.isEmpty else { return }
        try deduct(plan, table: table, row: row, members: groups.members[g], line: line, sink: sink, file: file)
    }

    /// Adds one row of a table with both a worker column (which may be empty) and a group column:
    /// aggregates count it for the worker it names; each deduction applies to that worker, or with
    /// applies_to = "group" to every member of the row's group.
    func ingest(_ plan: TablePlan, table: Int, row: RowView, worker: Int?, group g: Int, line: Int, sink: DeductionSink, file: String? = nil) throws(EvaluationError) {
        if let worker { try accumulate(plan, row: row, slot: worker) }
        guard !plan.deductions.isEmpty else { return }
        try deduct(plan, table: table, row: row, members: groups.members[g], line: line, sink: sink, file: file, appliesToGroup: true)
        if let worker { try deduct(plan, table: table, row: row, members: CollectionOfOne(worker), line: line, sink: sink, file: file, appliesToGroup: false) }
    }

    /// Adds a row to the table's aggregates at `worker` (a worker, or a group for group tables).
    @inline(__always)
    func accumulate(_ plan: TablePlan, row: RowView, slot worker: Int) throws(EvaluationError) {
        let acc = accumulators
        for agg in plan.aggregates {
            if let f = agg.filter, try !f(row) { continue }
            let a = agg.index
            switch agg.total {
            case .count:
                acc.counts[acc.slot(a, worker)] += 1
            case .fold(let fold):
                let value: Value
                if let c = agg.column { value = row.values[c] } else { value = try agg.value!(row) }
                guard case .number(let n) = value else { continue }   // an empty cell is no value
                let k = acc.slot(a, worker)
                do { try fold.add(&acc.counts[k], &acc.sums[k], n) } catch {
                    throw EvaluationError(error, at: rules.aggregates[a].location, in: rules.aggregates[a].text)
                }
            case .distinct:
                let v = try agg.value!(row)
                if !v.isEmpty { distinct[a]!.sets[worker].insert(v) }   // an empty cell is no value
            case .perKey:
                try perKey[a]!.add(row, worker: worker)
            }
        }
    }

    /// The row's per-row deductions, once per member (one 扣分明细 line each, naming the row).
    /// `file`: the row's file as 扣分明细 names it (a quarter's rows name their month's folder).
    func deduct<M: Collection<Int>>(_ plan: TablePlan, table: Int, row: RowView, members: M, line: Int, sink: DeductionSink, file: String? = nil,
                                    appliesToGroup: Bool? = nil) throws(EvaluationError) {
        let acc = accumulators
        for d in plan.deductions {
            if let appliesToGroup, rules.items[d.item].deductions[d.deduction].appliesToGroup != appliesToGroup { continue }
            if let when = d.when, try !when(row) { continue }
            let points = try d.points.map { (f) throws(EvaluationError) in try f(row).number ?? .zero } ?? .zero
            let yuan = try d.yuan.map { (f) throws(EvaluationError) in try f(row).number ?? .zero } ?? .zero
            do {
                for worker in members {
                    let k = d.pair * acc.workers + worker
                    acc.points[k] = try acc.points[k].adding(points)
                    acc.yuan[k] = try acc.yuan[k].adding(yuan)
                }
            } catch { throw EvaluationError(error, at: d.location) }
            // Reasons read their {columns} from the cell bytes: only rows that match pay for the text.
            let spec = rules.tables[table]
            let reason = ReasonTemplate.fill(d.reason) { name in
                spec.columnIndex(name).map { String(decoding: row.fields[$0], as: UTF8.self) }
            }
            for worker in members {
                let record = DeductionRecord(item: d.item, deduction: d.deduction, reason: reason, points: points, yuan: yuan, file: file ?? spec.file, line: line, times: nil)
                sink.add(worker: worker, record: record)
            }
        }
    }

    /// The shared evaluator over one row's cells.
    func evaluateRow(_ e: CheckedExpr, _ row: UnsafeBufferPointer<Value>) throws(EvaluationError) -> Value {
        try Evaluator(scope: RowScope(values: row), period: lengths).evaluate(e)
    }
}
