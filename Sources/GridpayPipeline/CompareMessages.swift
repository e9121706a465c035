import GridpayCore

/// What `gridpay compare` says (SPEC §13): its printed summary and its refusals, one function per
/// kind, each in both languages (SPEC §15). The column words (总分, 实发绩效, 排名, 现行, 拟议) are
/// the sheets' own, in both.
public enum CompareMessages {
    // MARK: the printed summary

    static func heading(_ town: String, _ period: String, current: String, currentVersion: String, proposed: String, proposedVersion: String) -> String {
        bilingual(zh: "\(town) \(period)：现行 \(current)（版本 \(currentVersion)）与拟议 \(proposed)（版本 \(proposedVersion)）对比",
                  en: "\(town) \(period): 现行 \(current) (version \(currentVersion)) vs 拟议 \(proposed) (version \(proposedVersion))")
    }

    /// `pay`: how many workers' 实发绩效 changes, nil when neither rule file pays.
    static func counts(workers: Int, totals: Int, ranks: Int, flags: Int, pay: Int?) -> String {
        bilingual(zh: "网格员 \(workers) 人；总分有变化 \(totals) 人，排名有变化 \(ranks) 人，标记或等次有变化 \(flags) 人\(pay.map { "，实发绩效有变化 \($0) 人" } ?? "")",
                  en: "workers: \(workers); 总分 changes for \(totals), 排名 for \(ranks), flags or 等次 for \(flags)\(pay.map { ", 实发绩效 for \($0)" } ?? "")")
    }

    static func payable(before: String, after: String, delta: String) -> String {
        bilingual(zh: "实发绩效合计：现行 \(before)，拟议 \(after)，差额 \(delta)",
                  en: "total payable (实发绩效): 现行 \(before), 拟议 \(after), 差额 \(delta)")
    }

    static func noChanges(hasPay: Bool) -> String {
        bilingual(zh: hasPay ? "没有网格员的总分或实发绩效有变化" : "没有网格员的总分有变化",
                  en: hasPay ? "no worker's 总分 or 实发绩效 changes" : "no worker's 总分 changes")
    }

    static func largestChanges() -> String {
        bilingual(zh: "变化最大的网格员：", en: "largest changes:")
    }

    /// A mover's line starts with its 总分; `pay`, `rank` and `changes` follow when given.
    static func mover(_ id: String, _ name: String, total: (String, String, String), pay: (String, String, String)?, rank: (String, String)?, changes: [String]) -> String {
        bilingual(zh: "  \(id) \(name)：总分 \(total.0) → \(total.1)（\(total.2)）\(pay.map { "，实发绩效 \($0.0) → \($0.1)（\($0.2)）" } ?? "")\(rank.map { "，排名 \($0.0) → \($0.1)" } ?? "")\(changes.isEmpty ? "" : "，" + changes.joined(separator: "，"))",
                  en: "  \(id) \(name): 总分 \(total.0) → \(total.1) (\(total.2))\(pay.map { ", 实发绩效 \($0.0) → \($0.1) (\($0.2))" } ?? "")\(rank.map { ", 排名 \($0.0) → \($0.1)" } ?? "")\(changes.isEmpty ? "" : ", " + changes.joined(separator: "，"))")
    }

    // MARK: refusals

    static func noCandidate(_ path: String) -> String {
        bilingual(zh: "\(path) 处没有候选规则文件或文件夹；请检查给出的路径", en: "no candidate rule file or folder at \(path); check the path given")
    }

    static func noVersionInForce(_ path: String, period: String) -> String {
        bilingual(zh: "\(path) 中没有对 \(period) 生效的规则版本（每个文件 [rules] 的 effective_from 都在它之后）",
                  en: "no rule version in \(path) is in force for \(period) (each file's [rules] effective_from is after it)")
    }

    static func candidateOfAnotherTown(_ path: String, town: String, asked: String) -> String {
        bilingual(zh: "\(path) 是“\(town)”的规则文件，不是“\(asked)”的", en: "\(path) is a rule file of town '\(town)', not '\(asked)'")
    }

    static func writingFailed(_ path: String, reason: String) -> String {
        bilingual(zh: "写出 \(path) 失败：\(reason)；原有的输出保持不变", en: "writing \(path) failed: \(reason); earlier outputs were left as they were")
    }

    static func candidateTestFailed(_ message: String) -> String {
        bilingual(zh: "候选规则的测试：\(message)", en: "candidate's test: \(message)")
    }
}
