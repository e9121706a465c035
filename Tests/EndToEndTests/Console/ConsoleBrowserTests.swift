import Foundation
import XCTest

/// The console in a real browser: Debian's Chromium and chromium-driver with Selenium (PyPI),
/// installed by scripts/install-deps.sh. The clerk's month and the auditor's verify, driven by
/// Console/Browser/clerk_and_auditor.py; its screenshots (1366×768) are left in
/// .build/console-screenshots/ to be looked at.
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
}
