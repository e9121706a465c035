import GridpayCore

/// Checks one `[tables.<name>]` of a shape file against the table the rule file declares.
final class TableCompiler {
    let rules: RuleSet
    let table: Int
    let shape: TOMLTable
    let context: ShapeContext
    let crlf: Bool
    let bom: Bool
    /// Columns whose fill was already reported as wrong (so "has no fill" is not said as well).
    var failed: Set<Int> = []

    enum Mode { case roster, perWorker, sessions }

    static let fillKeys: [String: [String]] = [
        "worker": [], "const": ["value"], "sequence": ["prefix", "width", "start"], "date": [],
        "datetime": ["hours", "seconds"], "integer": ["min", "max"], "decimal": ["min", "max", "places", "trim"],
        "pick": ["values"], "choice": ["weights", "low_diligence_weights"], "session": ["prefix", "width"],
        "session_date": [], "name": ["surnames", "given"], "unit": ["names", "suffixes"],
        "group": ["prefix", "separator"], "roster": ["column"],
    ]
    static let fillOrder = ["worker", "const", "sequence", "date", "datetime", "integer", "decimal", "pick", "choice",
                            "session", "session_date", "name", "unit", "group", "roster"]

    init(rules: RuleSet, table: Int, shape: TOMLTable, context: ShapeContext, crlf: Bool, bom: Bool) {
        self.rules = rules
        self.table = table
        self.shape = shape
        self.context = context
        self.crlf = crlf
        self.bom = bom
    }

    var spec: TableSpec { rules.tables[table] }
    var isRoster: Bool { table == rules.roster.table }
    var path: String { "[tables.\(spec.name)]" }

    func error(_ message: String, at location: SourceLocation?, length: Int = 1) {
        context.error(message, at: location, length: length)
    }

    func compile() -> TablePlan? {
        let before = context.diagnostics.count
        var allowed = ["columns", "line_ending", "bom"]
        if !isRoster { allowed += ["rows_per_worker", "plus", "diligence_scales_rows", "sessions", "batches"] }
        let r = ShapeReader(shape, path: path, context: context, allowed: allowed)
        let mode: Mode = isRoster ? .roster : (r.has("sessions") ? .sessions : .perWorker)
        let crlf = ShapeLoader.lineEnding(r) ?? self.crlf
        let bom = r.bool("bom") ?? self.bom
        let base = readColumns(r.subtable("columns", required: false), mode: mode, valuesOnly: false)
        var kind: TableKind?
        switch mode {
        case .roster:
            if let fills = resolve(base, [:], at: shape.location, place: path) { kind = .roster(fills: fills) }
        case .sessions:
            for key in ["rows_per_worker", "plus", "diligence_scales_rows", "batches"] where r.has(key) {
                let entry = shape.entry(key)!
                error("'\(key)' cannot be used with 'sessions' in \(path): a session table has one row per worker and session",
                      at: entry.keyLocation, length: key.count)
            }
            let range = r.intRange("sessions")
            if let range, let fills = resolve(base, [:], at: shape.location, place: path) {
                kind = .sessions(low: range.lo, high: range.hi, fills: fills)
            }
        case .perWorker:
            let batchTables = r.tables("batches")
            var batches: [BatchPlan] = []
            if batchTables.isEmpty {
                if let b = readBatch(r, overrides: [:], base: base, place: path) { batches.append(b) }
            } else {
                for key in ["rows_per_worker", "plus", "diligence_scales_rows"] where r.has(key) {
                    let entry = shape.entry(key)!
                    error("with [[tables.\(spec.name).batches]], '\(key)' goes inside each batch", at: entry.keyLocation, length: key.count)
                }
                for (i, bt) in batchTables.enumerated() {
                    let place = "[[tables.\(spec.name).batches]] number \(i + 1)"
                    let br = ShapeReader(bt, path: place, context: context,
                                         allowed: ["rows_per_worker", "plus", "diligence_scales_rows", "set", "columns"])
                    var overrides = readColumns(br.subtable("columns", required: false), mode: mode, valuesOnly: false)
                    for (c, f) in readColumns(br.subtable("set", required: false), mode: mode, valuesOnly: true) { overrides[c] = f }
                    if let b = readBatch(br, overrides: overrides, base: base, place: place) { batches.append(b) }
                }
            }
            if batches.count == max(1, batchTables.count) { kind = .perWorker(batches) }
        }
        guard let kind, context.diagnostics.count == before else { return nil }
        checkUnique(kind)
        guard context.diagnostics.count == before else { return nil }
        return TablePlan(table: table, name: spec.name, file: spec.file, header: spec.columns.map(\.name), kind: kind, crlf: crlf, bom: bom)
    }

