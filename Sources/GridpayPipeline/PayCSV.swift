import GridpayCore
import GridpayCSV

/// The pay sheet for payroll software: one row per worker, amounts with two decimals, UTF-8 with
/// BOM and CRLF (what spreadsheet programs on the finance office's machines expect).
enum PayCSV {
    static func write(_ month: PreparedMonth, to path: String) throws {
        let report = month.report
        let rules = report.rules
        let w = try CSVWriter(path: path)
        var header = SheetLabels.roster(rules) + [SheetLabels.base, SheetLabels.total]
        header += report.payColumns.map(\.label)
        header.append(SheetLabels.deductions)
        if month.carried != nil { header.append(SheetLabels.priorAdjustment) }
        header += [SheetLabels.payable, SheetLabels.shortfall]
        try w.write(record: header)
        let workers = report.workers
        for k in workers.indices.sorted(by: { IdOrder.less(workers[$0].id, workers[$1].id) }) {
            let worker = workers[k]
            var row = [worker.id, worker.name, worker.unit, worker.group].map(neutralized)
            row += [worker.base.fixed(places: 2), worker.total.fixed(places: 2)]
            row += report.payColumns.map { report.amount($0, of: worker).fixed(places: 2) }
            row.append(worker.deductions.fixed(places: 2))
            if month.carried != nil { row.append(month.adjustments[k].fixed(places: 2)) }
            row += [worker.payable.fixed(places: 2), worker.shortfall.fixed(places: 2)]
            try w.write(record: row)
        }
        try w.close()
    }

    /// Text that a spreadsheet would run as a formula gets a leading apostrophe, the usual
    /// guard against CSV injection; the 数据问题 sheet lists every such value.
    static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, FormulaGuard.isFormulaLike(first) else { return text }
        return "'" + text
    }
}
