import Foundation
import GridpayCore

/// One version of a town's folder, checked: loaded (with its tests run under it) or refused.
public struct CheckedVersion: Sendable {
    public var path: String
    public var loaded: LoadedRules?
    /// Why the file cannot be used (nil when it loaded).
    public var failure: PipelineFailure?
    public var tests: RuleTestReport?
    /// The periods of the town's kind it governs: first, and last (nil: from `first` on; first nil: never).
    public var first: CalendarPeriod?
    public var last: CalendarPeriod?
}

/// `gridpay check Rules/<town>/` (issue 24): every version checked as `check` checks a file, each
/// one's [[tests]] run under that version, and the versions together: one town, no two taking
/// effect at once or sharing a version, every one in force for some period.
public struct RuleFolderReport: Sendable {
    public var folder: String
    public var versions: [CheckedVersion]
    /// Problems of the versions together (each at a version's effective_from where known).
    public var problems: [Diagnostic]
    /// The folder holds towns' rule files (`Rules/`, each `<town>.toml`), not one town's
    /// versions: each file is checked on its own, none against the others.
    public var ofTowns = false

    public var passed: Int { versions.reduce(0) { $0 + ($1.tests?.passed.count ?? 0) } }
    public var failed: Int { versions.reduce(0) { $0 + ($1.tests.map { $0.testCount - $0.passed.count } ?? 0) } }
    public var ok: Bool { failed == 0 && versions.allSatisfy { $0.loaded != nil } && !problems.contains { $0.severity == .error } }

    /// The spans of the versions in force, in order, and the counts.
    public var summaryLines: [String] {
        let spans = versions.filter { $0.first != nil }.map {
            RuleFolderMessages.span(($0.path as NSString).lastPathComponent, version: $0.loaded!.rules.version,
                                    first: "\($0.first!)", last: $0.last.map { "\($0)" })
        }
        let usable = versions.filter { $0.loaded != nil }.count
        if ofTowns { return [RuleFolderMessages.townsSummary(folder, files: versions.count, usable: usable, passed: passed, failed: failed)] }
        return spans + [RuleFolderMessages.summary(folder, versions: versions.count, usable: usable,
                                                   passed: passed, failed: failed, errors: problems.filter { $0.severity == .error }.count)]
    }
}

public enum RuleFolderCheck {
    public static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// `words`: those of the command that checks the folder (for the rule files' tests).
    public static func check(folder: String, words: CommandWords) -> RuleFolderReport {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
        var versions = names.map { name -> CheckedVersion in
            let path = "\(folder)/\(name)"
            switch RuleFiles.load(path: path) {
            case .success(let l): return CheckedVersion(path: path, loaded: l, tests: RuleTestRunner.run(l, words: words))
            case .failure(let f): return CheckedVersion(path: path, failure: f)
            }
        }
        var problems: [Diagnostic] = []
        let town = (folder as NSString).lastPathComponent
        // `check Rules`: every file the rule file of the town it is named after, none of this folder's.
        let loaded = versions.compactMap(\.loaded)
        let ofTowns = !loaded.isEmpty && loaded.allSatisfy {
            $0.rules.town != town && ($0.path as NSString).lastPathComponent == "\($0.rules.town).toml"
        }
        if ofTowns { return RuleFolderReport(folder: folder, versions: versions, problems: [], ofTowns: true) }
        if names.isEmpty { problems.append(.error(RuleFolderMessages.noVersions(folder), at: nil)) }
        problems += together(&versions, town: town)
        return RuleFolderReport(folder: folder, versions: versions, problems: problems)
    }

    /// The first period of `kind` that begins at or after `month`.
    public static func firstGoverned(_ kind: PeriodKind, from month: Period) -> CalendarPeriod {
        let p = CalendarPeriod.of(kind, holding: month)
        return p.firstMonth < month ? p.adding(1) : p
    }

