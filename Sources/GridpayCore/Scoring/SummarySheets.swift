/// One of the rule file's own sheets (`SheetSpec`), computed for the period: its totals lines
/// and its rows.
public struct SheetResult: Sendable {
    public struct Line: Sendable {
        public var kind: String
        public var label: String
        public var value: ExactNumber
    }
    public struct Row: Sendable {
        /// The row's key: the roster group (as text) or the key expression's value.
        public var key: Value
        /// One per column; nil where the column's `when` is false.
        public var cells: [Value?]
    }
    public var spec: SheetSpec
    public var lines: [Line]
    public var rows: [Row]
}

extension MonthScoring {
    /// Every sheet of the rule file, in declaration order. A sheet that cannot be computed gives
    /// one diagnostic (its first problem); the others are still computed.
    func sheets() -> Result<[SheetResult], RuleLoader.Failure> {
        var out: [SheetResult] = []
        var diagnostics: [Diagnostic] = []
        for spec in rules.sheets {
            do throws(EvaluationError) { out.append(try sheet(spec)) } catch {
                diagnostics.append(.error(error.message, at: error.location))
            }
        }
        return diagnostics.isEmpty ? .success(out) : .failure(.init(diagnostics: diagnostics))
    }

    /// One sheet: each line's single value, then the rows. A problem in the rows is prefixed with
    /// the sheet's name (a line's message names the sheet itself).
    public func sheet(_ spec: SheetSpec) throws(EvaluationError) -> SheetResult {
        var result = SheetResult(spec: spec, lines: [], rows: [])
        for line in spec.lines {
            var value: ExactNumber?
            for w in 0..<workerCount {
                let v = try self.value(line.value, worker: w).number ?? .zero
                if let seen = value, seen != v {
                    throw EvaluationError(EvaluationMessages.sheetLineDiffers(line.label, sheet: spec.name, first: (ids[0], seen), other: (ids[w], v)), at: line.location)
                }
                value = v
            }
            result.lines.append(.init(kind: line.kind, label: line.label, value: value ?? .zero))
        }
        if let rows = spec.rows {
            do throws(EvaluationError) { result.rows = try sheetRows(rows) } catch {
                var e = error
                e.message = EvaluationMessages.onSheet(spec.name, error.message)
                e.location = error.location ?? spec.location
                throw e
            }
        }
        return result
    }

    /// The workers of each distinct key, keys in order of first appearance on the roster.
    func keyedMembers(_ key: SheetSpec.Rows.Key) throws(EvaluationError) -> (keys: [Value], members: [[Int]]) {
        switch key {
        case .rosterGroup:
            return (groups.values.map { .text($0) }, groups.members)
        case .value(let e):
            var keys: [Value] = [], members: [[Int]] = [], number: [Value: Int] = [:]
            for w in 0..<workerCount {
                let k = try value(e, worker: w)
                if let n = number[k] { members[n].append(w); continue }
                number[k] = keys.count
                keys.append(k)
                members.append([w])
            }
            return (keys, members)
        }
    }

    /// One row per key, ordered by the rows' `order`, then by the key's text; every cell (and the
    /// order) must be the same for every worker of the row.
    func sheetRows(_ rows: SheetSpec.Rows) throws(EvaluationError) -> [SheetResult.Row] {
        let (keys, members) = try keyedMembers(rows.key)
        var out: [(order: ExactNumber, first: Int, row: SheetResult.Row)] = []
        for (r, workers) in members.enumerated() {
            var cells: [Value?] = []
            for col in rows.columns {
                let first = try MonthReport.displayValue(col, worker: workers[0], in: self)
                for m in workers.dropFirst() {
                    let other = try MonthReport.displayValue(col, worker: m, in: self)
                    if other != first {
                        let a = (worker: ids[workers[0]], value: first), b = (worker: ids[m], value: other)
                        if case .rosterGroup = rows.key {
                            throw EvaluationError(EvaluationMessages.groupSheetColumnDiffers(col.name, group: keys[r], first: a, other: b), at: col.location)
                        }
                        throw EvaluationError(EvaluationMessages.unitColumnDiffers(col.name, keyLabel: rows.label, key: keys[r], first: a, other: b), at: col.location)
                    }
                }
                cells.append(first)
            }
            var order = ExactNumber(r)
            if let o = rows.order {
                order = try value(o, worker: workers[0]).number ?? .zero
                for m in workers.dropFirst() where try value(o, worker: m).number != order {
                    throw EvaluationError(EvaluationMessages.sheetOrderDiffers(rows, key: keys[r]), at: nil)
                }
            }
            out.append((order, r, .init(key: keys[r], cells: cells)))
        }
        out.sort { a, b in
            if a.order != b.order { return a.order < b.order }
            if a.row.key.description != b.row.key.description { return IdOrder.less(a.row.key.description, b.row.key.description) }
            return a.first < b.first
        }
        return out.map(\.row)
    }
}
