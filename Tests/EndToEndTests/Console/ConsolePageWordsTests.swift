import Foundation
import XCTest

/// The pages in the office's words (SPEC §14, §15), found by driving them in a browser: the file
/// field in Chinese whatever the browser's own language, a wrong period said with what is
/// expected, a rating that stops says why, the script's own fallbacks in Chinese, an empty log
/// said, and no link an account cannot open.
final class ConsolePageWordsTests: XCTestCase {
    func testThePagesSayWhatIsWrongAndWhatIsExpectedInChinese() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.addUser("admin", roles: ["管理员"])
        try h.addUser("auditor", roles: ["审计"], towns: ["qinghe"])
        try h.start()
        let clerk = try h.signedIn("clerk")
        // The upload field: a label in the console's words in front of the browser's own ("Choose File"), the declared kind offered.
        let period = try clerk.get("/towns/qinghe/periods/2026-08").text
        XCTAssertTrue(period.contains("<input type=\"file\" id=\"file-0\" accept=\".csv,text/csv\"><label class=\"pick\" for=\"file-0\">选择文件</label>"
            + "<span class=\"chosen\">未选择文件</span><button type=\"submit\">上传</button>"), period)
        XCTAssertTrue(period.contains("data-none=\"未选择文件\""), period)
        // The script's words when the server gives no explanation or cannot be reached.
        XCTAssertTrue(period.contains("<body data-failed=\"服务器没有给出说明（状态码 CODE），操作可能没有完成；请刷新页面查看结果，若仍出错请联系系统管理员\" "
            + "data-offline=\"连接不上控制台服务器，操作没有完成；请检查网络后重试，若仍不行请联系系统管理员\">"), period)
        let script = try clerk.get("/static/console.js").text
        XCTAssertFalse(script.contains("\"HTTP \""), script)
        XCTAssertTrue(script.contains("b.failed.replace(\"CODE\",String(r.status))"), script)
        // A period typed wrong, and a rating of a month or of nothing like a period.
        let open = try clerk.get("/towns/qinghe/open?period=2026-1O")
        XCTAssertEqual(open.status, 400)
        XCTAssertTrue(open.text.contains("<p class=\"error\">期间“2026-1O”不对：应为月份（如 2026-10），季度考核的镇(街道)为季度（如 2026-Q3），半年为 2026-H1，年度为 2026</p>"), open.text)
        XCTAssertEqual(try clerk.get("/towns/jinshan/open?period=2026-10").status, 404)
        for (text, expected) in [("2026-09", "2026-09"), ("abc", "abc")] {
            let rate = try clerk.post("/api/towns/qinghe/ratings/\(text)")
            XCTAssertEqual(rate.status, 400, text)
            XCTAssertEqual(rate.object["error"] as? String,
                           "评定的期间“\(expected)”不对：应为年份（如 2026）、半年（如 2026-H1）或季度（如 2026-Q3）；各月的结果请在期间页面运行")
        }
        let town = try clerk.get("/towns/qinghe").text
        XCTAssertTrue(town.contains("data-empty=\"请先填写要评定的期间：年份（如 2026）、半年（如 2026-H1）或季度（如 2026-Q3）\" "
            + "data-stopped=\"评定没有完成，没有写出文件；请按下面的说明处理后重新评定\""), town)
        // The administrator sees the towns' names but opens none of them (no money role): no links.
        let adminTowns = try h.signedIn("admin").get("/").text
        XCTAssertTrue(adminTowns.contains("<tr><td>清河镇</td><td>qinghe</td><td>月</td></tr>"), adminTowns)
        XCTAssertTrue(try clerk.get("/").text.contains("<tr><td><a href=\"/towns/qinghe\">清河镇</a></td>"))
        // A log filtered to nothing says so.
        let log = try h.signedIn("auditor").get("/log?town=qinghe&from=2030-01-01").text
        XCTAssertTrue(log.contains("<p id=\"log-empty\">没有符合条件的操作记录</p>"), log)
    }
}
