/// What a table's file is read into.
public enum TableReading {
    /// The roster's file, read first: each kept row becomes a worker of the period.
    case roster(RosterReading)
    /// Another table's file, read once the roster is whole: its rows are counted for the workers
    /// and groups they name.
    case rows(table: Int, MonthReading)

    public var rules: RuleSet {
        switch self {
        case .roster(let reading): return reading.rules
        case .rows(_, let month): return month.rules
        }
    }

    public var table: Int {
        switch self {
        case .roster(let reading): return reading.rules.roster.table
        case .rows(let table, _): return table
        }
    }

    public var isRoster: Bool {
        if case .roster = self { return true }
        return false
    }

    /// The month being run; for a quarter, its last month.
    var period: Period {
        switch self {
        case .roster(let reading): return reading.period
        case .rows(_, let month): return month.period
        }
    }
}

/// Another table's rows as a file is read: who and what they name on the roster as read, the
/// table's compiled rules, its groups to cover, and where its per-row deductions go.
final class TableRows {
    let month: MonthReading
    let plan: TablePlan
    let membership: RosterMembership
    let completeness: GroupCompleteness?
    let deductionSink: DeductionSink

    init(month: MonthReading, table: Int, spec: TableSpec, quarter: QuarterFile?, deductionSink: DeductionSink, problems: FileProblems) {
        self.month = month
        plan = month.plan(table)
        membership = RosterMembership(spec: spec, roster: month.roster, quarter: quarter, problems: problems)
        completeness = GroupCompleteness(spec: spec)
        self.deductionSink = deductionSink
    }
}

/// Validates the records of one input file against its declaration in the rule file and hands
/// good rows, typed, to the roster being read or to the month. Streaming: a record is looked at
/// once and dropped. Each step is its own type: the header's columns (HeaderMapping), the cells
/// (CellDecoder), the row's checks (RowChecks), its unique keys (UniqueKeys), the worker and group
/// it names (RosterMembership), the groups a file must cover (GroupCompleteness); all report into
/// one list (FileProblems).
public final class TableIngest {
    public let tableIndex: Int
    let spec: TableSpec
    let rules: RuleSet
    /// Where its checked rows go.
    let destination: Destination
    let isRoster: Bool
    /// Set when this file is one month of a quarter (half-year, year).
    let quarter: QuarterFile?
    let log: FileProblems
    /// Declared column → field index in the file, once the header is read (empty: rows not read).
    var fieldOf: [Int] = []
    var headerCount = 0
    var headerRead = false
    let cells: CellDecoder
    let checks: RowChecks
    let uniqueKeys: UniqueKeys
    /// Declared column naming the worker, or -1.
    let workerColumn: Int
    /// Declared column naming the group (group tables), or -1.
    let groupColumn: Int
    let hasAcceptedLines: Bool
    public private(set) var rowsRead = 0
    public private(set) var rowsUsed = 0
    /// What each accepted row of the file leaves out (SPEC §15).
    public internal(set) var acceptedEffects: [AcceptedRowEffect] = []
    /// The file-level causes of its problems, once it is read (SPEC §15).
    public private(set) var causes: [FileLevelCause] = []
    /// The declared columns the header lacks (its rows are then not read), and those rows' lines.
    var missingColumns: [FileLevelCause.MissingColumn] = []
    var unreadLines = LineSet()
    var headerLine = 1
    /// Without a deduction sink, a table's per-row deductions are kept here (never in a list
    /// shared with other tables); `MonthReading.adopt` takes them, tables in rule-file order.
    /// Nil for the roster (its rows deduct nothing) and where a sink takes them.
    public let ownDeductions: TableDeductions?

    /// Where a file's checked rows go: the roster's become workers; another table's are counted.
    enum Destination {
        case roster(RosterReading)
        case rows(TableRows)
    }

