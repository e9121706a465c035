import Foundation
import GridpayCore
import GridpayCSV

/// Unique keys across a quarter's three files of one table, found in bounded memory as a month's
/// are (DuplicateKeyFinder: 64-bit hashes, spilled to partition files past a limit, equal hashes
/// confirmed by reading those lines' key text again). Each file's lines are tagged with its
/// month's position in the quarter, so one finder serves the three files.
enum QuarterDuplicates {
    /// Bits below the month's position: a line number of a file (far more than a CSV file holds).
    static let lineBits: UInt64 = 40

    /// What one month's TableIngest hands its keys to.
    final class MonthSink: UniqueKeySink {
        let finder: DuplicateKeyFinder
        let month: Int
        init(_ finder: DuplicateKeyFinder, month: Int) {
            self.finder = finder
            self.month = month
        }
        func add(key: Int, hash: UInt64, line: Int) {
            finder.add(key: key, hash: hash, line: Int(UInt64(month) << lineBits | UInt64(line)))
        }
    }

    /// After the table's files (`jobs`, in month order) were read: each key text used again is a
    /// duplicate at the later row, naming where it was first used (`2026-07/tasks.csv:12`).
    static func confirm(_ finder: DuplicateKeyFinder, jobs: [TableJob], spec: TableSpec) throws {
        var groupsByKey: [Int: [[Int]]] = [:]
        for k in spec.uniqueKeys.indices {
            let groups = try finder.candidateGroups(key: k)
            if !groups.isEmpty { groupsByKey[k] = groups }
        }
        guard !groupsByKey.isEmpty else { return }
        let mask = (UInt64(1) << lineBits) - 1
        func split(_ tagged: Int) -> (month: Int, line: Int) { (Int(UInt64(tagged) >> lineBits), Int(UInt64(tagged) & mask)) }
        // The key texts of just the lines that share a hash, file by file.
        var wanted: [Int: Set<Int>] = [:]
        for groups in groupsByKey.values { for g in groups { for t in g { let (m, l) = split(t); wanted[m, default: []].insert(l) } } }
        var keyText: [Int: [Int: [String]]] = [:]  // tagged line → texts per key
        for (m, lines) in wanted {
            let job = jobs[m]
            let fields = job.ingest.fieldIndices
            guard !fields.isEmpty else { continue }
            let reader = try CSVReader(path: job.path, encoding: spec.encoding == .gb18030 ? .gb18030 : .utf8)
            try reader.forEachRawRecord { r in
                guard lines.contains(r.line), r.count > (fields.max() ?? 0) else { return }
                let tagged = Int(UInt64(m) << lineBits | UInt64(r.line))
                for (k, key) in spec.uniqueKeys.enumerated() { keyText[k, default: [:]][tagged] = key.map { r.string(fields[$0]) } }
            }
        }
        var found: [(tagged: Int, key: Int, text: [String], first: Int)] = []
        for (k, groups) in groupsByKey {
            for group in groups {
                var first: [[[UInt8]]: Int] = [:]
                for tagged in group.sorted() {
                    guard let text = keyText[k]?[tagged] else { continue }
                    let bytes = text.map { Array($0.utf8) }  // compared by code points, as a month's are
                    if let f = first[bytes] { found.append((tagged, k, text, f)) } else { first[bytes] = tagged }
                }
            }
        }
        for d in found.sorted(by: { ($0.tagged, $0.key) < ($1.tagged, $1.key) }) {
            let (m, line) = split(d.tagged), (fm, firstLine) = split(d.first)
            jobs[m].reportLate { $0.reportDuplicate(key: d.key, values: d.text, line: line, firstLine: firstLine, firstFile: jobs[fm].spec.file) }
        }
    }
}
