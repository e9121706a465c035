/// The tables of a rule set: what each export looks like (its columns, their types and cell
/// rules, row checks, keys) and which table is the roster.

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
        case .id: ColumnTypeMessages.anID()
        case .text: ColumnTypeMessages.text()
        case .integer: ColumnTypeMessages.wholeNumber()
        case .decimal(let places?): ColumnTypeMessages.decimal(places: places)
        case .decimal(nil): ColumnTypeMessages.number()
        case .date: ColumnTypeMessages.date()
        case .datetime: ColumnTypeMessages.datetime()
        case .choice(let values): ColumnTypeMessages.oneOf(values)
        }
    }
}

public struct ColumnSpec: Sendable {
    public internal(set) var name: String
    public internal(set) var type: ColumnType
    public internal(set) var minimum: ExactNumber?
    public internal(set) var maximum: ExactNumber?
    /// Empty cells allowed (they read as empty text / zero is never assumed).
    public internal(set) var optional: Bool
    public internal(set) var location: SourceLocation
    /// Row conditions: the cell must be filled (`required_when`) or empty (`empty_when`).
    public internal(set) var requiredWhen: CheckedExpr? = nil
    public internal(set) var emptyWhen: CheckedExpr? = nil
    public internal(set) var requiredWhenText: String? = nil
    public internal(set) var emptyWhenText: String? = nil
    /// A filled cell must be a value of this roster column (`on_roster`).
    public internal(set) var onRoster: Int? = nil
    /// With `on_roster`: columns of this table (by index) whose values the roster row found must
    /// share, paired with the roster column of the same name (`same_on_roster`).
    public internal(set) var sameOnRoster: [(column: Int, rosterColumn: Int)] = []
    /// Per-column `within_period`: overrides the table's (nil: as the table says).
    public internal(set) var withinPeriod: Bool? = nil
    /// The forms its cells are written in (SPEC §16); nil: the plain form (YYYY-MM-DD, 1234.5).
    public internal(set) var forms: CellForms? = nil
}

/// A row check declared on a table (`[[tables.<name>.checks]]`): `require` must hold on every
/// row; a row where it does not is an error at its line and at `column`.
public struct RowCheck: Sendable {
    public let require: CheckedExpr
    public let requireText: String
    /// The declared column the problem is reported at (nil: the row).
    public let column: Int?
    /// What is wrong, with {column} placeholders filled from the row.
    public let message: String
    public let location: SourceLocation
}

public enum InputEncoding: String, Sendable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
    case utf16 = "utf-16"
}

public struct TableSpec: Sendable {
    public internal(set) var name: String
    public internal(set) var file: String
    public internal(set) var encoding: InputEncoding
    public internal(set) var columns: [ColumnSpec]
    /// Index of the column that names the worker a row belongs to (nil for the roster's own id column).
    public internal(set) var workerColumn: Int?
    /// Index of the column that names the group a row belongs to (a table keyed by group instead
    /// of by worker: its rows belong to every worker whose roster group has that value).
    public internal(set) var groupColumn: Int? = nil
    /// For a group table: which rows every group must have (checked after the file is read).
    public internal(set) var completeness: Completeness? = nil
    /// Column sets whose values must be unique in the file.
    public internal(set) var uniqueKeys: [[Int]]
    /// Dates and times must lie inside the period being run.
    public internal(set) var withinPeriod: Bool
    public internal(set) var location: SourceLocation
    /// Row checks, in file order.
    public internal(set) var checks: [RowCheck] = []
    /// The export's layout: delimiter, header row, totals row, unknown workers (SPEC §16).
    public internal(set) var form = TableForm()

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
    public internal(set) var table: Int
    public internal(set) var idColumn: Int
    public internal(set) var nameColumn: Int
    public internal(set) var unitColumn: Int
    public internal(set) var groupColumn: Int
    /// Roster columns that must hold one value within a group (`same_in_group`).
    public internal(set) var sameInGroup: [Int] = []
    /// The four fixed columns' labels on every sheet (`labels`); nil: the product's own.
    public internal(set) var labels: [String]? = nil
    /// Further roster columns shown after the four on the sheets that list workers (`show`,
    /// e.g. xinhe's 岗位, SPEC §17).
    public internal(set) var shown: [Int] = []
}

extension TableSpec {
    /// The same table read from `file`: a match of its pattern (`patrol-1.csv`), or a longer
    /// period's month (`2026-07/patrol.csv`), as its rows and problems then name it.
    public func with(file: String) -> TableSpec {
        var spec = self
        spec.file = file
        return spec
    }

    /// The same table in the plain layout (a CSV, comma-separated, the header first, no totals
    /// row), its unknown workers still left out if declared so: as `gridpay check`'s tests give
    /// a table's rows, whatever the export's layout.
    public var inPlainLayout: TableSpec {
        var spec = self
        spec.form = TableForm()
        spec.form.leavesOutUnknownWorkers = form.leavesOutUnknownWorkers
        return spec
    }
}
