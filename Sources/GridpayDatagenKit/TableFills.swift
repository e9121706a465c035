import GridpayCore

/// The fills of a shape file's columns: each `{ fill = "…", … }` read into a `Fill`.
extension TableCompiler {
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

    /// The fill `kind` read from its keys (each kind's own keys checked by its reader).
    func build(_ kind: String, _ r: ShapeReader, column: ColumnSpec, at location: SourceLocation) -> Fill? {
        switch kind {
        case "worker": return .worker
        case "const": return buildConstant(r, column: column)
        case "sequence":
            guard let prefix = prefix(r) else { return nil }
            return .sequence(prefix: prefix, width: r.integer("width", required: false, minimum: 1) ?? 6,
                             start: r.integer("start", required: false, minimum: 0) ?? 1)
        case "session":
            guard let prefix = prefix(r) else { return nil }
            return .session(prefix: prefix, width: r.integer("width", required: false, minimum: 1) ?? 2)
        case "date": return .date
        case "session_date": return .sessionDate
        case "datetime": return buildDatetime(r)
        case "integer": return buildInteger(r)
        case "decimal": return buildDecimal(r)
        case "pick": return buildPick(r, column: column)
        case "choice": return buildChoice(r, column: column)
        case "name":
            guard let surnames = textList(r, "surnames", splitCharacters: true),
                  let given = textList(r, "given", splitCharacters: true) else { return nil }
            return .name(surnames: surnames, given: given)
        case "unit": return buildUnit(r)
        case "group":
            let p = r.string("prefix", required: false)?.value ?? ""
            let s = r.string("separator", required: false)?.value ?? "-"
            return .group(prefix: p, separator: s)
        case "roster": return buildRosterCopy(r)
        default: return nil
        }
    }

    func buildConstant(_ r: ShapeReader, column: ColumnSpec) -> Fill? {
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
    }

    func buildDatetime(_ r: ShapeReader) -> Fill? {
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
    }

    func buildInteger(_ r: ShapeReader) -> Fill? {
        guard let lo = r.integer("min"), let hi = r.integer("max") else { return nil }
        guard lo <= hi else {
            r.error("min \(lo) is above max \(hi)", at: r.node("min", required: false)?.location)
            return nil
        }
        return .integer(min: lo, max: hi)
    }

    func buildDecimal(_ r: ShapeReader) -> Fill? {
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
    }

    func buildPick(_ r: ShapeReader, column: ColumnSpec) -> Fill? {
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
    }

    func buildChoice(_ r: ShapeReader, column: ColumnSpec) -> Fill? {
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
    }

    func buildUnit(_ r: ShapeReader) -> Fill? {
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
    }

    func buildRosterCopy(_ r: ShapeReader) -> Fill? {
        guard let (name, loc) = r.string("column") else { return nil }
        guard let c = rules.rosterTable.columnIndex(name) else {
            let names = rules.rosterTable.columns.map(\.name)
            r.error("the roster (\(rules.rosterTable.file)) has no column '\(name)'\(Suggestion.didYouMean(name, among: names))", at: loc)
            return nil
        }
        return .roster(column: c)
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
}
