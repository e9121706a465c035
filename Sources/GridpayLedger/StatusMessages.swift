import Foundation
import GridpayCore

/// What `gridpay status` prints (SPEC §9, §15): the closed periods with their times in local
/// time, and the open ones (inputs present, not closed), run or not.
enum StatusMessages {
    static func noLedger(town: String, path: String) -> String {
        bilingual(zh: "\(town)：尚无已结账的期间（没有台账 \(path)）", en: "\(town): no period is closed (there is no ledger \(path))")
    }

    static func ledger(town: String, path: String) -> String {
        bilingual(zh: "\(town)：台账 \(path)", en: "\(town): ledger \(path)")
    }

    static func closedHeader() -> String {
        bilingual(zh: "期间 | 结账人 | 结账时间（本地时间） | 规则版本 | 人数 | 实发合计（元）",
                  en: "period | closed by | closed at (local time) | rule version | workers | total payable (yuan)")
    }

    /// A period whose archived rule file has no [pay] (SPEC §17: nothing pretends there is pay).
    static func noPay() -> String {
        bilingual(zh: "—（未设绩效工资）", en: "— (no pay: the rule file has no [pay])")
    }

    static func revision(_ r: Settlement, at local: String, payable: String) -> String {
        bilingual(zh: "  第\(r.revision)次修订：\(r.settledIn ?? "") 结算，\(r.closedBy) 于 \(local) 结账；更正后实发合计 \(payable) 元",
                  en: "  revision \(r.revision): settled in \(r.settledIn ?? "") by \(r.closedBy) at \(local); total payable as corrected \(payable) yuan")
    }

    static func noCorrections() -> String {
        bilingual(zh: "待结算的往期更正：无", en: "corrections waiting to be settled: none")
    }

    static func corrections(_ count: Int, carriedBy open: String) -> String {
        bilingual(zh: "待结算的往期更正：\(count) 项（由 \(open) 的运行计入，\(open) 结账时结算）",
                  en: "corrections waiting to be settled: \(count) (carried by the run of \(open), settled when \(open) is closed)")
    }

    /// A period's line under `corrections`: its changed files (`changedFile`).
    static func waiting(_ period: String, files: [String]) -> String {
        bilingual(zh: "  \(period) 的输入：\(files.joined(separator: "、"))", en: "  \(period): \(files.joined(separator: ", "))")
    }

    static func changedFile(_ file: String, missing: Bool) -> String {
        missing ? bilingual(zh: "\(file)（已缺失）", en: "\(file) (missing)") : bilingual(zh: "\(file)（已改动）", en: "\(file) (changed)")
    }

    static func openHeader(_ count: Int) -> String {
        count == 0
            ? bilingual(zh: "未结账的期间（已有输入、尚未结账）：无", en: "open periods (inputs present, not closed): none")
            : bilingual(zh: "未结账的期间（已有输入、尚未结账）：\(count) 个", en: "open periods (inputs present, not closed): \(count)")
    }

    static func openPeriod(_ period: String, files: Int, writtenAt local: String?, outputFolder: String) -> String {
        guard let local else {
            return bilingual(zh: "\(period) | 输入文件 \(files) 个 | 未运行（\(outputFolder) 中没有输出）",
                             en: "\(period) | \(files) input file(s) | not run (no outputs in \(outputFolder))")
        }
        return bilingual(zh: "\(period) | 输入文件 \(files) 个 | 已运行，输出写于 \(local)",
                         en: "\(period) | \(files) input file(s) | run, outputs written \(local)")
    }
}
