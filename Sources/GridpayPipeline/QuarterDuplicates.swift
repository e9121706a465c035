import Foundation
import GridpayCore
import GridpayCSV

/// Confirms a DuplicateKeyFinder's candidates: the lines that share a key hash are read again, and
/// only equal key texts (compared by code points, as ids are everywhere) are duplicates. One
/// function for a month's file and for a table's three files across a quarter, whose lines reach
/// the finder tagged with the file's position (`tag`); a month's file is position 0, its lines
/// untagged.
enum DuplicateConfirmation {
    /// Bits below the file's position: a line number of a file (far more than a CSV file holds).
    static let lineBits: UInt64 = 40

    static func tag(file: Int, line: Int) -> Int { Int(UInt64(file) << lineBits | UInt64(line)) }

    static func split(_ tagged: Int) -> (file: Int, line: Int) {
        (Int(UInt64(tagged) >> lineBits), Int(UInt64(tagged) & ((UInt64(1) << lineBits) - 1)))
    }

    struct Duplicate {
        var file: Int, line: Int, key: Int, values: [String], firstFile: Int, firstLine: Int
    }

    /// `files`: each file's path and its ingest's field indices, in the order of their tags.
    /// The duplicates come in file, line and key order.
    static func find(_ finder: DuplicateKeyFinder, spec: TableSpec, files: [(path: String, fields: [Int])]) throws -> [Duplicate] {
        var groupsByKey: [Int: [[Int]]] = [:]
        for k in spec.uniqueKeys.indices {
            let groups = try finder.candidateGroups(key: k)
            if !groups.isEmpty { groupsByKey[k] = groups }
        }
        guard !groupsByKey.isEmpty else { return [] }
        var wanted: [Int: Set<Int>] = [:]
        for groups in groupsByKey.values { for g in groups { for t in g { let (f, l) = split(t); wanted[f, default: []].insert(l) } } }
        var keyText: [Int: [Int: [String]]] = [:]  // key → tagged line → its cells
        for (f, lines) in wanted {
            let fields = files[f].fields
            guard !fields.isEmpty else { continue }
            func take(_ line: Int, _ count: Int, _ string: (Int) -> String) {
                guard lines.contains(line), count > (fields.max() ?? 0) else { return }
                for (k, key) in spec.uniqueKeys.enumerated() { keyText[k, default: [:]][tag(file: f, line: line)] = key.map { string(fields[$0]) } }
            }
            if spec.form.format != .csv {
                try WorkbookTableReader.forEachRow(path: files[f].path, spec: spec) { r in take(r.line, r.count, r.string) }
            } else {
                try TableFileReader.csv(files[f].path, spec).forEachRawRecord { r in take(r.line, r.count, r.string) }
            }
        }
        var found: [(tagged: Int, key: Int, text: [String], first: Int)] = []
        for (k, groups) in groupsByKey {
            for group in groups {
                var first: [[[UInt8]]: Int] = [:]
                for tagged in group.sorted() {
                    guard let text = keyText[k]?[tagged] else { continue }
                    let bytes = text.map { Array($0.utf8) }
                    if let f = first[bytes] { found.append((tagged, k, text, f)) } else { first[bytes] = tagged }
                }
            }
        }
        return found.sorted { ($0.tagged, $0.key) < ($1.tagged, $1.key) }.map { d in
            let (f, line) = split(d.tagged), (ff, firstLine) = split(d.first)
            return Duplicate(file: f, line: line, key: d.key, values: d.text, firstFile: ff, firstLine: firstLine)
        }
    }
}

/// Unique keys across a quarter's three files of one table, found in bounded memory as a month's
/// are: one DuplicateKeyFinder serves the three files, each file's lines tagged with its month's
/// position in the quarter.
enum QuarterDuplicates {
    /// What one month's TableIngest hands its keys to.
    final class MonthSink: UniqueKeySink {
        let finder: DuplicateKeyFinder
        let month: Int
        init(_ finder: DuplicateKeyFinder, month: Int) {
            self.finder = finder
            self.month = month
        }
        func add(key: Int, hash: UInt64, line: Int) {
            finder.add(key: key, hash: hash, line: DuplicateConfirmation.tag(file: month, line: line))
        }
    }

    /// After the table's files (`jobs`, in month order) were read: each key text used again is a
    /// duplicate at the later row, naming where it was first used (`2026-07/tasks.csv:12`).
    static func confirm(_ finder: DuplicateKeyFinder, jobs: [TableJob], spec: TableSpec) throws {
        for d in try DuplicateConfirmation.find(finder, spec: spec, files: jobs.map { ($0.path, $0.ingest.fieldIndices) }) {
            jobs[d.file].reportLate {
                $0.reportDuplicate(key: d.key, values: d.values, line: d.line, firstLine: d.firstLine, firstFile: jobs[d.firstFile].spec.file)
            }
        }
    }
}
