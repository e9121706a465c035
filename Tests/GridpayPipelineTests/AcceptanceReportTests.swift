import GridpayTestSupport
import XCTest
@testable import GridpayCore
@testable import GridpayPipeline

/// What accepted rows leave out, said without signs (SPEC §15): a deduction of −5 points is
/// "未扣 5 分", and a row that would have added points (a bonus) says so ("未加"), never
/// "未扣 -5 分". English counts are singular for one.
final class AcceptanceReportTests: XCTestCase {
    typealias Effect = AcceptedRowEffect

    static func effect(_ file: String, _ line: Int, _ id: String, _ name: String, _ parts: [(String, String, String)]) -> Effect {
        Effect(file: file, line: line, workerID: id, workerName: name,
               deductions: parts.map { .init(item: $0.0, points: ExactNumber(decimalText: $0.1)!, yuan: ExactNumber(decimalText: $0.2)!) }, feedsCounts: false, countable: true)
    }

    /// Given out of order: the report sorts them by file and line.
    static let effects = [
        effect("visits.csv", 3, "QH0003", "吴晓东", [("走访", "-1", "0"), ("奖励", "0.5", "-10")]),
        effect("events.csv", 7, "QH0002", "王芳", [("加分项", "2", "0")]),
        effect("events.csv", 6, "QH0002", "王芳", [("上级调度", "-15", "120")]),
        effect("phone_checks.csv", 15, "QH0052", "陈秀英", [("电话畅通", "-5", "30")]),
        effect("training.csv", 9, "QH0009", "赵六", [("培训加分", "1", "0")]),
    ]

    func testEachRowSaysWhatItWouldHaveTakenOrAddedWithoutSign() {
        let report = AcceptanceReport(Self.effects)
        XCTAssertEqual(Language.with(.zh) { report.effects.map(AcceptanceReport.text) }, [
            "--accept 剔除了 网格员 QH0002 王芳 的这一行：它本应扣的 上级调度 15 分、120.00 元 没有扣",
            "--accept 剔除了 网格员 QH0002 王芳 的这一行：它本应加的 加分项 2 分、0.00 元 没有加",
            "--accept 剔除了 网格员 QH0052 陈秀英 的这一行：它本应扣的 电话畅通 5 分、30.00 元 没有扣",
            "--accept 剔除了 网格员 QH0009 赵六 的这一行：它本应加的 培训加分 1 分、0.00 元 没有加",
            "--accept 剔除了 网格员 QH0003 吴晓东 的这一行：它本应扣的 走访 1 分、0.00 元 没有扣；它本应加的 奖励 0.5 分、10.00 元 没有加",
        ])
        XCTAssertEqual(Language.with(.en) { report.effects.map(AcceptanceReport.text) }, [
            "--accept leaves out this row of QH0002 (王芳): the deductions it would have made are not made: 上级调度 15 points, 120.00 yuan",
            "--accept leaves out this row of QH0002 (王芳): the additions it would have made are not made: 加分项 2 points, 0.00 yuan",
            "--accept leaves out this row of QH0052 (陈秀英): the deductions it would have made are not made: 电话畅通 5 points, 30.00 yuan",
            "--accept leaves out this row of QH0009 (赵六): the additions it would have made are not made: 培训加分 1 point, 0.00 yuan",
            "--accept leaves out this row of QH0003 (吴晓东): the deductions it would have made are not made: 走访 1 point, 0.00 yuan; "
                + "the additions it would have made are not made: 奖励 0.5 points, 10.00 yuan",
        ])
    }

    func testTheTotalPerWorkerSaysWhatWasNotTakenAndWhatWasNotAdded() {
        let report = AcceptanceReport(Self.effects)
        XCTAssertEqual(Language.with(.zh) { report.total },
                       "--accept 共剔除 5 行：网格员 QH0002 王芳 2 行，未扣 15 分、120.00 元，未加 2 分、0.00 元；网格员 QH0003 吴晓东 1 行，未扣 1 分、0.00 元，未加 0.5 分、10.00 元；"
                        + "网格员 QH0009 赵六 1 行，未加 1 分、0.00 元；网格员 QH0052 陈秀英 1 行，未扣 5 分、30.00 元")
        XCTAssertEqual(Language.with(.en) { report.total },
                       "--accept leaves out 5 rows in all: QH0002 (王芳): 2 rows, deductions not made 15 points, 120.00 yuan and additions not made 2 points, 0.00 yuan; "
                        + "QH0003 (吴晓东): 1 row, deductions not made 1 point, 0.00 yuan and additions not made 0.5 points, 10.00 yuan; "
                        + "QH0009 (赵六): 1 row, additions not made 1 point, 0.00 yuan; QH0052 (陈秀英): 1 row, deductions not made 5 points, 30.00 yuan")
    }

    /// One accepted row of a worker, and one of no worker: singular in English.
    func testOneRowIsOneRow() {
        let report = AcceptanceReport([Self.effect("phone_checks.csv", 15, "QH0052", "陈秀英", [("电话畅通", "-5", "30")]),
                                       Effect(file: "events.csv", line: 9, deductions: nil, feedsCounts: false, countable: true)])
        XCTAssertEqual(Language.with(.en) { report.total },
                       "--accept leaves out 2 rows in all: QH0052 (陈秀英): 1 row, deductions not made 5 points, 30.00 yuan; 1 row of no worker on the roster")
        XCTAssertEqual(Language.with(.zh) { report.total },
                       "--accept 共剔除 2 行：网格员 QH0052 陈秀英 1 行，未扣 5 分、30.00 元；不对应花名册上网格员的 1 行")
        XCTAssertEqual(Language.with(.en) { AcceptanceReport([Self.effects[3]]).total },
                       "--accept leaves out 1 row in all: QH0052 (陈秀英): 1 row, deductions not made 5 points, 30.00 yuan")
    }
}
