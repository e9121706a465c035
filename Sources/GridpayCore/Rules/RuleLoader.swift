/// Turns a rule file into a checked `RuleSet`: parse (TOML), structure (known keys, required
/// keys), check (every expression: names, types, cycles). All problems are collected.
///
/// Each section has its own reader in `Sections/`: it is given a `RuleReading` (the file, where
/// problems go, the checker's names) and what earlier sections produced, and returns its part.
/// The order they are read in is written once, here (`readStructure`, `readNames`,
/// `readSheetsAndTests`); every message they report is a function of `RuleMessages`. To add a
/// section: a reader file there (its keys, a doc comment showing it), its key in `sections`, a
/// call below, a field in `RuleSet`, a `RuleMessages` function per new kind of problem, and a
/// fixture per function in Tests/GridpayCoreTests/Rules/BadRules (the coverage test names any missing).
public enum RuleLoader {
    /// The product's own names that rule expressions may use (they are also workbook labels).
    public static let totalName = "总分"
    public static let rankName = "排名"
    public static let dutyName = "完成工作任务"
    public static let payBaseName = "绩效工资基数"
    public static let scorePayName = "考核绩效"
    public static let deductionsName = "扣款合计"
    public static let payableName = "实发绩效"
    public static let shortfallName = "未扣足"

    /// The top-level keys of a rule file.
    static let sections = ["rules", "tables", "roster", "values", "items", "scoring", "duty", "flags", "pay", "grades", "vetoes",
                           "ratings", "tests", "awards", "sheets", "summary", "group_sheets", "period_summary", "calendar"]

    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    public static func load(text: String, file: String) -> Result<RuleSet, Failure> {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text, file: file)
        } catch {
            return .failure(Failure(diagnostics: [error.diagnostic]))
        }
        return build(root, file: file)
    }

    static func build(_ root: TOMLTable, file: String) -> Result<RuleSet, Failure> {
        // Structure first: without the tables no expression can be checked.
        let structureContext = CheckContext(tables: [], rosterTable: 0)
        let structure = readStructure(RuleReading(structureOf: root, context: structureContext))
        if structure.tables.isEmpty || structureContext.diagnostics.hasErrors {
            if structure.tables.isEmpty { structureContext.diagnostics.append(RuleMessages.noTables(at: root.location)) }
            return .failure(Failure(diagnostics: structureContext.diagnostics.items))
        }
        let ctx = CheckContext(tables: structure.tables, rosterTable: structure.roster.table)
        // The lazy definitions capture the reading and so the context: drop them, or every load stays in memory.
        defer { ctx.definitions = [:] }
        ctx.diagnostics = structureContext.diagnostics
        ctx.periodKind = structure.header.periodKind
        let reading = RuleReading(namesOf: root, context: ctx)
        let names = readNames(reading, structure)
        let rest = readSheetsAndTests(reading, structure, names)
        if ctx.diagnostics.hasErrors {
            return .failure(Failure(diagnostics: ctx.diagnostics.items.sorted { ($0.location ?? root.location) < ($1.location ?? root.location) }))
        }
        return .success(RuleSet(structure: structure, names: names, rest: rest, context: ctx, file: file))
    }

    /// `[rules]`, `[tables]` and `[roster]`.
    struct Structure {
        var header: RulesSection.Header
        var tables: [TableSpec]
        var checkTables: [Int: [TOMLTable]]
        var roster: RosterSpec
    }

    static func readStructure(_ d: RuleReading) -> Structure {
        let header = RulesSection.read(d)
        let declared = TablesSection.read(d)
        let read = RosterSection.read(d, tables: declared.tables)
        // Without a roster (reported, so the file is refused) table 0 stands in for it.
        let roster = read ?? RosterSpec(table: 0, idColumn: 0, nameColumn: 0, unitColumn: 0, groupColumn: 0)
        var tables = TablesSection.resolveWorkerColumns(declared, roster: roster, d)
        if read != nil { tables = RosterSection.keyedById(tables, roster: roster) }
        return Structure(header: header, tables: tables, checkTables: declared.checkTables, roster: roster)
    }

    /// Everything that names or uses names: declared first (lazily checked, so order does not
    /// matter to the results and cycles are found), then checked once in file order.
    struct Names {
        var tables: [TableSpec]
        var values: ValuesSection.Declared
        var items: ItemsSection.Declared
        var grades: GradesSection.Declared
        var duty: CheckedPart<DutySpec>
        var awards: AwardsSection.Declared
        var pay: PaySection.Declared?
        var paySpec: PaySpec?
    }

    static func readNames(_ d: RuleReading, _ structure: Structure) -> Names {
        let withCellRules = ColumnRulesSection.read(d, tables: structure.tables)
        d.context.tables = withCellRules
        let tables = RowChecksSection.read(d, tables: withCellRules, checkTables: structure.checkTables)
        let values = ValuesSection.read(d)
        let items = ItemsSection.read(d)
        ProductNames.declareTotalAndRank(d, items: items)
        let grades = GradesSection.read(d, periodKind: structure.header.periodKind)
        let duty = DutySection.read(d)
        let awards = AwardsSection.read(d)
        let pay = PaySection.read(d, items: items, awards: awards)
        let paySpec = ProductNames.checkAll(d, values: values, items: items, awards: awards, pay: pay)
        return Names(tables: tables, values: values, items: items, grades: grades, duty: duty, awards: awards, pay: pay, paySpec: paySpec)
    }

    /// What is read once every name is checked: it uses the names, no name uses it.
    struct Rest {
        var scoring: ScoringSection.Scoring
        var flags: [FlagSpec]
        var ratings: [RatingSpec]
        var display: DisplaySheetsSection.Display
        var calendar: WorkCalendar
        var sheets: [SheetSpec]
        var tests: [RuleTestCase]
    }

    static func readSheetsAndTests(_ d: RuleReading, _ structure: Structure, _ names: Names) -> Rest {
        let header = structure.header
        let scoring = ScoringSection.read(d)
        let flags = FlagsSection.read(d)
        let ratings = RatingsSection.read(d, periodKind: header.periodKind, items: names.items.names.compactMap { $0 },
                                          grades: names.grades.bands, flags: flags.names)
        let display = DisplaySheetsSection.read(d, header: header)
        PaySection.requirePay(d, pay: names.paySpec, items: names.items.checked.checked(), awards: names.awards.checked.checked())
        let calendar = CalendarSection.read(d)
        let sheets = SheetsSection.read(d, after: display.sheets)
        let expectable = TestsSection.expectableNames(values: names.values, items: names.items, flags: flags.names, awards: names.awards,
                                                      itemYuanLabel: names.pay?.itemYuanLabel, graded: !names.grades.bands.isEmpty)
        let kinds = [header.periodKind, header.preliminaryKind, display.periodSummary?.kind].compactMap { $0 }
        let tests = TestsSection.read(d, names: .init(expectable: expectable, kinds: kinds, tables: names.tables.map(\.name)))
        return Rest(scoring: scoring, flags: flags.flags, ratings: ratings, display: display, calendar: calendar, sheets: sheets, tests: tests)
    }
}

