/// What an accepted row would have fed (SPEC §15): to say what leaving it out changes, a run
/// reads its period a second time with the accepted rows counted as they are (`MonthReading.
/// countsAcceptedRows`), where every cell the rules read of them is good and they name a worker
/// of the roster; the two results are compared per worker. A row whose cell the rules read is
/// unreadable cannot be counted: the items it feeds are named instead.
extension TableIngest {
    /// The columns of this table the rules read to count a row: aggregates and per-row deductions.
    func countedColumns(_ rows: TableRows) -> Set<Int> {
        var used = Set<Int>()
        func walk(_ e: CheckedExpr?) { e?.rowColumns(into: &used) }
        for a in rows.month.aggregatesByTable[tableIndex] {
            let spec = rules.aggregates[a]
            walk(spec.filter)
            walk(spec.value)
            if let perKey = spec.perKey { walk(perKey.key); perKey.values.forEach(walk) }
        }
        for (i, j) in rows.month.rowDeductionsByTable[tableIndex] {
            let d = rules.items[i].deductions[j]
            if case .perRow(_, let when) = d.source { walk(when) }
            walk(d.points)
            walk(d.yuan)
        }
        return used
    }

    /// In the second reading: the accepted row counted as it is, where the cells the rules read
    /// are good and it names a worker of the roster (a group table's rows are not).
    func countAcceptedRow<R: RawRecord>(_ record: R, line: Int, decoded: Bool, _ rows: TableRows) {
        guard groupColumn < 0, workerColumn >= 0, decoded || !readsBadCell(line: line, of: countedColumns(rows)),
              let worker = rows.membership.workerIndex.find(record.field(fieldOf[workerColumn])) else { return }
        countRow(worker: worker, group: nil, line: line, rows)
    }

    /// The items a row of this table feeds, by name in rule-file order.
    var itemsFed: [String] { rules.itemsFed(byTable: tableIndex) }
}

extension RuleSet {
    /// The items whose score a row of `table` can change: through an aggregate over the table
    /// (in the item's formula, the values and items it reads, its counted deductions) or a
    /// per-row deduction on it.
    public func itemsFed(byTable table: Int) -> [String] {
        var values: [Int: Bool] = [:], fedItems: [Int: Bool] = [:]
        func reads(_ e: CheckedExpr?) -> Bool {
            guard let e else { return false }
            switch e {
            case .aggregate(let a): return aggregates[a].table == table
            case .symbol(.value(let v)):
                if let known = values[v] { return known }
                values[v] = false
                values[v] = reads(self.values[v].expr)
                return values[v]!
            case .symbol(.item(let i)): return item(i)
            case .group(let g): return reads(groups[g].key) || reads(groups[g].value)
            default: return e.children.contains { reads($0) }
            }
        }
        func item(_ i: Int) -> Bool {
            if let known = fedItems[i] { return known }
            fedItems[i] = false
            let spec = items[i]
            let fed = reads(spec.base) || spec.deductions.contains { d in
                switch d.source {
                case .perRow(let t, _): return t == table
                case .counted(let count, _): return reads(count) || reads(d.points) || reads(d.yuan)
                }
            }
            fedItems[i] = fed
            return fed
        }
        return items.indices.filter(item).map { items[$0].name }
    }
}
