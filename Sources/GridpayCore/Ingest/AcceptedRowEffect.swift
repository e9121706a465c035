/// What one accepted row leaves out (SPEC §15): its worker, and the per-row deductions it would
/// have made, so that `--accept` never loses a worker or money silently.
public struct AcceptedRowEffect: Sendable, Hashable {
    public struct Deduction: Sendable, Hashable {
        public var item: String
        /// Points the deduction would have added to the item (negative).
        public var points: ExactNumber
        /// Yuan it would have taken from pay.
        public var yuan: ExactNumber
    }

    public var file: String
    public var line: Int
    /// The worker the row names, where that is a worker on the roster.
    public var workerID: String?
    public var workerName: String?
    /// The per-row deductions not made; nil where they cannot be known (a cell they read is bad,
    /// the row's fields do not line up with the header, or the row is a group's).
    public var deductions: [Deduction]?
    /// The table also feeds counted items (aggregates): the row is missing from those counts too.
    public var feedsCounts: Bool
    /// The row can be counted as it is (every cell the rules read is good, its worker on the
    /// roster): what leaving it out changes is computed (SPEC §15). Else `itemsFed` names what it
    /// would have fed.
    public var countable = false
    public var itemsFed: [String] = []

    public var position: RowPosition { RowPosition(file: file, line: line) }
}

extension TableIngest {
    /// An accepted row whose fields do not line up with the header: nothing of it can be read.
    func noteAcceptedUnreadable(line: Int, _ rows: TableRows) {
        acceptedEffects.append(AcceptedRowEffect(file: spec.file, line: line, deductions: nil, feedsCounts: !rows.plan.aggregates.isEmpty, itemsFed: itemsFed))
    }

    /// An accepted row of a table of rows (not the roster), checked like any other: who it names
    /// and the per-row deductions it would have made where every cell they read is good.
    func noteAccepted<R: RawRecord>(_ record: R, line: Int, _ rows: TableRows) {
        var effect = AcceptedRowEffect(file: spec.file, line: line, deductions: nil, feedsCounts: !rows.plan.aggregates.isEmpty)
        var worker: Int?
        if workerColumn >= 0, let w = rows.membership.workerIndex.find(record.field(fieldOf[workerColumn])) {
            worker = w
            effect.workerID = rows.month.roster.ids[w]
            effect.workerName = rows.month.roster.rows[w][rules.roster.nameColumn].description
        }
        if worker != nil, groupColumn < 0, !readsBadCell(line: line, rows) { effect.deductions = wouldDeduct(rows) }
        effect.countable = worker != nil && groupColumn < 0 && !readsBadCell(line: line, of: countedColumns(rows))
        if !effect.countable { effect.itemsFed = itemsFed }
        acceptedEffects.append(effect)
    }

    /// Some cell of the row that a per-row deduction reads is bad (reported at this line).
    func readsBadCell(line: Int, _ rows: TableRows) -> Bool {
        var used = Set<Int>()
        for (i, j) in rows.month.rowDeductionsByTable[tableIndex] {
            let d = rules.items[i].deductions[j]
            if case .perRow(_, let when) = d.source { when?.rowColumns(into: &used) }
            d.points?.rowColumns(into: &used)
            d.yuan?.rowColumns(into: &used)
        }
        return readsBadCell(line: line, of: used)
    }

    /// Some cell of the row in `used` (declared columns) is bad (reported at this line).
    func readsBadCell(line: Int, of used: Set<Int>) -> Bool {
        for p in log.list.reversed() {
            guard p.line == line else { break }
            guard let field = p.column, let c = fieldOf.firstIndex(of: field - 1) else { continue }
            if used.contains(c) { return true }
        }
        return false
    }

    /// The per-row deductions the current row would have made; nil where one cannot be evaluated.
    func wouldDeduct(_ rows: TableRows) -> [AcceptedRowEffect.Deduction]? {
        let row = cells.row.view
        var out: [AcceptedRowEffect.Deduction] = []
        do throws(EvaluationError) {
            for d in rows.plan.deductions {
                if let when = d.when, try !when(row) { continue }
                let points = try d.points.map { (f) throws(EvaluationError) in try f(row).number ?? .zero } ?? .zero
                let yuan = try d.yuan.map { (f) throws(EvaluationError) in try f(row).number ?? .zero } ?? .zero
                out.append(.init(item: rules.items[d.item].name, points: points, yuan: yuan))
            }
        } catch { return nil }
        return out
    }
}
