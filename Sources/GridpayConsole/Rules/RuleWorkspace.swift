import Foundation
import GridpayCore
import GridpayHash
import GridpayLedger
import GridpayPipeline

/// The rule workspace of the governance office (SPEC §14 role 规则, issue 24): the town's versions,
/// drafts checked as `gridpay check` checks a file, a draft compared on a period as `gridpay
/// compare` does, and a draft adopted as a new dated version under `Rules/<town>/`.
enum RuleWorkspace {

    struct Version: Codable, Sendable { var version: String; var effective_from: String; var sha256: String; var file: String
                                        var adopted_by: String?; var adopted_at: String? }
    struct Problem: Codable, Sendable, Equatable { var severity: String; var line: Int?; var column: Int?; var message: String }
    struct Tests: Codable, Sendable, Equatable { var passed: Int; var failed: Int }
    struct Checked: Codable, Sendable { var problems: [Problem]; var tests: Tests }

    /// The town's version files: `Rules/<town>/*.toml`, or the one `Rules/<town>.toml`.
    static func versionFiles(town: String, rulesDir: String) -> [String] {
        let folder = "\(rulesDir)/\(town)"
        if RuleFolderCheck.isFolder(folder) {
            return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".toml") }.sorted().map { "\(folder)/\($0)" }
        }
        let single = "\(rulesDir)/\(town).toml"
        return FileManager.default.fileExists(atPath: single) ? [single] : []
    }

    static func versions(town: String, console: Console) throws -> [Version] {
        try versionFiles(town: town, rulesDir: console.folders.rulesDir).compactMap { path -> Version? in
            guard case .success(let l) = RuleFiles.load(path: path) else { return nil }
            let adopted = try console.store.adoption(town: town, sha256: l.sha256)
            return Version(version: l.rules.version, effective_from: "\(l.rules.effectiveFrom)", sha256: l.sha256,
                           file: (path as NSString).lastPathComponent, adopted_by: adopted?.by, adopted_at: adopted?.at)
        }.sorted { $0.effective_from < $1.effective_from }
    }

    /// A draft's text as a file of the console's own (`Console/drafts/<town>/<name>.toml`), for the
    /// commands' loaders; rewritten at each use.
    static func draftFile(town: String, name: String, text: String, console: Console) throws -> String {
        let dir = "\(console.folders.consoleDir)/drafts/\(town)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = "\(dir)/\(name).toml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }

    /// The draft checked as `gridpay check` checks a file: every problem at its line and column,
    /// then (when it loads) its [[tests]] run.
    static func check(town: String, name: String, text: String, console: Console) throws -> (Checked, LoadedRules?) {
        let path = try draftFile(town: town, name: name, text: text, console: console)
        switch RuleFiles.load(path: path) {
        case .failure(let f):
            return (Checked(problems: f.diagnostics.map(problem), tests: Tests(passed: 0, failed: 0)), nil)
        case .success(let loaded):
            var problems: [Problem] = []
            if loaded.rules.town != town { problems.append(Problem(severity: "error", line: 1, column: 1, message: RuleWorkspaceMessages.otherTown(loaded.rules.town, town))) }
            let report = RuleTestRunner.run(loaded, words: .console)
            problems += report.failures.map(problem)
            let tests = Tests(passed: report.passed.count, failed: report.testCount - report.passed.count)
            return (Checked(problems: problems, tests: tests), loaded.rules.town == town ? loaded : nil)
        }
    }

    static func problem(_ d: Diagnostic) -> Problem {
        Problem(severity: d.severity.rawValue, line: d.location?.line, column: d.location?.column, message: d.message)
    }

    /// The draft's text with `[rules] effective_from` set to `month` (the adopted file's bytes say it).
    static func withEffectiveFrom(_ text: String, _ loaded: LoadedRules, month: Period) -> String? {
        guard let at = loaded.rules.effectiveFromLocation else { return nil }
        var lines = text.components(separatedBy: "\n")
        guard at.line >= 1, at.line <= lines.count,
              let r = lines[at.line - 1].range(of: #"effective_from\s*=\s*"[^"]*""#, options: .regularExpression) else { return nil }
        lines[at.line - 1].replaceSubrange(r, with: "effective_from = \"\(month)\"")
        return lines.joined(separator: "\n")
    }
}
