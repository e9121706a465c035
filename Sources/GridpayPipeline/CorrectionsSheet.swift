import GridpayCore
import GridpayXLSX

/// 往期更正 (SPEC §9): the sheet of a run that carries corrections of closed periods into its pay,
/// and the 往期调整 column they add to the pay rows (PayRow).
extension SheetLabels {
    static let priorAdjustment = "往期调整"
    static let correctionSheet = ProductSheetNames.corrections
}

extension WorkbookWriter {
    /// 往期更正: every value of a closed period that a correction changed, and what it moves.
    func writeCorrections(_ book: XLSXWorkbook, _ s: SheetFormats, _ carried: CarriedCorrections) throws(XLSXError) {
        let columns = [SheetColumn(SheetLabels.roster(rules)[0], .text), SheetColumn(SheetLabels.roster(rules)[1], .text),
                       SheetColumn("更正期间", .centered), SheetColumn("项目", .text),
                       SheetColumn("原公布值", .score), SheetColumn("更正值", .score)]
        let ws = try sheet(book, SheetLabels.correctionSheet, columns, dataRows: carried.lines.count, s)
        var row = 1
        for l in carried.lines {
            let texts = [l.workerID, l.name, l.period, l.item]
            for (c, t) in texts.enumerated() { try ws.text(t, row: row, column: c) }
            // The values after the texts: a number where the value is one, else as recorded ("" off the roster).
            for (k, v) in [l.published, l.corrected].enumerated() {
                let c = texts.count + k
                if let n = ExactNumber(decimalText: v) { try ws.number(n, row: row, column: c) } else { try ws.text(v, row: row, column: c) }
            }
            row += 1
        }
        try ws.finish()
    }
}
