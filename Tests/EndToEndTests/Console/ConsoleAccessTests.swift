import Foundation
import XCTest

/// `gridpay user` and `gridpay serve` against the built binary: accounts, sign-in, sessions, the
/// web's usual attacks, and every role against every endpoint (SPEC §14).
final class ConsoleAccessTests: XCTestCase {
    func testServeRefusesToStartWithoutAnAccountAndNamesTheCommand() throws {
        let h = try ConsoleHarness()
        let out = try h.gridpay(["serve", "--listen", "127.0.0.1:0", "--console-dir", h.root.path("Console")] + h.folderArguments)
        XCTAssertEqual(out.status, 1, out.transcript)
        XCTAssertEqual(out.stderr, """
            控制台还没有任何账号，无法启动。请先添加第一个管理员：
              gridpay user add <账号> --role 管理员 --console-dir \(h.root.path("Console"))
            （密码在终端输入两次，或用 --password-stdin 从标准输入给出）

            """)
    }

    /// SPEC §15: Chinese by default, English when GRIDPAY_LANG=en asks for it: the user commands,
    /// the API's answers, the pages and the action log (whose rows were written in Chinese).
    func testTheConsoleInEnglishWhenAskedFor() throws {
        let h = try ConsoleHarness()
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        h.language = "en"
        let dir = ["--console-dir", h.root.path("Console")]
        let add = try h.gridpay(["user", "add", "boss", "--role", "管理员", "--password-stdin"] + dir, stdin: ConsoleHarness.password + "\n")
        XCTAssertEqual(add.stdout, "added the account boss\n", add.transcript)
        XCTAssertEqual(try h.gridpay(["user", "add", "li", "--role", "制表", "--password-stdin"] + dir, stdin: "123456789\n").stderr,
                       "the password is too short: at least 10 characters\n")
        XCTAssertEqual(try h.gridpay(["user", "list"] + dir).stdout, """
            account | roles | towns | state
            boss | 管理员 | all | enabled
            clerk | 制表 | qinghe | enabled

            """)
        try h.start()
        let anonymous = h.client()
        XCTAssertEqual(try anonymous.get("/api/towns").object["error"] as? String, "sign in first")
        XCTAssertEqual(try anonymous.login("clerk", "wrong password").object["error"] as? String, "wrong account name or password")
        let page = try anonymous.get("/login")
        XCTAssertTrue(page.text.contains("<html lang=\"en\">") && page.text.contains("<button type=\"submit\" id=\"login-submit\">Sign in</button>"), page.text)
        let clerk = try h.signedIn("clerk")
        XCTAssertEqual(try clerk.get("/api/log").status, 403)
        XCTAssertEqual(try clerk.get("/api/log").object["error"] as? String, "your account may not do this; an administrator can give it the role it needs")
        let boss = try h.signedIn("boss")
        // The rows written by the Chinese `user add` read in English: the log keeps codes.
        let actions = (try boss.get("/api/log").json as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        XCTAssertEqual(actions, ["login", "login", "failed login", "account added", "account added"])
        let csv = try boss.get("/api/log.csv")
        XCTAssertTrue(csv.text.hasPrefix("\u{FEFF}no.,time,account,town,period,action,detail,SHA-256\r\n"), csv.text)
    }

    func testUserCommandsAddListDisableAndChangePasswords() throws {
        let h = try ConsoleHarness()
        let dir = ["--console-dir", h.root.path("Console")]
        let short = try h.gridpay(["user", "add", "li", "--role", "制表", "--password-stdin"] + dir, stdin: "123456789\n")
        XCTAssertEqual(short.status, 1)
        XCTAssertEqual(short.stderr, "密码太短：至少 10 个字符\n")
        let badRole = try h.gridpay(["user", "add", "li", "--role", "boss", "--password-stdin"] + dir, stdin: "1234567890\n")
        XCTAssertEqual(badRole.status, 1, badRole.transcript)
        XCTAssertEqual(badRole.stderr, "没有“boss”这个角色；可用的角色：制表、审核、规则、审计、管理员\n")
        // One line is read and its line end (LF or CRLF) dropped: the password is "1234567890".
        let add = try h.gridpay(["user", "add", "张会计", "--role", "制表", "--role", "审核", "--town", "qinghe", "--password-stdin"] + dir,
                                stdin: "1234567890\r\nsecond line\n")
        XCTAssertEqual(add.stdout, "已添加账号 张会计\n", add.transcript)
        try h.addUser("admin", roles: ["管理员"])
        XCTAssertEqual(try h.gridpay(["user", "list"] + dir).stdout, """
            账号 | 角色 | 镇(街道) | 状态
            admin | 管理员 | 全部 | 启用
            张会计 | 制表,审核 | qinghe | 启用

            """)
        try h.start()
        XCTAssertEqual(try h.client().login("张会计", "1234567890").status, 200)
        XCTAssertEqual(try h.gridpay(["user", "password", "张会计", "--password-stdin"] + dir, stdin: "abcdefghijk\n").stdout, "已更改账号 张会计 的密码；其登录会话已失效\n")
        XCTAssertEqual(try h.client().login("张会计", "1234567890").status, 401)
        XCTAssertEqual(try h.client().login("张会计", "abcdefghijk").status, 200)
        XCTAssertEqual(try h.gridpay(["user", "disable", "张会计"] + dir).stdout, "已停用账号 张会计；其登录会话已失效\n")
        XCTAssertEqual(try h.client().login("张会计", "abcdefghijk").status, 401)
        XCTAssertTrue(try h.gridpay(["user", "list"] + dir).stdout.contains("张会计 | 制表,审核 | qinghe | 已停用"))
        let missing = try h.gridpay(["user", "disable", "nobody"] + dir)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "没有账号 nobody；现有账号请用 gridpay user list 查看\n")
    }

