/// What a month is scored by: named values, items and their deductions, flags, grades and
/// vetoes, ratings, pay, duty and awards. Every expression is a `CheckedExpr`.

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
