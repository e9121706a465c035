import Foundation
import XCTest

/// The console in a real browser: Debian's Chromium and chromium-driver with Selenium (PyPI),
/// installed by scripts/install-deps.sh. The clerk's month and the auditor's verify, driven by
/// Console/Browser/clerk_and_auditor.py, and the governance office's rule workspace, driven by
/// Console/Browser/rule_workspace.py; their screenshots (1366×768) are left in
/// .build/console-screenshots/ and .build/console-screenshots-rules/ to be looked at.
final class ConsoleBrowserTests: XCTestCase {
    func testTheClerksMonthAndTheAuditorsVerifyInABrowser() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            guard FileManager.default.isExecutableFile(atPath: tool) else {
                return XCTFail("\(tool) is missing: run scripts/install-deps.sh (Debian's chromium and chromium-driver, and selenium from PyPI)")
            }
        }
        let h = try ConsoleHarness()
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        try h.addUser("checker", roles: ["审核"], towns: ["qinghe"])
        try h.addUser("auditor", roles: ["审计"], towns: ["qinghe"])
        try h.start()
        let shots = BinaryRunner.packageRoot.appendingPathComponent(".build/console-screenshots").path
        try? FileManager.default.removeItem(atPath: shots)
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let script = "Tests/EndToEndTests/Console/Browser/clerk_and_auditor.py"
        let out = try BinaryRunner.python([script, "\(h.port)", ConsoleHarness.password,
                                           "\(BinaryRunner.packageRoot.path)/Input/qinghe/2026-08", shots])
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.hasSuffix("10 passed, 0 failed\n"), out.stdout + out.stderr)
        let pictures = try FileManager.default.contentsOfDirectory(atPath: shots).filter { $0.hasSuffix(".png") }
        XCTAssertEqual(pictures.count, 10, "\(pictures)")
    }

    /// Issue 24: a draft saved with an error (shown beside its line, its column marked), fixed (a
    /// test then fails beside its line, and adoption is refused), its test corrected, compared on
    /// 2026-10 (the compare workbook linked) and adopted from 2026-11.
    func testTheRuleWorkspaceInABrowser() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            guard FileManager.default.isExecutableFile(atPath: tool) else {
                return XCTFail("\(tool) is missing: run scripts/install-deps.sh (Debian's chromium and chromium-driver, and selenium from PyPI)")
            }
        }
        let h = try ConsoleHarness(towns: ["qinghe"])
        try FileManager.default.createDirectory(atPath: h.root.path("Input/qinghe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(BinaryRunner.packageRoot.path)/Input/qinghe/2026-10", toPath: h.root.path("Input/qinghe/2026-10"))
        try h.addUser("gov", roles: ["规则"], towns: ["qinghe"])
        try h.start()
        let shots = BinaryRunner.packageRoot.appendingPathComponent(".build/console-screenshots-rules").path
        try? FileManager.default.removeItem(atPath: shots)
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let out = try BinaryRunner.python(["Tests/EndToEndTests/Console/Browser/rule_workspace.py", "\(h.port)", ConsoleHarness.password, shots])
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.hasSuffix("6 passed, 0 failed\n"), out.stdout + out.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: shots).filter { $0.hasSuffix(".png") }.count, 6)
        // What the browser did, on disk: the adopted version, its tests corrected.
        let adopted = try String(contentsOfFile: h.root.path("Rules/qinghe/2026.2.toml"), encoding: .utf8)
        XCTAssertTrue(adopted.contains("effective_from = \"2026-11\"") && adopted.contains("\"总分\" = 4.3"), adopted)
    }
}
