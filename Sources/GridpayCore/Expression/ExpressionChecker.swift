/// Check phase: resolves names, checks types, registers aggregates and group computations, and
/// detects cycles between named values. Reports every problem it finds as a Diagnostic.
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
}
