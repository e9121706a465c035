/// The checker's functions that register a computation run once per period: aggregates over a
/// worker's rows (count, sum, …) and group functions over workers (group_mean, rank, …), each
/// registered once per distinct text (and `each` value).
extension ExpressionChecker {
    func checkAggregate(_ entry: FunctionEntry, _ total: RunningTotal, _ args: [Syntax], _ span: Span) -> (CheckedExpr, ValueType)? {
        let name = entry.name
        guard scope == .worker else {
            error(CheckerMessages.aggregateInRow(name), span)
            return nil
        }
        let valueArgs = entry.readsRowValue ? 1 : 0
        guard args.count == 1 + valueArgs || args.count == 2 + valueArgs else {
            error(CheckerMessages.aggregateUsage(name, readsRowValue: valueArgs == 1), span)
            return nil
        }
        guard case .name(let tableName) = args[0].kind else {
            error(CheckerMessages.aggregateTable(name), args[0].span)
            return nil
        }
        guard let t = context.tables.firstIndex(where: { $0.name == tableName }), t != context.rosterTable else {
            let names = context.tables.enumerated().filter { $0.offset != context.rosterTable }.map(\.element.name)
            error(CheckerMessages.aggregateTableUnknown(tableName, tables: names), args[0].span)
            return nil
        }
        let rowChecker = ExpressionChecker(context: context, source: source, scope: .row(table: t), each: each)
        var value: CheckedExpr?
        var filter: CheckedExpr?
        var ok = true
        if valueArgs == 1 {
            if let (e, ty) = rowChecker.check(args[1]) {
                if let expected = entry.rowValueType, ty != expected {
                    error(CheckerMessages.summedValueType(name, expected: expected, found: ty), args[1].span)
                    ok = false
                }
                value = e
            } else { ok = false }
        }
        if args.count == 2 + valueArgs {
            let f = args[1 + valueArgs]
            if let (e, ty) = rowChecker.check(f) {
                if ty != .bool { error(CheckerMessages.conditionNotBool(name, found: ty), f.span); ok = false }
                filter = e
            } else { ok = false }
        }
        guard ok else { return nil }
        let text = String(Array(source.text)[span.start..<min(span.end, source.text.count)])
        let key = text.filter { !$0.isWhitespace } + (each.map { "\u{1}each=\($0)" } ?? "")
        let index: Int
        if let existing = context.aggregateIndex[key] {
            index = existing
        } else {
            index = context.aggregates.count
            context.aggregates.append(AggregateSpec(function: name, total: total, table: t, value: value, filter: filter, text: text + eachNote, location: location(span)))
            context.aggregateIndex[key] = index
        }
        return (.aggregate(index), .number)
    }

    func checkGroup(_ entry: FunctionEntry, _ combine: GroupCombine, _ args: [Syntax], _ span: Span) -> (CheckedExpr, ValueType)? {
        let name = entry.name
        guard scope == .worker else {
            error(CheckerMessages.groupInRow(name), span)
            return nil
        }
        let keyed = entry.declares(.groupKey)
        let valueCount = entry.readsWorkerValue ? 1 : 0
        let expected = (keyed ? 1 : 0) + valueCount
        guard args.count == expected else {
            error(CheckerMessages.groupUsage(name, keyed: keyed, readsValue: valueCount == 1), span)
            return nil
        }
        guard let checked = checkArgs(args) else { return nil }
        let key: CheckedExpr? = keyed ? checked[0].0 : nil
        var value: CheckedExpr?
        if valueCount == 1 {
            let (e, t) = checked[keyed ? 1 : 0]
            guard t == .number else {
                error(CheckerMessages.valueNotANumber(name, found: t), args[keyed ? 1 : 0].span)
                return nil
            }
            value = e
        }
        let text = String(Array(source.text)[span.start..<min(span.end, source.text.count)])
        let dedupe = text.filter { !$0.isWhitespace } + (each.map { "\u{1}each=\($0)" } ?? "")
        let index: Int
        if let existing = context.groupIndex[dedupe] {
            index = existing
        } else {
            index = context.groups.count
            context.groups.append(GroupSpec(function: name, combine: combine, key: key, value: value, text: text + eachNote, location: location(span)))
            context.groupIndex[dedupe] = index
        }
        return (.group(index), .number)
    }
}
