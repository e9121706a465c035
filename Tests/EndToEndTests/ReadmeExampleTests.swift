import Foundation
import XCTest

/// README.md's command examples, run end to end on the built binaries the way a reader types them
/// from the repository root, so the README cannot drift from the product (swift-argument-parser's
/// practice: examples are executable and tested against the built binary, with golden files).
///
/// Every line of README.md's command blocks (indented blocks, and fences other than ```toml) is
/// either an example this test runs — `gridpay …`, `…gridpay-datagen …` (the build beside gridpay,
/// `BinaryRunner.datagenBinaryPath`) and `sed …` (through /bin/sh) — or one of `linesNotRun`, with
/// the reason; any other line fails, so a new command in the README is classified on purpose.
///
/// The examples run in README order (verify after close, compare after the draft is made) in one
/// temporary folder holding copies of Rules/, Input/ and Benchmarks/shapes/ (what they read), so
/// Output/, Ledger/ and whatever else they write land there, never in the repository. Each one:
/// - exits 0, unless its comment says `exit 1` (an example that shows a failure);
/// - writes every file its comment names after `→` (`-pay.csv` after a first file is that file's
///   sibling; a name ending in `/` is a folder; `*` matches within its folder): each exists
///   afterwards and is new or rewritten;
/// - prints what its golden file `ReadmeExamples/NN-<command>.txt` holds (exit status, stdout,
///   stderr), normalised only for the temporary folder's path (`<tmp>`), the ledger's clock (the
///   closing time `close` prints and `status` lists, `<closed-at>`) and gridpay-datagen's elapsed
///   seconds (`<seconds>`).
/// A missing golden fails, and so does a golden that no example has. `gridpay --help`, each
/// subcommand's `--help` (the list read from `gridpay --help`) and `gridpay-datagen --help` have
/// golden files in `Help/`, so a changed interface is a visible diff. Re-record both with
/// `GRIDPAY_RECORD_GOLDEN=1 swift test --filter ReadmeExampleTests`, then review the diff.
final class ReadmeExampleTests: XCTestCase {
    static let goldenDir = BinaryRunner.packageRoot.appendingPathComponent("Tests/EndToEndTests/ReadmeExamples").path
    static let helpDir = BinaryRunner.packageRoot.appendingPathComponent("Tests/EndToEndTests/Help").path
    static var recording: Bool { ProcessInfo.processInfo.environment["GRIDPAY_RECORD_GOLDEN"] == "1" }
    /// Help is wrapped at the terminal's width; COLUMNS fixes it when there is no terminal.
    static let environment = ["COLUMNS": "80"]

    /// Command-block lines that are not run, each with the reason.
    static let linesNotRun: [String: String] = [
        "bash scripts/install-deps.sh": "installs packages (scripts/test.sh runs it first)",
        "swift build -c release --product gridpay": "a release build; the examples run the build under test",
        "bash scripts/sample.sh": "installs packages and builds; it then runs check and the sample months, as the examples here do",
        "bash scripts/test.sh": "the whole suite, this test included",
        "swift build -c release --product gridpay-datagen":
            "the examples run the gridpay-datagen built beside the gridpay under test (a debug build in `swift test`)",
    ]

    /// Fences whose text is not commands (rule-file excerpts).
    static let textFences: Set<String> = ["toml", "ini", "nginx"]

    struct Example {
        enum Kind { case gridpay, datagen, shell }
        var kind: Kind
        /// README.md's line where the command starts.
        var line: Int
        /// As written, continuation lines joined, without the comment.
        var command: String
        /// The text after `#`, or "".
        var comment: String
        var words: [String]

        /// What the comment says the example must end with.
        var expectedStatus: Int32 { comment.contains("exit 1") ? 1 : 0 }
    }

    // MARK: the examples

