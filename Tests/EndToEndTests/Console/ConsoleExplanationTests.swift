import Foundation
import XCTest

/// A worker's explanation in the console is explain's text with the cells of every input row it
/// names (SPEC §14; QA H2): the roster's row, then each `[file:line]` in the text's order, each
/// with the header's names and the row's values as the export holds them; on the page each row's
/// table stands under the line naming it.
final class ConsoleExplanationTests: XCTestCase {
    typealias Row = (file: String, line: Int, cells: [(String, String)])

    func rows(_ json: [String: Any]) -> [Row] {
        (json["rows"] as? [[String: Any]] ?? []).map { r in
            (r["file"] as? String ?? "", r["line"] as? Int ?? 0,
             (r["cells"] as? [[String: Any]] ?? []).map { ($0["column"] as? String ?? "", $0["value"] as? String ?? "") })
        }
    }

    func assertRow(_ r: Row?, _ file: String, _ line: Int, _ cells: [(String, String)], _ at: StaticString = #filePath, _ l: UInt = #line) {
        XCTAssertEqual(r?.file, file, file: at, line: l)
        XCTAssertEqual(r?.line, line, file: at, line: l)
        XCTAssertEqual(r?.cells.map(\.0), cells.map(\.0), file: at, line: l)
        XCTAssertEqual(r?.cells.map(\.1), cells.map(\.1), file: at, line: l)
    }

    func testAMonthsExplanationShowsTheCellsOfEveryRowItNames() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        try FileManager.default.createDirectory(atPath: h.root.path("Input/qinghe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(BinaryRunner.packageRoot.path)/Input/qinghe/2026-10", toPath: h.root.path("Input/qinghe/2026-10"))
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.start()
        let clerk = try h.signedIn("clerk")
        XCTAssertEqual(try clerk.post("/api/towns/qinghe/periods/2026-10/run").object["ok"] as? Bool, true)
        let w = try clerk.get("/api/towns/qinghe/periods/2026-10/workers/QH0052").object
        let text = w["text"] as? String ?? ""
        XCTAssertTrue(text.contains("  -3 无效事件 SJ202610-0386   [events.csv:387]\n"), text)
        let got = rows(w)
        // The roster's row (名册第 53 行), then training.csv:53, five events, three phone checks,
        // as the text names them; roster.csv:53 named again later is not repeated.
        XCTAssertEqual(got.map { "\($0.file):\($0.line)" }, ["roster.csv:53", "training.csv:53", "events.csv:387", "events.csv:1040", "events.csv:1058",
                                                             "events.csv:1187", "events.csv:1212", "phone_checks.csv:15", "phone_checks.csv:44", "phone_checks.csv:72"])
        assertRow(got.first, "roster.csv", 53, [("网格员编号", "QH0052"), ("姓名", "陈秀英"), ("村(社区)", "柳林村"), ("网格编号", "QH-13-2"),
                                                ("绩效工资基数(元)", "2200.00"), ("重点人员数", "2")])
        assertRow(got[2], "events.csv", 387, [("事件编号", "SJ202610-0386"), ("网格员编号", "QH0052"), ("上报时间", "2026-10-08 18:03"),
                                              ("事件类型", "消防通道堵塞"), ("核查结果", "无效")])
        assertRow(got[9], "phone_checks.csv", 72, [("抽查编号", "CC202610-0071"), ("抽查时间", "2026-10-14 10:24"), ("网格员编号", "QH0052"),
                                                   ("抽查层级", "市"), ("是否接听", "否")])
        // The page: the row's table right under the line naming it.
        let page = try clerk.get("/towns/qinghe/periods/2026-10/workers/QH0052").text
        XCTAssertTrue(page.contains("<div class=\"ex-line\">  -3 无效事件 SJ202610-0386   [events.csv:387]</div><table class=\"cells\"><caption>events.csv:387</caption>"
                                    + "<thead><tr><th>事件编号</th><th>网格员编号</th><th>上报时间</th><th>事件类型</th><th>核查结果</th></tr></thead>"
                                    + "<tbody><tr><td>SJ202610-0386</td><td>QH0052</td><td>2026-10-08 18:03</td><td>消防通道堵塞</td><td>无效</td></tr></tbody></table>"), page)
        XCTAssertTrue(page.contains("名册第 53 行</div><table class=\"cells\"><caption>roster.csv:53</caption>"), page)
        XCTAssertEqual(page.components(separatedBy: "<caption>").count - 1, 10)
    }

    /// A longer period names each row with its month folder: 2026-03/findings.csv:2.
    func testAHalfYearsRowsAreNamedWithTheirMonth() throws {
        let h = try ConsoleHarness(towns: ["xinhe"])
        try FileManager.default.createDirectory(atPath: h.root.path("Input/xinhe"), withIntermediateDirectories: true)
        for m in 1...6 {
            let month = String(format: "2026-%02d", m)
            try FileManager.default.copyItem(atPath: "\(BinaryRunner.packageRoot.path)/Input/xinhe/\(month)", toPath: h.root.path("Input/xinhe/\(month)"))
        }
        try h.addUser("clerk", roles: ["制表"], towns: ["xinhe"])
        try h.start()
        let clerk = try h.signedIn("clerk")
        XCTAssertEqual(try clerk.post("/api/towns/xinhe/periods/2026-H1/run").object["ok"] as? Bool, true)
        let got = rows(try clerk.get("/api/towns/xinhe/periods/2026-H1/workers/XH0001").object)
        XCTAssertEqual(got.map { "\($0.file):\($0.line)" }, ["2026-06/roster.csv:2", "2026-03/findings.csv:2", "2026-04/findings.csv:2",
                                                             "2026-06/findings.csv:2", "2026-01/findings.csv:2", "2026-05/findings.csv:2"])
        assertRow(got.first, "2026-06/roster.csv", 2, [("网格员编号", "XH0001"), ("姓名", "张磊"), ("村(社区)", "新河社区"), ("网格编号", "XH-01-01"), ("岗位", "网格长")])
        assertRow(got[1], "2026-03/findings.csv", 2, [("督查编号", "DC202603-0001"), ("督查日期", "2026-03-07"), ("网格员编号", "XH0001"), ("类别", "网格基本信息"),
                                                      ("扣分", "1"), ("方式", "看"), ("情况", "台账不全"), ("督查人", "王督查")])
    }
}
