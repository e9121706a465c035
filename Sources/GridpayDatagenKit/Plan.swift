import GridpayCore

/// How one column is filled, as read from the shape file and checked against the rule file.
/// Month-independent: `{month}` in prefixes is resolved when a month is written.
public enum Fill: Sendable {
    /// The worker's id (the roster's id column, and each table's worker column).
    case worker
    case constant(String)
    /// prefix + a counter zero-padded to `width`, counting per file from `start`.
    case sequence(prefix: String, width: Int, start: Int)
    /// A day of the month; within one worker's rows the days ascend.
    case date
    /// `YYYY-MM-DD HH:MM` with the hour in hourLo..<hourHi, `:SS` added with chance `seconds`.
    case datetime(hourLo: Int, hourHi: Int, seconds: Double)
    case integer(min: Int, max: Int)
    /// Uniform over min...max in steps of 10^-places (min, max in those units); `trim` drops
    /// trailing zeros (350.0 → 350).
    case decimal(min: Int, max: Int, places: Int, trim: Bool)
    /// One of the values, uniformly.
    case pick([String])
    /// One of the values by weight; with `low`, the weights slide towards `low` as the worker's
    /// diligence falls from 1 to 0.
    case choice(values: [String], weights: [Double], low: [Double]?)
    /// Session tables: the session's id (prefix + number) and date.
    case session(prefix: String, width: Int)
    case sessionDate
    /// Roster: a name made of a surname and a given name.
    case name(surnames: [String], given: [String])
    /// Roster: the worker's unit (village), named from `names` (+ a number once they run out) + a suffix.
    case unit(names: [String], suffixes: [String], weights: [Double])
    /// Roster: the worker's group (grid): prefix + unit number + separator + grid number in the unit.
    case group(prefix: String, separator: String)
    /// Other tables: the worker's value in a roster column.
    case roster(column: Int)

    var name: String {
        switch self {
        case .worker: "worker"
        case .constant: "const"
        case .sequence: "sequence"
        case .date: "date"
        case .datetime: "datetime"
        case .integer: "integer"
        case .decimal: "decimal"
        case .pick: "pick"
        case .choice: "choice"
        case .session: "session"
        case .sessionDate: "session_date"
        case .name: "name"
        case .unit: "unit"
        case .group: "group"
        case .roster: "roster"
        }
    }
}

/// A run of rows per worker: `count` drawn uniformly (plus a roster column's value), times the
/// worker's diligence (unless switched off) and the rows scale.
public struct BatchPlan: Sendable {
    public var countLow: Int
    public var countHigh: Int
    /// Roster column (index) whose whole-number value is added to the count.
    public var plusColumn: Int?
    public var scalesWithDiligence: Bool
    public var fills: [Fill]
}

public enum TableKind: Sendable {
    /// One row per worker.
    case roster(fills: [Fill])
    /// Rows per worker, in batches, worker after worker.
    case perWorker([BatchPlan])
    /// A number of sessions in the month, each with one row per worker.
    case sessions(low: Int, high: Int, fills: [Fill])
}

public struct TablePlan: Sendable {
    /// Index into the rule set's tables.
    public var table: Int
    public var name: String
    public var file: String
    public var header: [String]
    public var kind: TableKind
    public var crlf: Bool
    public var bom: Bool
}

/// Who the workers are: grids, units (villages) and how diligent each one is.
public struct WorkerModel: Sendable {
    public var gridSizes: [Int]
    public var gridWeights: [Double]
    public var workersPerUnit: Int
    /// Bands (low, high, weight): a band is picked by weight, then a value uniformly inside it.
    public var diligenceBands: [(low: Double, high: Double, weight: Double)]
    public var idPrefix: String
    public var idWidth: Int
}

/// A shape file checked against its rule file: everything needed to write months.
public struct GenerationPlan: Sendable {
    public var rules: RuleSet
    public var rulesPath: String
    public var shapePath: String
    public var workers: WorkerModel
    /// Every table of the rule file, roster first.
    public var tables: [TablePlan]

    public var town: String { rules.town }
    public var rosterPlan: TablePlan { tables[0] }
}
