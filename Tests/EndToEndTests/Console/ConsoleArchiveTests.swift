import Foundation
import GridpayHash
import XCTest

/// SPEC §14: an auditor downloads the ledger's archived inputs of a closed period, byte for byte
/// as they were closed, whatever Input/ holds today; nobody else, and nothing of an open period.
final class ConsoleArchiveTests: XCTestCase {
    func testAnAuditorDownloadsTheInputsArchivedAtClosing() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        let source = BinaryRunner.packageRoot.appendingPathComponent("Input/qinghe/2026-08").path
        try FileManager.default.createDirectory(atPath: h.root.path("Input/qinghe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: h.root.path("Input/qinghe/2026-08"))
        XCTAssertEqual(try h.gridpay(["close", "qinghe", "2026-08", "--by", "张三"] + h.folderArguments).status, 0)
        // Today's folder differs from what was closed: the archive still gives the closed bytes.
        try "changed after closing\n".write(toFile: h.root.path("Input/qinghe/2026-08/phone_checks.csv"), atomically: true, encoding: .utf8)
        try h.addUser("auditor", roles: ["审计"], towns: ["qinghe"])
        try h.addUser("clerk", roles: ["制表", "审核"], towns: ["qinghe"])
        try h.start()
        let auditor = try h.signedIn("auditor")
        let p = "/api/towns/qinghe/periods/2026-08"
        let list = try auditor.get("\(p)/archive")
        XCTAssertEqual(list.status, 200, list.text)
        let items = list.json as? [[String: Any]] ?? []
        let expected = try FileManager.default.contentsOfDirectory(atPath: source).sorted()
        XCTAssertEqual(items.compactMap { $0["file"] as? String }, expected)
        for item in items {
            let file = item["file"] as! String
            let original = try Data(contentsOf: URL(fileURLWithPath: "\(source)/\(file)"))
            XCTAssertEqual(item["bytes"] as? Int, original.count, file)
            XCTAssertEqual(item["sha256"] as? String, try SHA256Digest.hex(Array(original)), file)
            let download = try auditor.get("\(p)/archive/file?name=\(file)")
            XCTAssertEqual(download.status, 200, file)
            XCTAssertEqual(download.body, original, file)
            XCTAssertEqual(download.header("Content-Disposition"), "attachment; filename=\"download\"; filename*=UTF-8''\(file.replacingOccurrences(of: ".", with: "%2E").replacingOccurrences(of: "_", with: "%5F"))")
        }
        // The period's page links them for the auditor, not for the clerk.
        let page = try auditor.get("/towns/qinghe/periods/2026-08")
        XCTAssertTrue(page.text.contains("<div class=\"card\" id=\"archive\"><h2>账本存档的输入文件（结账时）</h2>"), page.text)
        XCTAssertTrue(page.text.contains("<a href=\"\(p)/archive/file?name=roster%2Ecsv\">roster.csv</a>"), page.text)
        let clerk = try h.signedIn("clerk")
        XCTAssertFalse(try clerk.get("/towns/qinghe/periods/2026-08").text.contains("id=\"archive\""))
        XCTAssertEqual(try clerk.get("\(p)/archive").status, 403)
        XCTAssertEqual(try clerk.get("\(p)/archive/file?name=roster.csv").status, 403)
        // A name the archive does not hold, and a period not closed.
        XCTAssertEqual(try auditor.get("\(p)/archive/file?name=..%2Froster.csv").status, 404)
        let open = try auditor.get("/api/towns/qinghe/periods/2026-09/archive")
        XCTAssertEqual(open.status, 409)
        XCTAssertEqual(open.object["error"] as? String, "这个期间还没有结账，账本里没有存档的输入文件")
    }
}
