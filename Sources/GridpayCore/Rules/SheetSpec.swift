/// A sheet of its own that the rule file adds to the month's workbook: totals lines (one value
/// each for the period), a table with one row per distinct key, or both. Two spellings read into
/// it, and both stay readable because the ledger re-reads the rule text of closed periods:
///
/// - `[[group_sheets]]` (DisplaySheetsSection): a rows table keyed by the roster's group,
///   laid out as the sheet's own table, right after 绩效工资; columns with `format` and `when`.
/// - `[[sheets]]` (SheetsSection): `[[sheets.lines]]`, then `[sheets.units]` (a rows table
///   keyed by an expression, columns as computed), laid out totals first, after 扣分明细.
public struct SheetSpec: Sendable {
    /// Where the sheet goes among the workbook's sheets.
    public enum Placement: Sendable, Equatable {
        /// Right after 绩效工资 (before 往期更正, 工资条, …).
        case afterPay
        /// Right after 扣分明细 (before 数据问题 and 说明).
        case afterDetails
    }

    /// How the sheet is laid out.
    public enum Layout: Sendable, Equatable {
        /// The rows table is the sheet's table: its header is the first row (frozen, repeated on
        /// every printed page, with filters over the rows), the key first. For a sheet without lines.
        case rowsTable
        /// The totals table first: 项目, 金额(元), 类别 as the sheet's header row (frozen, no
        /// filters), one row per line; then, after a blank row where there are lines, the rows
        /// table under a header of its own.
        case totalsFirst
    }

    /// A totals line: one value for the whole period (the same for every worker).
    public struct Line: Sendable {
        public internal(set) var label: String
        /// e.g. 收入 / 支出; shown in its own column.
        public internal(set) var kind: String
        /// Worker-scope expression with the same value for every worker (overall_sum(…), …).
        public internal(set) var value: CheckedExpr
        public internal(set) var location: SourceLocation
    }

    /// One row per distinct key, each cell the same for every worker with that key.
    public struct Rows: Sendable {
        public enum Key: Sendable {
            /// The roster's group column, each group written as the roster writes it.
            case rosterGroup
            /// The distinct values of a worker expression.
            case value(CheckedExpr)
        }
        public internal(set) var key: Key
        /// The key column's header; nil: the roster's label of its group column.
        public internal(set) var label: String?
        /// Rows ascending by this (it must be the same for every worker of a row), then by the
        /// key's text (code points); nil: keys in order of first appearance on the roster.
        public internal(set) var order: CheckedExpr?
        public internal(set) var columns: [DisplayColumn]
    }

    public internal(set) var name: String
    public internal(set) var lines: [Line]
    public internal(set) var rows: Rows?
    public internal(set) var layout: Layout
    public internal(set) var placement: Placement
    public internal(set) var location: SourceLocation
}

/// The sheets the month's workbook has or may have (SPEC §5, §9). The workbook writer names its
/// sheets from here, and a sheet of the rule file must take another name.
public enum ProductSheetNames {
    public static let summary = "考核汇总"
    public static let pay = "绩效工资"
    public static let details = "扣分明细"
    public static let problems = "数据问题"
    public static let about = "说明"
    public static let slips = "工资条"
    public static let statistics = "统计"
    public static let corrections = "往期更正"

    public static let all = [summary, pay, details, problems, about, slips, statistics, corrections]
}

/// A column the rule file adds to a sheet: a value shown as a score, a whole number, a
/// percentage, an amount, text or 是/否 (`{ name, value, format, when }`).
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
    public internal(set) var name: String
    public internal(set) var value: CheckedExpr
    public internal(set) var type: ValueType
    /// nil: the value as computed (not rounded), each number cell shown by what it holds: a
    /// whole number as a count (#,##0), any other as a score (#,##0.00); true/false as 是/否.
    public internal(set) var format: Format?
    /// The cell is left blank where this is false.
    public internal(set) var when: CheckedExpr?
    public internal(set) var location: SourceLocation
    /// `value` and `when` as written in the rule file (for explain).
    public internal(set) var valueText: String = ""
    public internal(set) var whenText: String? = nil
}

/// `[period_summary]`: each period of `kind` inside the assessment period is run as a summary
/// sheet (the roster columns and `columns`), with no item scores, total, rank or pay.
public struct PeriodSummarySpec: Sendable {
    public internal(set) var kind: PeriodKind
    public internal(set) var columns: [DisplayColumn]
    public internal(set) var location: SourceLocation
}
