import GridpayCore
import GridpayXLSX

/// Writes the month's workbook: printable sheets (A4 landscape; tables with the header row
/// repeated on every page, fit to width, frozen header, filters; 工资条 and 统计 laid out in
/// blocks that no page break splits). Every score and amount is a numeric cell; every
/// text is a string cell, never a formula. Created time is pinned to the month, not the clock.
struct WorkbookWriter {
    let month: PreparedMonth
    /// A sheet holds 1,048,576 rows; 扣分明细 continues on 扣分明细2, 扣分明细3, … beyond that
    /// (a province month can have millions of deductions).
    var detailRowsPerSheet = 1_048_575
    var report: MonthReport { month.report }
    var rules: RuleSet { month.report.rules }

    func write(to path: String) throws {
        let title = "\(rules.townName) \(report.period) 网格员考核"
        let book = try XLSXWorkbook.gridpay(path: path, period: report.period, title: title,
                                            comments: "rules \(rules.version) sha256 \(month.rules.sha256)")
        let styles = SheetFormats(book)
        // A summary period (xinhe's quarter, SPEC §17): its summary, the findings, problems, 说明.
        if rules.isSummary(report.period.kind) {
            try writePeriodSummary(book, styles)
            try writeDetails(book, styles)
            try writeProblems(book, styles)
            try writeAbout(book, styles)
            try book.close()
            return
        }
        try writeSummary(book, styles)
        // A town without [pay] has no 绩效工资 and no 工资条 (SPEC §17): nothing about pay is invented.
        if rules.hasPay { try writePay(book, styles) }
        try writeRuleSheets(book, styles, at: .afterPay)
        if let carried = month.carried { try writeCorrections(book, styles, carried) }
        if rules.hasPay { try writeSlips(book, styles) }
        try writeStatistics(book, styles)
        try writeDetails(book, styles)
        try writeRuleSheets(book, styles, at: .afterDetails)
        try writeProblems(book, styles)
        try writeAbout(book, styles)
        try book.close()
    }

    /// A table sheet (SheetLayout.swift): header row, print setup, widths from its content.
    /// In constant-memory mode rows go out in order, so the filter range (`dataRows` rows under
    /// the header) is declared before any data row is written.
    func sheet(_ book: XLSXWorkbook, _ name: String, _ columns: [SheetColumn], dataRows: Int?, _ s: SheetFormats) throws(XLSXError) -> TableSheet {
        try TableSheet(book, s, name: name, title: "\(rules.townName) \(report.period) \(name)", columns: columns, dataRows: dataRows)
    }

    /// The four roster columns (the rule file's labels where it names its own) and the roster
    /// columns it shows after them ([roster] show), as text.
    func rosterColumns() -> [SheetColumn] {
        (SheetLabels.roster(rules) + rules.roster.shown.map { rules.rosterTable.columns[$0].name }).map { SheetColumn($0, .text) }
    }

    /// A summary period's sheet (季度汇总): per worker in roster order, the roster columns and
    /// the [period_summary] columns; no score, no rank.
    func writePeriodSummary(_ book: XLSXWorkbook, _ s: SheetFormats) throws(XLSXError) {
        let columns = rosterColumns() + (rules.periodSummary?.columns ?? []).map(displayColumn)
        let ws = try sheet(book, "\(report.period.kind.label)汇总", columns, dataRows: report.workers.count, s)
        var row = 1
        for w in report.workers.sorted(by: { $0.rosterLine < $1.rosterLine }) {
            var c = 0
            for t in [w.id, w.name, w.unit, w.group] + w.shown { try ws.text(t, row: row, column: c); c += 1 }
            for v in w.columns { try writeCell(ws, v, row: row, column: c); c += 1 }
            row += 1
        }
        try ws.finish()
    }

