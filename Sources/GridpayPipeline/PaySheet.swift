import GridpayCore
import GridpayXLSX

extension SheetLabels {
    static let recipientSignature = "领款人签字"
    /// The row under 合计: 实发绩效's total in capital numerals, as a voucher carries it.
    static func payableInWords(_ words: String) -> String { "\(payable)合计（大写）：人民币\(words)" }
    static let signatureLines = ["制表：", "审核：", "负责人："]
    static let signatureDate = "日期："
}

/// 绩效工资: one row per worker, village by village, each village closed by its 小计; then 合计,
/// 实发绩效's total in words (人民币大写, ChineseAmount) and the 制表 / 审核 / 负责人 lines. Where
/// the rule file asks (`[pay] recipient_signature = true`) a last column 领款人签字 and rows tall
/// enough to sign in. Printed so that a village that fits on a page is never split from its 小计,
/// and the totals stay with their signature lines.
extension WorkbookWriter {
    /// Room to sign: the column's width (characters) and each worker row's height (points).
    static let signatureWidth = 16.0
    static let signatureRowHeight = 24.0

    func writePay(_ book: XLSXWorkbook, _ s: SheetFormats) throws {
        let table = payTable
        var columns = table.columns
        if rules.recipientSignature { columns.append(SheetColumn(SheetLabels.recipientSignature, .text)) }
        let groups = payGroups()
        let ws = try sheet(book, SheetLabels.paySheet, columns, dataRows: report.workers.count + groups.count, s)
        var rows = PaySheetRows(table: table, ws: ws, signing: rules.recipientSignature)
        var grand = [ExactNumber](repeating: .zero, count: rows.moneyColumns.count)
        var blocks: [RowBlock] = []
        for (unit, members) in groups {
            let first = rows.row
            var sub = [ExactNumber](repeating: .zero, count: grand.count)
            for m in members {
                let a = try rows.workerRow(table.row(report.workers[m]))
                for k in a.indices { sub[k] = try sub[k].adding(a[k]) }
            }
            try rows.totalRow(SheetLabels.subtotal, unit: unit, sub)
            for k in sub.indices { grand[k] = try grand[k].adding(sub[k]) }
            blocks.append(RowBlock(first: first, last: rows.row - 1))
        }
        let closing = rows.row
        try rows.totalRow(SheetLabels.grandTotal, unit: nil, grand)
        try rows.payableInWords(grand[rows.moneyColumns.firstIndex(of: table.column(of: .payable))!], columns: columns.count, s)
        try rows.signatureLines(columns: columns.count)
        blocks.append(RowBlock(first: closing, last: rows.row - 1))
        if rules.recipientSignature { ws.reserve(Self.signatureWidth, column: columns.count - 1) }
        try ws.finish()
        try ws.printKeepingTogether(blocks)
    }
}

/// The rows of 绩效工资 as they are written (constant memory: in order). Within a row, cells go
/// out texts first, then the amounts, then 总分: the order the sheet's cell formats are made in.
struct PaySheetRows {
    let table: PayTable
    let ws: TableSheet
    let signing: Bool
    /// 领款人签字's column, after the last of the pay columns (未扣足).
    let signatureColumn: Int
    /// The columns of amounts in yuan, which 小计 and 合计 add up: every pay column but the
    /// roster columns and 总分.
    let moneyColumns: [Int]
    var row = 1

    init(table: PayTable, ws: TableSheet, signing: Bool) {
        self.table = table
        self.ws = ws
        self.signing = signing
        let columns = table.columns
        signatureColumn = columns.count
        moneyColumns = columns.indices.filter { columns[$0].style == .money }
    }

    func writeAmounts(_ values: [ExactNumber], bold: Bool) throws(XLSXError) {
        for (k, v) in values.enumerated() { try ws.number(v, row: row, column: moneyColumns[k], bold: bold) }
        if signing { try ws.blank(row: row, column: signatureColumn, bold: bold) }
    }

    /// A worker's row; returns its amounts for the subtotal.
    mutating func workerRow(_ pay: PayRow) throws(XLSXError) -> [ExactNumber] {
        for (c, cell) in pay.cells.enumerated() { if case .text(let t) = cell { try ws.text(t, row: row, column: c) } }
        let amounts = moneyColumns.map { c -> ExactNumber in
            guard case .money(let n) = pay.cells[c] else { preconditionFailure("a money column holds an amount") }
            return n
        }
        try writeAmounts(amounts, bold: false)
        for (c, cell) in pay.cells.enumerated() { if case .score(let n) = cell { try ws.number(n, row: row, column: c) } }
        if signing { try ws.raise(row: row, to: WorkbookWriter.signatureRowHeight) }
        row += 1
        return amounts
    }

    /// 小计 of a village (its name in the unit column), or 合计 (unit nil): the label in the name
    /// column, the other columns but the amounts blank.
    mutating func totalRow(_ label: String, unit: String?, _ values: [ExactNumber]) throws(XLSXError) {
        let name = table.column(of: .roster(.name)), unitColumn = table.column(of: .roster(.unit))
        for c in table.fields.indices where !moneyColumns.contains(c) {
            if c == name {
                try ws.text(label, row: row, column: c, bold: true)
            } else if c == unitColumn, let unit {
                try ws.text(unit, row: row, column: c, bold: true)
            } else {
                try ws.blank(row: row, column: c, bold: true)
            }
        }
        try writeAmounts(values, bold: true)
        row += 1
    }
    /// 实发绩效合计（大写）across the table's width, under 合计. Payable is never negative; an
    /// amount past 10^12 yuan (no town pays that) leaves the words out rather than guess.
    mutating func payableInWords(_ total: ExactNumber, columns: Int, _ s: SheetFormats) throws(XLSXError) {
        let words = (try? ChineseAmount.words(total)) ?? "—"
        try ws.sheet.mergeRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: columns - 1,
                                string: SheetLabels.payableInWords(words), format: s.cell(.text, bold: true))
        try ws.raise(row: row, to: WorkbookWriter.signatureRowHeight)
        row += 1
    }

    /// An empty row, then 制表 / 审核 / 负责人 and their dates, spread across the table.
    mutating func signatureLines(columns: Int) throws(XLSXError) {
        row += 1
        let third = max(1, columns / 3)
        for (k, label) in SheetLabels.signatureLines.enumerated() { try ws.note(label, row: row, column: k * third) }
        try ws.raise(row: row, to: WorkbookWriter.signatureRowHeight)
        row += 1
        for k in SheetLabels.signatureLines.indices { try ws.note(SheetLabels.signatureDate, row: row, column: k * third) }
        row += 1
    }
}
