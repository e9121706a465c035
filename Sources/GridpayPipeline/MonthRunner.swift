import Foundation
import GridpayCore
import GridpayCSV
import GridpayXLSX

public struct RunRequest: Sendable {
    public var town: String
    /// The assessment period: a month, or a quarter for a town assessed by quarter.
    public var period: CalendarPeriod
    public var rulesDir = "Rules"
    public var inputDir = "Input"
    public var outputDir = "Output"
    /// Rows the user accepted: they are left out of the month and listed.
    public var accepted: Set<RowPosition> = []
    /// The words of the command that asked for the run (the command line's options, or the
    /// console's buttons): what its messages advise is said in them.
    public var words: CommandWords
    /// How rows with problems can be left out, given an example `FILE:LINE`, where the command
    /// accepts no rows for this period (`rate`; the re-run of a corrected closed period).
    /// Nil: accepted as `words.accept` says.
    public var acceptAdvice: (@Sendable (String) -> String)?
    /// Accepted rows that may lapse: one matching no acceptable problem is not an error but is
    /// listed in `PreparedMonth.lapsedAccepted` (a correction's rows accepted at closing, SPEC §9:
    /// the corrected inputs may have fixed the row).
    public var acceptedMayLapse = false
    /// Threads reading input tables at once (the outputs are the same at any count).
    public var threads = RunRequest.defaultThreads
    /// Two: the machines a town runs on have at least two cores, and a month's largest table
    /// (patrol sessions) is read in about the time of all the others together, so a third thread
    /// rarely has a table to read.
    public static let defaultThreads = 2
    /// Closed earlier periods (the ledger): the history reads their published results.
    public var published: PublishedHistory?
    /// Corrections of closed periods carried into this period's pay (the ledger works them out).
    public var carried: CarriedCorrections?
    /// The name a closed period's rule file was closed under: a rule file is its bytes, so the same
    /// bytes moved (into `Rules/<town>/`) re-run a closed period as published, naming it as then.
    public var publishedRuleFile: String?
    /// Where earlier periods are read from for the history (nil: `inputDir` and `rulesDir`). A
    /// closed period is re-run with its history as its closing archived it (the ledger lays it out
    /// elsewhere): a history month that appeared or changed in Input/ afterwards changes nothing.
    public var historyInputDir: String?
    public var historyRulesDir: String?
    /// The second reading of a run with accepted rows: they are counted as they are, to say what
    /// leaving them out changes (SPEC §15; AcceptanceChanges).
    var countsAcceptedRows = false
    /// Read for `explain`, which prints one worker's derivation and writes nothing: a refusal says
    /// nothing was explained, not that nothing was written.
    public var explainsOnly = false

    public init(town: String, period: CalendarPeriod, words: CommandWords) {
        self.town = town
        self.period = period
        self.words = words
    }

    public init(town: String, period: Period, words: CommandWords) {
        self.init(town: town, period: CalendarPeriod(month: period), words: words)
    }

    /// The folder the inputs' file names are relative to: the month's folder, or for a quarter
    /// the town's (its files are named `YYYY-MM/<file>`).
    var monthInputDir: String { period.kind == .month ? "\(inputDir)/\(town)/\(period)" : "\(inputDir)/\(town)" }
}

/// A month read and scored, not yet written: shared by `run` and `explain`.
public final class PreparedMonth {
    public let request: RunRequest
    public let rules: LoadedRules
    public let inputs: MonthInputs
    public let report: MonthReport
    /// What the report was scored from: `explain`, rule-file tests and the ledger ask it for more.
    public var scoring: MonthScoring { inputs.scoring }
    let history: EarlierMonths
    /// Per-row deductions on disk, one spill per table in rule-file order (runs); empty when
    /// they are kept in memory (explain, tests).
    let deductionSpills: [DeductionSpill]
    let scratch: ScratchFolder?
    /// Corrections carried into this period (nil: none); each worker's 往期调整 is its report's `adjustment`.
    public internal(set) var carried: CarriedCorrections?
    /// Accepted rows that matched no acceptable problem where the request let them lapse.
    public internal(set) var lapsedAccepted: [RowPosition] = []
    /// What leaving the accepted rows out changes per worker (worked out when the period is
    /// written: nil before, or where no accepted row can be counted).
    var acceptanceChanges: AcceptanceChanges?
    /// The rule versions the period was read with: the accepted rows' second reading uses them.
    var rulesFor: ((Period) -> Result<LoadedRules, PipelineFailure>)?