    func readBatch(_ r: ShapeReader, overrides: [Int: Fill], base: [Int: Fill], place: String) -> BatchPlan? {
        let range = r.intRange("rows_per_worker")
        if !r.has("rows_per_worker") {
            error("\(place) needs rows_per_worker = [low, high] (rows per worker and month, before diligence and --rows-scale), or sessions = N for a session table",
                  at: r.location)
        }
        var plus: Int?
        if let (name, loc) = r.string("plus", required: false) {
            let roster = rules.rosterTable
            if let c = roster.columnIndex(name) {
                if case .integer = roster.columns[c].type { plus = c } else {
                    error("plus = \"\(name)\": the roster column must hold whole numbers (type integer), but is \(roster.columns[c].type.expectation)", at: loc)
                }
            } else {
                error("plus = \"\(name)\": the roster (\(roster.file)) has no such column\(Suggestion.didYouMean(name, among: roster.columns.map(\.name)))", at: loc)
            }
        }
        let scales = r.bool("diligence_scales_rows") ?? true
        guard let range, let fills = resolve(base, overrides, at: r.location, place: place) else { return nil }
        if r.has("plus") && plus == nil { return nil }
        return BatchPlan(countLow: range.lo, countHigh: range.hi, plusColumn: plus, scalesWithDiligence: scales, fills: fills)
    }

    /// Column fills of one `columns` (or `set`) table, keyed by column index.
    func readColumns(_ t: TOMLTable?, mode: Mode, valuesOnly: Bool) -> [Int: Fill] {
        var out: [Int: Fill] = [:]
        for entry in t?.entries ?? [] {
            guard let c = spec.columnIndex(entry.key) else {
                let names = spec.columns.map(\.name)
                error("table '\(spec.name)' (\(spec.file): \(names.joined(separator: ", "))) has no column '\(entry.key)'\(Suggestion.didYouMean(entry.key, among: names))",
                      at: entry.keyLocation, length: entry.key.count)
                continue
            }
            if valuesOnly, case .table = entry.node.value {
                error("'set' takes fixed values (\"\(entry.key)\" = \"…\"); put fills under 'columns'", at: entry.node.location)
                failed.insert(c)
                continue
            }
            if let f = parseFill(entry.node, column: c, mode: mode) { out[c] = f } else { failed.insert(c) }
        }
        return out
    }

    /// Every column's fill, in the rule file's column order; the worker column defaults to the worker.
    func resolve(_ base: [Int: Fill], _ overrides: [Int: Fill], at location: SourceLocation, place: String) -> [Fill]? {
        var fills: [Fill] = []
        var ok = true
        for (c, column) in spec.columns.enumerated() {
            let isWorkerColumn = isRoster ? c == rules.roster.idColumn : c == spec.workerColumn
            var fill = overrides[c] ?? base[c]
            if fill == nil && isWorkerColumn { fill = .worker }
            guard let fill else {
                if !failed.contains(c) {
                    error("column '\(column.name)' of table '\(spec.name)' has no fill in \(place): add \"\(column.name)\" = { fill = \"…\" } under [tables.\(spec.name).columns]",
                          at: location)
                }
                ok = false
                continue
            }
            if isWorkerColumn, fill.name != "worker" {
                error("column '\(column.name)' names the worker of each row of table '\(spec.name)'; it must be filled with { fill = \"worker\" } (or left out)",
                      at: location)
                ok = false
            }
            fills.append(fill)
        }
        return ok ? fills : nil
    }

