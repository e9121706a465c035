/// The checked rule set of one town: what its exports look like and how a month is scored.
/// Built only by `RuleLoader`, which parses, structures and type-checks a rule file; every
/// expression in here is a `CheckedExpr`, so nothing unchecked can ever be evaluated.

public enum ColumnType: Sendable, Equatable {
    case id
    case text
    case integer
    case decimal(places: Int?)
    case date
    case datetime
    case choice([String])

    public var valueType: ValueType {
        switch self {
        case .id, .text, .choice: .text
        case .integer, .decimal: .number
        case .date: .date
        case .datetime: .datetime
        }
    }

    /// What a cell of the type must be, in the current language.
    public var expectation: String {
        switch self {
        case .id: bilingual(zh: "编号（非空文字）", en: "an id (non-empty text)")
        case .text: bilingual(zh: "文字", en: "text")
        case .integer: bilingual(zh: "整数", en: "a whole number")
        case .decimal(let places?): bilingual(zh: "最多 \(places) 位小数的数字", en: "a number with at most \(places) decimals")
        case .decimal(nil): bilingual(zh: "数字", en: "a number")
        case .date: bilingual(zh: "日期 YYYY-MM-DD", en: "a date YYYY-MM-DD")
        case .datetime: bilingual(zh: "时间 YYYY-MM-DD HH:MM（秒可有可无）", en: "a time YYYY-MM-DD HH:MM (seconds optional)")
        case .choice(let values): bilingual(zh: values.joined(separator: " / ") + " 之一", en: "one of " + values.joined(separator: " / "))
        }
    }
}

public struct ColumnSpec: Sendable {
    public var name: String
    public var type: ColumnType
    public var minimum: ExactNumber?
    public var maximum: ExactNumber?
    /// Empty cells allowed (they read as empty text / zero is never assumed).
    public var optional: Bool
    public var location: SourceLocation
    /// Row conditions: the cell must be filled (`required_when`) or empty (`empty_when`).
    public var requiredWhen: CheckedExpr? = nil
    public var emptyWhen: CheckedExpr? = nil
    public var requiredWhenText: String? = nil
    public var emptyWhenText: String? = nil
    /// A filled cell must be a value of this roster column (`on_roster`).
    public var onRoster: Int? = nil
    /// With `on_roster`: columns of this table (by index) whose values the roster row found must
    /// share, paired with the roster column of the same name (`same_on_roster`).
    public var sameOnRoster: [(column: Int, rosterColumn: Int)] = []
    /// Per-column `within_period`: overrides the table's (nil: as the table says).
    public var withinPeriod: Bool? = nil
    /// The forms its cells are written in (SPEC §16); nil: the plain form (YYYY-MM-DD, 1234.5).
    public var forms: CellForms? = nil
}

/// A row check declared on a table (`[[tables.<name>.checks]]`): `require` must hold on every
/// row; a row where it does not is an error at its line and at `column`.
public struct RowCheck: Sendable {
    public var require: CheckedExpr
    public var requireText: String
    /// The declared column the problem is reported at (nil: the row).
    public var column: Int?
    /// What is wrong, with {column} placeholders filled from the row.
    public var message: String
    public var location: SourceLocation
}

public enum InputEncoding: String, Sendable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
    case utf16 = "utf-16"
}

public struct TableSpec: Sendable {
    public var name: String
    public var file: String
    public var encoding: InputEncoding
    public var columns: [ColumnSpec]
    /// Index of the column that names the worker a row belongs to (nil for the roster's own id column).
    public var workerColumn: Int?
    /// Index of the column that names the group a row belongs to (a table keyed by group instead
    /// of by worker: its rows belong to every worker whose roster group has that value).
    public var groupColumn: Int? = nil
    /// For a group table: which rows every group must have (checked after the file is read).
    public var completeness: Completeness? = nil
    /// Column sets whose values must be unique in the file.
    public var uniqueKeys: [[Int]]
    /// Dates and times must lie inside the period being run.
    public var withinPeriod: Bool
    public var location: SourceLocation
    /// Row checks, in file order.
    public var checks: [RowCheck] = []
    /// The export's layout: delimiter, header row, totals row, unknown workers (SPEC §16).
    public var form = TableForm()

