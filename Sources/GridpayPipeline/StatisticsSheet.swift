import GridpayCore
import GridpayXLSX

/// 统计: what a reader would rather see than read, from any town's results (no town's names
/// here). Each chart sits beside the table it is drawn from:
/// - the mean 总分 per unit (村(社区) or the rule file's own label): bar chart;
/// - the distribution of 总分 in 10-point bands: column chart;
/// - where the town has duty requirements, the share meeting them; where it grades, the share
///   in each grade: pie charts.
/// Means are exact, rounded half-up to 0.01; shares are exact, rounded half-up to 0.01%.
extension WorkbookWriter {
    /// One small table of the sheet: a label column and value columns, with its chart.
    struct StatisticsTable {
        var headers: [String]
        var styles: [ColumnStyle]
        var rows: [(String, [ExactNumber])]
        var chart: XLSXChart.Kind
        var title: String
        /// The value column the chart plots (index into the row's values).
        var plotted: Int
        var axes: (category: String, value: String)?
    }

    /// Score bands of 10 points from 60 to 100: "60 分以下", "60–69.99", …, "100 分及以上".
    static let bandEdges = [60, 70, 80, 90, 100]
    /// libxlsxwriter's default chart: 480 × 288 pixels (360 points wide, as a pixel is ¾ point);
    /// a default row is 20 pixels tall. The 1.1 where the width is used is PrintedPage's
    /// allowance for LibreOffice drawing wider.
    static let chartHeightPixels = 288.0
    static let chartWidthPoints = 360.0
    static let rowHeightPixels = 20.0

    static func bandLabels() -> [String] {
        var labels = ["\(bandEdges[0]) 分以下"]
        for (a, b) in zip(bandEdges, bandEdges.dropFirst()) { labels.append("\(a)–\(b - 1).99") }
        labels.append("\(bandEdges.last!) 分及以上")
        return labels
    }

    /// Band index of a total: 0 below 60, 1 for [60, 70), …, last for 100 and above.
    static func band(of total: ExactNumber) -> Int {
        var k = 0
        for e in bandEdges where !(total < ExactNumber(e)) { k += 1 }
        return k
    }

    /// count / n, rounded half-up to 0.0001 (0.01%): the share cell's value.
    static func share(_ count: Int, of n: Int) throws -> ExactNumber {
        guard n > 0 else { return .zero }
        return try ExactNumber(count).divided(by: ExactNumber(n)).rounded(places: 4)
    }

    func statisticsTables() throws -> [StatisticsTable] {
        let workers = report.workers
        let n = workers.count
        var tables: [StatisticsTable] = []
        let unitLabel = SheetLabels.roster(rules)[2]
        let countLabel = "人数"
        let shareLabel = "占比"

        // Mean total per unit, units in roster order.
        var unitRows: [(String, [ExactNumber])] = []
        for (unit, members) in payGroups() {
            var sum = ExactNumber.zero
            for m in members { sum = try sum.adding(workers[m].total) }
            let mean = try sum.divided(by: ExactNumber(members.count)).rounded(places: 2)
            unitRows.append((unit, [ExactNumber(members.count), mean]))
        }
        tables.append(StatisticsTable(headers: [unitLabel, countLabel, "平均总分"], styles: [.text, .count, .score],
                                      rows: unitRows, chart: .bar, title: "各\(unitLabel)平均总分", plotted: 1,
                                      axes: (unitLabel, "平均总分")))

        // Distribution of totals.
        var counts = [Int](repeating: 0, count: Self.bandEdges.count + 1)
        for w in workers { counts[Self.band(of: w.total)] += 1 }
        var bandRows: [(String, [ExactNumber])] = []
        for (label, c) in zip(Self.bandLabels(), counts) { bandRows.append((label, [ExactNumber(c), try Self.share(c, of: n)])) }
        tables.append(StatisticsTable(headers: ["总分段", countLabel, shareLabel], styles: [.text, .count, .percent],
                                      rows: bandRows, chart: .column, title: "总分分布", plotted: 0,
                                      axes: ("总分段", countLabel)))

        if rules.duty != nil {
            // Counted, not filtered: filter would copy every report (≈ 30 MB at 100,000 workers).
            let met = workers.reduce(0) { $0 + ($1.dutyMet == true ? 1 : 0) }
            tables.append(StatisticsTable(
                headers: [SheetLabels.duty, countLabel, shareLabel], styles: [.centered, .count, .percent],
                rows: [(SheetLabels.yes, [ExactNumber(met), try Self.share(met, of: n)]),
                       (SheetLabels.no, [ExactNumber(n - met), try Self.share(n - met, of: n)])],
                chart: .pie, title: SheetLabels.duty, plotted: 0, axes: nil))
        }
        if !rules.grades.isEmpty {
            var gradeRows: [(String, [ExactNumber])] = []
            for g in rules.grades {
                let c = workers.reduce(0) { $0 + ($1.grade == g.name ? 1 : 0) }
                gradeRows.append((g.name, [ExactNumber(c), try Self.share(c, of: n)]))
            }
            tables.append(StatisticsTable(headers: [GradeBands.gradeName, countLabel, shareLabel], styles: [.centered, .count, .percent],
                                          rows: gradeRows, chart: .pie, title: "\(GradeBands.gradeName)分布", plotted: 0, axes: nil))
        }
        return tables
    }

