import Foundation
import GridpayTestSupport
import XCTest

/// Issue 21 (SPEC §15): every message a person reads comes from a catalogue in both languages.
/// This scans Sources/ (not the catalogues, `…Messages.swift`, and not comments) for string
/// literals with English prose in them — three words or more in a row — and fails on each one
/// that is not allowed below, with the reason it may stay English. A new English message written
/// outside a catalogue fails here: move it into its target's catalogue as
/// `bilingual(zh: "…", en: "…")` (LanguageTests, and a fixture or MessageGolden for both texts).
final class EnglishLiteralTests: XCTestCase {
    /// Literals that may stay English, each with why. `file`: a path under Sources/, or a folder
    /// ending in "/"; `containing`: text in the literal as written (interpolations `\(…)`), nil for
    /// every literal of the file. Keep each as narrow as it can be: an allowance that allows nothing
    /// any more fails too.
    struct Allowance {
        var file: String
        var containing: String?
        var why: String
    }

    static let allowed: [Allowance] = EnglishLiteralAllowances.all

    func testNoEnglishProseOutsideTheCatalogues() throws {
        var found: [String] = []
        var used = Set<Int>()
        for path in try SourceSize.swiftFiles() where !path.hasSuffix("Messages.swift") {
            let text = try String(contentsOf: CatalogueSource.sourcesRoot.appendingPathComponent(path), encoding: .utf8)
            for literal in EnglishProse.literals(in: text) where EnglishProse.isProse(literal) && !EnglishProse.isAnAssertion(literal, in: text) {
                if let k = Self.allowed.firstIndex(where: { $0.allows(literal.shown, in: path) }) {
                    used.insert(k)
                } else {
                    found.append("Sources/\(path):\(literal.line):\(literal.column): \"\(literal.shown)\"")
                }
            }
        }
        XCTAssertEqual(found, [], """
            English text outside the message catalogues (\(found.count)):
            \(found.joined(separator: "\n"))
            To fix: a message a person reads goes into its target's …Messages.swift as bilingual(zh: "…", en: "…") \
            (the Chinese as a finance office writes it; a position stays path:line:col at the start of a line), \
            with its two texts pinned by a test; text no person reads goes on EnglishLiteralAllowances with the reason.
            """)
        let unused = Self.allowed.indices.filter { !used.contains($0) && !Self.allowed[$0].why.hasPrefix("owned by the ledger") }.map { "\(Self.allowed[$0].file) \(Self.allowed[$0].containing ?? "*")" }
        XCTAssertEqual(unused, [], "allowances that allow nothing any more: remove them")
    }

