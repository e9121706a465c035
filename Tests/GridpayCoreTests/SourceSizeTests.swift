import Foundation
import GridpayTestSupport
import XCTest

/// Issue 20 item 6: every function in Sources is at most 60 lines and every file at most 400, so
/// that a reader finds one concern per function and per file. A function is counted from its
/// declaration's line to its closing brace's, both included. Lines keep `.swift-format`'s
/// lineLength, except in the message catalogues (`…Messages.swift`), whose messages are one
/// `bilingual(zh: "…", en: "…")` literal each, read as such by their tests.
final class SourceSizeTests: XCTestCase {
    static let functionLimit = 60
    static let fileLimit = 400

    func testNoFunctionIsLongerThanSixtyLinesAndNoFileLongerThanFourHundred() throws {
        var problems: [String] = []
        for path in try SourceSize.swiftFiles() {
            let text = try String(contentsOf: CatalogueSource.sourcesRoot.appendingPathComponent(path), encoding: .utf8)
            let lines = SourceSize.lineCount(text)
            if lines > Self.fileLimit { problems.append("Sources/\(path): \(lines) lines (at most \(Self.fileLimit))") }
            for f in SourceSize.functions(in: text) where f.lines > Self.functionLimit {
                problems.append("Sources/\(path):\(f.line): \(f.name) is \(f.lines) lines (at most \(Self.functionLimit))")
            }
        }
        XCTAssertEqual(problems, [], "cut these into named steps or files by concern:\n" + problems.joined(separator: "\n"))
    }

    func testLinesKeepTheFormattersLineLength() throws {
        let configuration = CatalogueSource.sourcesRoot.deletingLastPathComponent().appendingPathComponent(".swift-format")
        let settings = try JSONSerialization.jsonObject(with: Data(contentsOf: configuration)) as? [String: Any]
        let limit = try XCTUnwrap(settings?["lineLength"] as? Int)
        var problems: [String] = []
        for path in try SourceSize.swiftFiles() where !path.hasSuffix("Messages.swift") {
            let text = try String(contentsOf: CatalogueSource.sourcesRoot.appendingPathComponent(path), encoding: .utf8)
            for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.count > limit {
                problems.append("Sources/\(path):\(k + 1): \(line.count) characters (at most \(limit))")
            }
        }
        XCTAssertEqual(problems, [], "break these lines (or move a message into its catalogue):\n" + problems.joined(separator: "\n"))
    }

    /// The counting itself: strings, comments and interpolations hide their braces; a default
    /// closure in a parameter list is not the body; a protocol's requirement has none.
    func testTheCountingSeesBodiesOnly() {
        let text = """
            protocol P {
                func required()
            }
            struct S {
                func a(x: Int = 1, f: () -> Void = { }) -> String {
                    let s = "} \\("{" + "\\(x)") {"
                    /* } */ // }
                    let t = \"\"\"
                        }
                        \"\"\"
                    return s + t
                }
                var computed: Int {
                    1
                }
                init(y: Int) where Self: Any {
                }
            }
            """
        let found = SourceSize.functions(in: text).map { "\($0.name):\($0.line):\($0.lines)" }
        XCTAssertEqual(found, ["a:5:8", "computed:13:3", "init:16:2"])
        XCTAssertEqual(SourceSize.lineCount("a\nb\n"), 2)
        XCTAssertEqual(SourceSize.lineCount("a\nb"), 2)
    }
}

/// Functions and their lengths in Swift source, by a small lexer: code with strings and comments
/// blanked out, then declarations matched to their bodies' braces.
enum SourceSize {
    struct Function {
        var name: String
        var line: Int
        var lines: Int
    }

