/// The values of the summary sheets a rule file declares (`[[sheets]]`), computed once per month.
public struct SummarySheetResult: Sendable {
    public struct Line: Sendable {
        public var kind: String
        public var label: String
        public var value: ExactNumber
    }
    public var name: String
    public var lines: [Line]
    public var unitLabel: String?
    public var columns: [String]
    /// One row per unit: its key, then one value per column.
    public var rows: [[Value]]
}

extension MonthComputation {
    public func summarySheets() throws(EvaluationError) -> [SummarySheetResult] {
        var out: [SummarySheetResult] = []
        for spec in rules.sheets {
            var result = SummarySheetResult(name: spec.name, lines: [], unitLabel: spec.unitKey == nil ? nil : spec.unitLabel,
                                            columns: spec.columns.map(\.name), rows: [])
            for line in spec.lines {
                var value: ExactNumber?
                for w in 0..<workerCount {
                    let v = try self.value(line.value, worker: w).number ?? .zero
                    if let seen = value, seen != v {
                        throw EvaluationError("the value of '\(line.label)' on sheet \(spec.name) differs between workers (\(seen) for \(ids[0]), \(v) for \(ids[w])); a totals line needs one value for the month, e.g. overall_sum(…)", at: line.location)
                    }
                    value = v
                }
                result.lines.append(.init(kind: line.kind, label: line.label, value: value ?? .zero))
            }
            if let key = spec.unitKey {
                var seen = Set<Value>()
                for w in 0..<workerCount {
                    let k = try value(key, worker: w)
                    guard seen.insert(k).inserted else { continue }
                    var row = [k]
                    for c in spec.columns { row.append(try value(c.value, worker: w)) }
                    result.rows.append(row)
                }
            }
            out.append(result)
        }
        return out
    }
}
