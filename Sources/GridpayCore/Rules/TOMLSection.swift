/// Reads one TOML table (of a rule file, or of any TOML file gridpay reads) with the keys it
/// may contain, reporting unknown keys ("did you mean"), missing keys and wrong value kinds at
/// their own line and column, through `report`.
public struct TOMLSection {
    public let table: TOMLTable
    public let path: String
    let report: (Diagnostic) -> Void

    public init(_ table: TOMLTable, path: String, allowed: [String], report: @escaping (Diagnostic) -> Void) {
        self.init(table, path: path, report: report)
        for entry in table.entries where !allowed.contains(entry.key) {
            report(RuleMessages.unknownKey(entry.key, in: path, allowed: allowed, at: entry.keyLocation))
        }
    }

    /// A section whose keys were checked already (the rule file read again after its tables).
    init(_ table: TOMLTable, path: String, report: @escaping (Diagnostic) -> Void) {
        self.table = table
        self.path = path
        self.report = report
    }

    public func error(_ message: String, at loc: SourceLocation?) {
        report(.error(message, at: loc))
    }

    public func has(_ key: String) -> Bool { table[key] != nil }

    public func node(_ key: String, required: Bool) -> TOMLNode? {
        if let n = table[key] { return n }
        if required { report(RuleMessages.missingKey(key, in: path, at: table.location)) }
        return nil
    }

    public func string(_ key: String, required: Bool = true) -> TOMLString? {
        guard let n = node(key, required: required) else { return nil }
        guard case .string(let s) = n.value else {
            report(RuleMessages.notAString(key, in: path, is: n.value.kindName, at: n.location))
            return nil
        }
        return s
    }

    public func text(_ key: String, required: Bool = true) -> String? { string(key, required: required)?.value }

    public func number(_ key: String, required: Bool = true) -> ExactNumber? {
        guard let n = node(key, required: required) else { return nil }
        guard case .number(let v, _) = n.value else {
            report(RuleMessages.notANumber(key, in: path, is: n.value.kindName, at: n.location))
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
            report(RuleMessages.notANumberOrNone(key, in: path, is: n.value.kindName, at: n.location))
            return nil
        }
    }

    public func bool(_ key: String) -> Bool? {
        guard let n = node(key, required: false) else { return nil }
        guard case .bool(let b) = n.value else {
            report(RuleMessages.notABool(key, in: path, is: n.value.kindName, at: n.location))
            return nil
        }
        return b
    }

    public func subtable(_ key: String, required: Bool = true) -> TOMLTable? {
        guard let n = node(key, required: required) else { return nil }
        guard case .table(let t) = n.value else {
            report(RuleMessages.notATable(key, in: path, is: n.value.kindName, at: n.location))
            return nil
        }
        return t
    }

    public func tables(_ key: String) -> [TOMLTable] {
        guard let n = node(key, required: false) else { return [] }
        guard case .array(let items) = n.value else {
            report(RuleMessages.notAnArrayOfTables(key, in: path, is: n.value.kindName, at: n.location))
            return []
        }
        var out: [TOMLTable] = []
        for item in items {
            if case .table(let t) = item.value { out.append(t) } else {
                report(RuleMessages.entryNotATable(of: key, is: item.value.kindName, at: item.location))
            }
        }
        return out
    }

    public func array(_ key: String, required: Bool = true) -> [TOMLNode]? {
        guard let n = node(key, required: required) else { return nil }
        guard case .array(let items) = n.value else {
            report(RuleMessages.notAnArray(key, in: path, is: n.value.kindName, at: n.location))
            return nil
        }
        return items
    }
}

/// The rule loader's sections report into the check context.
extension TOMLSection {
    init(_ table: TOMLTable, path: String, context: CheckContext, allowed: [String]) {
        self.init(table, path: path, allowed: allowed) { context.diagnostics.append($0) }
    }
}
