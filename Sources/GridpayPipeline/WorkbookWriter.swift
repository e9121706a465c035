import GridpayCore
import GridpayXLSX

/// Writes the month's workbook: five printable sheets (A4 landscape, header row repeated on every
/// page, fit to width, frozen header, filters). Every score and amount is a numeric cell; every
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
        let book = try XLSXWorkbook(path: path, createdAt: report.period.epochSeconds, constantMemory: true,
                                    title: title, author: "gridpay \(GridpayVersion.current)",
                                    comments: "rules \(rules.version) sha256 \(month.rules.sha256)")
        let styles = try Styles(book)
        try writeSummary(book, styles)
        try writePay(book, styles)
        try writeDetails(book, styles)
        try writeDeclaredSheets(book, styles)
        try writeProblems(book, styles)
        try writeAbout(book, styles)
        try book.close()
    }

    struct Styles {
        let header, text, score, money, integer, bold, boldMoney: XLSXFormat
        init(_ book: XLSXWorkbook) throws(XLSXError) {
            header = try book.format(XLSXFormatSpec(bold: true, horizontalAlignment: .center, border: true, wrapText: true))
            text = try book.format(XLSXFormatSpec(border: true))
            score = try book.format(XLSXFormatSpec(numberFormat: "0.00", border: true))
            money = try book.format(XLSXFormatSpec(numberFormat: "#,##0.00", border: true))
            integer = try book.format(XLSXFormatSpec(numberFormat: "0", horizontalAlignment: .center, border: true))
            bold = try book.format(XLSXFormatSpec(bold: true, border: true))
            boldMoney = try book.format(XLSXFormatSpec(bold: true, numberFormat: "#,##0.00", border: true))
        }
    }

    /// A sheet with its header row, print setup and widths.
    /// In constant-memory mode rows go out in order, so the filter range (`dataRows` rows under
    /// the header) is declared before any data row is written.
    func sheet(_ book: XLSXWorkbook, _ name: String, _ headers: [String], widths: [Double], dataRows: Int?, _ s: Styles) throws(XLSXError) -> XLSXWorksheet {
        let ws = try book.addWorksheet(named: name)
        for (c, w) in widths.enumerated() { try ws.setColumnWidth(first: c, last: c, width: w) }
        try ws.setUpPrinting(repeatRows: 0...0, header: "&C\(rules.townName) \(report.period) \(name)", footer: "&C第 &P 页，共 &N 页")
        try ws.freezePanes(row: 1, column: 0)
        for (c, h) in headers.enumerated() { try ws.write(string: h, row: 0, column: c, format: s.header) }
        if let dataRows { try ws.autofilter(firstRow: 0, firstColumn: 0, lastRow: dataRows, lastColumn: headers.count - 1) }
        return ws
    }

    func writeSummary(_ book: XLSXWorkbook, _ s: Styles) throws(XLSXError) {
        var headers = [SheetLabels.rank] + SheetLabels.roster(rules)
        headers += rules.items.map(\.name)
        headers.append(SheetLabels.total)
        if !rules.grades.isEmpty { headers.append(GradeBands.gradeName) }
        if rules.duty != nil { headers.append(SheetLabels.duty) }
        headers += rules.flags.map(\.name)
        headers.append(SheetLabels.remark)
        var widths: [Double] = [6, 12, 10, 12, 10] + rules.items.map { _ in 9 } + [9]
        if !rules.grades.isEmpty { widths.append(9) }
        if rules.duty != nil { widths.append(8) }
        widths += rules.flags.map { _ in 8 } + [24]
        let ws = try sheet(book, SheetLabels.summarySheet, headers, widths: widths, dataRows: report.workers.count, s)
        var row = 1
        for w in report.workers {
            var c = 0
            try ws.write(number: Double(w.rank), row: row, column: c, format: s.integer); c += 1
            for t in [w.id, w.name, w.unit, w.group] { try ws.write(string: t, row: row, column: c, format: s.text); c += 1 }
            for v in w.items { try ws.write(number: v.doubleValue, row: row, column: c, format: s.score); c += 1 }
            try ws.write(number: w.total.doubleValue, row: row, column: c, format: s.score); c += 1
            if let g = w.grade { try ws.write(string: g, row: row, column: c, format: s.text); c += 1 }
            if let d = w.dutyMet { try ws.write(string: SheetLabels.yesNo(d), row: row, column: c, format: s.text); c += 1 }
            for f in w.flags { try ws.write(string: SheetLabels.yesNo(f), row: row, column: c, format: s.text); c += 1 }
            if w.historyIncomplete {
                try ws.write(string: SheetLabels.historyIncomplete, row: row, column: c, format: s.text)
            } else {
                try ws.writeBlank(row: row, column: c, format: s.text)
            }
            row += 1
        }
    }

    func writePay(_ book: XLSXWorkbook, _ s: Styles) throws {
        var headers = SheetLabels.roster(rules) + [SheetLabels.base, SheetLabels.total]
        headers += report.payColumns.map(\.label)
        headers += [SheetLabels.deductions, SheetLabels.payable, SheetLabels.shortfall]
        let widths: [Double] = [12, 10, 12, 10, 12, 8] + report.payColumns.map { _ in 12 } + [12, 12, 10]
        let groups = payGroups()
        let ws = try sheet(book, SheetLabels.paySheet, headers, widths: widths, dataRows: report.workers.count + groups.count, s)
        // base, score pay, the yuan columns, deductions, payable, shortfall: all but the 4 text columns and 总分.
        let moneyColumns = headers.count - 5
        var row = 1
        var grand = [ExactNumber](repeating: .zero, count: moneyColumns)
        func amounts(_ w: WorkerReport) -> [ExactNumber] {
            [w.base] + report.payColumns.map { report.amount($0, of: w) } + [w.deductions, w.payable, w.shortfall]
        }
        func writeAmounts(_ values: [ExactNumber], bold: Bool) throws(XLSXError) {
            try ws.write(number: values[0].doubleValue, row: row, column: 4, format: bold ? s.boldMoney : s.money)
            for (k, v) in values.dropFirst().enumerated() {
                try ws.write(number: v.doubleValue, row: row, column: 6 + k, format: bold ? s.boldMoney : s.money)
            }
        }
        for (unit, members) in groups {
            var sub = [ExactNumber](repeating: .zero, count: grand.count)
            for m in members {
                let w = report.workers[m]
                for (c, t) in [w.id, w.name, w.unit, w.group].enumerated() { try ws.write(string: t, row: row, column: c, format: s.text) }
                let a = amounts(w)
                try writeAmounts(a, bold: false)
                try ws.write(number: w.total.doubleValue, row: row, column: 5, format: s.score)
                for k in a.indices { sub[k] = try sub[k].adding(a[k]) }
                row += 1
            }
            try ws.writeBlank(row: row, column: 0, format: s.bold)
            try ws.write(string: SheetLabels.subtotal, row: row, column: 1, format: s.bold)
            try ws.write(string: unit, row: row, column: 2, format: s.bold)
            try ws.writeBlank(row: row, column: 3, format: s.bold)
            try ws.writeBlank(row: row, column: 5, format: s.bold)
            try writeAmounts(sub, bold: true)
            for k in sub.indices { grand[k] = try grand[k].adding(sub[k]) }
            row += 1
        }
        try ws.writeBlank(row: row, column: 0, format: s.bold)
        try ws.write(string: SheetLabels.grandTotal, row: row, column: 1, format: s.bold)
        for c in [2, 3, 5] { try ws.writeBlank(row: row, column: c, format: s.bold) }
        try writeAmounts(grand, bold: true)
        row += 2
        let third = max(1, headers.count / 3)
        try ws.write(string: "制表：", row: row, column: 0)
        try ws.write(string: "审核：", row: row, column: third)
        try ws.write(string: "负责人：", row: row, column: 2 * third)
        row += 1
        try ws.write(string: "日期：", row: row, column: 0)
        try ws.write(string: "日期：", row: row, column: third)
        try ws.write(string: "日期：", row: row, column: 2 * third)
    }

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
        return order.map { unit in (unit, groups[unit]!.sorted { workers[$0].id < workers[$1].id }) }
    }

    /// Per-row deductions in the order they were read (file by file, line by line), then each
    /// worker's counted deductions and bound corrections, workers in rank order.
    func writeDetails(_ book: XLSXWorkbook, _ s: Styles) throws {
        let headers = Array(SheetLabels.roster(rules).prefix(2)) + ["考核项目", "扣分原因", "次数", "扣分", "扣款(元)", "来源文件", "行号"]
        func shown(_ r: DeductionRecord) -> Bool { r.points != .zero || r.yuan != .zero }
        let inMemory = report.workers.reduce(0) { n, w in n + w.records.filter(shown).count }
        let total = inMemory + month.deductionSpills.reduce(0) { $0 + $1.count }
        var remaining = total
        var sheetNumber = 0
        var ws: XLSXWorksheet!
        var row = 0
        func nextSheet() throws(XLSXError) {
            sheetNumber += 1
            let rows = min(remaining, detailRowsPerSheet)
            let name = sheetNumber == 1 ? SheetLabels.detailSheet : "\(SheetLabels.detailSheet)\(sheetNumber)"
            ws = try sheet(book, name, headers, widths: [12, 10, 10, 34, 6, 8, 10, 16, 8], dataRows: rows, s)
            row = 1
        }
        try nextSheet()
        var byIndex: [Int: Int] = [:]
        for (k, w) in report.workers.enumerated() { byIndex[w.index] = k }
        func write(_ w: WorkerReport, _ r: DeductionRecord) throws(XLSXError) {
            if row > detailRowsPerSheet { try nextSheet() }
            try ws.write(string: w.id, row: row, column: 0, format: s.text)
            try ws.write(string: w.name, row: row, column: 1, format: s.text)
            try ws.write(string: rules.items[r.item].name, row: row, column: 2, format: s.text)
            try ws.write(string: r.reason, row: row, column: 3, format: s.text)
            try ws.write(number: (r.times ?? .one).doubleValue, row: row, column: 4, format: s.integer)
            try ws.write(number: r.points.doubleValue, row: row, column: 5, format: s.score)
            try ws.write(number: r.yuan.doubleValue, row: row, column: 6, format: s.money)
            try ws.write(string: r.file ?? "", row: row, column: 7, format: s.text)
            if let line = r.line { try ws.write(number: Double(line), row: row, column: 8, format: s.integer) } else {
                try ws.writeBlank(row: row, column: 8, format: s.text)
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
        }
    }

    /// The sheets the rule file declares ([[sheets]]): totals lines (项目, 金额, 类别), then, after
    /// a blank row, one row per unit under its own header.
    func writeDeclaredSheets(_ book: XLSXWorkbook, _ s: Styles) throws(XLSXError) {
        for sheet in report.sheets {
            let headers = [SheetLabels.lineLabel, SheetLabels.lineAmount, SheetLabels.lineKind]
            let unitHeaders = sheet.unitLabel.map { [$0] + sheet.columns } ?? []
            let widths = (0..<max(headers.count, unitHeaders.count)).map { _ in 14.0 }
            let ws = try self.sheet(book, sheet.name, headers, widths: widths, dataRows: nil, s)
            var row = 1
            for line in sheet.lines {
                try ws.write(string: line.label, row: row, column: 0, format: s.text)
                try ws.write(number: line.value.doubleValue, row: row, column: 1, format: s.money)
                try ws.write(string: line.kind, row: row, column: 2, format: s.text)
                row += 1
            }
            guard !unitHeaders.isEmpty else { continue }
            if !sheet.lines.isEmpty { row += 1 }
            for (c, h) in unitHeaders.enumerated() { try ws.write(string: h, row: row, column: c, format: s.header) }
            row += 1
            for r in sheet.rows {
                for (c, v) in r.enumerated() {
                    switch v {
                    case .number(let n):
                        try ws.write(number: n.doubleValue, row: row, column: c, format: n.isInteger ? s.integer : s.score)
                    case .bool(let b): try ws.write(string: SheetLabels.yesNo(b), row: row, column: c, format: s.text)
                    default: try ws.write(string: v.description, row: row, column: c, format: s.text)
                    }
                }
                row += 1
            }
        }
    }

    func writeProblems(_ book: XLSXWorkbook, _ s: Styles) throws(XLSXError) {
        let headers = ["级别", "文件", "行号", "列", "列名", "问题", "处理"]
        let problems = month.reportedProblems
        let ws = try sheet(book, SheetLabels.problemSheet, headers, widths: [6, 16, 8, 5, 14, 60, 22], dataRows: problems.count, s)
        var row = 1
        for p in problems {
            try ws.write(string: p.severity == .error ? "错误" : "警告", row: row, column: 0, format: s.text)
            try ws.write(string: p.file, row: row, column: 1, format: s.text)
            if let l = p.line { try ws.write(number: Double(l), row: row, column: 2, format: s.integer) } else { try ws.writeBlank(row: row, column: 2, format: s.text) }
            if let c = p.column { try ws.write(number: Double(c), row: row, column: 3, format: s.integer) } else { try ws.writeBlank(row: row, column: 3, format: s.text) }
            try ws.write(string: p.columnName ?? "", row: row, column: 4, format: s.text)
            try ws.write(string: p.message, row: row, column: 5, format: s.text)
            let handling: String
            switch (p.accepted, p.kind) {
            case (true, _): handling = "已接受（--accept）：该行未计入"
            case (_, .formulaLikeText): handling = "按纯文本写出，未作公式"
            case (_, .history): handling = "未提出依赖历史的建议"
            default: handling = p.severity == .warning ? "仅提示" : ""
            }
            try ws.write(string: handling, row: row, column: 6, format: s.text)
            row += 1
        }
    }

    func writeAbout(_ book: XLSXWorkbook, _ s: Styles) throws(XLSXError) {
        let ws = try sheet(book, SheetLabels.aboutSheet, ["项目", "内容"], widths: [22, 100], dataRows: nil, s)
        var row = 1
        for (k, v) in month.aboutLines() {
            try ws.write(string: k, row: row, column: 0, format: s.text)
            try ws.write(string: v, row: row, column: 1, format: s.text)
            row += 1
        }
    }
}
