import Foundation
import XCTest

/// Town jinshan (SPEC §11) through the built binary against the independent Python reference
/// (Tools/jinshan_reference.py, exact fractions): the sample months and randomized months are
/// compared cell by cell (考核汇总, 绩效工资, every 扣分明细 line, 激励基金), and a broken month must
/// be refused with exactly the errors (file:line:column) the reference finds.
final class JinshanEndToEndTests: XCTestCase {
    typealias Runner = BinaryRunner

    /// Runs a python3 tool; its stdout and stderr read as one text (stdout first).
    func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let r = try Runner.python(arguments)
        return (r.status, r.stdout + r.stderr)
    }

    func reference(_ args: [String]) throws -> (status: Int32, output: String) {
        try python([Runner.packageRoot.appendingPathComponent("Tools/jinshan_reference.py").path] + args)
    }

    func runAndCompare(inputDir: String, month: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let out = try Runner.TempFolder()
        let run = try Runner.runMonth(inputDir: inputDir, outputDir: out.path, town: "jinshan", month: month)
        XCTAssertEqual(run.status, 0, run.transcript, file: file, line: line)
        let book = out.path("jinshan/\(month)/jinshan-\(month).xlsx")
        let r = try reference(["\(inputDir)/jinshan", month, "--compare", book])
        XCTAssertEqual(r.status, 0, r.output, file: file, line: line)
        XCTAssertTrue(r.output.contains(" 0 differences"), r.output, file: file, line: line)
    }

    func testSampleMonthsAgreeWithTheReferenceCellByCell() throws {
        let input = Runner.packageRoot.appendingPathComponent("Input").path
        try runAndCompare(inputDir: input, month: "2026-09")
        try runAndCompare(inputDir: input, month: "2026-10")
    }

    /// What the samples promise (SPEC §11's cases), read from the reference's results.
    func testSamplesHaveATieForTheBestAndADepartmentThatBearsTheCharge() throws {
        for month in ["2026-09", "2026-10"] {
            let r = try reference([Runner.packageRoot.appendingPathComponent("Input/jinshan").path, month])
            XCTAssertEqual(r.status, 0, r.output)
            let rows = r.output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let people = rows.dropFirst().filter { $0.count > 10 }
            XCTAssertGreaterThanOrEqual(people.count, 40)
            XCTAssertGreaterThanOrEqual(people.filter { $0[0] == "1" }.count, 2, "\(month): a tie for the best")
            XCTAssertTrue(people.contains { $0[11] != "0.00" }, "\(month): someone bears 部门负激励")
            XCTAssertGreaterThanOrEqual(Set(people.map { $0[1] }).count, 40)
        }
        let v = try String(contentsOfFile: Runner.packageRoot.appendingPathComponent("Input/jinshan/2026-10/violations.csv").path, encoding: .utf8)
        XCTAssertTrue(v.contains(",外来人员,,") && v.contains(",否\r\n") && v.contains(",是\r\n"), "stopped and unstopped outsiders")
    }

    func testExplainShowsTheSumBeforeTheFloorAndEveryPayPart() throws {
        // Sample 2026-10, JS002: 本人违章 −40 − 35.5 − 30 = −105.50, 连带责任 0, 隐患排查 −5 × (4 − 1)
        // = −15.00; 100 − 120.50 = −20.50, floored to 0 (SPEC §11: max(0, …)); explain says so.
        // 扣款合计 = 10 × 120.5 points = 1205.00 (by item: 1055.00 + 150.00) + 部门负激励 33.34
        // (生产一车间 has the lowest mean; 300 / 9 persons = 33.33 each, 299.97, the 3 cents left over
        // to the first three ids JS002, JS007, JS014) = 1238.34.
        let r = try Runner.run(["explain", "jinshan", "2026-10", "JS002", "--input-dir", Runner.packageRoot.appendingPathComponent("Input").path])
        XCTAssertEqual(r.status, 0, r.transcript)
        XCTAssertTrue(r.stdout.contains("总分 = 0.00（100 + 各项之和 = -20.50，不低于 0）"), r.stdout)
        XCTAssertTrue(r.stdout.contains("扣款合计 = 1238.34   (本人违章 1055.00 + 隐患排查 150.00 + 部门负激励 33.34)"), r.stdout)
        // JS001 ties for 标兵 at 100 with two others: 300 / 3 = 100.00 each; 考核绩效 = 3700 + 100.
        let best = try Runner.run(["explain", "jinshan", "2026-10", "JS001", "--input-dir", Runner.packageRoot.appendingPathComponent("Input").path])
        XCTAssertTrue(best.stdout.contains("考核绩效 = 3800.00   (绩效工资基数 + 标兵奖励)"), best.stdout)
        XCTAssertTrue(best.stdout.contains("总分 = 100.00（100 + 各项之和，不低于 0）"), best.stdout)
    }

    /// SPEC §5/§1: a person's 扣分明细 yuan add up to 扣款合计. Sample 2026-10: 生产一车间 bears
    /// 部门负激励 (lowest mean), 9 persons: 300 / 9 = 33.333… → 33.33 each (299.97), the 3 cents
    /// left over to the three lowest ids JS002, JS007, JS014 → 33.34. JS002: 400 + 355 + 300
    /// (本人违章) + 150 (隐患排查) + 33.34 = 1238.34 = 扣款合计. Paid awards (标兵奖励, JS001 100.00)
    /// are not deductions: no line.
    func testDeductionLinesAddUpToTotalDeductionsWithTheChargedShare() throws {
        let out = try Runner.TempFolder()
        let run = try Runner.runMonth(inputDir: Runner.packageRoot.appendingPathComponent("Input").path, outputDir: out.path, town: "jinshan", month: "2026-10")
        XCTAssertEqual(run.status, 0, run.transcript)
        let parts = try Runner.xlsxParts(out.path("jinshan/2026-10/jinshan-2026-10.xlsx"))
        let details = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "扣分明细", in: parts)))
        XCTAssertEqual(details[0], ["责任人编号", "姓名", "考核项目", "扣分原因", "次数", "扣分", "扣款(元)", "来源文件", "行号"])
        let reason = "部门负激励（末位部门 生产一车间，300 元由 9 人分担）"
        XCTAssertEqual(details.filter { $0[0] == "JS002" }.map { $0.joined(separator: "|") }, [
            "JS002|胡超|本人违章|本人违章 WZ202610068 重大事故隐患瞒报|1|-40|400|violations.csv|14",
            "JS002|胡超|本人违章|本人违章 WZ202610069 重大事故隐患瞒报|1|-35.5|355|violations.csv|27",
            "JS002|胡超|本人违章|本人违章 WZ202610070 重大事故隐患瞒报|1|-30|300|violations.csv|38",
            "JS002|胡超|隐患排查|隐患排查少于4次|3|-15|150|inspections.csv|",
            "JS002|胡超|部门负激励|\(reason)|1|0|33.34|jinshan.toml|141",
        ])
        let shares = details.filter { $0[2] == "部门负激励" }.map { "\($0[0]) \($0[6])" }.sorted()
        XCTAssertEqual(shares, ["JS002 33.34", "JS007 33.34", "JS014 33.34", "JS021 33.33", "JS026 33.33",
                                "JS029 33.33", "JS031 33.33", "JS042 33.33", "JS043 33.33"])
        XCTAssertTrue(details.filter { $0[2] == "部门负激励" }.allSatisfy { $0[3] == reason && $0[5] == "0" && $0[7] == "jinshan.toml" })
        XCTAssertFalse(details.contains { $0[2] == "标兵奖励" }, "a paid award is not a deduction")
        // Every person: Σ 扣分明细 扣款(元) = 扣款合计 (in cents, exact).
        let pay = Runner.sheetRows(try XCTUnwrap(Runner.sheetXML(named: "绩效工资", in: parts)))
        let column = try XCTUnwrap(pay[0].firstIndex(of: "扣款合计"))
        func cents(_ s: String) -> Int { Int(((Double(s) ?? 0) * 100).rounded()) }
        var listed: [String: Int] = [:]
        for d in details.dropFirst() { listed[d[0], default: 0] += cents(d[6]) }
        let persons = pay.dropFirst().filter { $0[0].hasPrefix("JS") }
        XCTAssertEqual(persons.count, 46)
        for p in persons { XCTAssertEqual(listed[p[0], default: 0], cents(p[column]), p[0]) }
        XCTAssertEqual(listed["JS002"], 123_834)
    }

    func testRandomizedMonthsAgreeWithTheReference() throws {
        for (seed, persons) in [(101, 57), (202, 133), (303, 240)] {
            let data = try Runner.TempFolder(prefix: "gridpay-jinshan-random")
            let gen = try python([Runner.packageRoot.appendingPathComponent("Tools/make_jinshan_samples.py").path,
                                  "--out", data.path, "--month", "2026-10", "--seed", "\(seed)", "--persons", "\(persons)", "--random"])
            XCTAssertEqual(gen.status, 0, gen.output)
            try runAndCompare(inputDir: data.path, month: "2026-10")
        }
    }

    /// Every kind of bad row of SPEC §11 (see Fixtures/jinshan-broken): the run writes nothing and
    /// lists each problem at the file, line and column the reference finds.
    func testABrokenMonthIsRefusedAtEveryRowAndColumn() throws {
        let input = "\(Runner.fixturesDir)/jinshan-broken"
        let out = try Runner.TempFolder()
        let run = try Runner.runMonth(inputDir: input, outputDir: out.path, town: "jinshan", month: "2026-09")
        XCTAssertEqual(run.status, 1, run.transcript)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path("jinshan/2026-09")))
        let got = Set(run.errorLines.compactMap { l -> String? in
            guard let r = l.range(of: #"[a-z]+\.csv:[0-9]+:[0-9]+"#, options: .regularExpression) else { return nil }
            return String(l[r])
        })
        let ref = try reference([input + "/jinshan", "2026-09", "--errors"])
        let want = Set(ref.output.split(separator: "\n").map { l in String(l.split(separator: ":").prefix(3).joined(separator: ":")) })
        XCTAssertEqual(want.count, 18, ref.output)
        XCTAssertEqual(got, want, run.transcript)
        // The messages say what is wrong and what was expected.
        Runner.assertContains(run.stderr, "violations.csv:2:5: error: 违章人编号 is empty; expected a value when 违章人类型 == \"本区域人员\"")
        Runner.assertContains(run.stderr, "violations.csv:3:5: error: 违章人编号 is 'JS001'; expected it to be empty when 违章人类型 == \"外来人员\"")
        Runner.assertContains(run.stderr, "violations.csv:4:5: error: 违章人编号 'JS001' belongs to another 网格区域")
        Runner.assertContains(run.stderr, "violations.csv:6:3: error: 网格区域 'Z99' is on no roster row")
    }
}