    /// `file`: the file this ingest reads, as rows and problems name it, where the table's `file`
    /// is a pattern (`patrol-*.csv` → `patrol-1.csv`); a quarter's label comes from `quarter`.
    /// `sharedKeys`: unique keys seen so far in the table's other files (a quarter's months, or
    /// the files a pattern matched), checked in memory. `deductionSink`: where another table's
    /// per-row deductions go (nil: `ownDeductions`).
    public init(_ reading: TableReading, accepted: Set<RowPosition>, keySink: UniqueKeySink? = nil, deductionSink: DeductionSink? = nil,
                quarter: QuarterFile? = nil, file: String? = nil, sharedKeys: QuarterKeys? = nil) {
        self.quarter = quarter
        let table = reading.table, rules = reading.rules, isRoster = reading.isRoster
        tableIndex = table
        self.rules = rules
        var spec = rules.tables[table]
        if let file { spec.file = file }
        if let quarter { spec.file = quarter.label }
        self.spec = spec
        self.isRoster = isRoster
        let acceptedLines = Set(accepted.filter { $0.file == spec.file }.map(\.line))
        hasAcceptedLines = !acceptedLines.isEmpty
        let log = FileProblems(file: spec.file, isRoster: isRoster, acceptedLines: acceptedLines)
        self.log = log
        uniqueKeys = UniqueKeys(spec: spec, strategy: UniqueKeys.strategy(sink: keySink, shared: sharedKeys ?? quarter?.keys, isRoster: isRoster, inQuarter: quarter != nil),
                                period: quarter?.kind, problems: log)
        workerColumn = spec.workerColumn ?? -1
        groupColumn = spec.groupColumn ?? -1
        let pay = PayDays(quarter?.month ?? reading.period, startsOn: rules.monthStartsOn)
        switch reading {
        case .roster(let roster):
            destination = .roster(roster)
            ownDeductions = nil
            cells = CellDecoder(spec: spec, needed: spec.columns.map { _ in true }, period: pay, problems: log)
            checks = RowChecks(spec: spec, cellRules: nil, rules: rules, period: roster.lengths, problems: log)
        case .rows(_, let month):
            let own = deductionSink == nil ? TableDeductions() : nil
            ownDeductions = own
            destination = .rows(TableRows(month: month, table: table, spec: spec, quarter: quarter, deductionSink: deductionSink ?? own!, problems: log))
            let needed = Self.columnsRead(spec, table: table, month: month)
            cells = CellDecoder(spec: spec, needed: spec.columns.indices.map { needed.contains($0) }, period: pay, problems: log)
            checks = RowChecks(table: table, spec: spec, month: month, problems: log)
        }
    }

    /// Another table's file, read once the roster is whole (tests).
    public convenience init(table: Int, month: MonthReading, accepted: Set<RowPosition>) {
        self.init(.rows(table: table, month), accepted: accepted)
    }

    /// The roster's file (tests).
    public convenience init(roster: RosterReading, accepted: Set<RowPosition>) {
        self.init(.roster(roster), accepted: accepted)
    }

    /// The columns whose values the ingest must decode: those the rules read, the worker and
    /// group columns, unique keys and cell rules (the rest are only checked as present).
    static func columnsRead(_ spec: TableSpec, table: Int, month: MonthReading) -> Set<Int> {
        var needed = month.rowColumnsUsed(table: table, reasons: false)
        if let w = spec.workerColumn { needed.insert(w) }
        if let g = spec.groupColumn { needed.insert(g) }
        for key in spec.uniqueKeys { needed.formUnion(key) }
        needed.formUnion(spec.cellRuleColumns)
        return needed
    }

    public var problems: [InputProblem] { log.list }

    /// The file's header was not where the layout says (reported there): its rows are not read.
    public func headerUnusable() {
        headerRead = true
        fieldOf = []
    }

    /// Lines of this file the user accepted.
    public var acceptedLineSet: Set<Int> { log.acceptedLines }

    /// Declared column → field index, once the header is read (empty if columns are missing).
    public var fieldIndices: [Int] { fieldOf }

    /// Feeds one CSV record given as Strings (tests, small inputs).
    public func consume(fields: [String], line: Int) {
        StringRecord.with(fields, line: line) { consume($0) }
    }

    /// Feeds one record (the first one is the header): decode, check, then add the row to the
    /// roster, or count it for its worker or group (RowAccumulation).
    public func consume<R: RawRecord>(_ record: R) {
        let line = record.line
        if !headerRead {
            readHeader((0..<record.count).map { CellText.text(record.field($0)) }, line: line)
            return
        }
        guard !fieldOf.isEmpty else {
            if !missingColumns.isEmpty { unreadLines.insert(line) }
            return
        }
        rowsRead += 1
        switch destination {
        case .roster(let roster): consumeRosterRow(record, line: line, into: roster)
        case .rows(let rows): consumeRow(record, line: line, rows)
        }
    }

