import Foundation
import GridpayCore
import GridpayXLSX

/// `gridpay compare <town> <period> --rules <candidate>` (SPEC §13): the period under the rule
/// version in force and under the candidate, on the same inputs. Earlier periods that the history
/// reads keep their own rules (published results where closed); the candidate applies to the
/// compared period only. Writes `<town>-<period>-compare.xlsx` and nothing else.
public struct CompareRequest: Sendable {
    public var run: RunRequest
    /// A rule file, or a folder of versions (the one in force for the period is taken).
    public var candidate: String

    public init(run: RunRequest, candidate: String) {
        self.run = run
        self.candidate = candidate
    }
}

/// One worker's two results.
public struct ComparedWorker: Sendable {
    public var id: String, name: String, unit: String, group: String
    public var current: WorkerReport?
    public var proposed: WorkerReport?
    /// "等次 合格→优秀", "建议更换 否→是": every flag or grade that changes.
    public var changes: [String]

    public var totalDelta: ExactNumber { (try? (proposed?.total ?? .zero).subtracting(current?.total ?? .zero)) ?? .zero }
    public var payDelta: ExactNumber { (try? (proposed?.payable ?? .zero).subtracting(current?.payable ?? .zero)) ?? .zero }
    public var rankChanged: Bool { current?.rank != proposed?.rank }
}

public struct Comparison: Sendable {
    public var town: String, townName: String, period: CalendarPeriod
    public var current: LoadedRules, proposed: LoadedRules
    /// In the current results' order (rank, then id); workers only in the candidate's last.
    public var workers: [ComparedWorker]
    /// Failing [[tests]] of the candidate (warnings), and the runs' own warnings.
    public var warnings: [Diagnostic]
    public var inputs: [(String, String)]

    /// False when neither rule file has [pay] (SPEC §17): no 实发绩效 is compared or printed.
    public var hasPay: Bool { current.rules.hasPay || proposed.rules.hasPay }

    public var payableBefore: ExactNumber { sum(workers.map { $0.current?.payable ?? .zero }) }
    public var payableAfter: ExactNumber { sum(workers.map { $0.proposed?.payable ?? .zero }) }

    func sum(_ values: [ExactNumber]) -> ExactNumber {
        values.reduce(ExactNumber.zero) { (try? $0.adding($1)) ?? $0 }
    }