    func writeStatistics(_ book: XLSXWorkbook, _ s: SheetFormats) throws {
        let tables = try statisticsTables()
        let name = SheetLabels.statisticsSheet
        let ws = try book.addWorksheet(named: name)
        // Three columns of tables (label, count, mean or share), a gap, then the charts.
        let columnCount = 3
        let columns = (0..<columnCount).map { c in
            SheetColumn(tables.map { $0.headers[c] }.max { TextWidth.units($0) < TextWidth.units($1) } ?? "",
                        c == 0 ? .text : .score)
        }
        let t = TableSheet(sheet: ws, s, columns: columns)
        var row = 0
        var blocks: [(top: Int, rows: Int)] = []
        for table in tables {
            let top = row
            row = try writeStatisticsTable(table, at: top, t, book, sheet: name, chartColumn: columnCount + 1)
            blocks.append((top, row - top))
        }
        try t.finish()
        try setUpStatisticsPrinting(t, blocks, gapColumn: columnCount)
    }

    /// One table and its chart beside it, from row `top`; returns the row after the block (an
    /// empty row under the taller of the two).
    func writeStatisticsTable(_ table: StatisticsTable, at top: Int, _ t: TableSheet, _ book: XLSXWorkbook, sheet name: String,
                              chartColumn: Int) throws -> Int {
        var row = top
        try t.writeHeader(table.headers, row: row)
        row += 1
        for (label, values) in table.rows {
            try t.text(label, row: row, column: 0, style: table.styles[0] == .centered ? .centered : .text)
            for (k, v) in values.enumerated() { try t.number(v, row: row, column: k + 1, style: table.styles[k + 1]) }
            row += 1
        }
        // 85% of the default height, so that two tables and their charts share a page;
        // taller for many bars, so that every label stays readable.
        let yScale = max(0.85, Double(table.rows.count) * 0.12)
        let chart = try book.addChart(table.chart)
        try chart.setTitle(table.title)
        let labels: XLSXChart.Labels = table.chart == .pie ? .percentages : .values
        try chart.addSeries(name: table.headers[table.plotted + 1],
                            categories: .column(0, rows: (top + 1)...max(top + 1, row - 1), of: name),
                            values: .column(table.plotted + 1, rows: (top + 1)...max(top + 1, row - 1), of: name),
                            labels: labels)
        if let axes = table.axes {
            try chart.setAxisNames(category: axes.category, value: axes.value)
            try chart.setValueAxisMinimum(0)
            try chart.hideLegend()
        }
        // Bars in the order of the table beside them, the first at the top.
        if table.chart == .bar { try chart.listCategoriesTopDown() }
        try t.sheet.insertChart(chart, row: top, column: chartColumn, yScale: yScale)
        let chartRows = Self.chartHeightPixels / Self.rowHeightPixels
        return max(row, top + Int((chartRows * yScale).rounded(.up))) + 1
    }

    /// The sheet's print setup: tables, the gap and the charts across one page, and page breaks
    /// that split no block (a table with its chart).
    func setUpStatisticsPrinting(_ t: TableSheet, _ blocks: [(top: Int, rows: Int)], gapColumn: Int) throws {
        let ws = t.sheet
        let gap = 2.0
        try ws.setColumnWidth(first: gapColumn, last: gapColumn, width: gap)
        // Tables and charts (480 pixels, 360 points) across one page; no repeated rows, as the
        // sheet holds several tables.
        let across = (t.sizer.widths + [gap]).reduce(0) { $0 + PrintedPage.points(columnWidth: $1) } + Self.chartWidthPoints * 1.1
        let scale = min(100, max(10, Int((PrintedPage.width / across * 100).rounded(.down))))
        try ws.setUpPrinting(scalePercent: scale,
                             header: "&C\(TableSheet.escaped("\(rules.townName) \(report.period) \(SheetLabels.statisticsSheet)"))",
                             footer: "&C第 &P 页，共 &N 页")
        // No table or chart split across pages: a block that would overflow starts a page, at
        // the empty row above it (a chart's edge on the break would print on both pages).
        let capacity = Int((PrintedPage.height / (PrintedPage.rowPoints * Double(scale) / 100)).rounded(.down))
        var pageTop = 0
        var breaks: [Int] = []
        for b in blocks where b.top > pageTop + 1 && b.top + b.rows - pageTop > capacity {
            breaks.append(b.top - 1)
            pageTop = b.top - 1
        }
        if !breaks.isEmpty { try ws.setPageBreaks(beforeRows: breaks) }
    }
}
