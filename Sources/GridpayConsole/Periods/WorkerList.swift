import Foundation
import GridpayCore
import GridpayPipeline

/// The workers of a period's written outputs, for its page: id, name and unit as the workbook
/// shows them, with 实发绩效 from the pay CSV where the town pays, else 总分 (none for a summary
/// period). Read again only when the files change.
enum WorkerList {
    struct Listing: Sendable {
        /// The column labels: id, name, unit and, where there is one, the figure's.
        var header: [String]
        var rows: [[String]]
    }

    static let read = StatCache<Listing?>()

    static func listing(_ ref: PeriodRef, console: Console) -> Listing? {
        let folder = "\(console.folders.outputDir)/\(ref.town.town)/\(ref.text)"
        let workbook = "\(folder)/\(ref.town.town)-\(ref.text).xlsx"
        let payCSV = PeriodRunner.payCSV(town: ref.town.town, period: ref.period, console: console)
        let rules = ref.rules.rules
        return read.value(workbook, paths: [workbook, payCSV]) {
            guard let sheet = PublishedWorkers.read(workbook: workbook, rules: rules) else { return nil }
            var header = sheet.labels
            var figure: (PublishedWorkers.Worker) -> String? = { $0.total }
            if rules.hasPay, let pay = PayTotals.rows(payCSV: payCSV), let top = pay.first, let column = PayRow.payableColumn(in: top) {
                var payable: [ExactID: String] = [:]
                for row in pay.dropFirst() where row.count > column { payable[ExactID(row[0])] = row[column] }
                header.append(top[column])
                figure = { payable[ExactID(PublishedWorkers.payCSVText($0.id))] }
            } else if sheet.workers.contains(where: { $0.total != nil }) {
                header.append(RuleLoader.totalName)
            }
            // By id, by code points (as the pay CSV and ExactID order them).
            let rows = sheet.workers.sorted { ExactID($0.id) < ExactID($1.id) }.map { w in
                [w.id, w.name, w.unit] + (header.count > 3 ? [figure(w) ?? ""] : [])
            }
            return Listing(header: header, rows: rows)
        }
    }
}
