import Foundation
import XCTest

/// SPEC §15, one cause, and acceptance never loses a worker: rows whose worker id is on no roster
/// row because a roster row is wrong (Fixtures/bad-input/roster-duplicated-id: roster.csv line 5's
/// QH0004 typed as QH0003, a duplicate; roster-mistyped-id: typed as QH0005, a worker with no row
/// in any file; unknown-worker: one row's slip, QH0020, stays an acceptable row)
/// are said once per file before the rows, naming the roster line and who acts; the summary never
/// offers --accept for them, and --accept of one is refused.
final class RosterCauseTests: XCTestCase {
    typealias Runner = BinaryRunner

    func run(_ name: String, language: String, accept: [String] = []) throws -> (Runner.Output, String) {
        let out = try Runner.TempFolder(prefix: "gridpay-rostercause-out")
        let input = "\(Runner.fixturesDir)/bad-input/\(name)"
        let r = try Runner.run(["run", "qinghe", "2026-10", "--rules-dir", Runner.rulesDir, "--input-dir", input, "--output-dir", out.path]
                                 + accept.flatMap { ["--accept", $0] }, environment: ["GRIDPAY_LANG": language])
        XCTAssertEqual(r.status, 1, r.transcript)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [], "nothing is written")
        return (r, "\(input)/qinghe/2026-10")
    }

    func testADuplicatedRosterIdIsSaidOncePerFileWithTheRosterLine() throws {
        let (zh, dir) = try run("roster-duplicated-id", language: "zh")
        XCTAssertEqual(zh.stderrLines.count, 12, zh.transcript)
        XCTAssertEqual(zh.stderrLines[0],
                       "\(dir)/patrol.csv:5:1: 错误：同一原因，patrol.csv 中共 1 行（第 5 行）的网格员编号都是“QH0004”，花名册上没有这个编号：花名册 roster.csv 第 5 行的编号写作“QH0003”，与第 4 行重复，未读入；它与“QH0004”只差一个字符，很可能就是“QH0004”写错了。处理：请制表人员改正花名册 roster.csv 第 5 行后重新运行。不要用 --accept 剔除这些行：那会剔除“QH0004”本月的这 1 行记录")
        // One per file (patrol, events, phone_checks, training, visits), before the rows.
        XCTAssertEqual(zh.stderrLines.prefix(5).map { $0.components(separatedBy: ": 错误：")[0] },
                       ["patrol.csv:5:1", "events.csv:5:2", "phone_checks.csv:5:3", "training.csv:5:3", "visits.csv:5:2"].map { "\(dir)/\($0)" })
        XCTAssertEqual(zh.stderrLines[5], "\(dir)/roster.csv:5:1: 错误：网格员编号“QH0003”重复：已在第4行用过；每个值只应出现一次")
        XCTAssertEqual(zh.stderrLines.last,
                       "错误：qinghe 2026-10 的输入中有 6 个问题会影响某人的绩效工资；没有写出任何文件。其中 5 行是上面所说的花名册错误造成的：请改正花名册 roster.csv，不要用 --accept 剔除（那会剔除网格员整月的记录）")
        let (en, _) = try run("roster-duplicated-id", language: "en")
        XCTAssertEqual(en.stderrLines[1],
                       "\(dir)/events.csv:5:2: error: one cause, 1 rows of events.csv (lines 5) name 网格员编号 'QH0004', which no roster row holds: line 5 of the roster roster.csv holds 'QH0003', which repeats line 4, and is not read; it is one character from 'QH0004', most likely 'QH0004' mistyped. Who acts: the clerk corrects line 5 of the roster roster.csv and runs again. Do not --accept these rows: that would leave out these 1 rows of 'QH0004' for the month")
        XCTAssertEqual(en.stderrLines.last,
                       "error: 6 problems in the inputs of qinghe 2026-10 would change someone's pay; nothing was written. 5 of them are rows of a roster error said above: correct the roster roster.csv rather than accept them (that would leave out a worker's month)")
    }

    func testARosterIdMistypedAsAnIdWithoutRowsIsSaidWithItsLine() throws {
        let (zh, dir) = try run("roster-mistyped-id", language: "zh")
        XCTAssertEqual(zh.stderrLines[2],
                       "\(dir)/phone_checks.csv:5:3: 错误：同一原因，phone_checks.csv 中共 1 行（第 5 行）的网格员编号都是“QH0004”，花名册上没有这个编号：花名册 roster.csv 第 5 行的编号是“QH0005”，与“QH0004”只差一个字符，而本月各输入文件中都没有“QH0005”的记录，很可能是“QH0004”写错了。处理：请制表人员改正花名册 roster.csv 第 5 行后重新运行。不要用 --accept 剔除这些行：那会剔除“QH0004”本月的这 1 行记录")
        XCTAssertEqual(zh.stderrLines.last,
                       "错误：qinghe 2026-10 的输入中有 5 个问题会影响某人的绩效工资；没有写出任何文件。其中 5 行是上面所说的花名册错误造成的：请改正花名册 roster.csv，不要用 --accept 剔除（那会剔除网格员整月的记录）")
        let (en, _) = try run("roster-mistyped-id", language: "en")
        XCTAssertEqual(en.stderrLines[0],
                       "\(dir)/patrol.csv:5:1: error: one cause, 1 rows of patrol.csv (lines 5) name 网格员编号 'QH0004', which no roster row holds: line 5 of the roster roster.csv holds 'QH0005', one character from 'QH0004', and no input file of the month has a row of 'QH0005': most likely 'QH0004' mistyped. Who acts: the clerk corrects line 5 of the roster roster.csv and runs again. Do not --accept these rows: that would leave out these 1 rows of 'QH0004' for the month")
    }

    func testAcceptingARowOfAWorkerMissingThroughTheRosterIsRefused() throws {
        let (zh, _) = try run("roster-duplicated-id", language: "zh", accept: ["patrol.csv:5"])
        XCTAssertTrue(zh.stderrLines.contains("错误：--accept patrol.csv:5 不能接受：这一行的“QH0004”不在花名册上，是因为花名册 roster.csv 第 5 行有误（见上面的说明），剔除它会少算这位网格员本月的记录；请制表人员改正花名册后重新运行"), zh.transcript)
        let (en, _) = try run("roster-duplicated-id", language: "en", accept: ["patrol.csv:5"])
        XCTAssertTrue(en.stderrLines.contains("error: --accept patrol.csv:5 cannot be accepted: 'QH0004' of this row is not on the roster because line 5 of the roster roster.csv is wrong (said above), and leaving the row out would drop this worker's records of the month; the clerk corrects the roster and runs again"), en.transcript)
    }
}
