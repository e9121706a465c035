import Foundation
import GridpayHash
import XCTest

/// The rule workspace (SPEC §14 role 规则, issue 24) through the running console: the governance
/// office saves a draft with an error (shown at its line and column), fixes it (its tests run),
/// compares it on 2026-10 (the compare workbook among the period's outputs), is refused adoption
/// under a closed period (409), adopts it from 2026-11 (201) as Rules/qinghe/2026.2.toml, and the
/// commands still run the closed month and check the folder.
final class ConsoleRuleWorkspaceTests: XCTestCase {
    func testADraftWithAnErrorFixedComparedAndAdopted() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        for m in ["2026-08", "2026-09", "2026-10"] {
            try FileManager.default.createDirectory(atPath: h.root.path("Input/qinghe"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: "\(BinaryRunner.packageRoot.path)/Input/qinghe/\(m)", toPath: h.root.path("Input/qinghe/\(m)"))
        }
        XCTAssertEqual(try h.gridpay(["close", "qinghe", "2026-08", "--by", "张三", "--quiet"] + h.folderArguments).status, 0)
        try h.addUser("gov", roles: ["规则"], towns: ["qinghe"])
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.start()
        let gov = try h.signedIn("gov"), clerk = try h.signedIn("clerk")
        let shipped = try String(contentsOfFile: h.root.path("Rules/qinghe.toml"), encoding: .utf8)
        let shippedHash = try SHA256Digest.hex(Array(shipped.utf8))

        var listing = try gov.get("/api/towns/qinghe/rules")
        XCTAssertEqual(listing.status, 200, listing.text)
        let v1 = (listing.object["versions"] as? [[String: Any]])?.first
        XCTAssertEqual(v1?["version"] as? String, "2026.1")
        XCTAssertEqual(v1?["effective_from"] as? String, "2026-01")
        XCTAssertEqual(v1?["sha256"] as? String, shippedHash)
        XCTAssertEqual(try clerk.put("/api/towns/qinghe/drafts/d1", Data(shipped.utf8)).status, 403)

        // The draft: a missed 镇 check costs 6 points, version 2026.2; first saved with a misspelt column.
        var draft = shipped.replacingOccurrences(of: "version = \"2026.1\"", with: "version = \"2026.2\"")
            .replacingOccurrences(of: "  points = '-5'\n  yuan = '30'", with: "  points = '-6'\n  yuan = '30'")
        let misspelt = draft.replacingOccurrences(of: "抽查层级 == \"镇\" and 是否接听", with: "抽查层级 == \"镇\" and 是否接通")
        let lines = misspelt.components(separatedBy: "\n")
        let line = lines.firstIndex { $0.contains("是否接通") }! + 1
        let column = lines[line - 1].distance(from: lines[line - 1].startIndex, to: lines[line - 1].range(of: "是否接通")!.lowerBound) + 1
        var saved = try gov.put("/api/towns/qinghe/drafts/d1", Data(misspelt.utf8))
        XCTAssertEqual(saved.status, 200, saved.text)
        let problems = saved.object["problems"] as? [[String: Any]] ?? []
        XCTAssertEqual(problems.first?["line"] as? Int, line, saved.text)
        XCTAssertEqual(problems.first?["column"] as? Int, column, saved.text)
        XCTAssertEqual(problems.first?["severity"] as? String, "error")
        XCTAssertTrue((problems.first?["message"] as? String ?? "").contains("是否接通"), saved.text)
        XCTAssertEqual(saved.object["tests"] as? [String: Int], ["passed": 0, "failed": 0])

        // Fixed: it loads; its first test pinned 电话畅通 15 (W1 misses one 镇 check): now 14, failing.
        saved = try gov.put("/api/towns/qinghe/drafts/d1", Data(draft.utf8))
        XCTAssertEqual(saved.object["tests"] as? [String: Int], ["passed": 3, "failed": 1], saved.text)
        XCTAssertTrue((saved.object["problems"] as? [[String: Any]] ?? []).contains { ($0["message"] as? String ?? "").hasSuffix("W1 的 电话畅通 为 14，应为 15") }, saved.text)
        // A draft whose tests fail is never adopted (README): 400, saying how many fail and what to do; no file written.
        let failing = try gov.post("/api/towns/qinghe/drafts/d1/adopt", json: ["effective_from": "2026-11"])
        XCTAssertEqual(failing.status, 400, failing.text)
        XCTAssertEqual(failing.object["error"] as? String, "草稿有 1 个测试未通过，不能采用；请改正规则或测试的期望值后再保存")
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.root.path("Rules/qinghe")))
        // The test's values by hand: 总分 5.3 − 1 = 4.3; 考核绩效 2000 × 4.3% = 86; 180 yuan: 实发 0, 未扣足 94.
        for (old, new) in [("\"电话畅通\" = 15", "\"电话畅通\" = 14"), ("\"总分\" = 5.3", "\"总分\" = 4.3"), ("\"考核绩效\" = 106", "\"考核绩效\" = 86"), ("\"未扣足\" = 74", "\"未扣足\" = 94")] {
            draft = draft.replacingOccurrences(of: old, with: new)
        }
        saved = try gov.put("/api/towns/qinghe/drafts/d1", Data(draft.utf8))
        XCTAssertEqual(saved.object["tests"] as? [String: Int], ["passed": 4, "failed": 0], saved.text)
        XCTAssertEqual((saved.object["problems"] as? [Any])?.count, 0, saved.text)

        // Compare on 2026-10 (CompareTests works out the same candidate: 98821.91 → 98623.60).
        let compared = try gov.post("/api/towns/qinghe/drafts/d1/compare", json: ["period": "2026-10"])
        XCTAssertEqual(compared.status, 200, compared.text)
        XCTAssertEqual(compared.object["total_before"] as? String, "98821.91")
        XCTAssertEqual(compared.object["total_after"] as? String, "98623.60")
        XCTAssertGreaterThanOrEqual(compared.object["workers_changed"] as? Int ?? 0, 11, compared.text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: h.root.path("Output/qinghe/2026-10/qinghe-2026-10-compare.xlsx")))

        // 2026-08 is closed: a version from 2026-08 would change it.
        let refused = try gov.post("/api/towns/qinghe/drafts/d1/adopt", json: ["effective_from": "2026-08"])
        XCTAssertEqual(refused.status, 409, refused.text)
        let adopted = try gov.post("/api/towns/qinghe/drafts/d1/adopt", json: ["effective_from": "2026-11"])
        XCTAssertEqual(adopted.status, 201, adopted.text)
        let file = try String(contentsOfFile: h.root.path("Rules/qinghe/2026.2.toml"), encoding: .utf8)
        XCTAssertEqual(file, draft.replacingOccurrences(of: "effective_from = \"2026-01\"", with: "effective_from = \"2026-11\""))
        XCTAssertEqual(adopted.object["sha256"] as? String, try SHA256Digest.hex(Array(file.utf8)))
        // The single file moved, bytes unchanged, beside it.
        XCTAssertEqual(try String(contentsOfFile: h.root.path("Rules/qinghe/2026.1.toml"), encoding: .utf8), shipped)
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.root.path("Rules/qinghe.toml")))
        listing = try gov.get("/api/towns/qinghe/rules")
        let versions = listing.object["versions"] as? [[String: Any]] ?? []
        XCTAssertEqual(versions.map { $0["version"] as? String }, ["2026.1", "2026.2"], listing.text)
        XCTAssertEqual(versions.last?["adopted_by"] as? String, "gov")
        XCTAssertEqual((listing.object["drafts"] as? [[String: Any]])?.map { $0["name"] as? String }, ["d1"])
        let diff = try gov.get("/api/towns/qinghe/rules/diff?from=2026.1&to=2026.2").object["lines"] as? [[String: String]] ?? []
        XCTAssertTrue(diff.contains { $0 == ["op": "-", "text": "  points = '-5'"] } && diff.contains { $0 == ["op": "+", "text": "  points = '-6'"] })

        // The page: the versions and the editor for 规则 (its script served); 403 for a clerk.
        let page = try gov.get("/towns/qinghe/rules")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("<td>2026.2</td><td>2026.2.toml</td><td>2026-11</td>") && page.text.contains("id=\"draft-text\""), page.text)
        XCTAssertTrue(try gov.get("/static/rules.js").text.contains("/compare"))
        XCTAssertEqual(try clerk.get("/towns/qinghe/rules").status, 403)

        // The commands: the closed month still runs (its rule file's bytes are unchanged) and the folder checks.
        XCTAssertEqual(try h.gridpay(["run", "qinghe", "2026-08", "--quiet"] + h.folderArguments).status, 0)
        let check = try h.gridpay(["check", h.root.path("Rules/qinghe")])
        XCTAssertEqual(check.status, 0, check.transcript)
    }
}
