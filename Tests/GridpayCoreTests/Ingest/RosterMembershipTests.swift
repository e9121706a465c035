import XCTest
@testable import GridpayCore

/// RosterMembership: the worker and group a row names; rows of a left-out roster row counted
/// once; a longer period's rows of a worker who left; a table that leaves unknown workers out.
final class RosterMembershipTests: XCTestCase {
    static let tables = """
        [tables.rows]
        file = "rows.csv"
        worker = "编号"
        columns = [
          { name = "编号", type = "id" },
        ]

        [tables.visits]
        file = "visits.csv"
        worker = "人"
        unknown_workers = "leave-out"
        columns = [
          { name = "人", type = "id" },
        ]

        [tables.notes]
        file = "notes.csv"
        group = "组"
        columns = [
          { name = "组", type = "id" },
        ]
        """

    /// Line 4 (W9 of G3) is left out: a 基数 below its minimum.
    static let roster = [["W1", "甲", "东", "G1", "100"], ["W2", "乙", "东", "G2", "100"], ["W9", "丙", "西", "G3", "-1"]]

    func membership(_ table: String, quarter: QuarterFile? = nil) throws -> (RosterMembership, FileProblems, IngestFixture) {
        let town = try IngestFixture(tables: Self.tables, roster: Self.roster)
        XCTAssertEqual(IngestFixture.described(town.rosterProblems), ["4:5 badValue 基数 is -1, below the minimum 0; expected a number ≥ 0"])
        let spec = town.spec(table)
        let log = FileProblems(file: quarter?.label ?? spec.file, isRoster: false, acceptedLines: [])
        return (RosterMembership(spec: spec, roster: town.month.roster, quarter: quarter, problems: log), log, town)
    }

    func bytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var text = text
        return text.withUTF8(body)
    }

    func testAWorkerOnTheRosterIsFoundByTheCellsBytes() throws {
        let (m, log, town) = try membership("rows")
        XCTAssertEqual(bytes("W2") { m.worker($0, column: 0, field: 2, line: 5) }, 1)
        XCTAssertNil(bytes("W3") { m.worker($0, column: 0, field: 2, line: 6) })
        XCTAssertEqual(IngestFixture.described(log.list), [
            "6:3 unknownWorker 编号 'W3' is not on the roster (roster.csv); expected a 编号 of the roster\(Suggestion.didYouMean("W3", among: town.month.roster.nearbyIds("W3"), maxDistance: 1))",
        ])
        XCTAssertEqual(town.month.roster.nearbyIds("W3"), ["W1", "W2"], "W9's row was left out")
    }

    func testRowsOfALeftOutWorkerOrGroupAreCountedOnce() throws {
        let (m, log, _) = try membership("notes")
        XCTAssertNil(bytes("W9") { m.worker($0, column: 0, field: 0, line: 2) })
        XCTAssertNil(bytes("W9") { m.worker($0, column: 0, field: 0, line: 3) })
        XCTAssertNil(bytes("G3") { m.group($0, column: 0, field: 0, line: 4) })
        XCTAssertEqual(log.list.count, 0)
        m.reportRowsNotChecked(groupColumn: 0)
        XCTAssertEqual(IngestFixture.described(log.list), [
            "-:- rowsNotChecked 2 rows of worker 'W9' were not checked: the worker's roster row (roster.csv line 4) was left out because of the problem reported there",
            "-:- rowsNotChecked 1 row of 组 'G3' was not checked: every roster row naming it was left out (the first at roster.csv line 4) because of the problem reported there",
        ])
        XCTAssertEqual(log.list.map(\.severity), [.warning, .warning])
    }

    func testAGroupIsOneThatARosterRowNames() throws {
        let (m, log, _) = try membership("notes")
        XCTAssertEqual(bytes("G2") { m.group($0, column: 0, field: 0, line: 2) }, 1)
        XCTAssertNil(bytes("") { m.group($0, column: 0, field: 0, line: 3) }, "an empty cell names no group")
        XCTAssertNil(bytes("G7") { m.group($0, column: 0, field: 0, line: 4) })
        XCTAssertEqual(IngestFixture.described(log.list), [
            "4:1 unknownGroup 组 'G7' is on no roster row (roster.csv column 网格); expected a 网格 of the roster\(Suggestion.didYouMean("G7", among: ["G1", "G2"], maxDistance: 1))",
        ])
    }

    func testATableMayLeaveUnknownWorkersOut() throws {
        let (m, log, _) = try membership("visits")
        XCTAssertNil(bytes("V1") { m.worker($0, column: 0, field: 0, line: 2) })
        XCTAssertEqual(IngestFixture.described(log.list), [
            "2:1 leftOut 人 'V1' is not on the roster (roster.csv); the table declares unknown_workers = \"leave-out\": the row is not counted",
        ])
        XCTAssertEqual(log.list.map(\.severity), [.warning])
    }

    /// In a quarter, a worker on the row's own month's roster but not on the last: a warning.
    func testAQuartersRowOfAWorkerWhoLeft() throws {
        let quarter = QuarterFile(kind: .quarter, month: Period.parse("2026-08")!, label: "2026-08/rows.csv", departed: WorkerIDs(["W5"]),
                                  ownRoster: "2026-08/roster.csv", lastRoster: "2026-09/roster.csv", keys: QuarterKeys())
        let (m, log, _) = try membership("rows", quarter: quarter)
        XCTAssertNil(bytes("W5") { m.worker($0, column: 0, field: 0, line: 2) })
        XCTAssertNil(bytes("X") { m.worker($0, column: 0, field: 0, line: 3) })
        XCTAssertEqual(IngestFixture.described(log.list), [
            "2:1 notOnLastRoster 已不在季度末名册: worker 'W5' is on the roster of 2026-08 (2026-08/roster.csv) but not on the quarter's last roster (2026-09/roster.csv); the row is not counted",
            "3:1 unknownWorker 编号 'X' is not on the quarter's last roster (2026-09/roster.csv) nor on the roster of its month (2026-08/roster.csv); expected a 编号 of the roster",
        ])
        XCTAssertEqual(log.list.map(\.severity), [.warning, .error])
    }
}
