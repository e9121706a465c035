import Foundation
import GridpayCore

/// Reads a period of several months, a quarter, a half-year or a year (SPEC §8, §17): its three,
/// six or twelve month folders as one set of tables (one folder read at a time per table, so
/// memory does not grow with the months). The period's
/// workers are those on its last month's roster; every row keeps its own file
/// (`2026-07/patrol.csv`) and line; dates are checked against their own folder's month; ids
/// that must be unique are unique across the period; rows of a worker who is on their own
/// month's roster but not on the last are warned about and not counted; a worker on neither
/// is an error. A missing month folder is an error.
enum QuarterReader {
    /// `townDirectory`: the town's input folder, holding the YYYY-MM folders.
    static func read(rules: LoadedRules, quarter: CalendarPeriod, townDirectory: String, accepted: Set<RowPosition>, history: HistoryProvider?,
                     progress: RunReporter? = nil, scratch: String? = nil, keysInMemory: Int = SpillSizes.keysInMemory,
                     deductionSink: (Int) -> DeductionSink? = { _ in nil }, threads: Int = RunRequest.defaultThreads) -> MonthInputs {
        let inputs = MonthInputs(rules: rules, quarter: quarter, history: history)
        let months = quarter.months
        for m in months where !isFolder("\(townDirectory)/\(m)") {
            inputs.problems.append(InputProblem(.missingFile, .error, file: "\(m)/", line: nil,
                message: "the month folder \(m) of \(quarter) is missing (\(townDirectory)/\(m)); a \(quarter.kind.rawValue) is read from all \(quarter.kind.monthsInWords) of its months (\(months.map(\.description).joined(separator: ", ")))", acceptable: false))
        }
        guard inputs.problems.isEmpty else { return inputs }
        let ruleSet = rules.rules
        let roster = ruleSet.roster.table
        let last = months[months.count - 1]
        func label(_ m: Period, _ t: Int) -> String { "\(m)/\(ruleSet.tables[t].file)" }
        func spec(_ m: Period, _ t: Int) -> TableSpec {
            var s = ruleSet.tables[t]
            s.file = label(m, t)
            return s
        }
        // The last month's roster is the period's.
        let none = WorkerIDs()
        let keys = ruleSet.tables.indices.map { _ in QuarterKeys() }
        func file(_ m: Period, _ t: Int, departed: WorkerIDs) -> QuarterFile {
            QuarterFile(kind: quarter.kind, month: m, label: label(m, t), departed: departed, ownRoster: label(m, roster), lastRoster: label(last, roster), keys: keys[t])
        }
        let lastRoster = TableJob(table: roster, spec: spec(last, roster), directory: townDirectory, month: inputs.reading,
                                  accepted: accepted, scratch: nil, sink: nil, quarter: file(last, roster, departed: none))
        if lastRoster.missingProblem == nil { lastRoster.run(progress: progress) }
        var departedByMonth: [Period: WorkerIDs] = [last: none]
        var rosterJobs = [lastRoster]
        // Earlier months' rosters: validated, and who is on them but not on the last.
        for m in months.dropLast() {
            let own = MonthReading(rules: ruleSet, period: m)
            let job = TableJob(table: roster, spec: spec(m, roster), directory: townDirectory, month: own,
                               accepted: accepted, scratch: nil, sink: nil, quarter: file(m, roster, departed: none))
            rosterJobs.append(job)
            let departed = WorkerIDs()
            if job.missingProblem == nil {
                job.run(progress: progress)
                for id in own.ids where inputs.reading.workerIndex(id) == nil { departed.insert(id) }
            }
            departedByMonth[m] = departed
        }
        for job in rosterJobs.sorted(by: { $0.spec.file < $1.spec.file }) {
            if let missing = job.missingProblem { inputs.problems.append(missing) }
            inputs.problems.append(contentsOf: job.problems)
            if let f = job.scratchFailure { inputs.scratchFailures.append(f) }
            if let f = job.file { inputs.files.append(f) }
        }
        if inputs.problems.contains(where: { ([.missingFile, .missingColumn, .encoding, .malformedCSV].contains($0.kind) || ($0.kind == .emptyFile && $0.severity == .error)) && $0.file.hasSuffix(ruleSet.tables[roster].file) }) {
            inputs.files.sort { $0.file < $1.file }
            return inputs
        }
        inputs.reading.startRows()
        // Each table's files (three, six or twelve) are read in order by one thread (a table writes only its own
        // slots); tables are read concurrently.
        // With a scratch folder, a table's unique keys are checked across its three files on disk
        // (memory flat in rows, as a month's); without one (rule-file tests, history) in memory.
        let tables = ruleSet.tables.indices.filter { $0 != roster }
        let finders: [DuplicateKeyFinder?] = tables.map { t in
            guard let scratch, !ruleSet.tables[t].uniqueKeys.isEmpty else { return nil }
            let f = DuplicateKeyFinder(scratch: scratch, prefix: "q\(t)-", memoryLimit: keysInMemory)
            f.start(keys: ruleSet.tables[t].uniqueKeys.count)
            return f
        }
        let jobs: [[TableJob]] = tables.indices.map { i in
            let t = tables[i]
            return months.enumerated().map { n, m in
                TableJob(table: t, spec: spec(m, t), directory: townDirectory, month: inputs.reading, accepted: accepted,
                         scratch: nil, sink: deductionSink(t), quarter: file(m, t, departed: departedByMonth[m]!),
                         sharedKeys: finders[i].map { QuarterDuplicates.MonthSink($0, month: n) })
            }
        }
        let next = JobQueue(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, jobs.count))) { _ in
            while let i = next.take() {
                for job in jobs[i] where job.missingProblem == nil { job.run(progress: progress) }
                if let finder = finders[i] {
                    let spec = ruleSet.tables[tables[i]]
                    jobs[i][0].reportLate { _ in try QuarterDuplicates.confirm(finder, jobs: jobs[i], spec: spec) }
                }
            }
        }
        for job in jobs.joined() {
            if let missing = job.missingProblem { inputs.problems.append(missing) }
            inputs.problems.append(contentsOf: job.problems)
            if let f = job.scratchFailure { inputs.scratchFailures.append(f) }
            if let f = job.file { inputs.files.append(f) }
            // Per-row deductions kept in memory (explain, rule-file tests), tables in rule-file order.
            if let own = job.ingest.ownDeductions { inputs.reading.adopt(own) }
        }
        inputs.files.sort { $0.file < $1.file }
        return inputs
    }

    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
