import Foundation
import XCTest

/// `gridpay serve --tls-cert/--tls-key` against the built binary (SPEC §14): HTTPS with a
/// certificate made here by the `openssl` command, a login through `curl` trusting only that
/// certificate, the cookie Secure; plain HTTP to the port fails; a wrong file is named before the
/// server starts. openssl and curl are Debian packages scripts/install-deps.sh installs.
final class ConsoleTLSTests: XCTestCase {
    /// A self-signed certificate for 127.0.0.1 and its key (P-256: quick to make), in the harness's folder.
    static func makeCertificate(_ h: ConsoleHarness, name: String) throws -> (cert: String, key: String) {
        let cert = h.root.path("\(name)-cert.pem"), key = h.root.path("\(name)-key.pem")
        let made = try BinaryRunner.run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                         "-keyout", key, "-out", cert, "-days", "3650", "-subj", "/CN=127.0.0.1",
                                         "-addext", "subjectAltName=IP:127.0.0.1"], binary: try tool("openssl"))
        XCTAssertEqual(made.status, 0, made.stderr)
        return (cert, key)
    }

    /// A tool from the system's packages, or a failure saying how to get it.
    static func tool(_ name: String) throws -> String {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        XCTFail("\(name) is not installed: bash scripts/install-deps.sh installs it (Debian package \(name))")
        throw ConsoleTestError("\(name) missing")
    }

    /// `curl` with `arguments`: exit status, the response's headers and body.
    static func curl(_ arguments: [String], in h: ConsoleHarness) throws -> (status: Int32, headers: String, body: String, stderr: String) {
        let headers = h.root.path("curl-\(UUID().uuidString).headers")
        let out = try BinaryRunner.run(["-sS", "--max-time", "30", "-D", headers] + arguments, binary: try tool("curl"))
        let head = (try? String(contentsOfFile: headers, encoding: .utf8)) ?? ""
        return (out.status, head, out.stdout, out.stderr)
    }

    func testTheConsoleServesHTTPSWithTheGivenCertificateAndTheCookieIsSecure() throws {
        let h = try ConsoleHarness()
        try h.addUser("clerk", roles: ["制表"], towns: ["qinghe"])
        let (cert, key) = try Self.makeCertificate(h, name: "server")
        try h.start(["--tls-cert", cert, "--tls-key", key])
        let announced = try String(contentsOfFile: h.root.path("serve.out"), encoding: .utf8)
        XCTAssertEqual(announced, "控制台已启动：https://127.0.0.1:\(h.port)/ （按 Ctrl-C 停止）\n")
        let base = "https://127.0.0.1:\(h.port)"
        let body = #"{"name":"clerk","password":"\#(ConsoleHarness.password)"}"#
        let login = try Self.curl(["--cacert", cert, "-H", "Content-Type: application/json", "--data", body, "\(base)/api/login"], in: h)
        XCTAssertEqual(login.status, 0, login.stderr)
        XCTAssertTrue(login.headers.hasPrefix("HTTP/1.1 200"), login.headers)
        let setCookie = login.headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") }.map(String.init) ?? ""
        // Secure without --secure-cookie: the console itself is reached over HTTPS.
        XCTAssertTrue(setCookie.contains("; Secure") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie)
        let signedIn = (try JSONSerialization.jsonObject(with: Data(login.body.utf8))) as? [String: Any] ?? [:]
        XCTAssertEqual(signedIn["roles"] as? [String], ["制表"])
        XCTAssertEqual(signedIn["towns"] as? [String], ["qinghe"])
        // The session works over HTTPS.
        let cookie = String(setCookie.dropFirst("set-cookie: ".count).split(separator: ";")[0])
        let towns = try Self.curl(["--cacert", cert, "-H", "Cookie: \(cookie)", "\(base)/api/towns"], in: h)
        XCTAssertTrue(towns.headers.hasPrefix("HTTP/1.1 200"), towns.headers)
        let townList = (try JSONSerialization.jsonObject(with: Data(towns.body.utf8))) as? [[String: Any]] ?? []
        XCTAssertEqual(townList.compactMap { $0["town"] as? String }, ["qinghe"])
        // A client that does not trust the certificate refuses it (curl: 60, peer certificate cannot be authenticated).
        XCTAssertEqual(try Self.curl(["\(base)/login"], in: h).status, 60)
        // Plain HTTP to the TLS port gets no answer; the server goes on serving HTTPS.
        let plain = try Self.curl(["http://127.0.0.1:\(h.port)/login"], in: h)
        XCTAssertNotEqual(plain.status, 0, plain.headers + plain.body)
        XCTAssertFalse(plain.headers.hasPrefix("HTTP/"), plain.headers)
        XCTAssertThrowsError(try h.client().get("/login"), "URLSession over plain HTTP")
        XCTAssertTrue(try Self.curl(["--cacert", cert, "\(base)/login"], in: h).headers.hasPrefix("HTTP/1.1 200"))
    }

    /// Every problem with the files, named with its file and who fixes it, before the server starts; exit 1.
    func testWrongCertificateOrKeyFilesAreNamedBeforeTheServerStarts() throws {
        let h = try ConsoleHarness()
        try h.addUser("clerk", roles: ["制表"])
        let (cert, key) = try Self.makeCertificate(h, name: "server")
        let (_, otherKey) = try Self.makeCertificate(h, name: "other")
        let encrypted = h.root.path("encrypted-key.pem")
        XCTAssertEqual(try BinaryRunner.run(["pkey", "-in", key, "-aes256", "-passout", "pass:secret-words", "-out", encrypted],
                                            binary: try Self.tool("openssl")).status, 0)
        let garbage = h.root.path("notes.txt")
        try "这不是证书\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        let missingCert = h.root.path("nowhere/cert.pem"), missingKey = h.root.path("nowhere/key.pem")
        func serve(_ cert: String, _ key: String) throws -> BinaryRunner.Output {
            try h.gridpay(["serve", "--listen", "127.0.0.1:0", "--console-dir", h.root.path("Console"), "--tls-cert", cert, "--tls-key", key]
                          + h.folderArguments)
        }
        let cases: [(String, String, String)] = [
            (missingCert, missingKey, """
                找不到 --tls-cert 给出的文件 \(missingCert)；请系统管理员核对路径，或把证书颁发机构给的文件放到该处
                找不到 --tls-key 给出的文件 \(missingKey)；请系统管理员核对路径，或把证书颁发机构给的文件放到该处
                """),
            (h.root.path("Rules"), key, "--tls-cert 给出的 \(h.root.path("Rules")) 是文件夹，不是文件；请系统管理员给出其中 PEM 文件的完整路径"),
            (garbage, key, "--tls-cert 给出的 \(garbage) 里没有 PEM 格式的证书（应有 -----BEGIN CERTIFICATE----- 开头的一段）；请系统管理员换上证书颁发机构给的证书文件（DER 格式的可用 openssl x509 -inform der -in 原文件 -out 新文件.pem 转换）"),
            (key, cert, """
                --tls-cert 给出的 \(key) 是私钥，不是证书：--tls-cert 和 --tls-key 是否写反了？请系统管理员核对
                --tls-key 给出的 \(cert) 是证书，不是私钥：--tls-cert 和 --tls-key 是否写反了？请系统管理员核对
                """),
            (cert, garbage, "--tls-key 给出的 \(garbage) 里没有可用的 PEM 格式私钥（应有 -----BEGIN PRIVATE KEY----- 或 -----BEGIN RSA/EC PRIVATE KEY----- 开头的一段）；请系统管理员给出与证书一起生成的私钥文件"),
            (cert, encrypted, "--tls-key 给出的私钥 \(encrypted) 设有密码，控制台无法在无人值守时读取；请系统管理员另存一份不带密码的私钥（openssl pkey -in 原文件 -out 新文件），并只让运行 gridpay 的系统用户能读取它"),
            (cert, otherKey, "--tls-key 给出的私钥 \(otherKey) 与 --tls-cert 给出的证书 \(cert) 不是一对（私钥要与证书文件中的第一张证书，即本服务器的证书对应）；请系统管理员给出与该证书一起生成的私钥"),
        ]
        for (c, k, expected) in cases {
            let out = try serve(c, k)
            XCTAssertEqual(out.status, 1, out.transcript)
            XCTAssertEqual(out.stdout, "", "nothing served")
            XCTAssertEqual(out.stderr, expected + "\n")
        }
        // Together with the other reason not to start: no account yet.
        let empty = try ConsoleHarness()
        let both = try empty.gridpay(["serve", "--listen", "127.0.0.1:0", "--console-dir", empty.root.path("Console"),
                                      "--tls-cert", cert, "--tls-key", otherKey] + empty.folderArguments)
        XCTAssertEqual(both.status, 1)
        XCTAssertTrue(both.stderr.hasPrefix("--tls-key 给出的私钥 \(otherKey) 与 --tls-cert") && both.stderr.contains("\n控制台还没有任何账号，无法启动。"), both.stderr)
        // One without the other.
        let alone = try h.gridpay(["serve", "--console-dir", h.root.path("Console"), "--tls-cert", cert] + h.folderArguments)
        XCTAssertEqual(alone.status, 1)
        XCTAssertTrue(alone.stderr.contains("--tls-cert 和 --tls-key 要一起给出：证书文件和它的私钥文件"), alone.stderr)
        // In English when asked for.
        h.language = "en"
        XCTAssertEqual(try serve(cert, otherKey).stderr, "the private key \(otherKey) given to --tls-key does not belong to the certificate \(cert) given to --tls-cert (it must match the file's first certificate, this server's own); the system administrator can give the key made with that certificate\n")
    }
}
