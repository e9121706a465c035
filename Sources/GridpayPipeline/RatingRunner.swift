import Foundation
import GridpayCore
import GridpayCSV

/// `gridpay rate <town> <YYYY | YYYY-Hn | YYYY-Qn>` (SPEC §8): each assessment period inside
/// is taken from the ledger where it is closed (`published`), otherwise computed from its inputs
/// and marked 未结账; a period with neither makes the rating fail, listing every such period.
public struct RateRequest: Sendable {
    public var town: String
    public var period: CalendarPeriod
    public var rulesDir = "Rules"
    public var inputDir = "Input"
    public var outputDir = "Output"
    public var threads = RunRequest.defaultThreads
    /// Closed periods (the ledger): open periods computed for the rating read their history here.
    public var history: PublishedHistory?
    /// The words of the command that asked for the rating, for what its messages advise.
    public var words: CommandWords

    public init(town: String, period: CalendarPeriod, words: CommandWords) {
        self.town = town
        self.period = period
        self.words = words
    }

    func run(_ p: CalendarPeriod) -> RunRequest {
        var r = RunRequest(town: town, period: p, words: words)
        r.rulesDir = rulesDir
        r.inputDir = inputDir
        r.outputDir = outputDir
        r.threads = threads
        r.published = history
        // rate takes no --accept: a period rated from its inputs cannot leave a row out.
        r.acceptAdvice = { [town, words] example in
            RatingMessages.cannotLeaveOut(town, "\(p)", example: example, words: words)
        }
        return r
    }
}

/// A closed period's published results, or nil when the period is not closed (the ledger's seam:
/// without a ledger every period is computed from its inputs).
public typealias PublishedResults = @Sendable (CalendarPeriod) -> Result<PeriodResults?, PipelineFailure>

/// A rating ready to write, with the rule file that declares it.
public struct PreparedRating: Sendable {
    public var report: RatingReport
    public var rules: LoadedRules
    public var request: RateRequest
}

public enum RatingRunner {
    public static let sheetName = "等次评定"

    /// The rule version in force at the rated period's last month declares the rating.
    public static func rules(for request: RateRequest) -> Result<LoadedRules, PipelineFailure> {
        let loaded: LoadedRules
        switch RuleFiles.locate(town: request.town, period: request.period.lastMonth, rulesDir: request.rulesDir).flatMap({ RuleFiles.load(path: $0) }) {
        case .success(let l): loaded = l
        case .failure(let f): return .failure(f)
        }
        guard loaded.rules.town == request.town else {
            return .failure(PipelineFailure(message: RunMessages.wrongTown(loaded.path, town: loaded.rules.town, asked: request.town)))
        }
        return .success(loaded)
    }

    /// Whether `period` is rated (longer than the town's assessment period) rather than run.
    public static func isRating(_ period: CalendarPeriod, assessedBy kind: PeriodKind) -> Bool {
        CalendarPeriod.length(of: period.kind) > CalendarPeriod.length(of: kind)
    }

    public static func prepare(_ request: RateRequest, published: PublishedResults = { _ in .success(nil) },
                               progress: RunReporter? = nil) -> Result<PreparedRating, PipelineFailure> {
        let loaded: LoadedRules
        switch rules(for: request) {
        case .success(let l): loaded = l
        case .failure(let f): return .failure(f)
        }
        let rules = loaded.rules
        let spec: RatingSpec
        switch ratingSpec(request, loaded: loaded) {
        case .success(let s): spec = s
        case .failure(let f): return .failure(f)
        }
        let gathered = periodResults(request, rules: rules, published: published, progress: progress)
        let (results, sources, missing) = (gathered.results, gathered.sources, gathered.missing)
        var diagnostics = gathered.diagnostics + missingPeriods(missing, request: request)
        guard diagnostics.isEmpty else {
            let summary = RatingMessages.cannotRate(request.town, "\(request.period)", missing: missing.map(\.description), kind: rules.periodKind)
            diagnostics.append(.error(summary, at: nil))
            return .failure(PipelineFailure(diagnostics: diagnostics, sources: sources))
        }
        do {
            let report = try RatingReport.build(town: rules.town, townName: rules.townName, period: request.period, spec: spec, results: results)
            return .success(PreparedRating(report: report, rules: loaded, request: request))
        } catch {
            return .failure(PipelineFailure(diagnostics: [.error(error.message, at: error.location)], sources: [loaded.path: loaded.text]))
        }
    }


