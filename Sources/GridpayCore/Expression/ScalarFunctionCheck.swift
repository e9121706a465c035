/// Check phase of the scalar functions, read from their catalog entries: arity, arguments
/// written in place, optional columns, argument types (README: "Functions").
extension ExpressionChecker {
    func checkScalar(_ entry: FunctionEntry, _ fn: ScalarFunction, _ args: [Syntax], _ span: Span) -> (CheckedExpr, ValueType)? {
        let name = entry.name
        guard entry.arity.contains(args.count) else {
            error(CheckerMessages.arity(name, takes: entry.takes, usage: entry.usage, given: args.count), span)
            return nil
        }
        if entry.declares(.optionalColumn) { return checkPresence(name, fn, args[0], span) }
        for (i, a) in entry.arguments.enumerated() where i < args.count {
            guard case .wholeNumberLiteral(let range) = a.kind else { continue }
            guard case .number(let n) = args[i].kind, n.isInteger, n >= ExactNumber(range.lowerBound), n <= ExactNumber(range.upperBound) else {
                error(CheckerMessages.notAWholeNumberInPlace(a.name, of: name, range: range), args[i].span)
                return nil
            }
        }
        guard let checked = checkArgs(args) else { return nil }
        for (i, (_, t)) in checked.enumerated() {
            let expected = entry.argumentType(at: i)
            guard t == expected else {
                error(CheckerMessages.argumentType(i + 1, of: name, expected: expected, found: t), args[i].span)
                return nil
            }
        }
        return (.function(fn, checked.map(\.0), location(span)), entry.result)
    }

    /// has(列) / is_empty(列): the argument is a column of the table being read, declared optional.
    func checkPresence(_ name: String, _ fn: ScalarFunction, _ arg: Syntax, _ span: Span) -> (CheckedExpr, ValueType)? {
        guard case .name = arg.kind, let (e, _) = check(arg) else {
            if case .name = arg.kind { return nil }
            error(CheckerMessages.presenceNeedsColumnName(name), arg.span)
            return nil
        }
        let column: ColumnSpec
        switch (e, scope) {
        case (.rowColumn(let i), .row(let t)): column = context.tables[t].columns[i]
        case (.rosterColumn(let i), .worker): column = context.tables[context.rosterTable].columns[i]
        default:
            error(CheckerMessages.presenceNeedsColumnOfTable(name), arg.span)
            return nil
        }
        guard column.optional else {
            error(CheckerMessages.columnNotOptional(column.name), arg.span)
            return nil
        }
        return (.function(fn, [e], location(span)), .bool)
    }
}

extension FunctionEntry {
    /// The type argument `i` must have (a repeating argument covers every position after it).
    func argumentType(at i: Int) -> ValueType {
        let a = arguments[min(i, arguments.count - 1)]
        switch a.kind {
        case .value(let t), .repeating(let t), .workerValue(let t): return t
        case .rowValue(let t): return t ?? .number
        case .wholeNumberLiteral, .periods: return .number
        case .rowCondition, .perKeyCondition, .missingDefault: return .bool
        case .optionalColumn, .table, .groupKey, .choiceColumn, .booleanValueName: return .text
        }
    }

    /// Aggregates: whether a row value is summed (sum, mean, …) rather than rows counted.
    var readsRowValue: Bool { arguments.contains { if case .rowValue = $0.kind { return true } else { return false } } }
    /// The declared type of the row value (nil: any type, as distinct()).
    var rowValueType: ValueType? {
        for a in arguments { if case .rowValue(let t) = a.kind { return t } }
        return nil
    }
    /// Group functions: whether the value is per worker (not group_count / overall_count).
    var readsWorkerValue: Bool { arguments.contains { if case .workerValue = $0.kind { return true } else { return false } } }
}
