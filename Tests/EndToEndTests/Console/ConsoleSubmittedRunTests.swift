import Foundation
import XCTest

/// What the checker approves is what was submitted (SPEC §14 four eyes; QA H13): an input changed
/// on disk after submission (Input/ is shared with the commands) is not closed unseen; approval
/// is refused naming the file, the period stays submitted and the ledger holds nothing; returned,
/// run and submitted again, it is approved and closed with the changed file.
final class ConsoleSubmittedRunTests: XCTestCase {
    func testAnInputChangedAfterSubmissionIsNotApproved() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        try FileManager.default.createDirectory(atPath: h.root.path("Input/qinghe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(BinaryRunner.packageRoot.path)/Input/qinghe/2026-08", toPath: h.root.path("Input/qinghe/2026-08"))
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.addUser("checker", roles: ["审核"], towns: ["qinghe"])
        try h.start()
        let clerk = try h.signedIn("clerk"), checker = try h.signedIn("checker")
        let p = "/api/towns/qinghe/periods/2026-08"
        XCTAssertEqual(try clerk.post("\(p)/run").object["ok"] as? Bool, true)
        XCTAssertEqual(try clerk.post("\(p)/submit").object["status"] as? String, "submitted")

        // Outside the console, a spot check's answer is changed (the last line of the file).
        let checks = h.root.path("Input/qinghe/2026-08/phone_checks.csv")
        var lines = try String(contentsOfFile: checks, encoding: .utf8).components(separatedBy: "\n")
        let last = lines.lastIndex { !$0.isEmpty }!
        lines[last] = lines[last].hasSuffix(",是") ? String(lines[last].dropLast()) + "否" : String(lines[last].dropLast()) + "是"
        try lines.joined(separator: "\n").write(toFile: checks, atomically: true, encoding: .utf8)

        let refused = try checker.post("\(p)/approve")
        XCTAssertEqual(refused.status, 409, refused.text)
        XCTAssertEqual(refused.object["error"] as? String,
                       "提交审核之后本期的输入或规则（phone_checks.csv）已有改动，与审核的结果不同；不能审核通过。请退回给制表人员，重新运行后再提交审核")
        XCTAssertEqual(try clerk.get(p).object["status"] as? String, "submitted")
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.root.path("Ledger/qinghe.sqlite")))
        // The check's scratch run leaves nothing behind in the console's folder.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: h.root.path("Console")).filter { $0.hasPrefix("approving-") }, [])

        XCTAssertEqual(try checker.post("\(p)/return", json: ["reason": "抽查记录有改动"]).object["status"] as? String, "returned")
        XCTAssertEqual(try clerk.post("\(p)/run").object["ok"] as? Bool, true)
        XCTAssertEqual(try clerk.post("\(p)/submit").object["status"] as? String, "submitted")
        XCTAssertEqual(try checker.post("\(p)/approve").object["status"] as? String, "closed")
    }
}
