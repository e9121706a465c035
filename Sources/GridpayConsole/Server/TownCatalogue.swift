import Foundation
import GridpayCore
import GridpayPipeline

/// A town as the console lists it: from the rule file in force now (or the latest version).
public struct TownInfo: Sendable, Codable, Equatable {
    public var town: String
    public var name: String
    public var period_kind: String
}

/// The towns of `Rules/`: `<town>.toml` or a folder `<town>/` of dated versions.
final class TownCatalogue: Sendable {
    let rulesDir: String
    /// Loaded rule files by town and period, kept while the town's rule files stay as they were.
    private let loaded = StatCache<LoadedRules?>()
    init(rulesDir: String) { self.rulesDir = rulesDir }

    /// The files a town's rules are read from: `Rules/<town>.toml`, or the folder `Rules/<town>/` and its files.
    func ruleFiles(_ town: String) -> [String] {
        let folder = "\(rulesDir)/\(town)"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { "\(folder)/\($0)" }
        return ["\(rulesDir)/\(town).toml", folder] + versions
    }

    func all() -> [TownInfo] { Self.names(rulesDir: rulesDir).compactMap(info) }

    /// The towns that have rules in `rulesDir` (a `<town>.toml` or a folder `<town>/`), sorted,
    /// whether or not their rule files load.
    static func names(rulesDir: String) -> [String] {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: rulesDir)) ?? []).sorted()
        var names: [String] = []
        for e in entries where !e.hasPrefix(".") {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(rulesDir)/\(e)", isDirectory: &isDir)
            if isDir.boolValue { names.append(e) } else if e.hasSuffix(".toml") { names.append(String(e.dropLast(5))) }
        }
        return Array(Set(names)).sorted()
    }

    /// The rules of a town in force for `period` (default: the latest version).
    /// Every page asks for them: parsed once, then again only when a file of the town changed.
    func rules(town: String, period: Period = Period(year: 9999, month: 12)) -> LoadedRules? {
        guard PlainName.problem(town) == nil else { return nil }
        return loaded.value("\(town)/\(period)", paths: ruleFiles(town)) {
            guard case .success(let path) = RuleFiles.locate(town: town, period: period, rulesDir: rulesDir),
                  case .success(let loaded) = RuleFiles.load(path: path) else { return nil }
            return loaded
        }
    }

    func info(_ town: String) -> TownInfo? {
        guard let r = rules(town: town)?.rules else { return nil }
        return TownInfo(town: town, name: r.townName, period_kind: r.periodKind.rawValue)
    }

    /// The town if the account sees it; otherwise 404, naming nothing (SPEC §14).
    func visible(_ town: String, to account: Account) throws -> TownInfo {
        guard account.sees(town: town), let info = info(town) else { throw ConsoleHTTPError.notFound }
        return info
    }
}

/// `gridpay user add --town`: an account may only be given towns that have rules, so that a
/// misspelt town never leaves an account that silently sees nothing.
public enum AccountTowns {
    /// Every town of `towns` without rules in `rulesDir`, each said on its own line, with the towns
    /// that exist and who adds a new one.
    public static func check(_ towns: [String], rulesDir: String) throws(ConsoleFailure) {
        let known = TownCatalogue.names(rulesDir: rulesDir)
        let unknown = ConsoleStore.uniqueSorted(towns).filter { PlainName.problem($0) != nil || !known.contains($0) }
        guard !unknown.isEmpty else { return }
        throw ConsoleFailure(unknown.map { town in
            ConsoleMessages.noSuchTown(town, rulesDir: rulesDir, known: known, didYouMean: Suggestion.didYouMean(town, among: known))
        }.joined(separator: "\n"))
    }
}
