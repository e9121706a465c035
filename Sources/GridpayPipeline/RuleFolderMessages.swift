/// Messages of `gridpay check <folder of versions>` and of a version's orphaned [[tests]]: what
/// is wrong, where (the caller gives the position) and what the governance office does about it.
public enum RuleFolderMessages {
    static func noVersions(_ folder: String) -> String {
        "the folder \(folder) holds no rule version (<version>.toml); expected one file per dated version of the town, e.g. \(folder)/2026.1.toml"
    }

    static func otherTown(_ file: String, town: String, expected: String) -> String {
        "\(file) is a rule file of town '\(town)', but the folder holds versions of '\(expected)'; expected [rules] town = \"\(expected)\", or the file moved to the folder of its own town"
    }

    static func sameEffectiveFrom(_ file: String, other: String, from: String) -> String {
        "\(file) and \(other) both take effect from \(from) ([rules] effective_from): which of them is in force from \(from) is ambiguous; give the newer one a later effective_from, or remove the older"
    }

    static func sameVersion(_ file: String, other: String, version: String) -> String {
        "\(file) and \(other) are both version \(version) ([rules] version): outputs and the ledger name a rule file by its version, so versions must differ; give the newer one a new version"
    }

    static func otherPeriodKind(_ file: String, kind: String, other: String, otherKind: String) -> String {
        "\(file) assesses by \(kind) and \(other) by \(otherKind) ([rules] period); a town's versions are expected to agree, unless the scheme itself changed"
    }

    static func insidePeriod(_ file: String, from: String, period: String, first: String, firstMonth: String) -> String {
        "\(file) takes effect from \(from), inside \(period), which is assessed under the version in force at its first month; so it applies from \(first) on: expected effective_from = \"\(firstMonth)\" if that is meant"
    }

    static func neverInForce(_ file: String, from: String, later: String, laterFrom: String) -> String {
        "\(file) (effective_from \(from)) is never in force: \(later) takes effect from \(laterFrom) before any period of its own begins; remove it, or correct one of the two effective_from"
    }

    /// One version's span, for the summary: "2026.1.toml (version 2026.1): 2026-01 … 2026-10".
    static func span(_ file: String, version: String, first: String, last: String?) -> String {
        "\(file) (version \(version)): in force \(last.map { "\(first) … \($0)" } ?? "from \(first) on")"
    }

    static func summary(_ folder: String, versions: Int, usable: Int, passed: Int, failed: Int, errors: Int) -> String {
        "\(folder): \(versions) version(s), \(usable) valid; tests: \(passed) passed, \(failed) failed; \(errors) error(s) in the folder"
    }

    /// A failing test whose period is before its version takes effect (copied with the file when
    /// effective_from was raised): it is run under its own version all the same.
    public static func orphanedTest(_ name: String, period: String, effectiveFrom: String) -> String {
        "test '\(name)' tests \(period), before this version takes effect (effective_from \(effectiveFrom)); it was run under this version all the same. "
            + "If this version changed what the test pinned, update its expected values; or keep the test in the version in force for \(period) "
            + "and give this version tests of a period from \(effectiveFrom) on (period = \"\(effectiveFrom)\", with the dates of its inputs in that period)"
    }
}