    func checkUnique(_ kind: TableKind) {
        for key in spec.uniqueKeys {
            let names = key.map { spec.columns[$0].name }.joined(separator: " + ")
            func isSequence(_ f: Fill) -> Bool { if case .sequence = f { true } else { false } }
            func isWorker(_ f: Fill) -> Bool { if case .worker = f { true } else { false } }
            func isSession(_ f: Fill) -> Bool { if case .session = f { true } else { false } }
            let ok: Bool
            switch kind {
            case .roster(let fills):
                ok = key.contains { isSequence(fills[$0]) || isWorker(fills[$0]) }
            case .sessions(_, _, let fills):
                ok = key.contains { isSequence(fills[$0]) } || (key.contains { isSession(fills[$0]) } && key.contains { isWorker(fills[$0]) })
            case .perWorker(let batches):
                ok = key.contains { c in batches.allSatisfy { isSequence($0.fills[c]) } }
            }
            if !ok {
                error("the rule file declares \(names) unique in table '\(spec.name)' (\(spec.location)), but the shape does not guarantee it: fill one of these columns with { fill = \"sequence\" }"
                      + (isRoster ? " or \"worker\"" : "") + " in every batch", at: shape.location)
            }
        }
    }

    // MARK: checks against the rule file's column

    /// Why `text` would be rejected by `gridpay run` in this column, or nil if it fits.
    func problem(fitting text: String, into column: ColumnSpec) -> String? {
        if text.isEmpty { return column.optional ? nil : "an empty value, but the column needs \(column.type.expectation)" }
        switch column.type {
        case .id, .text:
            return nil
        case .choice(let values):
            return values.contains(text) ? nil
                : "'\(text)' is not one of the column's values \(values.joined(separator: " / "))\(Suggestion.didYouMean(text, among: values))"
        case .integer, .decimal:
            guard text.first != "+", let n = ExactNumber(decimalText: text) else { return "'\(text)' is not a number" }
            if case .integer = column.type, !n.isInteger { return "'\(text)' is not a whole number" }
            if case .decimal(let places?) = column.type, !n.hasAtMostDecimalPlaces(places) {
                return "'\(text)' has more than \(places) decimals"
            }
            return bounds(n, n, column)
        case .date, .datetime:
            return "a fixed value cannot fill a \(column.type.expectation) column; use { fill = \"\(column.type == .date ? "date" : "datetime")\" }"
        }
    }

    func bounds(_ lo: ExactNumber, _ hi: ExactNumber, _ column: ColumnSpec) -> String? {
        if let min = column.minimum, lo < min { return "\(lo) is below the column's minimum \(min)" }
        if let max = column.maximum, hi > max { return "\(hi) is above the column's maximum \(max)" }
        return nil
    }

    /// Whether the fill can write what the column's type accepts.
    func check(_ fill: Fill, fits column: ColumnSpec, at location: SourceLocation) -> Bool {
        let textual = column.type == .id || column.type == .text
        var problem: String?
        switch fill {
        case .worker, .sequence, .session, .name, .unit, .group:
            if !textual { problem = "fill '\(fill.name)' writes text" }
        case .date, .sessionDate:
            if column.type != .date { problem = "fill '\(fill.name)' writes dates YYYY-MM-DD" }
        case .datetime:
            if column.type != .datetime { problem = "fill 'datetime' writes times YYYY-MM-DD HH:MM" }
        case .integer(let lo, let hi):
            switch column.type {
            case .integer, .decimal: problem = bounds(ExactNumber(lo), ExactNumber(hi), column)
            case .id, .text: break
            default: problem = "fill 'integer' writes whole numbers"
            }
        case .decimal(let lo, let hi, let places, _):
            var factor: Int128 = 1
            for _ in 0..<places { factor *= 10 }
            let l = (try? ExactNumber(numerator: Int128(lo), denominator: factor)) ?? .zero
            let h = (try? ExactNumber(numerator: Int128(hi), denominator: factor)) ?? .zero
            switch column.type {
            case .decimal(let p):
                if let p, places > p { problem = "places = \(places), but the column allows at most \(p) decimals" } else { problem = bounds(l, h, column) }
            case .integer:
                if places > 0 { problem = "the column holds whole numbers; use { fill = \"integer\" } or places = 0" } else { problem = bounds(l, h, column) }
            case .id, .text: break
            default: problem = "fill 'decimal' writes numbers"
            }
        case .roster(let c):
            let source = rules.rosterTable.columns[c]
            if !textual && source.type != column.type {
                problem = "the roster column '\(source.name)' holds \(source.type.expectation)"
            }
        case .constant, .pick, .choice:
            break  // every value was checked on its own
        }
        if let problem {
            error("column '\(column.name)' of table '\(spec.name)' holds \(column.type.expectation) (\(column.location)); \(problem)", at: location)
            return false
        }
        return true
    }
}
