/// Check phase of `count_by(table, key, condition[, filter])` (README: "Per-key counts").
/// Inside `condition`, `sum(value)` and `count()` are aggregates over the worker's rows that
/// share one key; everything else is the ordinary expression language.
extension ExpressionChecker {
    func checkCountBy(_ args: [Syntax], _ span: Span) -> (CheckedExpr, ValueType)? {
        guard scope == .worker else {
            error(CheckerMessages.aggregateInRow("count_by"), span)
            return nil
        }
        guard args.count == 3 || args.count == 4 else {
            error(CheckerMessages.countByUsage(), span)
            return nil
        }
        guard case .name(let tableName) = args[0].kind,
              let t = context.tables.firstIndex(where: { $0.name == tableName }), t != context.rosterTable else {
            let names = context.tables.enumerated().filter { $0.offset != context.rosterTable }.map(\.element.name)
            var given: String?
            if case .name(let n) = args[0].kind { given = n }
            error(CheckerMessages.countByTable(given: given, tables: names), args[0].span)
            return nil
        }
        let rowChecker = ExpressionChecker(context: context, source: source, scope: .row(table: t))
        var ok = true
        let key = rowChecker.check(args[1])
        if key == nil { ok = false }
        if let (_, kt) = key, kt == .bool {
            error(CheckerMessages.countByKey(), args[1].span)
            ok = false
        }
        var filter: CheckedExpr?
        if args.count == 4 {
            if let (e, ty) = rowChecker.check(args[3]) {
                if ty != .bool { error(CheckerMessages.countByFilter(found: ty), args[3].span); ok = false }
                filter = e
            } else { ok = false }
        }
        guard let (condition, inner, innerTotals) = checkPerKeyCondition(args[2], rows: rowChecker, span) else { return nil }
        guard ok, let (keyExpr, _) = key else { return nil }
        let text = String(Array(source.text)[span.start..<min(span.end, source.text.count)])
        let dedupe = text.filter { !$0.isWhitespace }
        if let existing = context.aggregateIndex[dedupe] { return (.aggregate(existing), .number) }
        let index = context.aggregates.count
        context.aggregates.append(AggregateSpec(function: "count_by", total: .perKey, table: t, value: nil, filter: filter, text: text,
                                                perKey: PerKeySpec(key: keyExpr, values: inner, totals: innerTotals, condition: condition), location: location(span)))
        context.aggregateIndex[dedupe] = index
        return (.aggregate(index), .number)
    }

    /// The condition of count_by(): inner aggregates (count(), sum(v), …) over the rows of one key
    /// become the columns of a per-key "row", which the condition is checked against.
    func checkPerKeyCondition(_ conditionArg: Syntax, rows rowChecker: ExpressionChecker, _ span: Span)
        -> (CheckedExpr, [CheckedExpr?], [RunningTotal])? {
        var perKey = PerKeyColumns(rows: rowChecker)
        guard let conditionSyntax = perKey.rewrite(conditionArg) else { return nil }
        guard !perKey.values.isEmpty else {
            error(CheckerMessages.countByNoAggregate(), conditionArg.span)
            return nil
        }
        let keyTable = TableSpec(name: "count_by", file: "", encoding: .utf8, columns: perKey.columns, workerColumn: nil,
                                 uniqueKeys: [], withinPeriod: false, location: location(span))
        let scratch = CheckContext(tables: [keyTable], rosterTable: -1)
        let conditionChecker = ExpressionChecker(context: scratch, source: source, scope: .row(table: 0))
        let checked = conditionChecker.check(conditionSyntax)
        context.diagnostics.append(contentsOf: scratch.diagnostics.items)
        guard let (condition, ct) = checked else { return nil }
        guard ct == .bool else {
            error(CheckerMessages.conditionNotBool("count_by", found: ct), conditionArg.span)
            return nil
        }
        return (condition, perKey.values, perKey.totals)
    }

    /// The catalog's aggregates a count_by() condition may use over the rows of one key: count()
    /// and the numeric folds (sum, mean, min_of, max_of).
    static func innerAggregate(_ name: String) -> RunningTotal? {
        guard case .aggregate(let total)? = FunctionCatalog.entry(named: name)?.kind else { return nil }
        switch total {
        case .count, .fold: return total
        case .distinct, .perKey: return nil
        }
    }
}

/// A count_by() condition rewritten for its per-key "row": each inner aggregate becomes a column
/// (named "\u{1}k", which no rule file can write), its row value checked in the table's rows
/// (`rows`); any other name is an error (only the inner aggregates vary by key).
struct PerKeyColumns {
    let rows: ExpressionChecker
    /// Per inner aggregate: the summed row value, or nil for count().
    var values: [CheckedExpr?] = []
    var totals: [RunningTotal] = []
    var columns: [ColumnSpec] = []

    init(rows: ExpressionChecker) { self.rows = rows }

    /// The condition with its inner aggregates replaced by columns; nil on an error (reported).
    mutating func rewrite(_ s: Syntax) -> Syntax? {
        switch s.kind {
        case .call(let name, _, let a) where ExpressionChecker.innerAggregate(name) != nil:
            return column(for: s, name, ExpressionChecker.innerAggregate(name)!, a)
        case .call(let name, let ns, let a):
            var out: [Syntax] = []
            for x in a { guard let y = rewrite(x) else { return nil }; out.append(y) }
            return Syntax(kind: .call(name, nameSpan: ns, out), span: s.span)
        case .unary(let op, let a):
            return rewrite(a).map { Syntax(kind: .unary(op, $0), span: s.span) }
        case .binary(let op, let a, let b):
            guard let x = rewrite(a), let y = rewrite(b) else { return nil }
            return Syntax(kind: .binary(op, x, y), span: s.span)
        case .conditional(let c, let a, let b):
            guard let x = rewrite(c), let y = rewrite(a), let z = rewrite(b) else { return nil }
            return Syntax(kind: .conditional(x, y, z), span: s.span)
        case .name(let n):
            rows.error(CheckerMessages.countByName(n), s.span)
            return nil
        case .number, .string, .bool, .named:
            return s   // the checker of the condition reports a misplaced named argument
        }
    }

    /// An inner aggregate `call` (count() or a numeric fold of one row value) as the next column.
    mutating func column(for call: Syntax, _ name: String, _ total: RunningTotal, _ a: [Syntax]) -> Syntax? {
        if case .count = total {
            guard a.isEmpty else {
                rows.error(CheckerMessages.countByCount(), call.span)
                return nil
            }
            values.append(nil)
        } else {
            guard a.count == 1 else {
                rows.error(CheckerMessages.countBySumUsage(name), call.span)
                return nil
            }
            guard let (e, ty) = rows.check(a[0]) else { return nil }
            guard ty == .number else {
                rows.error(CheckerMessages.summedValueType(name, expected: .number, found: ty), a[0].span)
                return nil
            }
            values.append(e)
        }
        totals.append(total)
        let column = "\u{1}\(values.count - 1)"
        columns.append(ColumnSpec(name: column, type: .decimal(places: nil), optional: false, location: rows.location(call.span)))
        return Syntax(kind: .name(column), span: call.span)
    }
}
