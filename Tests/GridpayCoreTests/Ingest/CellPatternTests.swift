import XCTest
@testable import GridpayCore

/// The patterns of `formats` (SPEC §16): compiled with the problem at its character, matched
/// exactly (every byte of the cell), one-or-two-digit fields taking two digits where the rest
/// still matches, else one.
final class CellPatternTests: XCTestCase {
    func fields(_ pattern: String, _ kind: CellPattern.Kind, _ cell: String) -> [String]? {
        guard case .success(let p) = CellPattern.compile(pattern, kind) else { XCTFail("compile \(pattern)"); return nil }
        var cell = cell
        return cell.withUTF8 { b in
            p.match(b).map { f in f.sorted { "\($0.key)" < "\($1.key)" }.map { "\($0.key)=\($0.value)" } }
        }
    }

    func testMatches() {
        XCTAssertEqual(fields("yyyy/M/d", .date, "2026/10/5"), ["day=5", "month=10", "year=2026"])
        XCTAssertEqual(fields("yyyy年M月d日", .date, "2026年1月31日"), ["day=31", "month=1", "year=2026"])
        XCTAssertEqual(fields("yyyyMMdd", .date, "20261005"), ["day=5", "month=10", "year=2026"])
        // M takes two digits only where d still has one: 2026105 is 10-5, 202615 is 1-5.
        XCTAssertEqual(fields("yyyyMd", .date, "2026105"), ["day=5", "month=10", "year=2026"])
        XCTAssertEqual(fields("yyyyMd", .date, "202615"), ["day=5", "month=1", "year=2026"])
        XCTAssertEqual(fields("yyyy/M/d H:mm", .datetime, "2026/10/5 8:38"), ["day=5", "hour=8", "minute=38", "month=10", "year=2026"])
        XCTAssertEqual(fields("h:mm:ss", .duration, "123:04:05"), ["hours=123", "minute=4", "second=5"])
    }

    func testMismatches() {
        XCTAssertNil(fields("yyyy/M/d", .date, "2026/10/5 "))       // a trailing space is not in the form
        XCTAssertNil(fields("yyyy/M/d", .date, "2026/100/5"))
        XCTAssertNil(fields("yyyy/MM/dd", .date, "2026/10/5"))      // dd is exactly two digits
        XCTAssertNil(fields("yyyy-MM-dd", .date, "26-10-05"))
        XCTAssertNil(fields("h:mm", .duration, "1:5"))
    }

    func testProblemsPointAtTheirCharacter() {
        XCTAssertEqual(CellPattern.compile("yyyy/MMM/d", .date), .failure(.init(offset: 5, message: "'MMM' is not a pattern letter of a date; expected yyyy, M, MM, d, dd and literal text")))
        XCTAssertEqual(CellPattern.compile("yyyy/M/d H:mm", .date), .failure(.init(offset: 9, message: "'H' is not a pattern letter of a date; expected yyyy, M, MM, d, dd and literal text")))
        XCTAssertEqual(CellPattern.compile("h:mm", .datetime), .failure(.init(offset: 0, message: "'h' is not a pattern letter of a date-time; expected yyyy, M, MM, d, dd, H, HH, mm, ss and literal text")))
        XCTAssertEqual(CellPattern.compile("h", .duration), .failure(.init(offset: 0, message: "the pattern has no mm; a duration pattern names its hours and minutes")))
    }
}