    func testEveryReadmeExampleRunsAsShown() throws {
        let readme = try String(contentsOfFile: BinaryRunner.packageRoot.appendingPathComponent("README.md").path, encoding: .utf8)
        let examples = Self.examples(in: readme)
        // The README shows at least the commands of SPEC §7; each must appear in an example.
        for command in ["run", "check", "explain", "close", "verify", "status", "rate", "compare"] {
            XCTAssertTrue(examples.contains { $0.kind == .gridpay && $0.words.dropFirst().first == command },
                          "README.md has no example of gridpay \(command)")
        }

        let root = try BinaryRunner.TempFolder(prefix: "gridpay-readme")
        let fm = FileManager.default
        for folder in ["Rules", "Input", "Benchmarks/shapes"] {
            let target = root.path(folder)
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try fm.copyItem(atPath: BinaryRunner.packageRoot.appendingPathComponent(folder).path, toPath: target)
        }
        let started = Date()

        var expectedGoldens: Set<String> = []
        for (index, example) in examples.enumerated() {
            let place = "README.md:\(example.line): \(example.command)"
            let promised = Self.promisedPaths(example.comment)
            let before = Dictionary(uniqueKeysWithValues: promised.map { ($0, Self.identity($0, in: root.path)) })

            let output: BinaryRunner.Output
            switch example.kind {
            case .gridpay:
                output = try BinaryRunner.run(Array(example.words.dropFirst()), environment: Self.environment, directory: root.path)
            case .datagen:
                output = try BinaryRunner.run(Array(example.words.dropFirst()), binary: BinaryRunner.datagenBinaryPath,
                                              environment: Self.environment, directory: root.path)
            case .shell:
                output = try Self.shell(example.command, in: root.path)
            }

            XCTAssertEqual(output.status, example.expectedStatus,
                           "\(place)\n\(example.expectedStatus == 0 ? "must succeed" : "shows a failure (its comment says exit 1)")\n\(output.transcript)")
            for path in promised {
                let now = Self.identity(path, in: root.path)
                XCTAssertNotNil(now, "\(place): its comment says it writes \(path), which does not exist after it ran")
                if path.hasSuffix("/") || path.contains("*") { continue }
                let was = before[path] ?? nil
                XCTAssertTrue(now == nil || now != was,
                              "\(place): its comment says it writes \(path), which it left as it was")
            }

            let name = String(format: "%02d", index + 1) + "-" + Self.slug(example) + ".txt"
            expectedGoldens.insert(name)
            let text = "$ \(example.command)\n" + Self.transcript(output, normalising: root.path, clockSince: started, kind: example.kind)
            try Self.compare(text, withGolden: "\(Self.goldenDir)/\(name)", what: place)
        }
        try Self.checkNoStrayGoldens(in: Self.goldenDir, expected: expectedGoldens, what: "README example")
    }

    // MARK: --help

    func testHelpOfEveryCommandMatchesItsGolden() throws {
        try checkHelp(language: "en", folder: Self.helpDir)
    }

    /// SPEC §15: every command's help in Chinese, the default (goldens in Help/zh/); the parser's
    /// headings too (HelpHeadings). gridpay-datagen, a developer's tool, stays in English.
    func testHelpOfEveryCommandInChineseMatchesItsGolden() throws {
        try checkHelp(language: "zh", folder: Self.helpDir + "/zh")
    }

    func checkHelp(language: String, folder: String) throws {
        let environment = Self.environment.merging(["GRIDPAY_LANG": language]) { $1 }
        let subcommands = Self.subcommands(inHelp: try BinaryRunner.run(["--help"], environment: Self.environment.merging(["GRIDPAY_LANG": "en"]) { $1 }).stdout)
        XCTAssertEqual(subcommands.count, Set(subcommands).count)
        XCTAssertTrue(subcommands.contains("run") && subcommands.contains("compare"), "no subcommands read from gridpay --help")
        var helps: [(String, BinaryRunner.Output)] = [("gridpay", try BinaryRunner.run(["--help"], environment: environment))]
        for subcommand in subcommands {
            helps.append(("gridpay-\(subcommand)", try BinaryRunner.run([subcommand, "--help"], environment: environment)))
        }
        if language == "en" {
            helps.append(("gridpay-datagen", try BinaryRunner.run(["--help"], binary: BinaryRunner.datagenBinaryPath, environment: environment)))
        }

        var expected: Set<String> = []
        for (name, output) in helps {
            XCTAssertEqual(output.status, 0, output.transcript)
            XCTAssertEqual(output.stderr, "", output.transcript)
            expected.insert("\(name).txt")
            let command = name == "gridpay-datagen" ? "gridpay-datagen --help"
                : (["gridpay"] + name.split(separator: "-").dropFirst().map(String.init) + ["--help"]).joined(separator: " ")
            try Self.compare("$ \(command)\n" + Self.transcript(output), withGolden: "\(folder)/\(name).txt", what: command)
        }
        try Self.checkNoStrayGoldens(in: folder, expected: expected, what: "command's --help")
    }

