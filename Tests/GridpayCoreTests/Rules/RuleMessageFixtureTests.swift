import Foundation
import GridpayTestSupport
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
/// `checker-<kind>[-<variant>]` for a function of `CheckerMessages` or `ParserMessages` (an error
/// inside an expression). Every message function needs a fixture: `testEveryMessageFunctionHasAFixture`
/// and `testEveryCheckerMessageFunctionHasAFixture` read the catalogues' source and name any missing,
/// and `testNoMessageLiteralOutsideTheCatalogues` keeps Expression/'s messages in its catalogues.
/// GRIDPAY_RECORD_FIXTURES=1 writes what the loader says into each fixture's `@@ expect`.
final class RuleMessageFixtureTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadRules")
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/GridpayCore")

    struct Fixture {
        var name: String
        var text: String
        var expected: [String]
        /// `@@ expect-zh`: the same diagnostics in Chinese (every fixture of a bilingual catalogue's kind).
        var expectedZH: [String]
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
        var doc = try base(), cursor = 0, expected: [String] = [], expectedZH: [String] = []
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
            } else if op == "@@ expect-zh" {
                expectedZH = body()
            } else {
                throw NSError(domain: "fixture \(url.lastPathComponent): unknown line '\(op)'", code: 1)
            }
        }
        return Fixture(name: url.deletingPathExtension().lastPathComponent, text: doc.joined(separator: "\n"), expected: expected, expectedZH: expectedZH, url: url)
    }

    static func diagnostics(_ text: String) -> [String] {
        switch RuleLoader.load(text: text, file: "base.toml") {
        case .success: return []
        case .failure(let f): return f.diagnostics.map(\.description)
        }
    }

    /// The kinds a catalogue declares: its `static func` names.
    static func kinds(in file: String) throws -> [String] {
        try messageFunctions(in: file).map(\.name)
    }

    /// The rule loader's catalogue, one enum RuleMessages in three files (each under 400 lines).
    static let ruleCatalogues = ["Rules/RuleMessages.swift", "Rules/RuleScoringMessages.swift", "Rules/RuleSheetMessages.swift"]

    /// The expression language's catalogues, whose fixtures are named `checker-<function>[-<variant>]`.
    static let expressionCatalogues = ["Expression/CheckerMessages.swift", "Expression/ParserMessages.swift"]

    /// A catalogue's `static func`s: each name, and its English text as written (the literal after
    /// `en:` of its `bilingual(zh:en:)`, or its one literal while it is English only).
    static func messageFunctions(in file: String) throws -> [(name: String, literal: String?)] {
        try CatalogueSource.read("GridpayCore/" + file).functions.map { ($0.name, $0.en ?? $0.plain) }
    }

    /// The fixtures of the expression catalogues, by kind (`checker-<kind>[-<variant>]`): their expected messages.
    static func checkerFixtureMessages(chinese: Bool = false) throws -> [String: [String]] {
        var byKind: [String: [String]] = [:]
        for url in try fixtureURLs() {
            let parts = url.deletingPathExtension().lastPathComponent.components(separatedBy: "-")
            guard parts[0] == "checker", parts.count > 1 else { continue }
            let f = try read(url)
            byKind[parts[1], default: []] += chinese ? f.expectedZH.compactMap { $0.components(separatedBy: ": 错误：").dropFirst().first }
                : f.expected.compactMap { $0.components(separatedBy: ": error: ").dropFirst().first }
        }
        return byKind
    }

    func testTheBaseLoadsWithoutAProblem() throws {
        XCTAssertEqual(Self.diagnostics(try Self.base().joined(separator: "\n")), [])
    }

    /// The kinds whose catalogue is bilingual: their fixtures hold the Chinese too (`@@ expect-zh`).
    static func bilingualKinds() throws -> Set<String> {
        let catalogues = ruleCatalogues + ["TOML/TOMLMessages.swift"] + expressionCatalogues
        return Set(try catalogues.filter { !LanguageTests.notYetBilingual.contains("GridpayCore/" + $0) }.flatMap { try kinds(in: $0) })
    }

    /// A fixture's kind: its name without `checker-` and `-<variant>`.
    static func kind(of name: String) -> String {
        let parts = name.components(separatedBy: "-")
        return parts[0] == "checker" && parts.count > 1 ? parts[1] : parts[0]
    }

    func testEachFixtureGivesExactlyItsMessages() throws {
        let record = ProcessInfo.processInfo.environment["GRIDPAY_RECORD_FIXTURES"] == "1"
        let urls = try Self.fixtureURLs()
        let bilingual = try Self.bilingualKinds()
        XCTAssertGreaterThan(urls.count, 100)
        for url in urls {
            let f = try Self.read(url)
            let got = Self.diagnostics(f.text)
            let inChinese = bilingual.contains(Self.kind(of: f.name))
            let gotZH = inChinese ? Language.with(.zh) { Self.diagnostics(f.text) } : []
            if record {
                var text = try String(contentsOf: url, encoding: .utf8)
                if let r = text.range(of: "@@ expect") { text = String(text[..<r.lowerBound]) }
                if !text.hasSuffix("\n") { text += "\n" }
                text += "@@ expect\n" + got.map { $0 + "\n" }.joined()
                if inChinese { text += "@@ expect-zh\n" + gotZH.map { $0 + "\n" }.joined() }
                try text.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            XCTAssertFalse(f.expected.isEmpty, "\(f.name): a fixture expects at least one message")
            XCTAssertEqual(got, f.expected, "\(f.name)")
            if inChinese {
                XCTAssertFalse(f.expectedZH.isEmpty, "\(f.name): its catalogue is bilingual, so the fixture needs `@@ expect-zh` (GRIDPAY_RECORD_FIXTURES=1 records it; read it)")
                XCTAssertEqual(gotZH, f.expectedZH, "\(f.name) in Chinese")
            }
        }
    }

    /// Each fixture is named after the kind it shows; every kind of the catalogues has one.
    func testEveryMessageFunctionHasAFixture() throws {
        let names = Set(try Self.fixtureURLs().map { $0.deletingPathExtension().lastPathComponent.components(separatedBy: "-")[0] })
            .subtracting(["checker"])   // testEveryCheckerMessageFunctionHasAFixture
        let catalogued = try Self.ruleCatalogues.flatMap { try Self.kinds(in: $0) } + Self.kinds(in: "TOML/TOMLMessages.swift")
        XCTAssertGreaterThan(catalogued.count, 80)
        XCTAssertEqual(catalogued.count, Set(catalogued).count, "two message functions of one name would share a fixture")
        let missing = catalogued.filter { !names.contains($0) }
        XCTAssertEqual(missing, [], "message functions without a fixture in Tests/GridpayCoreTests/Rules/BadRules")
        let unknown = names.subtracting(catalogued)
        XCTAssertEqual(unknown.sorted(), [], "fixtures named after no message function")
    }

    /// As above for the expression language: every function of `CheckerMessages` and `ParserMessages`
    /// has a fixture `checker-<function>[-<variant>]`, and (each body being one string literal, read
    /// as a pattern in which an interpolation matches anything) one of its fixtures' messages is the
    /// function's own. A new kind of checker or parser error needs a fixture, or this fails.
    func testEveryCheckerMessageFunctionHasAFixture() throws {
        let messages = try Self.checkerFixtureMessages()
        let messagesZH = try Self.checkerFixtureMessages(chinese: true)
        let functions = try Self.expressionCatalogues.flatMap { try CatalogueSource.read("GridpayCore/" + $0).functions }
        XCTAssertGreaterThan(functions.count, 50)
        XCTAssertEqual(functions.count, Set(functions.map(\.name)).count, "two message functions of one name would share a fixture")
        for f in functions {
            guard let literal = f.en ?? f.plain else { XCTFail("\(f.name): its body is not a string literal"); continue }
            guard let shown = messages[f.name] else {
                XCTFail("\(f.name): no fixture checker-\(f.name)[-<variant>].fixture in Tests/GridpayCoreTests/Rules/BadRules")
                continue
            }
            let pattern = try NSRegularExpression(pattern: "^" + CatalogueSource.pattern(ofLiteral: literal) + "$")
            let covered = shown.contains { pattern.firstMatch(in: $0, range: NSRange(location: 0, length: ($0 as NSString).length)) != nil }
            XCTAssertTrue(covered, "checker-\(f.name): no message of its fixtures is the function's \(literal)")
            if let zh = f.zh, let shownZH = messagesZH[f.name] {
                let patternZH = try NSRegularExpression(pattern: "^" + CatalogueSource.pattern(ofLiteral: zh) + "$")
                let coveredZH = shownZH.contains { patternZH.firstMatch(in: $0, range: NSRange(location: 0, length: ($0 as NSString).length)) != nil }
                XCTAssertTrue(coveredZH, "checker-\(f.name): no Chinese message of its fixtures is the function's \(zh)")
            }
        }
        let unknown = Set(messages.keys).subtracting(functions.map(\.name))
        XCTAssertEqual(unknown.sorted(), [], "checker fixtures named after no message function")
    }

    /// Outside the catalogues, no message is built from a literal: in Expression/ no error("…"),
    /// ExpressionParseError("…"), message: "…" (checker and parser: CheckerMessages, ParserMessages);
    /// in Expression/, Scoring/ and Rating/ no EvaluationError("…") or EvaluationError.x("…"), no
    /// .error("…") diagnostic and no message = "…" (EvaluationMessages); in Rules/Sections/ no
    /// what: "…", section(…, "…") or path: "…" naming a place (RulePlaces). A new message is a catalogue function, so it has a name and a
    /// fixture or a case. (TableIngest's input problems are data errors, not covered here.)
    func testNoMessageLiteralOutsideTheCatalogues() throws {
        let evaluation = #"EvaluationError(\.\w+)?\(\s*"|\.error\(\s*"|message\s*=\s*""#
        let scans: [(folder: String, pattern: String, minimumFiles: Int)] = [
            ("Expression", #"\berror\(\s*"|ExpressionParseError\(\s*"|message:\s*"|"# + evaluation, 5),
            ("Scoring", evaluation, 10),
            ("Rating", evaluation, 1),
            ("Rules/Sections", #"what:\s*"|section\([^,]+,\s*"|path:\s*"[^"]"#, 15),
        ]
        let catalogues = Set((Self.expressionCatalogues + [EvaluationErrorPositionTests.catalogue]).map { URL(fileURLWithPath: $0).lastPathComponent })
        var found: [String] = []
        for scan in scans {
            let folder = Self.sources.appendingPathComponent(scan.folder)
            let literalMessage = try NSRegularExpression(pattern: scan.pattern)
            var files = 0
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where file.hasSuffix(".swift") && !catalogues.contains(file) {
                files += 1
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (n, line) in text.components(separatedBy: "\n").enumerated()
                where literalMessage.firstMatch(in: line, range: NSRange(location: 0, length: (line as NSString).length)) != nil {
                    found.append("\(scan.folder)/\(file):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
            XCTAssertGreaterThanOrEqual(files, scan.minimumFiles, scan.folder)
        }
        XCTAssertEqual(found, [], "message literals outside CheckerMessages / ParserMessages / EvaluationMessages / RulePlaces")
    }
}
