import GridpayCore

/// Messages of `gridpay check <folder of versions>` and of a version's orphaned [[tests]]: what
/// is wrong, where (the caller gives the position) and what the governance office does about it.
/// Each in both languages (SPEC §15).
public enum RuleFolderMessages {
    static func noVersions(_ folder: String) -> String {
        bilingual(
            zh: "文件夹 \(folder) 中没有规则版本（<版本>.toml）；应每个生效版本一个文件，例如 \(folder)/2026.1.toml",
            en: "the folder \(folder) holds no rule version (<version>.toml); expected one file per dated version of the town, e.g. \(folder)/2026.1.toml")
    }

    static func otherTown(_ file: String, town: String, expected: String) -> String {
        bilingual(
            zh: "\(file) 是镇（街道）“\(town)”的规则文件，而此文件夹存放“\(expected)”的各版本；应写 [rules] town = \"\(expected)\"，或把该文件移到它自己的镇的文件夹",
            en: "\(file) is a rule file of town '\(town)', but the folder holds versions of '\(expected)'; expected [rules] town = \"\(expected)\", or the file moved to the folder of its own town")
    }

    static func sameEffectiveFrom(_ file: String, other: String, from: String) -> String {
        bilingual(
            zh: "\(file) 与 \(other) 都自 \(from) 起施行（[rules] effective_from）：\(from) 起施行哪一个无法确定；请把较新的一个改为更晚的 effective_from，或删去较旧的一个",
            en: "\(file) and \(other) both take effect from \(from) ([rules] effective_from): which of them is in force from \(from) is ambiguous; give the newer one a later effective_from, or remove the older")
    }

    static func sameVersion(_ file: String, other: String, version: String) -> String {
        bilingual(
            zh: "\(file) 与 \(other) 的版本号都是 \(version)（[rules] version）：输出和台账按版本号指明规则文件，版本号必须不同；请给较新的一个新的版本号",
            en: "\(file) and \(other) are both version \(version) ([rules] version): outputs and the ledger name a rule file by its version, so versions must differ; give the newer one a new version")
    }

    static func otherPeriodKind(_ file: String, kind: String, other: String, otherKind: String) -> String {
        bilingual(
            zh: "\(file) 按 \(kind) 考核，\(other) 按 \(otherKind) 考核（[rules] period）；同一镇的各版本应一致，除非考核办法本身改了",
            en: "\(file) assesses by \(kind) and \(other) by \(otherKind) ([rules] period); a town's versions are expected to agree, unless the scheme itself changed")
    }

    static func insidePeriod(_ file: String, from: String, period: String, first: String, firstMonth: String) -> String {
        bilingual(
            zh: "\(file) 自 \(from) 起施行，落在 \(period) 之中，而该期按其第一个月施行的版本考核；所以它从 \(first) 起才适用：如是此意，应写 effective_from = \"\(firstMonth)\"",
            en: "\(file) takes effect from \(from), inside \(period), which is assessed under the version in force at its first month; so it applies from \(first) on: expected effective_from = \"\(firstMonth)\" if that is meant")
    }

    static func neverInForce(_ file: String, from: String, later: String, laterFrom: String) -> String {
        bilingual(
            zh: "\(file)（effective_from \(from)）从不施行：\(later) 自 \(laterFrom) 起施行，早于它自己的任何一期开始；请删去它，或改正两者之一的 effective_from",
            en: "\(file) (effective_from \(from)) is never in force: \(later) takes effect from \(laterFrom) before any period of its own begins; remove it, or correct one of the two effective_from")
    }

    /// One version's span, for the summary: "2026.1.toml (version 2026.1): in force 2026-01 … 2026-10".
    static func span(_ file: String, version: String, first: String, last: String?) -> String {
        bilingual(
            zh: "\(file)（版本 \(version)）：\(last.map { "\(first) … \($0) 施行" } ?? "自 \(first) 起施行")",
            en: "\(file) (version \(version)): in force \(last.map { "\(first) … \($0)" } ?? "from \(first) on")")
    }

    /// A folder of towns' rule files (`Rules/`): each checked on its own.
    static func townsSummary(_ folder: String, files: Int, usable: Int, passed: Int, failed: Int) -> String {
        bilingual(
            zh: "\(folder)：各镇的规则文件 \(files) 个，\(usable) 个有效；测试：通过 \(passed) 个，未通过 \(failed) 个（这是存放各镇规则文件的文件夹，每个文件单独检查）",
            en: "\(folder): \(files) towns' rule file(s), \(usable) valid; tests: \(passed) passed, \(failed) failed (a folder of towns' rule files, each checked on its own)")
    }

    static func summary(_ folder: String, versions: Int, usable: Int, passed: Int, failed: Int, errors: Int) -> String {
        bilingual(
            zh: "\(folder)：\(versions) 个版本，\(usable) 个有效；测试：通过 \(passed) 个，未通过 \(failed) 个；文件夹有 \(errors) 个错误",
            en: "\(folder): \(versions) version(s), \(usable) valid; tests: \(passed) passed, \(failed) failed; \(errors) error(s) in the folder")
    }

    /// A failing test whose period is before its version takes effect (copied with the file when
    /// effective_from was raised): it is run under its own version all the same.
    public static func orphanedTest(_ name: String, period: String, effectiveFrom: String) -> String {
        bilingual(
            zh: "测试“\(name)”测的是 \(period)，早于本版本施行（effective_from \(effectiveFrom)）；它仍按本版本运行。"
                + "如果本版本改变了该测试固定的数值，请更新它的期望值；或者把该测试留在 \(period) 施行的版本中，"
                + "并给本版本写 \(effectiveFrom) 及以后的测试（period = \"\(effectiveFrom)\"，输入中的日期也在该期内）",
            en: "test '\(name)' tests \(period), before this version takes effect (effective_from \(effectiveFrom)); it was run under this version all the same. "
                + "If this version changed what the test pinned, update its expected values; or keep the test in the version in force for \(period) "
                + "and give this version tests of a period from \(effectiveFrom) on (period = \"\(effectiveFrom)\", with the dates of its inputs in that period)")
    }
}