    func testSignInSessionsAndTheUsualAttacks() throws {
        let h = try ConsoleHarness()
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.start()
        let anonymous = h.client()
        // Unauthenticated: 401 for the API, the login page for pages; the login page, its files and the API document are open.
        XCTAssertEqual(try anonymous.get("/api/towns").status, 401)
        XCTAssertEqual(try anonymous.get("/api/towns").object["error"] as? String, "请先登录")
        XCTAssertEqual(try anonymous.get("/login").status, 200)
        XCTAssertEqual(try anonymous.get("/static/console.js").status, 200)
        XCTAssertEqual(try anonymous.get("/api/openapi.json").status, 200)
        // A page asked for without a session leads to the login page (303 to /login, which URLSession follows).
        for path in ["/", "/towns/qinghe", "/towns/qinghe/periods/2026-08", "/log", "/accounts"] {
            let page = try anonymous.get(path)
            XCTAssertEqual(page.status, 200, path)
            XCTAssertTrue(page.text.contains("<form id=\"login-form\""), path)
        }
        // The same answer for an unknown name and a wrong password.
        let wrong = try anonymous.login("clerk", "not-the-password")
        let unknown = try anonymous.login("nobody", "not-the-password")
        XCTAssertEqual(wrong.status, 401)
        XCTAssertEqual(wrong.text, unknown.text)
        XCTAssertEqual(wrong.object["error"] as? String, "账号或密码不正确")
        // Security headers on every answer, errors included.
        for r in [wrong, try anonymous.get("/login"), try anonymous.get("/api/towns"), try anonymous.get("/nothing-here")] {
            XCTAssertEqual(r.header("X-Content-Type-Options"), "nosniff")
            XCTAssertEqual(r.header("X-Frame-Options"), "DENY")
            let csp = r.header("Content-Security-Policy") ?? ""
            XCTAssertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp)
            XCTAssertFalse(csp.contains("http"), csp)
        }
        // The cookie: HttpOnly, SameSite=Strict, whole site; not Secure without TLS.
        let c = h.client()
        let ok = try c.login("clerk", ConsoleHarness.password)
        XCTAssertEqual(ok.status, 200)
        let cookie = ok.header("Set-Cookie") ?? ""
        XCTAssertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie)
        XCTAssertFalse(cookie.contains("Secure"), cookie)
        XCTAssertEqual(ok.object["roles"] as? [String], ["制表"])
        XCTAssertEqual(ok.object["towns"] as? [String], ["qinghe"])
        // CSRF: a state change without the token, or with another, is 403 and changes nothing.
        let run = "/api/towns/qinghe/periods/2026-08/run"
        XCTAssertEqual(try c.post(run, csrf: false).status, 403)
        XCTAssertEqual(try c.request("POST", run, csrf: false, headers: ["X-CSRF-Token": "0" + (c.csrf ?? "")]).status, 403)
        XCTAssertEqual(try c.post("/api/logout", csrf: false).status, 403)
        XCTAssertEqual(try c.get("/api/towns/qinghe/periods/2026-08").object["result"] as? NSNull, NSNull())
        // Another town's anything is 404 and names nothing of it.
        let other = try c.get("/api/towns/jinshan/periods/2026-10")
        XCTAssertEqual(other.status, 404)
        XCTAssertFalse(other.text.contains("jinshan"), other.text)
        XCTAssertEqual(try c.get("/api/towns/nowhere/periods/2026-10").text, other.text)
        // Paths that try to leave the folders.
        XCTAssertEqual(try c.get("/api/towns/qinghe/periods/2026-08/outputs/..%2F..%2F..%2Fetc%2Fpasswd").status, 404)
        XCTAssertEqual(try c.put("/api/towns/qinghe/periods/2026-08/inputs/..%2Froster.csv", Data("x".utf8)).status, 400)
        // Bad JSON: a message, no trace, no server path.
        let bad = try anonymous.request("POST", "/api/login", body: Data("{".utf8))
        XCTAssertEqual(bad.status, 400)
        XCTAssertEqual(bad.object["error"] as? String, "请求内容应为 JSON，且包含要求的字段")
        for r in [bad, other, wrong] { XCTAssertFalse(r.text.contains(h.root.path) || r.text.contains(".swift"), r.text) }
        // Logout ends the session.
        XCTAssertEqual(try c.post("/api/logout").status, 200)
        XCTAssertEqual(try c.get("/api/towns").status, 401)
        // Five failed logins lock the account for 15 minutes: even the right password is 423.
        for _ in 0..<5 { XCTAssertEqual(try anonymous.login("clerk", "wrong-password").status, 401) }
        let locked = try anonymous.login("clerk", ConsoleHarness.password)
        XCTAssertEqual(locked.status, 423)
        XCTAssertEqual(locked.object["error"] as? String, "连续多次登录失败，账号已锁定 15 分钟；请稍后再试，或请管理员重设密码")
    }

    /// Behind an HTTPS reverse proxy (`--secure-cookie`) the cookie is also Secure.
    func testTheCookieIsSecureBehindHTTPS() throws {
        let h = try ConsoleHarness()
        try h.addUser("clerk", roles: ["制表"])
        try h.start(["--secure-cookie"])
        let cookie = try h.client().login("clerk", ConsoleHarness.password).header("Set-Cookie") ?? ""
        XCTAssertTrue(cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie)
    }
}