    init(request: RunRequest, rules: LoadedRules, inputs: MonthInputs, report: MonthReport, history: EarlierMonths,
         deductionSpills: [DeductionSpill], scratch: ScratchFolder?) {
        self.deductionSpills = deductionSpills
        self.scratch = scratch
        self.request = request
        self.rules = rules
        self.inputs = inputs
        self.report = report
        self.history = history
    }

    /// Every problem worth listing in 数据问题, plus missing history.
    public var reportedProblems: [InputProblem] {
        var all = inputs.problems + offRosterAdjustments
        for (p, why) in report.incompleteHistory {
            all.append(InputProblem(.history, .warning, file: "\(p)", line: nil, message: RunMessages.historyIncomplete(why.inCurrentLanguage), acceptable: false))
        }
        return all
    }

    public var ruleFileName: String { request.publishedRuleFile ?? (rules.path as NSString).lastPathComponent }

    /// The 说明 sheet: what was read, with hashes, and how the month was scored.
    func aboutLines() -> [(String, String)] {
        let r = report.rules
        var lines: [(String, String)] = [
            ("镇(街道)", "\(r.townName) (\(r.town))"),
            (report.period.kind == .month ? "考核月份" : "考核期间", report.period.aboutText(monthStartsOn: r.monthStartsOn)),
            ("规则文件", ruleFileName),
            ("规则版本", "\(r.version)，自 \(r.effectiveFrom) 起施行"),
            ("规则文件 SHA-256", rules.sha256),
        ]
        for f in inputs.files {
            lines.append(("输入 \(f.file)", "SHA-256 \(f.sha256)；\(f.bytes) 字节；数据行 \(f.rowsRead)，计入 \(f.rowsUsed)；读取形式：\(f.form)"))
        }
        for (p, m) in history.monthsRead {
            lines.append(("\(p.kind == .month ? "历史月份" : "历史期间") \(p)", "规则 \((m.rules.path as NSString).lastPathComponent) 版本 \(m.rules.rules.version) SHA-256 \(m.rules.sha256)"))
            for f in m.files { lines.append(("历史输入 \(p)/\(f.file)", "SHA-256 \(f.sha256)")) }
        }
        for p in history.publishedRead.sorted() {
            lines.append(("\(p.kind == .month ? "历史月份" : "历史期间") \(p)", "已结账：读取账本中公布的结果（规则文件 SHA-256 \(history.published?.publishedRuleSHA256(of: p) ?? "")）"))
        }
        // Where each preliminary period's 总分 (上半年总分) comes from (SPEC §8, §9).
        for (p, published) in zip(r.preliminaryPeriods(of: report.period), report.preliminaryPublished) {
            lines.append((PreliminaryTotals.label(p), published ? "\(p) 已结账：各人\(RuleLoader.totalName)为账本中公布的结果，不重算"
                                                                  : "\(p) 未结账：按其输入计算，同 gridpay run \(r.town) \(p)"))
        }
        if let carried {
            lines.append(("往期更正", "更正期间 \(carried.periods.joined(separator: "、"))：按各期自身的规则版本重算，差额计入本期往期调整（见往期更正表）"))
            for p in offRosterAdjustments { lines.append(("往期调整未计入", p.sheetMessage)) }
        }
        for (p, why) in report.incompleteHistory {
            lines.append(("历史不完整", "\(p)：\(why.sheetMessage)；依赖该月的建议（如建议更换）不予提出"))
        }
        let accepted = inputs.problems.filter(\.accepted).map(\.rowReference)
        if !accepted.isEmpty { lines.append(("已接受的问题行", Array(Set(accepted)).sorted().joined(separator: "，"))) }
        lines += AcceptanceReport(inputs.acceptedEffects, changes: acceptanceChanges).aboutLines
        lines.append(("计分", "各项得分按四舍五入保留 \(r.itemRoundingPlaces) 位小数，总分为\(r.totalBase == .zero ? "" : "\(r.totalBase) 加")各项之和；总分\(r.totalMinimum.map { "不低于 \($0)" } ?? "下不保底")，\(r.totalMaximum.map { "不高于 \($0)" } ?? "上不封顶")"))
        lines.append(("排名", "按总分从高到低；总分相同者并列，其后名次顺延（1、2、2、4）；并列者按\(SheetLabels.roster(r)[0])排列"))
        for a in r.awards {
            lines.append((a.name, "\(a.amount) 元\(a.per == nil ? "" : "（每个单位各 \(a.amount) 元）")由 \(a.toText) 者均分：每份向下取整到分，余下的分按编号（Unicode 码点顺序）从小到大每人加 0.01；\(a.direction == .award ? "计入考核绩效" : "计入扣款合计")"))
        }
        if r.hasPay {
            lines.append(("绩效工资", "考核绩效 = \(r.pay.scorePayText)；实发绩效 = max(0, 考核绩效 − 扣款合计)；扣款超出考核绩效的部分记为未扣足"))
        } else {
            lines.append(("绩效工资", "规则文件未设 [pay]：本考核不计发绩效工资，不出绩效工资表与工资条"))
        }
        lines.append(("程序版本", "gridpay \(GridpayVersion.current)"))
        return lines
    }
}

