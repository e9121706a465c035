import Foundation

/// A message catalogue as written (any `Sources/**/…Messages.swift`): its message functions and,
/// for each, the Chinese and English literals of its `bilingual(zh: "…", en: "…")` body. Read by
/// the tests that keep every message in both languages and each language's fixtures matched.
public struct CatalogueSource {
    public struct Function {
        public var name: String
        /// 1-based line of the declaration.
        public var line: Int
        /// The body's text (after the declaration's `{`, to the function's closing brace).
        public var body: String
        /// The literal after `zh:` / `en:` in the body, as written (interpolations included).
        public var zh: String?
        public var en: String?
        /// For a body that is still one plain literal (not yet bilingual): that literal.
        public var plain: String?
    }

    public var path: String
    public var text: String
    public var functions: [Function]

    /// Tests/GridpayTestSupport/CatalogueSource.swift → the package's Sources/.
    public static let sourcesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every catalogue of every target: files named `…Messages.swift` under Sources/.
    public static func all() throws -> [CatalogueSource] {
        let enumerator = FileManager.default.enumerator(atPath: sourcesRoot.path)
        var paths: [String] = []
        while let p = enumerator?.nextObject() as? String {
            if p.hasSuffix("Messages.swift") { paths.append(p) }
        }
        return try paths.sorted().map { try read($0) }
    }

    /// `path` relative to Sources/.
    public static func read(_ path: String) throws -> CatalogueSource {
        let text = try String(contentsOf: sourcesRoot.appendingPathComponent(path), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let functions = lines.indices.compactMap { k -> Function? in
            guard lines[k].hasPrefix("    static func ") || lines[k].hasPrefix("    public static func ") else { return nil }
            let declaration = lines[k].components(separatedBy: "static func ")[1]
            let name = String(declaration.prefix { $0.isLetter || $0.isNumber })
            let end = lines[k].hasSuffix("}") ? k + 1 : (lines[k...].firstIndex(of: "    }") ?? k + 1)
            let opening = lines[k].range(of: "{").map { String(lines[k][$0.upperBound...]) } ?? ""
            let body = ([opening] + lines[(k + 1)..<end]).joined(separator: "\n")
            return Function(name: name, line: k + 1, body: body, zh: literal(after: "zh:", in: body),
                            en: literal(after: "en:", in: body), plain: firstLiteral(in: body))
        }
        return CatalogueSource(path: path, text: text, functions: functions)
    }

    /// The literal that follows `label` (e.g. `en:`) in `text`, as written between its quotes.
    public static func literal(after label: String, in text: String) -> String? {
        guard let r = text.range(of: label + " ") ?? text.range(of: label + "\n") else { return nil }
        return firstLiteral(in: String(text[r.upperBound...]))
    }

    /// The first string literal in `text`, as written between its quotes (interpolations included).
    public static func firstLiteral(in text: String) -> String? {
        let chars = Array(text)
        guard let open = chars.firstIndex(of: "\"") else { return nil }
        var i = open + 1
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "(" { i = endOfInterpolation(chars, from: i + 2); continue }
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "\"" { return String(chars[(open + 1)..<i]) }
            i += 1
        }
        return nil
    }

    /// The index just after the `)` closing an interpolation whose contents start at `start`;
    /// a string literal inside it (`\(a ? "" : " (")`) is skipped whole, brackets and all.
    public static func endOfInterpolation(_ chars: [Character], from start: Int) -> Int {
        var depth = 1, i = start
        while i < chars.count, depth > 0 {
            switch chars[i] {
            case "(": depth += 1
            case ")": depth -= 1
            case "\"":
                i = endOfLiteral(chars, from: i + 1) - 1
            default: break
            }
            i += 1
        }
        return i
    }

    /// The index just after the `"` closing a literal whose contents start at `start` (its
    /// interpolations, and the literals inside them, skipped whole).
    public static func endOfLiteral(_ chars: [Character], from start: Int) -> Int {
        var i = start
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "(" { i = endOfInterpolation(chars, from: i + 2); continue }
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "\"" { return i + 1 }
            i += 1
        }
        return i
    }

    /// The catalogue's text with every `bilingual(…)` call cut out: what is left holds no
    /// message text once the catalogue is bilingual (its private helpers' wording included).
    public var textOutsideBilingualCalls: String {
        let chars = Array(text)
        var out: [Character] = [], i = 0
        let opening = Array("bilingual(")
        while i < chars.count {
            if chars[i] == "b", i + opening.count <= chars.count, Array(chars[i..<(i + opening.count)]) == opening {
                i = Self.endOfInterpolation(chars, from: i + opening.count)
                out.append(contentsOf: "bilingual(…)")
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return String(out)
    }

    /// A Swift string literal's text as a pattern: interpolations match anything, escapes their character.
    public static func pattern(ofLiteral literal: String) -> String {
        var out = "", chars = Array(literal), i = 0
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "(" {
                i = endOfInterpolation(chars, from: i + 2)
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
