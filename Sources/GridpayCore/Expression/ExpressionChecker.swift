/// Check phase: resolves names, checks types, registers aggregates and group computations, and
/// detects cycles between named values. Reports every problem it finds as a Diagnostic.

/// What an expression may see.
public enum Scope: Sendable, Equatable {
    /// Evaluated once per input row of a table: the row's columns and constants.
    case row(table: Int)
    /// Evaluated once per worker: roster columns, named values, items, aggregates, groups.
    case worker
}

/// The names of a rule set and the definitions that are checked on demand.
final class CheckContext {
    var tables: [TableSpec]
    var rosterTable: Int
    var diagnostics = DiagnosticBag()
    var aggregates: [AggregateSpec] = []
    var aggregateIndex: [String: Int] = [:]
    var groups: [GroupSpec] = []
    var groupIndex: [String: Int] = [:]
    /// Worker-level symbols by name (values, items and the product's own names).
    var symbols: [String: WorkerSymbol] = [:]
    /// Symbols whose definitions are checked lazily, so references give types and reveal cycles.
    var definitions: [WorkerSymbol: () -> ValueType?] = [:]
    var types: [WorkerSymbol: ValueType] = [:]
    var inProgress: [WorkerSymbol] = []
    var symbolNames: [WorkerSymbol: String] = [:]
    var definitionLocations: [WorkerSymbol: SourceLocation] = [:]
    /// Boolean named values usable with consecutive(): name → index.
    var valueIndices: [String: Int] = [:]
    var reportedCycles: Set<WorkerSymbol> = []
    var failed: Set<WorkerSymbol> = []
    /// The town's assessment period ([rules] period): `days_in_month` is for monthly towns.
    var periodKind = PeriodKind.month
    /// The assessment period's grade names: `等次 == "…"` must name one.
    var gradeNames: [String] = []

    init(tables: [TableSpec], rosterTable: Int) {
        self.tables = tables
        self.rosterTable = rosterTable
    }

    /// The type of a worker symbol, checking its definition first if needed.
    func typeOf(_ symbol: WorkerSymbol, referencedAt loc: SourceLocation) -> ValueType? {
        if let t = types[symbol] { return t }
        // A definition that failed its check is reported once, not again at each reference.
        if failed.contains(symbol) { return nil }
        if let start = inProgress.firstIndex(of: symbol) {
            if !reportedCycles.contains(symbol) {
                reportedCycles.insert(symbol)
                let path = (inProgress[start...] + [symbol]).map { symbolNames[$0] ?? "?" }
                diagnostics.append(.error(CheckerMessages.cycle(symbolNames[symbol] ?? "?", path: path), at: loc))
            }
            return nil
        }
        guard let define = definitions[symbol] else { return nil }
        inProgress.append(symbol)
        let t = define()
        inProgress.removeLast()
        if let t { types[symbol] = t } else { failed.insert(symbol) }
        return t
    }

    var allWorkerNames: [String] { symbols.keys.sorted() + tables[rosterTable].columns.map(\.name) }
}

struct ExpressionChecker {
    let context: CheckContext
    let source: ExpressionSource
    let scope: Scope
    /// Inside the body of mean_each() and friends: the value `each` stands for in this copy.
    var each: Value? = nil
    /// Optional columns known to have a value here (OptionalGuards).
    var present: Set<String> = []

    func location(_ span: Span) -> SourceLocation { source.locate(span.start) }

    /// Names of the period being run, usable in every scope.
    static let periodNames = ["days_in_month", "days_in_period"]

    func error(_ message: String, _ span: Span) {
        context.diagnostics.append(.error(message, at: location(span), length: span.length))
    }

    /// Parses and checks; returns nil (with diagnostics) on any problem.
    static func check(_ source: ExpressionSource, scope: Scope, expecting expected: ValueType?, context: CheckContext, what: String,
                      present: Set<String> = []) -> (CheckedExpr, ValueType)? {
        let tree: Syntax
        do {
            tree = try ExpressionParser.parse(source.text)
        } catch {
            context.diagnostics.append(.error(error.message, at: source.locate(error.span.start), length: error.span.length))
            return nil
        }
        var checker = ExpressionChecker(context: context, source: source, scope: scope)
        checker.present = present
        guard let (expr, type) = checker.check(tree) else { return nil }
        if let expected, type != expected {
            checker.error(CheckerMessages.expectedType(of: what, expected: expected, found: type), tree.span)
            return nil
        }
        return (expr, type)
    }

