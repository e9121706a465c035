/// Validates the records of one input file against its declaration in the rule file and hands
/// good rows, typed, to the month. Streaming: a record is looked at once and dropped.
public final class TableIngest {
    public let tableIndex: Int
    let spec: TableSpec
    let period: Period
    unowned let month: MonthComputation
    /// Declared column → field index in the file.
    var fieldOf: [Int] = []
    var headerCount = 0
    var headerRead = false
    var seenKeys: [[String: Int]]
    let accepted: Set<String>
    public private(set) var problems: [InputProblem] = []
    public private(set) var rowsRead = 0
    public private(set) var rowsUsed = 0

    public init(table: Int, month: MonthComputation, accepted: Set<String>) {
        tableIndex = table
        spec = month.rules.tables[table]
        period = month.period
        self.month = month
        self.accepted = accepted
        seenKeys = Array(repeating: [:], count: spec.uniqueKeys.count)
    }

    var isRoster: Bool { tableIndex == month.rules.roster.table }

    func problem(_ kind: InputProblem.Kind, line: Int?, field: Int? = nil, column: String? = nil, _ message: String, acceptable: Bool = true, severity: Diagnostic.Severity = .error) {
        var p = InputProblem(kind, severity, file: spec.file, line: line, column: field, columnName: column, message: message, acceptable: acceptable)
        if severity == .error, acceptable, let line, accepted.contains("\(spec.file):\(line)") { p.accepted = true }
        problems.append(p)
    }

    /// Feeds one CSV record (the first one is the header).
    public func consume(fields: [String], line: Int) {
        if !headerRead {
            readHeader(fields, line: line)
            return
        }
        guard !fieldOf.isEmpty else { return }
        rowsRead += 1
        guard fields.count == headerCount else {
            problem(.fieldCount, line: line, "the row has \(fields.count) fields, the header has \(headerCount); expected \(headerCount) (a comma inside a value needs quotes)")
            return
        }
        var values: [Value] = []
        values.reserveCapacity(spec.columns.count)
        var bad = false
        for (c, column) in spec.columns.enumerated() {
            let f = fieldOf[c]
            let raw = fields[f]
            if let v = decode(raw, column, line: line, field: f + 1) { values.append(v) } else {
                bad = true
                values.append(.text(raw))
            }
        }
        if bad { return }
        var worker: Int?
        if isRoster {
            let id = fields[fieldOf[month.rules.roster.idColumn]]
            if checkUnique(fields, line: line) == false { return }
            worker = month.addWorker(values, id: id, line: line)
        } else if let wc = spec.workerColumn {
            let id = fields[fieldOf[wc]]
            guard let w = month.workerIndex(id) else {
                problem(.unknownWorker, line: line, field: fieldOf[wc] + 1, column: spec.columns[wc].name,
                        "worker '\(id)' is not on the roster (\(month.rules.rosterTable.file))\(Suggestion.didYouMean(id, among: month.nearbyIds(id), maxDistance: 1))")
                return
            }
            if checkUnique(fields, line: line) == false { return }
            worker = w
        }
        if let worker {
            do {
                try month.ingest(table: tableIndex, row: values, worker: worker, line: line)
                rowsUsed += 1
            } catch {
                problem(.badValue, line: line, "\(error.message) while evaluating \(error.location.map { "the rule at \($0)" } ?? "a rule") for this row", acceptable: false)
            }
        }
    }

    func checkUnique(_ fields: [String], line: Int) -> Bool {
        for (k, key) in spec.uniqueKeys.enumerated() {
            let text = key.map { fields[fieldOf[$0]] }.joined(separator: "\u{1F}")
            if let first = seenKeys[k][text] {
                let names = key.map { spec.columns[$0].name }.joined(separator: " + ")
                let shown = key.map { fields[fieldOf[$0]] }.joined(separator: ", ")
                problem(.duplicateKey, line: line, field: fieldOf[key[0]] + 1, column: names,
                        "duplicate \(names) '\(shown)': already used at line \(first); expected each to appear once")
                return false
            }
            seenKeys[k][text] = line
        }
        return true
    }