    /// The names listed under SUBCOMMANDS: in `gridpay --help` (a name at two spaces' indent;
    /// descriptions wrap at a deeper one).
    static func subcommands(inHelp help: String) -> [String] {
        var names: [String] = []
        var inList = false
        for line in help.components(separatedBy: "\n") {
            if line == "SUBCOMMANDS:" { inList = true; continue }
            guard inList else { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            if line.hasPrefix("  "), !line.hasPrefix("   "),
               let name = line.dropFirst(2).split(separator: " ").first {
                names.append(String(name))
            }
        }
        return names
    }

    // MARK: reading the README

    /// The examples of `readme`, in order; fails on a command-block line that is neither an
    /// example nor one of `linesNotRun`, and on a line of `linesNotRun` that the README lacks.
    static func examples(in readme: String) -> [Example] {
        var examples: [Example] = []
        var unclassified: [String] = []
        let lines = commandLines(in: readme)
        for (line, text) in lines {
            let (command, comment) = splitComment(text)
            let words = shellWords(command)
            guard let first = words.first else { continue }
            let kind: Example.Kind
            if first == "gridpay" {
                kind = .gridpay
            } else if first == "gridpay-datagen" || first.hasSuffix("/gridpay-datagen") {
                kind = .datagen
            } else if first == "sed" {
                kind = .shell
            } else {
                if linesNotRun[command] == nil { unclassified.append("README.md:\(line): \(command)") }
                continue
            }
            examples.append(Example(kind: kind, line: line, command: command, comment: comment, words: words))
        }
        let notSeen = linesNotRun.keys.filter { key in !lines.contains { splitComment($0.text).command == key } }
        XCTAssertEqual(notSeen.sorted(), [], "ReadmeExampleTests.linesNotRun names lines that README.md no longer has")
        if !unclassified.isEmpty {
            XCTFail("command-block lines that this test neither runs nor lists in linesNotRun (add them to one or the other):\n"
                    + unclassified.joined(separator: "\n"))
        }
        return examples
    }

    /// The lines of README.md's command blocks (indented blocks after a blank line; fences that
    /// are not `textFences`), with their line numbers; a line ending in `\` is joined with the next.
    static func commandLines(in readme: String) -> [(line: Int, text: String)] {
        var raw: [(Int, String)] = []
        var fence: String?
        var inIndentedBlock = false
        var previousBlank = true
        for (i, line) in readme.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let info = fence {
                if trimmed.hasPrefix("```") { fence = nil } else if !textFences.contains(info) && !trimmed.isEmpty { raw.append((i + 1, trimmed)) }
                previousBlank = false
                continue
            }
            if trimmed.hasPrefix("```") {
                fence = String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                inIndentedBlock = false
                previousBlank = false
                continue
            }
            if trimmed.isEmpty { previousBlank = true; continue }
            let indented = line.hasPrefix("    ") || line.hasPrefix("\t")
            inIndentedBlock = indented && (inIndentedBlock || previousBlank)
            if inIndentedBlock { raw.append((i + 1, trimmed)) }
            previousBlank = false
        }
        var joined: [(line: Int, text: String)] = []
        var pending: (line: Int, text: String)?
        for (line, text) in raw {
            let piece = pending.map { ($0.line, $0.text + " " + text) } ?? (line, text)
            if piece.1.hasSuffix("\\") {
                pending = (piece.0, String(piece.1.dropLast()).trimmingCharacters(in: .whitespaces))
            } else {
                pending = nil
                joined.append((piece.0, piece.1))
            }
        }
        if let p = pending { joined.append(p) }
        return joined
    }

