import Foundation
import GridpayHash
import XCTest

/// A whole month through the console, as the office does it: the clerk uploads qinghe 2026-08's
/// exports, runs, submits; a checker returns it, the clerk runs and submits again, the checker
/// approves and the period is closed in the ledger (`gridpay status` shows it); an auditor
/// verifies it. Outputs are byte-identical to `gridpay run`'s, the explanation to `explain`'s.
final class ConsoleMonthTests: XCTestCase {
    /// The console's language (its environment names none: Chinese); the commands compared with
    /// it are run in the same one, as a county's server runs both.
    static let chinese = ["GRIDPAY_LANG": "zh"]
    /// As the rule file declares them.
    let files = ["roster.csv", "patrol.csv", "events.csv", "phone_checks.csv", "training.csv", "visits.csv"]
    let source = "\(BinaryRunner.packageRoot.path)/Input/qinghe/2026-08"

    func testAWholeMonthFromUploadToApprovalThenClosedForTheCommands() throws {
        let h = try ConsoleHarness()
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.addUser("both", roles: ["制表", "审核"], towns: ["qinghe"])
        try h.addUser("checker", roles: ["审核"], towns: ["qinghe"])
        try h.addUser("auditor", roles: ["审计"], towns: ["qinghe"])
        // The county's server keeps China's time: every time shown is local, with its zone.
        h.environment["TZ"] = "Asia/Shanghai"
        try h.start()
        let clerk = try h.signedIn("clerk"), both = try h.signedIn("both"), checker = try h.signedIn("checker"), auditor = try h.signedIn("auditor")
        let p = "/api/towns/qinghe/periods/2026-08"

        // Uploads: each declared export, hashed as stored.
        var hashes: [String: String] = [:]
        for f in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(source)/\(f)"))
            hashes[f] = try SHA256Digest.hex(Array(data))
            let r = try clerk.put("\(p)/inputs/\(f)", data)
            XCTAssertEqual(r.status, 201, r.text)
            XCTAssertEqual(r.object["sha256"] as? String, hashes[f])
            XCTAssertEqual(r.object["bytes"] as? Int, data.count)
        }
        // Replacing needs ?replace=true; the replaced file is kept.
        let roster = try Data(contentsOf: URL(fileURLWithPath: "\(source)/roster.csv"))
        XCTAssertEqual(try clerk.put("\(p)/inputs/roster.csv", roster).status, 409)
        XCTAssertEqual(try clerk.put("\(p)/inputs/roster.csv?replace=true", roster).status, 201)
        let kept = try FileManager.default.contentsOfDirectory(atPath: h.root.path("Console/replaced/qinghe/2026-08"))
        XCTAssertEqual(kept.count, 1)
        XCTAssertEqual(FileManager.default.contents(atPath: h.root.path("Console/replaced/qinghe/2026-08/\(kept[0])")), roster)
        var view = try clerk.get(p).object
        XCTAssertEqual(view["status"] as? String, "open")
        let inputs = view["inputs"] as? [[String: Any]] ?? []
        XCTAssertEqual(inputs.map { $0["file"] as? String }, files.map { Optional($0) })
        XCTAssertEqual(inputs.map { $0["sha256"] as? String }, files.map { hashes[$0] })
        XCTAssertEqual(inputs.map { $0["uploaded_by"] as? String }, files.map { _ in "clerk" })

