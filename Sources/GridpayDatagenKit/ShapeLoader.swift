import Foundation
import GridpayCore

/// Problems that stop the generator, with the texts needed to show the source line under each.
public struct DatagenFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var sources: [String: String]

    public init(diagnostics: [Diagnostic], sources: [String: String] = [:]) {
        self.diagnostics = diagnostics
        self.sources = sources
    }

    public init(message: String) { self.init(diagnostics: [.error(message, at: nil)]) }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Reads a shape file (TOML), loads the rule file it names with the rule loader, and checks every
/// fill against the column it fills: the shape can only describe files that `gridpay run` accepts.
public enum ShapeLoader {
    /// Loads `shapePath`; the rule file is the shape's `rules` (relative to the shape file) unless
    /// `rulesPath` is given.
    public static func load(shapePath: String, rulesPath override: String? = nil) -> Result<GenerationPlan, DatagenFailure> {
        guard let shapeText = try? String(contentsOfFile: shapePath, encoding: .utf8) else {
            return .failure(DatagenFailure(message: "cannot read the shape file \(shapePath) (missing, or not UTF-8 text)"))
        }
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(shapeText, file: shapePath)
        } catch {
            return .failure(DatagenFailure(diagnostics: [error.diagnostic], sources: [shapePath: shapeText]))
        }
        var rulesPath: String
        if let override {
            rulesPath = override
        } else {
            guard let node = root["rules"], case .string(let s) = node.value else {
                let at = root["rules"]?.location ?? SourceLocation(file: shapePath, line: 1, column: 1)
                return .failure(DatagenFailure(diagnostics: [.error("the shape file needs rules = \"<rule file>\" (a path relative to the shape file), or pass --rules", at: at)],
                                               sources: [shapePath: shapeText]))
            }
            rulesPath = s.value
            if !rulesPath.hasPrefix("/") {
                let dir = (shapePath as NSString).deletingLastPathComponent
                rulesPath = dir.isEmpty ? rulesPath : (dir as NSString).appendingPathComponent(rulesPath)
                rulesPath = (rulesPath as NSString).standardizingPath
            }
        }
        guard let rulesText = try? String(contentsOfFile: rulesPath, encoding: .utf8) else {
            let at = override == nil ? root["rules"]?.location : nil
            return .failure(DatagenFailure(diagnostics: [.error("cannot read the rule file \(rulesPath)", at: at)], sources: [shapePath: shapeText]))
        }
        switch RuleLoader.load(text: rulesText, file: rulesPath) {
        case .failure(let f):
            return .failure(DatagenFailure(diagnostics: f.diagnostics, sources: [rulesPath: rulesText]))
        case .success(let rules):
            return compile(root: root, shapeFile: shapePath, rules: rules, rulesPath: rulesPath)
                .mapError { DatagenFailure(diagnostics: $0.diagnostics, sources: [shapePath: shapeText, rulesPath: rulesText]) }
        }
    }

    /// Checks shape text against an already loaded rule set (the shape's `rules` key is ignored).
    public static func compile(shapeText: String, shapeFile: String, rules: RuleSet) -> Result<GenerationPlan, DatagenFailure> {
        do {
            let root = try TOMLParser.parse(shapeText, file: shapeFile)
            return compile(root: root, shapeFile: shapeFile, rules: rules, rulesPath: rules.file)
                .mapError { DatagenFailure(diagnostics: $0.diagnostics, sources: [shapeFile: shapeText]) }
        } catch {
            return .failure(DatagenFailure(diagnostics: [error.diagnostic], sources: [shapeFile: shapeText]))
        }
    }

    static func compile(root: TOMLTable, shapeFile: String, rules: RuleSet, rulesPath: String) -> Result<GenerationPlan, DatagenFailure> {
        let ctx = ShapeContext()
        let top = ShapeReader(root, path: "the shape file", context: ctx, allowed: ["rules", "workers", "output", "tables"])
        let workers = readWorkers(top.subtable("workers", required: false), ctx, at: root.location)
        var crlf = false
        var bom = false
        if let o = top.subtable("output", required: false) {
            let r = ShapeReader(o, path: "[output]", context: ctx, allowed: ["line_ending", "bom"])
            crlf = lineEnding(r) ?? false
            bom = r.bool("bom") ?? false
        }
        var shapeTables: [String: TOMLTable] = [:]
        let tablesRoot = top.subtable("tables")
        for entry in tablesRoot?.entries ?? [] {
            guard case .table(let t) = entry.node.value else {
                ctx.error("tables.\(entry.key) must be a table", at: entry.node.location)
                continue
            }
            guard rules.table(named: entry.key) != nil else {
                let names = rules.tables.map(\.name)
                ctx.error("the rule file \(rulesPath) (tables \(names.joined(separator: ", "))) declares no table '\(entry.key)'\(Suggestion.didYouMean(entry.key, among: names))",
                          at: entry.keyLocation, length: entry.key.count)
                continue
            }
            shapeTables[entry.key] = t
        }
        var order = Array(rules.tables.indices)
        order.removeAll { $0 == rules.roster.table }
        order.insert(rules.roster.table, at: 0)
        var plans: [TablePlan] = []
        for t in order {
            let spec = rules.tables[t]
            guard let shapeTable = shapeTables[spec.name] else {
                if tablesRoot != nil {
                    ctx.error("the shape says nothing about table '\(spec.name)' (\(spec.file), declared at \(spec.location)); add [tables.\(spec.name)] with its columns",
                              at: tablesRoot?.location ?? root.location)
                }
                continue
            }
            if let plan = TableCompiler(rules: rules, table: t, shape: shapeTable, context: ctx, crlf: crlf, bom: bom).compile() {
                plans.append(plan)
            }
        }
        if !ctx.diagnostics.isEmpty || workers == nil || plans.count != rules.tables.count {
            if ctx.diagnostics.isEmpty { ctx.error("the shape file is incomplete", at: root.location) }
            return .failure(DatagenFailure(diagnostics: ctx.diagnostics.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }))
        }
        return .success(GenerationPlan(rules: rules, rulesPath: rulesPath, shapePath: shapeFile, workers: workers!, tables: plans))
    }

    static func lineEnding(_ r: ShapeReader) -> Bool? {
        guard let (s, loc) = r.string("line_ending", required: false) else { return nil }
        switch s {
        case "lf": return false
        case "crlf": return true
        default:
            r.error("line_ending must be \"lf\" or \"crlf\", found '\(s)'", at: loc)
            return nil
        }
    }

    static func readWorkers(_ table: TOMLTable?, _ ctx: ShapeContext, at rootLocation: SourceLocation) -> WorkerModel? {
        var model = WorkerModel(gridSizes: [1], gridWeights: [1], workersPerUnit: 40, diligenceBands: [(1, 1, 1)], idPrefix: "W", idWidth: 6)
        guard let table else { return model }
        let r = ShapeReader(table, path: "[workers]", context: ctx, allowed: ["grid_sizes", "workers_per_unit", "diligence", "id_prefix", "id_width"])
        var ok = true
        if let items = r.array("grid_sizes", required: false) {
            var sizes: [Int] = [], weights: [Double] = []
            for item in items {
                guard case .array(let pair) = item.value, pair.count == 2,
                      case .number(let s, _) = pair[0].value, case .number(let w, _) = pair[1].value,
                      let size = ShapeReader.integer(s, at: pair[0].location, what: "a grid size", minimum: 1, context: ctx),
                      !w.isNegative else {
                    ctx.error("grid_sizes holds [workers in the grid, weight] pairs, e.g. [[1, 55], [2, 30], [3, 15]]", at: item.location)
                    ok = false
                    continue
                }
                sizes.append(size)
                weights.append(w.doubleValue)
            }
            if sizes.isEmpty || weights.reduce(0, +) <= 0 {
                if ok { ctx.error("grid_sizes needs at least one size with a positive weight", at: r.node("grid_sizes", required: false)?.location) }
                ok = false
            }
            model.gridSizes = sizes
            model.gridWeights = weights
        }
        if let n = r.integer("workers_per_unit", required: false, minimum: 1) { model.workersPerUnit = n }
        if let node = r.node("diligence", required: false) {
            if let bands = diligenceBands(node, ctx) { model.diligenceBands = bands } else { ok = false }
        }
        if let (p, _) = r.string("id_prefix", required: false) { model.idPrefix = p }
        if let w = r.integer("id_width", required: false, minimum: 1) { model.idWidth = w }
        return ok ? model : nil
    }

    /// `[low, high]`, or `[[low, high, weight], …]`.
    static func diligenceBands(_ node: TOMLNode, _ ctx: ShapeContext) -> [(low: Double, high: Double, weight: Double)]? {
        let help = "diligence is [low, high] or a list of bands [[low, high, weight], …], e.g. [[0.3, 0.6, 5], [0.95, 1.35, 80]]"
        guard case .array(let items) = node.value, !items.isEmpty else {
            ctx.error(help, at: node.location)
            return nil
        }
        func numbers(_ nodes: [TOMLNode]) -> [Double]? {
            var out: [Double] = []
            for n in nodes {
                guard case .number(let v, _) = n.value, !v.isNegative else { return nil }
                out.append(v.doubleValue)
            }
            return out
        }
        if let pair = numbers(items) {
            guard pair.count == 2, pair[0] <= pair[1] else {
                ctx.error(help, at: node.location)
                return nil
            }
            return [(pair[0], pair[1], 1)]
        }
        var bands: [(low: Double, high: Double, weight: Double)] = []
        for item in items {
            guard case .array(let inner) = item.value, let v = numbers(inner), v.count == 3, v[0] <= v[1] else {
                ctx.error(help + " (numbers ≥ 0, low ≤ high)", at: item.location)
                return nil
            }
            bands.append((v[0], v[1], v[2]))
        }
        guard bands.contains(where: { $0.weight > 0 }) else {
            ctx.error("diligence needs a band with a positive weight", at: node.location)
            return nil
        }
        return bands
    }
}
