import Foundation
import XCTest

/// What the period's page offers after a failed run (QA H3): a roster row's error has no 接受 box
/// (SPEC §15: a roster row cannot be accepted) but, in its place, the reason `run --accept`
/// gives; and the downloads of the last successful run are labelled: while the inputs on the page
/// are not those their manifest records, as not to be paid from.
final class ConsoleStaleOutputTests: XCTestCase {
    func lines(_ data: Data) -> [String] { String(decoding: data, as: UTF8.self).components(separatedBy: "\n") }

    /// `text` with field `field` of line `line` (1-based) set to `value`.
    func with(_ text: [String], line: Int, field: Int, _ value: String) -> Data {
        var t = text
        var cells = t[line - 1].components(separatedBy: ",")
        cells[field] = value
        t[line - 1] = cells.joined(separator: ",")
        return Data(t.joined(separator: "\n").utf8)
    }

    func testARosterRowIsNeverOfferedAndAnEarlierRunsDownloadsAreLabelled() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        let source = "\(BinaryRunner.packageRoot.path)/Input/qinghe/2026-10"
        try FileManager.default.createDirectory(atPath: h.root.path("Input/qinghe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: h.root.path("Input/qinghe/2026-10"))
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.start()
        let clerk = try h.signedIn("clerk")
        let p = "/api/towns/qinghe/periods/2026-10", page = "/towns/qinghe/periods/2026-10"
        XCTAssertEqual(try clerk.post("\(p)/run").object["ok"] as? Bool, true)
        XCTAssertEqual(try clerk.get(p).object["outputs_current"] as? Bool, true)
        XCTAssertFalse(try clerk.get(page).text.contains("id=\"outputs-note\""))

        // Roster line 5's base is 2000.0x, events line 7's time is no date: the run stops.
        let roster = try Data(contentsOf: URL(fileURLWithPath: "\(source)/roster.csv"))
        let events = try Data(contentsOf: URL(fileURLWithPath: "\(source)/events.csv"))
        XCTAssertEqual(try clerk.put("\(p)/inputs/roster.csv?replace=true", with(lines(roster), line: 5, field: 4, "2000.0x")).status, 201)
        XCTAssertEqual(try clerk.put("\(p)/inputs/events.csv?replace=true", with(lines(events), line: 7, field: 2, "2026-10-32 08:00")).status, 201)
        let failed = try clerk.post("\(p)/run").object
        XCTAssertEqual(failed["ok"] as? Bool, false, "\(failed)")
        let problems = failed["problems"] as? [[String: Any]] ?? []
        XCTAssertTrue(problems.contains { $0["file"] as? String == "roster.csv" && $0["line"] as? Int == 5 }, "\(problems)")
        XCTAssertTrue(problems.contains { $0["file"] as? String == "events.csv" && $0["line"] as? Int == 7 }, "\(problems)")

        var text = try clerk.get(page).text
        // The events row may be accepted; the roster row may not, and the page says why.
        XCTAssertTrue(text.contains("data-row=\"events.csv:7\""), text)
        XCTAssertFalse(text.contains("data-row=\"roster.csv:5\""), text)
        XCTAssertTrue(text.contains("<td class=\"not-acceptable\">「接受」 roster.csv:5 不能接受：这是花名册（roster.csv）的一行，"
                                    + "接受它会让这位网格员从考核表、绩效工资表和工资 CSV 中消失，少发一个人的钱；请改正这一行后重新运行（花名册由制表人员按人事名单改正）</td>"), text)
        // The downloads are the first run's, on other inputs: said so.
        XCTAssertEqual(try clerk.get(p).object["outputs_current"] as? Bool, false)
        XCTAssertTrue(text.contains("<p class=\"error\" id=\"outputs-note\">以下是上次成功运行写出的文件；此后本期的输入已更换，"
                                    + "这些文件与本页列出的输入不符，不能据此发放：请重新运行后再下载</p>"), text)

        // The original files again: the downloads match the inputs, but are still not the latest run's.
        XCTAssertEqual(try clerk.put("\(p)/inputs/roster.csv?replace=true", roster).status, 201)
        XCTAssertEqual(try clerk.put("\(p)/inputs/events.csv?replace=true", events).status, 201)
        XCTAssertEqual(try clerk.get(p).object["outputs_current"] as? Bool, true)
        text = try clerk.get(page).text
        XCTAssertTrue(text.contains("<p class=\"warning\" id=\"outputs-note\">最近一次运行有错误，没有写出结果；以下是上次成功运行写出的文件（与本页列出的输入一致）</p>"), text)
        // Run again: nothing to say.
        XCTAssertEqual(try clerk.post("\(p)/run").object["ok"] as? Bool, true)
        XCTAssertFalse(try clerk.get(page).text.contains("id=\"outputs-note\""))
    }
}