extension RuleSet {
    /// The rule set the loader's parts make up (`names`' lazily checked parts all checked).
    init(structure: RuleLoader.Structure, names: RuleLoader.Names, rest: RuleLoader.Rest, context: CheckContext, file: String) {
        let h = structure.header, scoring = rest.scoring
        self.init(
            town: h.town, townName: h.townName, version: h.version, effectiveFrom: h.effectiveFrom,
            effectiveFromLocation: h.effectiveFromLocation, periodKind: h.periodKind, monthStartsOn: h.monthStartsOn,
            preliminaryKind: h.preliminaryKind, periodSummary: rest.display.periodSummary, calendar: rest.calendar,
            tables: names.tables, roster: structure.roster,
            values: names.values.checked.checked(), items: names.items.checked.checked(),
            itemRoundingPlaces: scoring.roundingPlaces, totalBase: scoring.totalBase,
            totalMinimum: scoring.totalMinimum, totalMaximum: scoring.totalMaximum,
            duty: names.duty.value, flags: rest.flags, grades: names.grades.bands, vetoes: names.grades.vetoes.value ?? [],
            ratings: rest.ratings, aggregates: context.aggregates, groups: context.groups,
            pay: names.paySpec ?? PaySpec(base: .constant(.number(.zero)), baseText: "", scorePay: .constant(.number(.zero)), scorePayText: ""),
            hasPay: names.paySpec != nil, awards: names.awards.checked.checked(),
            itemYuanLabel: names.pay?.itemYuanLabel, recipientSignature: names.pay?.recipientSignature ?? false,
            summaryColumns: rest.display.summaryColumns, sheets: rest.sheets, tests: rest.tests, file: file)
    }
}