        // The command's run of the same inputs, for comparison.
        let cli = try BinaryRunner.TempFolder(prefix: "gridpay-console-cli")
        try FileManager.default.createDirectory(atPath: cli.path("Input/qinghe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: cli.path("Input/qinghe/2026-08"))
        let cliRun = try BinaryRunner.run(["run", "qinghe", "2026-08", "--rules-dir", h.root.path("Rules"), "--input-dir", cli.path("Input"),
                                           "--output-dir", cli.path("Output"), "--ledger-dir", cli.path("Ledger"), "--quiet"],
                                          environment: Self.chinese)
        XCTAssertEqual(cliRun.status, 0, cliRun.transcript)

        // Run: the result, and downloads byte-identical to the command's.
        var run = try clerk.post("\(p)/run").object
        XCTAssertEqual(run["ok"] as? Bool, true, "\(run)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.path("Output/qinghe/2026-08/qinghe-2026-08-manifest.json")))) as? [String: Any]
        XCTAssertEqual(run["workers"] as? Int, manifest?["workers"] as? Int)
        XCTAssertEqual(run["total_payable"] as? String, try Self.payableTotal(cli.path("Output/qinghe/2026-08/qinghe-2026-08-pay.csv")))
        XCTAssertNil(run["previous_run_total"] as? String)
        for name in ["qinghe-2026-08.xlsx", "qinghe-2026-08-pay.csv", "qinghe-2026-08-manifest.json"] {
            let r = try clerk.get("\(p)/outputs/\(name)")
            XCTAssertEqual(r.status, 200)
            XCTAssertEqual(r.body, FileManager.default.contents(atPath: cli.path("Output/qinghe/2026-08/\(name)")), name)
        }
        // The explanation is explain's text.
        let explain = try BinaryRunner.run(["explain", "qinghe", "2026-08", "QH0001", "--rules-dir", h.root.path("Rules"),
                                            "--input-dir", cli.path("Input"), "--ledger-dir", cli.path("Ledger")], environment: Self.chinese)
        let worker = try checker.get("\(p)/workers/QH0001").object
        XCTAssertEqual(worker["text"] as? String, explain.stdout)
        XCTAssertEqual(worker["name"] as? String, "吕涛")
        XCTAssertEqual(try clerk.get("\(p)/workers/NOBODY").status, 404)
        // The period page's "open by id" form leads to the worker's page.
        let byID = try clerk.get("/towns/qinghe/periods/2026-08/worker?id=QH0001")
        XCTAssertEqual(byID.status, 200)
        XCTAssertTrue(byID.text.contains("吕涛（QH0001）"), byID.text)

        // Submit; the submitter cannot approve; returned with a reason; run and submit again; approved by another.
        XCTAssertEqual(try both.post("\(p)/submit").object["status"] as? String, "submitted")
        XCTAssertEqual(try clerk.post("\(p)/submit").status, 409)
        XCTAssertEqual(try clerk.post("\(p)/run").status, 409)
        let own = try both.post("\(p)/approve")
        XCTAssertEqual(own.status, 403)
        XCTAssertEqual(own.object["error"] as? String, "提交审核的账号不能审核通过同一期间（双人复核）；请由另一位审核人员审核")
        XCTAssertEqual(try checker.post("\(p)/return", json: ["reason": ""]).status, 400)
        XCTAssertEqual(try checker.post("\(p)/return", json: ["reason": "请核对八月巡查记录"]).object["status"] as? String, "returned")
        view = try clerk.get(p).object
        XCTAssertEqual(view["status"] as? String, "returned")
        XCTAssertEqual(view["returned_reason"] as? String, "请核对八月巡查记录")
        XCTAssertEqual(try clerk.post("\(p)/submit").status, 409)
        run = try clerk.post("\(p)/run").object
        XCTAssertEqual(run["previous_run_total"] as? String, run["total_payable"] as? String)
        XCTAssertEqual(try clerk.post("\(p)/submit").object["status"] as? String, "submitted")
        XCTAssertEqual(try auditor.post("\(p)/verify").status, 409)
        XCTAssertEqual(try checker.post("\(p)/approve").object["status"] as? String, "closed")
        XCTAssertEqual(try checker.post("\(p)/approve").status, 409)

        // Closed for the commands too.
        let status = try BinaryRunner.run(["status", "qinghe", "--input-dir", h.root.path("Input"), "--ledger-dir", h.root.path("Ledger")])
        XCTAssertEqual(status.status, 0, status.transcript)
        let line = status.stdoutLines.first { $0.hasPrefix("2026-08 | ") } ?? ""
        XCTAssertTrue(line.hasPrefix("2026-08 | checker（审核通过），clerk（提交） | "), status.stdout)
        // status says money as run does (98,875.13); the API gives the plain number.
        let payable = (run["total_payable"] as? String ?? "").replacingOccurrences(of: #"(\d)(?=(\d{3})+\.)"#, with: "$1,", options: .regularExpression)
        XCTAssertTrue(line.hasSuffix(" | \(run["workers"] as? Int ?? -1) | \(payable)"), line)
        view = try auditor.get(p).object
        XCTAssertEqual(view["status"] as? String, "closed")
        XCTAssertEqual(view["closed_by"] as? String, "checker（审核通过），clerk（提交）")
        let refused = try clerk.put("\(p)/inputs/roster.csv?replace=true", roster)
        XCTAssertEqual(refused.status, 423)

        // The auditor verifies it.
        let verify = try auditor.post("\(p)/verify").object
        XCTAssertEqual(verify["identical"] as? Bool, true, "\(verify)")

        // The log: every step, uploads with their SHA-256, newest first.
        let log = try auditor.get("/api/log?town=qinghe").json as? [[String: Any]] ?? []
        let actions = log.map { $0["action"] as? String ?? "" }
        XCTAssertEqual(Array(actions.prefix(8)), ["核验", "结账", "审核通过", "提交审核", "运行", "退回", "提交审核", "运行"])
        let uploads = log.filter { $0["action"] as? String == "上传" }
        XCTAssertEqual(uploads.count, 7)
        XCTAssertEqual(Set(uploads.compactMap { $0["sha256"] as? String }), Set(hashes.values))
        XCTAssertEqual(log.first { $0["action"] as? String == "退回" }?["detail"] as? String, "请核对八月巡查记录")
        let csv = try auditor.get("/api/log.csv")
        XCTAssertTrue(csv.text.hasPrefix("\u{FEFF}序号,时间,账号,镇(街道),期间,操作,说明,SHA-256\r\n"), csv.text)
        XCTAssertEqual(csv.text.components(separatedBy: "\r\n").count - 2, log.count)

        // Times in Beijing time with the zone (SPEC §14), never UTC: the log's rows, the uploads, the
        // run, and the closing (which the ledger keeps in UTC) on the API and the page.
        let times = log.compactMap { $0["at"] as? String } + inputs.compactMap { $0["uploaded_at"] as? String }
            + [run["at"] as? String ?? "", view["closed_at"] as? String ?? ""]
        XCTAssertEqual(times.count, log.count + files.count + 2)
        for t in times { try Self.assertBeijingTimeNow(t) }
        XCTAssertTrue(csv.text.contains(",\(log[0]["at"] as? String ?? "?"),auditor,qinghe,2026-08,核验,"), csv.text)
        let page = try auditor.get("/towns/qinghe/periods/2026-08").text
        XCTAssertTrue(page.contains("结账：checker（审核通过），clerk（提交），\(view["closed_at"] as? String ?? "?")"), page)
        XCTAssertTrue(try auditor.get("/log").text.contains("<td>\(log[0]["at"] as? String ?? "?")</td>"))
    }

    /// The console explains as `gridpay explain` does: a month that carries a correction of a
    /// closed one shows its 往期调整, and a closed month is explained from its archive, saying so.
    func testTheExplanationCarriesCorrectionsAndClosedPeriodsAsExplainDoes() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        for month in ["2026-08", "2026-09"] {
            try FileManager.default.createDirectory(atPath: h.root.path("Input/qinghe"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: BinaryRunner.packageRoot.appendingPathComponent("Input/qinghe/\(month)").path, toPath: h.root.path("Input/qinghe/\(month)"))
        }
        XCTAssertEqual(try h.gridpay(["close", "qinghe", "2026-08", "--by", "张三"] + h.folderArguments).status, 0)
        // After closing, QH0009's answered spot check of 1 August is found unanswered: September carries the difference.
        let checks = h.root.path("Input/qinghe/2026-08/phone_checks.csv")
        let text = try String(contentsOfFile: checks, encoding: .utf8)
        try text.replacingOccurrences(of: "CC202608-0001,2026-08-01 08:11,QH0009,镇,是", with: "CC202608-0001,2026-08-01 08:11,QH0009,镇,否")
            .write(toFile: checks, atomically: true, encoding: .utf8)
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.start()
        let clerk = try h.signedIn("clerk")
        // The closed month says the correction waiting for it (SPEC §15), the command that carries
        // it in each one's words: the command line's, the console's button.
        for (month, said) in [("2026-09", "往期调整 = "), ("2026-08", "2026-08 有一项更正待结转")] {
            let explain = try h.gridpay(["explain", "qinghe", month, "QH0009"] + h.folderArguments)
            XCTAssertEqual(explain.status, 0, explain.transcript)
            XCTAssertTrue(explain.stdout.contains(said), explain.stdout)
            let w = try clerk.get("/api/towns/qinghe/periods/\(month)/workers/QH0009")
            XCTAssertEqual(w.status, 200, w.text)
            XCTAssertEqual(w.object["text"] as? String, explain.stdout.replacingOccurrences(of: "（gridpay run ", with: "（「运行」 "), month)
        }
    }

    /// Ids are compared by their code points, as GridpayCore's ExactID does (README): `Café` typed
    /// as one code point and `Cafe` + U+0301 are two workers, each with its own explanation and
    /// link (Swift's `==` on strings would take one for the other).
    func testTwoIdsThatLookAlikeAreTwoWorkers() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        let folder = h.root.path("Input/qinghe/2026-08")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for f in files {
            let text = try String(contentsOfFile: "\(source)/\(f)", encoding: .utf8)
            try text.replacingOccurrences(of: "QH0001", with: composed).replacingOccurrences(of: "QH0002", with: decomposed)
                .write(toFile: "\(folder)/\(f)", atomically: true, encoding: .utf8)
        }
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.start()
        let clerk = try h.signedIn("clerk")
        let run = try clerk.post("/api/towns/qinghe/periods/2026-08/run").object
        XCTAssertEqual(run["ok"] as? Bool, true, "\(run)")
        for (id, name) in [(composed, "吕涛"), (decomposed, "=王芳")] {
            let path = "/api/towns/qinghe/periods/2026-08/workers/" + id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let w = try clerk.get(path)
            XCTAssertEqual(w.status, 200, w.text)
            XCTAssertEqual(w.object["name"] as? String, name, id.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            XCTAssertTrue((w.object["worker"] as? String ?? "").unicodeScalars.elementsEqual(id.unicodeScalars))
        }
        // The period's page links each to its own explanation, by its own bytes.
        let page = try clerk.get("/towns/qinghe/periods/2026-08").text
        for id in [composed, decomposed] {
            let href = "/towns/qinghe/periods/2026-08/workers/" + id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            XCTAssertTrue(page.contains("<a href=\"\(href)\">"), href)
        }
        // Names as the workbook shows them (QA H3): the pay CSV's formula guard ('=王芳) is the CSV's alone.
        XCTAssertTrue(page.contains("<td>=王芳</td>"), page)
        XCTAssertFalse(page.contains("&#39;=王芳") || page.contains("'=王芳"), page)
    }

    /// `yyyy-MM-dd HH:mm:ss +08:00`, within ten minutes of now (a UTC time labelled +08:00 is 8 hours off).
    static func assertBeijingTimeNow(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertNotNil(text.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00$"#, options: .regularExpression), text, file: file, line: line)
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
        let date = try XCTUnwrap(f.date(from: text), text, file: file, line: line)
        XCTAssertLessThan(abs(date.timeIntervalSinceNow), 600, text, file: file, line: line)
    }

    /// The sum of 实发绩效 of a pay CSV, with two decimals (added in cents: exact).
    static func payableTotal(_ path: String) throws -> String {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map(Self.fields)
        let column = rows[0].firstIndex(of: "实发绩效")!
        var cents = 0
        for r in rows.dropFirst() {
            let parts = r[column].split(separator: ".")
            cents += Int(parts[0])! * 100 + Int(parts[1])!
        }
        return "\(cents / 100).\(String(format: "%02d", cents % 100))"
    }

    /// One CSV record of quoted fields (the pay CSV quotes every field; none here holds a line end).
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false, previous: Character = " "
        for c in line {
            if c == "\"" { if quoted { quoted = false } else { if previous == "\"" { field.append("\"") }; quoted = true } }
            else if c == "," && !quoted { out.append(field); field = "" }
            else { field.append(c) }
            previous = c
        }
        out.append(field)
        return out
    }
}
