import GridpayCore

/// Diagnostics collected while a shape file is read and checked against its rule file.
final class ShapeContext {
    var diagnostics: [Diagnostic] = []

    func error(_ message: String, at location: SourceLocation?, length: Int = 1) {
        diagnostics.append(.error(message, at: location, length: length))
    }
}

/// One TOML table of a shape file with the keys it may hold: the core's TOMLSection (unknown
/// keys with "did you mean", missing keys, wrong kinds of value, each at its line and column),
/// plus the shape file's own readers (whole numbers, ranges).
struct ShapeReader {
    let section: TOMLSection
    let context: ShapeContext
    var table: TOMLTable { section.table }
    var path: String { section.path }
    /// Where the table is written (its header or its inline braces).
    var location: SourceLocation { table.location }

    init(_ table: TOMLTable, path: String, context: ShapeContext, allowed: [String]) {
        self.context = context
        section = TOMLSection(table, path: path, allowed: allowed) { context.diagnostics.append($0) }
    }

    func error(_ message: String, at location: SourceLocation?) { context.error(message, at: location) }
    func has(_ key: String) -> Bool { section.has(key) }
    func node(_ key: String, required: Bool) -> TOMLNode? { section.node(key, required: required) }

    func string(_ key: String, required: Bool = true) -> (value: String, location: SourceLocation)? {
        guard let s = section.string(key, required: required), let n = table[key] else { return nil }
        return (s.value, n.location)
    }

    func number(_ key: String, required: Bool = true) -> (value: ExactNumber, location: SourceLocation)? {
        guard let v = section.number(key, required: required), let n = table[key] else { return nil }
        return (v, n.location)
    }

    func integer(_ key: String, required: Bool = true, minimum: Int? = nil) -> Int? {
        guard let (v, loc) = number(key, required: required) else { return nil }
        return ShapeReader.integer(v, at: loc, what: "'\(key)' in \(path)", minimum: minimum, context: context)
    }

    func bool(_ key: String) -> Bool? { section.bool(key) }
    func subtable(_ key: String, required: Bool = true) -> TOMLTable? { section.subtable(key, required: required) }
    func tables(_ key: String) -> [TOMLTable] { section.tables(key) }
    func array(_ key: String, required: Bool = true) -> [TOMLNode]? { section.array(key, required: required) }

    /// A whole number in Int range, at least `minimum`.
    static func integer(_ v: ExactNumber, at loc: SourceLocation, what: String, minimum: Int?, context: ShapeContext) -> Int? {
        guard v.isInteger, v.numerator >= Int128(Int32.min), v.numerator <= Int128(Int32.max) * 1024 else {
            context.error("\(what) must be a whole number, found \(v)", at: loc)
            return nil
        }
        let i = Int(v.numerator)
        if let minimum, i < minimum {
            context.error("\(what) must be at least \(minimum), found \(i)", at: loc)
            return nil
        }
        return i
    }

    /// `[a, b]` (a ≤ b) or a single whole number n (meaning [n, n]).
    func intRange(_ key: String, minimum: Int = 0) -> (lo: Int, hi: Int)? {
        guard let n = node(key, required: false) else { return nil }
        let what = "'\(key)' in \(path)"
        switch n.value {
        case .number(let v, _):
            guard let i = ShapeReader.integer(v, at: n.location, what: what, minimum: minimum, context: context) else { return nil }
            return (i, i)
        case .array(let items) where items.count == 2:
            var bounds: [Int] = []
            for item in items {
                guard case .number(let v, _) = item.value else {
                    error("\(what) must be [low, high] with whole numbers, but holds \(item.value.kindName)", at: item.location)
                    return nil
                }
                guard let i = ShapeReader.integer(v, at: item.location, what: what, minimum: minimum, context: context) else { return nil }
                bounds.append(i)
            }
            guard bounds[0] <= bounds[1] else {
                error("\(what) is [\(bounds[0]), \(bounds[1])]: the low bound is above the high bound", at: n.location)
                return nil
            }
            return (bounds[0], bounds[1])
        default:
            error("\(what) must be a whole number or [low, high], but is \(n.value.kindName)\(n.value.arrayCountNote)", at: n.location)
            return nil
        }
    }
}

extension TOMLValue {
    var arrayCountNote: String {
        if case .array(let items) = self { return " of \(items.count) values" }
        return ""
    }

    /// Text of a string, or the source text of a number (so "1800.00" and 1800.00 both keep their decimals).
    var scalarText: String? {
        switch self {
        case .string(let s): s.value
        case .number(_, let text): text
        default: nil
        }
    }
}