    /// Whether dates and times of column `c` must lie inside the period.
    public func mustLieInPeriod(_ c: Int) -> Bool { columns[c].withinPeriod ?? withinPeriod }

    public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }
}

/// What a group table must hold for every group on the roster (`complete = …`).
public enum Completeness: Sendable, Equatable {
    /// `complete = true`: at least one row per group.
    case everyGroup
    /// `complete = "<choice column>"`: a row per group for every value of that column.
    case everyValue(column: Int)
}

/// Which roster columns fill the product's fixed columns (网格员编号, 姓名, 村(社区), 网格编号).
public struct RosterSpec: Sendable {
    public var table: Int
    public var idColumn: Int
    public var nameColumn: Int
    public var unitColumn: Int
    public var groupColumn: Int
    /// Roster columns that must hold one value within a group (`same_in_group`).
    public var sameInGroup: [Int] = []
    /// The four fixed columns' labels on every sheet (`labels`); nil: the product's own.
    public var labels: [String]? = nil
    /// Further roster columns shown after the four on the sheets that list workers (`show`,
    /// e.g. xinhe's 岗位, SPEC §17).
    public var shown: [Int] = []
}

public struct NamedValue: Sendable {
    public var name: String
    public var expr: CheckedExpr
    public var type: ValueType
    public var sourceText: String
    public var location: SourceLocation
}

public struct DeductionSpec: Sendable {
    public enum Source: Sendable {
        /// One deduction per matching input row: `when` is evaluated on each row of `table`.
        case perRow(table: Int, when: CheckedExpr?)
        /// `count` (worker level) times the points, e.g. missing required visits.
        case counted(count: CheckedExpr, table: Int?)
    }
    public var source: Source
    /// Points per occurrence (negative deducts). Row scope for per-row, worker scope for counted.
    public var points: CheckedExpr?
    /// Yuan per occurrence (a positive amount is deducted from pay).
    public var yuan: CheckedExpr?
    public var reason: String
    public var sourceText: String
    public var location: SourceLocation
    /// Per-row on a table with a group column: the row's deduction applies to every worker of the
    /// row's group (`applies_to = "group"`, the default without a worker column) rather than to
    /// the worker the row names.
    public var appliesToGroup = false
}

public struct ItemSpec: Sendable {
    public var name: String
    /// Starting points before deductions (the item's full marks), or a formula.
    public var base: CheckedExpr
    public var baseText: String
    public var fullMarks: ExactNumber?
    public var deductions: [DeductionSpec]
    public var minimum: ExactNumber?
    public var maximum: ExactNumber?
    public var location: SourceLocation
}

public struct FlagSpec: Sendable {
    public var name: String
    public var when: CheckedExpr
    public var sourceText: String
    public var location: SourceLocation
}

/// A column the rule file adds to a sheet: a value shown as a score, a whole number, a
/// percentage, an amount, text or 是/否 (`{ name, value, format, when }`).
/// `[period_summary]`: each period of `kind` inside the assessment period is run as a summary
/// sheet (the roster columns and `columns`), with no item scores, total, rank or pay.
public struct PeriodSummarySpec: Sendable {
    public var kind: PeriodKind
    public var columns: [DisplayColumn]
    public var location: SourceLocation
}

public struct DisplayColumn: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        /// 0.00 (numbers are written rounded half-up to the places shown).
        case score
        /// 0
        case integer
        /// 0.00% of a rate: 2/3 is written 0.6667 and shown 66.67%.
        case percent
        /// 0.0% of a rate: 2/3 is written 0.667 and shown 66.7% (SPEC §17's 满意率).
        case percent1
        /// #,##0.00
        case money

        public var places: Int {
            switch self {
            case .score, .money: 2
            case .integer: 0
            case .percent: 4
            case .percent1: 3
            }
        }
    }
    public var name: String
    public var value: CheckedExpr
    public var type: ValueType
    /// nil: the value as computed (not rounded), each number cell shown by what it holds: a
    /// whole number as a count (#,##0), any other as a score (#,##0.00); true/false as 是/否.
    public var format: Format?
    /// The cell is left blank where this is false.
    public var when: CheckedExpr?
    public var location: SourceLocation
}

