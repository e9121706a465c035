/// One CSV record as bytes: what the CSV layer hands over, without a String per field.
public protocol RawRecord {
    var line: Int { get }
    var count: Int { get }
    func field(_ i: Int) -> UnsafeBufferPointer<UInt8>
}

/// Receives the key of every row of a table with `unique` columns, to find duplicates in bounded
/// memory (the pipeline spills them to disk and checks them after the file is read).
public protocol UniqueKeySink: AnyObject {
    func add(key: Int, hash: UInt64, line: Int)
}

/// Validates the records of one input file against its declaration in the rule file and hands
/// good rows, typed, to the month. Streaming: a record is looked at once and dropped.
public final class TableIngest {
    public let tableIndex: Int
    let spec: TableSpec
    /// The days of this file's month that dates must lie in (month_starts_on moves them).
    let period: PayDays
    let month: MonthReading
    /// Declared column → field index in the file.
    var fieldOf: [Int] = []
    var headerCount = 0
    var headerRead = false
    /// Lines of this file the user accepted: validated and listed, never counted.
    let acceptedLines: Set<Int>
    let keySink: UniqueKeySink?
    /// Columns some rule reads (or the roster keeps): only these become Strings.
    let neededText: [Bool]
    /// UTF-8 bytes of each choice column's values, to match cells without making Strings.
    let choiceBytes: [[[UInt8]]]
    let choiceValues: [[Value]]
    /// Per column, what decoding needs, without the Strings of ColumnSpec (copying those per
    /// cell cost more than the decoding).
    struct ColumnDecoder {
        enum Kind { case text, choice, number, integer, date, datetime }
        var kind: Kind
        var optional: Bool
        var needed: Bool
        var places: Int?
        var minimum: ExactNumber?
        var maximum: ExactNumber?
        var emptyIsNumber: Bool
        /// Dates and times must lie inside the period (the column's or the table's within_period).
        var withinPeriod: Bool
        /// Written in declared forms (`formDecoders`), not the plain one.
        var hasForms = false
    }
    let decoders: [ColumnDecoder]
    /// Per column, the reader of its declared forms (nil: plain).
    let formDecoders: [CellFormDecoder?]
    /// The table's compiled row rules.
    let plan: TablePlan
    /// Its cell rules (required_when, empty_when, on_roster), if any.
    let cellRules: CellRuleSet?
    /// The table's declared row checks, compiled.
    let rowChecks: [(RowPredicate, RowCheck)]
    /// The current row, reused for every row (plain buffers: no copy-on-write checks per cell).
    let slots: UnsafeMutablePointer<Value>
    let choiceSlots: UnsafeMutablePointer<Int32>
    let fieldSlots: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
    let columnCount: Int
    let isRoster: Bool
    let uniqueKeys: [[Int]]
    /// Declared column naming the worker, or -1.
    let workerColumn: Int
    /// Declared column naming the group (group tables), or -1.
    let groupColumn: Int
    /// Group tables with `complete`: which (group, value) pairs have a row, and each group's first line.
    var present: [Bool] = []
    var firstLineOfGroup: [Int: Int] = [:]
    let hasAcceptedLines: Bool
    let workerIndex: ByteKeyIndex
    public private(set) var problems: [InputProblem] = []
    public private(set) var rowsRead = 0
    public private(set) var rowsUsed = 0

    /// Where this table's per-row deductions go: the given sink, or `ownDeductions`.
    let deductionSink: DeductionSink
    /// Without a sink, this table's deductions are kept here (never in a list shared with other
    /// tables); `MonthReading.adopt` takes them, tables in rule-file order.
    public let ownDeductions: TableDeductions?

    /// Set when this file is one month of a quarter.
    let quarter: QuarterFile?
    /// Keys of the table's files read before this one (nil: this file alone).
    let sharedKeys: QuarterKeys?

