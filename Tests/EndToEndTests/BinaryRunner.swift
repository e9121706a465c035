import Foundation
import XCTest
import ZIPFoundation

/// Shared helpers for the end-to-end tests: where things are, running the built `gridpay`
/// binary, scratch folders, snapshots of folders and reading back the workbook.
///
/// The binary is `<package root>/.build/debug/gridpay` unless the environment variable
/// GRIDPAY_BIN names another one (e.g. a build with its own --scratch-path). Build it first:
/// a missing binary fails the test with a message saying so, it is never skipped.
enum BinaryRunner {
    /// The package root, found from this file's own path: Tests/EndToEndTests/BinaryRunner.swift.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // EndToEndTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static var rulesDir: String { packageRoot.appendingPathComponent("Rules").path }
    static var fixturesDir: String { packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures").path }

    static var binaryPath: String {
        if let env = ProcessInfo.processInfo.environment["GRIDPAY_BIN"], !env.isEmpty { return env }
        return packageRoot.appendingPathComponent(".build/debug/gridpay").path
    }

    /// `gridpay-datagen`: GRIDPAY_DATAGEN_BIN, else beside the gridpay binary (same build).
    static var datagenBinaryPath: String {
        if let env = ProcessInfo.processInfo.environment["GRIDPAY_DATAGEN_BIN"], !env.isEmpty { return env }
        return URL(fileURLWithPath: binaryPath).deletingLastPathComponent().appendingPathComponent("gridpay-datagen").path
    }

    /// What one run of the binary printed, and how it ended.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var arguments: [String]

        /// stderr split into lines (no empty trailing line).
        var stderrLines: [String] { Self.lines(stderr) }
        var stdoutLines: [String] { Self.lines(stdout) }
        /// `path:line:col: error: …` lines and `error: …` summary lines.
        var errorLines: [String] { stderrLines.filter { $0.contains(": error: ") || $0.hasPrefix("error: ") } }
        var warningLines: [String] { stderrLines.filter { $0.contains(": warning: ") || $0.hasPrefix("warning: ") } }

        static func lines(_ s: String) -> [String] {
            var l = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if l.last == "" { l.removeLast() }
            return l
        }

        /// For assertion messages.
        var transcript: String {
            "gridpay \(arguments.joined(separator: " "))\nexit status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)---"
        }
    }

    /// What a Python tool (an oracle, a sample generator, a comparison) printed, and how it ended.
    struct ToolOutput {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `python3` with `arguments` (a tool of Tools/ and its arguments) from the package
    /// root, stdout and stderr going to files (no pipe can fill up).
    static func python(_ arguments: [String]) throws -> ToolOutput {
        let scratch = try TempFolder(prefix: "gridpay-py")
        let out = scratch.path("out"), err = scratch.path("err")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + arguments
        p.currentDirectoryURL = packageRoot
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try p.run()
        p.waitUntilExit()
        return ToolOutput(status: p.terminationStatus, stdout: try String(contentsOfFile: out, encoding: .utf8),
                          stderr: try String(contentsOfFile: err, encoding: .utf8))
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        var description: String
    }

    /// The tests' language: English, the fixtures' and goldens' own, whatever the machine's locale
    /// (a test of the Chinese wording passes `GRIDPAY_LANG=zh` in its `environment`).
    /// And UTC as the local time zone, which `status` shows its times in (a test of another zone
    /// passes `TZ`).
    static let language = ["GRIDPAY_LANG": "en", "TZ": "UTC"]

    /// Runs the binary with `arguments` in `directory` (default: the package root), stdout and
    /// stderr going to files (no pipe can fill up), and waits at most `timeout` seconds.
    static func run(_ arguments: [String], binary: String? = nil, timeout: TimeInterval = 60, environment: [String: String] = [:],
                    directory: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Output {
        let binary = binary ?? binaryPath
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            let message = "the \((binary as NSString).lastPathComponent) binary is missing: no executable at \(binary). Build it first "
                + "(swift build), or set GRIDPAY_BIN to a built binary "
                + "(e.g. GRIDPAY_BIN=<package>/.build-x/debug/gridpay after swift build --scratch-path .build-x)."
            XCTFail(message, file: file, line: line)
            throw BinaryMissing(description: message)
        }
        let scratch = try TempFolder(prefix: "gridpay-e2e-run")
        let outURL = URL(fileURLWithPath: scratch.path("stdout"))
        let errURL = URL(fileURLWithPath: scratch.path("stderr"))
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(Self.language) { $1 }.merging(environment) { $1 }
        process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            XCTFail("gridpay \(arguments.joined(separator: " ")) did not finish within \(timeout) s", file: file, line: line)
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr, arguments: arguments)
    }

