import Foundation
import XCTest
@testable import GridpayCore

/// Bad-rule fixtures in OpenFisca's style: one valid base rule file (BadRules/base.toml) and,
/// per kind of problem, a fixture of a few changed lines with the exact messages expected,
/// each with its file:line:column. A fixture file (BadRules/<kind>[-<variant>].fixture):
///
///     # what is wrong (free text)
///     @@ replace <a line of the base>     the line (matched trimmed) is replaced by the lines below
///     @@ after <a line of the base>       the lines below are inserted after it
///     @@ append                           the lines below are added at the end
///     @@ file                             the lines below are the whole rule file (no base)
///     @@ expect                           the diagnostics, one a line, as `base.toml:L:C: error: …`
///
/// Anchors are searched from where the previous change ended, so a fixture can reach the second
/// of two equal lines. `<kind>` is a function of `RuleMessages` or `TOMLMessages`, or
/// `checker-<name>` for an error inside an expression. Every message function needs a fixture:
/// `testEveryMessageFunctionHasAFixture` reads the catalogues' source and names any missing;
/// `testEveryCheckerMessageHasAFixture` does the same for the checker's messages, which are
/// literals at their call sites in Expression/.
/// GRIDPAY_RECORD_FIXTURES=1 writes what the loader says into each fixture's `@@ expect`.
final class RuleMessageFixtureTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadRules")
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/GridpayCore")

    struct Fixture {
        var name: String
        var text: String
        var expected: [String]
        var url: URL
    }

    static func base() throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent("base.toml"), encoding: .utf8).components(separatedBy: "\n")
    }

    static func fixtureURLs() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "fixture" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Applies a fixture's changes to the base.
    static func read(_ url: URL) throws -> Fixture {
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var doc = try base(), cursor = 0, expected: [String] = []
        var i = 0
        func body() -> [String] {
            var out: [String] = []
            while i < lines.count, !lines[i].hasPrefix("@@") { out.append(lines[i]); i += 1 }
            while out.last == "" { out.removeLast() }
            return out
        }
        func find(_ anchor: String) throws -> Int {
            let a = anchor.trimmingCharacters(in: .whitespaces)
            guard let k = doc[cursor...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == a }) else {
                throw NSError(domain: "fixture \(url.lastPathComponent): no line '\(a)' in the base after line \(cursor)", code: 1)
            }
            return k
        }
        while i < lines.count, !lines[i].hasPrefix("@@") { i += 1 }   // the description
        while i < lines.count {
            let op = lines[i]
            i += 1
            if op.hasPrefix("@@ replace ") {
                let k = try find(String(op.dropFirst("@@ replace ".count)))
                let new = body()
                doc.replaceSubrange(k...k, with: new)
                cursor = k + new.count
            } else if op.hasPrefix("@@ after ") {
                let k = try find(String(op.dropFirst("@@ after ".count)))
                let new = body()
                doc.insert(contentsOf: new, at: k + 1)
                cursor = k + 1 + new.count
            } else if op == "@@ append" {
                doc += body()
            } else if op == "@@ file" {
                doc = body()
            } else if op == "@@ expect" {
                expected = body()
            } else {
                throw NSError(domain: "fixture \(url.lastPathComponent): unknown line '\(op)'", code: 1)
            }
        }
        return Fixture(name: url.deletingPathExtension().lastPathComponent, text: doc.joined(separator: "\n"), expected: expected, url: url)
    }

    static func diagnostics(_ text: String) -> [String] {
        switch RuleLoader.load(text: text, file: "base.toml") {
        case .success: return []
        case .failure(let f): return f.diagnostics.map(\.description)
        }
    }

    /// The kinds a catalogue declares: its `static func` names.
    static func kinds(in file: String) throws -> [String] {
        let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
        return text.components(separatedBy: "\n").compactMap { line -> String? in
            guard line.hasPrefix("    static func ") else { return nil }
            return String(line.dropFirst("    static func ".count).prefix { $0.isLetter || $0.isNumber })
        }
    }

    func testTheBaseLoadsWithoutAProblem() throws {
        XCTAssertEqual(Self.diagnostics(try Self.base().joined(separator: "\n")), [])
    }

    func testEachFixtureGivesExactlyItsMessages() throws {
        let record = ProcessInfo.processInfo.environment["GRIDPAY_RECORD_FIXTURES"] == "1"
        let urls = try Self.fixtureURLs()
        XCTAssertGreaterThan(urls.count, 100)
        for url in urls {
            let f = try Self.read(url)
            let got = Self.diagnostics(f.text)
            if record {
                var text = try String(contentsOf: url, encoding: .utf8)
                if let r = text.range(of: "@@ expect") { text = String(text[..<r.lowerBound]) }
                if !text.hasSuffix("\n") { text += "\n" }
                try (text + "@@ expect\n" + got.map { $0 + "\n" }.joined()).write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            XCTAssertFalse(f.expected.isEmpty, "\(f.name): a fixture expects at least one message")
            XCTAssertEqual(got, f.expected, "\(f.name)")
        }
    }

    /// Each fixture is named after the kind it shows; every kind of the catalogues has one.
    func testEveryMessageFunctionHasAFixture() throws {
        let names = Set(try Self.fixtureURLs().map { $0.deletingPathExtension().lastPathComponent.components(separatedBy: "-")[0] })
        let catalogued = try Self.kinds(in: "Rules/RuleMessages.swift") + Self.kinds(in: "TOML/TOMLMessages.swift")
        XCTAssertGreaterThan(catalogued.count, 80)
        XCTAssertEqual(catalogued.count, Set(catalogued).count, "two message functions of one name would share a fixture")
        let missing = catalogued.filter { !names.contains($0) }
        XCTAssertEqual(missing, [], "message functions without a fixture in Tests/GridpayCoreTests/Rules/BadRules")
        let unknown = names.subtracting(catalogued).filter { $0 != "checker" }
        XCTAssertEqual(unknown.sorted(), [], "fixtures named after no message function")
    }

    /// The expression checker's messages are string literals at their call sites (error("…"),
    /// ExpressionParseError(message: "…")): each, read as a pattern (an interpolation matches
    /// anything), must be the message of some fixture. A new checker error needs a fixture.
    func testEveryCheckerMessageHasAFixture() throws {
        var messages: [String] = []
        for url in try Self.fixtureURLs() {
            messages += try Self.read(url).expected.compactMap { $0.components(separatedBy: ": error: ").dropFirst().first }
        }
        let folder = Self.sources.appendingPathComponent("Expression")
        let call = try NSRegularExpression(pattern: #"(?:\berror|ExpressionParseError\(message:)\(\s*"((?:[^"\\]|\\.)*)""#)
        var templates = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.components(separatedBy: "\n").enumerated() {
                let ns = line as NSString
                for m in call.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                    templates += 1
                    let pattern = try NSRegularExpression(pattern: "^" + Self.pattern(ofLiteral: ns.substring(with: m.range(at: 1))) + "$")
                    let covered = messages.contains { pattern.firstMatch(in: $0, range: NSRange(location: 0, length: ($0 as NSString).length)) != nil }
                    XCTAssertTrue(covered, "\(file):\(n + 1): no fixture shows the message \(ns.substring(with: m.range(at: 1)))")
                }
            }
        }
        XCTAssertGreaterThan(templates, 50)
    }

    /// A Swift string literal's text as a pattern: interpolations match anything, escapes their character.
    static func pattern(ofLiteral literal: String) -> String {
        var out = "", chars = Array(literal), i = 0
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "(" {
                var depth = 1
                i += 2
                while i < chars.count, depth > 0 {
                    if chars[i] == "(" { depth += 1 } else if chars[i] == ")" { depth -= 1 }
                    i += 1
                }
                out += ".*"
                continue
            }
            if chars[i] == "\\", i + 1 < chars.count { i += 1 }
            out += NSRegularExpression.escapedPattern(for: String(chars[i]))
            i += 1
        }
        return out
    }
}