    func check(_ s: Syntax) -> (CheckedExpr, ValueType)? {
        switch s.kind {
        case .number(let n): return (.constant(.number(n)), .number)
        case .string(let t): return (.constant(.text(t)), .text)
        case .bool(let b): return (.constant(.bool(b)), .bool)
        case .name(let name): return resolveName(name, s.span)
        case .unary(let op, let operand):
            guard let (e, t) = check(operand) else { return nil }
            switch op {
            case .negate:
                guard t == .number else { error(CheckerMessages.negateNeedsNumber(found: t), operand.span); return nil }
                guard requirePresent(operand, comparison: false) else { return nil }
                return (.negate(e, location(s.span)), .number)
            case .not:
                guard t == .bool else { error(CheckerMessages.notNeedsBool(found: t), operand.span); return nil }
                return (.not(e), .bool)
            }
        case .binary(let op, let l, let r):
            return checkBinary(op, l, r, s.span)
        case .conditional(let c, let a, let b):
            let cc = check(c), ca = guarded(OptionalGuards.whenTrue(c)).check(a), cb = guarded(OptionalGuards.whenFalse(c)).check(b)
            guard let (ce, ct) = cc, let (ae, at) = ca, let (be, bt) = cb else { return nil }
            guard ct == .bool else { error(CheckerMessages.ifCondition(found: ct), c.span); return nil }
            guard at == bt else { error(CheckerMessages.ifBranches(then: at, else: bt), b.span); return nil }
            return (.conditional(ce, ae, be), at)
        case .call(let name, let nameSpan, let args):
            return checkCall(name, nameSpan, args, s.span)
        case .named(let name, let nameSpan, _):
            error(CheckerMessages.namedArgument(name), nameSpan)
            return nil
        }
    }

    func resolveName(_ name: String, _ span: Span) -> (CheckedExpr, ValueType)? {
        if name == "days_in_period" { return (.daysInPeriod, .number) }
        if name == ExpressionChecker.eachName {
            if let each { return (.constant(each), .text) }
            error(CheckerMessages.eachOutside(), span)
            return nil
        }
        if name == "days_in_month" {
            guard context.periodKind == .month else {
                error(CheckerMessages.daysInMonth(assessedBy: context.periodKind), span)
                return nil
            }
            return (.daysInMonth, .number)
        }
        switch scope {
        case .row(let t):
            let table = context.tables[t]
            if let i = table.columnIndex(name) { return (.rowColumn(i), table.columns[i].type.valueType) }
            let names = table.columns.map(\.name) + Self.periodNames
            error(CheckerMessages.unknownColumn(name, of: table.name, among: names, isWorkerValue: context.symbols[name] != nil), span)
            return nil
        case .worker:
            if let symbol = context.symbols[name] {
                guard let t = context.typeOf(symbol, referencedAt: location(span)) else { return nil }
                return (.symbol(symbol), t)
            }
            let roster = context.tables[context.rosterTable]
            if let i = roster.columnIndex(name) { return (.rosterColumn(i), roster.columns[i].type.valueType) }
            if context.tables.contains(where: { $0.name == name }) {
                error(CheckerMessages.tableAsValue(name), span)
                return nil
            }
            error(CheckerMessages.unknownName(name, among: context.allWorkerNames + Self.periodNames), span)
            return nil
        }
    }

    func checkBinary(_ op: BinaryOperator, _ l: Syntax, _ r: Syntax, _ span: Span) -> (CheckedExpr, ValueType)? {
        // The right of `and` / `or` is evaluated only when the left is true / false.
        let right = op == .and ? guarded(OptionalGuards.whenTrue(l)) : op == .or ? guarded(OptionalGuards.whenFalse(l)) : self
        let cl = check(l), cr = right.check(r)
        guard let (le, lt) = cl, let (re, rt) = cr else { return nil }
        switch op {
        case .add, .subtract, .multiply, .divide:
            guard lt == .number else { error(CheckerMessages.arithmeticNeedsNumbers(op, side: .left, found: lt), l.span); return nil }
            guard rt == .number else { error(CheckerMessages.arithmeticNeedsNumbers(op, side: .right, found: rt), r.span); return nil }
            guard requirePresent(l, comparison: false) && requirePresent(r, comparison: false) else { return nil }
            if op == .divide, let d = Self.constantNumber(re), d == .zero {
                error(CheckerMessages.divisionByZero(), r.span)
                return nil
            }
            return (.arithmetic(op, le, re, location(span)), .number)
        case .and, .or:
            guard lt == .bool else { error(CheckerMessages.logicNeedsBools(op, side: .left, found: lt), l.span); return nil }
            guard rt == .bool else { error(CheckerMessages.logicNeedsBools(op, side: .right, found: rt), r.span); return nil }
            return (op == .and ? .and(le, re) : .or(le, re), .bool)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard lt == rt else {
                error(CheckerMessages.cannotCompare(lt, with: rt), span)
                return nil
            }
            if op != .equal && op != .notEqual, lt == .text || lt == .bool {
                error(CheckerMessages.cannotOrder(op, lt), span)
                return nil
            }
            guard requirePresent(l, comparison: true) && requirePresent(r, comparison: true) else { return nil }
            checkChoiceLiteral(le, r, re)
            checkChoiceLiteral(re, l, le)
            return (.compare(op, le, re, location(span)), .bool)
        }
    }

