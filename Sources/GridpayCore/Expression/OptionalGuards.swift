/// Which optional columns are known to have a value where a part of an expression is evaluated
/// (`and`, `or` and `if` evaluate only what they need): the right of `has(x) and …` or of
/// `is_empty(x) or …`, the then-branch of `if has(x) then … else …`. The checker refuses
/// arithmetic or a comparison on an optional column outside such a guard, since an empty cell
/// would fail the run at that row.
enum OptionalGuards {
    static let present = "has", empty = "is_empty"

    /// Columns that have a value whenever `s` is true.
    static func whenTrue(_ s: Syntax) -> Set<String> {
        switch s.kind {
        case .call(let f, _, let args) where f == present && args.count == 1: return column(args[0])
        case .unary(.not, let e): return whenFalse(e)
        case .binary(.and, let a, let b): return whenTrue(a).union(whenTrue(b))
        case .binary(.or, let a, let b): return whenTrue(a).intersection(whenTrue(b))
        default: return []
        }
    }

    /// Columns that have a value whenever `s` is false.
    static func whenFalse(_ s: Syntax) -> Set<String> {
        switch s.kind {
        case .call(let f, _, let args) where f == empty && args.count == 1: return column(args[0])
        case .unary(.not, let e): return whenTrue(e)
        case .binary(.or, let a, let b): return whenFalse(a).union(whenFalse(b))
        case .binary(.and, let a, let b): return whenFalse(a).intersection(whenFalse(b))
        default: return []
        }
    }

    static func column(_ s: Syntax) -> Set<String> {
        if case .name(let n) = s.kind { return [n] }
        return []
    }
}

extension ExpressionChecker {
    /// A copy of this checker that knows `names` have a value.
    func guarded(_ names: Set<String>) -> ExpressionChecker {
        guard !names.isEmpty else { return self }
        var copy = self
        copy.present.formUnion(names)
        return copy
    }

    /// Whether `name` reads an optional column in this scope (a worker value of that name wins, as in resolveName).
    func readsOptionalColumn(_ name: String) -> Bool {
        switch scope {
        case .row(let t):
            let table = context.tables[t]
            return table.columnIndex(name).map { table.columns[$0].optional } ?? false
        case .worker:
            guard context.symbols[name] == nil else { return false }
            let roster = context.tables[context.rosterTable]
            return roster.columnIndex(name).map { roster.columns[$0].optional } ?? false
        }
    }

    /// An operand of arithmetic or a comparison that is an optional column must be guarded; false
    /// (with the error at the column) when it is not.
    func requirePresent(_ operand: Syntax, comparison: Bool) -> Bool {
        guard case .name(let name) = operand.kind, name != Self.eachName, !present.contains(name), readsOptionalColumn(name) else { return true }
        error(comparison ? CheckerMessages.optionalInComparison(name) : CheckerMessages.optionalInArithmetic(name), operand.span)
        return false
    }
}
