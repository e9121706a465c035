import Foundation
import XCTest

/// SPEC §15 in a quarter's run (shuangqiao 2026-Q3, §8: three month folders read as one set of
/// tables): a file-level cause of one month's file names that month's file, its folder and its
/// lines; what the accepted rows leave out is said per row with its month's file and line, and
/// per worker summed over the quarter.
final class QuarterCauseTests: XCTestCase {
    typealias Runner = BinaryRunner

    /// The sample quarter copied to a fresh input folder (Input/shuangqiao/2026-07, -08, -09).
    func sampleQuarter() throws -> (Runner.TempFolder, String) {
        let data = try Runner.TempFolder(prefix: "gridpay-e2e-sq-causes")
        let town = data.path("shuangqiao")
        try FileManager.default.createDirectory(atPath: town, withIntermediateDirectories: true)
        for m in ["2026-07", "2026-08", "2026-09"] {
            try FileManager.default.copyItem(atPath: Runner.packageRoot.appendingPathComponent("Input/shuangqiao/\(m)").path, toPath: "\(town)/\(m)")
        }
        return (data, town)
    }

    func run(_ data: Runner.TempFolder, accept: [String] = [], environment: [String: String] = [:]) throws -> (Runner.Output, Runner.TempFolder) {
        let out = try Runner.TempFolder(prefix: "gridpay-e2e-sq-out")
        var args = ["run", "shuangqiao", "2026-Q3", "--rules-dir", Runner.rulesDir, "--input-dir", data.path, "--output-dir", out.path]
        for a in accept { args += ["--accept", a] }
        return (try Runner.run(args, environment: environment), out)
    }

