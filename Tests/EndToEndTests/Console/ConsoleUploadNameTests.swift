import Foundation
import XCTest

/// Uploads under the names a town's rule file declares as its platform names them (QA H21, H23):
/// a Chinese name (名册.csv: the browser sends it percent-encoded) and a pattern (巡查-*.csv, SPEC
/// §16: every match is read), each match listed on the period with its size and SHA-256.
final class ConsoleUploadNameTests: XCTestCase {
    let source = "\(BinaryRunner.packageRoot.path)/Input/qinghe/2026-08"

    static func encoded(_ name: String) -> String { name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }

    func testAChineseNameAndEveryMatchOfAPatternAreUploadedListedAndRun() throws {
        let h = try ConsoleHarness(towns: ["qinghe"])
        let rules = h.root.path("Rules/qinghe.toml")
        try String(contentsOfFile: rules, encoding: .utf8)
            .replacingOccurrences(of: "file = \"roster.csv\"", with: "file = \"名册.csv\"")
            .replacingOccurrences(of: "file = \"patrol.csv\"", with: "file = \"巡查-*.csv\"")
            .write(toFile: rules, atomically: true, encoding: .utf8)
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.start()
        let clerk = try h.signedIn("clerk")
        let p = "/api/towns/qinghe/periods/2026-08"

        // The patrol export split in two, each with the header, as a platform exporting by village would.
        let patrol = try String(contentsOfFile: "\(source)/patrol.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let half = patrol.count / 2
        let first = patrol[0..<half].joined(separator: "\n") + "\n"
        let second = ([patrol[0]] + patrol[half...]).joined(separator: "\n")
        var uploads: [(String, Data)] = [("名册.csv", try Data(contentsOf: URL(fileURLWithPath: "\(source)/roster.csv"))),
                                         ("巡查-1.csv", Data(first.utf8)), ("巡查-2.csv", Data(second.utf8))]
        for f in ["events.csv", "phone_checks.csv", "training.csv", "visits.csv"] {
            uploads.append((f, try Data(contentsOf: URL(fileURLWithPath: "\(source)/\(f)"))))
        }
        for (name, data) in uploads {
            let r = try clerk.put("\(p)/inputs/\(Self.encoded(name))", data)
            XCTAssertEqual(r.status, 201, "\(name): \(r.text)")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: h.root.path("Input/qinghe/2026-08/\(name)"))), data, name)
        }
        // A name the pattern does not match, and one that would leave the folder, are refused; nothing is written.
        for name in ["patrol.csv", "巡查-../../x.csv"] {
            let r = try clerk.put("\(p)/inputs/\(Self.encoded(name))", Data("a\n".utf8))
            XCTAssertEqual(r.status, 400, "\(name): \(r.text)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.root.path("Input/x.csv")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: h.root.path("Input/qinghe/2026-08/patrol.csv")))

        // The period lists the pattern (present) and then each match, in the order the run reads them.
        let inputs = (try clerk.get(p).object["inputs"] as? [[String: Any]]) ?? []
        XCTAssertEqual(inputs.map { "\($0["file"] as? String ?? "?") \($0["present"] as? Bool == true ? "present" : "missing")" },
                       ["名册.csv present", "巡查-*.csv present", "巡查-1.csv present", "巡查-2.csv present",
                        "events.csv present", "phone_checks.csv present", "training.csv present", "visits.csv present"])
        XCTAssertEqual(inputs[3]["bytes"] as? Int, second.utf8.count)
        let page = try clerk.get("/towns/qinghe/periods/2026-08").text
        XCTAssertTrue(page.contains("data-pattern=\"巡查-*.csv\""), page)

        // The run reads both files: the pay CSV is byte for byte the command's on the unsplit export.
        let run = try clerk.post("\(p)/run").object
        XCTAssertEqual(run["ok"] as? Bool, true, "\(run)")
        let out = try BinaryRunner.TempFolder()
        let cli = try h.gridpay(["run", "qinghe", "2026-08", "--rules-dir", BinaryRunner.rulesDir,
                                 "--input-dir", "\(BinaryRunner.packageRoot.path)/Input", "--output-dir", out.path])
        XCTAssertEqual(cli.status, 0, cli.transcript)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: h.root.path("Output/qinghe/2026-08/qinghe-2026-08-pay.csv"))),
                       try Data(contentsOf: URL(fileURLWithPath: "\(out.path)/qinghe/2026-08/qinghe-2026-08-pay.csv")))
    }
}