    /// The rating the rule file declares for the period's kind; a period of the town's own kind
    /// (or shorter) is run, not rated.
    static func ratingSpec(_ request: RateRequest, loaded: LoadedRules) -> Result<RatingSpec, PipelineFailure> {
        let rules = loaded.rules
        guard isRating(request.period, assessedBy: rules.periodKind) else {
            let longer = rules.ratings.flatMap(\.periods)
            return .failure(PipelineFailure(message: PeriodMessages.runNotRated(request.town, kind: rules.periodKind, "\(request.period)", longer: longer,
                                                                                words: request.words)))
        }
        guard let spec = rules.rating(for: request.period.kind) else {
            let rated = rules.ratings.flatMap(\.periods)
            return .failure(PipelineFailure(message: PeriodMessages.noRating(loaded.path, kind: request.period.kind, town: request.town, rated: rated)))
        }
        return .success(spec)
    }

    /// Each assessment period of the rated one: published (the ledger), else computed from its
    /// inputs; the periods with neither are `missing`.
    static func periodResults(_ request: RateRequest, rules: RuleSet, published: PublishedResults, progress: RunReporter?)
        -> (results: [PeriodResults], diagnostics: [Diagnostic], sources: [String: String], missing: [CalendarPeriod]) {
        var results: [PeriodResults] = []
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        var missing: [CalendarPeriod] = []
        for p in request.period.periods(of: rules.periodKind) {
            progress?.status(ProgressMessages.readingPeriod("\(p)"))
            switch published(p) {
            case .failure(let f):
                diagnostics += f.diagnostics
                sources.merge(f.sources) { a, _ in a }
                continue
            case .success(let r?):
                results.append(r)
                continue
            case .success(nil):
                break
            }
            let folders = p.months.map { "\(request.inputDir)/\(request.town)/\($0)" }
            guard folders.allSatisfy(QuarterReader.isFolder) else {
                missing.append(p)
                continue
            }
            switch MonthRunner.prepare(request.run(p), progress: progress, spill: true) {
            case .success(let m): results.append(computed(m))
            case .failure(let f):
                diagnostics.append(.error(RatingMessages.notComputable("\(p)"), at: nil))
                diagnostics += f.diagnostics
                sources.merge(f.sources) { a, _ in a }
            }
        }
        return (results, diagnostics, sources, missing)
    }