    /// The scan itself: it finds a new English message, in a plain, raw, multi-line or
    /// interpolated literal, at its line and column; not in comments, not Chinese, not code-like
    /// text of one or two words, not an assertion's text; and the allowances work by file and text.
    func testTheScanFindsANewEnglishMessage() {
        let source = #"""
            // the file cannot be opened, says a comment
            /* nor "this one is in a comment" */
            let a = "the file cannot be opened"
            let b = "文件无法打开", c = "yyyy-MM-dd", d = "gridpay run"
            let e = #"a raw "quoted" message, written here"#
            let f = """
                two lines
                of English prose
                """
            let g = "\(x) is not a number \(y)"
            precondition(ok, "the checker never lets this happen")
            let h = "\("nested literal inside") ok"
            """#
        let literals = EnglishProse.literals(in: source)
        let prose = literals.filter { EnglishProse.isProse($0) && !EnglishProse.isAnAssertion($0, in: source) }
        XCTAssertEqual(prose.map { "\($0.line):\($0.column): \($0.shown)" }, [
            "3:9: the file cannot be opened",
            #"5:9: a raw "quoted" message, written here"#,
            "6:9: \n    two lines\n    of English prose\n    ",
            #"10:9: \(…) is not a number \(…)"#,
        ])
        XCTAssertTrue(literals.contains { $0.shown == "the checker never lets this happen" }, "found, but an assertion's")
        XCTAssertFalse(literals.contains { $0.shown.contains("nested") }, "a literal inside an interpolation is part of its literal")
        let allowance = Allowance(file: "GridpayCSV/", containing: "cannot be opened", why: "")
        XCTAssertTrue(allowance.allows("the file cannot be opened", in: "GridpayCSV/CSVReader.swift"))
        XCTAssertFalse(allowance.allows("the file cannot be opened", in: "GridpayPipeline/Spill.swift"))
        XCTAssertFalse(allowance.allows("the file cannot be read", in: "GridpayCSV/CSVReader.swift"))
    }
}

extension EnglishLiteralTests.Allowance {
    func allows(_ literal: String, in path: String) -> Bool {
        (file.hasSuffix("/") ? path.hasPrefix(file) : path == file) && (containing.map { literal.contains($0) } ?? true)
    }
}

/// String literals of Swift source and whether they hold English prose.
enum EnglishProse {
    struct Literal {
        /// 1-based line and column of its opening quote (or `#`).
        var line: Int
        var column: Int
        /// Its text as written, each interpolation shown as `\(…)`.
        var shown: String
        /// Its text between interpolations.
        var pieces: [String]
    }

    /// Three words in a row, separated by spaces or punctuation only (a word: a letter, then
    /// lower-case letters, as in "a", "The", "don't").
    static let prose = try! NSRegularExpression(pattern: #"[A-Za-z][a-z]*(?:'[a-z]+)?(?:[ ,;:()\-]+[A-Za-z][a-z]*(?:'[a-z]+)?){2,}"#)

    static func isProse(_ literal: Literal) -> Bool {
        literal.pieces.contains { prose.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
    }

    /// A literal that is the text of `precondition`, `assert`, `preconditionFailure`,
    /// `assertionFailure` or `fatalError` written on its line: said of gridpay's own code, to its
    /// developers, when a promise inside it breaks; no input or user action reaches it.
    static func isAnAssertion(_ literal: Literal, in text: String) -> Bool {
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[literal.line - 1]
        let before = String(line.prefix(literal.column - 1))
        return before.range(of: #"\b(precondition|preconditionFailure|assert|assertionFailure|fatalError)\("#, options: .regularExpression) != nil
    }

    /// Every string literal outside comments, in order; a literal inside another's interpolation
    /// belongs to the outer one.
    static func literals(in text: String) -> [Literal] {
        var lexer = Lexer(chars: Array(text))
        return lexer.all()
    }

    struct Lexer {
        let chars: [Character]
        var i = 0

        func at(_ s: String, _ k: Int) -> Bool {
            let s = Array(s)
            return k + s.count <= chars.count && Array(chars[k..<(k + s.count)]) == s
        }

        mutating func all() -> [Literal] {
            var out: [Literal] = []
            while i < chars.count {
                if at("//", i) {
                    while i < chars.count, chars[i] != "\n" { i += 1 }
                } else if at("/*", i) {
                    var depth = 0
                    repeat {
                        if at("/*", i) { depth += 1; i += 2 } else if at("*/", i) { depth -= 1; i += 2 } else { i += 1 }
                    } while depth > 0 && i < chars.count
                } else if chars[i] == "#" || chars[i] == "\"" {
                    let start = i
                    var hashes = 0
                    while i + hashes < chars.count, chars[i + hashes] == "#" { hashes += 1 }
                    guard i + hashes < chars.count, chars[i + hashes] == "\"" else { i += max(1, hashes); continue }
                    let multiline = at("\"\"\"", i + hashes)
                    i += hashes + (multiline ? 3 : 1)
                    var pieces = [""]
                    var shown = ""
                    literal(hashes: hashes, multiline: multiline, pieces: &pieces, shown: &shown)
                    let (line, column) = position(of: start)
                    out.append(Literal(line: line, column: column, shown: shown, pieces: pieces))
                } else {
                    i += 1
                }
            }
            return out
        }

        /// Reads a literal's contents from `i` to past its closing quotes.
        mutating func literal(hashes: Int, multiline: Bool, pieces: inout [String], shown: inout String) {
            let close = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
            let escape = "\\" + String(repeating: "#", count: hashes)
            while i < chars.count {
                if at(close, i) { i += close.count; return }
                if !multiline, chars[i] == "\n" { return }
                if at(escape + "(", i) {
                    i += escape.count + 1
                    skipInterpolation()
                    pieces.append("")
                    shown += "\\(…)"
                    continue
                }
                if at(escape, i), i + escape.count < chars.count {
                    let escaped = chars[i + escape.count]
                    let character: Character = escaped == "n" ? "\n" : escaped == "t" ? "\t" : escaped
                    pieces[pieces.count - 1].append(character)
                    shown.append(character)
                    i += escape.count + 1
                    continue
                }
                pieces[pieces.count - 1].append(chars[i])
                shown.append(chars[i])
                i += 1
            }
        }

        /// Skips an interpolation's code from `i` (after its `(`) to past its `)`, with the
        /// literals inside it.
        mutating func skipInterpolation() {
            var depth = 1
            while i < chars.count, depth > 0 {
                if chars[i] == "\"" || (chars[i] == "#" && at("#\"", i)) {
                    var hashes = 0
                    while chars[i + hashes] == "#" { hashes += 1 }
                    let multiline = at("\"\"\"", i + hashes)
                    i += hashes + (multiline ? 3 : 1)
                    var pieces = [""], shown = ""
                    literal(hashes: hashes, multiline: multiline, pieces: &pieces, shown: &shown)
                    continue
                }
                if chars[i] == "(" { depth += 1 }
                if chars[i] == ")" { depth -= 1 }
                i += 1
            }
        }

        func position(of k: Int) -> (Int, Int) {
            var line = 1, column = 1
            for c in chars[0..<k] {
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return (line, column)
        }
    }
}
