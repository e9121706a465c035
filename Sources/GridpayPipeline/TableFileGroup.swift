import Foundation
import GridpayCore
import GridpayCSV

/// One table's files of a period, read one after the other by one thread (a table writes only
/// its own slots): its one file, or every file its pattern (`patrol-*.csv`) matches, in name
/// order; over a longer period, each month folder's in month order (QuarterReader). Each row
/// keeps its own file and line; unique keys hold across the files.
final class TableFileGroup: @unchecked Sendable {
    let table: Int
    let spec: TableSpec
    let jobs: [TableJob]
    /// Patterns that match no file of a folder.
    let noMatches: [InputProblem]
    /// Unique keys across the files on disk (several files and a scratch folder).
    let finder: DuplicateKeyFinder?

    init(table: Int, spec: TableSpec, jobs: [TableJob], noMatches: [InputProblem], finder: DuplicateKeyFinder?) {
        self.table = table
        self.spec = spec
        self.jobs = jobs
        self.noMatches = noMatches
        self.finder = finder
    }

    /// The table's files in one month's folder, `directory`.
    convenience init(_ reading: TableReading, spec: TableSpec, directory: String, accepted: Set<RowPosition>, scratch: String?, sink: DeductionSink?) {
        let table = reading.table
        guard FilePattern.isPattern(spec.file) else {
            let job = TableJob(reading, spec: spec, directory: directory, accepted: accepted, scratch: scratch, sink: sink)
            self.init(table: table, spec: spec, jobs: [job], noMatches: [], finder: nil)
            return
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let matches = FilePattern.matching(names, pattern: spec.file)
        let noMatch = InputProblem(.missingFile, .error, file: spec.file, line: nil,
                                   message: IngestMessages.noFileMatches(spec.file, table: spec.name, names: names.sorted()), acceptable: false)
        let onDisk = scratch != nil && !reading.isRoster && !spec.uniqueKeys.isEmpty
        let finder = onDisk ? DuplicateKeyFinder(scratch: scratch!, prefix: "g\(table)-") : nil
        finder?.start(keys: spec.uniqueKeys.count)
        let keys = QuarterKeys()
        let jobs = matches.enumerated().map { n, name in
            TableJob(reading, spec: spec, directory: directory, accepted: accepted, scratch: nil, sink: sink,
                     sharedKeys: finder.map { QuarterDuplicates.MonthSink($0, month: n) }, file: name, keys: onDisk ? nil : keys)
        }
        self.init(table: table, spec: spec, jobs: jobs, noMatches: matches.isEmpty ? [noMatch] : [], finder: finder)
    }

    /// Bytes of all its files: the largest tables are read first.
    var size: Int { jobs.reduce(0) { $0 + $1.size } }

    var missingProblems: [InputProblem] { noMatches.isEmpty ? jobs.compactMap(\.missingProblem) : noMatches }

    func run(progress: RunReporter?) {
        for job in jobs where job.missingProblem == nil { job.run(progress: progress) }
        if let finder, !jobs.isEmpty {
            let spec = self.spec
            jobs[0].reportLate { _ in try QuarterDuplicates.confirm(finder, jobs: jobs, spec: spec) }
        }
    }

    /// Reads the tables concurrently, each by one thread (a table writes only its own slots),
    /// in the order given. The reading threads word their problems in the caller's language
    /// (Language.with holds for its own thread only: a rule-file test run in English, say).
    static func readConcurrently(_ groups: [TableFileGroup], threads: Int, progress: RunReporter?) {
        let next = JobQueue(count: groups.count)
        let language = Language.current
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, groups.count))) { _ in
            Language.with(language) { while let i = next.take() { groups[i].run(progress: progress) } }
        }
    }
}

/// Opens a table's CSV export in the form the rule file declares (encoding, delimiter).
enum TableFileReader {
    static func csv(_ path: String, _ spec: TableSpec) throws(CSVReadError) -> CSVReader {
        try CSVReader(path: path, encoding: spec.encoding.csvEncoding, delimiter: spec.form.delimiter)
    }
}

extension InputEncoding {
    var csvEncoding: CSVTextEncoding {
        switch self {
        case .utf8: return .utf8
        case .gb18030: return .gb18030
        case .utf16: return .utf16
        }
    }
}