public struct RunResult: Sendable {
    public var directory: String
    public var files: [String]
    public var warnings: [Diagnostic]
    /// Workers, total payable and the change against the period before (a period's run; nil for
    /// a rating).
    public var summary: RunSummary?
    /// Earlier periods the history could not read (历史不完整), ascending.
    public var historyGaps: [CalendarPeriod] = []

    public init(directory: String, files: [String], warnings: [Diagnostic], summary: RunSummary? = nil) {
        self.directory = directory
        self.files = files
        self.warnings = warnings
        self.summary = summary
    }
}

public enum MonthRunner {
    public static func rulesFor(request: RunRequest) -> (Period) -> Result<LoadedRules, PipelineFailure> {
        { period in
            RuleFiles.locate(town: request.town, period: period, rulesDir: request.rulesDir).flatMap { RuleFiles.load(path: $0) }
        }
    }

    /// Reads and scores the month. Fails, listing every problem, if any unaccepted problem would
    /// change someone's pay.
    /// `spill`: keep per-row deductions and duplicate-key checks on disk, so memory does not grow
    /// with rows (what `run` does; `explain` and rule-file tests keep them in memory).
    public static func prepare(_ request: RunRequest, rules loadRules: ((Period) -> Result<LoadedRules, PipelineFailure>)? = nil,
                               progress: RunReporter? = nil, spill: Bool = false) -> Result<PreparedMonth, PipelineFailure> {
        do throws(PipelineFailure) {
            let rulesFor = loadRules ?? rulesFor(request: request)
            let rules = try ruleVersion(for: request, rulesFor: rulesFor)
            try checkInputFolders(request)
            let history = EarlierMonths(inputRoot: "\(request.historyInputDir ?? request.inputDir)/\(request.town)",
                                        rulesFor: historyRules(request) ?? rulesFor)
            history.published = request.published
            let spills = try spill ? MonthSpills(tables: rules.rules.tables.count) : MonthSpills()
            history.scratch = spills.scratch
            var clock = PhaseClock(progress)
            let inputs = readInputs(request, rules: rules, history: history, spills: spills, progress: progress)
            // A full or broken temporary folder is no problem of the inputs: said as what it is.
            if let scratchFailure = inputs.scratchFailures.first { throw PipelineFailure(message: scratchFailure) }
            let lapsed = try refuseBlockingProblems(inputs, request: request, rules: rules)
            if !lapsed.isEmpty { return readingLapsedRows(request, lapsed: lapsed, rules: loadRules, progress: progress, spill: spill) }
            clock.lap("read inputs")
            progress?.status(ProgressMessages.scoring(inputs.scoring.workerCount))
            // 往期调整 enters the pay lines where the ledger carries corrections of closed periods.
            let carried = request.carried.flatMap { $0.isEmpty ? nil : $0 }
            let built = MonthReport.build(inputs.scoring, adjustments: carried?.adjustments)
            clock.lap("score")
            var report: MonthReport
            switch built {
            case .success(let r): report = r
            case .failure(let f): throw PipelineFailure(diagnostics: f.diagnostics, sources: [rules.path: rules.text])
            }
            if let failure = PreliminaryTotals.attach(to: &report, request: request, history: history, rules: loadRules, progress: progress) { throw failure }
            let month = PreparedMonth(request: request, rules: rules, inputs: inputs, report: report, history: history,
                                      deductionSpills: spills.inTableOrder, scratch: spills.scratch)
            if !report.workers.isEmpty { month.carried = carried }
            month.lapsedAccepted = lapsed
            month.rulesFor = rulesFor
            return .success(month)
        } catch {
            return .failure(error)
        }
    }

