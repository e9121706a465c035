/// What a month is scored by: named values, items and their deductions, flags, grades and
/// vetoes, ratings, pay, duty and awards. Every expression is a `CheckedExpr`.

public struct NamedValue: Sendable {
    public internal(set) var name: String
    public internal(set) var expr: CheckedExpr
    public internal(set) var type: ValueType
    public internal(set) var sourceText: String
    public internal(set) var location: SourceLocation
}

public struct DeductionSpec: Sendable {
    public enum Source: Sendable {
        /// One deduction per matching input row: `when` is evaluated on each row of `table`.
        case perRow(table: Int, when: CheckedExpr?)
        /// `count` (worker level) times the points, e.g. missing required visits.
        case counted(count: CheckedExpr, table: Int?)
    }
    public internal(set) var source: Source
    /// Points per occurrence (negative deducts). Row scope for per-row, worker scope for counted.
    public internal(set) var points: CheckedExpr?
    /// Yuan per occurrence (a positive amount is deducted from pay).
    public internal(set) var yuan: CheckedExpr?
    public internal(set) var reason: String
    public internal(set) var sourceText: String
    public internal(set) var location: SourceLocation
    /// Per-row on a table with a group column: the row's deduction applies to every worker of the
    /// row's group (`applies_to = "group"`, the default without a worker column) rather than to
    /// the worker the row names.
    public internal(set) var appliesToGroup = false
}

public struct ItemSpec: Sendable {
    public let name: String
    /// Starting points before deductions (the item's full marks), or a formula.
    public let base: CheckedExpr
    public let baseText: String
    public let fullMarks: ExactNumber?
    public let deductions: [DeductionSpec]
    public let minimum: ExactNumber?
    public let maximum: ExactNumber?
    public let location: SourceLocation
}

public struct FlagSpec: Sendable {
    public internal(set) var name: String
    public internal(set) var when: CheckedExpr
    public internal(set) var sourceText: String
    public internal(set) var location: SourceLocation
}

/// One grade band: a score ≥ `minimum` gets `name` (the lowest band has no minimum).
public struct GradeBand: Sendable, Equatable {
    public internal(set) var name: String
    public internal(set) var minimum: ExactNumber?
    public internal(set) var location: SourceLocation

    public init(name: String, minimum: ExactNumber?, location: SourceLocation) {
        self.name = name
        self.minimum = minimum
        self.location = location
    }
}

/// `[[vetoes]]`: a condition that forces the assessment period's 等次 whatever the score.
public struct GradeVeto: Sendable {
    public internal(set) var when: CheckedExpr
    public internal(set) var grade: String
    public internal(set) var sourceText: String
    public internal(set) var location: SourceLocation
}

/// `[[ratings]]`: how the assessment periods inside a longer period combine (SPEC §8).
public struct RatingSpec: Sendable {
    /// The rated period kinds (quarter, half-year, year), longer than the assessment period.
    public internal(set) var periods: [PeriodKind]
    /// The published number averaged: 总分 or an item's name.
    public internal(set) var meanOf: String
    /// 平均分 is rounded half-up to this many decimals.
    public internal(set) var places: Int
    public internal(set) var bands: [GradeBand]
    /// A flag of the assessment period that, 是 in any period inside, forces `grade`.
    public internal(set) var vetoes: [RatingVeto]
    public internal(set) var location: SourceLocation
}

public struct RatingVeto: Sendable {
    public internal(set) var flag: String
    public internal(set) var grade: String
    public internal(set) var location: SourceLocation
}

public struct PaySpec: Sendable {
    public internal(set) var base: CheckedExpr
    public internal(set) var baseText: String
    public internal(set) var scorePay: CheckedExpr
    public internal(set) var scorePayText: String
}

public struct DutySpec: Sendable {
    public internal(set) var met: CheckedExpr
    public internal(set) var sourceText: String
    public internal(set) var location: SourceLocation
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
    public internal(set) var name: String
    public internal(set) var amount: ExactNumber
    public internal(set) var to: CheckedExpr
    public internal(set) var toText: String
    public internal(set) var per: CheckedExpr?
    public internal(set) var direction: Direction
    public internal(set) var location: SourceLocation
}