/// One grade band: a score ≥ `minimum` gets `name` (the lowest band has no minimum).
public struct GradeBand: Sendable, Equatable {
    public var name: String
    public var minimum: ExactNumber?
    public var location: SourceLocation

    public init(name: String, minimum: ExactNumber?, location: SourceLocation) {
        self.name = name
        self.minimum = minimum
        self.location = location
    }
}

/// `[[vetoes]]`: a condition that forces the assessment period's 等次 whatever the score.
public struct GradeVeto: Sendable {
    public var when: CheckedExpr
    public var grade: String
    public var sourceText: String
    public var location: SourceLocation
}

/// `[[ratings]]`: how the assessment periods inside a longer period combine (SPEC §8).
public struct RatingSpec: Sendable {
    /// The rated period kinds (quarter, half-year, year), longer than the assessment period.
    public var periods: [PeriodKind]
    /// The published number averaged: 总分 or an item's name.
    public var meanOf: String
    /// 平均分 is rounded half-up to this many decimals.
    public var places: Int
    public var bands: [GradeBand]
    /// A flag of the assessment period that, 是 in any period inside, forces `grade`.
    public var vetoes: [RatingVeto]
    public var location: SourceLocation
}

public struct RatingVeto: Sendable {
    public var flag: String
    public var grade: String
    public var location: SourceLocation
}

public struct PaySpec: Sendable {
    public var base: CheckedExpr
    public var baseText: String
    public var scorePay: CheckedExpr
    public var scorePayText: String
}

public struct DutySpec: Sendable {
    public var met: CheckedExpr
    public var sourceText: String
    public var location: SourceLocation
}

/// A test case written inside the rule file and run by `gridpay check`.
public struct RuleTestCase: Sendable {
    public struct Expectation: Sendable {
        public var worker: String
        public var name: String
        public var value: Value
        public var location: SourceLocation
    }
    public var name: String
    /// The tested month (for a quarter, its first month).
    public var period: Period
    /// The tested assessment period: the month, or the quarter.
    public var span: CalendarPeriod?
    /// Table name → CSV text, for the tested period and for earlier periods (history).
    public var inputs: [Period: [String: TOMLString]]
    public var expectations: [Expectation]
    public var location: SourceLocation
    /// `errors = ["file:line:column: message…", …]`: the inputs must be refused with exactly
    /// these errors (each written as the start of the error line, from the file's name on).
    public var expectedErrors: [ExpectedError] = []

    public struct ExpectedError: Sendable {
        public var text: String
        public var location: SourceLocation
    }
}

