import XCTest
@testable import GridpayCore

/// RowChecks: a decoded row's cell rules (required_when, empty_when, on_roster, same_on_roster)
/// and the table's declared checks, each failure an error at its row and field.
final class RowChecksTests: XCTestCase {
    static let tables = """
        [tables.faults]
        file = "faults.csv"
        worker = "编号"
        columns = [
          { name = "编号", type = "id" },
          { name = "类型", type = "choice", values = ["本人", "他人"] },
          { name = "网格", type = "id", on_roster = "网格" },
          { name = "证人", type = "id", required_when = '类型 == "他人"', empty_when = '类型 == "本人"', on_roster = "编号", same_on_roster = ["网格"] },
          { name = "分", type = "integer" },
        ]
          [[tables.faults.checks]]
          require = '分 > 0'
          column = "分"
          message = "分 {分} is not positive"
        """

    /// W1 in G1; W2 and W3 in G2.
    static let roster = [["W1", "甲", "东", "G1", "100"], ["W2", "乙", "东", "G2", "100"], ["W3", "丙", "西", "G2", "100"]]

    var town: IngestFixture!
    var log: FileProblems!
    var decoder: CellDecoder!
    var checks: RowChecks!
    let fieldOf = [0, 1, 2, 3, 4]

    override func setUpWithError() throws {
        town = try IngestFixture(tables: Self.tables, roster: Self.roster)
        XCTAssertEqual(town.rosterProblems.count, 0)
        log = FileProblems(file: "faults.csv", isRoster: false, acceptedLines: [])
        let spec = town.spec("faults")
        decoder = CellDecoder(spec: spec, needed: Array(repeating: true, count: 5), period: PayDays(Period.parse("2026-10")!, startsOn: 1), problems: log)
        checks = RowChecks(table: town.table("faults"), spec: spec, month: town.month, problems: log)
    }

    /// Decodes the row (its cells must be good) and runs the cell rules, then the declared checks.
    func check(_ cells: [String], line: Int) -> (cells: Bool, declared: Bool) {
        var result = (cells: false, declared: false)
        withRecord(cells, line: line) { record in
            XCTAssertTrue(decoder.decodeCells(record, fieldOf: fieldOf, line: line), "line \(line)")
            result = (checks.passCellRules(decoder.row.view, fieldOf: fieldOf, line: line), checks.passDeclared(decoder.row.view, fieldOf: fieldOf, line: line))
        }
        return result
    }

    func testRequiredAndEmptyWhen() {
        XCTAssertFalse(check(["W1", "他人", "G1", "", "1"], line: 2).cells)
        XCTAssertFalse(check(["W1", "本人", "G1", "W1", "1"], line: 3).cells)
        XCTAssertTrue(check(["W1", "本人", "G1", "", "1"], line: 4).cells)
        XCTAssertEqual(IngestFixture.described(log.list), [
            "2:4 badValue 证人 is empty; expected a value when 类型 == \"他人\"",
            "3:4 badValue 证人 is 'W1'; expected it to be empty when 类型 == \"本人\"",
        ])
    }

    func testOnRosterAndSameOnRoster() {
        XCTAssertTrue(check(["W1", "他人", "G2", "W3", "1"], line: 2).cells, "W3 is in G2")
        XCTAssertFalse(check(["W1", "他人", "G1", "W2", "1"], line: 3).cells, "W2 is in G2, not G1")
        XCTAssertFalse(check(["W1", "他人", "G9", "ZZ", "1"], line: 4).cells)
        XCTAssertEqual(IngestFixture.described(log.list), [
            "3:4 badValue 证人 'W2' belongs to another 网格: 网格 'G2' on the roster, 'G1' on this row; expected a 编号 of the row's 网格",
            "4:3 badValue 网格 'G9' is not a 网格 on the roster (roster.csv)\(Suggestion.didYouMean("G9", among: ["G1", "G2"], maxDistance: 1)); expected a 网格 of the roster",
            "4:4 badValue 证人 'ZZ' is not a 编号 on the roster (roster.csv); expected a 编号 of the roster",
        ])
    }

    func testCellRuleMessagesInChinese() {
        Language.with(.zh) {
            _ = check(["W1", "他人", "G1", "", "1"], line: 2)
            _ = check(["W1", "本人", "G1", "W1", "1"], line: 3)
            _ = check(["W1", "他人", "G1", "W2", "1"], line: 4)
            _ = check(["W1", "他人", "G1", "ZZ", "1"], line: 5)
        }
        XCTAssertEqual(log.list.map(\.message), [
            "证人为空；当 类型 == \"他人\" 时应有值",
            "证人为“W1”；当 类型 == \"本人\" 时应为空",
            "证人“W2”属于另一网格：网格在花名册上为“G2”，本行为“G1”；应为本行网格中的编号",
            "证人“ZZ”不是花名册（roster.csv）上的编号；应为花名册中的编号",
        ])
    }

    func testDeclaredChecksFillTheirMessageFromTheRow() {
        XCTAssertEqual(check(["W1", "本人", "G1", "", "1"], line: 2).declared, true)
        XCTAssertEqual(check(["W1", "本人", "G1", "", "0"], line: 3).declared, false)
        XCTAssertEqual(IngestFixture.described(log.list), ["3:5 badValue 分 0 is not positive; expected 分 > 0"])
    }

    /// A rule that uses an empty optional cell: the row's empty cells are named.
    func testEmptyValueMessageNamesTheRowsEmptyCells() {
        _ = check(["W1", "本人", "G1", "", "1"], line: 2)
        let error = EvaluationError(EvaluationError.emptyValueMessage, at: nil)
        XCTAssertTrue(error.isEmptyValue)
        XCTAssertEqual(checks.emptyValueMessage(error, decoder.row.view),
                       "证人 is empty (no value) on this row, but a rule of the rule file uses it as a value; test it first, e.g. has(证人) and …")
    }
}
