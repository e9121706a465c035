import Foundation
import GridpayCore

/// The cells of input rows named by file and line, as their export holds them (the console shows
/// them beside a worker's explanation, SPEC §14: "the same content as `explain`, with the input
/// rows' cells"). Read again from the files (a run keeps no rows), by the table's own reader: a
/// CSV in its declared encoding and delimiter, an XLSX or XLS sheet.
public enum InputRowCells {
    public struct Cell: Sendable, Codable, Equatable {
        public var column: String
        public var value: String
    }

    public struct Row: Sendable, Codable, Equatable {
        /// As explain names it: `events.csv`, or `2026-07/events.csv` in a longer period.
        public var file: String
        public var line: Int
        public var cells: [Cell]
    }

    /// The rows of `refs` that can be read, in the order of `refs`. `folder`: the town's input
    /// folder (`Input/<town>`); a month's files are in its folder, a longer period's are named
    /// with theirs. A file that no table declares, or that cannot be read, gives no rows.
    public static func read(_ refs: [(file: String, line: Int)], rules: RuleSet, folder: String, period: CalendarPeriod) -> [Row] {
        var wanted: [String: Set<Int>] = [:]
        for r in refs { wanted[r.file, default: []].insert(r.line) }
        var found: [String: [Int: [Cell]]] = [:]
        for (file, lines) in wanted {
            let name = (file as NSString).lastPathComponent
            guard let table = rules.tables.first(where: { $0.file == name || FilePattern.isPattern($0.file) && FilePattern.matches(name, pattern: $0.file) })
            else { continue }
            let path = period.kind == .month ? "\(folder)/\(period)/\(file)" : "\(folder)/\(file)"
            found[file] = try? cells(path: path, spec: table, lines: lines)
        }
        var out: [Row] = [], seen = Set<String>()
        for r in refs where seen.insert("\(r.line):\(r.file)").inserted {
            if let cells = found[r.file]?[r.line] { out.append(Row(file: r.file, line: r.line, cells: cells)) }
        }
        return out
    }

    /// The header's names paired with each wanted line's values (a value past the header's end
    /// under an empty name).
    static func cells(path: String, spec: TableSpec, lines: Set<Int>) throws -> [Int: [Cell]] {
        var header: [String]? = nil
        var out: [Int: [Cell]] = [:]
        func take(_ line: Int, _ count: Int, _ string: (Int) -> String) {
            guard let names = header else {
                if line >= spec.form.headerRow { header = (0..<count).map(string) }
                return
            }
            guard lines.contains(line) else { return }
            out[line] = (0..<max(count, names.count)).map { i in
                Cell(column: i < names.count ? names[i] : "", value: i < count ? string(i) : "")
            }
        }
        if spec.form.format != .csv {
            try WorkbookTableReader.forEachRow(path: path, spec: spec) { r in take(r.line, r.count, r.string) }
        } else {
            try TableFileReader.csv(path, spec).forEachRawRecord { r in take(r.line, r.count, r.string) }
        }
        return out
    }
}
