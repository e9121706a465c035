import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// SPEC §8 ratings, on a monthly town with a year and a half-year rating (bands 90/80/60, veto
/// by the monthly flag 一票否决). Every value below is worked out by hand from the marks.
final class RatingTests: XCTestCase {
    static let ratings = """
    [[ratings]]
    periods = ["half-year", "year"]
    mean = "总分"
    places = 2
      [[ratings.bands]]
      name = "优秀"
      min = 90
      [[ratings.bands]]
      name = "良好"
      min = 80
      [[ratings.bands]]
      name = "合格"
      min = 60
      [[ratings.bands]]
      name = "不合格"
      [[ratings.vetoes]]
      flag = "一票否决"
      grade = "不合格"
    """

    /// A: 80 in every month but December, 79.94 then: 959.94 / 12 = 79.995 → 80.00 (良好).
    /// B: 50 in odd months, 70 in even ones: 720 / 12 = 60 exactly (合格).
    /// C joined in March: 90 for nine months and 80 in December: 890 / 10 = 89.00 (良好).
    /// D left after September: 90 in each of his nine months: 90.00 (优秀).
    /// E: 95 every month, and a veto row in May: 95.00 but 不合格; 备注 names 2026-05.
    /// F: 80 every month: 80.00, the same rounded mean as A: they share rank 4.
    static func months() -> [String: (roster: String, marks: String)] {
        var out: [String: (roster: String, marks: String)] = [:]
        var record = 0
        for m in 1...12 {
            let month = String(format: "2026-%02d", m)
            var roster = ""
            var marks = ""
            func mark(_ w: String, _ score: String, veto: Bool = false) {
                record += 1
                marks += "\(record),\(w),\(month)-02,\(score),\(veto ? "是" : "否")\n"
            }
            roster += "A,甲,东村,G1\nB,乙,东村,G1\n"
            mark("A", m == 12 ? "79.94" : "80")
            mark("B", m % 2 == 1 ? "50" : "70")
            if m >= 3 { roster += "C,丙,西村,G2\n"; mark("C", m == 12 ? "80" : "90") }
            if m <= 9 { roster += "D,丁,西村,G2\n"; mark("D", "90") }
            roster += "E,戊,西村,G2\nF,己,东村,G1\n"
            mark("E", "95")
            if m == 5 { mark("E", "0", veto: true) }
            mark("F", "80")
            out[month] = (roster, marks)
        }
        return out
    }

    func request(_ tmp: TemporaryFolder, _ period: String) -> RateRequest {
        var r = RateRequest(town: "g", period: CalendarPeriod.parse(period)!)
        r.rulesDir = "\(tmp.path)/Rules"
        r.inputDir = "\(tmp.path)/Input"
        r.outputDir = "\(tmp.path)/Output"
        return r
    }

