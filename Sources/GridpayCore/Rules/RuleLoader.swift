/// Turns a rule file into a checked `RuleSet`: parse (TOML), structure (known keys, required
/// keys), check (every expression: names, types, cycles). All problems are collected.
///
/// Each section has its own reader in `Sections/`, numbered in the order `build` calls them;
/// every message they report is a function of `RuleMessages`. To add a section: a reader file
/// there (its keys, a doc comment showing it), its key in `sections`, a call below, a field in
/// `RuleDraft` and `RuleSet`, a `RuleMessages` function per new kind of problem, and a fixture
/// per function in Tests/GridpayCoreTests/Rules/BadRules (the coverage test names any missing).
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
        let draft = RuleDraft(root: root, file: file, context: CheckContext(tables: [], rosterTable: 0))
        // Structure first: without the tables no expression can be checked.
        RulesSection.read(draft)
        TablesSection.read(draft)
        RosterSection.read(draft)
        TablesSection.resolveWorkerColumns(draft)
        if draft.tables.isEmpty || draft.context.diagnostics.hasErrors {
            if draft.tables.isEmpty { draft.report(RuleMessages.noTables(at: root.location)) }
            return .failure(Failure(diagnostics: draft.context.diagnostics.items))
        }
        let ctx = CheckContext(tables: draft.tables, rosterTable: draft.roster.table)
        // The lazy definitions capture the draft and so the context: drop them, or every load stays in memory.
        defer { ctx.definitions = [:] }
        ctx.diagnostics = draft.context.diagnostics
        ctx.periodKind = draft.periodKind
        draft.context = ctx
        draft.top = TOMLSection(root, path: "the rule file") { ctx.diagnostics.append($0) }
        readNamesAndSheets(draft)
        if ctx.diagnostics.hasErrors {
            return .failure(Failure(diagnostics: ctx.diagnostics.items.sorted { ($0.location ?? root.location) < ($1.location ?? root.location) }))
        }
        return .success(ruleSet(draft))
    }

    /// Everything that names or uses names: declared first (lazily checked, so order does not
    /// matter to the results and cycles are found), then checked once in file order.
    static func readNamesAndSheets(_ draft: RuleDraft) {
        ColumnRulesSection.read(draft)
        draft.context.tables = draft.tables
        draft.rosterColumns = Set(draft.tables[draft.roster.table].columns.map(\.name))
        RowChecksSection.read(draft)
        ValuesSection.read(draft)
        ItemsSection.read(draft)
        ProductNames.declareTotalAndRank(draft)
        GradesSection.read(draft)
        DutySection.read(draft)
        AwardsSection.read(draft)
        PaySection.read(draft)
        ProductNames.checkAll(draft)
        ScoringSection.read(draft)
        FlagsSection.read(draft)
        RatingsSection.read(draft)
        DisplaySheetsSection.read(draft)
        PaySection.requirePay(draft)
        CalendarSection.read(draft)
        SheetsSection.read(draft)
        TestsSection.read(draft)
    }

    static func ruleSet(_ d: RuleDraft) -> RuleSet {
        var ruleSet = RuleSet(
            town: d.town, townName: d.townName, version: d.version, effectiveFrom: d.effectiveFrom, periodKind: d.periodKind,
            tables: d.tables, roster: d.roster, values: d.checkedValues.compactMap { $0 }, items: d.checkedItems.compactMap { $0 },
            itemRoundingPlaces: d.roundingPlaces, totalMinimum: d.totalMinimum, totalMaximum: d.totalMaximum, duty: d.duty, flags: d.flags,
            pay: d.pay ?? PaySpec(base: .constant(.number(.zero)), baseText: "", scorePay: .constant(.number(.zero)), scorePayText: ""),
            grades: d.grades, aggregates: d.context.aggregates, groups: d.context.groups, tests: d.tests, file: d.file)
        ruleSet.vetoes = d.vetoes
        ruleSet.hasPay = d.pay != nil
        ruleSet.monthStartsOn = d.monthStartsOn
        ruleSet.preliminaryKind = d.preliminaryKind
        ruleSet.calendar = d.calendar
        ruleSet.periodSummary = d.periodSummary
        ruleSet.ratings = d.ratings
        ruleSet.effectiveFromLocation = d.effectiveFromLocation
        ruleSet.summaryColumns = d.summaryColumns
        ruleSet.totalBase = d.totalBase
        ruleSet.awards = d.checkedAwards.compactMap { $0 }
        ruleSet.sheets = d.sheets
        ruleSet.itemYuanLabel = d.itemYuanLabel
        ruleSet.recipientSignature = d.recipientSignature
        return ruleSet
    }
}