    /// The rule versions of earlier periods where the request reads them from elsewhere.
    static func historyRules(_ request: RunRequest) -> ((Period) -> Result<LoadedRules, PipelineFailure>)? {
        guard let dir = request.historyRulesDir else { return nil }
        var earlier = request
        earlier.rulesDir = dir
        return rulesFor(request: earlier)
    }

    /// Accepted rows that lapsed (the corrected inputs fixed them) are no longer left out: the
    /// period is read again counting them, so that a correction carries what fixing them changes
    /// (SPEC §9; QA H24). Each round accepts fewer rows, so this ends.
    static func readingLapsedRows(_ request: RunRequest, lapsed: [RowPosition], rules: ((Period) -> Result<LoadedRules, PipelineFailure>)?,
                                  progress: RunReporter?, spill: Bool) -> Result<PreparedMonth, PipelineFailure> {
        var again = request
        again.accepted.subtract(lapsed)
        return prepare(again, rules: rules, progress: progress, spill: spill).map { month in
            month.lapsedAccepted = lapsed + month.lapsedAccepted
            return month
        }
    }

    /// The rule version in force at the period's first month, checked to be the town's and to
    /// run periods of this kind.
    static func ruleVersion(for request: RunRequest, rulesFor: (Period) -> Result<LoadedRules, PipelineFailure>) throws(PipelineFailure) -> LoadedRules {
        let rules = try rulesFor(request.period.firstMonth).get()
        guard rules.rules.town == request.town else {
            throw PipelineFailure(message: RunMessages.wrongTown(rules.path, town: rules.rules.town, asked: request.town))
        }
        guard rules.rules.runs(request.period) else {
            throw PipelineFailure(message: PeriodMismatch.message(town: request.town, asked: request.period, rules: rules.rules, ruleFile: rules.path, words: request.words))
        }
        return rules
    }

