/// Reads one TOML table (of a rule file, or of any TOML file gridpay reads) with the keys it
/// may contain, reporting unknown keys ("did you mean"), missing keys and wrong value kinds at
/// their own line and column, through `report`.
public struct TOMLSection {
    public let table: TOMLTable
    public let path: String
    let report: (Diagnostic) -> Void

    public init(_ table: TOMLTable, path: String, allowed: [String], report: @escaping (Diagnostic) -> Void) {
        self.table = table
        self.path = path
        self.report = report
        for entry in table.entries where !allowed.contains(entry.key) {
            report(.error("unknown key '\(entry.key)' in \(path)\(Suggestion.didYouMean(entry.key, among: allowed)); allowed keys: \(allowed.joined(separator: ", "))", at: entry.keyLocation, length: entry.key.count))
        }
    }

    public func error(_ message: String, at loc: SourceLocation?) {
        report(.error(message, at: loc))
    }

    public func has(_ key: String) -> Bool { table[key] != nil }

    public func node(_ key: String, required: Bool) -> TOMLNode? {
        if let n = table[key] { return n }
        if required { error("\(path) needs the key '\(key)'", at: table.location) }
        return nil
    }

    public func string(_ key: String, required: Bool = true) -> TOMLString? {
        guard let n = node(key, required: required) else { return nil }
        guard case .string(let s) = n.value else {
            error("'\(key)' in \(path) must be a string in quotes, but is \(n.value.kindName)", at: n.location)
            return nil
        }
        return s
    }

    public func text(_ key: String, required: Bool = true) -> String? { string(key, required: required)?.value }

    public func number(_ key: String, required: Bool = true) -> ExactNumber? {
        guard let n = node(key, required: required) else { return nil }
        guard case .number(let v, _) = n.value else {
            error("'\(key)' in \(path) must be a number, but is \(n.value.kindName)", at: n.location)
            return nil
        }
        return v
    }

    /// A number, or the string "none" for an explicit absence (e.g. 上不封顶).
    public func numberOrNone(_ key: String) -> ExactNumber? {
        guard let n = node(key, required: false) else { return nil }
        switch n.value {
        case .number(let v, _): return v
        case .string(let s) where s.value == "none": return nil
        default:
            error("'\(key)' in \(path) must be a number or \"none\", but is \(n.value.kindName)", at: n.location)
            return nil
        }
    }

    public func bool(_ key: String) -> Bool? {
        guard let n = node(key, required: false) else { return nil }
        guard case .bool(let b) = n.value else {
            error("'\(key)' in \(path) must be true or false, but is \(n.value.kindName)", at: n.location)
            return nil
        }
        return b
    }

    public func subtable(_ key: String, required: Bool = true) -> TOMLTable? {
        guard let n = node(key, required: required) else { return nil }
        guard case .table(let t) = n.value else {
            error("'\(key)' in \(path) must be a table, but is \(n.value.kindName)", at: n.location)
            return nil
        }
        return t
    }

    public func tables(_ key: String) -> [TOMLTable] {
        guard let n = node(key, required: false) else { return [] }
        guard case .array(let items) = n.value else {
            error("'\(key)' in \(path) must be written as [[…\(key)]] sections, but is \(n.value.kindName)", at: n.location)
            return []
        }
        var out: [TOMLTable] = []
        for item in items {
            if case .table(let t) = item.value { out.append(t) } else {
                error("each entry of '\(key)' must be a table, but this is \(item.value.kindName)", at: item.location)
            }
        }
        return out
    }

    public func array(_ key: String, required: Bool = true) -> [TOMLNode]? {
        guard let n = node(key, required: required) else { return nil }
        guard case .array(let items) = n.value else {
            error("'\(key)' in \(path) must be an array [ … ], but is \(n.value.kindName)", at: n.location)
            return nil
        }
        return items
    }
}

/// The rule loader's sections report into the check context.
typealias TOMLReader = TOMLSection

extension TOMLSection {
    init(_ table: TOMLTable, path: String, context: CheckContext, allowed: [String]) {
        self.init(table, path: path, allowed: allowed) { context.diagnostics.append($0) }
    }
}
