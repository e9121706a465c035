import Foundation
import GridpayCore
import GridpayCSV

/// One table's files of a period: its one file, or every file its pattern (`patrol-*.csv`)
/// matches, in name order, each row keeping its own file and line. The files are read one after
/// the other by one thread (a table writes only its own slots); unique keys hold across them.
final class TableFileGroup: @unchecked Sendable {
    let table: Int
    let spec: TableSpec
    let jobs: [TableJob]
    /// A pattern that matches no file of the folder.
    let noMatch: InputProblem?
    /// Unique keys across the files on disk (several files and a scratch folder).
    let finder: DuplicateKeyFinder?

    init(table: Int, spec: TableSpec, directory: String, month: MonthReading, accepted: Set<RowPosition>, scratch: String?, sink: DeductionSink?) {
        self.table = table
        self.spec = spec
        guard FilePattern.isPattern(spec.file) else {
            jobs = [TableJob(table: table, spec: spec, directory: directory, month: month, accepted: accepted, scratch: scratch, sink: sink)]
            noMatch = nil
            finder = nil
            return
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let matches = FilePattern.matching(names, pattern: spec.file)
        noMatch = matches.isEmpty
            ? InputProblem(.missingFile, .error, file: spec.file, line: nil,
                           message: IngestMessages.noFileMatches(spec.file, table: spec.name, names: names.sorted()), acceptable: false)
            : nil
        let isRoster = table == month.rules.roster.table
        let onDisk = scratch != nil && !isRoster && !spec.uniqueKeys.isEmpty
        let finder = onDisk ? DuplicateKeyFinder(scratch: scratch!, prefix: "g\(table)-") : nil
        finder?.start(keys: spec.uniqueKeys.count)
        self.finder = finder
        let keys = QuarterKeys()
        jobs = matches.enumerated().map { n, name in
            TableJob(table: table, spec: spec, directory: directory, month: month, accepted: accepted, scratch: nil, sink: sink,
                     sharedKeys: finder.map { QuarterDuplicates.MonthSink($0, month: n) }, file: name, keys: onDisk ? nil : keys)
        }
    }

    /// Bytes of all its files: the largest tables are read first.
    var size: Int { jobs.reduce(0) { $0 + $1.size } }

    var missingProblems: [InputProblem] { noMatch.map { [$0] } ?? jobs.compactMap(\.missingProblem) }

    func run(progress: RunReporter?) {
        for job in jobs where job.missingProblem == nil { job.run(progress: progress) }
        if let finder, !jobs.isEmpty {
            let spec = self.spec
            jobs[0].reportLate { _ in try QuarterDuplicates.confirm(finder, jobs: jobs, spec: spec) }
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