    /// Every month folder of the period exists and can be listed.
    static func checkInputFolders(_ request: RunRequest) throws(PipelineFailure) {
        let missing = request.period.months.map { "\(request.inputDir)/\(request.town)/\($0)" }.filter { !QuarterReader.isFolder($0) }
        guard missing.isEmpty else {
            if request.period.kind == .month {
                throw PipelineFailure(message: RunMessages.noInputFolder(request.town, "\(request.period)", folder: missing[0]))
            }
            throw PipelineFailure(message: RunMessages.monthFoldersMissing(request.town, "\(request.period)", months: missing.map { ($0 as NSString).lastPathComponent },
                                                                           townFolder: "\(request.inputDir)/\(request.town)", kind: request.period.kind))
        }
        // A folder that cannot be listed is said as that (not as every file of it missing).
        let unreadable = request.period.months.map { "\(request.inputDir)/\(request.town)/\($0)" }.compactMap { dir -> String? in
            guard let d = opendir(dir) else { return RunMessages.unreadableFolder(dir, reason: SystemError.words(errno)) }
            closedir(d)
            return nil
        }
        if !unreadable.isEmpty { throw PipelineFailure(diagnostics: unreadable.map { .error($0, at: nil) }) }
    }

    /// The period's inputs: one month's folder, or a quarter's months.
    static func readInputs(_ request: RunRequest, rules: LoadedRules, history: EarlierMonths, spills: MonthSpills,
                           progress: RunReporter?) -> MonthInputs {
        let sink: (Int) -> DeductionSink? = { spills.byTable[$0] }
        if let month = request.period.asMonth {
            return MonthReader.read(rules: rules, period: month, directory: request.monthInputDir,
                                    accepted: request.accepted, history: history, progress: progress,
                                    scratch: spills.scratch?.path, deductionSink: sink, threads: request.threads, countsAccepted: request.countsAcceptedRows)
        }
        return QuarterReader.read(rules: rules, quarter: request.period, townDirectory: request.monthInputDir, accepted: request.accepted,
                                  history: history, progress: progress, scratch: spills.scratch?.path, deductionSink: sink, threads: request.threads,
                                  countsAccepted: request.countsAcceptedRows)
    }

    /// Refuses the month when a problem would change someone's pay, or an accepted row matches no
    /// acceptable problem; returns the accepted rows that lapse instead (where the request lets them).
    static func refuseBlockingProblems(_ inputs: MonthInputs, request: RunRequest, rules: LoadedRules) throws(PipelineFailure) -> [RowPosition] {
        var blocking = inputs.blockingProblems
        let acceptable = Set(inputs.problems.filter { $0.acceptable && $0.severity == .error }.map(\.position))
        var lapsed: [RowPosition] = []
        let roster = rules.rules.rosterTable.file
        let causes = FileCauseReport(inputs: inputs, request: request)
        for row in request.accepted.sorted(by: { $0.description < $1.description }) {
            if let (id, fault) = causes.rosterCause(of: row) {
                let message = RunMessages.rowOfRosterErrorNotAcceptable(row.description, id: id, roster: roster, rosterLine: fault.line, words: request.words)
                blocking.append(InputProblem(.badValue, .error, file: row.description, line: nil, message: message, acceptable: false))
                continue
            }
            guard !acceptable.contains(row) else { continue }
            if request.acceptedMayLapse { lapsed.append(row); continue }
            let message = (row.file as NSString).lastPathComponent == roster
                ? RunMessages.rosterRowNotAcceptable(row.description, roster: roster, words: request.words)
                : RunMessages.acceptMatchesNothing(row.description, suggestion: Suggestion.didYouMean(row.description, among: acceptable.map(\.description)),
                                                   words: request.words)
            blocking.append(InputProblem(.badValue, .error, file: row.description, line: nil, message: message, acceptable: false))
        }
        guard blocking.isEmpty else {
            // One cause, one message (SPEC §15): said before the rows, which are not offered to --accept.
            var diagnostics = causes.diagnostics + inputs.problems.map { $0.diagnostic(directory: request.monthInputDir, words: request.words) }
            diagnostics += blocking.filter { $0.line == nil && $0.kind == .badValue }.map { Diagnostic.error($0.message, at: nil) }
            let acceptable = blocking.filter { $0.acceptable && !causes.explains($0) }.count
            // A file's unlisted errors count as many as they are (SPEC §15: how many rows).
            let total = blocking.reduce(0) { $0 + $1.blockingCount }
            var summary = request.explainsOnly
                ? ExplainMessages.refused(total, town: request.town, period: "\(request.period)", pay: rules.rules.hasPay)
                : rules.rules.hasPay ? RunMessages.runRefused(total, town: request.town, period: "\(request.period)")
                : PeriodMessages.refusedWithoutPay(total, town: request.town, period: "\(request.period)")
            if acceptable > 0 {
                let example = blocking.first { $0.acceptable && !causes.explains($0) }!.rowReference
                summary += RunMessages.acceptableRows(acceptable, example: example, advice: request.acceptAdvice?(example), words: request.words)
            }
            summary += causes.summaryTail(accepted: request.accepted, roster: roster)
            diagnostics.append(.error(summary, at: nil))
            throw PipelineFailure(diagnostics: diagnostics, sources: [rules.path: rules.text])
        }
        return lapsed
    }