    /// `gridpay run <town> <month>` with the repository's Rules folder, `inputDir` and `outputDir`.
    static func runMonth(inputDir: String, outputDir: String, town: String = "qinghe", month: String = "2026-10",
                         accept: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> Output {
        var args = ["run", town, month, "--rules-dir", rulesDir, "--input-dir", inputDir, "--output-dir", outputDir]
        for a in accept { args += ["--accept", a] }
        return try run(args, file: file, line: line)
    }

    /// A fresh folder, removed when the object goes away.
    final class TempFolder {
        let url: URL
        var path: String { url.path }

        init(prefix: String = "gridpay-e2e") throws {
            url = FileManager.default.temporaryDirectory
                .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// Every file and folder under `root` (relative paths; folders end in "/"), with each
    /// file's bytes: to show that a failed run left a folder exactly as it was.
    static func snapshot(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: root) else { return out }
        while let rel = e.nextObject() as? String {
            let full = root + "/" + rel
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: full, isDirectory: &isDir)
            if isDir.boolValue { out[rel + "/"] = Data() } else { out[rel] = fm.contents(atPath: full) ?? Data() }
        }
        return out
    }

    // MARK: reading back the workbook

    /// Every part of an .xlsx (a zip), decoded as UTF-8 text.
    static func xlsxParts(_ path: String) throws -> [String: String] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    /// The worksheet XML of the sheet named `name`, found through workbook.xml and its rels.
    static func sheetXML(named name: String, in parts: [String: String]) -> String? {
        guard let workbook = parts["xl/workbook.xml"], let rels = parts["xl/_rels/workbook.xml.rels"] else { return nil }
        let escaped = NSRegularExpression.escapedPattern(for: xmlEscaped(name))
        guard let rid = firstMatch(#"<sheet [^>]*name="\#(escaped)"[^>]*r:id="([^"]+)""#, in: workbook),
              let target = firstMatch(#"<Relationship [^>]*Id="\#(NSRegularExpression.escapedPattern(for: rid))"[^>]*Target="([^"]+)""#, in: rels)
                ?? firstMatch(#"<Relationship [^>]*Target="([^"]+)"[^>]*Id="\#(NSRegularExpression.escapedPattern(for: rid))""#, in: rels)
        else { return nil }
        let partName = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        return parts[partName]
    }

    /// The cells of a worksheet, row by row, as text: inline strings (what the workbook writer
    /// produces) unescaped, numbers as written, empty cells as "".
    static func sheetRows(_ xml: String) -> [[String]] {
        var rows: [[String]] = []
        for rowXML in allMatches(#"<row [^>]*>(.*?)</row>"#, in: xml) {
            var cells: [String] = []
            for cell in allMatches(#"<c [^>]*?(?:/>|>(.*?)</c>)"#, in: rowXML, allowEmpty: true) {
                if let t = firstMatch(#"<t[^>]*>(.*?)</t>"#, in: cell) {
                    cells.append(xmlUnescaped(t))
                } else if let v = firstMatch(#"<v>(.*?)</v>"#, in: cell) {
                    cells.append(xmlUnescaped(v))
                } else {
                    cells.append("")
                }
            }
            rows.append(cells)
        }
        return rows
    }

    static func xmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func xmlUnescaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The first capture group of the first match.
    static func firstMatch(_ pattern: String, in text: String) -> String? {
        allMatches(pattern, in: text).first
    }

    /// The first capture group of every match ("" where it did not take part, if allowEmpty).
    static func allMatches(_ pattern: String, in text: String, allowEmpty: Bool = false) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let r = m.range(at: 1)
            if r.location == NSNotFound { return allowEmpty ? "" : nil }
            return ns.substring(with: r)
        }
    }

    /// Asserts that `haystack` contains `needle`, showing both when it does not.
    static func assertContains(_ haystack: String, _ needle: String, _ context: @autoclosure () -> String = "",
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(haystack.contains(needle), "expected to find\n\(needle)\nin\n\(haystack)\n\(context())", file: file, line: line)
    }
}