    /// Town, version, period kind and effective periods of the loaded versions together; sets
    /// each version's span.
    static func together(_ versions: inout [CheckedVersion], town folderTown: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let loaded = versions.indices.filter { versions[$0].loaded != nil }
            .sorted { (versions[$0].loaded!.rules.effectiveFrom, versions[$0].path) < (versions[$1].loaded!.rules.effectiveFrom, versions[$1].path) }
        let files = versions.map { ($0.path as NSString).lastPathComponent }
        let places = versions.map { $0.loaded?.rules.effectiveFromLocation ?? SourceLocation(file: $0.path, line: 1, column: 1) }
        func file(_ i: Int) -> String { files[i] }
        func at(_ i: Int) -> SourceLocation { places[i] }
        // A file of another town is said once and not counted among the town's versions.
        for i in loaded where versions[i].loaded!.rules.town != folderTown {
            out.append(.error(RuleFolderMessages.otherTown(file(i), town: versions[i].loaded!.rules.town, expected: folderTown),
                              at: SourceLocation(file: versions[i].path, line: 1, column: 1)))
        }
        let order = loaded.filter { versions[$0].loaded!.rules.town == folderTown }
        var seenVersion: [String: Int] = [:]
        for (n, i) in order.enumerated() {
            let r = versions[i].loaded!.rules
            if let j = seenVersion[r.version] {
                out.append(.error(RuleFolderMessages.sameVersion(file(i), other: file(j), version: r.version), at: at(i)))
            } else { seenVersion[r.version] = i }
            guard n > 0 else { continue }
            let j = order[n - 1], prev = versions[j].loaded!.rules
            if prev.periodKind != r.periodKind {
                out.append(.warning(RuleFolderMessages.otherPeriodKind(file(i), kind: r.periodKind.rawValue, other: file(j), otherKind: prev.periodKind.rawValue), at: at(i)))
            }
            if prev.effectiveFrom == r.effectiveFrom {
                out.append(.error(RuleFolderMessages.sameEffectiveFrom(file(i), other: file(j), from: "\(r.effectiveFrom)"), at: at(i)))
            }
        }
        out += spans(&versions, order: order, files: files, places: places)
        return out
    }

    /// Each version governs the periods of its kind from the first that begins at or after its
    /// effective_from until the next version's first period.
    static func spans(_ versions: inout [CheckedVersion], order: [Int], files: [String], places: [SourceLocation]) -> [Diagnostic] {
        func file(_ i: Int) -> String { files[i] }
        func at(_ i: Int) -> SourceLocation { places[i] }
        var out: [Diagnostic] = []
        let firsts = order.map { firstGoverned(versions[$0].loaded!.rules.periodKind, from: versions[$0].loaded!.rules.effectiveFrom) }
        for (n, i) in order.enumerated() {
            let r = versions[i].loaded!.rules
            let next = order.indices.dropFirst(n + 1).first { firsts[$0].firstMonth > firsts[n].firstMonth }
            if n + 1 < order.count, firsts[n + 1].firstMonth <= firsts[n].firstMonth, r.effectiveFrom != versions[order[n + 1]].loaded!.rules.effectiveFrom {
                out.append(.error(RuleFolderMessages.neverInForce(file(i), from: "\(r.effectiveFrom)", later: file(order[n + 1]),
                                                                 laterFrom: "\(versions[order[n + 1]].loaded!.rules.effectiveFrom)"), at: at(i)))
                continue
            }
            if firsts[n].firstMonth != r.effectiveFrom {
                out.append(.warning(RuleFolderMessages.insidePeriod(file(i), from: "\(r.effectiveFrom)", period: "\(CalendarPeriod.of(r.periodKind, holding: r.effectiveFrom))",
                                                                   first: "\(firsts[n])", firstMonth: "\(firsts[n].firstMonth)"), at: at(i)))
            }
            versions[i].first = firsts[n]
            versions[i].last = next.map { lastBefore(firsts[$0], kind: r.periodKind) }
        }
        return out
    }

    /// The last period of `kind` that ends before `next` begins.
    static func lastBefore(_ next: CalendarPeriod, kind: PeriodKind) -> CalendarPeriod {
        CalendarPeriod.of(kind, holding: next.firstMonth.adding(months: -1))
    }
}
