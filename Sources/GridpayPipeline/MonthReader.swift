import Foundation
import GridpayCore
import GridpayHash
import GridpayCSV
import GridpayXLSXReader

/// What was read for one input file, for the manifest and the 说明 sheet.
public struct InputFileRecord: Sendable {
    public var file: String
    public var sha256: String
    public var bytes: Int
    public var rowsRead: Int
    public var rowsUsed: Int
    /// The form it was read in (SPEC §16): format, encoding as found, delimiter or sheet, header row.
    public var form: String
}

/// One month's inputs read and aggregated under one rule version.
public final class MonthInputs {
    public let rules: LoadedRules
    public let period: Period
    /// The period's roster as it is read, first (MonthReader, QuarterReader).
    let roster: RosterReading
    /// The period's other tables as they are read: made at first use, once the roster's files are
    /// read, from the roster as read then (frozen: no row is counted against half a roster).
    private(set) lazy var reading = MonthReading(roster: roster.finish(), countsAcceptedRows: countsAcceptedRows)
    /// The second reading of a run with accepted rows: they are counted (MonthReading).
    let countsAcceptedRows: Bool
    let history: HistoryProvider?
    /// The period scored from what was read: created on first use, once every table is read.
    public private(set) lazy var scoring = MonthScoring(reading.finish(), history: history)
    public internal(set) var problems: [InputProblem] = []
    /// What each accepted row leaves out (SPEC §15).
    public internal(set) var acceptedEffects: [AcceptedRowEffect] = []
    /// The file-level causes of the problems (SPEC §15).
    public internal(set) var causes: [FileLevelCause] = []
    public internal(set) var files: [InputFileRecord] = []
    /// Scratch files that could not be written (a full temporary folder): not an input problem.
    public internal(set) var scratchFailures: [String] = []

    init(rules: LoadedRules, period: Period, history: HistoryProvider?, countsAcceptedRows: Bool = false) {
        self.rules = rules
        self.period = period
        self.history = history
        self.countsAcceptedRows = countsAcceptedRows
        roster = RosterReading(rules: rules.rules, period: period)
    }

    /// A quarter's inputs (its files are named `YYYY-MM/<file>`); `period` is its last month.
    init(rules: LoadedRules, quarter: CalendarPeriod, history: HistoryProvider?, countsAcceptedRows: Bool = false) {
        self.rules = rules
        self.period = quarter.lastMonth
        self.history = history
        self.countsAcceptedRows = countsAcceptedRows
        roster = RosterReading(rules: rules.rules, span: quarter)
    }

    public var blockingProblems: [InputProblem] { problems.filter(\.blocks) }

    /// A table's files' problems (a pattern without a match first), then its jobs'.
    func collect(_ group: TableFileGroup) {
        problems.append(contentsOf: group.noMatches)
        collect(group.jobs)
    }

    /// Files' problems, records and per-row deductions kept in memory (for explain and rule-file
    /// tests), in the order given: tables in rule-file order, a table's files in name order.
    func collect(_ jobs: [TableJob]) {
        for job in jobs {
            if let f = job.scratchFailure { scratchFailures.append(f) }
            if let own = job.ingest.ownDeductions { reading.adopt(own) }
            if let missing = job.missingProblem { problems.append(missing) }
            problems.append(contentsOf: job.problems)
            acceptedEffects += job.ingest.acceptedEffects
            causes += job.ingest.causes
            if let file = job.file { files.append(file) }
        }
    }
}

public enum MonthReader {
    /// Reads every declared input of the month (roster first), streaming each file once, and
    /// collects every problem instead of stopping at the first.
    /// With `scratch`, duplicate keys are found in bounded memory with spill files there;
    /// without it (small inputs: rule-file tests), in memory. `deductionSink` gives each table's
    /// sink for per-row deductions (nil: kept in memory).
    ///
    /// The roster is read first; then the other tables are read concurrently, largest first,
    /// each by one thread: a table writes only its own accumulator slots, problems and spill
    /// files, and everything is put together in rule-file order, so the result is the same at
    /// any thread count.
    public static func read(rules: LoadedRules, period: Period, directory: String, accepted: Set<RowPosition>, history: HistoryProvider?,
                            progress: RunReporter? = nil, scratch: String? = nil,
                            deductionSink: (Int) -> DeductionSink? = { _ in nil }, threads: Int = RunRequest.defaultThreads,
                            countsAccepted: Bool = false) -> MonthInputs {
        let month = MonthInputs(rules: rules, period: period, history: history, countsAcceptedRows: countsAccepted)
        let ruleSet = rules.rules
        let roster = ruleSet.roster.table
        let rosterFiles = TableFileGroup(.roster(month.roster), spec: ruleSet.tables[roster], directory: directory,
                                         accepted: accepted, scratch: scratch, sink: nil)
        let rosterMissing = rosterFiles.missingProblems
        if !rosterMissing.isEmpty {
            month.problems.append(contentsOf: rosterMissing)
            return month
        }
        rosterFiles.run(progress: progress)
        month.collect(rosterFiles)
        // Without a complete roster every other row would be reported as an unknown worker.
        if month.problems.contains(where: { [.missingColumn, .encoding, .malformedCSV, .emptyFile, .layout].contains($0.kind) && $0.severity == .error && !$0.acceptable }) {
            month.files.sort { $0.file < $1.file }
            return month
        }
        let reading = month.reading
        let groups = ruleSet.tables.indices.filter { $0 != roster }.map { t in
            TableFileGroup(.rows(table: t, reading), spec: ruleSet.tables[t], directory: directory,
                           accepted: accepted, scratch: scratch, sink: deductionSink(t))
        }
        let runnable = groups.filter { $0.noMatches.isEmpty }.sorted { ($0.size, $1.table) > ($1.size, $0.table) }
        TableFileGroup.readConcurrently(runnable, threads: threads, progress: progress)
        for group in groups { month.collect(group) }
        month.causes += RosterCauses.mistyped(groups.flatMap { $0.jobs.map(\.ingest) }, roster: reading.roster)
        month.files.sort { $0.file < $1.file }
        return month
    }

