/// What one load has read so far, handed from section reader to section reader in the order
/// `RuleLoader.build` calls them. A class: the checker's lazy definitions (closures, run when a
/// name is first referenced) fill in the checked sections later.
final class RuleDraft {
    let root: TOMLTable
    let file: String
    /// The whole file as a section: its keys are the sections.
    var top: TOMLSection
    /// Where problems go (first a context without tables, then the one with them).
    var context: CheckContext

    // Structure: [rules], [tables], [roster].
    var town = ""
    var townName = ""
    var version = ""
    var effectiveFrom = Period(year: 1900, month: 1)
    var effectiveFromLocation: SourceLocation?
    var periodKind = PeriodKind.month
    /// `month_starts_on`: the day of the previous month a pay month starts on (1: the calendar month).
    var monthStartsOn = 1
    var preliminaryKind: PeriodKind?
    var calendar = WorkCalendar()
    var periodSummary: PeriodSummarySpec?
    var tables: [TableSpec] = []
    /// `worker = "…"` of each table (by index), resolved once the roster is known.
    var workerColumnNames: [Int: TOMLString] = [:]
    /// `[[tables.<name>.checks]]` of each table (by index), checked once names are known.
    var checkTables: [Int: [TOMLTable]] = [:]
    var roster = RosterSpec(table: 0, idColumn: 0, nameColumn: 0, unitColumn: 0, groupColumn: 0)

    // Names, checked lazily (each slot is filled when its definition is checked).
    var rosterColumns: Set<String> = []
    var valueSources: [(name: String, source: TOMLString, location: SourceLocation)] = []
    var checkedValues: [NamedValue?] = []
    var itemTables: [TOMLTable] = []
    var itemSections: [TOMLSection] = []
    /// Each item's name (nil where it has none, reported once).
    var itemNames: [String?] = []
    var checkedItems: [ItemSpec?] = []
    var grades: [GradeBand] = []
    var vetoes: [GradeVeto] = []
    var duty: DutySpec?
    var awardTables: [TOMLTable] = []
    var awardDirections: [AwardSpec.Direction] = []
    var checkedAwards: [AwardSpec?] = []
    var itemYuanLabel: String?
    var recipientSignature = false
    var payBase: (CheckedExpr, String)?
    var scorePay: (CheckedExpr, String)?
    var pay: PaySpec?

    // Read after the names: [scoring], [[flags]], [[ratings]], sheets, [[tests]].
    var roundingPlaces = 2
    var totalMinimum: ExactNumber?
    var totalMaximum: ExactNumber?
    var totalBase = ExactNumber.zero
    var flags: [FlagSpec] = []
    /// Every flag declared, also one whose condition has an error (so that no use of it is
    /// reported as unknown on top of that error).
    var flagNames: [String] = []
    var ratings: [RatingSpec] = []
    var summaryColumns: [DisplayColumn] = []
    /// `[[group_sheets]]` and `[[sheets]]`, in the order read.
    var sheets: [SheetSpec] = []
    var tests: [RuleTestCase] = []

    init(root: TOMLTable, file: String, context: CheckContext) {
        self.root = root
        self.file = file
        self.context = context
        top = TOMLSection(root, path: "the rule file", context: context, allowed: RuleLoader.sections)
    }

    func report(_ diagnostic: Diagnostic) { context.diagnostics.append(diagnostic) }

    /// A section of the file read with the keys it may hold; unknown keys are reported.
    func section(_ table: TOMLTable, _ path: String, allowed: [String]) -> TOMLSection {
        TOMLSection(table, path: path, context: context, allowed: allowed)
    }

    /// Names a worker-level symbol; a name may be defined once (roster columns included).
    func declare(_ name: String, _ symbol: WorkerSymbol, at loc: SourceLocation) {
        if context.symbols[name] != nil || rosterColumns.contains(name) {
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
