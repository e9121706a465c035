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

    // MARK: fills

    func parseFill(_ node: TOMLNode, column c: Int, mode: Mode) -> Fill? {
        let column = spec.columns[c]
        switch node.value {
        case .string, .number:
            let text = node.value.scalarText!
            if let problem = problem(fitting: text, into: column) {
                error("column '\(column.name)': \(problem)", at: node.location)
                return nil
            }
            return .constant(text)
        case .table(let t):
            guard let fnode = t["fill"], case .string(let fs) = fnode.value else {
                error("column '\(column.name)': write { fill = \"…\", … } with one of the fills \(Self.fillOrder.joined(separator: ", ")), or a fixed value in quotes",
                      at: t["fill"]?.location ?? node.location)
                return nil
            }
            let kind = fs.value
            guard let extra = Self.fillKeys[kind] else {
                error("unknown fill '\(kind)'\(Suggestion.didYouMean(kind, among: Self.fillOrder)); fills are \(Self.fillOrder.joined(separator: ", "))", at: fnode.location)
                return nil
            }
            let r = ShapeReader(t, path: "the fill of column '\(column.name)'", context: context, allowed: ["fill"] + extra)
            let before = context.diagnostics.count
            switch (kind, mode) {
            case ("name", .roster), ("unit", .roster), ("group", .roster), ("session", .sessions), ("session_date", .sessions):
                break
            case ("name", _), ("unit", _), ("group", _):
                error("fill '\(kind)' is for the roster only (the roster table here is '\(rules.rosterTable.name)'); other tables can copy a roster column with { fill = \"roster\", column = \"…\" }", at: fnode.location)
                return nil
            case ("session", _), ("session_date", _):
                error("fill '\(kind)' is for session tables only (a table with sessions = N)", at: fnode.location)
                return nil
            case ("roster", .roster):
                error("fill 'roster' copies a roster column into another table; it cannot be used in the roster itself", at: fnode.location)
                return nil
            default:
                break
            }
            guard let fill = build(kind, r, column: column, at: fnode.location), context.diagnostics.count == before else { return nil }
            guard check(fill, fits: column, at: fnode.location) else { return nil }
            return fill
        default:
            error("column '\(column.name)': expected { fill = \"…\", … } or a fixed value, found \(node.value.kindName)", at: node.location)
            return nil
        }
    }

    func build(_ kind: String, _ r: ShapeReader, column: ColumnSpec, at location: SourceLocation) -> Fill? {
        switch kind {
        case "worker":
            return .worker
        case "const":
            guard let node = r.node("value", required: true) else { return nil }
            guard let text = node.value.scalarText else {
                r.error("'value' must be a string or a number, but is \(node.value.kindName)", at: node.location)
                return nil
            }
            if let problem = problem(fitting: text, into: column) {
                r.error("column '\(column.name)': \(problem)", at: node.location)
                return nil
            }
            return .constant(text)
        case "sequence":
            guard let prefix = prefix(r) else { return nil }
            return .sequence(prefix: prefix, width: r.integer("width", required: false, minimum: 1) ?? 6,
                             start: r.integer("start", required: false, minimum: 0) ?? 1)
        case "session":
            guard let prefix = prefix(r) else { return nil }
            return .session(prefix: prefix, width: r.integer("width", required: false, minimum: 1) ?? 2)
        case "date":
            return .date
        case "session_date":
            return .sessionDate
        case "datetime":
            var lo = 8, hi = 20
            if let node = r.node("hours", required: false) {
                guard let range = r.intRange("hours"), range.lo < range.hi, range.hi <= 24 else {
                    r.error("hours = [from, to] with 0 ≤ from < to ≤ 24 (times fall from from:00 to before to:00)", at: node.location)
                    return nil
                }
                lo = range.lo
                hi = range.hi
            }
            var seconds = 0.0
            if let (v, loc) = r.number("seconds", required: false) {
                guard !v.isNegative, v <= .one else {
                    r.error("seconds is the share of times written with seconds, from 0 to 1; found \(v)", at: loc)
                    return nil
                }
                seconds = v.doubleValue
            }
            return .datetime(hourLo: lo, hourHi: hi, seconds: seconds)
        case "integer":
            guard let lo = r.integer("min"), let hi = r.integer("max") else { return nil }
            guard lo <= hi else {
                r.error("min \(lo) is above max \(hi)", at: r.node("min", required: false)?.location)
                return nil
            }
            return .integer(min: lo, max: hi)
        case "decimal":
            let places = r.integer("places", required: false, minimum: 0) ?? 0
            guard places <= 9 else {
                r.error("places must be at most 9", at: r.node("places", required: false)?.location)
                return nil
            }
            guard let (lo, loLoc) = r.number("min"), let (hi, hiLoc) = r.number("max") else { return nil }
            guard let l = scaled(lo, places, at: loLoc, r), let h = scaled(hi, places, at: hiLoc, r) else { return nil }
            guard l <= h else {
                r.error("min \(lo) is above max \(hi)", at: loLoc)
                return nil
            }
            return .decimal(min: l, max: h, places: places, trim: r.bool("trim") ?? false)
        case "pick":
            guard let items = r.array("values") else { return nil }
            var values: [String] = []
            for item in items {
                guard let text = item.value.scalarText else {
                    r.error("values holds strings, but this is \(item.value.kindName)", at: item.location)
                    return nil
                }
                if let problem = problem(fitting: text, into: column) {
                    r.error("column '\(column.name)': \(problem)", at: item.location)
                    return nil
                }
                values.append(text)
            }
            guard !values.isEmpty else {
                r.error("values needs at least one value", at: r.node("values", required: false)?.location)
                return nil
            }
            return .pick(values)
        case "choice":
            guard let node = r.node("weights", required: true), let (values, weights) = weighted(node, column: column, r) else { return nil }
            var low: [Double]?
            if let lowNode = r.node("low_diligence_weights", required: false) {
                guard let (lowValues, lowWeights) = weighted(lowNode, column: column, r) else { return nil }
                guard Set(lowValues) == Set(values), lowValues.count == values.count else {
                    r.error("low_diligence_weights must weigh the same values as weights (\(values.joined(separator: ", ")))", at: lowNode.location)
                    return nil
                }
                low = values.map { v in lowWeights[lowValues.firstIndex(of: v)!] }
            }
            return .choice(values: values, weights: weights, low: low)
        case "name":
            guard let surnames = textList(r, "surnames", splitCharacters: true),
                  let given = textList(r, "given", splitCharacters: true) else { return nil }
            return .name(surnames: surnames, given: given)
        case "unit":
            guard let names = textList(r, "names", splitCharacters: false) else { return nil }
            guard Set(names).count == names.count else {
                r.error("names must not repeat (each unit gets its own name)", at: r.node("names", required: false)?.location)
                return nil
            }
            var suffixes = [""], weights = [1.0]
            if let node = r.node("suffixes", required: false) {
                guard let (s, w) = weighted(node, column: nil, r, plainAllowed: true) else { return nil }
                suffixes = s
                weights = w
            }
            return .unit(names: names, suffixes: suffixes, weights: weights)
        case "group":
            let p = r.string("prefix", required: false)?.value ?? ""
            let s = r.string("separator", required: false)?.value ?? "-"
            return .group(prefix: p, separator: s)
        case "roster":
            guard let (name, loc) = r.string("column") else { return nil }
            guard let c = rules.rosterTable.columnIndex(name) else {
                let names = rules.rosterTable.columns.map(\.name)
                r.error("the roster (\(rules.rosterTable.file)) has no column '\(name)'\(Suggestion.didYouMean(name, among: names))", at: loc)
                return nil
            }
            return .roster(column: c)
        default:
            return nil
        }
    }

    /// `prefix`, where `{month}` stands for the month as YYYYMM.
    func prefix(_ r: ShapeReader) -> String? {
        guard let (p, loc) = r.string("prefix", required: false) else { return "" }
        let stripped = p.replacingOccurrences(of: "{month}", with: "")
        if stripped.contains("{") || stripped.contains("}") {
            r.error("prefix '\(p)': the only placeholder is {month} (the month as YYYYMM)", at: loc)
            return nil
        }
        return p
    }

    func scaled(_ v: ExactNumber, _ places: Int, at loc: SourceLocation, _ r: ShapeReader) -> Int? {
        var factor: Int128 = 1
        for _ in 0..<places { factor *= 10 }
        guard let s = try? v.multiplied(by: ExactNumber(numerator: factor, denominator: 1)), s.isInteger,
              s.numerator.magnitude < 1 << 60 else {
            r.error("\(v) has more decimals than places = \(places)", at: loc)
            return nil
        }
        return Int(s.numerator)
    }

    /// `[[value, weight], …]`; with plainAllowed also `["a", "b"]` (equal weights) or `"a"`.
    func weighted(_ node: TOMLNode, column: ColumnSpec?, _ r: ShapeReader, plainAllowed: Bool = false) -> ([String], [Double])? {
        let help = "expected [[value, weight], …], e.g. [[\"有效\", 92], [\"无效\", 8]]"
        if plainAllowed, case .string(let s) = node.value { return ([s.value], [1]) }
        guard case .array(let items) = node.value, !items.isEmpty else {
            r.error(help, at: node.location)
            return nil
        }
        var values: [String] = [], weights: [Double] = []
        for item in items {
            if plainAllowed, case .string(let s) = item.value {
                values.append(s.value)
                weights.append(1)
                continue
            }
            guard case .array(let pair) = item.value, pair.count == 2, let text = pair[0].value.scalarText,
                  case .number(let w, _) = pair[1].value, !w.isNegative else {
                r.error(help, at: item.location)
                return nil
            }
            if let column, let problem = problem(fitting: text, into: column) {
                r.error("column '\(column.name)': \(problem)", at: pair[0].location)
                return nil
            }
            if values.contains(text) {
                r.error("'\(text)' is weighed twice", at: pair[0].location)
                return nil
            }
            values.append(text)
            weights.append(w.doubleValue)
        }
        guard weights.reduce(0, +) > 0 else {
            r.error("at least one weight must be above 0", at: node.location)
            return nil
        }
        return (values, weights)
    }

    /// An array of strings, or (with splitCharacters) a string read as one entry per character.
    func textList(_ r: ShapeReader, _ key: String, splitCharacters: Bool) -> [String]? {
        guard let node = r.node(key, required: true) else { return nil }
        var out: [String] = []
        switch node.value {
        case .string(let s) where splitCharacters:
            out = s.value.map { String($0) }
        case .array(let items):
            for item in items {
                guard case .string(let s) = item.value, !s.value.isEmpty else {
                    r.error("'\(key)' holds non-empty strings, but this is \(item.value.kindName)", at: item.location)
                    return nil
                }
                out.append(s.value)
            }
        default:
            r.error("'\(key)' must be an array of strings\(splitCharacters ? " or a string of characters" : "")", at: node.location)
            return nil
        }
        guard !out.isEmpty else {
            r.error("'\(key)' needs at least one entry", at: node.location)
            return nil
        }
        return out
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
