import GridpayCore

/// One worker's line of pay, as the pay CSV, 绩效工资, each 工资条 and the console show it; its
/// columns are the month's `PayTable`.
public struct PayRow {
    public enum Cell {
        case text(String)
        /// An amount in yuan (two decimals).
        case money(ExactNumber)
        /// 总分.
        case score(ExactNumber)
    }

    /// What a column of pay rows holds.
    enum Field: Equatable {
        enum Roster: CaseIterable { case id, name, unit, group }
        case roster(Roster)
        /// A roster column the rule file shows after the four ([roster] show, e.g. 岗位), by its
        /// place in the show list: on 绩效工资 and 工资条, not in the pay CSV.
        case shown(Int)
        case base, total
        case pay(PayColumn)
        case deductions
        /// 往期调整: only where the run carries corrections of closed periods.
        case adjustment
        case payable, shortfall
    }

    public var cells: [Cell]

    /// The 实发绩效 column's label.
    public static var payableLabel: String { SheetLabels.payable }

    /// Where 实发绩效 is in a pay CSV's header, as the console reads the file back.
    public static func payableColumn(in labels: [String]) -> Int? { labels.firstIndex(of: payableLabel) }
}

/// The pay rows of a month: their columns, in the order `fields` writes once, and each worker's
/// row in them. Every worker of a month carries 往期调整, or none does.
struct PayTable {
    let report: MonthReport
    let fields: [PayRow.Field]
    private let payColumns: [(column: PayColumn, label: String)]

    /// `showing`: with the roster columns the rule file shows (the sheets; the pay CSV keeps its columns).
    init(_ report: MonthReport, carried: Bool, showing: Bool = false) {
        self.report = report
        payColumns = report.payColumns
        let shown = showing ? report.rules.roster.shown.indices.map { PayRow.Field.shown($0) } : []
        fields = PayRow.Field.Roster.allCases.map { .roster($0) } + shown + [.base, .total] + payColumns.map { .pay($0.column) }
            + [.deductions] + (carried ? [.adjustment] : []) + [.payable, .shortfall]
    }

    /// The column that holds `field` (every table has each field but 往期调整).
    func column(of field: PayRow.Field) -> Int {
        guard let c = fields.firstIndex(of: field) else { preconditionFailure("the pay table has no column \(field)") }
        return c
    }

    var columns: [SheetColumn] {
        let roster = SheetLabels.roster(report.rules)
        return fields.map { field in
            switch field {
            case .roster(let r): SheetColumn(roster[PayRow.Field.Roster.allCases.firstIndex(of: r)!], .text)
            case .shown(let k): SheetColumn(report.rules.rosterTable.columns[report.rules.roster.shown[k]].name, .text)
            case .base: SheetColumn(SheetLabels.base, .money)
            case .total: SheetColumn(SheetLabels.total, .score)
            case .pay(let p): SheetColumn(p.label(report.rules), .money)
            case .deductions: SheetColumn(SheetLabels.deductions, .money)
            case .adjustment: SheetColumn(SheetLabels.priorAdjustment, .money)
            case .payable: SheetColumn(SheetLabels.payable, .money)
            case .shortfall: SheetColumn(SheetLabels.shortfall, .money)
            }
        }
    }

    func row(_ w: WorkerReport) -> PayRow {
        PayRow(cells: fields.map { field in
            switch field {
            case .roster(.id): .text(w.id)
            case .roster(.name): .text(w.name)
            case .roster(.unit): .text(w.unit)
            case .roster(.group): .text(w.group)
            case .shown(let k): .text(k < w.shown.count ? w.shown[k] : "")
            case .base: .money(w.base)
            case .total: .score(w.total)
            case .pay(let p): .money(report.amount(p, of: w))
            case .deductions: .money(w.deductions)
            case .adjustment: .money(w.adjustment ?? .zero)
            case .payable: .money(w.payable)
            case .shortfall: .money(w.shortfall)
            }
        })
    }
}
