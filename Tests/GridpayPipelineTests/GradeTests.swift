import GridpayTestSupport
import Foundation
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// Grades as values (issue 9 point 2): the bands give 等次 (column and value), a veto forces
/// one, pay and flags read it.
final class GradeTests: XCTestCase {
    func testGradeBandsEdgesVetoPayAndFlag() throws {
        let tmp = TemporaryFolder()
        // A 90 (优秀, the band's own min), B 89.999, C 75 (合格), D 60 (基本合格), E 59.999, and
        // F 95 with a veto row (forced 不合格).
        let roster = "A,甲,东村,G1\nB,乙,东村,G1\nC,丙,西村,G2\nD,丁,西村,G2\nE,戊,西村,G2\nF,己,东村,G1\n"
        let marks = "1,A,2026-10-01,90,否\n2,B,2026-10-02,89.999,否\n3,C,2026-10-03,75,否\n4,D,2026-10-04,60,否\n"
            + "5,E,2026-10-05,59.999,否\n6,F,2026-10-06,95,否\n7,F,2026-10-07,0,是\n"
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(), months: ["2026-10": (roster, marks)])
        guard case .success(let result) = MonthRunner.run(GradedTown.request(root: tmp.path, period: "2026-10")) else { return XCTFail("run failed") }
        let book = try WorkbookReader(path: "\(result.directory)/g-2026-10.xlsx")
        XCTAssertEqual(book.row("考核汇总", 0), ["排名", "网格员编号", "姓名", "村(社区)", "网格编号", "考核", "总分", "等次", "一票否决", "建议更换", "备注"])
        // Items are rounded to 0.01: B's 89.999 → 90.00 (优秀) and E's 59.999 → 60.00 (基本合格),
        // so the band reads the rounded total, as the sheet shows it.
        let rows = (1...6).map { book.row("考核汇总", $0) }
        XCTAssertEqual(rows.map { Array($0.prefix(2)) + Array($0[5...9]) }, [
            ["1", "F", "95", "95", "不合格", "是", "是"],
            ["2", "A", "90", "90", "优秀", "否", "否"],
            ["2", "B", "90", "90", "优秀", "否", "否"],
            ["4", "C", "75", "75", "合格", "否", "否"],
            ["5", "D", "60", "60", "基本合格", "否", "否"],
            ["5", "E", "60", "60", "基本合格", "否", "否"],
        ])
        // Pay by grade: 900 / 600 / 300 / 0.
        let pay = (1...12).map { book.row("绩效工资", $0) }.filter { $0.count > 6 && $0[0].count == 1 }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: pay.map { ($0[0], $0[6]) }),
                       ["A": "900", "B": "900", "C": "600", "D": "300", "E": "300", "F": "0"])
    }

    func testBelowABandByOneHundredthAfterRounding() throws {
        let tmp = TemporaryFolder()
        // 89.994 rounds to 89.99 (合格), 74.995 rounds half-up to 75.00 (合格), 59.994 → 59.99 (不合格).
        let roster = "A,甲,东村,G1\nB,乙,东村,G1\nC,丙,西村,G2\n"
        let marks = "1,A,2026-10-01,89.994,否\n2,B,2026-10-02,74.995,否\n3,C,2026-10-03,59.994,否\n"
        try GradedTown.write(root: tmp.path, rules: GradedTown.ruleFile(), months: ["2026-10": (roster, marks)])
        guard case .success(let m) = MonthRunner.prepare(GradedTown.request(root: tmp.path, period: "2026-10")) else { return XCTFail() }
        let byID = Dictionary(uniqueKeysWithValues: m.report.workers.map { ($0.id, $0) })
        XCTAssertEqual(byID["A"]?.grade, "合格")
        XCTAssertEqual(byID["A"]?.scorePay, ExactNumber(600))
        XCTAssertEqual(byID["B"]?.grade, "合格")
        XCTAssertEqual(byID["C"]?.grade, "不合格")
        XCTAssertEqual(byID["C"]?.flags, [false, true])
        let text = Explanation.text(worker: byID["C"]!, in: m.scoring, ruleFile: "g.toml", workerCount: 3)
        XCTAssertTrue(text.contains("等次 = 不合格   (总分 59.99，低于其上各档)"), text)
        let a = Explanation.text(worker: byID["A"]!, in: m.scoring, ruleFile: "g.toml", workerCount: 3)
        XCTAssertTrue(a.contains("等次 = 合格   (总分 89.99 ≥ 75)"), a)
    }

    func testAMonthlyTownWithoutGradesHasNoGradeColumn() throws {
        let tmp = TemporaryFolder()
        let request = TestTown.sample("qinghe", "2026-10", output: tmp.path)
        guard case .success(let m) = MonthRunner.prepare(request) else { return XCTFail() }
        XCTAssertTrue(m.report.rules.grades.isEmpty)
        XCTAssertNil(m.report.workers[0].grade)
        // Its year rating is declared instead (SPEC §8).
        let year = try XCTUnwrap(m.report.rules.rating(for: .year))
        XCTAssertEqual(year.bands.map(\.name), ["优秀", "良好", "合格", "不合格"])
        XCTAssertEqual(year.bands.map(\.minimum), [ExactNumber(90), ExactNumber(80), ExactNumber(60), nil])
        XCTAssertNil(m.report.rules.rating(for: .halfYear))
    }
}
