import Foundation
import GridpayHash
import XCTest

/// xinhe (SPEC §17) through the console: a yearly town with its preliminary half-year and its
/// quarter summaries. Every period `gridpay run xinhe` takes is served (QA H9: all were 404):
/// listed on the town's page, uploaded into the month folder of each file, run with outputs
/// byte-identical to the command's, explained as `explain` does, the half-year and the year
/// submitted, approved into the ledger (the half-year first, as `close` requires) and verified;
/// a quarter summary is run, never submitted.
final class ConsoleYearTests: XCTestCase {
    let source = "\(BinaryRunner.packageRoot.path)/Input/xinhe"
    let months = (1...12).map { String(format: "2026-%02d", $0) }

    /// The console's folders with xinhe's twelve months, 2026-03's findings.csv left to upload;
    /// a second folder with all twelve, for the command's runs.
    func prepared() throws -> (ConsoleHarness, BinaryRunner.TempFolder) {
        let h = try ConsoleHarness(towns: ["xinhe"])
        let cli = try BinaryRunner.TempFolder(prefix: "gridpay-console-xinhe-cli")
        for root in [h.root.path("Input/xinhe"), cli.path("Input/xinhe")] {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for m in months { try FileManager.default.copyItem(atPath: "\(source)/\(m)", toPath: "\(root)/\(m)") }
        }
        try FileManager.default.removeItem(atPath: h.root.path("Input/xinhe/2026-03/findings.csv"))
        try h.addUser("clerk", roles: ["制表"], towns: ["xinhe"])
        try h.addUser("checker", roles: ["审核"], towns: ["xinhe"])
        try h.addUser("auditor", roles: ["审计"], towns: ["xinhe"])
        try h.start()
        return (h, cli)
    }

    /// `gridpay run xinhe <period>` over the command's folder (no ledger: nothing closed).
    func commandRun(_ period: String, _ h: ConsoleHarness, _ cli: BinaryRunner.TempFolder) throws {
        let run = try BinaryRunner.run(["run", "xinhe", period, "--rules-dir", h.root.path("Rules"), "--input-dir", cli.path("Input"),
                                        "--output-dir", cli.path("Output"), "--ledger-dir", cli.path("Ledger"), "--quiet"],
                                       environment: ConsoleMonthTests.chinese)
        XCTAssertEqual(run.status, 0, run.transcript)
    }