    /// The printed summary: counts of changes, total payable before and after, largest movers.
    public func summary(largest: Int = 5) -> String {
        let n = workers.count
        let totals = workers.filter { $0.totalDelta != .zero }.count
        let ranks = workers.filter(\.rankChanged).count
        let flags = workers.filter { !$0.changes.isEmpty }.count
        let pay = workers.filter { $0.payDelta != .zero }.count
        var lines = [CompareMessages.heading(town, "\(period)", current: current.path, currentVersion: current.rules.version, proposed: proposed.path, proposedVersion: proposed.rules.version),
                     CompareMessages.counts(workers: n, totals: totals, ranks: ranks, flags: flags, pay: hasPay ? pay : nil)]
        let delta = (try? payableAfter.subtracting(payableBefore)) ?? .zero
        if hasPay {
            lines.append(CompareMessages.payable(before: payableBefore.fixed(places: 2), after: payableAfter.fixed(places: 2), delta: Self.signed(delta)))
        }
        let movers = workers.filter { $0.payDelta != .zero || $0.totalDelta != .zero }
            .sorted { a, b in
                if a.payDelta.magnitude != b.payDelta.magnitude { return a.payDelta.magnitude > b.payDelta.magnitude }
                if a.totalDelta.magnitude != b.totalDelta.magnitude { return a.totalDelta.magnitude > b.totalDelta.magnitude }
                return IdOrder.less(a.id, b.id)
            }
            .prefix(largest)
        if movers.isEmpty {
            lines.append(CompareMessages.noChanges(hasPay: hasPay))
        } else {
            lines.append(CompareMessages.largestChanges())
            for w in movers {
                let total = (w.current?.total.fixed(places: 2) ?? "-", w.proposed?.total.fixed(places: 2) ?? "-", Self.signed(w.totalDelta))
                let pay = hasPay ? (w.current?.payable.fixed(places: 2) ?? "-", w.proposed?.payable.fixed(places: 2) ?? "-", Self.signed(w.payDelta)) : nil
                let rank = w.rankChanged ? (w.current.map { "\($0.rank)" } ?? "-", w.proposed.map { "\($0.rank)" } ?? "-") : nil
                lines.append(CompareMessages.mover(w.id, w.name, total: total, pay: pay, rank: rank, changes: w.changes))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func signed(_ x: ExactNumber) -> String { x.sign > 0 ? "+" + x.fixed(places: 2) : x.fixed(places: 2) }
}

public struct CompareResult: Sendable {
    public var comparison: Comparison
    public var path: String
}

public enum CompareRunner {
    /// The candidate: a file, or the version in force for `period` in a folder of versions.
    public static func loadCandidate(_ path: String, period: Period) -> Result<LoadedRules, PipelineFailure> {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return .failure(PipelineFailure(message: CompareMessages.noCandidate(path)))
        }
        guard isDir.boolValue else { return RuleFiles.load(path: path) }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
        var best: LoadedRules?
        var problems: [Diagnostic] = []
        var sources: [String: String] = [:]
        for f in files {
            switch RuleFiles.load(path: "\(path)/\(f)") {
            case .success(let l):
                if l.rules.effectiveFrom <= period, best == nil || l.rules.effectiveFrom > best!.rules.effectiveFrom { best = l }
            case .failure(let failure):
                problems += failure.diagnostics
                sources.merge(failure.sources) { a, _ in a }
            }
        }
        if !problems.isEmpty { return .failure(PipelineFailure(diagnostics: problems, sources: sources)) }
        guard let best else {
            return .failure(PipelineFailure(message: CompareMessages.noVersionInForce(path, period: "\(period)")))
        }
        return .success(best)
    }

    /// Scores the period twice and compares; writes nothing.
    public static func compare(_ request: CompareRequest, progress: RunReporter? = nil) -> Result<Comparison, PipelineFailure> {
        let run = request.run
        let candidate: LoadedRules
        switch loadCandidate(request.candidate, period: run.period.firstMonth) {
        case .success(let l): candidate = l
        case .failure(let f): return .failure(f)
        }
        guard candidate.rules.town == run.town else {
            return .failure(PipelineFailure(message: CompareMessages.candidateOfAnotherTown(candidate.path, town: candidate.rules.town, asked: run.town)))
        }
        // Its own tests: a candidate usually changes amounts its old tests pinned, so failures warn.
        let tests = RuleTestRunner.run(candidate, words: run.words)
        var warnings = tests.failures.map { Diagnostic.warning(CompareMessages.candidateTestFailed($0.message), at: $0.location) }
        let current: PreparedMonth
        switch MonthRunner.prepare(run, progress: progress, spill: true) {
        case .success(let m): current = m
        case .failure(let f): return .failure(f)
        }
        // The candidate for the compared period (and any month in it); earlier periods keep theirs.
        let inForce = MonthRunner.rulesFor(request: run)
        let first = run.period.firstMonth
        let proposedRules: (Period) -> Result<LoadedRules, PipelineFailure> = { p in p < first ? inForce(p) : .success(candidate) }
        let proposed: PreparedMonth
        switch MonthRunner.prepare(run, rules: proposedRules, progress: progress, spill: true) {
        case .success(let m): proposed = m
        case .failure(let f): return .failure(f)
        }
        warnings += current.inputs.problems.filter { $0.severity == .warning }.map { $0.diagnostic(directory: run.monthInputDir, words: run.words) }
        return .success(Comparison(town: run.town, townName: current.report.rules.townName, period: run.period,
                                   current: current.rules, proposed: proposed.rules,
                                   workers: pair(current.report, proposed.report), warnings: warnings,
                                   inputs: current.aboutLines().filter { $0.0.hasPrefix("输入") || $0.0.hasPrefix("历史") }))
    }

    /// Workers matched by id, in the current results' order; every flag or grade that changes.
    static func pair(_ a: MonthReport, _ b: MonthReport) -> [ComparedWorker] {
        var byID: [String: WorkerReport] = [:]
        for w in b.workers { byID[w.id] = w }
        var seen: Set<String> = []
        var out: [ComparedWorker] = []
        func flags(_ r: MonthReport, _ w: WorkerReport?) -> [String: String] {
            guard let w else { return [:] }
            var f: [String: String] = [:]
            for (k, flag) in r.rules.flags.enumerated() where k < w.flags.count { f[flag.name] = SheetLabels.yesNo(w.flags[k]) }
            if let g = w.grade { f[GradeBands.gradeName] = g }
            if let d = w.dutyMet { f[SheetLabels.duty] = SheetLabels.yesNo(d) }
            return f
        }
        let names = [GradeBands.gradeName, SheetLabels.duty] + (a.rules.flags.map(\.name) + b.rules.flags.map(\.name))
        func entry(_ c: WorkerReport?, _ p: WorkerReport?) -> ComparedWorker {
            let w = (c ?? p)!
            let fc = flags(a, c), fp = flags(b, p)
            var changes: [String] = []
            var done: Set<String> = []
            for n in names where done.insert(n).inserted && fc[n] != fp[n] {
                changes.append("\(n) \(fc[n] ?? "-")→\(fp[n] ?? "-")")
            }
            return ComparedWorker(id: w.id, name: w.name, unit: w.unit, group: w.group, current: c, proposed: p, changes: changes)
        }
        for c in a.workers {
            seen.insert(c.id)
            out.append(entry(c, byID[c.id]))
        }
        for p in b.workers where !seen.contains(p.id) { out.append(entry(nil, p)) }
        return out
    }

    /// Compares and writes `<town>-<period>-compare.xlsx` atomically into the period's output
    /// folder (the period's own outputs are not touched).
    public static func run(_ request: CompareRequest, progress: RunReporter? = nil) -> Result<CompareResult, PipelineFailure> {
        let comparison: Comparison
        switch compare(request, progress: progress) {
        case .success(let c): comparison = c
        case .failure(let f): return .failure(f)
        }
        let run = request.run
        let dir = "\(run.outputDir)/\(run.town)/\(run.period)"
        let name = "\(run.town)-\(run.period)-compare.xlsx"
        if let refusal = OutputPlace.refusal(run) { return .failure(refusal) }
        do {
            // As a run publishes: under the period's lock, fsynced, renamed into place in one
            // step; only this file is replaced, every other file in the folder is left alone.
            _ = try OutputPublisher.publish(to: dir, holder: "\(run.town) \(run.period)") { staging in
                try CompareWorkbook(comparison: comparison).write(to: "\(staging)/\(name)")
                return [name]
            }
        } catch let busy as OutputPublisher.Busy {
            return .failure(PipelineFailure(message: busy.description))
        } catch {
            return .failure(PipelineFailure(message: CompareMessages.writingFailed("\(dir)/\(name)", reason: FileProblem.describe(error))))
        }
        return .success(CompareResult(comparison: comparison, path: "\(dir)/\(name)"))
    }
}

/// The comparison workbook: 比较 (per worker), 单位汇总 (per unit and overall), 说明.
struct CompareWorkbook {
    let comparison: Comparison
    static let current = "现行", proposed = "拟议", delta = "差额"

    func write(to path: String) throws {
        let c = comparison
        let book = try XLSXWorkbook.gridpay(path: path, period: c.period, title: "\(c.townName) \(c.period) 规则比较",
                                            comments: "现行 \(c.current.sha256) 拟议 \(c.proposed.sha256)")
        let formats = SheetFormats(book)
        try writeWorkers(book, formats)
        try writeUnits(book, formats)
        try writeAbout(book, formats)
        try book.close()
    }

    func title(_ sheet: String) -> String { "\(comparison.townName) \(comparison.period) \(sheet)" }

    func writeWorkers(_ book: XLSXWorkbook, _ f: SheetFormats) throws(XLSXError) {
        let c = comparison
        let roster = SheetLabels.roster(c.current.rules)
        // The roster columns the current rules show ([roster] show, SPEC §17's 岗位) after the four.
        let shown = shownNames(c.current)
        let o = shown.count
        var columns = (roster + shown).map { SheetColumn($0, .text) }
        columns += [SheetColumn("总分\(Self.current)", .score), SheetColumn("总分\(Self.proposed)", .score), SheetColumn("总分\(Self.delta)", .score),
                    SheetColumn("排名\(Self.current)", .integer), SheetColumn("排名\(Self.proposed)", .integer),
                    SheetColumn("标记或等次变化", .text)]
        if c.hasPay {
            columns += [SheetColumn("实发绩效\(Self.current)", .money), SheetColumn("实发绩效\(Self.proposed)", .money), SheetColumn("实发绩效\(Self.delta)", .money)]
        }
        let items = itemNames
        // The item columns start after the pay columns, or where they would be (no [pay]).
        let firstItem = (c.hasPay ? 13 : 10) + o
        for name in items {
            columns += [Self.current, Self.proposed, Self.delta].map { SheetColumn("\(name)\($0)", .score) }
        }
        let t = try TableSheet(book, f, name: "比较", title: title("比较"), columns: columns, dataRows: c.workers.count)
        for (k, w) in c.workers.enumerated() {
            let row = k + 1
            for (col, text) in ([w.id, w.name, w.unit, w.group] + shownValues(w, shown)).enumerated() { try t.text(text, row: row, column: col) }
            func num(_ v: ExactNumber?, _ col: Int) throws(XLSXError) { if let v { try t.number(v, row: row, column: col) } else { try t.blank(row: row, column: col) } }
            try num(w.current?.total, o + 4)
            try num(w.proposed?.total, o + 5)
            try num(w.totalDelta, o + 6)
            try num(w.current.map { ExactNumber($0.rank) }, o + 7)
            try num(w.proposed.map { ExactNumber($0.rank) }, o + 8)
            try t.text(w.changes.joined(separator: "；"), row: row, column: o + 9)
            if c.hasPay {
                try num(w.current?.payable, o + 10)
                try num(w.proposed?.payable, o + 11)
                try num(w.payDelta, o + 12)
            }
            for (k, name) in items.enumerated() {
                let (a, b) = (w.current.flatMap { itemScore($0, name, c.current) }, w.proposed.flatMap { itemScore($0, name, c.proposed) })
                try num(a, firstItem + 3 * k)
                try num(b, firstItem + 1 + 3 * k)
                try num(a == nil && b == nil ? nil : (try? (b ?? .zero).subtracting(a ?? .zero)), firstItem + 2 + 3 * k)
            }
        }
        try t.finish()
    }

    /// The names of the roster columns `rules` shows after the four ([roster] show).
    func shownNames(_ rules: LoadedRules) -> [String] {
        rules.rules.roster.shown.map { rules.rules.rosterTable.columns[$0].name }
    }

    /// A worker's shown roster columns (`names`, the current rules'): from the current run, or by
    /// name from the candidate's where the worker is only in it; blank where neither shows one.
    func shownValues(_ w: ComparedWorker, _ names: [String]) -> [String] {
        if let current = w.current, current.shown.count == names.count { return current.shown }
        let theirs = shownNames(comparison.proposed)
        return names.map { n in
            guard let k = theirs.firstIndex(of: n), let p = w.proposed, k < p.shown.count else { return "" }
            return p.shown[k]
        }
    }

    /// Every item of either side, the current rules' order first (a candidate may add or drop items).
    var itemNames: [String] {
        var names = comparison.current.rules.items.map(\.name)
        for n in comparison.proposed.rules.items.map(\.name) where !names.contains(n) { names.append(n) }
        return names
    }

    /// A worker's rounded score of the item named `name` under `rules`; nil where the rules have no such item.
    func itemScore(_ w: WorkerReport, _ name: String, _ rules: LoadedRules) -> ExactNumber? {
        guard let k = rules.rules.items.firstIndex(where: { $0.name == name }), k < w.items.count else { return nil }
        return w.items[k]
    }

    func writeUnits(_ book: XLSXWorkbook, _ f: SheetFormats) throws {
        let c = comparison
        let unitLabel = SheetLabels.roster(c.current.rules)[2]
        var columns = [SheetColumn(unitLabel, .text), SheetColumn("人数", .count),
                       SheetColumn("总分合计\(Self.current)", .score), SheetColumn("总分合计\(Self.proposed)", .score), SheetColumn("总分合计\(Self.delta)", .score)]
        if c.hasPay {
            columns += [SheetColumn("实发绩效合计\(Self.current)", .money), SheetColumn("实发绩效合计\(Self.proposed)", .money), SheetColumn("实发绩效合计\(Self.delta)", .money)]
        }
        var order: [String] = []
        var members: [String: [ComparedWorker]] = [:]
        for w in c.workers.sorted(by: { a, b in
            let (x, y) = (a.current?.rosterLine ?? Int.max, b.current?.rosterLine ?? Int.max)
            return x != y ? x < y : IdOrder.less(a.id, b.id)
        }) {
            if members[w.unit] == nil { order.append(w.unit) }
            members[w.unit, default: []].append(w)
        }
        let t = try TableSheet(book, f, name: "单位汇总", title: title("单位汇总"), columns: columns, dataRows: order.count)
        func sums(_ ws: [ComparedWorker]) throws -> [ExactNumber] {
            let tc = c.sum(ws.map { $0.current?.total ?? .zero }), tp = c.sum(ws.map { $0.proposed?.total ?? .zero })
            let pc = c.sum(ws.map { $0.current?.payable ?? .zero }), pp = c.sum(ws.map { $0.proposed?.payable ?? .zero })
            let scores = [ExactNumber(ws.count), tc, tp, try tp.subtracting(tc)]
            return c.hasPay ? scores + [pc, pp, try pp.subtracting(pc)] : scores
        }
        var row = 1
        for unit in order {
            try t.text(unit, row: row, column: 0)
            for (k, v) in try sums(members[unit]!).enumerated() { try t.number(v, row: row, column: k + 1) }
            row += 1
        }
        try t.text(SheetLabels.grandTotal, row: row, column: 0, bold: true)
        for (k, v) in try sums(c.workers).enumerated() { try t.number(v, row: row, column: k + 1, bold: true) }
        try t.finish()
    }

    func writeAbout(_ book: XLSXWorkbook, _ f: SheetFormats) throws(XLSXError) {
        let c = comparison
        let t = try TableSheet(book, f, name: SheetLabels.aboutSheet, title: title(SheetLabels.aboutSheet),
                               columns: SheetColumn.about, dataRows: nil)
        var lines: [(String, String)] = [("镇(街道)", "\(c.townName) (\(c.town))"), ("期间", "\(c.period)")]
        for (label, r) in [(Self.current, c.current), (Self.proposed, c.proposed)] {
            // The file's name only, as a run's 说明 names it: never a folder of the server (a
            // console draft lives under --console-dir) and the same bytes wherever it was compared.
            lines.append(("\(label)规则文件", "\((r.path as NSString).lastPathComponent)，版本 \(r.rules.version)，SHA-256 \(r.sha256)"))
        }
        lines += c.inputs
        lines.append(("差额", "拟议 − 现行；早于本期的历史按各自的规则（已结账的按公布结果）"))
        lines.append(("程序版本", "gridpay \(GridpayVersion.current)"))
        for (k, (a, b)) in lines.enumerated() {
            try t.text(a, row: k + 1, column: 0)
            try t.text(b, row: k + 1, column: 1)
        }
        try t.finish()
    }
}
