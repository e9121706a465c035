import XCTest
@testable import GridpayCore

/// GroupCompleteness: a group table's `complete` (every group has a row, or a row for each value
/// of a choice column); RosterGroupAgreement: the roster's same_in_group columns.
final class GroupCompletenessTests: XCTestCase {
    static let tables = """
        [tables.targets]
        file = "targets.csv"
        group = "组别"
        complete = "类别"
        columns = [
          { name = "组别", type = "id" },
          { name = "类别", type = "choice", values = ["甲", "乙"] },
        ]

        [tables.notes]
        file = "notes.csv"
        group = "组别"
        complete = true
        columns = [
          { name = "组别", type = "id" },
        ]
        """

    /// Groups G1 (line 2), G2 (lines 3, 4), G3 (line 5).
    static let roster = [["W1", "甲", "东", "G1", "100"], ["W2", "乙", "东", "G2", "100"], ["W3", "丙", "西", "G2", "100"], ["W4", "丁", "西", "G3", "100"]]

    func record(_ c: GroupCompleteness, _ town: IngestFixture, _ cells: [String], line: Int) {
        let g = town.month.groups.find(cells[0])!
        withRecord(cells, line: line) { c.record(group: g, groups: town.month.groups.count, $0, fieldOf: Array(cells.indices), line: line) }
    }

    func testEveryGroupNeedsARow() throws {
        let town = try IngestFixture(tables: Self.tables, roster: Self.roster)
        let c = try XCTUnwrap(GroupCompleteness(spec: town.spec("notes")))
        record(c, town, ["G2"], line: 2)
        let log = FileProblems(file: "notes.csv", isRoster: false, acceptedLines: [])
        c.reportMissing(spec: town.spec("notes"), month: town.month, problems: log)
        XCTAssertEqual(IngestFixture.described(log.list), [
            "-:- missingRow 网格 'G1' (roster.csv line 2) has no row in notes.csv; expected a row for every 网格 on the roster",
            "-:- missingRow 网格 'G3' (roster.csv line 5) has no row in notes.csv; expected a row for every 网格 on the roster",
        ])
    }

    func testEveryGroupNeedsARowForEachValue() throws {
        let town = try IngestFixture(tables: Self.tables, roster: Self.roster)
        let c = try XCTUnwrap(GroupCompleteness(spec: town.spec("targets")))
        record(c, town, ["G1", "甲"], line: 2)
        record(c, town, ["G1", "乙"], line: 3)
        record(c, town, ["G2", "乙"], line: 4)
        record(c, town, ["G3", "乙"], line: 5)
        record(c, town, ["G3", "甲"], line: 6)
        let log = FileProblems(file: "targets.csv", isRoster: false, acceptedLines: [])
        c.reportMissing(spec: town.spec("targets"), month: town.month, problems: log)
        XCTAssertEqual(IngestFixture.described(log.list), [
            "4:- missingRow 网格 'G2' (roster.csv line 3) has no row for 类别 '甲' in targets.csv; expected a row for each of 甲 / 乙",
        ])
    }

    func testATableWithoutCompleteHasNone() throws {
        let town = try IngestFixture(tables: Self.tables.replacingOccurrences(of: "complete = true\n", with: ""), roster: Self.roster)
        XCTAssertNil(GroupCompleteness(spec: town.spec("notes")))
    }

    func testSameInGroupIsOneProblemPerGroupAtItsFirstDifferingMember() throws {
        let roster = Self.roster + [["W5", "戊", "南", "G2", "100"]]
        let town = try IngestFixture(tables: Self.tables, roster: roster, rosterSection: "same_in_group = [\"村\"]")
        XCTAssertEqual(IngestFixture.described(town.rosterProblems), [
            "4:3 groupMismatch 村 is '西', but the first member of 网格 'G2' (line 3) gives '东'; expected one 村 per 网格",
        ])
        let log = FileProblems(file: "roster.csv", isRoster: true, acceptedLines: [])
        RosterGroupAgreement.check(roster: town.rules.rosterTable, reading: town.roster, fieldOf: [4, 3, 2, 1, 0], problems: log)
        XCTAssertEqual(log.list.map { "\($0.line!):\($0.column!)" }, ["4:3"], "at the field the header gives the column")
    }
}