    /// What is missing of each period that is neither published nor complete in its inputs.
    static func missingPeriods(_ missing: [CalendarPeriod], request: RateRequest) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for p in missing {
            let folders = p.months.map { "\(request.inputDir)/\(request.town)/\($0)" }
            let absent = folders.filter { !QuarterReader.isFolder($0) }
            if absent.count < folders.count {
                // Some month folders are there: name the ones that are not.
                diagnostics.append(.error(RatingMessages.monthFoldersMissing("\(p)", absent: absent, kind: p.kind, months: p.months.map(\.description)), at: nil))
                continue
            }
            diagnostics.append(.error(RatingMessages.neitherLedgerNorInputs("\(p)", folders: folders, isMonth: p.kind == .month), at: nil))
        }
        return diagnostics
    }

    /// A period computed from its inputs: its workers' totals, items and flags, and its sources.
    static func computed(_ m: PreparedMonth) -> PeriodResults {
        let rules = m.report.rules
        let workers = m.report.workers.sorted { $0.rosterLine < $1.rosterLine }.map { w in
            var numbers = [RuleLoader.totalName: w.total]
            for (i, item) in rules.items.enumerated() { numbers[item.name] = w.items[i] }
            var flags: [String: Bool] = [:]
            for (k, f) in rules.flags.enumerated() { flags[f.name] = w.flags[k] }
            return PeriodResults.Worker(id: w.id, name: w.name, unit: w.unit, group: w.group, numbers: numbers, flags: flags)
        }
        let p = m.report.period
        var sources = [PeriodResults.Source("\(p) 未结账", "按输入计算：规则 \(m.ruleFileName) 版本 \(rules.version) SHA-256 \(m.rules.sha256)")]
        for f in m.inputs.files {
            let name = p.kind == .month ? "\(p)/\(f.file)" : f.file
            sources.append(.init("\(p) 输入 \(name)", "SHA-256 \(f.sha256)；\(f.bytes) 字节"))
        }
        return PeriodResults(period: p, closed: false, workers: workers, sources: sources)
    }

    /// Writes `<town>-<period>-rating.xlsx` and `-rating.csv` into `Output/<town>/<period>/`;
    /// each file appears whole or not at all (other files in the folder are left alone).
    public static func run(_ request: RateRequest, published: PublishedResults = { _ in .success(nil) },
                           progress: RunReporter? = nil) -> Result<RunResult, PipelineFailure> {
        let prepared: PreparedRating
        switch prepare(request, published: published, progress: progress) {
        case .success(let p): prepared = p
        case .failure(let f): return .failure(f)
        }
        progress?.status(ProgressMessages.writingRating())
        let dir = "\(request.outputDir)/\(request.town)/\(request.period)"
        let base = "\(request.town)-\(request.period)-rating"
        let fm = FileManager.default
        let staging = "\(request.outputDir)/\(request.town)/.\(request.period)-rating.partial-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: staging)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            defer { try? fm.removeItem(atPath: staging) }
            let files = ["\(base).xlsx", "\(base).csv"]
            try RatingWorkbook(rating: prepared).write(to: "\(staging)/\(files[0])")
            try RatingCSV.write(prepared.report, to: "\(staging)/\(files[1])", rosterLabels: SheetLabels.roster(prepared.rules.rules))
            for f in files {
                // rename(2) replaces the destination in one step.
                guard rename("\(staging)/\(f)", "\(dir)/\(f)") == 0 else {
                    throw PipelineFailure(message: RatingMessages.cannotMove(f, into: dir, reason: SystemError.words(errno)))
                }
            }
            return .success(RunResult(directory: dir, files: files, warnings: []))
        } catch {
            return .failure(PipelineFailure(message: RatingMessages.writingFailed(dir, reason: "\(error)")))
        }
    }
}

/// The rating as CSV (UTF-8 with BOM, CRLF, every field quoted): the columns of 等次评定.
enum RatingCSV {
    static func header(_ report: RatingReport, rosterLabels: [String]) -> [String] {
        [SheetLabels.rank] + rosterLabels + report.results.map { "\($0.period)" } + [RatingLabels.mean, GradeBands.gradeName, SheetLabels.remark]
    }

    static func write(_ report: RatingReport, to path: String, rosterLabels: [String]) throws {
        let w = try CSVWriter(path: path)
        try w.write(record: header(report, rosterLabels: rosterLabels))
        for r in report.rows {
            var row = ["\(r.rank)"] + [r.id, r.name, r.unit, r.group].map(PayCSV.neutralized)
            row += r.scores.map { $0?.fixed(places: 2) ?? "" }
            row += [r.mean.fixed(places: report.spec.places), r.grade, PayCSV.neutralized(r.remark)]
            try w.write(record: row)
        }
        try w.close()
    }
}

enum RatingLabels {
    static let mean = "平均分"
    static let open = "未结账"
}
