import GridpayTestSupport
import Foundation
@testable import GridpayCore
@testable import GridpayPipeline

/// What the small made-up towns of these tests repeat, so that each test file writes only the
/// rules it is about: the `[rules]` header (version 1, in force from 2026-01), and a roster
/// table of 编号, 姓名, a unit and a group column (and any further columns) with the `[roster]`
/// section naming them.
enum TestTown {
    /// A run of a shipped town on its committed samples (Rules/, Input/), writing into `output`.
    static func sample(_ town: String, _ period: String, output: String = "Output") -> RunRequest {
        var r = RunRequest(town: town, period: CalendarPeriod.parse(period)!)
        r.rulesDir = "\(packageRoot)/Rules"
        r.inputDir = "\(packageRoot)/Input"
        r.outputDir = output
        return r
    }

    static func header(_ town: String, name: String? = nil, period: String? = nil) -> String {
        var lines = ["[rules]", "town = \"\(town)\""]
        if let name { lines.append("name = \"\(name)\"") }
        lines += ["version = \"1\"", "effective_from = \"2026-01\""]
        if let period { lines.append("period = \"\(period)\"") }
        return lines.joined(separator: "\n")
    }

    /// `[tables.roster]` (roster.csv) and `[roster]`; `columns` are further roster columns as
    /// TOML inline tables, `section` further lines of `[roster]` (e.g. same_in_group).
    static func roster(unit: String, group: String, columns: [String] = [], section: [String] = []) -> String {
        let all = ["{ name = \"编号\", type = \"id\" }", "{ name = \"姓名\", type = \"text\" }",
                   "{ name = \"\(unit)\", type = \"text\" }", "{ name = \"\(group)\", type = \"id\" }"] + columns
        return (["[tables.roster]", "file = \"roster.csv\"", "columns = ["] + all.map { "  \($0)," } + ["]", "",
                "[roster]", "table = \"roster\"", "id = \"编号\"", "name = \"姓名\"", "unit = \"\(unit)\"", "group = \"\(group)\""] + section)
            .joined(separator: "\n")
    }
}