    /// Runs the month and writes its outputs atomically: all files appear together, or none do
    /// and the previous outputs stay as they were.
    public static func run(_ request: RunRequest, progress: RunReporter? = nil) -> Result<RunResult, PipelineFailure> {
        if let refusal = OutputPlace.refusal(request) { return .failure(refusal) }
        switch prepare(request, progress: progress, spill: true) {
        case .success(let m): return write(m, progress: progress)
        case .failure(let f): return .failure(f)
        }
    }

    /// Writes a prepared month's outputs atomically (what `run` does after `prepare`).
    public static func write(_ month: PreparedMonth, progress: RunReporter? = nil) -> Result<RunResult, PipelineFailure> {
        let request = month.request
        // What leaving the accepted rows out changes: said with the warnings and in 说明.
        if month.acceptanceChanges == nil, let rulesFor = month.rulesFor { month.acceptanceChanges = AcceptanceChanges(month, rules: rulesFor) }
        progress?.status(ProgressMessages.writingWorkbook())
        let names = PeriodOutputs(outputDir: request.outputDir, town: request.town, period: "\(request.period)")
        let finalDir = names.directory
        if let refusal = OutputPlace.refusal(request) { return .failure(refusal) }
        var clock = PhaseClock(progress)
        defer { clock.lap("write outputs") }
        do {
            let files = try OutputPublisher.publish(to: finalDir, holder: "\(request.town) \(request.period)") { dir in
                let xlsx = names.workbookName, csv = names.payName, manifest = names.manifestName
                try WorkbookWriter(month: month).write(to: "\(dir)/\(xlsx)")
                // No pay CSV for a town without [pay] (SPEC §17).
                let hasPay = month.report.rules.hasPay
                if hasPay { try PayCSV.write(month, to: "\(dir)/\(csv)") }
                let outputs = hasPay ? [xlsx, csv] : [xlsx]
                try Manifest.write(month, outputs: outputs, directory: dir, to: "\(dir)/\(manifest)")
                return outputs + [manifest]
            }
            let warnings = month.reportedProblems.filter { !$0.blocks }.map { $0.diagnostic(directory: request.monthInputDir, words: request.words) }
                + AcceptanceReport(month.inputs.acceptedEffects, changes: month.acceptanceChanges).diagnostics(directory: request.monthInputDir)
            var result = RunResult(directory: finalDir, files: files, warnings: warnings, summary: RunSummary(month))
            result.historyGaps = month.report.incompleteHistory.map(\.0)
            return .success(result)
        } catch let busy as OutputPublisher.Busy {
            return .failure(PipelineFailure(message: busy.description))
        } catch {
            return .failure(PipelineFailure(message: RunMessages.writingFailed(finalDir, reason: FileProblem.describe(error))))
        }
    }
}