    func writeSummary(_ book: XLSXWorkbook, _ s: SheetFormats) throws(XLSXError) {
        var columns = [SheetColumn(SheetLabels.rank, .integer)] + rosterColumns()
        columns += rules.items.map { SheetColumn($0.name, .score) }
        let preliminary = rules.preliminaryPeriods(of: report.period)
        columns.append(SheetColumn(SheetLabels.total, .score))
        if !rules.grades.isEmpty { columns.append(SheetColumn(GradeBands.gradeName, .centered)) }
        if rules.duty != nil { columns.append(SheetColumn(SheetLabels.duty, .centered)) }
        columns += rules.flags.map { SheetColumn($0.name, .centered) }
        columns += rules.summaryColumns.map(displayColumn)
        columns += preliminary.map { SheetColumn(PreliminaryTotals.label($0), .score) }
        columns.append(SheetColumn(SheetLabels.remark, .text))
        let ws = try sheet(book, SheetLabels.summarySheet, columns, dataRows: report.workers.count, s)
        var row = 1
        for w in report.workers {
            var c = 0
            try ws.number(w.rank, row: row, column: c); c += 1
            for t in [w.id, w.name, w.unit, w.group] + w.shown { try ws.text(t, row: row, column: c); c += 1 }
            for v in w.items { try ws.number(v, row: row, column: c); c += 1 }
            try ws.number(w.total, row: row, column: c); c += 1
            if let g = w.grade { try ws.text(g, row: row, column: c); c += 1 }
            if let d = w.dutyMet { try ws.text(SheetLabels.yesNo(d), row: row, column: c); c += 1 }
            for f in w.flags { try ws.text(SheetLabels.yesNo(f), row: row, column: c); c += 1 }
            for v in w.columns { try writeCell(ws, v, row: row, column: c); c += 1 }
            for t in w.preliminaryTotals { try writeCell(ws, t.map { .number($0) }, row: row, column: c); c += 1 }
            let notes = (w.historyIncomplete ? [SheetLabels.historyIncomplete] : []) + (w.historyAssumption.map { [$0] } ?? [])
            if !notes.isEmpty {
                try ws.text(notes.joined(separator: "；"), row: row, column: c)
            } else {
                try ws.blank(row: row, column: c)
            }
            row += 1
        }
        try ws.finish()
    }

    /// The pay rows' columns (the pay CSV, 绩效工资 and each 工资条).
    var payTable: PayTable { PayTable(report, carried: month.carried != nil, showing: true) }

    /// Workers by village (positions in report.workers), villages in roster order, workers by
    /// id within a village. Indices, not copies: a province has 200,000 reports.
    func payGroups() -> [(String, [Int])] {
        let workers = report.workers
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for k in workers.indices.sorted(by: { workers[$0].rosterLine < workers[$1].rosterLine }) {
            let unit = workers[k].unit
            if groups[unit] == nil { order.append(unit) }
            groups[unit, default: []].append(k)
        }
        return order.map { unit in (unit, groups[unit]!.sorted { IdOrder.less(workers[$0].id, workers[$1].id) }) }
    }

    /// Per-row deductions in the order they were read (file by file, line by line), then each
    /// worker's counted deductions and bound corrections, workers in rank order.
    /// 扣分明细's columns; `o`: the roster columns shown past 编号 and 姓名; `p`: 0 with a 扣款(元)
    /// column, −1 without.
    func detailColumns() -> (columns: [SheetColumn], o: Int, p: Int) {
        // 编号, 姓名 and the roster columns the rule file shows ([roster] show, SPEC §17's 岗位).
        let roster = rosterColumns()
        // A town without pay (SPEC §17: nothing about pay is invented) has no 扣款(元) column.
        let yuanColumns = rules.hasPay ? [SheetColumn("扣款(元)", .money)] : []
        let columns = Array(roster.prefix(2)) + roster.dropFirst(4) + [SheetColumn("考核项目", .text),
                       SheetColumn("扣分原因", .text, maxWidth: 50), SheetColumn("次数", .count), SheetColumn("扣分", .score)]
                       + yuanColumns + [SheetColumn("来源文件", .text), SheetColumn("行号", .integer)]
        return (columns, roster.count - 4, yuanColumns.count - 1)
    }

