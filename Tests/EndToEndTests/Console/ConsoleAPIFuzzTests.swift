import Foundation
import XCTest

/// Schemathesis (PyPI, installed by scripts/install-deps.sh) against /api/openapi.json: requests
/// generated from the document, signed in with every role, on qinghe 2026-08 with its exports
/// present. Every answer must match the document (status, content type, schema), no 5xx, and a
/// method the document does not name is 405. Login and logout are left out (they would end the
/// session the fuzzer uses); ConsoleAccessTests covers them. Bounded: 3 examples per operation, 60 seconds at most (the stateful phase is left out: its
/// sequences of runs take minutes).
final class ConsoleAPIFuzzTests: XCTestCase {
    func testTheAPIAnswersAsItsOpenAPIDocumentSays() throws {
        let check = try BinaryRunner.python(["-m", "schemathesis.cli", "--version"])
        guard check.status == 0 else { return XCTFail("schemathesis is missing: run scripts/install-deps.sh (\(check.stderr))") }
        let h = try ConsoleHarness(towns: ["qinghe"])
        try FileManager.default.createDirectory(atPath: h.root.path("Input/qinghe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(BinaryRunner.packageRoot.path)/Input/qinghe/2026-08", toPath: h.root.path("Input/qinghe/2026-08"))
        try h.addUser("all", roles: ["制表", "审核", "审计", "管理员"])
        try h.start()
        let c = try h.signedIn("all")
        // The shared settings, and the session's CSRF token as the value of the header the document declares.
        let config = try String(contentsOfFile: "\(BinaryRunner.packageRoot.path)/Tests/EndToEndTests/Console/Fuzz/schemathesis.toml", encoding: .utf8)
            + "\"header.X-CSRF-Token\" = \"\(c.csrf ?? "")\"\n"
        try config.write(toFile: h.root.path("schemathesis.toml"), atomically: true, encoding: .utf8)
        let out = try BinaryRunner.python([
            "-m", "schemathesis.cli", "--config-file", h.root.path("schemathesis.toml"),
            "run", "http://127.0.0.1:\(h.port)/api/openapi.json", "--url", "http://127.0.0.1:\(h.port)",
            "-H", "Cookie: gridpay_session=\(c.cookie ?? "")",
            "--checks", "all", "--phases", "examples,coverage,fuzzing", "--max-examples", "3", "--seed", "1", "--max-time", "60", "--no-color",
            "--exclude-path", "/api/login", "--exclude-path", "/api/logout",
        ])
        XCTAssertEqual(out.status, 0, out.stdout + out.stderr)
        // The server is still up and answering.
        XCTAssertEqual(try c.get("/api/towns").status, 200)
    }
}