    /// Lines that share a key hash are read again, and only equal key texts are duplicates.
    static func confirmDuplicates(_ finder: DuplicateKeyFinder, ingest: TableIngest, spec: TableSpec, path: String) throws {
        for d in try DuplicateConfirmation.find(finder, spec: spec, files: [(path, ingest.fieldIndices)]) {
            ingest.reportDuplicate(key: d.key, values: d.values, line: d.line, firstLine: d.firstLine)
        }
    }

    static func problem(for error: CSVReadError, spec: TableSpec) -> InputProblem {
        switch error {
        case .notUTF8(_, let line, let column, let gb):
            return InputProblem(.encoding, .error, file: spec.file, line: line, column: column,
                                message: RunMessages.notUTF8(spec.file, field: column, table: spec.name, readsAsGB18030: gb), acceptable: false)
        case .notGB18030(_, let line):
            return InputProblem(.encoding, .error, file: spec.file, line: line,
                                message: RunMessages.notGB18030(spec.file), acceptable: false)
        case .notUTF16(_, let line):
            return InputProblem(.encoding, .error, file: spec.file, line: line, message: IngestMessages.notUTF16(spec.file), acceptable: false)
        case .noByteOrderMark:
            return InputProblem(.encoding, .error, file: spec.file, line: nil, message: IngestMessages.noByteOrderMark(spec.file), acceptable: false)
        case .notRegularFile(_, let kind):
            return InputProblem(.missingFile, .error, file: spec.file, line: nil,
                                message: RunMessages.notRegularFile(spec.file, kind: "\(kind)"), acceptable: false)
        case .tooLong(_, let line, let field, let what):
            return InputProblem(.malformedCSV, .error, file: spec.file, line: line, column: field,
                                message: what, acceptable: false)
        case .malformed(_, let line, let reason):
            return InputProblem(.malformedCSV, .error, file: spec.file, line: line,
                                message: RunMessages.malformedCSV(reason), acceptable: false)
        default:
            return InputProblem(.malformedCSV, .error, file: spec.file, line: nil, message: error.description, acceptable: false)
        }
    }
}

/// hands out job indices to the reading threads.
final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}

/// Reading one input file: its ingest, duplicate-key check, hash and problems.
final class TableJob: @unchecked Sendable {
    let table: Int
    let spec: TableSpec
    /// The table's `file` as declared (a pattern, where this file is one of its matches).
    let declaredFile: String
    let path: String
    let ingest: TableIngest
    /// Title rows and the totals row, as the table declares them.
    let layout: TableLayout
    let finder: DuplicateKeyFinder?
    let isRoster: Bool
    let size: Int
    var missingProblem: InputProblem?
    private(set) var problems: [InputProblem] = []
    private(set) var file: InputFileRecord?
    private(set) var scratchFailure: String?

