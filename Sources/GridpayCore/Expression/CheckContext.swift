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