    /// The command and its comment (after a `#` that starts a word outside quotes).
    static func splitComment(_ text: String) -> (command: String, comment: String) {
        var quote: Character?
        var previous: Character = " "
        for index in text.indices {
            let c = text[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "#" && previous.isWhitespace {
                return (text[..<index].trimmingCharacters(in: .whitespaces),
                        text[text.index(after: index)...].trimmingCharacters(in: .whitespaces))
            }
            previous = c
        }
        return (text.trimmingCharacters(in: .whitespaces), "")
    }

    /// Words as a POSIX shell splits them (whitespace outside quotes; quotes removed).
    static func shellWords(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for c in command {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c.isWhitespace {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The paths a comment says the example writes: after `→`, comma-separated, each the first
    /// word of its part; a part starting with `-` is a sibling of the first path
    /// (`x/qinghe-2026-10.xlsx, -pay.csv` → `x/qinghe-2026-10-pay.csv`; `x/t-2026-rating.xlsx,
    /// -rating.csv` → `x/t-2026-rating.csv`).
    static func promisedPaths(_ comment: String) -> [String] {
        guard let arrow = comment.range(of: "→") else { return [] }
        var paths: [String] = []
        for part in comment[arrow.upperBound...].split(separator: ",") {
            guard let word = part.split(separator: " ").first.map(String.init) else { continue }
            if word.hasPrefix("-"), let first = paths.first {
                let folder = (first as NSString).deletingLastPathComponent
                var stem = ((first as NSString).lastPathComponent as NSString).deletingPathExtension
                let suffixStem = (word as NSString).deletingPathExtension
                if stem.hasSuffix(suffixStem) { stem = String(stem.dropLast(suffixStem.count)) }
                paths.append("\(folder)/\(stem)\(word)")
            } else {
                paths.append(word)
            }
        }
        return paths
    }

    /// What identifies a path's current content: a file's inode and modification time (a
    /// rewrite renames a new file into place); for a folder, or a pattern `folder/*.csv`, the
    /// names it holds (nil when there is none). nil when it does not exist.
    static func identity(_ relative: String, in root: String) -> String? {
        let fm = FileManager.default
        let path = root + "/" + relative
        if path.hasSuffix("/") || path.contains("*") {
            let folder = path.contains("*") ? (path as NSString).deletingLastPathComponent : path
            let pattern = path.contains("*") ? (path as NSString).lastPathComponent : "*"
            let parts = pattern.components(separatedBy: "*")
            guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return nil }
            let matching = names.filter { $0.hasPrefix(parts[0]) && $0.hasSuffix(parts.last!) && !$0.hasPrefix(".") }.sorted()
            return matching.isEmpty ? nil : matching.joined(separator: ",")
        }
        guard let attributes = try? fm.attributesOfItem(atPath: path), attributes[.type] as? FileAttributeType == .typeRegular
        else { return nil }
        return "\(attributes[.systemFileNumber] ?? "") \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
    }

    /// The golden file's name after its number: the command and its leading arguments, up to the
    /// first option (`run-qinghe-2026-10`, `check-Rules-qinghe.toml`, `gridpay-datagen`).
    static func slug(_ example: Example) -> String {
        var words = example.words
        if example.kind == .gridpay { words.removeFirst() } else { words[0] = (words[0] as NSString).lastPathComponent }
        var kept: [String] = []
        for (i, word) in words.enumerated() {
            if i > 0 && (word.hasPrefix("-") || example.kind == .shell) { break }
            let clean = word.replacingOccurrences(of: "/", with: "-").filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
            if !clean.isEmpty { kept.append(clean) }
        }
        return kept.joined(separator: "-")
    }

    // MARK: running and comparing

    /// `/bin/sh -c command` in `directory`.
    static func shell(_ command: String, in directory: String) throws -> BinaryRunner.Output {
        let scratch = try BinaryRunner.TempFolder(prefix: "gridpay-readme-sh")
        let out = scratch.path("out"), err = scratch.path("err")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try p.run()
        p.waitUntilExit()
        return BinaryRunner.Output(status: p.terminationStatus, stdout: try String(contentsOfFile: out, encoding: .utf8),
                                   stderr: try String(contentsOfFile: err, encoding: .utf8), arguments: ["-c", command])
    }

    /// Exit status, stdout and stderr, normalised: the temporary folder → `<tmp>`; a time
    /// `YYYY-MM-DD HH:MM:SS` (UTC) or `YYYY-MM-DD HH:MM:SS ±HH:MM` (local) from `since` until now
    /// (the ledger's closing time; status's closing and output times) →
    /// `<closed-at>`; the ledger's chain head → `<chain-head>`; gridpay-datagen's `in 0.08 s` →
    /// `in <seconds> s`.
    static func transcript(_ output: BinaryRunner.Output, normalising root: String? = nil, clockSince since: Date? = nil,
                           kind: Example.Kind = .gridpay) -> String {
        let until = Date()
        func normalise(_ text: String) -> String {
            guard let root, let since else { return text }
            var text = text.replacingOccurrences(of: root, with: "<tmp>")
            let resolved = (root as NSString).resolvingSymlinksInPath
            if resolved != root { text = text.replacingOccurrences(of: resolved, with: "<tmp>") }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
            let local = DateFormatter()
            local.locale = Locale(identifier: "en_US_POSIX")
            local.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
            // UTC as the ledger stores it, or local time with its offset as status shows it.
            let clock = try! NSRegularExpression(pattern: #"\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}( [+-]\d{2}:\d{2})?"#)
            for match in clock.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
                let range = Range(match.range, in: text)!
                let stamp = String(text[range])
                if let date = stamp.count > 19 ? local.date(from: stamp) : formatter.date(from: stamp),
                   date >= since.addingTimeInterval(-2), date <= until.addingTimeInterval(2) {
                    text.replaceSubrange(range, with: "<closed-at>")
                }
            }
            // The ledger's chain head hashes the closing times.
            let head = try! NSRegularExpression(pattern: "chain head [0-9a-f]{64}")
            text = head.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "chain head <chain-head>")
            if kind == .datagen {
                let elapsed = try! NSRegularExpression(pattern: #" in \d+(\.\d+)? s$"#, options: [.anchorsMatchLines])
                text = elapsed.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " in <seconds> s")
            }
            return text
        }
        return "exit status \(output.status)\n--- stdout\n\(normalise(output.stdout))--- stderr\n\(normalise(output.stderr))---\n"
    }

    /// Equal to the golden file at `path`, or (GRIDPAY_RECORD_GOLDEN=1) written there.
    static func compare(_ text: String, withGolden path: String, what: String,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        if recording {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        guard let golden = FileManager.default.contents(atPath: path) else {
            return XCTFail("\(what): no golden file \(path); record it with GRIDPAY_RECORD_GOLDEN=1 swift test --filter ReadmeExampleTests",
                           file: file, line: line)
        }
        let expected = String(decoding: golden, as: UTF8.self)
        guard text != expected else { return }
        let got = text.components(separatedBy: "\n"), want = expected.components(separatedBy: "\n")
        let first = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        XCTFail("""
            \(what): differs from \(path) at line \(first + 1)
              golden: \(first < want.count ? want[first] : "(end)")
              now:    \(first < got.count ? got[first] : "(end)")
            (an intended change: GRIDPAY_RECORD_GOLDEN=1 swift test --filter ReadmeExampleTests, then review the diff)
            whole output now:
            \(text)
            """, file: file, line: line)
    }

    /// Fails on a golden file in `folder` that no example or command has (removed when recording).
    static func checkNoStrayGoldens(in folder: String, expected: Set<String>, what: String,
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        let present = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".txt") })
        for stray in present.subtracting(expected).sorted() {
            if recording {
                try FileManager.default.removeItem(atPath: "\(folder)/\(stray)")
            } else {
                XCTFail("\(folder)/\(stray) is the golden file of no \(what); remove it, or re-record with GRIDPAY_RECORD_GOLDEN=1",
                        file: file, line: line)
            }
        }
    }
}
