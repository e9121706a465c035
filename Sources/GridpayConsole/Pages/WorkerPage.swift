import Foundation
import GridpayPipeline

/// A worker's explanation on its page: explain's text line by line, each input row it names shown
/// under the first line naming it, as a table of the row's header names and values with its
/// file:line (SPEC §14).
enum WorkerPage {
    static func explanation(_ w: Explain.Worker) -> String {
        let e = Page.escape
        var pending = w.rows
        var out = "<div class=\"explain\" id=\"explanation\">"
        for line in w.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(w.text.hasSuffix("\n") ? 1 : 0) {
            out += "<div class=\"ex-line\">\(line.isEmpty ? "&#8203;" : e(String(line)))</div>"
            let named = pending.filter { names(line, $0, rosterAt: w.rosterAt) }
            pending.removeAll { names(line, $0, rosterAt: w.rosterAt) }
            out += named.map(table).joined()
        }
        // A row no line names (none today): after the text, not lost.
        return out + pending.map(table).joined() + "</div>"
    }

    /// Whether the text line names the row: `[file:line]` (or one of a bracket's list), or, for
    /// the roster's row, explain's second line naming it by its line (名册第 N 行, the core's
    /// wording in Explanation.text).
    static func names(_ line: Substring, _ row: InputRowCells.Row, rosterAt: String) -> Bool {
        let at = "\(row.file):\(row.line)"
        return Explain.citations(String(line)).contains { "\($0.file):\($0.line)" == at }
            || at == rosterAt && line.contains("名册第 \(row.line) 行")
    }

    static func table(_ row: InputRowCells.Row) -> String {
        let e = Page.escape
        return "<table class=\"cells\"><caption>\(e(row.file)):\(row.line)</caption><thead><tr>"
            + row.cells.map { "<th>\(e($0.column))</th>" }.joined() + "</tr></thead><tbody><tr>"
            + row.cells.map { "<td>\(e($0.value))</td>" }.joined() + "</tr></tbody></table>"
    }
}