    /// The console's run of `period`: ok, 30 workers, no pay; its two outputs byte for byte the command's.
    func assertRunMatchesCommand(_ period: String, _ clerk: ConsoleClient, _ h: ConsoleHarness, _ cli: BinaryRunner.TempFolder) throws {
        try commandRun(period, h, cli)
        let p = "/api/towns/xinhe/periods/\(period)"
        let run = try clerk.post("\(p)/run")
        XCTAssertEqual(run.status, 200, run.text)
        XCTAssertEqual(run.object["ok"] as? Bool, true, run.text)
        XCTAssertEqual(run.object["workers"] as? Int, 30)
        XCTAssertTrue(run.object["total_payable"] is NSNull, run.text)
        let names = ["xinhe-\(period).xlsx", "xinhe-\(period)-manifest.json"]
        XCTAssertEqual(try clerk.get(p).object["outputs"] as? [String], names.sorted())
        for name in names {
            let r = try clerk.get("\(p)/outputs/\(name)")
            XCTAssertEqual(r.status, 200, name)
            XCTAssertEqual(r.body, FileManager.default.contents(atPath: cli.path("Output/xinhe/\(period)/\(name)")), name)
        }
        // No pay: no pay CSV, here or from the command.
        XCTAssertEqual(try clerk.get("\(p)/outputs/xinhe-\(period)-pay.csv").status, 404)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("Output/xinhe/\(period)/xinhe-\(period)-pay.csv")))
    }

    func testTheHalfYearTheYearAndTheQuartersOfAYearlyTown() throws {
        let (h, cli) = try prepared()
        let clerk = try h.signedIn("clerk"), checker = try h.signedIn("checker"), auditor = try h.signedIn("auditor")

        // The town's page lists every period the command runs, each opening.
        let town = try clerk.get("/towns/xinhe").text
        let listed = town.components(separatedBy: "href=\"/towns/xinhe/periods/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(listed, ["2026-Q4", "2026-Q3", "2026-Q2", "2026", "2026-H1", "2026-Q1"])
        for p in listed { XCTAssertEqual(try clerk.get("/towns/xinhe/periods/\(p)").status, 200, p) }
        // The second half-year is no preliminary (it ends with the year), a month no assessment period.
        for p in ["2026-H2", "2026-03"] { XCTAssertEqual(try clerk.get("/api/towns/xinhe/periods/\(p)").status, 404, p) }

        // A file goes into the month folder of its date, as the page's form sends it.
        let findings = try Data(contentsOf: URL(fileURLWithPath: "\(source)/2026-03/findings.csv"))
        var view = try clerk.get("/api/towns/xinhe/periods/2026-H1").object
        var inputs = view["inputs"] as? [[String: Any]] ?? []
        XCTAssertEqual(inputs.count, 18)
        XCTAssertEqual(inputs.first { $0["file"] as? String == "2026-03/findings.csv" }?["present"] as? Bool, false)
        XCTAssertEqual(try clerk.put("/api/towns/xinhe/periods/2026-03/inputs/findings.csv", findings).status, 201)
        view = try clerk.get("/api/towns/xinhe/periods/2026-H1").object
        inputs = view["inputs"] as? [[String: Any]] ?? []
        let uploaded = inputs.first { $0["file"] as? String == "2026-03/findings.csv" }
        XCTAssertEqual(uploaded?["uploaded_by"] as? String, "clerk")
        XCTAssertEqual(uploaded?["sha256"] as? String, try SHA256Digest.hex(Array(findings)))
        XCTAssertEqual(view["closable"] as? Bool, true)
        XCTAssertEqual(view["pays"] as? Bool, false)
        XCTAssertEqual((try clerk.get("/api/towns/xinhe/periods/2026").object["inputs"] as? [[String: Any]])?.count, 36)

        try assertRunMatchesCommand("2026-H1", clerk, h, cli)
        try assertRunMatchesCommand("2026", clerk, h, cli)
        try assertRunMatchesCommand("2026-Q1", clerk, h, cli)

        // The explanation is explain's; no pay, and a summary has no rank or total.
        for (period, rank, total) in [("2026-H1", 29 as Int?, "88.5" as String?), ("2026-Q1", nil, nil)] {
            let explain = try BinaryRunner.run(["explain", "xinhe", period, "XH0001", "--rules-dir", h.root.path("Rules"),
                                                "--input-dir", cli.path("Input"), "--ledger-dir", cli.path("Ledger")], environment: ConsoleMonthTests.chinese)
            XCTAssertEqual(explain.status, 0, explain.transcript)
            let w = try checker.get("/api/towns/xinhe/periods/\(period)/workers/XH0001").object
            XCTAssertEqual(w["text"] as? String, explain.stdout, period)
            XCTAssertEqual(w["rank"] as? Int, rank, period)
            XCTAssertEqual(w["total"] as? String, total, period)
            XCTAssertTrue(w["payable"] is NSNull, period)
        }
        // The half-year's page lists the workers with 总分 and says there is no pay.
        let page = try clerk.get("/towns/xinhe/periods/2026-H1").text
        XCTAssertTrue(page.contains("<th>网格员编号</th><th>姓名</th><th>村(社区)</th><th>总分</th>"), page)
        XCTAssertTrue(page.contains("<a href=\"/towns/xinhe/periods/2026-H1/workers/XH0001\">XH0001</a></td><td>张磊</td><td>新河社区</td><td class=\"num\">88.5</td>"), page)
        XCTAssertTrue(page.contains("规则文件未设绩效工资（无 [pay]），没有工资表和工资 CSV"), page)

        // A quarter summary is never submitted (nothing to close); the page offers no step.
        let summary = try clerk.post("/api/towns/xinhe/periods/2026-Q1/submit")
        XCTAssertEqual(summary.status, 409)
        XCTAssertEqual(summary.object["error"] as? String,
                       "2026-Q1 是汇总期间，只作汇总，不评分、不排名、不计发，没有可结账的结果，不能提交审核；请提交考核期间 2026，或初查期间 2026-H1")
        let quarterPage = try clerk.get("/towns/xinhe/periods/2026-Q1").text
        XCTAssertFalse(quarterPage.contains("id=\"submit\""))
        XCTAssertTrue(quarterPage.contains("汇总期间只作汇总，不提交审核、不结账"))

        // The half-year, then the year: submitted, approved into the ledger, closed for the commands.
        for period in ["2026-H1", "2026"] {
            let p = "/api/towns/xinhe/periods/\(period)"
            if period == "2026" { XCTAssertEqual(try clerk.post("\(p)/run").object["ok"] as? Bool, true) }
            XCTAssertEqual(try clerk.post("\(p)/submit").object["status"] as? String, "submitted", period)
            let approved = try checker.post("\(p)/approve")
            XCTAssertEqual(approved.object["status"] as? String, "closed", "\(period): \(approved.text)")
            let verify = try auditor.post("\(p)/verify").object
            XCTAssertEqual(verify["identical"] as? Bool, true, "\(period): \(verify)")
        }
        let status = try BinaryRunner.run(["status", "xinhe", "--input-dir", h.root.path("Input"), "--ledger-dir", h.root.path("Ledger")])
        XCTAssertEqual(status.status, 0, status.transcript)
        for period in ["2026-H1", "2026"] {
            XCTAssertTrue(status.stdoutLines.contains { $0.hasPrefix("\(period) | checker（审核通过），clerk（提交） | ") }, status.stdout)
        }
        // A month inside a closed period takes no upload.
        let refused = try clerk.put("/api/towns/xinhe/periods/2026-03/inputs/findings.csv?replace=true", findings)
        XCTAssertEqual(refused.status, 423, refused.text)
        let townAfter = try auditor.get("/towns/xinhe").text
        XCTAssertTrue(townAfter.contains("data-url=\"/api/towns/xinhe/periods/2026-H1/verify\""), townAfter)
    }
}