    /// The value of a number expression written with literals only (e.g. `2 - 2`), else nil.
    static func constantNumber(_ e: CheckedExpr) -> ExactNumber? {
        switch e {
        case .constant(.number(let n)): return n
        case .negate(let a, _): return (try? constantNumber(a)?.negated()) ?? nil
        case .arithmetic(let op, let a, let b, _):
            guard let x = constantNumber(a), let y = constantNumber(b) else { return nil }
            switch op {
            case .add: return try? x.adding(y)
            case .subtract: return try? x.subtracting(y)
            case .multiply: return try? x.multiplied(by: y)
            case .divide: return y == .zero ? nil : try? x.divided(by: y)
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .and, .or: return nil
            }
        case .rowColumn, .rosterColumn, .symbol, .daysInPeriod, .daysInMonth, .not, .compare, .and, .or, .conditional,
             .function, .aggregate, .group, .consecutive, .constant:
            return nil
        }
    }

    /// `出勤 == "缺度"` is caught here: a text literal compared with a closed-choice column must be one of its values.
    func checkChoiceLiteral(_ column: CheckedExpr, _ literalSyntax: Syntax, _ literal: CheckedExpr) {
        guard case .constant(.text(let text)) = literal else { return }
        if case .symbol(.grade) = column, !context.gradeNames.contains(text) {
            error(CheckerMessages.gradeLiteral(text, grades: context.gradeNames), literalSyntax.span)
            return
        }
        let spec: ColumnSpec
        switch (column, scope) {
        case (.rowColumn(let i), .row(let t)): spec = context.tables[t].columns[i]
        case (.rosterColumn(let i), .worker): spec = context.tables[context.rosterTable].columns[i]
        default: return
        }
        guard case .choice(let values) = spec.type, !values.contains(text) else { return }
        error(CheckerMessages.choiceLiteral(text, column: spec.name, values: values), literalSyntax.span)
    }

    func checkArgs(_ args: [Syntax]) -> [(CheckedExpr, ValueType)]? {
        var out: [(CheckedExpr, ValueType)] = []
        var failed = false
        for a in args {
            if let c = check(a) { out.append(c) } else { failed = true }
        }
        return failed ? nil : out
    }

    static let eachName = "each"
    /// Inside mean_each() and friends, which value a copy of an aggregate stands for (explain shows each).
    var eachNote: String { each.map { " [each = \($0)]" } ?? "" }

    /// Every call goes through the function catalog: its entry says which checker applies.
    func checkCall(_ name: String, _ nameSpan: Span, _ args: [Syntax], _ span: Span) -> (CheckedExpr, ValueType)? {
        if let literal = checkDateLiteral(name, args, span) { return literal }
        guard let entry = FunctionCatalog.entry(named: name) else {
            error(CheckerMessages.unknownFunction(name, among: FunctionCatalog.names), nameSpan)
            return nil
        }
        switch entry.kind {
        case .scalar(let fn): return checkScalar(entry, fn, args, span)
        case .literal: return nil   // checkDateLiteral reported it
        case .aggregate(let total): return checkAggregate(entry, total, args, span)
        case .perKey: return checkCountBy(args, span)
        case .group(let combine): return checkGroup(entry, combine, args, span)
        case .each(let combine): return checkEach(entry, combine, args, span)
        case .history: return checkConsecutive(args, span)
        }
    }

    /// A date or time written in the rule file: `date("2026-10-15")`, `datetime("2026-10-15 08:30")`
    /// (seconds optional): a constant, checked here. nil: not such a literal.
    func checkDateLiteral(_ name: String, _ args: [Syntax], _ span: Span) -> (CheckedExpr, ValueType)?? {
        guard name == "date" || name == "datetime", args.count == 1, case .string(let text) = args[0].kind else {
            if name == "datetime" {
                error(CheckerMessages.datetimeUsage(), span)
                return .some(nil)
            }
            return nil
        }
        if name == "date", let d = CivilDate.parse(Substring(text)) { return (.constant(.date(d)), .date) }
        if name == "datetime", let t = CivilDateTime.parse(Substring(text)) { return (.constant(.datetime(t)), .datetime) }
        error(name == "date" ? CheckerMessages.notADate(text) : CheckerMessages.notADateTime(text), args[0].span)
        return .some(nil)
    }

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