    func readHeader(_ fields: [String], line: Int) {
        headerRead = true
        headerCount = fields.count
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() {
            if index[f] != nil {
                problem(.duplicateColumn, line: line, field: i + 1, column: f, "the column '\(f)' appears twice in the header", acceptable: false)
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
                            "missing column '\(column.name)': the header has '\(near)' here; is it misspelt? Expected the header to name '\(column.name)'", acceptable: false)
                } else {
                    problem(.missingColumn, line: line, column: column.name,
                            "missing column '\(column.name)'; the header has: \(fields.joined(separator: ", "))", acceptable: false)
                }
            }
        }
        fieldOf = missing ? [] : mapping
    }

    /// Exports are read exactly: no trimming, no guessing of formats.
    func decode(_ raw: String, _ column: ColumnSpec, line: Int, field: Int) -> Value? {
        func fail(_ message: String, kind: InputProblem.Kind = .badValue) -> Value? {
            problem(kind, line: line, field: field, column: column.name, message)
            return nil
        }
        if raw.isEmpty {
            if column.optional {
                return column.type.valueType == .number ? .number(.zero) : .text("")
            }
            return fail("\(column.name) is empty; expected \(column.type.expectation)")
        }
        switch column.type {
        case .id, .text:
            warnIfFormulaLike(raw, column, line: line, field: field)
            return .text(raw)
        case .choice(let values):
            guard values.contains(raw) else {
                return fail("\(column.name) is '\(raw)'; expected one of \(values.joined(separator: " / "))\(Suggestion.didYouMean(raw, among: values))")
            }
            return .text(raw)
        case .integer, .decimal:
            guard let n = ExactNumber(decimalText: raw), raw.first != "+" else {
                return fail("\(column.name) is '\(raw)'; expected \(column.type.expectation)")
            }
            if case .integer = column.type, !n.isInteger {
                return fail("\(column.name) is '\(raw)'; expected a whole number")
            }
            if case .decimal(let places?) = column.type, !n.hasAtMostDecimalPlaces(places) {
                return fail("\(column.name) is '\(raw)'; expected at most \(places) decimals")
            }
            if let min = column.minimum, n < min {
                return fail("\(column.name) is \(raw), below the minimum \(min); expected \(column.type.expectation) ≥ \(min)")
            }
            if let max = column.maximum, n > max {
                return fail("\(column.name) is \(raw), above the maximum \(max); expected at most \(max)")
            }
            return .number(n)
        case .date:
            guard let d = CivilDate.parse(Substring(raw)) else {
                return fail("\(column.name) is '\(raw)'; expected a date YYYY-MM-DD")
            }
            if spec.withinPeriod, !period.contains(d) {
                return fail("\(column.name) \(raw) is outside \(period); expected a date from \(period.firstDay) to \(period.lastDay)", kind: .outsidePeriod)
            }
            return .date(d)
        case .datetime:
            guard let d = CivilDateTime.parse(Substring(raw)) else {
                return fail("\(column.name) is '\(raw)'; expected a time YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS")
            }
            if spec.withinPeriod, !period.contains(d.date) {
                return fail("\(column.name) \(raw) is outside \(period); expected a time from \(period.firstDay) 00:00 to \(period.lastDay) 23:59", kind: .outsidePeriod)
            }
            return .datetime(d)
        }
    }

    /// Such text is kept and written as plain text everywhere (never a formula); it is listed.
    func warnIfFormulaLike(_ raw: String, _ column: ColumnSpec, line: Int, field: Int) {
        guard let first = raw.unicodeScalars.first, FormulaGuard.isFormulaLike(first) else { return }
        problem(.formulaLikeText, line: line, field: field, column: column.name,
                "\(column.name) '\(raw)' starts with '\(first == "\t" ? "\\t" : String(first))', which a spreadsheet would read as a formula; it is written as plain text",
                acceptable: false, severity: .warning)
    }
}

public enum FormulaGuard {
    public static func isFormulaLike(_ first: Unicode.Scalar) -> Bool {
        first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
    }
}