    /// August's logs.csv re-saved by a spreadsheet (日期 2026/8/1, its 683 rows, lines 2–684) and
    /// July's training.csv put in September's folder (its 54 rows, lines 2–55, all dated in
    /// 2026-07): each cause names its month's file and folder, before the rows.
    func testACauseNamesItsMonthsFileAndLines() throws {
        let (data, town) = try sampleQuarter()
        let logs = "\(town)/2026-08/logs.csv"
        let text = try String(contentsOfFile: logs, encoding: .utf8)
        let regex = try NSRegularExpression(pattern: #"2026-08-0?(\d{1,2})"#)
        let resaved = regex.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: "2026/8/$1")
        try resaved.write(toFile: logs, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: "\(town)/2026-09/training.csv")
        try FileManager.default.copyItem(atPath: "\(town)/2026-07/training.csv", toPath: "\(town)/2026-09/training.csv")
        let (r, out) = try run(data)
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path("shuangqiao/2026-Q3")), "nothing is written")
        let resave = "\(logs):2:3: error: one cause, 683 rows (lines 2–684): 日期 is written as a spreadsheet program rewrites dates ('2026/8/1'): the file was opened and saved again in Excel, WPS or the like. Who acts: the clerk exports logs.csv in folder 2026-08 again from the platform and puts it here without opening it in a spreadsheet; if the platform itself exports this form, the governance office declares it in the rule file (formats = [\"yyyy/M/d\"] for 日期, SPEC §16). Do not --accept these rows: that would leave out all 683"
        let moved = "\(town)/2026-09/training.csv:2:2: error: one cause, all 54 rows (lines 2–55) are dated in 2026-07, not in 2026-09: this is the export of 2026-07, put in the wrong folder. Who acts: the clerk moves it to \(town)/2026-07 and puts 2026-09's training.csv here. Do not --accept these rows: that would leave out the whole file"
        // In the rule file's order of tables: training, then logs.
        XCTAssertEqual(Array(r.stderrLines.prefix(2)), [moved, resave], r.transcript)
        XCTAssertTrue(r.stderrLines.last?.hasSuffix("of them are rows of a file-level cause said above: correct the file rather than accept them") ?? false, r.transcript)
        let (zh, _) = try run(data, environment: ["GRIDPAY_LANG": "zh"])
        XCTAssertEqual(Array(zh.stderrLines.prefix(2)), [
            "\(town)/2026-09/training.csv:2:2: 错误：同一原因，全部 54 行（第 2–55 行）的日期都在 2026-07，不在 2026-09：这是 2026-07 的导出文件，放错了文件夹。处理：请制表人员把它移到 \(town)/2026-07，并把 2026-09 的 training.csv 放到这里。不要用 --accept 剔除这些行：那会剔除整个文件",
            "\(logs):2:3: 错误：同一原因，共 683 行（第 2–684 行）：“日期”是电子表格软件改写后的样式（如“2026/8/1”）——这个文件被 Excel、WPS 等打开后又保存过，日期被改写了。处理：请制表人员从平台重新导出 2026-08 文件夹中的 logs.csv，不经电子表格打开直接放入；如果平台导出的本来就是这种样式，请综治中心在规则文件中为“日期”声明 formats = [\"yyyy/M/d\"]（SPEC §16）。不要用 --accept 剔除这些行：那会剔除全部 683 行",
        ], zh.transcript)
    }

    /// SQ0001 (陈霞) has a row in August and one in September that reuse July's 事件编号 (unique
    /// across the quarter), both accepted. August's (受理时间 and 办结时间 empty) would have taken
    /// 受理超时 −5 and 办结超时 −5; September's (受理 after 1 hour, 办结 after 16 days = 384 hours >
    /// 168) 办结超时 −5: in the quarter −15 points, 0 yuan (shuangqiao deducts no pay). What that
    /// changes is less and more: the item's floor at 0 bites, and the grade and its pay move.
    func testAcceptanceEffectsAreSummedPerWorkerOverTheQuarter() throws {
        let (data, town) = try sampleQuarter()
        let aug = "\(town)/2026-08/tasks.csv", sep = "\(town)/2026-09/tasks.csv"
        try append("RW20260700082,SQ0001,2026-08-03 09:00,,\r\n", to: aug)
        try append("RW20260700062,SQ0001,2026-09-04 09:00,2026-09-04 10:00,2026-09-20 09:00\r\n", to: sep)
        let (refused, _) = try run(data)
        XCTAssertEqual(refused.status, 1, refused.transcript)
        XCTAssertEqual(Set(refused.errorLines.filter { $0.contains("duplicate 事件编号") }.map { String($0.prefix { $0 != " " }) }),
                       ["\(aug):145:1:", "\(sep):146:1:"], refused.transcript)
        let (r, _) = try run(data, accept: ["2026-08/tasks.csv:145", "2026-09/tasks.csv:146"])
        XCTAssertEqual(r.status, 0, r.transcript)
        let effects = r.warningLines.filter { $0.contains("--accept leaves out") }
        XCTAssertEqual(effects, [
            "\(aug):145:1: warning: --accept leaves out this row of SQ0001 (陈霞): the deductions it would have made are not made: 流转事件 5 points, 0.00 yuan; 流转事件 5 points, 0.00 yuan",
            "\(sep):146:1: warning: --accept leaves out this row of SQ0001 (陈霞): the deductions it would have made are not made: 流转事件 5 points, 0.00 yuan",
            "warning: --accept leaves out 2 rows in all: SQ0001 (陈霞): 2 rows, deductions not made 15 points, 0.00 yuan",
        ], r.transcript)
        XCTAssertEqual(r.warningLines.filter { $0.contains("--accept changes") }, [
            // As run SQ0001's 流转事件 is 10 (64.90, 基本合格: 300 yuan); the rows' −15 would take it to
            // −5, floored at 0: −10 points, 54.90, 不合格 (below 60) and no 考核绩效.
            "warning: --accept changes the results of SQ0001 (陈霞) (with the accepted rows counted → as run without them): 流转事件 0.00 → 10.00; 总分 54.90 → 64.90; 等次 不合格 → 基本合格; 实发绩效 0.00 → 300.00 yuan",
        ], r.transcript)
    }

    func append(_ line: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
    }
}
