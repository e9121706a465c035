import Foundation
import GridpayCore
import GridpayPipeline

/// What the small made-up towns of the tests repeat, so that each test file writes only the
/// rules it is about: the `[rules]` header (version 1, in force from 2026-01), a roster table of
/// 编号, 姓名, a unit and a group column (and any further columns) with the `[roster]` section
/// naming them, and a table of marks.
public enum TestTown {
    /// A run of a shipped town on its committed samples (Rules/, Input/), writing into `output`.
    public static func sample(_ town: String, _ period: String, output: String = "Output") -> RunRequest {
        var r = RunRequest(town: town, period: CalendarPeriod.parse(period)!)
        r.rulesDir = "\(packageRoot)/Rules"
        r.inputDir = "\(packageRoot)/Input"
        r.outputDir = output
        return r
    }

    public static func header(_ town: String, name: String? = nil, period: String? = nil) -> String {
        var lines = ["[rules]", "town = \"\(town)\""]
        if let name { lines.append("name = \"\(name)\"") }
        lines += ["version = \"1\"", "effective_from = \"2026-01\""]
        if let period { lines.append("period = \"\(period)\"") }
        return lines.joined(separator: "\n")
    }

    /// `[tables.roster]` (roster.csv) and `[roster]`; `columns` are further roster columns as
    /// TOML inline tables, `section` further lines of `[roster]` (e.g. same_in_group).
    public static func roster(unit: String, group: String, columns: [String] = [], section: [String] = []) -> String {
        let all = ["{ name = \"编号\", type = \"id\" }", "{ name = \"姓名\", type = \"text\" }",
                   "{ name = \"\(unit)\", type = \"text\" }", "{ name = \"\(group)\", type = \"id\" }"] + columns
        return (["[tables.roster]", "file = \"roster.csv\"", "columns = ["] + all.map { "  \($0)," } + ["]", "",
                "[roster]", "table = \"roster\"", "id = \"编号\"", "name = \"姓名\"", "unit = \"\(unit)\"", "group = \"\(group)\""] + section)
            .joined(separator: "\n")
    }

    /// `[tables.marks]` (marks.csv): each row a mark (记录, unique) given to a worker (编号) on a
    /// day (日期), worth 分 points.
    public static let marks = """
        [tables.marks]
        file = "marks.csv"
        worker = "编号"
        unique = ["记录"]
        columns = [
          { name = "记录", type = "id" },
          { name = "编号", type = "id" },
          { name = "日期", type = "date" },
          { name = "分", type = "decimal", places = 2 },
        ]
        """

    /// An item 考核 of 10 points, less each mark's 分 (one 扣分明细 line per mark), never below 0.
    public static let markedItem = """
        [[items]]
        name = "考核"
        full = 10
        min = 0
          [[items.deductions]]
          table = "marks"
          points = '-分'
          reason = "记录 {记录}"
        """

    /// A tiny town's rule file: the header, a roster of 编号, 姓名, 村, 网格 (and `rosterColumns`,
    /// with `rosterSection` further lines of `[roster]`), the marks table, then `rest` (its items,
    /// pay, …).
    public static func withMarks(_ town: String, period: String? = nil, rosterColumns: [String] = [], rosterSection: [String] = [],
                                 rest: String) -> String {
        [header(town, period: period), roster(unit: "村", group: "网格", columns: rosterColumns, section: rosterSection), marks, rest]
            .joined(separator: "\n\n")
    }
}

/// A made-up town written into a temporary folder as gridpay finds one: its rule file in
/// Rules/<town>.toml, each month's inputs in Input/<town>/<YYYY-MM>/; outputs go to Output/ and
/// the ledger to Ledger/.
public struct TownFolder {
    public let root = TemporaryFolder()
    public let town: String
    public var rulesDir: String { "\(root.path)/Rules" }
    public var inputDir: String { "\(root.path)/Input" }
    public var ledgerDir: String { "\(root.path)/Ledger" }

    public init(_ town: String, rules: String) throws {
        self.town = town
        try FileManager.default.createDirectory(atPath: "\(root.path)/Rules", withIntermediateDirectories: true)
        try writeRules(rules)
    }

    /// Writes (or rewrites) the town's rule file.
    public func writeRules(_ rules: String) throws {
        try rules.write(toFile: "\(rulesDir)/\(town).toml", atomically: true, encoding: .utf8)
    }

    /// Writes the month's input files, by name (e.g. "roster.csv": its text).
    public func write(month: String, _ files: [String: String]) throws {
        let dir = "\(inputDir)/\(town)/\(month)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8) }
    }

    /// A run of the town for `period` (a month, quarter, half-year or year).
    public func request(_ period: String) -> RunRequest {
        var r = RunRequest(town: town, period: CalendarPeriod.parse(period)!)
        r.rulesDir = rulesDir
        r.inputDir = inputDir
        r.outputDir = "\(root.path)/Output"
        return r
    }
}
