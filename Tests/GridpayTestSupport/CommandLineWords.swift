import GridpayCore
import GridpayPipeline

extension CommandWords {
    /// The command line's words (Sources/gridpay/CommandLineWords.swift), for library tests whose
    /// expected messages are the command's.
    public static let commandLine = CommandWords(
        run: "gridpay run", close: "gridpay close", verify: "gridpay verify", status: "gridpay status",
        closedBy: "--by", accept: "--accept", inputDir: "--input-dir", outputDir: "--output-dir",
        ledgerDir: "--ledger-dir", chain: "--chain")
}

/// Runs, ratings and rule-file checks asked for as the command line asks for them: the library
/// takes the words of whoever asks; these tests' expected messages are the command line's.
extension RunRequest {
    public init(town: String, period: CalendarPeriod) {
        self.init(town: town, period: period, words: .commandLine)
    }

    public init(town: String, period: Period) {
        self.init(town: town, period: period, words: .commandLine)
    }
}

extension RateRequest {
    public init(town: String, period: CalendarPeriod) {
        self.init(town: town, period: period, words: .commandLine)
    }
}

extension RuleTestRunner {
    public static func run(_ declared: LoadedRules) -> RuleTestReport { run(declared, words: .commandLine) }
}

extension RuleFolderCheck {
    public static func check(folder: String) -> RuleFolderReport { check(folder: folder, words: .commandLine) }
}

extension Explanation {
    /// `gridpay explain`'s text, in the command line's words.
    public static func text(worker w: WorkerReport, in c: MonthScoring, ruleFile: String, workerCount: Int,
                            adjustment: ExactNumber? = nil, preliminaryPublished: [Bool] = []) -> String {
        text(worker: w, in: c, ruleFile: ruleFile, workerCount: workerCount, adjustment: adjustment,
             preliminaryPublished: preliminaryPublished, words: .commandLine)
    }
}
