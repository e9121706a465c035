import Foundation
import XCTest

/// kangning (SPEC section 12) through the built binary, compared cell by cell with the
/// independent Python reference (Tools/kangning_reference.py, exact fractions) on the committed
/// sample month and on seeded random months (Tools/make_kangning_samples.py); and broken months,
/// refused with every problem at its file and line, the same rows the reference finds.
final class KangningTests: XCTestCase {
    static var sampleDir: String { Runner.packageRoot.appendingPathComponent("Input").path }

    func python(_ arguments: [String]) throws -> Runner.ToolOutput { try Runner.python(arguments) }

    /// The reference's rows keyed by column, in its order.
    func reference(_ inputDir: String, _ month: String, teams: Bool) throws -> [[String: String]] {
        let r = try python(["Tools/kangning_reference.py", "\(inputDir)/kangning", month] + (teams ? ["--teams"] : []))
        XCTAssertEqual(r.status, 0, "the reference failed: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    /// A number cell is the double nearest the exact value; it must be the double nearest the
    /// reference's decimal. Text compares as text.
    func same(_ cell: String, _ expected: String) -> Bool {
        guard let a = Double(cell), let b = Double(expected) else { return cell == expected }
        return a == b
    }

    func sheet(_ name: String, _ parts: [String: String]) throws -> (header: [String], rows: [[String: String]]) {
        let rows = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: name, in: parts), "no sheet \(name)"))
        return (rows[0], rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) })
    }

    /// Runs the month through the binary and compares 考核汇总, 绩效工资 and 团队考核 with the reference.
    @discardableResult
    func compareWithReference(inputDir: String, month: String) throws -> [[String: String]] {
        let out = try Runner.TempFolder()
        let r = try Runner.runMonth(inputDir: inputDir, outputDir: out.path, town: "kangning", month: month)
        XCTAssertEqual(r.status, 0, r.transcript)
        let parts = try Runner.xlsxParts(out.path("kangning/\(month)/kangning-\(month).xlsx"))
        let persons = try reference(inputDir, month, teams: false)
        let teams = try reference(inputDir, month, teams: true)
        XCTAssertGreaterThan(persons.count, 0)
        var differences: [String] = []

        let summary = try sheet("考核汇总", parts)
        XCTAssertEqual(Array(summary.header.prefix(11)), ["排名", "人员编号", "姓名", "站点", "团队", "工作量", "建档覆盖", "知晓率", "满意率", "总分", "未开展满意度调查"])
        XCTAssertEqual(summary.rows.map { $0["人员编号"]! }, persons.map { $0["人员编号"]! }, "\(month): 考核汇总 order (排名, then 人员编号)")
        for (row, ref) in zip(summary.rows, persons) {
            for key in ["排名", "姓名", "站点", "团队", "工作量", "建档覆盖", "知晓率", "满意率", "总分", "未开展满意度调查"] where !same(row[key] ?? "", ref[key]!) {
                differences.append("考核汇总 \(ref["人员编号"]!) \(key): \(row[key] ?? "missing") ≠ \(ref[key]!)")
            }
        }
        let pay = try sheet("绩效工资", parts)
        XCTAssertEqual(Array(pay.header.prefix(4)), ["人员编号", "姓名", "站点", "团队"])
        var payByID: [String: [String: String]] = [:]
        for row in pay.rows where row["人员编号"]?.hasPrefix("K") == true { payByID[row["人员编号"]!] = row }
        XCTAssertEqual(payByID.count, persons.count)
        for ref in persons {
            for key in ["绩效工资基数", "总分", "考核绩效", "扣款合计", "实发绩效", "未扣足"] where !same(payByID[ref["人员编号"]!]?[key] ?? "", ref[key]!) {
                differences.append("绩效工资 \(ref["人员编号"]!) \(key): \(payByID[ref["人员编号"]!]?[key] ?? "missing") ≠ \(ref[key]!)")
            }
        }
        let teamSheet = try sheet("团队考核", parts)
        let refHeader = Array(teams.first!.keys)
        XCTAssertEqual(Set(teamSheet.header), Set(refHeader), "团队考核 columns")
        XCTAssertEqual(Array(teamSheet.header.prefix(9)), ["团队", "站点", "人数", "工作量", "建档覆盖", "知晓率", "满意率", "团队得分", "团队排名"])
        XCTAssertEqual(teamSheet.rows.map { $0["团队"]! }, teams.map { $0["团队"]! }, "\(month): 团队考核 order (团队排名, then 团队)")
        for (row, ref) in zip(teamSheet.rows, teams) {
            for (key, value) in ref where !same(row[key] ?? "missing", value) {
                differences.append("团队考核 \(ref["团队"]!) \(key): \(row[key] ?? "missing") ≠ \(value)")
            }
        }
        XCTAssertEqual(differences, [], "\(month): \(differences.count) cells differ from the reference")
        return teams
    }

    func testTheSampleMonthMatchesTheReference() throws {
        let teams = try compareWithReference(inputDir: Self.sampleDir, month: "2026-10")
        // The cases the sample was made for (Tools/make_kangning_samples.py).
        XCTAssertGreaterThanOrEqual(teams.count, 10)
        XCTAssertGreaterThanOrEqual(Set(teams.map { $0["站点"]! }).count, 3)
        XCTAssertEqual(teams.filter { $0["未开展满意度调查"] == "是" }.map { $0["团队"]! }, ["T02"])
        let t01 = try XCTUnwrap(teams.first { $0["团队"] == "T01" })
        for item in ["家庭医生签约", "慢病随访", "健康档案更新", "健康教育"] {
            XCTAssertGreaterThan(Int(t01["\(item)完成"]!)!, Int(t01["\(item)目标"]!)!, "T01 over quota in \(item)")
        }
        XCTAssertEqual(t01["工作量"], "60")
        let t03 = try XCTUnwrap(teams.first { $0["团队"] == "T03" })
        XCTAssertEqual([t03["知晓率(%)"], t03["满意率(%)"], t03["知晓率"], t03["满意率"]], ["0.6", "0.9", "10", "20"])
        let ranks = teams.map { $0["团队排名"]! }
        XCTAssertLessThan(Set(ranks).count, ranks.count, "two teams share a 团队排名")
        let roster = try String(contentsOfFile: "\(Self.sampleDir)/kangning/2026-10/roster.csv", encoding: .utf8)
        for role in ["全科医生", "公卫医师", "护士", "网格员"] { XCTAssertTrue(roster.contains(",\(role),"), role) }
    }

    /// Seeded random months (different team counts, sizes, thresholds hit by chance, ties).
    func testRandomMonthsMatchTheReference() throws {
        for (seed, teams, month) in [(3, 30, "2026-11"), (17, 45, "2027-02")] {
            let data = try Runner.TempFolder()
            let gen = try python(["Tools/make_kangning_samples.py", "--out", data.path, "--month", month, "--seed", "\(seed)", "--teams", "\(teams)"])
            XCTAssertEqual(gen.status, 0, gen.stderr)
            try compareWithReference(inputDir: data.path, month: month)
        }
    }

    func testTheRuleFileChecksAndPassesItsTests() throws {
        let r = try Runner.run(["check", "Rules/kangning.toml"])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertEqual(r.stdoutLines.last, "Rules/kangning.toml: rules kangning version 2026.1 are valid; 2 passed, 0 failed", r.transcript)
    }

    /// Same inputs and rule file, one thread or two: the same bytes (group sheets included).
    func testOutputsAreByteIdenticalAtAnyThreadCount() throws {
        let a = try Runner.TempFolder(), b = try Runner.TempFolder()
        for (out, threads) in [(a, "1"), (b, "2")] {
            let r = try Runner.run(["run", "kangning", "2026-10", "--input-dir", Self.sampleDir, "--rules-dir", Runner.rulesDir,
                                    "--output-dir", out.path, "--threads", threads])
            XCTAssertEqual(r.status, 0, r.transcript)
        }
        XCTAssertEqual(Runner.snapshot(a.path), Runner.snapshot(b.path))
    }

    /// explain shows each 工作项目's copy of the mean_each() body with its values.
    func testExplainShowsEachWorkItem() throws {
        let r = try Runner.run(["explain", "kangning", "2026-10", "K005", "--input-dir", Self.sampleDir, "--rules-dir", Runner.rulesDir])
        XCTAssertEqual(r.status, 0, r.transcript)
        for item in ["家庭医生签约", "慢病随访", "健康档案更新", "健康教育"] {
            Runner.assertContains(r.stdout, "sum(quotas, 月度目标, 工作项目 == each) [each = \(item)] = ", r.transcript)
        }
        // T02 has no survey: both rates 0, flagged; 2200 × 1.2 × 61.84% = 1632.576 → 1632.58.
        Runner.assertContains(r.stdout, "未开展满意度调查 = 是   (问卷数 == 0)", r.transcript)
        Runner.assertContains(r.stdout, "考核绩效 = 1632.58", r.transcript)
    }

    // MARK: broken months

    /// A copy of the sample month to break.
    final class Month {
        let folder: Runner.TempFolder
        var dir: String { folder.path("kangning/2026-10") }
        init() throws {
            folder = try Runner.TempFolder()
            try FileManager.default.createDirectory(atPath: folder.path("kangning"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: "\(KangningTests.sampleDir)/kangning/2026-10", toPath: dir)
        }
        func lines(_ file: String) throws -> [String] {
            try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8).split(separator: "\n").map(String.init)
        }
        func save(_ file: String, _ lines: [String]) throws {
            try (lines.joined(separator: "\n") + "\n").write(toFile: "\(dir)/\(file)", atomically: true, encoding: .utf8)
        }
        /// Appends a row; returns its line number.
        @discardableResult func append(_ file: String, _ row: String) throws -> Int {
            let l = try lines(file) + [row]
            try save(file, l)
            return l.count
        }
        /// Replaces the first row matching; returns its line number.
        @discardableResult func replace(_ file: String, where match: (String) -> Bool, with row: (String) -> String) throws -> Int {
            var l = try lines(file)
            let i = l.indices.dropFirst().first { match(l[$0]) }!
            l[i] = row(l[i])
            try save(file, l)
            return i + 1
        }
        func delete(_ file: String, where match: (String) -> Bool) throws {
            var l = try lines(file)
            l.remove(at: l.indices.dropFirst().first { match(l[$0]) }!)
            try save(file, l)
        }
    }

    /// Every §12 error in one month: all are reported together, each at its file, line and
    /// column with what was expected; the reference finds the same rows.
    func testABrokenMonthIsRefusedWithEveryProblemAtItsFileAndLine() throws {
        let m = try Month()
        func field(_ row: String, _ k: Int, _ value: String) -> String {
            var f = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            f[k] = value
            return f.joined(separator: ",")
        }
        var expected: [String] = []
        // A missing quota row (named) and a missing households row.
        try m.delete("quotas.csv") { $0.hasPrefix("T05,慢病随访,") }
        expected.append("error: 团队 'T05' (roster.csv line ")
        expected.append("has no row for 工作项目 '慢病随访' in quotas.csv")
        try m.delete("households.csv") { $0.hasPrefix("T07,") }
        expected.append("error: 团队 'T07' (roster.csv line ")
        expected.append("has no row in households.csv")
        // Rows naming a team on no roster row.
        var l = try m.append("quotas.csv", "T99,家庭医生签约,5")
        expected.append("quotas.csv:\(l):1: error: 团队 'T99' is on no roster row (roster.csv column 团队)")
        l = try m.append("households.csv", "T98,10,5")
        expected.append("households.csv:\(l):1: error: 团队 'T98' is on no roster row")
        l = try m.append("survey.csv", "WJX-1,T97,是,满意")
        expected.append("survey.csv:\(l):2: error: 团队 'T97' is on no roster row")
        // Repeated keys.
        let firstT01 = try m.lines("quotas.csv").firstIndex { $0.hasPrefix("T01,健康教育,") }! + 1
        l = try m.append("quotas.csv", "T01,健康教育,9")
        expected.append("quotas.csv:\(l):1: error: duplicate 团队 + 工作项目 'T01, 健康教育': already used at line \(firstT01)")
        l = try m.append("households.csv", "T03,10,5")
        expected.append("households.csv:\(l):1: error: duplicate 团队 'T03': already used at line ")
        // A team whose members give different 站点: reported at the first member that differs.
        let t09 = try m.lines("roster.csv").enumerated().filter { $0.element.contains(",T09,") }
        l = try m.replace("roster.csv", where: { $0 == t09[2].element }) { field($0, 2, "白塔站") }
        expected.append("roster.csv:\(l):3: error: 站点 is '白塔站', but the first member of 团队 'T09' (line \(t09[0].offset + 1)) gives '")
        let second = try m.replace("roster.csv", where: { $0 == t09[3].element }) { field($0, 2, "青龙站") }
        // Targets and households that are not positive whole numbers.
        l = try m.replace("quotas.csv", where: { $0.hasPrefix("T02,家庭医生签约,") }) { field($0, 2, "0") }
        expected.append("quotas.csv:\(l):3: error: 月度目标 is 0, below the minimum 1")
        l = try m.replace("quotas.csv", where: { $0.hasPrefix("T04,健康教育,") }) { field($0, 2, "2.5") }
        expected.append("quotas.csv:\(l):3: error: 月度目标 is '2.5'; expected a whole number")
        l = try m.replace("households.csv", where: { $0.hasPrefix("T06,") }) { field($0, 1, "-3") }
        expected.append("households.csv:\(l):2: error: 辖区户数 is -3, below the minimum 1")
        l = try m.replace("households.csv", where: { $0.hasPrefix("T08,") }) { field($0, 2, "1.5") }
        expected.append("households.csv:\(l):3: error: 已建档户数 is '1.5'; expected a whole number")
        // Services and survey: a date outside the month, repeated ids, an unknown person.
        l = try m.replace("services.csv", where: { _ in true }) { field($0, 2, "2026-11-01") }
        expected.append("services.csv:\(l):3: error: 服务日期 2026-11-01 is outside 2026-10")
        let services = try m.lines("services.csv")
        l = try m.append("services.csv", field(services[5], 4, "JM999999"))
        expected.append("services.csv:\(l):1: error: duplicate 服务编号")
        l = try m.append("services.csv", "FW-NEW-1,K999,2026-10-05,健康教育,JM1")
        expected.append("services.csv:\(l):2: error: 人员编号 'K999' is not on the roster (roster.csv); expected a 人员编号 of the roster")
        let survey = try m.lines("survey.csv")
        l = try m.append("survey.csv", survey[3])
        expected.append("survey.csv:\(l):1: error: duplicate 问卷编号")

        let out = try Runner.TempFolder()
        let before = Runner.snapshot(out.path)
        let r = try Runner.runMonth(inputDir: m.folder.path, outputDir: out.path, town: "kangning", month: "2026-10")
        XCTAssertEqual(r.status, 1, r.transcript)
        for e in expected { Runner.assertContains(r.stderr, e, r.transcript) }
        XCTAssertEqual(Runner.snapshot(out.path), before, "nothing is written")
        XCTAssertFalse(r.stderr.contains("roster.csv:\(second):"), "one 站点 problem per team, at its first differing member")

        // The reference finds the same rows (file and line) and the same missing rows.
        let ref = try python(["Tools/kangning_reference.py", "\(m.folder.path)/kangning", "2026-10"])
        XCTAssertEqual(ref.status, 1)
        let refRows = Set(ref.stderr.split(separator: "\n").map { $0.split(separator: ":").prefix(2).joined(separator: ":") }.filter { !$0.hasSuffix(":0") })
        let ours = Set(r.stderrLines.compactMap { line -> String? in
            let parts = line.split(separator: ":")
            guard parts.count > 3, parts[0].hasSuffix(".csv"), line.contains(" error: "), !line.contains("has no row") else { return nil }
            return "\((parts[0] as NSString).lastPathComponent):\(parts[1])"
        })
        XCTAssertEqual(ours, refRows, "rows refused: gridpay \(ours.subtracting(refRows)), reference \(refRows.subtracting(ours))")
        XCTAssertTrue(ref.stderr.contains("quotas.csv:0: 团队 'T05' has no row for 工作项目 '慢病随访'"), ref.stderr)
        XCTAssertTrue(ref.stderr.contains("households.csv:0: 团队 'T07' has no households row"), ref.stderr)
    }

    /// Each kind of error alone is enough to refuse the month.
    func testEachErrorAloneRefusesTheMonth() throws {
        let cases: [(String, (Month) throws -> Void, String)] = [
            ("missing quota", { try $0.delete("quotas.csv") { $0.hasPrefix("T11,健康档案更新,") } }, "has no row for 工作项目 '健康档案更新' in quotas.csv"),
            ("missing households", { try $0.delete("households.csv") { $0.hasPrefix("T01,") } }, "团队 'T01' (roster.csv line 2) has no row in households.csv"),
            ("unknown survey team", { try $0.append("survey.csv", "WJ-Z,TX,否,满意") }, "团队 'TX' is on no roster row"),
        ]
        for (name, breakIt, message) in cases {
            let m = try Month()
            try breakIt(m)
            let out = try Runner.TempFolder()
            let r = try Runner.runMonth(inputDir: m.folder.path, outputDir: out.path, town: "kangning", month: "2026-10")
            XCTAssertEqual(r.status, 1, name)
            Runner.assertContains(r.stderr, message, name)
        }
    }
}
