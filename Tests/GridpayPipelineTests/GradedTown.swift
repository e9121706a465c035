import Foundation
import GridpayTestSupport
@testable import GridpayCore
@testable import GridpayPipeline

/// A small graded town for tests of 等次, quarters and ratings: one item (the sum of a worker's
/// marks), four bands as SPEC §10's, a veto column, pay by grade and a flag on 不合格.
enum GradedTown {
    static func ruleFile(period: String = "month", extra: String = "") -> String {
        """
        \(TestTown.header("g", period: period))

        \(TestTown.roster(unit: "村", group: "网格"))

        [tables.marks]
        file = "marks.csv"
        worker = "编号"
        unique = ["记录"]
        columns = [
          { name = "记录", type = "id" },
          { name = "编号", type = "id" },
          { name = "日期", type = "date" },
          { name = "分", type = "decimal", places = 3 },
          { name = "否决", type = "choice", values = ["是", "否"] },
        ]

        [values]
        "得分" = 'sum(marks, 分, 分 > 0)'
        "否决数" = 'count(marks, 否决 == "是")'
        "天数" = 'days_in_period'

        [[items]]
        name = "考核"
        score = '得分'
          [[items.deductions]]
          table = "marks"
          when = '分 < 0'
          points = '分'
          reason = "扣分记录 {记录}"

        [[grades]]
        name = "优秀"
        min = 90
        [[grades]]
        name = "合格"
        min = 75
        [[grades]]
        name = "基本合格"
        min = 60
        [[grades]]
        name = "不合格"

        [[vetoes]]
        when = '否决数 > 0'
        grade = "不合格"

        [[flags]]
        name = "一票否决"
        when = '否决数 > 0'

        [[flags]]
        name = "建议更换"
        when = '等次 == "不合格"'

        [pay]
        base = '900'
        score_pay = 'if 等次 == "优秀" then 900 else if 等次 == "合格" then 600 else if 等次 == "基本合格" then 300 else 0'
        \(extra)
        """
    }

    static let rosterHeader = "编号,姓名,村,网格\n"
    static let marksHeader = "记录,编号,日期,分,否决\n"

    /// Writes `Rules/g.toml` and `Input/g/<folder>/{roster,marks}.csv` under `root`.
    static func write(root: String, rules: String, months: [String: (roster: String, marks: String)]) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: "\(root)/Rules", withIntermediateDirectories: true)
        try rules.write(toFile: "\(root)/Rules/g.toml", atomically: true, encoding: .utf8)
        for (month, files) in months {
            let dir = "\(root)/Input/g/\(month)"
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try (rosterHeader + files.roster).write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
            try (marksHeader + files.marks).write(toFile: "\(dir)/marks.csv", atomically: true, encoding: .utf8)
        }
    }

    static func request(root: String, period: String) -> RunRequest {
        var r = RunRequest(town: "g", period: CalendarPeriod.parse(period)!)
        r.rulesDir = "\(root)/Rules"
        r.inputDir = "\(root)/Input"
        r.outputDir = "\(root)/Output"
        return r
    }
}
