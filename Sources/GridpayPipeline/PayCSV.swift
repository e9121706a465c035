import GridpayCore
import GridpayCSV

/// The pay sheet for payroll software: one row per worker, amounts with two decimals, UTF-8 with
/// BOM and CRLF (what spreadsheet programs on the finance office's machines expect).
enum PayCSV {
    static func write(_ month: PreparedMonth, to path: String) throws {
        let w = try CSVWriter(path: path)
        let table = PayTable(month.report, carried: month.carried != nil)
        try w.write(record: table.columns.map(\.header))
        let workers = month.report.workers
        for k in workers.indices.sorted(by: { IdOrder.less(workers[$0].id, workers[$1].id) }) {
            try w.write(record: table.row(workers[k]).cells.map { cell in
                switch cell {
                case .text(let t): neutralized(t)
                case .money(let n), .score(let n): n.fixed(places: 2)
                }
            })
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
