/// The checker's functions over copies and periods: mean_each() and friends (the body checked
/// once per value of a choice column) and consecutive() (a true/false value over past periods).
extension ExpressionChecker {
    /// `mean_each(table, column, body)`: the body is checked once per value of the table's choice
    /// column, with `each` standing for that value, and the copies are combined (mean, sum, min or
    /// max). Over a group table with `complete = "<column>"` these values are exactly the keys
    /// every group has, e.g. the mean over a team's 工作项目 of a capped ratio.
    func checkEach(_ entry: FunctionEntry, _ combine: EachCombine, _ args: [Syntax], _ span: Span) -> (CheckedExpr, ValueType)? {
        let name = entry.name
        guard scope == .worker else {
            error(CheckerMessages.eachInRow(name), span)
            return nil
        }
        guard each == nil else {
            error(CheckerMessages.eachNested(name), span)
            return nil
        }
        guard args.count == 3 else {
            error(CheckerMessages.eachUsage(name), span)
            return nil
        }
        guard case .name(let tableName) = args[0].kind, let t = context.tables.firstIndex(where: { $0.name == tableName }) else {
            error(CheckerMessages.eachTable(name, tables: context.tables.map(\.name)), args[0].span)
            return nil
        }
        let table = context.tables[t]
        let choices = table.columns.filter { if case .choice = $0.type { return true } else { return false } }.map(\.name)
        guard case .name(let columnName) = args[1].kind, let c = table.columnIndex(columnName), case .choice(let values) = table.columns[c].type else {
            error(CheckerMessages.eachColumn(name, table: tableName, choices: choices), args[1].span)
            return nil
        }
        var copies: [CheckedExpr] = []
        for v in values {
            var checker = self
            checker.each = .text(v)
            guard let (e, type) = checker.check(args[2]) else { return nil }
            guard type == .number else {
                error(CheckerMessages.valueNotANumber(name, found: type), args[2].span)
                return nil
            }
            copies.append(e)
        }
        return (combine.combine(copies, location(span)), .number)
    }

    func checkConsecutive(_ args: [Syntax], _ span: Span) -> (CheckedExpr, ValueType)? {
        guard scope == .worker else {
            error(CheckerMessages.consecutiveInRow(), span)
            return nil
        }
        guard args.count == 2 || args.count == 3 else {
            error(CheckerMessages.consecutiveUsage(), span)
            return nil
        }
        var missing: Bool?
        if args.count == 3 {
            guard case .named("missing", _, let value) = args[2].kind, case .bool(let b) = value.kind else {
                error(CheckerMessages.consecutiveMissing(), args[2].span)
                return nil
            }
            missing = b
        }
        guard case .name(let name) = args[0].kind else {
            error(CheckerMessages.consecutiveName(), args[0].span)
            return nil
        }
        guard let index = context.valueIndices[name] else {
            error(CheckerMessages.consecutiveUnknown(name, among: context.valueIndices.keys.sorted()), args[0].span)
            return nil
        }
        guard let t = context.typeOf(.value(index), referencedAt: location(args[0].span)) else { return nil }
        guard t == .bool else {
            error(CheckerMessages.consecutiveType(name, found: t), args[0].span)
            return nil
        }
        let range = FunctionArgumentKind.periodsRange
        guard case .number(let n) = args[1].kind, n.isInteger, n >= ExactNumber(range.lowerBound), n <= ExactNumber(range.upperBound) else {
            error(CheckerMessages.notAWholeNumberInPlace("number of periods", of: "consecutive", range: range), args[1].span)
            return nil
        }
        return (.consecutive(valueName: name, value: index, periods: Int(n.numerator), missing: missing, location(span)), .bool)
    }
}