    /// `sharedKeys`: the quarter's finder of duplicate keys across a table's files (this job then
    /// leaves confirming them to QuarterDuplicates).
    /// `file`: the file a table's pattern matched (nil: its declared file); `keys`: unique keys
    /// shared in memory with the table's other files.
    init(_ reading: TableReading, spec: TableSpec, directory: String, accepted: Set<RowPosition>, scratch: String?, sink: DeductionSink?,
         quarter: QuarterFile? = nil, sharedKeys: UniqueKeySink? = nil, file: String? = nil, keys: QuarterKeys? = nil) {
        let table = reading.table
        self.table = table
        declaredFile = spec.file
        let spec = file.map { spec.with(file: $0) } ?? spec
        self.spec = spec
        path = "\(directory)/\(spec.file)"
        isRoster = reading.isRoster
        finder = scratch.map { DuplicateKeyFinder(scratch: "\($0)", prefix: "t\(table)-") }
        finder?.start(keys: spec.uniqueKeys.count)
        ingest = TableIngest(reading, accepted: accepted, keySink: sharedKeys ?? finder, deductionSink: sink, quarter: quarter,
                             file: file, sharedKeys: keys)
        layout = TableLayout(spec: spec, ingest: ingest)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        var info = stat()
        if attributes == nil, lstat(path, &info) != 0, errno != ENOENT {
            missingProblem = InputProblem(.missingFile, .error, file: spec.file, line: nil,
                message: RunMessages.fileUnreadable(spec.file, reason: SystemError.words(errno), table: spec.name), acceptable: false)
        } else if attributes == nil {
            missingProblem = InputProblem(.missingFile, .error, file: spec.file, line: nil,
                message: RunMessages.fileMissing(spec.file, table: spec.name), acceptable: false)
        }
    }

    /// Problems found after the file was read (a quarter's duplicates across files), or a scratch
    /// folder's failure on the way.
    func reportLate(_ body: (TableIngest) throws -> Void) {
        let before = ingest.problems
        do { try body(ingest) } catch { scratchFailure = "\(error)" }
        // A file's errors past its first 200 are counted in its last problem: late ones recount it.
        var from = before.count
        if let counted = before.last, counted.kind == .unlistedErrors, let at = problems.lastIndex(of: counted) {
            problems.remove(at: at)
            from -= 1
        }
        problems.append(contentsOf: ingest.problems[from...])
    }

    /// The file is in another encoding than declared: one cause, said before its problems (SPEC §15).
    func noteAnotherEncoding() {
        if let cause = EncodingCause.find(path: path, spec: spec, file: spec.file) { ingest.foundInAnotherEncoding(cause) }
    }

    /// A record through the declared layout to the ingest (title rows and a last totals row skipped).
    @inline(__always)
    static func feed<R: RawRecord>(_ record: R, _ layout: TableLayout, _ ingest: TableIngest) {
        switch layout.admit(record) {
        case .header, .row: ingest.consume(record)
        case .skipped: break
        case .unusableHeader: ingest.headerUnusable()
        }
    }

    func run(progress: RunReporter?) {
        progress?.readingFile(spec.file)
        let hasher = StreamHasher(), found = FoundForm()
        do {
            if spec.form.format != .csv {
                found.sheet = try WorkbookTableReader.read(path: path, spec: spec, layout: layout, ingest: ingest, hasher: hasher, progress: progress)
            } else {
                let reader = try TableFileReader.csv(path, spec)
                reader.onRawBytes = { hasher.feed($0); found.feed($0) }
                let ingest = self.ingest, layout = self.layout
                if let progress {
                    var unreported = 0
                    defer { progress.rowsRead(unreported) }
                    try reader.forEachRawRecord { record in
                        Self.feed(record, layout, ingest)
                        unreported += 1
                        if unreported == RunReporting.rowBatch {
                            progress.rowsRead(unreported)
                            unreported = 0
                        }
                    }
                } else {
                    try reader.forEachRawRecord { Self.feed($0, layout, ingest) }
                }
            }
            layout.finish()
            ingest.finish()
            // A UTF-8 file read as GB18030 can read whole, its header as garbage: not a renamed column.
            if spec.encoding != .utf8, ingest.headerLacksColumns { noteAnotherEncoding() }
            if let finder, !isRoster {
                try MonthReader.confirmDuplicates(finder, ingest: ingest, spec: spec, path: path)
            }
        } catch let error as CSVReadError {
            problems.append(MonthReader.problem(for: error, spec: spec))
            if EncodingCause.isEncoding(error) { noteAnotherEncoding() }
        } catch let error as XLSXReadError {
            problems.append(InputProblem(.malformedCSV, .error, file: spec.file, line: nil, message: WorkbookProblems.message(error, file: spec.file), acceptable: false))
        } catch let error as ScratchProblem {
            scratchFailure = error.description
        } catch {
            problems.append(InputProblem(.malformedCSV, .error, file: spec.file, line: nil, message: "\(error)", acceptable: false))
        }
        problems.append(contentsOf: ingest.problems)
        let sha256: String
        do { sha256 = try hasher.finish() } catch {
            sha256 = ""
            problems.append(InputProblem(.encoding, .error, file: spec.file, line: nil, message: "\(error)", acceptable: false))
        }
        file = InputFileRecord(file: spec.file, sha256: sha256, bytes: hasher.bytes, rowsRead: ingest.rowsRead, rowsUsed: ingest.rowsUsed,
                               form: ReadForm.describe(spec, declaredFile: declaredFile, skippedTotals: layout.skippedTotals, found: found))
    }
}