    /// A roster row: a worker of the period once its cells and checks pass, unless it was
    /// accepted (left out). A row left out is remembered by id and group: its worker's rows
    /// elsewhere are then not checked, not "not on the roster" one by one.
    func consumeRosterRow<R: RawRecord>(_ record: R, line: Int, into roster: RosterReading) {
        guard record.count == headerCount else {
            log.report(.fieldCount, line: line, InputMessages.fieldCount(record.count, header: headerCount))
            roster.rejectRow(record, fieldOf: fieldOf, line: line)
            return
        }
        guard cells.decodeCells(record, fieldOf: fieldOf, line: line) else {
            roster.rejectRow(record, fieldOf: fieldOf, line: line)
            return
        }
        guard passesChecks(record, line: line, groupUnknown: false, roster: roster) else { return }
        if hasAcceptedLines && log.acceptedLines.contains(line) {
            roster.rejectRow(record, fieldOf: fieldOf, line: line)
            return
        }
        roster.addWorker(cells.row, line: line)
        rowsUsed += 1
    }

    /// A row of another table: counted for the worker and group it names once its cells and
    /// checks pass; an accepted row is checked like any other (so its problem is listed) but
    /// never counted, and what it leaves out is said (AcceptedRowEffect); in the second reading
    /// of a run with accepted rows it is counted as it is (AcceptedRowCounting).
    func consumeRow<R: RawRecord>(_ record: R, line: Int, _ rows: TableRows) {
        guard record.count == headerCount else {
            log.report(.fieldCount, line: line, InputMessages.fieldCount(record.count, header: headerCount))
            if hasAcceptedLines, log.acceptedLines.contains(line) { noteAcceptedUnreadable(line: line, rows) }
            return
        }
        let decoded = cells.decodeCells(record, fieldOf: fieldOf, line: line)
        let accepted = hasAcceptedLines && log.acceptedLines.contains(line)
        defer { if accepted { noteAccepted(record, line: line, rows) } }
        var group: Int?
        if groupColumn >= 0 { group = groupOfRow(record, line: line, accepted: accepted, rows) }
        let counted = accepted && rows.month.countsAcceptedRows
        guard decoded else {
            if counted { countAcceptedRow(record, line: line, decoded: false, rows) }
            return
        }
        guard passesChecks(record, line: line, groupUnknown: groupColumn >= 0 && group == nil) else {
            if counted { countAcceptedRow(record, line: line, decoded: true, rows) }
            return
        }
        var worker: Int?
        // (With a group column, the worker cell may be empty: the row is the group's only.)
        if workerColumn >= 0, !(group != nil && record.field(fieldOf[workerColumn]).isEmpty) {
            let field = fieldOf[workerColumn]
            guard let w = rows.membership.worker(record.field(field), column: workerColumn, field: field, line: line) else { return }
            worker = w
        }
        if accepted, !counted { return }
        countRow(worker: worker, group: group, line: line, rows)
    }

    func readHeader(_ fields: [String], line: Int) {
        headerRead = true
        let header = HeaderMapping(header: fields, columns: spec.columns.map(\.name), line: line, problems: log)
        headerCount = header.fieldCount
        fieldOf = header.fieldOf
        missingColumns = header.missing
        headerLine = line
    }

    /// Cell rules, row checks and unique keys of a decoded row; each failure is reported. A row
    /// whose group is on no roster row is reported there, and its cell rules too. `roster`: the
    /// roster being read, where a roster row with a duplicate key leaves its group out.
    @inline(__always)
    func passesChecks<R: RawRecord>(_ record: R, line: Int, groupUnknown: Bool, roster: RosterReading? = nil) -> Bool {
        let row = cells.row.view
        let cellsOK = checks.passCellRules(row, fieldOf: fieldOf, line: line)
        if groupUnknown { return false }
        if !checks.declared.isEmpty, !checks.passDeclared(row, fieldOf: fieldOf, line: line) { return false }
        if !uniqueKeys.isEmpty, !uniqueKeys.check(record, fieldOf: fieldOf, line: line) {
            roster?.rejectGroupOfRow(record, fieldOf: fieldOf, line: line)
            roster?.noteDuplicateRow(record, fieldOf: fieldOf, line: line)
            return false
        }
        return cellsOK
    }

    /// The group a row of a group table belongs to; recorded for the table's completeness
    /// check unless the row was accepted (left out).
    func groupOfRow<R: RawRecord>(_ record: R, line: Int, accepted: Bool, _ rows: TableRows) -> Int? {
        let field = fieldOf[groupColumn]
        guard let g = rows.membership.group(record.field(field), column: groupColumn, field: field, line: line) else { return nil }
        if let completeness = rows.completeness, !accepted {
            completeness.record(group: g, groups: rows.month.groups.count, record, fieldOf: fieldOf, line: line)
        }
        return g
    }

