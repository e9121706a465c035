import Foundation
import GridpayCore
import GridpayPipeline

/// A run's answer (SPEC §14: `{"ok", "workers", "total_payable", "problems"}`), with what the
/// period's page shows beside it. Amounts are strings with two decimals.
public struct RunOutcome: Codable, Sendable {
    public struct Problem: Codable, Sendable, Equatable {
        public var severity: String
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var message: String
    }
    public struct Acceptance: Codable, Sendable, Equatable {
        public var row: String
        public var reason: String
    }
    public var ok: Bool
    public var workers: Int?
    public var total_payable: String?
    public var problems: [Problem]
    public var files: [String]
    public var accepted: [Acceptance]
    /// The total payable of the previous successful run of this period, and of the previous period.
    public var previous_run_total: String?
    public var previous_period_total: String?
    public var by: String
    public var at: String

    enum CodingKeys: String, CodingKey {
        case ok, workers, total_payable, problems, files, accepted, previous_run_total, previous_period_total, by, at
    }

    /// Absent values are written as null, so that every key is always there.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ok, forKey: .ok)
        try c.encode(workers, forKey: .workers)
        try c.encode(total_payable, forKey: .total_payable)
        try c.encode(problems, forKey: .problems)
        try c.encode(files, forKey: .files)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(previous_run_total, forKey: .previous_run_total)
        try c.encode(previous_period_total, forKey: .previous_period_total)
        try c.encode(by, forKey: .by)
        try c.encode(at, forKey: .at)
    }
}

/// Positions and messages without the server's folders: `Input/qinghe/2026-10/events.csv`
/// becomes `events.csv` (as the rule file names it), any other folder its short name.
struct PathScrubber {
    let replacements: [(String, String)]

    init(_ folders: ConsoleFolders) {
        var r: [(String, String)] = []
        for (dir, name) in [(folders.inputDir, "Input"), (folders.rulesDir, "Rules"), (folders.outputDir, "Output"), (folders.ledgerDir, "Ledger")] {
            let absolute = URL(fileURLWithPath: dir).standardizedFileURL.path
            r.append((absolute, name))
            if dir != absolute { r.append((dir, name)) }
        }
        r.append((FileManager.default.temporaryDirectory.path, "tmp"))
        // The longest first, so that a folder inside another is replaced whole.
        replacements = r.sorted { $0.0.count > $1.0.count }
    }

    func scrub(_ text: String) -> String {
        var t = text
        for (from, to) in replacements where !from.isEmpty && from != "." { t = t.replacingOccurrences(of: from, with: to) }
        return t
    }

    /// A diagnostic's file as the clerk knows it: relative to the period's input folder.
    func file(_ path: String, town: String, period: CalendarPeriod) -> String {
        let s = scrub(path)
        let prefix = period.kind == .month ? "Input/\(town)/\(period)/" : "Input/\(town)/"
        return s.hasPrefix(prefix) ? String(s.dropFirst(prefix.count)) : s
    }

    func problem(_ d: Diagnostic, town: String, period: CalendarPeriod) -> RunOutcome.Problem {
        RunOutcome.Problem(severity: d.severity.rawValue, file: d.location.map { file($0.file, town: town, period: period) },
                           line: d.location?.line, column: d.location?.column, message: scrub(d.message))
    }
}

/// The pay CSV read back: its workers' 实发绩效 summed (the run's total payable).
enum PayTotals {
    /// The pay CSVs read, kept while each file stays as it was (the period's page lists its workers on every view).
    static let read = StatCache<[[String]]?>()

    /// The records of a pay CSV (its BOM dropped); nil when there is no such file.
    static func rows(payCSV path: String) -> [[String]]? {
        read.value(path, paths: [path]) {
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return records(text)
        }
    }

    static func total(payCSV path: String) -> ExactNumber? {
        guard let rows = rows(payCSV: path), let header = rows.first, let column = PayRow.payableColumn(in: header) else { return nil }
        var total = ExactNumber.zero
        for row in rows.dropFirst() where row.count > column {
            guard let n = ExactNumber(decimalText: row[column]), let sum = try? total.adding(n) else { return nil }
            total = sum
        }
        return total
    }

    /// RFC 4180 records (quoted fields may hold commas, quotes and line ends), read on UTF-8 bytes.
    static func records(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field: [UInt8] = [], quoted = false
        let bytes = Array(text.utf8)
        var i = 0
        func endField() { row.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 1 } else { quoted = false }
                } else { field.append(b) }
            } else if b == UInt8(ascii: "\"") { quoted = true }
            else if b == UInt8(ascii: ",") { endField() }
            else if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                if b == UInt8(ascii: "\r") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                endField(); rows.append(row); row = []
            } else { field.append(b) }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { endField(); rows.append(row) }
        return rows
    }
}
