import Foundation
import GridpayCore
import GridpayXLSX

/// The rating workbook: sheet 等次评定 (SPEC §7: 排名, the four roster columns, one column per
/// assessment period holding its total — empty where the worker was not on the roster —,
/// 平均分, 等次, 备注) and 说明 (every source, with hashes). Printable as the month workbook is;
/// created time pinned to the period, not the clock.
struct RatingWorkbook {
    let rating: PreparedRating
    var report: RatingReport { rating.report }

    func write(to path: String) throws {
        let title = "\(report.townName) \(report.period) \(RatingRunner.sheetName)"
        let book = try XLSXWorkbook.gridpay(path: path, period: report.period, title: title,
                                            comments: "rules \(rating.rules.rules.version) sha256 \(rating.rules.sha256)")
        let formats = SheetFormats(book)
        try writeRating(book, formats, title: title)
        try writeAbout(book, formats)
        try book.close()
    }

    func writeRating(_ book: XLSXWorkbook, _ formats: SheetFormats, title: String) throws(XLSXError) {
        var columns = [SheetColumn(SheetLabels.rank, .integer)]
        columns += SheetLabels.roster(rating.rules.rules).map { SheetColumn($0, .text) }
        columns += report.results.map { SheetColumn("\($0.period)", .score) }
        columns += [SheetColumn(RatingLabels.mean, .score), SheetColumn(GradeBands.gradeName, .centered), SheetColumn(SheetLabels.remark, .text)]
        let t = try TableSheet(book, formats, name: RatingRunner.sheetName, title: title, columns: columns, dataRows: report.rows.count)
        var row = 1
        for r in report.rows {
            var c = 0
            try t.number(r.rank, row: row, column: c); c += 1
            for s in [r.id, r.name, r.unit, r.group] { try t.text(s, row: row, column: c); c += 1 }
            for s in r.scores {
                if let s { try t.number(s, row: row, column: c) } else { try t.blank(row: row, column: c) }
                c += 1
            }
            try t.number(r.mean, row: row, column: c); c += 1
            try t.text(r.grade, row: row, column: c); c += 1
            try t.text(r.remark, row: row, column: c)
            row += 1
        }
        let open = report.openPeriods
        if !open.isEmpty {
            try t.note("\(RatingLabels.open)：\(open.map(\.description).joined(separator: "、"))（未记入台账，按输入计算）", row: row + 1, column: 0)
        }
        try t.finish()
    }

    func aboutLines() -> [(String, String)] {
        let rules = rating.rules.rules
        let spec = report.spec
        var lines: [(String, String)] = [
            ("镇(街道)", "\(rules.townName) (\(rules.town))"),
            ("评定期间", "\(report.period)（\(report.results.count) 个\(rules.periodKind.label)：\(report.results.map(\.period.description).joined(separator: "、"))）"),
            ("规则文件", "\((rating.rules.path as NSString).lastPathComponent) 版本 \(rules.version) SHA-256 \(rating.rules.sha256)"),
            ("平均分", "各\(rules.periodKind.label)\(spec.meanOf)之和 ÷ 在册\(rules.periodKind.label)数，四舍五入保留 \(spec.places) 位小数；只计在册的\(rules.periodKind.label)"),
            ("等次", spec.bands.map { b in b.minimum.map { "≥ \($0) \(b.name)" } ?? "其余 \(b.name)" }.joined(separator: "，")),
        ]
        for v in spec.vetoes { lines.append(("一票否决", "任一\(rules.periodKind.label)\(v.flag)为是者评为\(v.grade)，备注列出该\(rules.periodKind.label)")) }
        lines.append(("排名", "按平均分从高到低；平均分相同者并列，其后名次顺延（1、2、2、4）；并列者按编号排列"))
        for r in report.results {
            lines.append(("\(r.period)", r.closed ? "已结账（台账）" : "\(RatingLabels.open)：按输入计算"))
            for s in r.sources { lines.append((s.label, s.text)) }
        }
        lines.append(("程序版本", "gridpay \(GridpayVersion.current)"))
        return lines
    }

    func writeAbout(_ book: XLSXWorkbook, _ formats: SheetFormats) throws(XLSXError) {
        let t = try TableSheet(book, formats, name: SheetLabels.aboutSheet, title: "\(report.townName) \(report.period) \(SheetLabels.aboutSheet)",
                               columns: SheetColumn.about, dataRows: nil)
        var row = 1
        for (k, v) in aboutLines() {
            try t.text(k, row: row, column: 0)
            try t.text(v, row: row, column: 1)
            row += 1
        }
        try t.finish()
    }
}