    /// Adds the checked row to the running totals of its worker, its group, or both.
    @inline(__always)
    func countRow(worker: Int?, group: Int?, line: Int, _ rows: TableRows) {
        let month = rows.month, plan = rows.plan, sink = rows.deductionSink
        if let group, workerColumn >= 0 {
            ingestRow(line: line, namingEmptyCells: false) { (row) throws(EvaluationError) in
                try month.ingest(plan, table: tableIndex, row: row, worker: worker, group: group, line: line, sink: sink, file: spec.file)
            }
            return
        }
        if let group {
            ingestRow(line: line, namingEmptyCells: false) { (row) throws(EvaluationError) in
                try month.ingest(plan, table: tableIndex, row: row, group: group, line: line, sink: sink, file: spec.file)
            }
        }
        if let worker {
            ingestRow(line: line, namingEmptyCells: true) { (row) throws(EvaluationError) in
                try month.ingest(plan, table: tableIndex, row: row, worker: worker, line: line, sink: sink, file: spec.file)
            }
        }
    }

    /// Runs the row's rules; an evaluation error is a problem at the row naming the rule.
    @inline(__always)
    func ingestRow(line: Int, namingEmptyCells: Bool, _ body: (RowView) throws(EvaluationError) -> Void) {
        let row = cells.row.view
        do throws(EvaluationError) {
            try body(row)
            rowsUsed += 1
        } catch {
            if namingEmptyCells, error.isEmptyValue {
                log.report(.badValue, line: line, checks.emptyValueMessage(error, row), acceptable: false)
                return
            }
            log.report(.badValue, line: line, InputMessages.ruleFailed(error.message, at: error.location.map { "\($0)" }), acceptable: false)
        }
    }

    /// Reports a duplicated key (called by the pipeline after its on-disk check).
    public func reportDuplicate(key k: Int, values: [String], line: Int, firstLine: Int, firstFile: String? = nil) {
        uniqueKeys.reportDuplicate(key: k, values: values, line: line, firstLine: firstLine, firstFile: firstFile, fieldOf: fieldOf)
    }

    /// Once the file is read: rows not checked, an empty file, then the checks that need the whole
    /// file (a group table's `complete`; the roster's `same_in_group`).
    public func finish() {
        causes = log.tally.causes(file: spec.file, rows: rowsRead, startsOn: rules.monthStartsOn)
        if let renamed = renamedHeader { causes.append(renamed) }
        if case .rows(let rows) = destination {
            causes += rows.membership.rosterCauses()
            rows.membership.reportRowsNotChecked(groupColumn: groupColumn)
        }
        reportEmptyFile()
        guard headerRead, !fieldOf.isEmpty else { return }
        switch destination {
        case .roster(let roster): RosterGroupAgreement.check(roster: spec, reading: roster, fieldOf: fieldOf, problems: log)
        case .rows(let rows): rows.completeness?.reportMissing(spec: spec, month: rows.month, problems: log)
        }
    }

    /// Declared columns missing from the header, one at least with a header like it: one cause,
    /// said at the header, for all the rows left unread (SPEC §15).
    var renamedHeader: FileLevelCause? {
        guard let near = missingColumns.first(where: { $0.near != nil }) else { return nil }
        return FileLevelCause(file: spec.file, kind: .renamedHeader(table: spec.name, columns: missingColumns), lines: unreadLines,
                              column: near.field, line: headerLine)
    }

    /// Declared columns are missing from the header (its rows are not read).
    public var headerLacksColumns: Bool { !missingColumns.isEmpty }

    /// The file read whole in another encoding than declared (SPEC §16): that cause replaces the
    /// others (a misread header is no renamed column).
    public func foundInAnotherEncoding(_ cause: FileLevelCause) {
        causes = [cause]
    }

    /// No header, or a header and no rows.
    func reportEmptyFile() {
        if !headerRead {
            log.report(.emptyFile, line: nil, InputMessages.emptyFile(spec.file, columns: spec.columns.map(\.name)), acceptable: false)
        } else if rowsRead == 0, !fieldOf.isEmpty {
            // A quarter's workers are those of its last month's roster: only that one must have workers.
            if isRoster, quarter == nil || quarter?.ownRoster == quarter?.lastRoster {
                log.report(.emptyFile, line: nil, InputMessages.rosterWithoutWorkers(spec.file), acceptable: false)
            } else {
                log.report(.emptyFile, line: nil, InputMessages.tableWithoutRows(spec.file, table: spec.name), acceptable: false, severity: .warning)
            }
        }
    }
}
