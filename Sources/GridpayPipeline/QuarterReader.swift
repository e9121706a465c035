import Foundation
import GridpayCore

/// Reads a period of several months, a quarter, a half-year or a year (SPEC §8, §17): its three,
/// six or twelve month folders as one set of tables (one folder read at a time per table, so
/// memory does not grow with the months). The period's
/// workers are those on its last month's roster; every row keeps its own file
/// (`2026-07/patrol.csv`) and line; dates are checked against their own folder's month; ids
/// that must be unique are unique across the period; rows of a worker who is on their own
/// month's roster but not on the last are warned about and not counted; a worker on neither
/// is an error. A missing month folder is an error. A table whose `file` is a pattern
/// (`patrol-*.csv`, SPEC §16) is read from every match in each month's folder, in name order.
enum QuarterReader {
    /// `townDirectory`: the town's input folder, holding the YYYY-MM folders.
    static func read(rules: LoadedRules, quarter: CalendarPeriod, townDirectory: String, accepted: Set<RowPosition>, history: HistoryProvider?,
                     progress: RunReporter? = nil, scratch: String? = nil, keysInMemory: Int = SpillSizes.keysInMemory,
                     deductionSink: (Int) -> DeductionSink? = { _ in nil }, threads: Int = RunRequest.defaultThreads,
                     countsAccepted: Bool = false) -> MonthInputs {
        let inputs = MonthInputs(rules: rules, quarter: quarter, history: history, countsAcceptedRows: countsAccepted)
        let folders = PeriodFolders(rules: rules.rules, quarter: quarter, townDirectory: townDirectory, accepted: accepted)
        inputs.problems.append(contentsOf: folders.missingFolders())
        guard inputs.problems.isEmpty else { return inputs }
        let departed = readRosters(folders, into: inputs, progress: progress)
        if rosterUnusable(inputs.problems) {
            inputs.files.sort { $0.file < $1.file }
            return inputs
        }
        let reading = inputs.reading
        let tables = folders.ruleSet.tables.indices.filter { $0 != folders.roster }
        let groups = tables.map { t in
            TableFileGroup(.rows(table: t, reading), folders: folders, departed: departed, scratch: scratch,
                           keysInMemory: keysInMemory, sink: deductionSink(t))
        }
        TableFileGroup.readConcurrently(groups, threads: threads, progress: progress)
        for group in groups { inputs.collect(group) }
        inputs.files.sort { $0.file < $1.file }
        return inputs
    }

    /// The rosters, the last month's first (the period's workers); then each earlier month's,
    /// validated, and who is on it but not on the last (their rows are warned about, not counted).
    static func readRosters(_ folders: PeriodFolders, into inputs: MonthInputs, progress: RunReporter?) -> [Period: WorkerIDs] {
        let none = WorkerIDs()
        let lastJobs = folders.jobs(folders.last, .roster(inputs.roster), sink: nil, departed: none)
        for job in lastJobs.jobs where job.missingProblem == nil { job.run(progress: progress) }
        var departedByMonth: [Period: WorkerIDs] = [folders.last: none]
        var jobs = lastJobs.jobs
        var noMatches = lastJobs.noMatch.map { [$0] } ?? []
        for m in folders.months.dropLast() {
            let own = RosterReading(rules: folders.ruleSet, period: m)
            let monthJobs = folders.jobs(m, .roster(own), sink: nil, departed: none)
            jobs += monthJobs.jobs
            if let noMatch = monthJobs.noMatch { noMatches.append(noMatch) }
            let departed = WorkerIDs()
            for job in monthJobs.jobs where job.missingProblem == nil { job.run(progress: progress) }
            if monthJobs.jobs.contains(where: { $0.missingProblem == nil }) {
                for id in own.ids where inputs.reading.workerIndex(id) == nil { departed.insert(id) }
            }
            departedByMonth[m] = departed
        }
        inputs.problems.append(contentsOf: noMatches)
        inputs.collect(jobs.sorted { $0.spec.file < $1.spec.file })
        return departedByMonth
    }

    /// The rosters' problems that leave the period without workers: no table is read then.
    static func rosterUnusable(_ problems: [InputProblem]) -> Bool {
        problems.contains { [.missingFile, .missingColumn, .encoding, .malformedCSV].contains($0.kind) || ($0.kind == .emptyFile && $0.severity == .error) }
    }

    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}

/// A longer period's month folders, and how each table's files in them are named and read.
struct PeriodFolders {
    let ruleSet: RuleSet
    let quarter: CalendarPeriod
    let months: [Period]
    let last: Period
    let roster: Int
    let townDirectory: String
    let accepted: Set<RowPosition>
    /// Per table, its unique keys across the period's files (checked in memory).
    let keys: [QuarterKeys]