    func writeDetails(_ book: XLSXWorkbook, _ s: SheetFormats) throws {
        let (columns, o, p) = detailColumns()
        func shown(_ r: DeductionRecord) -> Bool { r.points != .zero || r.yuan != .zero }
        let inMemory = report.workers.reduce(0) { n, w in n + w.records.filter(shown).count + w.charges.count }
        let total = inMemory + month.deductionSpills.reduce(0) { $0 + $1.count }
        var remaining = total
        var sheetNumber = 0
        var ws: TableSheet!
        var row = 0
        func nextSheet() throws(XLSXError) {
            try ws?.finish()
            sheetNumber += 1
            let rows = min(remaining, detailRowsPerSheet)
            let name = sheetNumber == 1 ? SheetLabels.detailSheet : "\(SheetLabels.detailSheet)\(sheetNumber)"
            ws = try sheet(book, name, columns, dataRows: rows, s)
            row = 1
        }
        try nextSheet()
        var byIndex: [Int: Int] = [:]
        for (k, w) in report.workers.enumerated() { byIndex[w.index] = k }
        func write(_ w: WorkerReport, _ r: DeductionRecord, itemName: String? = nil) throws(XLSXError) {
            if row > detailRowsPerSheet { try nextSheet() }
            try ws.text(w.id, row: row, column: 0)
            try ws.text(w.name, row: row, column: 1)
            for (k, t) in w.shown.enumerated() { try ws.text(t, row: row, column: 2 + k) }
            try ws.text(itemName ?? rules.items[r.item].name, row: row, column: o + 2)
            try ws.text(r.reason, row: row, column: o + 3)
            try ws.number(r.times ?? .one, row: row, column: o + 4)
            try ws.number(r.points, row: row, column: o + 5)
            if p == 0 { try ws.number(r.yuan, row: row, column: o + 6) }
            try ws.text(r.file ?? "", row: row, column: o + p + 7)
            if let line = r.line { try ws.number(line, row: row, column: o + p + 8) } else {
                try ws.blank(row: row, column: o + p + 8)
            }
            row += 1
            remaining -= 1
        }
        for spill in month.deductionSpills {
            try spill.forEach { worker, r in
                guard shown(r), let k = byIndex[worker] else { return }
                try write(report.workers[k], r)
            }
        }
        for w in report.workers {
            for r in w.records where shown(r) { try write(w, r) }
            // A charged award's share (SPEC §11's 部门负激励): its source is the rule's [[awards]] line.
            for c in w.charges {
                try write(w, DeductionRecord(item: 0, deduction: 0, reason: c.reason, points: .zero, yuan: c.yuan,
                                             file: c.location.file.split(separator: "/").last.map(String.init), line: c.location.line, times: nil),
                          itemName: rules.awards[c.award].name)
            }
        }
        try ws.finish()
    }

    /// A rule-file column ([summary] columns, the rule file's sheets): its header and style (a
    /// number without a format: a score; its cells take their own style, see `writeComputed`).
    func displayColumn(_ d: DisplayColumn) -> SheetColumn {
        switch (d.type, d.format) {
        case (.number, .score), (.number, nil): SheetColumn(d.name, .score)
        case (.number, .integer): SheetColumn(d.name, .integer)
        case (.number, .percent): SheetColumn(d.name, .percent)
        case (.number, .percent1): SheetColumn(d.name, .percent1)
        case (.number, .money): SheetColumn(d.name, .money)
        case (.bool, _): SheetColumn(d.name, .centered)
        default: SheetColumn(d.name, .text)
        }
    }

    /// A rule-file column's cell: a number in the column's style, text, 是/否, or blank.
    func writeCell(_ ws: TableSheet, _ v: Value?, row: Int, column: Int) throws(XLSXError) {
        switch v {
        case .number(let n)?: try ws.number(n, row: row, column: column)
        case .bool(let b)?: try ws.text(SheetLabels.yesNo(b), row: row, column: column)
        case let other?: try ws.text(other.description, row: row, column: column)
        case nil: try ws.blank(row: row, column: column)
        }
    }

    func writeAbout(_ book: XLSXWorkbook, _ s: SheetFormats) throws(XLSXError) {
        let ws = try sheet(book, SheetLabels.aboutSheet, SheetColumn.about, dataRows: nil, s)
        var row = 1
        for (k, v) in month.aboutLines() {
            try ws.text(k, row: row, column: 0)
            try ws.text(v, row: row, column: 1)
            row += 1
        }
        try ws.finish()
    }
}
