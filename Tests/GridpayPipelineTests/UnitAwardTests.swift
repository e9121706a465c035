import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// General rule-language features (README: total_base, group_rank, [[awards]], item_yuan_label,
/// [[sheets]], required_when / empty_when, on_roster / same_on_roster) on a small made-up town
/// ("demo"); every expected value is worked out by hand in the comments.
final class UnitAwardTests: XCTestCase {
    static let rules = #"""
    \#(TestTown.header("demo", name: "演示"))

    \#(TestTown.roster(unit: "科室", group: "片区", columns: [#"{ name = "基数", type = "decimal", min = 0, places = 2 }"#]))

    [tables.faults]
    file = "faults.csv"
    worker = "编号"
    unique = ["单号"]
    columns = [
      { name = "单号", type = "id" },
      { name = "编号", type = "id" },
      { name = "片区", type = "id", on_roster = "片区" },
      { name = "类型", type = "choice", values = ["本人", "他人"] },
      { name = "证人", type = "id", required_when = '类型 == "他人"', empty_when = '类型 == "本人"', on_roster = "编号", same_on_roster = ["片区"] },
      { name = "分", type = "decimal", places = 1, min = 0.1 },
    ]

    [values]
    "科室均分" = 'group_mean(科室, 总分)'
    "科室名次" = 'group_rank(科室, 总分)'
    "最佳" = 'overall_min(总分) != overall_max(总分) and 总分 == overall_max(总分)'
    "最差科室" = 'overall_min(科室均分) != overall_max(科室均分) and 科室均分 == overall_min(科室均分)'

    [[items]]
    name = "差错"
    full = 0
      [[items.deductions]]
      table = "faults"
      points = '-分'
      yuan = '10 * 分'
      reason = "差错 {单号}"

    [scoring]
    total_base = 100
    total_floor = 0

    [pay]
    base = '基数'
    score_pay = '绩效工资基数'
    item_yuan_label = "扣分罚款"

    [[awards]]
    name = "最佳奖"
    amount = 300
    to = '最佳'

    [[awards]]
    name = "科室罚款"
    amount = 100
    to = '最差科室'
    per = '科室'
    pay = "charge"

    [[sheets]]
    name = "基金"
      [[sheets.lines]]
      kind = "收入"
      label = "罚款"
      value = 'overall_sum(扣分罚款) + overall_sum(科室罚款)'
      [[sheets.lines]]
      kind = "支出"
      label = "奖励"
      value = 'overall_sum(最佳奖)'
      [sheets.units]
      key = '科室'
      label = "科室"
        [[sheets.units.columns]]
        name = "人数"
        value = 'group_count(科室)'
        [[sheets.units.columns]]
        name = "平均分"
        value = 'round(科室均分, 2)'
        [[sheets.units.columns]]
        name = "名次"
        value = '科室名次'
    """#

    // Ten workers: 科室 甲 has B1..B7 (7 persons), 乙 has C1, C2, 丙 has D1.
    static let roster = """
    编号,姓名,科室,片区,基数
    B1,一,甲,P1,1000
    B2,二,甲,P1,1000
    B3,三,甲,P1,1000
    B10,十,甲,P2,1000
    B4,四,甲,P2,1000
    B5,五,甲,P2,1000
    B6,六,甲,P2,1000
    C1,七,乙,P3,1000
    C2,八,乙,P3,1000
    D1,九,丙,P3,1000

