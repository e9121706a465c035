import Foundation
import XCTest

/// `gridpay user add --town` (SPEC §14, §15): a town without rules in the rules folder is refused,
/// saying which town, the towns there are and who adds a new one; no account is added.
final class ConsoleUserTownTests: XCTestCase {
    func testATownWithoutRulesIsRefusedInChinese() throws {
        let h = try ConsoleHarness()
        let dir = ["--console-dir", h.root.path("Console")]
        let add = try h.gridpay(["user", "add", "li", "--role", "制表", "--town", "qinghr", "--password-stdin"] + dir, stdin: "1234567890\n")
        XCTAssertEqual(add.status, 1, add.transcript)
        XCTAssertEqual(add.stdout, "")
        XCTAssertEqual(add.stderr, """
            没有镇(街道)“qinghr”：规则文件夹 Rules 里没有 qinghr.toml，也没有文件夹 qinghr/；是否应为“qinghe”？现有的镇(街道)：jinshan、qinghe。\
            账号没有添加：请核对 --town 的拼写（规则文件夹不在当前文件夹时用 --rules-dir 指明）；新的镇(街道)要先由社会治理办把它的规则文件放进 Rules/

            """)
        XCTAssertEqual(try h.gridpay(["user", "list"] + dir).stdout, "还没有账号\n")
        // Every wrong town is said, each once, in one run; the right one is not.
        let two = try h.gridpay(["user", "add", "li", "--role", "制表", "--town", "qinghe", "--town", "xx", "--town", "qinghr", "--town", "xx",
                                 "--password-stdin"] + dir, stdin: "1234567890\n")
        XCTAssertEqual(two.status, 1, two.transcript)
        let lines = two.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, two.stderr)
        XCTAssertTrue(lines.first?.hasPrefix("没有镇(街道)“qinghr”：规则文件夹 Rules 里没有 qinghr.toml") == true, two.stderr)
        XCTAssertTrue(lines.last?.hasPrefix("没有镇(街道)“xx”：规则文件夹 Rules 里没有 xx.toml，也没有文件夹 xx/；现有的镇(街道)") == true, two.stderr)
        // A town of dated versions (a folder), and --rules-dir for a rules folder elsewhere.
        try FileManager.default.createDirectory(atPath: h.root.path("Rules/shuangqiao"), withIntermediateDirectories: true)
        let versions = try h.gridpay(["user", "add", "sq", "--role", "审计", "--town", "shuangqiao", "--town", "qinghe", "--password-stdin"] + dir,
                                     stdin: "1234567890\n")
        XCTAssertEqual(versions.stdout, "已添加账号 sq\n", versions.transcript)
        try FileManager.default.createDirectory(atPath: h.root.path("Empty"), withIntermediateDirectories: true)
        let empty = try h.gridpay(["user", "add", "wu", "--role", "审计", "--town", "qinghe", "--rules-dir", h.root.path("Empty"), "--password-stdin"] + dir,
                                  stdin: "1234567890\n")
        XCTAssertEqual(empty.status, 1, empty.transcript)
        XCTAssertTrue(empty.stderr.contains("也没有文件夹 qinghe/；规则文件夹里还没有任何镇(街道)的规则文件。账号没有添加"), empty.stderr)
        XCTAssertEqual(try h.gridpay(["user", "list"] + dir).stdout, "账号 | 角色 | 镇(街道) | 状态\nsq | 审计 | qinghe,shuangqiao | 启用\n")
    }

    func testATownWithoutRulesIsRefusedInEnglishWhenAskedFor() throws {
        let h = try ConsoleHarness()
        h.language = "en"
        let add = try h.gridpay(["user", "add", "li", "--role", "制表", "--town", "nowhere", "--password-stdin", "--console-dir", h.root.path("Console")],
                                stdin: "1234567890\n")
        XCTAssertEqual(add.status, 1, add.transcript)
        XCTAssertEqual(add.stderr, """
            there is no town 'nowhere': the rules folder Rules holds neither nowhere.toml nor a folder nowhere/. The towns are jinshan, qinghe. \
            The account was not added: check the spelling of --town (and give --rules-dir when the rules folder is not in the current folder); \
            a new town needs its rule file in Rules/ first, from the governance office

            """)
    }
}
