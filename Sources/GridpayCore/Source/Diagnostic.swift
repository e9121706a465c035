/// A place in a text file: 1-based line and column (columns count Unicode characters).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One finding: what is wrong, where, and (in the message) what was expected.
/// The library only reports these; the CLI decides how to print them and what exit code to return.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note
        /// error / warning / note, or 错误 / 警告 / 提示.
        public var word: String {
            switch self {
            case .error: bilingual(zh: "错误", en: "error")
            case .warning: bilingual(zh: "警告", en: "warning")
            case .note: bilingual(zh: "提示", en: "note")
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .note]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// Width of the underlined span in characters (1 = a single caret).
    public var length: Int

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, length: Int = 1) {
        self.severity = severity
        self.message = message
        self.location = location
        self.length = max(1, length)
    }

    public static func error(_ message: String, at location: SourceLocation?, length: Int = 1) -> Diagnostic {
        Diagnostic(.error, message, at: location, length: length)
    }

    public static func warning(_ message: String, at location: SourceLocation?, length: Int = 1) -> Diagnostic {
        Diagnostic(.warning, message, at: location, length: length)
    }

    /// `file:line:col: error: message` — the first line of what the CLI prints; in Chinese
    /// `file:line:col: 错误：message` (the position stays first, so that editors can jump).
    public var description: String {
        let word = severity.word
        if let location { return bilingual(zh: "\(location): \(word)：\(message)", en: "\(location): \(word): \(message)") }
        return bilingual(zh: "\(word)：\(message)", en: "\(word): \(message)")
    }
}

/// Collects every problem of a phase instead of stopping at the first one.
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []
    public init() {}
    public mutating func append(_ d: Diagnostic) { items.append(d) }
    public mutating func append(contentsOf ds: [Diagnostic]) { items.append(contentsOf: ds) }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
}

/// Renders a diagnostic the way compilers do: the header line, the source line, and a caret.
public enum DiagnosticRenderer {
    public static func render(_ d: Diagnostic, sourceLines: (String) -> [Substring]?) -> String {
        var out = d.description
        guard let loc = d.location, let lines = sourceLines(loc.file), loc.line >= 1, loc.line <= lines.count else {
            return out
        }
        let line = lines[loc.line - 1]
        out += "\n" + line
        // Pad with the same kind of characters (tabs stay tabs) and count wide CJK characters as two columns.
        var pad = ""
        for ch in line.prefix(max(0, loc.column - 1)) {
            pad += ch == "\t" ? "\t" : String(repeating: " ", count: displayWidth(ch))
        }
        let spanChars = line.dropFirst(max(0, loc.column - 1)).prefix(d.length)
        let width = max(1, spanChars.reduce(0) { $0 + displayWidth($1) })
        out += "\n" + pad + "^" + String(repeating: "~", count: width - 1)
        return out
    }

    /// East Asian wide characters take two terminal columns.
    static func displayWidth(_ ch: Character) -> Int {
        guard let scalar = ch.unicodeScalars.first else { return 1 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

/// "did you mean" suggestions by edit distance (SPEC §15): every candidate at the smallest
/// distance when there are at most three of them, none when there are more — never one of several
/// equally close names.
public enum Suggestion {
    /// The most candidates a suggestion names; more equally close ones say nothing.
    public static let mostOffered = 3

    /// The candidates nearest to `word` (in their order, each once), within `maxDistance`
    /// (default: a third of the word's length, plus one); empty when more than `mostOffered` tie.
    public static func nearest(to word: String, among candidates: [String], maxDistance limit: Int? = nil) -> [String] {
        let maxDistance = limit ?? max(1, word.count / 3 + 1)
        var best = Int.max, found: [String] = [], seen: Set<String> = []
        for c in candidates where seen.insert(c).inserted {
            let d = editDistance(word, c)
            guard d <= maxDistance, d <= best else { continue }
            if d < best { best = d; found = [] }
            found.append(c)
        }
        return found.count <= mostOffered ? found : []
    }

    /// The one nearest candidate, or nil when none is near or several are equally near.
    public static func closest(to word: String, among candidates: [String], maxDistance limit: Int? = nil) -> String? {
        let near = nearest(to: word, among: candidates, maxDistance: limit)
        return near.count == 1 ? near[0] : nil
    }

    public static func didYouMean(_ word: String, among candidates: [String], maxDistance: Int? = nil) -> String {
        let near = nearest(to: word, among: candidates, maxDistance: maxDistance)
        return near.isEmpty ? "" : SuggestionMessages.didYouMean(near)
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring characters (QH0020 for QH0002) each count as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