    func town() throws -> TemporaryFolder {
        let tmp = TemporaryFolder()
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(period: "month", extra: Self.ratings), months: Self.months())
        return tmp
    }

    func testYearRatingMeansBandsRanksVetoAndRoster() throws {
        let tmp = try town()
        let result = RatingRunner.run(request(tmp, "2026"))
        guard case .success(let r) = result else { return XCTFail("\(result)") }
        XCTAssertEqual(r.directory, "\(tmp.path)/Output/g/2026")
        XCTAssertEqual(r.files, ["g-2026-rating.xlsx", "g-2026-rating.csv"])
        let book = try WorkbookReader(path: "\(r.directory)/g-2026-rating.xlsx")
        XCTAssertEqual(book.sheetOrder, ["等次评定", "说明"])
        let months = (1...12).map { String(format: "2026-%02d", $0) }
        XCTAssertEqual(book.row("等次评定", 0), ["排名", "网格员编号", "姓名", "村(社区)", "网格编号"] + months + ["平均分", "等次", "备注"])
        let rows = (1...6).map { book.row("等次评定", $0) }
        // Rank, id, the mean, the grade and the remark; by rounded mean, ties by id.
        XCTAssertEqual(rows.map { [$0[0], $0[1], $0[17], $0[18], $0.count > 19 ? $0[19] : ""] }, [
            ["1", "E", "95", "不合格", "一票否决：2026-05"],
            ["2", "D", "90", "优秀", "未在册：2026-10、2026-11、2026-12"],
            ["3", "C", "89", "良好", "未在册：2026-01、2026-02"],
            ["4", "A", "80", "良好", ""],
            ["4", "F", "80", "良好", ""],
            ["6", "B", "60", "合格", ""],
        ])
        // C's January and February cells are empty, not 0; his March is 90 and December 80.
        let c = rows[2]
        XCTAssertEqual(Array(c[5...7]), ["", "", "90"])
        XCTAssertEqual(c[16], "80")
        guard case .number? = book.sheets["等次评定"]?[1]?[17] else { return XCTFail("平均分 must be a number cell") }
        // Every month was computed from its inputs: the sheet says so under the table.
        XCTAssertEqual(book.row("等次评定", 8).first, "未结账：\(months.joined(separator: "、"))（未记入台账，按输入计算）")
        // The CSV: 79.995 shows as 80.00; the empty months are empty fields.
        let csv = try String(contentsOfFile: "\(r.directory)/g-2026-rating.csv", encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertEqual(lines[4], "\"4\",\"A\",\"甲\",\"东村\",\"G1\"," + Array(repeating: "\"80.00\"", count: 11).joined(separator: ",") + ",\"79.94\",\"80.00\",\"良好\",\"\"")
        XCTAssertTrue(lines[3].hasPrefix("\"3\",\"C\",\"丙\",\"西村\",\"G2\",\"\",\"\",\"90.00\""), lines[3])
        // 说明 names each month's inputs with their hashes.
        let about = (1...80).map { book.row("说明", $0) }.filter { !$0.isEmpty }
        XCTAssertTrue(about.contains { $0[0] == "2026-01 输入 2026-01/marks.csv" && $0[1].hasPrefix("SHA-256 ") }, "\(about)")
        XCTAssertTrue(about.contains(["2026-05", "未结账：按输入计算"]))
    }

    func testExactMeansBeforeRounding() throws {
        let tmp = try town()
        guard case .success(let p) = RatingRunner.prepare(request(tmp, "2026")) else { return XCTFail() }
        let byID = Dictionary(uniqueKeysWithValues: p.report.rows.map { ($0.id, $0) })
        XCTAssertEqual(byID["A"]?.exactMean, try ExactNumber(95994).divided(by: ExactNumber(1200)))   // 79.995
        XCTAssertEqual(byID["A"]?.mean, ExactNumber(80))
        XCTAssertEqual(byID["B"]?.exactMean, ExactNumber(60))
        XCTAssertEqual(byID["E"]?.vetoed.map(\.periods), [[CalendarPeriod.parse("2026-05")!]])
        let text = RatingExplanation.text(byID["E"]!, in: p.report, ruleFile: "g.toml", version: "1")
        XCTAssertTrue(text.contains("  2026-05 总分 95.00   [未结账，按输入计算]  一票否决 = 是"), text)
        XCTAssertTrue(text.contains("平均分 = 1140 ÷ 12（在册月数）= 95 → 四舍五入保留 2 位：95.00"), text)
        XCTAssertTrue(text.contains("等次 = 不合格（一票否决，不论分数：一票否决：2026-05；按分数应为 优秀）"), text)
        let c = RatingExplanation.text(byID["C"]!, in: p.report, ruleFile: "g.toml", version: "1")
        XCTAssertTrue(c.contains("  2026-01 未在册\n  2026-02 未在册\n  2026-03 总分 90.00"), c)
        XCTAssertTrue(c.contains("平均分 = 890 ÷ 10（在册月数）= 89 → 四舍五入保留 2 位：89.00\n等次 = 良好（平均分 89.00 ≥ 80）\n排名 = 3 / 6"), c)
    }

    func testHalfYearAndAVetoOnlyInsideIt() throws {
        let tmp = try town()
        guard case .success(let h2) = RatingRunner.prepare(request(tmp, "2026-H2")) else { return XCTFail() }
        // E's veto was in May, outside H2: 95.00 and 优秀. A: (5 × 80 + 79.94) / 6 = 79.99 (合格).
        let byID = Dictionary(uniqueKeysWithValues: h2.report.rows.map { ($0.id, $0) })
        XCTAssertEqual(byID["E"]?.grade, "优秀")
        XCTAssertEqual(byID["A"]?.mean, try ExactNumber(7999).divided(by: ExactNumber(100)))
        XCTAssertEqual(byID["A"]?.grade, "合格")
        XCTAssertEqual(h2.report.results.map(\.period.description), ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"])
        guard case .success(let h1) = RatingRunner.prepare(request(tmp, "2026-H1")) else { return XCTFail() }
        XCTAssertEqual(h1.report.rows.first { $0.id == "E" }?.grade, "不合格")
    }

    func testAMissingMonthIsRefusedListingEveryOne() throws {
        let tmp = try town()
        for m in ["2026-04", "2026-06"] { try FileManager.default.removeItem(atPath: "\(tmp.path)/Input/g/\(m)") }
        guard case .failure(let f) = RatingRunner.run(request(tmp, "2026")) else { return XCTFail("must fail") }
        XCTAssertEqual(f.diagnostics.map(\.description), [
            "error: 2026-04 has neither a ledger entry nor inputs (expected it closed in the ledger, or the folder \(tmp.path)/Input/g/2026-04)",
            "error: 2026-06 has neither a ledger entry nor inputs (expected it closed in the ledger, or the folder \(tmp.path)/Input/g/2026-06)",
            "error: cannot rate g 2026: 2 of its months are missing (2026-04, 2026-06); nothing was written",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(tmp.path)/Output/g/2026"))
    }

    func testClosedAndOpenPeriodsMixThroughThePublishedSeam() throws {
        let tmp = try town()
        // January "closed" with a published total of 100 for A (as a ledger would give it).
        let published: PublishedResults = { p in
            guard p.description == "2026-01" else { return .success(nil) }
            let a = PeriodResults.Worker(id: "A", name: "甲", unit: "东村", group: "G1", numbers: ["总分": ExactNumber(100)], flags: [:])
            return .success(PeriodResults(period: p, closed: true, workers: [a], sources: [.init("2026-01 台账", "closed")]))
        }
        guard case .success(let p) = RatingRunner.prepare(request(tmp, "2026"), published: published) else { return XCTFail() }
        XCTAssertEqual(p.report.openPeriods.count, 11)
        // A: (100 + 10 × 80 + 79.94) / 12 = 979.94 / 12 = 81.661666… → 81.66.
        XCTAssertEqual(p.report.rows.first { $0.id == "A" }?.mean, try ExactNumber(8166).divided(by: ExactNumber(100)))
        // B is not on January's published roster: rated over eleven months, (5 × 50 + 6 × 70) / 11 = 670 / 11 = 60.909… → 60.91.
        XCTAssertEqual(p.report.rows.first { $0.id == "B" }?.mean, try ExactNumber(6091).divided(by: ExactNumber(100)))
    }

    func testARatingTheTownDoesNotDeclareAndAPeriodThatIsRun() throws {
        let tmp = try town()
        guard case .failure(let q) = RatingRunner.prepare(request(tmp, "2026-Q1")) else { return XCTFail() }
        XCTAssertEqual(q.diagnostics.map(\.message), ["\(tmp.path)/Rules/g.toml declares no rating of a quarter for g; it rates: half-year, year"])
        // xinhe is assessed by year itself (SPEC §17): no rating and no veto (the veto came from
        // another town's document; the veto of the language is tested on the small town above).
        var xinhe = RateRequest(town: "xinhe", period: CalendarPeriod.parse("2026")!)
        xinhe.rulesDir = "\(packageRoot)/Rules"
        guard case .success(let l) = RatingRunner.rules(for: xinhe) else { return XCTFail() }
        XCTAssertTrue(l.rules.ratings.isEmpty)
        XCTAssertTrue(l.rules.vetoes.isEmpty)
        XCTAssertFalse(l.rules.flags.contains { $0.name == "一票否决" })
    }
}

/// A town assessed by quarter rates a half-year from its quarters' totals, banded by its own
/// [[grades]] when the rating declares no bands (SPEC §8, shuangqiao's year).
final class QuarterRatingTests: XCTestCase {
    func testAHalfYearOfQuarters() throws {
        let tmp = TemporaryFolder()
        let rating = "[[ratings]]\nperiods = [\"half-year\"]\nmean = \"总分\"\n"
        let roster = "A,甲,东村,G1\nB,乙,东村,G1\n"
        var months: [String: (roster: String, marks: String)] = [:]
        for m in 1...6 { months[String(format: "2026-%02d", m)] = (roster, "") }
        // A: Q1 80 (February), Q2 71 (May): (80 + 71) / 2 = 75.5 → 合格 (≥ 75).
        // B: 45 + 45 in Q1 = 90, 90 in Q2: 90 → 优秀.
        months["2026-02"] = (roster, "1,A,2026-02-10,80,否\n2,B,2026-02-11,45,否\n")
        months["2026-03"] = (roster, "3,B,2026-03-01,45,否\n")
        months["2026-05"] = (roster, "4,A,2026-05-10,71,否\n5,B,2026-05-11,90,否\n")
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(period: "quarter", extra: rating), months: months)
        var request = RateRequest(town: "g", period: CalendarPeriod.parse("2026-H1")!)
        request.rulesDir = "\(tmp.path)/Rules"
        request.inputDir = "\(tmp.path)/Input"
        request.outputDir = "\(tmp.path)/Output"
        guard case .success(let r) = RatingRunner.run(request) else { return XCTFail("\(RatingRunner.run(request))") }
        let book = try WorkbookReader(path: "\(r.directory)/g-2026-H1-rating.xlsx")
        XCTAssertEqual(book.row("等次评定", 0), ["排名", "网格员编号", "姓名", "村(社区)", "网格编号", "2026-Q1", "2026-Q2", "平均分", "等次", "备注"])
        XCTAssertEqual(Array(book.row("等次评定", 1).prefix(9)), ["1", "B", "乙", "东村", "G1", "90", "90", "90", "优秀"])
        XCTAssertEqual(Array(book.row("等次评定", 2).prefix(9)), ["2", "A", "甲", "东村", "G1", "80", "71", "75.5", "合格"])
        // A quarter is run, not rated, in a town assessed by quarter.
        var q = request
        q.period = CalendarPeriod.parse("2026-Q1")!
        guard case .failure(let f) = RatingRunner.prepare(q) else { return XCTFail() }
        XCTAssertEqual(f.diagnostics.map(\.message), ["g is assessed by quarter; 2026-Q1 is run (gridpay run g 2026-Q1), not rated: a rating is of a longer period (half-year)"])
    }
}
