import Foundation
import XCTest

/// Every role against every endpoint of the API (SPEC §14): what each may do, 403 for what its
/// roles do not allow, 404 for a town it does not have. The period has no inputs, so the steps a
/// role may take answer by the period's state (409) or by its missing inputs.
final class ConsoleRoleTests: XCTestCase {
    func testEveryRoleAgainstEveryEndpoint() throws {
        let h = try ConsoleHarness()
        let accounts: [(String, [String], [String])] = [
            ("clerk", ["制表"], ["qinghe"]), ("checker", ["审核"], ["qinghe"]), ("rules", ["规则"], ["qinghe"]),
            ("auditor", ["审计"], ["qinghe"]), ("admin", ["管理员"], []), ("outsider", ["制表", "审核", "审计"], ["jinshan"]),
        ]
        for (name, roles, towns) in accounts { try h.addUser(name, roles: roles, towns: towns) }
        try h.start()
        let p = "/api/towns/qinghe/periods/2026-08"
        typealias Call = (ConsoleClient) throws -> ConsoleClient.Reply
        // Expected status per account, in the order of `accounts`.
        let table: [(String, Call, [Int])] = [
            ("GET period", { try $0.get(p) }, [200, 200, 200, 200, 403, 404]),
            ("PUT undeclared input", { try $0.put("\(p)/inputs/other.csv", Data("a\n".utf8)) }, [400, 403, 403, 403, 403, 404]),
            ("POST submit", { try $0.post("\(p)/submit") }, [409, 403, 403, 403, 403, 404]),
            ("POST approve", { try $0.post("\(p)/approve") }, [403, 409, 403, 403, 403, 404]),
            ("POST return", { try $0.post("\(p)/return", json: ["reason": "缺少巡查记录"]) }, [403, 409, 403, 403, 403, 404]),
            ("POST verify", { try $0.post("\(p)/verify") }, [403, 403, 403, 409, 403, 404]),
            ("GET worker", { try $0.get("\(p)/workers/QH0001") }, [409, 409, 409, 409, 403, 404]),
            ("GET output", { try $0.get("\(p)/outputs/qinghe-2026-08.xlsx") }, [404, 404, 404, 404, 403, 404]),
            ("GET progress", { try $0.get("\(p)/progress") }, [200, 200, 200, 200, 403, 404]),
            ("GET archive", { try $0.get("\(p)/archive") }, [403, 403, 403, 409, 403, 404]),
            ("GET archive file", { try $0.get("\(p)/archive/file?name=roster.csv") }, [403, 403, 403, 409, 403, 404]),
            ("POST run", { try $0.post("\(p)/run") }, [200, 403, 403, 403, 403, 404]),
            ("GET log", { try $0.get("/api/log") }, [403, 403, 403, 200, 200, 200]),
            ("GET log.csv", { try $0.get("/api/log.csv") }, [403, 403, 403, 200, 200, 200]),
            ("GET accounts", { try $0.get("/api/accounts") }, [403, 403, 403, 403, 200, 403]),
            ("GET accounts page", { try $0.get("/accounts") }, [403, 403, 403, 403, 200, 403]),
            ("GET towns", { try $0.get("/api/towns") }, [200, 200, 200, 200, 200, 200]),
        ]
        let clients = try accounts.map { try h.signedIn($0.0) }
        var failures: [String] = []
        for (what, call, expected) in table {
            for (k, c) in clients.enumerated() {
                let r = try call(c)
                if r.status != expected[k] { failures.append("\(what) as \(accounts[k].0): \(r.status), expected \(expected[k]): \(r.text)") }
            }
        }
        XCTAssertEqual(failures, [])
        // The run of a period without inputs: ok false, every missing file an error.
        let run = try clients[0].post("\(p)/run").object
        XCTAssertEqual(run["ok"] as? Bool, false)
        XCTAssertNil(run["total_payable"] as? String)
        // Towns: each account's own.
        XCTAssertEqual((try clients[0].get("/api/towns").json as? [[String: Any]])?.map { $0["town"] as? String }, ["qinghe"])
        XCTAssertEqual((try clients[5].get("/api/towns").json as? [[String: Any]])?.map { $0["town"] as? String }, ["jinshan"])
        XCTAssertEqual((try clients[4].get("/api/towns").json as? [[String: Any]])?.map { $0["town"] as? String }, ["jinshan", "qinghe"])
        let qinghe = (try clients[0].get("/api/towns").json as? [[String: Any]])?.first
        XCTAssertEqual(qinghe?["name"] as? String, "清河镇")
        XCTAssertEqual(qinghe?["period_kind"] as? String, "month")
        // The outsider's log: rows of jinshan only (none); the administrator's: every row.
        XCTAssertEqual((try clients[5].get("/api/log").json as? [Any])?.count, 0)
        XCTAssertEqual(try clients[5].get("/api/log?town=qinghe").status, 404)
        let actions = (try clients[4].get("/api/log").json as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        XCTAssertEqual(actions.filter { $0 == "登录" }.count, 6)
        XCTAssertEqual(actions.filter { $0 == "添加账号" }.count, 6)
        // The administrator's accounts: roles and towns as added (no town: all), each enabled.
        let listed = (try clients[4].get("/api/accounts").json as? [[String: Any]] ?? []).map {
            "\($0["name"] as? String ?? "?") \(($0["roles"] as? [String] ?? []).joined(separator: ",")) \(($0["towns"] as? [String] ?? []).joined(separator: ",")) \($0["disabled"] as? Bool ?? true)"
        }
        XCTAssertEqual(listed, ["admin 管理员  false", "auditor 审计 qinghe false", "checker 审核 qinghe false", "clerk 制表 qinghe false",
                                "outsider 制表,审核,审计 jinshan false", "rules 规则 qinghe false"])
        let page = try clients[4].get("/accounts").text
        XCTAssertTrue(page.contains("<a href=\"/accounts\">账号</a>") && page.contains("<tr><td>outsider</td><td>制表、审核、审计</td><td>jinshan</td><td>启用</td></tr>")
                      && page.contains("<tr><td>admin</td><td>管理员</td><td>全部</td><td>启用</td></tr>"), page)
        XCTAssertFalse(try clients[3].get("/towns/qinghe").text.contains("href=\"/accounts\""), "no accounts link for an auditor")
    }
}