    /// `file`: the file this ingest reads, as rows and problems name it, where the table's `file`
    /// is a pattern (`patrol-*.csv` → `patrol-1.csv`); a quarter's label comes from `quarter`.
    /// `sharedKeys`: unique keys seen so far in the table's other files (a quarter's months, or
    /// the files a pattern matched), checked in memory.
    public init(table: Int, month: MonthReading, accepted: Set<RowPosition>, keySink: UniqueKeySink? = nil, deductionSink: DeductionSink? = nil,
                quarter: QuarterFile? = nil, file: String? = nil, sharedKeys: QuarterKeys? = nil) {
        self.quarter = quarter
        self.sharedKeys = sharedKeys ?? quarter?.keys
        let own = deductionSink == nil ? TableDeductions() : nil
        ownDeductions = own
        self.deductionSink = deductionSink ?? own!
        tableIndex = table
        var spec = month.rules.tables[table]
        if let file { spec.file = file }
        if let quarter { spec.file = quarter.label }
        self.spec = spec
        period = PayDays(quarter?.month ?? month.period, startsOn: month.rules.monthStartsOn)
        self.month = month
        self.keySink = keySink
        acceptedLines = Set(accepted.filter { $0.file == spec.file }.map(\.line))
        let isRoster = table == month.rules.roster.table
        let needed = Self.columnsRead(spec, table: table, month: month)
        neededText = spec.columns.indices.map { isRoster || needed.contains($0) }
        choiceBytes = spec.columns.map { c in
            if case .choice(let values) = c.type { return values.map { Array($0.utf8) } }
            return []
        }
        choiceValues = spec.columns.map { c in
            if case .choice(let values) = c.type { return values.map { Value.text($0) } }
            return []
        }
        decoders = spec.columns.indices.map { Self.decoder(spec, column: $0, needed: isRoster || needed.contains($0)) }
        formDecoders = spec.columns.map { c in c.forms.map { CellFormDecoder($0, type: c.type) } }
        plan = month.plan(table)
        cellRules = month.cellRuleSets.indices.contains(table) ? month.cellRuleSets[table] : nil
        let compiler = RowCompiler(spec: spec, period: month.lengths)
        rowChecks = spec.checks.map { (compiler.predicate($0.require), $0) }
        columnCount = spec.columns.count
        slots = .allocate(capacity: max(1, columnCount))
        slots.initialize(repeating: .bool(false), count: columnCount)
        choiceSlots = .allocate(capacity: max(1, columnCount))
        choiceSlots.initialize(repeating: -1, count: columnCount)
        fieldSlots = .allocate(capacity: max(1, columnCount))
        fieldSlots.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0), count: columnCount)
        self.isRoster = isRoster
        uniqueKeys = spec.uniqueKeys
        workerColumn = spec.workerColumn ?? -1
        groupColumn = spec.groupColumn ?? -1
        hasAcceptedLines = !acceptedLines.isEmpty
        workerIndex = month.byteIndex
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

    /// How column `c` of the table is decoded from its bytes.
    static func decoder(_ spec: TableSpec, column c: Int, needed: Bool) -> ColumnDecoder {
        let column = spec.columns[c]
        let kind: ColumnDecoder.Kind
        var places: Int?
        switch column.type {
        case .id, .text: kind = .text
        case .choice: kind = .choice
        case .integer: kind = .integer
        case .decimal(let p): kind = .number; places = p
        case .date: kind = .date
        case .datetime: kind = .datetime
        }
        return ColumnDecoder(kind: kind, optional: column.optional, needed: needed, places: places,
                             minimum: column.minimum, maximum: column.maximum,
                             emptyIsNumber: column.type.valueType == .number, withinPeriod: spec.mustLieInPeriod(c),
                             hasForms: column.forms != nil && kind != .text && kind != .choice)
    }

    deinit {
        slots.deinitialize(count: columnCount)
        slots.deallocate()
        choiceSlots.deallocate()
        fieldSlots.deallocate()
    }

    func problem(_ kind: InputProblem.Kind, line: Int?, field: Int? = nil, column: String? = nil, _ message: String, acceptable: Bool = true, severity: Diagnostic.Severity = .error) {
        // A roster row is never accepted: its worker would vanish from every sheet (SPEC §15).
        let acceptable = acceptable && !isRoster
        var p = InputProblem(kind, severity, file: spec.file, line: line, column: field, columnName: column, message: message, acceptable: acceptable)
        if severity == .error, acceptable, let line, acceptedLines.contains(line) { p.accepted = true }
        problems.append(p)
    }

    /// The file's header was not where the layout says (reported there): its rows are not read.
    public func headerUnusable() {
        headerRead = true
        fieldOf = []
    }

    /// Lines of this file the user accepted.
    public var acceptedLineSet: Set<Int> { acceptedLines }

    /// Feeds one CSV record given as Strings (tests, small inputs).
    public func consume(fields: [String], line: Int) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for f in fields {
            bytes.append(contentsOf: f.utf8)
            ends.append(bytes.count)
        }
        bytes.withUnsafeBufferPointer { b in
            ends.withUnsafeBufferPointer { e in
                consume(StringRecord(line: line, count: fields.count, base: b.baseAddress, ends: e.baseAddress!))
            }
        }
    }

    struct StringRecord: RawRecord {
        let line: Int
        let count: Int
        let base: UnsafePointer<UInt8>?
        let ends: UnsafePointer<Int>
        func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let start = i == 0 ? 0 : ends[i - 1]
            return UnsafeBufferPointer(start: base.map { $0 + start }, count: ends[i] - start)
        }
    }

    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A cell as messages show it: at most 40 characters, control characters escaped.
    static func shown(_ bytes: UnsafeBufferPointer<UInt8>) -> String { InputExcerpt.show(text(bytes)) }

    /// Feeds one CSV record (the first one is the header): decode, check, then count the row for
    /// its worker or group (RowAccumulation), or add it to the roster.
    public func consume<R: RawRecord>(_ record: R) {
        let line = record.line
        if !headerRead {
            readHeader((0..<record.count).map { Self.text(record.field($0)) }, line: line)
            return
        }
        guard !fieldOf.isEmpty else { return }
        rowsRead += 1
        guard record.count == headerCount else {
            problem(.fieldCount, line: line, InputMessages.fieldCount(record.count, header: headerCount))
            return
        }
        let decoded = decodeCells(record, line: line)
        let accepted = hasAcceptedLines && acceptedLines.contains(line)
        var group: Int?
        var groupUnknown = false
        if groupColumn >= 0 {
            group = groupOfRow(record, line: line, accepted: accepted)
            groupUnknown = group == nil
        }
        guard decoded else {
            if isRoster { rejectRosterRow(record, line: line) }
            return
        }
        guard passesChecks(record, line: line, groupUnknown: groupUnknown) else { return }
        if isRoster {
            addRosterRow(record, line: line, accepted: accepted)
            return   // roster rows feed no aggregate
        }
        var worker: Int?
        // (With a group column, the worker cell may be empty: the row is the group's only.)
        if workerColumn >= 0, !(group != nil && record.field(fieldOf[workerColumn]).isEmpty) {
            guard let w = knownWorker(record, line: line) else { return }
            worker = w
        }
        // An accepted row is checked like any other (so its problem is listed) but never counted.
        if accepted { return }
        countRow(worker: worker, group: group, line: line)
    }

    /// Decodes the row's cells into the slots; false when a cell is bad (each one reported).
    @inline(__always)
    func decodeCells<R: RawRecord>(_ record: R, line: Int) -> Bool {
        var ok = true
        for c in 0..<columnCount {
            let f = fieldOf[c]
            let bytes = record.field(f)
            fieldSlots[c] = bytes
            if let at = InputExcerpt.firstControlCharacter(bytes) {
                let name = spec.columns[c].name
                problem(.badValue, line: line, field: f + 1, column: name,
                        InputMessages.controlCharacter(name, Self.shown(bytes), code: InputExcerpt.codePoint(bytes[at]), byte: at + 1))
                ok = false
                continue
            }
            if let v = decode(bytes, c, line: line, field: f + 1) { slots[c] = v } else { ok = false }
        }
        return ok
    }

    /// Cell rules, row checks and unique keys of a decoded row; each failure is reported. A row
    /// whose group is on no roster row is reported there, and its cell rules too.
    @inline(__always)
    func passesChecks<R: RawRecord>(_ record: R, line: Int, groupUnknown: Bool) -> Bool {
        var cellsOK = true
        if let cellRules { cellsOK = checkCellRules(cellRules, currentRow, line: line) }
        if groupUnknown { return false }
        if !rowChecks.isEmpty, !passesRowChecks(line: line) { return false }
        if !uniqueKeys.isEmpty {
            if let keySink, !isRoster {
                for (k, key) in uniqueKeys.enumerated() {
                    var h = KeyHash()
                    for c in key { h.add(record.field(fieldOf[c])) }
                    keySink.add(key: k, hash: h.value, line: line)
                }
            } else if !checkUniqueInMemory(record, line: line) {
                if isRoster { rejectGroupOfRosterRow(record, line: line) }
                return false
            }
        }
        return cellsOK
    }

    /// A checked roster row: a worker of the period, unless it was accepted (left out).
    func addRosterRow<R: RawRecord>(_ record: R, line: Int, accepted: Bool) {
        if accepted {
            rejectRosterRow(record, line: line)
            return
        }
        let row = Array(UnsafeBufferPointer(start: slots, count: columnCount))
        _ = month.addWorker(row, id: row[month.rules.roster.idColumn].description, line: line)
        rowsUsed += 1
    }

    /// The worker the row names; nil (reported, or counted once for a left-out roster row) when
    /// the id is on no roster row.
    @inline(__always)
    func knownWorker<R: RawRecord>(_ record: R, line: Int) -> Int? {
        let bytes = record.field(fieldOf[workerColumn])
        if let w = workerIndex.find(bytes) { return w }
        let id = Self.text(bytes)
        if month.rejectedWorkers[id] != nil {
            rowsOfRejected[id, default: 0] += 1
            return nil
        }
        if spec.form.leavesOutUnknownWorkers, !(quarter?.departed.contains(bytes) ?? false) {
            let name = spec.columns[workerColumn].name
            problem(.leftOut, line: line, field: fieldOf[workerColumn] + 1, column: name,
                    IngestMessages.workerLeftOut(name, InputExcerpt.show(id), roster: quarter?.lastRoster ?? month.rules.rosterTable.file),
                    acceptable: false, severity: .warning)
            return nil
        }
        if let quarter {
            reportNotOnLastRoster(id, quarter, line: line, field: fieldOf[workerColumn] + 1, column: spec.columns[workerColumn].name, departed: quarter.departed.contains(bytes))
            return nil
        }
        problem(.unknownWorker, line: line, field: fieldOf[workerColumn] + 1, column: spec.columns[workerColumn].name,
                InputMessages.notOnRoster(spec.columns[workerColumn].name, id, roster: month.rules.rosterTable.file, idName: rosterIdName,
                                          suggestion: Suggestion.didYouMean(id, among: month.nearbyIds(id), maxDistance: 1)))
        return nil
    }

    /// Adds the checked row to the running totals of its worker, its group, or both.
    @inline(__always)
    func countRow(worker: Int?, group: Int?, line: Int) {
        if let group, workerColumn >= 0 {
            ingestRow(line: line, namingEmptyCells: false) { (row) throws(EvaluationError) in
                try month.ingest(plan, table: tableIndex, row: row, worker: worker, group: group, line: line, sink: deductionSink, file: spec.file)
            }
            return
        }
        if let group {
            ingestRow(line: line, namingEmptyCells: false) { (row) throws(EvaluationError) in
                try month.ingest(plan, table: tableIndex, row: row, group: group, line: line, sink: deductionSink, file: spec.file)
            }
        }
        if let worker {
            ingestRow(line: line, namingEmptyCells: true) { (row) throws(EvaluationError) in
                try month.ingest(plan, table: tableIndex, row: row, worker: worker, line: line, sink: deductionSink, file: spec.file)
            }
        }
    }

    /// Runs the row's rules; an evaluation error is a problem at the row naming the rule.
    @inline(__always)
    func ingestRow(line: Int, namingEmptyCells: Bool, _ body: (RowView) throws(EvaluationError) -> Void) {
        do throws(EvaluationError) {
            try body(currentRow)
            rowsUsed += 1
        } catch {
            if namingEmptyCells, error.isEmptyValue {
                problem(.badValue, line: line, emptyValueMessage(error), acceptable: false)
                return
            }
            problem(.badValue, line: line, InputMessages.ruleFailed(error.message, at: error.location.map { "\($0)" }), acceptable: false)
        }
    }

    /// The decoded row in the slots.
    var currentRow: RowView {
        RowView(values: UnsafeBufferPointer(start: slots, count: columnCount),
                choices: UnsafeBufferPointer(start: choiceSlots, count: columnCount),
                fields: UnsafeBufferPointer(start: fieldSlots, count: columnCount))
    }

    /// The group a row of a group table belongs to, from the cell's bytes; a value on no roster
    /// row is an error at the cell. Records the row for the table's completeness check (an
    /// accepted row is left out, so it does not count).
    func groupOfRow<R: RawRecord>(_ record: R, line: Int, accepted: Bool) -> Int? {
        month.startRows()
        let groups = month.groups
        let field = fieldOf[groupColumn]
        let bytes = record.field(field)
        guard let g = groups.find(bytes) else {
            if !bytes.isEmpty {
                let value = Self.text(bytes)
                if month.rejectedGroups[value] != nil {
                    rowsOfRejectedGroup[value, default: 0] += 1
                    return nil
                }
                let rosterName = month.rules.rosterTable.columns[month.rules.roster.groupColumn].name
                problem(.unknownGroup, line: line, field: field + 1, column: spec.columns[groupColumn].name,
                        InputMessages.groupNotOnRoster(spec.columns[groupColumn].name, value, roster: month.rules.rosterTable.file, groupName: rosterName,
                                               suggestion: Suggestion.didYouMean(value, among: groups.count <= 5000 ? groups.values : [], maxDistance: 1)))
            }
            return nil
        }
        guard let completeness = spec.completeness, !accepted else { return g }
        if firstLineOfGroup[g] == nil { firstLineOfGroup[g] = line }
        switch completeness {
        case .everyGroup:
            if present.isEmpty { present = Array(repeating: false, count: groups.count) }
            present[g] = true
        case .everyValue(let c):
            let options = choiceBytes[c]
            if present.isEmpty { present = Array(repeating: false, count: groups.count * options.count) }
            let cell = record.field(fieldOf[c])
            if let k = options.firstIndex(where: { $0.withUnsafeBufferPointer { memEqual($0, cell) } }) {
                present[g * options.count + k] = true
            }
        }
        return g
    }

    /// Checks that need the whole file: a group table's completeness (`complete`), and for the
    /// roster, columns that must hold one value per group (`same_in_group`). Called once after
    /// the last record.
    /// Rows of workers whose roster row was left out, by id (reported once per worker in finish()).
    var rowsOfRejected: [String: Int] = [:]
    /// Rows naming a group whose every roster row was left out, by group (reported once per group).
    var rowsOfRejectedGroup: [String: Int] = [:]

    func rejectRosterRow<R: RawRecord>(_ record: R, line: Int) {
        let idColumn = month.rules.roster.idColumn
        guard fieldOf.indices.contains(idColumn) else { return }
        let bytes = record.field(fieldOf[idColumn])
        rejectGroupOfRosterRow(record, line: line)
        guard !bytes.isEmpty, InputExcerpt.firstControlCharacter(bytes) == nil else { return }
        month.rejectWorker(id: Self.text(bytes), line: line)
    }

    /// The group a left-out roster row names (its rows elsewhere are then not checked, not unknown).
    func rejectGroupOfRosterRow<R: RawRecord>(_ record: R, line: Int) {
        let groupColumn = month.rules.roster.groupColumn
        guard fieldOf.indices.contains(groupColumn), fieldOf[groupColumn] < record.count else { return }
        let bytes = record.field(fieldOf[groupColumn])
        guard !bytes.isEmpty, InputExcerpt.firstControlCharacter(bytes) == nil else { return }
        month.rejectGroup(Self.text(bytes), line: line)
    }

    /// File-level findings once the file is read: no header, a header and no rows, rows of workers
    /// whose roster row was left out.
    func reportAfterReading() {
        let rosterFile = month.rules.rosterTable.file
        for (id, n) in rowsOfRejected.sorted(by: { $0.key < $1.key }) {
            let line = month.rejectedWorkers[id] ?? 0
            problem(.rowsNotChecked, line: nil,
                    InputMessages.rowsOfLeftOutWorker(n, worker: InputExcerpt.show(id), roster: rosterFile, line: line),
                    acceptable: false, severity: .warning)
        }
        for (value, n) in rowsOfRejectedGroup.sorted(by: { $0.key < $1.key }) {
            let name = spec.columns[groupColumn].name
            problem(.rowsNotChecked, line: nil,
                    InputMessages.rowsOfLeftOutGroup(n, column: name, value: InputExcerpt.show(value), roster: rosterFile, line: month.rejectedGroups[value] ?? 0),
                    acceptable: false, severity: .warning)
        }
        if !headerRead {
            problem(.emptyFile, line: nil,
                    InputMessages.emptyFile(spec.file, columns: spec.columns.map(\.name)),
                    acceptable: false)
        } else if rowsRead == 0, !fieldOf.isEmpty {
            // A quarter's workers are those of its last month's roster: only that one must have workers.
            if isRoster, quarter == nil || quarter?.ownRoster == quarter?.lastRoster {
                problem(.emptyFile, line: nil, InputMessages.rosterWithoutWorkers(spec.file), acceptable: false)
            } else {
                problem(.emptyFile, line: nil, InputMessages.tableWithoutRows(spec.file, table: spec.name), acceptable: false, severity: .warning)
            }
        }
    }

    public func finish() {
        reportAfterReading()
        guard headerRead, !fieldOf.isEmpty else { return }
        let rules = month.rules
        if isRoster {
            let groupColumn = rules.roster.groupColumn
            let groupName = spec.columns[groupColumn].name
            for c in rules.roster.sameInGroup {
                // One problem per group: at its first member whose value differs from the first member's.
                var first: [Value: (value: Value, line: Int)] = [:]
                var reported = Set<Value>()
                for (w, row) in month.rosterRows.enumerated() {
                    guard let f = first[row[groupColumn]] else {
                        first[row[groupColumn]] = (row[c], month.rosterLines[w])
                        continue
                    }
                    if row[c] != f.value, reported.insert(row[groupColumn]).inserted {
                        let name = spec.columns[c].name
                        problem(.groupMismatch, line: month.rosterLines[w], field: fieldOf[c] + 1, column: name,
                                InputMessages.groupValueDiffers(name, value: "\(row[c])", groupName: groupName, group: "\(row[groupColumn])", firstLine: f.line, firstValue: "\(f.value)"),
                                acceptable: false)
                    }
                }
            }
            return
        }
        guard let completeness = spec.completeness else { return }
        month.startRows()
        let groups = month.groups
        let rosterGroupName = rules.rosterTable.columns[rules.roster.groupColumn].name
        for g in 0..<groups.count {
            let firstMember = groups.members[g][0]
            let rosterLine = month.rosterLines[firstMember]
            switch completeness {
            case .everyGroup:
                if present.isEmpty || !present[g] {
                    problem(.missingRow, line: nil, InputMessages.groupWithoutRow(rosterGroupName, groups.values[g], roster: rules.rosterTable.file, rosterLine: rosterLine, file: spec.file), acceptable: false)
                }
            case .everyValue(let c):
                let options = choiceBytes[c]
                let name = spec.columns[c].name
                for k in options.indices where present.isEmpty || !present[g * options.count + k] {
                    let value = String(decoding: options[k], as: UTF8.self)
                    problem(.missingRow, line: firstLineOfGroup[g], InputMessages.groupWithoutRowFor(rosterGroupName, groups.values[g], roster: rules.rosterTable.file, rosterLine: rosterLine, column: name, value: value,
                                                                   file: spec.file, values: options.map { String(decoding: $0, as: UTF8.self) }), acceptable: false)
                }
            }
        }
    }

    /// Runs the table's row checks on the current row; each failure is a problem at its column.
    func passesRowChecks(line: Int) -> Bool {
        let row = RowView(values: UnsafeBufferPointer(start: slots, count: columnCount),
                          choices: UnsafeBufferPointer(start: choiceSlots, count: columnCount),
                          fields: UnsafeBufferPointer(start: fieldSlots, count: columnCount))
        var ok = true
        for (predicate, check) in rowChecks {
            do throws(EvaluationError) {
                if try predicate(row) { continue }
                let message = ReasonTemplate.fill(check.message) { name in
                    spec.columnIndex(name).map { String(decoding: row.fields[$0], as: UTF8.self) }
                }
                problem(.badValue, line: line, field: check.column.map { fieldOf[$0] + 1 }, column: check.column.map { spec.columns[$0].name },
                        InputMessages.checkNotMet(message, requirement: check.requireText))
            } catch {
                problem(.badValue, line: line, error.isEmptyValue ? emptyValueMessage(error) : InputMessages.checkFailed(error.message, at: "\(check.location)"), acceptable: false)
            }
            ok = false
        }
        return ok
    }

    /// A rule used an empty optional cell as a value: name the row's empty cells and the cure.
    func emptyValueMessage(_ error: EvaluationError) -> String {
        let empty = (0..<columnCount).filter { slots[$0].isEmpty }.map { spec.columns[$0].name }
        return InputMessages.emptyValueUsed(empty, at: error.location.map { "\($0)" })
    }

    /// Without a key sink (rule-file tests, small months) duplicates are found in memory.
    var seenKeys: [[UniqueKeyBytes: Int]] = []

    /// A unique key's cells, compared by their bytes (see UniqueKeyBytes), as the on-disk check
    /// of large months and the roster lookup compare them.
    func keyBytes<R: RawRecord>(_ record: R, _ key: [Int]) -> UniqueKeyBytes {
        UniqueKeyBytes(cells: key.lazy.map { record.field(self.fieldOf[$0]) })
    }

    func checkUniqueInMemory<R: RawRecord>(_ record: R, line: Int) -> Bool {
        if let keys = sharedKeys, !isRoster || quarter == nil { return checkUniqueInQuarter(record, line: line, keys) }
        if seenKeys.isEmpty { seenKeys = Array(repeating: [:], count: spec.uniqueKeys.count) }
        var unique = true
        for (k, key) in spec.uniqueKeys.enumerated() {
            let bytes = keyBytes(record, key)
            if let first = seenKeys[k][bytes] {
                reportDuplicate(key: k, values: key.map { Self.text(record.field(fieldOf[$0])) }, line: line, firstLine: first)
                unique = false
            } else {
                seenKeys[k][bytes] = line
            }
        }
        return unique
    }

    /// Reports a duplicated key (also called by the pipeline after its on-disk check).
    public func reportDuplicate(key k: Int, values: [String], line: Int, firstLine: Int, firstFile: String? = nil) {
        let key = spec.uniqueKeys[k]
        let names = key.map { spec.columns[$0].name }.joined(separator: " + ")
        problem(.duplicateKey, line: line, field: (fieldOf.isEmpty ? key[0] : fieldOf[key[0]]) + 1, column: names,
                InputMessages.duplicateKey(names, values: values, firstFile: firstFile == spec.file ? nil : firstFile, firstLine: firstLine, in: quarter?.kind))
    }

    /// A quarter's ids are unique across its three months' files.
    func checkUniqueInQuarter<R: RawRecord>(_ record: R, line: Int, _ keys: QuarterKeys) -> Bool {
        if keys.seen.isEmpty { keys.seen = Array(repeating: [:], count: spec.uniqueKeys.count) }
        var unique = true
        for (k, key) in spec.uniqueKeys.enumerated() {
            let bytes = keyBytes(record, key)
            if let first = keys.seen[k][bytes] {
                reportDuplicate(key: k, values: key.map { Self.text(record.field(fieldOf[$0])) }, line: line, firstLine: first.line, firstFile: first.file)
                unique = false
            } else {
                keys.seen[k][bytes] = (spec.file, line)
            }
        }
        return unique
    }

    /// The roster's id column as the rule file names it (网格员编号, 责任人编号, 人员编号 …).
    var rosterIdName: String { month.rules.rosterTable.columns[month.rules.roster.idColumn].name }

    /// A quarter's row whose worker is not on its last roster: a warning when the worker is on
    /// the row's own month's roster (they left during the quarter; the row is not counted), an
    /// error when on neither.
    func reportNotOnLastRoster(_ id: String, _ quarter: QuarterFile, line: Int, field: Int, column: String, departed: Bool) {
        if departed {
            problem(.notOnLastRoster, line: line, field: field, column: column,
                    InputMessages.leftBeforePeriodEnd(id, period: quarter.kind, month: "\(quarter.month)", ownRoster: quarter.ownRoster, lastRoster: quarter.lastRoster),
                    acceptable: false, severity: .warning)
        } else {
            problem(.unknownWorker, line: line, field: field, column: column,
                    InputMessages.notOnLastRoster(column, id, period: quarter.kind, lastRoster: quarter.lastRoster,
                                                  ownRoster: quarter.ownRoster == quarter.lastRoster ? nil : quarter.ownRoster, idName: rosterIdName,
                                                  suggestion: Suggestion.didYouMean(id, among: month.nearbyIds(id), maxDistance: 1)))
        }
    }

    /// Declared column → field index, once the header is read (empty if columns are missing).
    public var fieldIndices: [Int] { fieldOf }

    func readHeader(_ fields: [String], line: Int) {
        headerRead = true
        headerCount = fields.count
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() {
            if index[f] != nil {
                problem(.duplicateColumn, line: line, field: i + 1, column: f, InputMessages.duplicateColumn(f), acceptable: false)
            }
            index[f] = index[f] ?? i
        }
        var mapping: [Int] = []
        var missing = false
        for column in spec.columns {
            if let i = index[column.name] { mapping.append(i) } else {
                missing = true
                let declared = Set(spec.columns.map(\.name))
                if let near = Suggestion.closest(to: column.name, among: fields.filter { !declared.contains($0) }), let at = fields.firstIndex(of: near) {
                    problem(.missingColumn, line: line, field: at + 1, column: column.name,
                            InputMessages.missingColumnNear(column.name, near: near), acceptable: false)
                } else {
                    problem(.missingColumn, line: line, column: column.name,
                            InputMessages.missingColumn(column.name, header: fields), acceptable: false)
                }
            }
        }
        fieldOf = missing ? [] : mapping
    }

    /// Exports are read exactly: no trimming, no guessing of formats. The fast path touches
    /// only `decoders`; messages (the slow path) look the column up.
    @inline(__always)
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, line: Int, field: Int) -> Value? {
        let d = decoders[c]
        if bytes.isEmpty {
            // An empty optional choice matches none of its values (not the previous row's).
            if d.kind == .choice { choiceSlots[c] = -1 }
            // An optional column's empty cell is no value: never 0, never "" (only has()/is_empty() read it).
            if d.optional { return .empty }
            return fail(c, line, field, InputMessages.emptyCell(spec.columns[c].name, expected: spec.columns[c].type.expectation), bytes)
        }
        if d.hasForms { return decodeInForm(bytes, c, d, line: line, field: field) }
        switch d.kind {
        case .text:
            let first = bytes[0]
            if first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D {
                warnFormulaLike(Self.text(bytes), spec.columns[c], line: line, field: field)
            }
            return d.needed ? .text(Self.text(bytes)) : .bool(false)
        case .choice:
            let options = choiceBytes[c]
            for k in options.indices where options[k].count == bytes.count {
                if options[k].withUnsafeBufferPointer({ memEqual($0, bytes) }) {
                    choiceSlots[c] = Int32(k)
                    return choiceValues[c][k]
                }
            }
            let values = options.map { String(decoding: $0, as: UTF8.self) }
            let raw = Self.text(bytes)
            return fail(c, line, field, InputMessages.notAChoice(spec.columns[c].name, InputExcerpt.show(raw), values: values, suggestion: Suggestion.didYouMean(raw, among: values)), bytes)
        case .number, .integer:
            return decodeNumber(bytes, c, d, line: line, field: field)
        case .date:
            guard let date = CivilDate.parse(bytes: bytes) else {
                return fail(c, line, field, InputMessages.notADate(spec.columns[c].name, Self.shown(bytes)), bytes)
            }
            return inPeriod(.date(date), bytes, c, d, line: line, field: field)
        case .datetime:
            guard let dt = CivilDateTime.parse(bytes: bytes) else {
                return fail(c, line, field, InputMessages.notATime(spec.columns[c].name, Self.shown(bytes)), bytes)
            }
            return inPeriod(.datetime(dt), bytes, c, d, line: line, field: field)
        }
    }

    /// A date or time that must lie in the period, and does (else reported).
    func inPeriod(_ v: Value, _ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, _ d: ColumnDecoder, line: Int, field: Int) -> Value? {
        guard d.withinPeriod else { return v }
        switch v {
        case .date(let date) where !period.contains(date):
            return fail(c, line, field, InputMessages.dateOutsidePeriod(spec.columns[c].name, Self.shown(bytes), period: "\(period.month)", first: "\(period.firstDay)", last: "\(period.lastDay)"), bytes, kind: .outsidePeriod)
        case .datetime(let dt) where !period.contains(dt.date):
            return fail(c, line, field, InputMessages.timeOutsidePeriod(spec.columns[c].name, Self.shown(bytes), period: "\(period.month)", first: "\(period.firstDay)", last: "\(period.lastDay)"), bytes, kind: .outsidePeriod)
        default:
            return v
        }
    }

    /// A number cell: exact decimal, whole where the column is an integer, within places and bounds.
    @inline(__always)
    /// `raw`: the cell as written, where `bytes` is its plain form (separators and % taken out);
    /// `percent`: the number is read as its hundredth (places are those written).
    func decodeNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, _ d: ColumnDecoder, line: Int, field: Int,
                      raw: UnsafeBufferPointer<UInt8>? = nil, percent: Bool = false) -> Value? {
        let written = bytes
        let bytes = raw ?? bytes
        guard var n = ExactNumber(decimalBytes: written) else {
            return fail(c, line, field, InputMessages.notANumber(spec.columns[c].name, Self.shown(bytes), expected: spec.columns[c].type.expectation), bytes)
        }
        // A whole number is digits, with a leading '-' where the column allows negatives:
        // never '2.00' (two columns swapped in a row once read as a base of 3 yuan).
        if d.kind == .integer, n.isInteger, !InputExcerpt.isPlainInteger(written) {
            return fail(c, line, field, InputMessages.wholeNumberNotPlain(spec.columns[c].name, Self.shown(bytes)), bytes)
        }
        if d.kind == .integer, !n.isInteger {
            return fail(c, line, field, InputMessages.notWhole(spec.columns[c].name, Self.shown(bytes)), bytes)
        }
        if let places = d.places, n.denominator != 1, !n.hasAtMostDecimalPlaces(places) {
            return fail(c, line, field, InputMessages.tooManyDecimals(spec.columns[c].name, Self.shown(bytes), places: places), bytes)
        }
        if percent, let hundredth = try? n.divided(by: ExactNumber(100)) { n = hundredth }
        if let min = d.minimum, n < min {
            return fail(c, line, field, InputMessages.belowMinimum(spec.columns[c].name, Self.shown(bytes), minimum: "\(min)", expected: spec.columns[c].type.expectation), bytes)
        }
        if let max = d.maximum, n > max {
            return fail(c, line, field, InputMessages.aboveMaximum(spec.columns[c].name, Self.shown(bytes), maximum: "\(max)"), bytes)
        }
        if n > InputNumberLimits.largest || n < InputNumberLimits.smallest {
            return fail(c, line, field, InputMessages.beyondInputLimit(spec.columns[c].name, Self.shown(bytes), expected: spec.columns[c].type.expectation, largest: "\(InputNumberLimits.largest)"), bytes)
        }
        if d.places == nil, n.denominator != 1, !n.hasAtMostDecimalPlaces(InputNumberLimits.decimalPlaces) {
            return fail(c, line, field, InputMessages.beyondInputPlaces(spec.columns[c].name, Self.shown(bytes), places: InputNumberLimits.decimalPlaces), bytes)
        }
        return .number(n)
    }

    /// Records a bad cell (its message an `InputMessages` one, naming the column).
    func fail(_ c: Int, _ line: Int, _ field: Int, _ message: String, _ bytes: UnsafeBufferPointer<UInt8>,
              kind: InputProblem.Kind = .badValue) -> Value? {
        problem(kind, line: line, field: field, column: spec.columns[c].name, message)
        return nil
    }

    /// Such text is kept and written as plain text everywhere (never a formula); it is listed.
    func warnFormulaLike(_ raw: String, _ column: ColumnSpec, line: Int, field: Int) {
        guard let first = raw.unicodeScalars.first, FormulaGuard.isFormulaLike(first) else { return }
        problem(.formulaLikeText, line: line, field: field, column: column.name,
                InputMessages.formulaLike(column.name, raw, first: first == "\t" ? "\\t" : String(first)),
                acceptable: false, severity: .warning)
    }
}

/// Bounds on every number read from an input cell, whatever its column declares. Far beyond
/// any real count, duration or amount (a trillion yuan), they keep every sum, mean and product a
/// rule file can form over a province's workers inside exact arithmetic, so that an absurd cell
/// is reported at its row and column instead of failing a whole run as an overflow somewhere.
public enum InputNumberLimits {
    public static let largest = ExactNumber(1_000_000_000_000)
    public static let smallest = ExactNumber(-1_000_000_000_000)
    /// For columns that declare no `decimals` of their own.
    public static let decimalPlaces = 6
}

public enum FormulaGuard {
    public static func isFormulaLike(_ first: Unicode.Scalar) -> Bool {
        first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
    }
}

@inline(__always)
func memEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for i in 0..<a.count where a[i] != b[i] { return false }
    return true
}

/// FNV-1a over the key's fields (with a separator), 64 bits: duplicates are then confirmed exactly.
public struct KeyHash {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    @inline(__always)
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        var h = value
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        h ^= 0x1F
        value = h &* 0x100_0000_01b3
    }
}
