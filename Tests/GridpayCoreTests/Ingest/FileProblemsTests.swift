import XCTest
@testable import GridpayCore

/// FileProblems: every problem at its file, line and field; an accepted row's error is marked
/// accepted, never a roster row's nor a warning.
final class FileProblemsTests: XCTestCase {
    func testAnAcceptedRowsErrorIsMarkedAccepted() {
        let log = FileProblems(file: "events.csv", isRoster: false, acceptedLines: [3])
        log.report(.badValue, line: 2, field: 4, column: "时长", "a")
        log.report(.badValue, line: 3, field: 4, column: "时长", "b")
        log.report(.formulaLikeText, line: 3, field: 2, column: "姓名", "c", acceptable: false, severity: .warning)
        log.report(.duplicateColumn, line: 3, field: 1, column: "编号", "d", acceptable: false)
        log.report(.missingRow, line: nil, "e", acceptable: false)
        XCTAssertEqual(log.list.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0) \($0.severity) acceptable=\($0.acceptable) accepted=\($0.accepted) \($0.message)" }, [
            "events.csv:2:4 error acceptable=true accepted=false a",
            "events.csv:3:4 error acceptable=true accepted=true b",
            "events.csv:3:2 warning acceptable=false accepted=false c",
            "events.csv:3:1 error acceptable=false accepted=false d",
            "events.csv:0:0 error acceptable=false accepted=false e",
        ])
        XCTAssertEqual(log.list.map(\.blocks), [true, false, false, true, true])
        XCTAssertEqual(log.list[1].columnName, "时长")
    }

    func testARosterRowIsNeverAccepted() {
        let log = FileProblems(file: "roster.csv", isRoster: true, acceptedLines: [2])
        log.report(.badValue, line: 2, field: 5, column: "基数", "x")
        XCTAssertEqual(log.list.map(\.acceptable), [false])
        XCTAssertEqual(log.list.map(\.accepted), [false])
        XCTAssertEqual(log.list.map(\.blocks), [true])
    }
}
