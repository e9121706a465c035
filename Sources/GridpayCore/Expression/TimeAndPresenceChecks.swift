/// Check phase of the time functions and of has()/is_empty() (README: "Times", "Optional columns").
extension ExpressionChecker {
    func checkTimeOrPresence(_ fn: ScalarFunction, _ args: [Syntax], _ span: Span) -> (CheckedExpr, ValueType)? {
        let name = fn.rawValue
        switch fn {
        case .has, .isEmpty:
            guard args.count == 1 else {
                error("\(name)() takes one column, e.g. \(name)(<optional column>), but was given \(args.count) arguments", span)
                return nil
            }
            guard case .name = args[0].kind, let (e, _) = check(args[0]) else {
                if case .name = args[0].kind { return nil }
                error("\(name)() takes a column name, e.g. \(name)(<optional column>)", args[0].span)
                return nil
            }
            let column: ColumnSpec
            switch (e, scope) {
            case (.rowColumn(let i), .row(let t)): column = context.tables[t].columns[i]
            case (.rosterColumn(let i), .worker): column = context.tables[context.rosterTable].columns[i]
            default:
                error("\(name)() takes a column of the table being read, e.g. \(name)(<optional column>)", args[0].span)
                return nil
            }
            guard column.optional else {
                error("column '\(column.name)' is not optional, so it always has a value; declare it with optional = true if it may be empty", args[0].span)
                return nil
            }
            return (.function(fn, [e], location(span)), .bool)
        case .hoursBetween, .minutesBetween, .secondsBetween:
            guard args.count == 2 else {
                error("\(name)() takes two times, e.g. \(name)(<start>, <end>) (the second minus the first), but was given \(args.count) argument\(args.count == 1 ? "" : "s")", span)
                return nil
            }
            guard let checked = checkArgs(args) else { return nil }
            for (i, (_, t)) in checked.enumerated() where t != .datetime {
                error("argument \(i + 1) of \(name)() must be \(ValueType.datetime), but is \(t)", args[i].span)
                return nil
            }
            return (.function(fn, checked.map(\.0), location(span)), .number)
        default:
            guard args.count == 2 else {
                error("\(name)() takes a time and a number, e.g. \(name)(<time>, 48), but was given \(args.count) argument\(args.count == 1 ? "" : "s")", span)
                return nil
            }
            guard let checked = checkArgs(args) else { return nil }
            guard checked[0].1 == .datetime else {
                error("argument 1 of \(name)() must be \(ValueType.datetime), but is \(checked[0].1)", args[0].span)
                return nil
            }
            guard checked[1].1 == .number else {
                error("argument 2 of \(name)() must be \(ValueType.number), but is \(checked[1].1)", args[1].span)
                return nil
            }
            return (.function(fn, checked.map(\.0), location(span)), .datetime)
        }
    }
}
