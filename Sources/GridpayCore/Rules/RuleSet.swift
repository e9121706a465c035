/// The checked rule set of one town: what its exports look like and how a month is scored.
/// Built only by `RuleLoader`, which parses, structures and type-checks a rule file; every
/// expression in here is a `CheckedExpr`, so nothing unchecked can ever be evaluated. A value:
/// a caller that needs it changed makes a changed copy (`with(tables:)`).
public struct RuleSet: Sendable {
    // [rules], [period_summary], [calendar]
    public let town: String
    public let townName: String
    public let version: String
    public let effectiveFrom: Period
    /// Where `[rules] effective_from` is written (nil: not written).
    public let effectiveFromLocation: SourceLocation?
    public let periodKind: PeriodKind
    /// The day of the previous month each pay month starts on (1: the calendar month; SPEC §16).
    public let monthStartsOn: Int
    /// A shorter period assessed and ranked as the town's own before its end (`[rules]
    /// preliminary`, xinhe's 半年初查, SPEC §17): e.g. the first half of a year.
    public let preliminaryKind: PeriodKind?
    /// A shorter period run as a summary only (`[period_summary]`, xinhe's 每季度汇总).
    public let periodSummary: PeriodSummarySpec?
    /// The town's working days ([calendar]), for working_days().
    public let calendar: WorkCalendar

    // [tables], [roster]
    public let tables: [TableSpec]
    public let roster: RosterSpec

    // What a month is scored by.
    public let values: [NamedValue]
    public let items: [ItemSpec]
    public let itemRoundingPlaces: Int
    /// Added to the sum of the items before the floor and ceiling (`[scoring] total_base`).
    public let totalBase: ExactNumber
    public let totalMinimum: ExactNumber?
    public let totalMaximum: ExactNumber?
    public let duty: DutySpec?
    public let flags: [FlagSpec]
    /// The assessment period's grade bands (column and value 等次); empty when it is not graded.
    public let grades: [GradeBand]
    public let vetoes: [GradeVeto]
    public let ratings: [RatingSpec]
    /// The computations the checker found in the expressions, each run once per period.
    public let aggregates: [AggregateSpec]
    public let groups: [GroupSpec]

    // [pay], [[awards]]
    public let pay: PaySpec
    /// False for a town without [pay] (SPEC §17): no 绩效工资, no pay CSV, no 工资条, no pay lines.
    public let hasPay: Bool
    /// Amounts decided across workers or units and split in cents (`[[awards]]`).
    public let awards: [AwardSpec]
    /// Label of one pay column that shows the yuan of all items together (nil: one column per item).
    public let itemYuanLabel: String?
    /// `[pay] recipient_signature = true`: 绩效工资 has a 领款人签字 column for each worker to sign.
    public let recipientSignature: Bool

    // [summary], [[group_sheets]], [[sheets]], [[tests]]
    /// Columns added to 考核汇总 after the flags (`[summary] columns`).
    public let summaryColumns: [DisplayColumn]
    /// The rule file's own sheets (`[[group_sheets]]` and `[[sheets]]`), in the order read.
    public let sheets: [SheetSpec]
    public let tests: [RuleTestCase]
    public let file: String

    public var rosterTable: TableSpec { tables[roster.table] }
    /// The rating declared for periods of `kind`, if any.
    public func rating(for kind: PeriodKind) -> RatingSpec? { ratings.first { $0.periods.contains(kind) } }
    public func table(named name: String) -> Int? { tables.firstIndex { $0.name == name } }
}

extension RuleSet {
    /// The same rules over other table specs (e.g. `gridpay check`'s tests read their CSV text
    /// in the plain layout, whatever the export's).
    public func with(tables: [TableSpec]) -> RuleSet {
        RuleSet(
            town: town, townName: townName, version: version, effectiveFrom: effectiveFrom,
            effectiveFromLocation: effectiveFromLocation, periodKind: periodKind, monthStartsOn: monthStartsOn,
            preliminaryKind: preliminaryKind, periodSummary: periodSummary, calendar: calendar,
            tables: tables, roster: roster, values: values, items: items,
            itemRoundingPlaces: itemRoundingPlaces, totalBase: totalBase, totalMinimum: totalMinimum, totalMaximum: totalMaximum,
            duty: duty, flags: flags, grades: grades, vetoes: vetoes, ratings: ratings, aggregates: aggregates, groups: groups,
            pay: pay, hasPay: hasPay, awards: awards, itemYuanLabel: itemYuanLabel, recipientSignature: recipientSignature,
            summaryColumns: summaryColumns, sheets: sheets, tests: tests, file: file)
    }
}

extension RuleSet {
    /// Whether a period of `kind` is run as a summary only ([period_summary]).
    public func isSummary(_ kind: PeriodKind) -> Bool { periodSummary?.kind == kind }

    /// The extra columns of a run of `kind`: a summary period's, else 考核汇总's.
    public func columns(for kind: PeriodKind) -> [DisplayColumn] {
        isSummary(kind) ? periodSummary!.columns : summaryColumns
    }

    /// The kinds of period this town is run for: its assessment period, its preliminary and
    /// summary periods.
    public var runnableKinds: [PeriodKind] { [periodKind] + [preliminaryKind, periodSummary?.kind].compactMap { $0 } }

    /// The preliminary periods inside `period` (of the town's kind) that end before it does,
    /// e.g. 2026-H1 for the year 2026.
    public func preliminaryPeriods(of period: CalendarPeriod) -> [CalendarPeriod] {
        guard let k = preliminaryKind, period.kind == periodKind else { return [] }
        return period.periods(of: k).filter { $0.lastMonth < period.lastMonth }
    }
}

extension RuleSet {
    /// Whether the town is run for `period`: a period of its kind, a summary period, or a
    /// preliminary period that ends before the assessment period holding it.
    public func runs(_ period: CalendarPeriod) -> Bool {
        if period.kind == periodKind || isSummary(period.kind) { return true }
        guard period.kind == preliminaryKind else { return false }
        return preliminaryPeriods(of: .of(periodKind, holding: period.firstMonth)).contains(period)
    }
}