    """

    func prepare(faults: String, roster: String = UnitAwardTests.roster) throws -> Result<PreparedMonth, PipelineFailure> {
        let tmp = TemporaryFolder()
        keep.append(tmp)
        let dir = "\(tmp.path)/in/demo/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try roster.write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        try faults.write(toFile: "\(dir)/faults.csv", atomically: true, encoding: .utf8)
        guard case .success(let rules) = RuleLoader.load(text: Self.rules, file: "demo.toml") else {
            if case .failure(let f) = RuleLoader.load(text: Self.rules, file: "demo.toml") { XCTFail("\(f.diagnostics)") }
            throw XCTSkip("rules")
        }
        var request = RunRequest(town: "demo", period: Period.parse("2026-10")!)
        request.inputDir = "\(tmp.path)/in"
        request.outputDir = "\(tmp.path)/out"
        return MonthRunner.prepare(request, rules: { _ in .success(LoadedRules(path: "demo.toml", text: Self.rules, sha256: "", rules: rules)) })
    }
    var keep: [TemporaryFolder] = []

    func worker(_ m: PreparedMonth, _ id: String) -> WorkerReport { m.report.workers.first { $0.id == id }! }

    static let header = "单号,编号,片区,类型,证人,分\n"

    func testSplitOf300AmongSevenTiedGivesLeftoverCentsByIdAsText() throws {
        // Everyone in 甲 scores 100; C1 and C2 lose 0.5 (99.5), D1 loses 120 (total floored at 0).
        // Best: the 7 persons of 甲 tie at 100 → 30000 cents / 7 = 4285 each, 5 left over, given to
        // the first five ids by code points: B1 < B10 < B2 < B3 < B4 (B10 before B2, as text).
        // 42.86 × 5 + 42.85 × 2 = 214.30 + 85.70 = 300.00.
        let faults = Self.header + "F1,C1,P3,本人,,0.5\nF2,D1,P3,本人,,120\nF3,C2,P3,本人,,0.5\n"
        let m = try prepare(faults: faults).get()
        let award = m.report.rules.awards.firstIndex { $0.name == "最佳奖" }!
        let shares = ["B1", "B10", "B2", "B3", "B4", "B5", "B6"].map { worker(m, $0).awards[award].description }
        XCTAssertEqual(shares, ["42.86", "42.86", "42.86", "42.86", "42.86", "42.85", "42.85"])
        XCTAssertEqual(worker(m, "C1").awards[award], .zero)
        // 考核绩效 = 基数 + award: 1000 + 42.86.
        XCTAssertEqual(worker(m, "B10").scorePay.description, "1042.86")
        // D1: 100 − 120 = −20 → floored to 0; yuan = 10 × all 120 points lost = 1200 (before the floor).
        XCTAssertEqual(worker(m, "D1").total, .zero)
        XCTAssertEqual(worker(m, "D1").items[0].description, "-120")
        // Department means: 甲 100, 乙 99.5, 丙 0 → 丙 bears the 100 alone:
        // D1 扣款合计 = 1200 + 100 = 1300, 实发 = max(0, 1000 − 1300) = 0, 未扣足 300.
        let charge = m.report.rules.awards.firstIndex { $0.name == "科室罚款" }!
        XCTAssertEqual(worker(m, "D1").awards[charge].description, "100")
        XCTAssertEqual(worker(m, "D1").deductions.description, "1300")
        XCTAssertEqual(worker(m, "D1").shortfall.description, "300")
        XCTAssertEqual(worker(m, "C1").awards[charge], .zero)
        XCTAssertEqual(try MonthReport.lookup("科室名次", worker: worker(m, "C2"), in: m.scoring), .number(ExactNumber(2)))
        XCTAssertEqual(try MonthReport.lookup("扣分罚款", worker: worker(m, "C1"), in: m.scoring), .number(ExactNumber(5)))
    }

    func testTiedWorkersAreListedByIdInCodePointOrder() throws {
        // Three workers tie at 100 (no faults, one unit each so no charge falls on them alike).
        // By code point "e\u{301}" (U+0065 U+0301) < "f" (U+0066) < "g"; Swift's String `<`
        // compares the NFC form "é" (U+00E9) and would list it last. The 300 split: 30000 / 3 =
        // 10000 cents each, nothing left over.
        let roster = "编号,姓名,科室,片区,基数\ne\u{301},一,甲,P1,1000\ng,二,甲,P1,1000\nf,三,甲,P1,1000\n"
        let m = try prepare(faults: Self.header, roster: roster).get()
        XCTAssertEqual(m.report.workers.map { Array($0.id.unicodeScalars.map(\.value)) }, [[0x65, 0x301], [0x66], [0x67]])
        XCTAssertEqual(m.report.workers.map(\.rank), [1, 1, 1])
    }

    func testCanonicallyEquivalentIdsAreTwoIdsAndSameBytesAreADuplicate() throws {
        // "Caf\u{e9}" and "Cafe\u{301}" differ in code points: two workers (Swift's String
        // equality would call them one and refuse the roster). Listed by code point: "Cafe…"
        // (0x65 at the 4th place) < "Caf\u{e9}" (0xE9).
        let roster = "编号,姓名,科室,片区,基数\nCaf\u{e9},一,甲,P1,1000\nCafe\u{301},二,甲,P1,1000\n"
        let m = try prepare(faults: Self.header, roster: roster).get()
        XCTAssertEqual(m.report.workers.map(\.name), ["二", "一"])
        // A fault row naming the decomposed id counts for 二 only: 100 − 1 = 99 (一 keeps 100).
        let m2 = try prepare(faults: Self.header + "F1,Cafe\u{301},P1,本人,,1\n", roster: roster).get()
        XCTAssertEqual(m2.report.workers.map { "\($0.name) \($0.total)" }, ["一 100", "二 99"])
        // The same bytes twice are a duplicate, at the second row's id column.
        let dup = "编号,姓名,科室,片区,基数\nCafe\u{301},一,甲,P1,1000\nCafe\u{301},二,甲,P1,1000\n"
        guard case .failure(let f) = try prepare(faults: Self.header, roster: dup) else { return XCTFail("a duplicate id was accepted") }
        XCTAssertTrue(f.diagnostics.contains { $0.message.hasPrefix("duplicate 编号 'Cafe\u{301}': already used at line 2") }, "\(f.diagnostics.map(\.message))")
    }

    func testIdOrderIsCodePointOrder() {
        XCTAssertTrue(IdOrder.less("e\u{301}", "f"))
        XCTAssertFalse("e\u{301}" < "f")  // Swift's own order differs: the reason IdOrder exists
        XCTAssertTrue(IdOrder.less("B10", "B2"))
        XCTAssertTrue(IdOrder.less("B1", "B10"))
        XCTAssertFalse(IdOrder.less("B1", "B1"))
        XCTAssertTrue(IdOrder.less("Z", "a"))
        XCTAssertTrue(IdOrder.less("\u{FFFF}", "\u{10000}"))  // UTF-16 order would say the opposite
    }

    func testNoAwardWhenAllEqualAndNoChargeWhenAllUnitsEqual() throws {
        let m = try prepare(faults: Self.header).get()
        for w in m.report.workers {
            XCTAssertEqual(w.awards, [.zero, .zero], w.id)
            XCTAssertEqual(w.scorePay.description, "1000")
        }
    }

    func testChargeSplitWithinEachTiedUnitAndGroupRankTies() throws {
        // 乙 (C1 −3, C2 −3 → mean 97) and 丙 (D1 −3 → 97) tie for lowest: each bears 100 on its own:
        // C1 and C2 50.00 each, D1 100. 甲 has mean 100 → rank 1; 乙 and 丙 share rank 2.
        let faults = Self.header + "F1,C1,P3,本人,,3\nF2,C2,P3,本人,,3\nF3,D1,P3,本人,,3\n"
        let m = try prepare(faults: faults).get()
        XCTAssertEqual(["C1", "C2", "D1", "B1"].map { worker(m, $0).awards[1].description }, ["50", "50", "100", "0"])
        let rank = { (id: String) in try MonthReport.lookup("科室名次", worker: self.worker(m, id), in: m.scoring) }
        XCTAssertEqual(try [rank("B1"), rank("C1"), rank("D1")], [.number(ExactNumber(1)), .number(ExactNumber(2)), .number(ExactNumber(2))])
        // Sheet 基金: income = 10 × 9 points + 2 × 100 charges = 290; outgoing = 300 (the best: 7 of 甲).
        let sheet = try XCTUnwrap(m.report.sheets.first)
        XCTAssertEqual(sheet.lines.map { "\($0.kind) \($0.label) \($0.value)" }, ["收入 罚款 290", "支出 奖励 300"])
        XCTAssertEqual(sheet.rows.map { [$0.key.description] + $0.cells.map { $0?.description ?? "blank" } },
                       [["甲", "7", "100", "1"], ["乙", "2", "97", "2"], ["丙", "1", "97", "2"]])
    }

    func testPaySheetShowsAwardsAndChargesAsPositiveColumnsAndTheDeclaredSheet() throws {
        let faults = Self.header + "F1,C1,P3,本人,,0.5\nF2,D1,P3,本人,,120\n"
        let tmp = TemporaryFolder()
        let dir = "\(tmp.path)/in/demo/2026-10"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(tmp.path)/rules", withIntermediateDirectories: true)
        try Self.rules.write(toFile: "\(tmp.path)/rules/demo.toml", atomically: true, encoding: .utf8)
        try Self.roster.write(toFile: "\(dir)/roster.csv", atomically: true, encoding: .utf8)
        try faults.write(toFile: "\(dir)/faults.csv", atomically: true, encoding: .utf8)
        var request = RunRequest(town: "demo", period: Period.parse("2026-10")!)
        request.rulesDir = "\(tmp.path)/rules"
        request.inputDir = "\(tmp.path)/in"
        request.outputDir = "\(tmp.path)/out"
        guard case .success(let result) = MonthRunner.run(request) else { return XCTFail("run failed") }
        let book = try WorkbookReader(path: "\(result.directory)/demo-2026-10.xlsx")
        XCTAssertEqual(book.sheetOrder, ["考核汇总", "绩效工资", "工资条", "统计", "扣分明细", "基金", "数据问题", "说明"])
        XCTAssertEqual(Array(book.row("绩效工资", 0)[4...]), ["绩效工资基数", "总分", "最佳奖", "考核绩效", "扣分罚款", "科室罚款", "扣款合计", "实发绩效", "未扣足"])
        let d1 = try XCTUnwrap((1...20).map { book.row("绩效工资", $0) }.first { $0.first == "D1" })
        XCTAssertEqual(Array(d1[4...]), ["1000", "0", "0", "1000", "1200", "100", "1300", "0", "300"])
        // Income 10 × 120.5 + 100 = 1305; outgoing 300.
        XCTAssertEqual(book.row("基金", 0), ["项目", "金额(元)", "类别"])
        XCTAssertEqual(book.row("基金", 1), ["罚款", "1305", "收入"])
        XCTAssertEqual(book.row("基金", 2), ["奖励", "300", "支出"])
        XCTAssertEqual(book.row("基金", 4), ["科室", "人数", "平均分", "名次"])
        XCTAssertEqual(book.row("基金", 5), ["甲", "7", "100", "1"])
        XCTAssertEqual(book.row("基金", 6), ["乙", "2", "99.75", "2"])
        XCTAssertEqual(book.row("基金", 7), ["丙", "1", "0", "3"])
        let csv = try String(contentsOfFile: "\(result.directory)/demo-2026-10-pay.csv", encoding: .utf8)
        XCTAssertTrue(csv.contains(#""D1","九","丙","P3","1000.00","0.00","0.00","1000.00","1200.00","100.00","1300.00","0.00","300.00""#), csv)
    }

    func testConditionalAndCrossTableCellsAreErrorsAtTheirRowAndColumn() throws {
        let faults = Self.header + [
            "F1,B1,P1,他人,,1",        // line 2: 证人 required (field 5)
            "F2,B1,P1,本人,B2,1",      // line 3: 证人 must be empty
            "F3,B1,P9,本人,,1",        // line 4: 片区 P9 is on no roster row (field 3)
            "F4,B1,P1,他人,ZZ,1",      // line 5: 证人 ZZ not a 编号 on the roster
            "F5,B1,P1,他人,C1,1",      // line 6: C1 is in P3, not P1
            "F6,B1,P1,他人,B2,1",      // line 7: fine
        ].joined(separator: "\n") + "\n"
        guard case .failure(let f) = try prepare(faults: faults) else { return XCTFail("must fail") }
        let messages = f.diagnostics.map(\.description)
        func has(_ line: Int, _ field: Int, _ text: String) {
            XCTAssertTrue(messages.contains { $0.contains("faults.csv:\(line):\(field):") && $0.contains(text) }, "\(line):\(field) \(text)\n\(messages.joined(separator: "\n"))")
        }
        has(2, 5, "证人 is empty; expected a value when 类型 == \"他人\"")
        has(3, 5, "证人 is 'B2'; expected it to be empty when 类型 == \"本人\"")
        has(4, 3, "片区 'P9' is not a 片区 on the roster")
        has(5, 5, "证人 'ZZ' is not a 编号 on the roster")
        has(6, 5, "片区 'P3' on the roster, 'P1' on this row")
        XCTAssertFalse(messages.contains { $0.contains("faults.csv:7:") })
    }

    func testRuleErrorsOfTheNewKeysPointAtTheirLine() {
        let bad = Self.rules
            .replacingOccurrences(of: #"on_roster = "片区" }"#, with: #"on_roster = "片" }"#)
            .replacingOccurrences(of: #"pay = "charge""#, with: #"pay = "fine""#)
            .replacingOccurrences(of: "amount = 300", with: "amount = 300.001")
        guard case .failure(let f) = RuleLoader.load(text: bad, file: "demo.toml") else { return XCTFail("must fail") }
        let messages = f.diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.contains("on_roster names '片', which is not a column of the roster") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("pay must be \"award\"") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("amount must be a whole number of fen") }, "\(messages)")
    }
}