    static func swiftFiles() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: CatalogueSource.sourcesRoot.path)
        var paths: [String] = []
        while let p = enumerator?.nextObject() as? String { if p.hasSuffix(".swift") { paths.append(p) } }
        return paths.sorted()
    }

    static func lineCount(_ text: String) -> Int {
        let newlines = text.utf8.filter { $0 == UInt8(ascii: "\n") }.count
        return text.hasSuffix("\n") || text.isEmpty ? newlines : newlines + 1
    }

    /// The text with every string literal's and comment's characters but newlines made spaces.
    static func code(_ text: String) -> [Character] {
        let c = Array(text)
        var out = c
        var i = 0
        // Open interpolations: the paren depth inside each, and whether its string is multi-line.
        var stack: [(depth: Int, multiline: Bool)] = []
        func blank(_ k: Int) { if out[k] != "\n" { out[k] = " " } }
        func at(_ s: String, _ k: Int) -> Bool {
            let s = Array(s)
            return k + s.count <= c.count && Array(c[k..<(k + s.count)]) == s
        }
        /// Skips a string starting at `k` (after its opening quotes); returns where code resumes,
        /// or pushes an interpolation and returns where its code starts.
        func string(from start: Int, multiline: Bool) -> Int {
            var k = start
            while k < c.count {
                if c[k] == "\\" && k + 1 < c.count && c[k + 1] == "(" {
                    blank(k); blank(k + 1)
                    stack.append((1, multiline))
                    return k + 2
                }
                if c[k] == "\\" { blank(k); if k + 1 < c.count { blank(k + 1) }; k += 2; continue }
                if multiline ? at("\"\"\"", k) : c[k] == "\"" {
                    let n = multiline ? 3 : 1
                    for j in k..<(k + n) { blank(j) }
                    return k + n
                }
                if !multiline && c[k] == "\n" { return k }
                blank(k)
                k += 1
            }
            return k
        }
        while i < c.count {
            if at("//", i) {
                while i < c.count && c[i] != "\n" { blank(i); i += 1 }
            } else if at("/*", i) {
                var depth = 0
                repeat {
                    if at("/*", i) { depth += 1; blank(i); blank(i + 1); i += 2 } else if at("*/", i) { depth -= 1; blank(i); blank(i + 1); i += 2 } else { blank(i); i += 1 }
                } while depth > 0 && i < c.count
            } else if at("#\"", i) {
                let close = at("#\"\"\"", i) ? "\"\"\"#" : "\"#"
                blank(i); i += 1
                while i < c.count && !at(close, i) { blank(i); i += 1 }
                for _ in 0..<close.count where i < c.count { blank(i); i += 1 }
            } else if at("\"\"\"", i) {
                for j in i..<(i + 3) { blank(j) }
                i = string(from: i + 3, multiline: true)
            } else if c[i] == "\"" {
                blank(i)
                i = string(from: i + 1, multiline: false)
            } else if !stack.isEmpty && (c[i] == "(" || c[i] == ")") {
                stack[stack.count - 1].depth += c[i] == "(" ? 1 : -1
                blank(i)
                if stack[stack.count - 1].depth == 0 {
                    let frame = stack.removeLast()
                    i = string(from: i + 1, multiline: frame.multiline)
                } else {
                    i += 1
                }
            } else {
                if !stack.isEmpty { blank(i) }
                i += 1
            }
        }
        return out
    }

    static let declaration = try! NSRegularExpression(pattern:
        #"^\s*(?:@[\w.]+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|package|open|static|class|override|mutating|nonmutating|final|convenience|required|nonisolated|dynamic|lazy)(?:\([^)]*\))?\s+)*(?:func\s+([^\s(<]+)|(init)[?!]?\s*[(<]|(deinit)\b|(subscript)\s*[(<]|var\s+(\w+)\s*:[^=]*\{\s*$)"#)

    static func functions(in text: String) -> [Function] {
        let code = code(text)
        var lineStarts = [0]
        for (k, ch) in code.enumerated() where ch == "\n" { lineStarts.append(k + 1) }
        var found: [Function] = []
        for (n, start) in lineStarts.enumerated() {
            let end = n + 1 < lineStarts.count ? lineStarts[n + 1] - 1 : code.count
            let line = String(code[start..<max(start, end)])
            let ns = line as NSString
            guard let m = declaration.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else { continue }
            let name = (1...5).lazy.map { m.range(at: $0) }.first { $0.location != NSNotFound }.map { ns.substring(with: $0) } ?? "?"
            if let close = body(in: code, from: start + m.range.location) {
                let last = lineStarts.lastIndex { $0 <= close } ?? n
                found.append(Function(name: name, line: n + 1, lines: last - n + 1))
            }
        }
        return found
    }

    /// The index of the closing brace of the body declared at `start`: its opening brace is the
    /// first `{` outside the declaration's parentheses; none when the scope ends or a line that
    /// does not continue a declaration begins first (a protocol's requirement has no body).
    static func body(in code: [Character], from start: Int) -> Int? {
        let continuations = ["->", "where", "throws", "rethrows", "async", "{", ")"]
        var parens = 0
        var k = start
        while k < code.count {
            let ch = code[k]
            if ch == "\n" && parens == 0 {
                var j = k + 1
                while j < code.count && (code[j] == " " || code[j] == "\n") { j += 1 }
                let rest = String(code[j..<min(code.count, j + 8)])
                guard continuations.contains(where: { rest.hasPrefix($0) }) else { return nil }
            }
            if ch == "(" || ch == "[" { parens += 1 }
            if ch == ")" || ch == "]" { parens -= 1 }
            if ch == "}" && parens == 0 { return nil }
            if ch == "{" && parens == 0 { break }
            k += 1
        }
        guard k < code.count else { return nil }
        var depth = 0
        while k < code.count {
            if code[k] == "{" { depth += 1 }
            if code[k] == "}" {
                depth -= 1
                if depth == 0 { return k }
            }
            k += 1
        }
        return nil
    }
}