public struct RuleSet: Sendable {
    public var town: String
    public var townName: String
    public var version: String
    public var effectiveFrom: Period
    public var periodKind: PeriodKind
    /// The day of the previous month each pay month starts on (1: the calendar month; SPEC §16).
    public var monthStartsOn = 1
    public var tables: [TableSpec]
    public var roster: RosterSpec
    public var values: [NamedValue]
    public var items: [ItemSpec]
    public var itemRoundingPlaces: Int
    public var totalMinimum: ExactNumber?
    public var totalMaximum: ExactNumber?
    /// Added to the sum of the items before the floor and ceiling (`[scoring] total_base`).
    public var totalBase: ExactNumber = .zero
    public var duty: DutySpec?
    public var flags: [FlagSpec]
    public var pay: PaySpec
    /// The town's working days ([calendar]), for working_days().
    public var calendar = WorkCalendar()
    /// False for a town without [pay] (SPEC §17): no 绩效工资, no pay CSV, no 工资条, no pay lines.
    public var hasPay = true
    /// The assessment period's grade bands (column and value 等次); empty when it is not graded.
    public var grades: [GradeBand]
    public var vetoes: [GradeVeto] = []
    public var ratings: [RatingSpec] = []
    public var aggregates: [AggregateSpec]
    public var groups: [GroupSpec]
    /// Columns added to 考核汇总 after the flags (`[summary] columns`).
    public var summaryColumns: [DisplayColumn] = []
    /// A shorter period assessed and ranked as the town's own before its end (`[rules]
    /// preliminary`, xinhe's 半年初查, SPEC §17): e.g. the first half of a year.
    public var preliminaryKind: PeriodKind?
    /// A shorter period run as a summary only (`[period_summary]`, xinhe's 每季度汇总).
    public var periodSummary: PeriodSummarySpec?
    public var tests: [RuleTestCase]
    public var file: String
    /// Amounts decided across workers or units and split in cents (`[[awards]]`).
    public var awards: [AwardSpec] = []
    /// The rule file's own sheets (`[[group_sheets]]` and `[[sheets]]`), in the order read.
    public var sheets: [SheetSpec] = []
    /// Label of one pay column that shows the yuan of all items together (nil: one column per item).
    public var itemYuanLabel: String?
    /// `[pay] recipient_signature = true`: 绩效工资 has a 领款人签字 column for each worker to sign.
    public var recipientSignature = false
    /// Where `[rules] effective_from` is written (nil: not written).
    public var effectiveFromLocation: SourceLocation?

    public var rosterTable: TableSpec { tables[roster.table] }
    /// The rating declared for periods of `kind`, if any.
    public func rating(for kind: PeriodKind) -> RatingSpec? { ratings.first { $0.periods.contains(kind) } }
    public func table(named name: String) -> Int? { tables.firstIndex { $0.name == name } }
}

public struct AggregateSpec: Sendable {
    /// The catalog's name of the aggregate (count, sum, mean, …, count_by).
    public var function: String
    /// How its running total adds up rows (from the catalog entry).
    var total: RunningTotal
    public var table: Int
    public var value: CheckedExpr?
    public var filter: CheckedExpr?
    public var text: String
    /// count_by(): the key rows are grouped by within a worker, and the condition on each key's
    /// inner sums and counts (see PerKeySpec).
    public var perKey: PerKeySpec? = nil
    /// Where the rule file first writes this aggregate (evaluation errors point there).
    public var location: SourceLocation? = nil
}

/// `count_by(table, key, condition[, filter])`: the number of keys (e.g. days) of a worker whose
/// rows meet `condition`, where `condition` reads inner aggregates over the rows of that key:
/// inner aggregate k is `.rowColumn(k)` in `condition`.
public struct PerKeySpec: Sendable {
    public var key: CheckedExpr
    /// Per inner aggregate: the summed row value, or nil for count().
    public var values: [CheckedExpr?]
    /// Per inner aggregate: its running total (count, or a fold of the catalog: sum, mean, …).
    var totals: [RunningTotal]
    public var condition: CheckedExpr
}

public struct GroupSpec: Sendable {
    /// The catalog's name of the function (group_mean, rank, …).
    public var function: String
    /// How the members' values give each member's result (from the catalog entry).
    var combine: GroupCombine
    /// nil: over every worker of the period.
    public var key: CheckedExpr?
    public var value: CheckedExpr?
    public var text: String
    /// Where the rule file first writes this computation (evaluation errors point there).
    public var location: SourceLocation? = nil
}

/// An amount decided across workers (or units) and split in cents: `[[awards]]` in the rule file.
/// Workers for whom `to` is true share `amount`; with `per`, each distinct value of `per` among
/// them (e.g. each department) gets its own `amount`, shared by its selected workers. A share is
/// amount / k rounded down to the cent; the cents left over go one each to the workers in
/// ascending id order (Unicode code points), so the shares add up to the amount exactly.
public struct AwardSpec: Sendable {
    public enum Direction: String, Sendable {
        /// Added to 考核绩效 (score pay).
        case award
        /// Added to 扣款合计 (deductions).
        case charge
    }
    public var name: String
    public var amount: ExactNumber
    public var to: CheckedExpr
    public var toText: String
    public var per: CheckedExpr?
    public var direction: Direction
    public var location: SourceLocation
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
