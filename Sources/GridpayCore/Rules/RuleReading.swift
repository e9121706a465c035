/// What every section reader is given: the rule file (its top-level table), where problems go
/// and the checker's names (`CheckContext`). What earlier sections produced is passed to a
/// reader as arguments; each reader returns its own part, and `RuleLoader.build` assembles them.
struct RuleReading {
    let root: TOMLTable
    /// The whole file as a section: its keys are the sections.
    let top: TOMLSection
    /// Where problems go, and the names expressions may use (first a context without tables,
    /// then the one with them).
    let context: CheckContext

    /// The first reading, of the file's structure: its unknown top-level keys are reported here.
    init(structureOf root: TOMLTable, context: CheckContext) {
        self.root = root
        self.context = context
        top = TOMLSection(root, path: RulePlaces.ruleFile, context: context, allowed: RuleLoader.sections)
    }

    /// The file read again once its tables are known (its keys were checked already).
    init(namesOf root: TOMLTable, context: CheckContext) {
        self.root = root
        self.context = context
        top = TOMLSection(root, path: RulePlaces.ruleFile) { context.diagnostics.append($0) }
    }

    func report(_ diagnostic: Diagnostic) { context.diagnostics.append(diagnostic) }

    /// A section of the file read with the keys it may hold; unknown keys are reported.
    func section(_ table: TOMLTable, _ path: String, allowed: [String]) -> TOMLSection {
        TOMLSection(table, path: path, context: context, allowed: allowed)
    }

    /// Names a worker-level symbol; a name may be defined once (roster columns included).
    func declare(_ name: String, _ symbol: WorkerSymbol, at loc: SourceLocation) {
        if context.symbols[name] != nil || context.tables[context.rosterTable].columnIndex(name) != nil {
            report(RuleMessages.nameDefinedTwice(name, at: loc))
            return
        }
        context.symbols[name] = symbol
        context.symbolNames[symbol] = name
        context.definitionLocations[symbol] = loc
    }

    /// How to check a symbol's definition, run when the symbol is first needed.
    func define(_ symbol: WorkerSymbol, _ body: @escaping () -> ValueType?) { context.definitions[symbol] = body }

    /// Checks a symbol's definition now (if it has one and was not checked yet).
    func check(_ symbol: WorkerSymbol, at loc: SourceLocation) { _ = context.typeOf(symbol, referencedAt: loc) }

    /// Checks an expression written in the rule file; nil when it has an error (reported).
    /// `present`: optional columns known to have a value where it is evaluated (a deduction's `when`).
    func expression(_ text: TOMLString, scope: Scope, expecting type: ValueType?, what: String, present: Set<String> = []) -> (CheckedExpr, ValueType)? {
        ExpressionChecker.check(ExpressionSource(text), scope: scope, expecting: type, context: context, what: what, present: present)
    }
}

/// Where a definition the checker checks lazily leaves its result: the definition runs when its
/// name is first referenced, which may be while a later section is read, so its result cannot
/// be the return value of its own section's reader. Filled at most once; read after every name
/// is checked (`RuleLoader.build`).
final class CheckedPart<Part> {
    var value: Part?
    init() {}
}

extension Array {
    /// The results of the definitions that were checked without error, in order.
    func checked<Part>() -> [Part] where Element == CheckedPart<Part> { compactMap(\.value) }
}
