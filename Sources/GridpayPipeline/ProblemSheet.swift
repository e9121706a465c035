import GridpayCore
import GridpayXLSX

extension SheetLabels {
    static let problemColumns = ["级别", "文件", "行号", "列", "列名", "问题", "处理"]
    /// Above the rows of the warnings merged into one row each.
    static let problemRowsTitle = "逐行明细：上面合并为一行的警告，每行一条，供审计核对"
    /// A merged warning's 行号: its line ranges and how many rows.
    static func problemLines(_ ranges: String, count: Int) -> String { "\(ranges)（共 \(count) 行）" }
}

/// 数据问题: every input row that was rejected or questioned. A warning repeated on several rows of
/// one file (the same message, column and handling: a quarter's 70 rows of a worker who left) is
/// one row whose 行号 holds the line ranges and the count, where its first row would be; after the
/// table, under a title row and the header again, each of those rows is listed on its own for the
/// auditor. Errors are never merged.
extension WorkbookWriter {
    /// Widest 问题 and 行号 may grow: a merged row's 行号 (eight ranges and the count) on two lines.
    static let problemColumnWidths: [String: Double] = ["问题": 60, "行号": 30]
    /// Ranges of lines named in a merged row before "…".
    static let problemRangesNamed = 8

    /// The problems in sheet order as groups of positions in `problems`: one problem each, but a
    /// repeated warning of one file as one group of all its rows.
    static func problemGroups(_ problems: [InputProblem]) -> [[Int]] {
        struct Key: Hashable { var file, message, columnName: String; var column: Int?; var kind: InputProblem.Kind; var accepted: Bool }
        var groups: [[Int]] = []
        var at: [Key: Int] = [:]
        for (k, p) in problems.enumerated() {
            guard p.severity == .warning, p.line != nil else { groups.append([k]); continue }
            let key = Key(file: p.file, message: p.sheetMessage, columnName: p.columnName ?? "", column: p.column, kind: p.kind, accepted: p.accepted)
            if let g = at[key] { groups[g].append(k) } else {
                at[key] = groups.count
                groups.append([k])
            }
        }
        return groups
    }

    /// "3–5、9、12–40": lines as runs of consecutive numbers, at most `limit` runs, then "…" (the
    /// sheet is Chinese: its lists are joined with 、).
    static func lineRanges(_ lines: [Int], limit: Int = problemRangesNamed) -> String {
        var runs: [(Int, Int)] = []
        for l in Set(lines).sorted() {
            if let last = runs.last, last.1 + 1 == l { runs[runs.count - 1].1 = l } else { runs.append((l, l)) }
        }
        let named = runs.prefix(limit).map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }
        return named.joined(separator: "、") + (runs.count > limit ? "、…" : "")
    }

    func problemHandling(_ p: InputProblem) -> String {
        switch (p.accepted, p.kind) {
        case (true, _): return "已接受（--accept）：该行未计入"
        case (_, .formulaLikeText): return "按纯文本写出，未作公式"
        case (_, .history): return "未提出依赖历史的建议"
        case (_, .adjustmentNotCarried): return "未计入本期工资：须手工补发或追回"
        case (_, .notOnLastRoster): return "已不在\(report.period.kind.lastRosterLabel)：该行未计入"
        default: return p.severity == .warning ? "仅提示" : ""
        }
    }

    /// One problem's row; `lines` (a merged warning's ranges and count) in place of its line.
    func writeProblem(_ ws: TableSheet, _ p: InputProblem, row: Int, lines: String? = nil) throws(XLSXError) {
        try ws.text(p.severity == .error ? "错误" : "警告", row: row, column: 0)
        try ws.text(p.file, row: row, column: 1)
        if let lines {
            try ws.text(lines, row: row, column: 2, style: .text)
        } else if let l = p.line { try ws.number(l, row: row, column: 2) } else { try ws.blank(row: row, column: 2) }
        if let c = p.column { try ws.number(c, row: row, column: 3) } else { try ws.blank(row: row, column: 3) }
        try ws.text(p.columnName ?? "", row: row, column: 4)
        try ws.text(p.sheetMessage, row: row, column: 5)
        try ws.text(problemHandling(p), row: row, column: 6)
    }

    func writeProblems(_ book: XLSXWorkbook, _ s: SheetFormats) throws(XLSXError) {
        let columns = zip(SheetLabels.problemColumns, [ColumnStyle.centered, .text, .integer, .integer, .text, .text, .text])
            .map { SheetColumn($0.0, $0.1, maxWidth: Self.problemColumnWidths[$0.0]) }
        let problems = month.reportedProblems
        let groups = Self.problemGroups(problems)
        let ws = try sheet(book, SheetLabels.problemSheet, columns, dataRows: groups.count, s)
        var row = 1
        for g in groups {
            let p = problems[g[0]]
            let lines = g.count > 1 ? SheetLabels.problemLines(Self.lineRanges(g.compactMap { problems[$0].line }), count: g.count) : nil
            try writeProblem(ws, p, row: row, lines: lines)
            row += 1
        }
        let merged = groups.filter { $0.count > 1 }
        if !merged.isEmpty {
            row += 1
            try ws.sheet.mergeRange(firstRow: row, firstColumn: 0, lastRow: row, lastColumn: columns.count - 1,
                                    string: SheetLabels.problemRowsTitle, format: s.title())
            row += 1
            try ws.writeHeader(SheetLabels.problemColumns, row: row)
            row += 1
            for g in merged {
                for k in g {
                    try writeProblem(ws, problems[k], row: row)
                    row += 1
                }
            }
        }
        try ws.finish()
    }
}
