import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// A console served by the built binary on a free loopback port, over scratch folders (Rules/
/// with the repository's rule files, empty Input/), with its accounts added by `gridpay user`.
final class ConsoleHarness {
    let root: BinaryRunner.TempFolder
    var process: Process?
    var port = 0
    static let password = "pass-word-123"

    init(towns: [String] = ["qinghe", "jinshan"]) throws {
        root = try BinaryRunner.TempFolder(prefix: "gridpay-console")
        try FileManager.default.createDirectory(atPath: root.path("Rules"), withIntermediateDirectories: true)
        for t in towns { try FileManager.default.copyItem(atPath: "\(BinaryRunner.rulesDir)/\(t).toml", toPath: root.path("Rules/\(t).toml")) }
    }

    var folderArguments: [String] {
        ["--rules-dir", root.path("Rules"), "--input-dir", root.path("Input"), "--output-dir", root.path("Output"),
         "--ledger-dir", root.path("Ledger")]
    }

    /// The language the binary is run in (GRIDPAY_LANG), whatever the machine's locale.
    var language = "zh"
    /// More of the binary's environment (e.g. TZ, the zone the console shows its times in).
    var environment: [String: String] = [:]

    /// `gridpay <arguments>` with `stdin` as its standard input.
    @discardableResult
    func gridpay(_ arguments: [String], stdin: String? = nil) throws -> BinaryRunner.Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
        p.arguments = arguments
        p.currentDirectoryURL = root.url
        p.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["GRIDPAY_LANG": language]) { $1 }) { $1 }
        let input = Pipe(), out = root.path("out-\(UUID().uuidString)"), err = root.path("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        p.standardInput = input
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        return BinaryRunner.Output(status: p.terminationStatus, stdout: try String(contentsOfFile: out, encoding: .utf8),
                                   stderr: try String(contentsOfFile: err, encoding: .utf8), arguments: arguments)
    }

    func addUser(_ name: String, roles: [String], towns: [String] = []) throws {
        let out = try gridpay(["user", "add", name, "--password-stdin", "--console-dir", root.path("Console")]
                              + roles.flatMap { ["--role", $0] } + towns.flatMap { ["--town", $0] }, stdin: Self.password + "\n")
        XCTAssertEqual(out.status, 0, out.transcript)
    }

    /// Starts `gridpay serve` on port 0 and reads the port it announces (http:// or https://).
    func start(_ extra: [String] = []) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
        p.arguments = ["serve", "--listen", "127.0.0.1:0", "--console-dir", root.path("Console")] + folderArguments + extra
        p.currentDirectoryURL = root.url
        // The console in `language`, whatever the machine's locale (ConsoleMonthTests compares its
        // downloads with the command's run in the same language).
        p.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["GRIDPAY_LANG": language]) { $1 }) { $1 }
        let out = root.path("serve.out")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: root.path("serve.err"), contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: root.path("serve.err")))
        p.standardInput = FileHandle.nullDevice
        try p.run()
        process = p
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if let r = text.range(of: #"https?://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                port = Int(text[r].split(separator: ":").last!.dropLast())!
                return
            }
            guard p.isRunning else { break }
            usleep(20_000)
        }
        throw ConsoleTestError("serve did not start: \((try? String(contentsOfFile: root.path("serve.err"), encoding: .utf8)) ?? "")")
    }

    func stop() {
        guard let p = process, p.isRunning else { return }
        p.terminate()
        p.waitUntilExit()
    }

    deinit { stop() }

    func client() -> ConsoleClient { ConsoleClient(port: port) }

    /// A client signed in as `name`.
    func signedIn(_ name: String) throws -> ConsoleClient {
        let c = client()
        let r = try c.login(name, Self.password)
        guard r.status == 200 else { throw ConsoleTestError("login of \(name): \(r.status) \(r.text)") }
        return c
    }
}

struct ConsoleTestError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// One browser-like user: its session cookie and CSRF token, requests made one at a time.
final class ConsoleClient {
    let port: Int
    var cookie: String?
    var csrf: String?
    let session: URLSession

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    /// The answer handed from URLSession's queue to the waiting test (the semaphore orders the two).
    final class ReplyBox: @unchecked Sendable {
        var result: Result<Reply, any Error> = .failure(ConsoleTestError("no answer"))
    }

    init(port: Int) {
        self.port = port
        let config = URLSessionConfiguration.ephemeral
        config.httpCookieStorage = nil
        config.httpShouldSetCookies = false
        config.timeoutIntervalForRequest = 300
        session = URLSession(configuration: config)
    }

    func request(_ method: String, _ path: String, body: Data? = nil, json: Any? = nil, csrf sendCSRF: Bool = true,
                 headers: [String: String] = [:]) throws -> Reply {
        var r = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        r.httpMethod = method
        if let cookie { r.setValue("gridpay_session=\(cookie)", forHTTPHeaderField: "Cookie") }
        if sendCSRF, let csrf { r.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
        if let json {
            r.httpBody = try JSONSerialization.data(withJSONObject: json)
            r.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body { r.httpBody = body }
        let done = DispatchSemaphore(value: 0)
        let box = ReplyBox()
        session.dataTask(with: r) { data, response, error in
            if let error { box.result = .failure(error) } else if let h = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (k, v) in h.allHeaderFields { headers["\(k)"] = "\(v)" }
                box.result = .success(Reply(status: h.statusCode, headers: headers, body: data ?? Data()))
            }
            done.signal()
        }.resume()
        done.wait()
        return try box.result.get()
    }

    func get(_ path: String) throws -> Reply { try request("GET", path) }
    func post(_ path: String, json: Any? = nil, csrf: Bool = true) throws -> Reply { try request("POST", path, json: json, csrf: csrf) }
    func put(_ path: String, _ data: Data) throws -> Reply { try request("PUT", path, body: data) }

    func login(_ name: String, _ password: String) throws -> Reply {
        let r = try request("POST", "/api/login", json: ["name": name, "password": password])
        if r.status == 200, let setCookie = r.header("Set-Cookie"),
           let value = setCookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last {
            cookie = String(value)
            csrf = r.object["csrf"] as? String
        }
        return r
    }
}
