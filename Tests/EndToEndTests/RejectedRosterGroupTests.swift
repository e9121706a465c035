import Foundation
import XCTest

/// SPEC §12 "a quota, household or survey row naming a team that is on no roster row" is an error
/// — but a team whose roster rows were all left out (a bad value, a duplicate id) *is* on the
/// roster: its rows in group-keyed tables are not checked, with one warning per table and team
/// (as the rows of a left-out worker are), never "on no roster row … did you mean".
final class RejectedRosterGroupTests: XCTestCase {
    typealias Runner = BinaryRunner

    func testRowsOfATeamWhoseRosterRowsWereLeftOutAreNotCheckedNotUnknown() throws {
        let input = try Runner.TempFolder()
        let month = input.path("kangning/2026-10")
        try FileManager.default.createDirectory(atPath: input.path("kangning"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Runner.packageRoot.appendingPathComponent("Input/kangning/2026-10").path, toPath: month)
        var roster = try String(contentsOfFile: month + "/roster.csv", encoding: .utf8).components(separatedBy: "\n")
        // T05 (lines 15–16): a negative base and an empty 站点. T03 (lines 9–10): a negative base,
        // and an id already used at line 2 (K001).
        XCTAssertEqual(roster[14], "K014,冯磊,东湖站,T05,全科医生,2200")
        XCTAssertEqual(roster[15], "K015,周伟,东湖站,T05,网格员,1234.56")
        XCTAssertEqual(roster[8], "K008,魏平,南湖站,T03,全科医生,2000")
        XCTAssertEqual(roster[9], "K009,韩刚,南湖站,T03,公卫医师,3000")
        roster[14] = "K014,冯磊,东湖站,T05,全科医生,-1"
        roster[15] = "K015,周伟,,T05,网格员,1234.56"
        roster[8] = "K008,魏平,南湖站,T03,全科医生,-1"
        roster[9] = "K001,韩刚,南湖站,T03,公卫医师,3000"
        try roster.joined(separator: "\n").write(toFile: month + "/roster.csv", atomically: true, encoding: .utf8)
        let out = try Runner.TempFolder()
        let r = try Runner.runMonth(inputDir: input.path, outputDir: out.path, town: "kangning")
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(r.errorLines.filter { $0.contains("is on no roster row") }, [], r.transcript)
        // The four roster problems are reported where they are. (K009's services rows are still
        // errors: no roster row names K009 now.)
        for line in [9, 10, 15, 16] {
            XCTAssertTrue(r.errorLines.contains { $0.hasPrefix("\(month)/roster.csv:\(line):") }, "roster.csv:\(line)\n" + r.transcript)
        }
        // One warning per group table for both teams (one cause, one message): T03 has 4 quota
        // rows, 1 households row and 10 survey rows; T05 4, 1 and 4 (grep -c in the sample).
        for (file, n) in [("quotas.csv", 8), ("households.csv", 2), ("survey.csv", 14)] {
            XCTAssertTrue(r.warningLines.contains("\(month)/\(file):1:1: warning: \(n) rows of 2 values of 团队 ('T03', 'T05') were not checked: every roster row naming them was left out (roster.csv lines 9, 15) because of the problems reported there"), r.transcript)
        }
    }
}
