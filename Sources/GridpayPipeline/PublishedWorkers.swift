import GridpayCore
import GridpayXLSXReader

/// The workers of a written period workbook as its first sheet shows them (考核汇总, or a summary
/// period's 季度汇总): id, name, unit and, where the sheet has it, 总分. The console lists a run's
/// workers from here, so that a name reads as in the workbook (the pay CSV writes text that a
/// spreadsheet would take for a formula with a guard: `'=王芳`), and a town without pay (xinhe,
/// SPEC §17) has its list too.
public enum PublishedWorkers {
    public struct Worker: Sendable, Equatable {
        public var id: String
        public var name: String
        public var unit: String
        /// 总分 with the town's places; nil where the sheet has no 总分 (a summary period).
        public var total: String?
    }

    /// The sheet's roster labels (id, name, unit) and its workers in the sheet's order; nil when
    /// the workbook cannot be read or its first sheet has no roster header.
    public static func read(workbook path: String, rules: RuleSet) -> (labels: [String], workers: [Worker])? {
        let labels = SheetLabels.roster(rules)
        var columns: [Int]? = nil, total: Int? = nil
        var workers: [Worker] = []
        do {
            try XLSXReader(path: path).forEachRow(sheet: nil) { row in
                let cells = (0..<row.count).map(row.string)
                guard let c = columns else {
                    let found = labels.prefix(3).compactMap { cells.firstIndex(of: $0) }
                    if found.count == 3 { columns = found; total = cells.firstIndex(of: SheetLabels.total) }
                    return
                }
                func cell(_ i: Int) -> String { i < cells.count ? cells[i] : "" }
                guard !cell(c[0]).isEmpty else { return }
                let shown = total.map { t in ExactNumber(decimalText: cell(t)).map { $0.fixed(places: rules.itemRoundingPlaces) } ?? cell(t) }
                workers.append(Worker(id: cell(c[0]), name: cell(c[1]), unit: cell(c[2]), total: shown))
            }
        } catch { return nil }
        guard columns != nil else { return nil }
        return (Array(labels.prefix(3)), workers)
    }

    /// A text as the pay CSV writes it (with the formula guard), to find a worker's row there.
    public static func payCSVText(_ text: String) -> String { PayCSV.neutralized(text) }
}