    init(rules: RuleSet, quarter: CalendarPeriod, townDirectory: String, accepted: Set<RowPosition>) {
        ruleSet = rules
        self.quarter = quarter
        months = quarter.months
        last = months[months.count - 1]
        roster = rules.roster.table
        self.townDirectory = townDirectory
        self.accepted = accepted
        keys = rules.tables.indices.map { _ in QuarterKeys() }
    }

    /// A missing month folder is an error: a period is read from all of its months.
    func missingFolders() -> [InputProblem] {
        months.filter { !QuarterReader.isFolder("\(townDirectory)/\($0)") }.map { m in
            InputProblem(.missingFile, .error, file: "\(m)/", line: nil,
                message: PeriodFolderMessages.missingMonthFolder("\(m)", of: "\(quarter)", folder: "\(townDirectory)/\(m)", kind: quarter.kind,
                                                             months: months.map(\.description)), acceptable: false)
        }
    }

    /// The table's declared file in month m's folder, as rows and problems name it (`2026-07/patrol.csv`).
    func label(_ m: Period, _ t: Int) -> String { "\(m)/\(ruleSet.tables[t].file)" }

    /// The table's files in month m's folder: its file, or every match of its pattern in name order
    /// (none: a problem, the table's files of that month are then missing).
    func files(_ m: Period, _ t: Int) -> (names: [String], noMatch: InputProblem?) {
        let declared = ruleSet.tables[t].file
        guard FilePattern.isPattern(declared) else { return ([declared], nil) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(townDirectory)/\(m)")) ?? []
        let matches = FilePattern.matching(names, pattern: declared)
        guard matches.isEmpty else { return (matches, nil) }
        return ([], InputProblem(.missingFile, .error, file: label(m, t), line: nil,
                                 message: IngestMessages.noFileMatches(label(m, t), table: ruleSet.tables[t].name, names: names.sorted()), acceptable: false))
    }

    /// A job per file of the table in month m's folder. `sharedKeys`: per file's position in the
    /// table's jobs of the period, the sink of its keys on disk (nil: in memory).
    func jobs(_ m: Period, _ reading: TableReading, sink: DeductionSink?, departed: WorkerIDs,
              sharedKeys: (Int) -> UniqueKeySink? = { _ in nil }, firstPosition: Int = 0) -> (jobs: [TableJob], noMatch: InputProblem?) {
        let t = reading.table
        let (names, noMatch) = files(m, t)
        let isPattern = FilePattern.isPattern(ruleSet.tables[t].file)
        let jobs = names.enumerated().map { n, name in
            // A pattern's match keeps the pattern as its declared file (说明: 由 marks-*.csv 匹配).
            let file = "\(m)/\(name)"
            let spec = isPattern ? ruleSet.tables[t] : ruleSet.tables[t].with(file: file)
            let quarterFile = QuarterFile(kind: quarter.kind, month: m, label: file, departed: departed, ownRoster: label(m, roster),
                                          lastRoster: label(last, roster), keys: keys[t])
            return TableJob(reading, spec: spec, directory: townDirectory, accepted: accepted, scratch: nil, sink: sink,
                            quarter: quarterFile, sharedKeys: sharedKeys(firstPosition + n), file: isPattern ? file : nil)
        }
        return (jobs, noMatch)
    }
}

extension TableFileGroup {
    /// One table's files over a longer period, each month folder's in month order. With a
    /// scratch folder its unique keys are checked across the files on disk (memory flat in rows,
    /// as a month's); without one (rule-file tests, history) in memory.
    convenience init(_ reading: TableReading, folders: PeriodFolders, departed: [Period: WorkerIDs], scratch: String?, keysInMemory: Int, sink: DeductionSink?) {
        let t = reading.table
        let spec = folders.ruleSet.tables[t]
        var finder: DuplicateKeyFinder?
        if let scratch, !spec.uniqueKeys.isEmpty {
            finder = DuplicateKeyFinder(scratch: scratch, prefix: "q\(t)-", memoryLimit: keysInMemory)
            finder?.start(keys: spec.uniqueKeys.count)
        }
        var jobs: [TableJob] = []
        var noMatches: [InputProblem] = []
        for m in folders.months {
            let monthJobs = folders.jobs(m, reading, sink: sink, departed: departed[m]!,
                                         sharedKeys: { n in finder.map { QuarterDuplicates.MonthSink($0, month: n) } }, firstPosition: jobs.count)
            jobs += monthJobs.jobs
            if let noMatch = monthJobs.noMatch { noMatches.append(noMatch) }
        }
        self.init(table: t, spec: spec, jobs: jobs, noMatches: noMatches, finder: finder)
    }
}
