import Foundation
import GRDB
import GridpayCore
import GridpayPipeline

/// consecutive() over closed periods: the results as first published (the closing, never a
/// revision), read once per period from the ledger.
final class LedgerHistory: PublishedHistory, @unchecked Sendable {
    let ledger: Ledger
    let closings: [String: Settlement]
    private var cache: [String: PublishedValues] = [:]
    private let lock = NSLock()

    init(ledger: Ledger) throws {
        self.ledger = ledger
        var c: [String: Settlement] = [:]
        for s in try ledger.settlements() where s.revision == 0 { c[s.period] = s }
        closings = c
    }

    func isPublished(_ period: CalendarPeriod) -> Bool { closings["\(period)"] != nil }

    func publishedValue(named name: String, period: CalendarPeriod, workerID: String) throws(EvaluationError) -> Value? {
        let key = "\(period)"
        guard let s = closings[key], let id = s.id else { return nil }
        guard let index = s.valueNames.firstIndex(of: name) else {
            throw EvaluationError(LedgerMessages.noSuchValue("\(period)", name: name, kept: s.valueNames), at: nil)
        }
        lock.lock()
        defer { lock.unlock() }
        if cache[key] == nil {
            do { cache[key] = try ledger.namedValues(of: id, width: s.valueNames.count) } catch {
                throw EvaluationError(LedgerMessages.publishedNotRead("\(period)", ledger: ledger.path, reason: ledger.describe(error)), at: nil)
            }
        }
        return cache[key]?.value(worker: workerID, index: index).map { .bool($0) }
    }

    func publishedRuleSHA256(of period: CalendarPeriod) -> String { closings["\(period)"]?.ruleSha256 ?? "" }

    /// The totals of the closing (never a revision: a revision moves money only, SPEC §9).
    func publishedTotals(of period: CalendarPeriod) throws(PipelineFailure) -> [ExactID: ExactNumber]? {
        guard let s = closings["\(period)"], let id = s.id else { return nil }
        do { return try ledger.publishedTotals(of: id, period: s.period) } catch {
            throw PipelineFailure(message: LedgerSealMessages.publishedUnreadable(s.period, ledger: ledger.path, reason: ledger.describe(error)))
        }
    }
}

extension Ledger {
    /// Each worker's published 总分 in a settlement; one that does not parse is an error, never 0.
    func publishedTotals(of settlementID: Int64, period: String) throws -> [ExactID: ExactNumber] {
        try db.read { db in
            var totals: [ExactID: ExactNumber] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT worker_id, total FROM worker_result WHERE settlement_id = ?", arguments: [settlementID])
            while let row = try rows.next() {
                let id: String = row[0]
                totals[ExactID(id)] = try LedgerText.published(row[1] as String, column: RuleLoader.totalName, worker: id, period: period)
            }
            return totals
        }
    }
}

/// The named true/false values of a closed period's workers, kept compactly: ids sorted, one
/// byte per value (0 none, 1 false, 2 true). A dictionary of arrays took ≈ 100 bytes a worker,
/// about 10 MB per closed period at 100,000 workers, held for the whole run.
struct PublishedValues {
    /// Worker ids in ascending order.
    let ids: [String]
    /// `width` cells per worker, in the order of `ids`.
    let cells: [UInt8]
    let width: Int

    /// `ids` and `cells` in any order (as read); sorted here by id.
    init(ids: [String], cells: [UInt8], width: Int) {
        let order = ids.indices.sorted { IdOrder.less(ids[$0], ids[$1]) }
        self.ids = order.map { ids[$0] }
        var sorted: [UInt8] = []
        sorted.reserveCapacity(cells.count)
        for k in order { sorted += cells[k * width..<(k + 1) * width] }
        self.cells = sorted
        self.width = width
    }

    /// A worker's values as cells: nil (none, or past the values stored) is 0.
    static func cells(_ values: [Bool?], width: Int) -> [UInt8] {
        (0..<width).map { k in k < values.count ? values[k].map { $0 ? 2 : 1 } ?? 0 : 0 }
    }

    /// The `index`th value of a worker; nil when the worker is not in the period or has none.
    func value(worker id: String, index: Int) -> Bool? {
        guard index < width else { return nil }
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if IdOrder.less(ids[mid], id) { low = mid + 1 } else { high = mid }
        }
        // By code points: an id canonically equal to another is another worker.
        guard low < ids.count, ids[low].utf8.elementsEqual(id.utf8) else { return nil }
        switch cells[low * width + index] {
        case 2: return true
        case 1: return false
        default: return nil
        }
    }
}

/// Periods in the ledger are stored as their text (`YYYY-MM`, `YYYY-Qn`, …).
enum LedgerPeriods {
    static func previous(_ p: CalendarPeriod) -> CalendarPeriod { p.previous }
    static func next(_ p: CalendarPeriod) -> CalendarPeriod { p.adding(1) }
    static func parse(_ text: String) -> CalendarPeriod? { CalendarPeriod.parse(text) }

    /// The folder a period's input file names are relative to: the month folder for a month; the
    /// town's folder for a quarter (its files are named `2026-07/patrol.csv`, …).
    static func inputFolder(inputDir: String, town: String, period: String) -> String {
        guard let p = parse(period), p.kind != .month else { return "\(inputDir)/\(town)/\(period)" }
        return "\(inputDir)/\(town)"
    }

    /// The period's month folders that exist.
    static func monthFolders(inputDir: String, town: String, period: String) -> [String] {
        let months = parse(period)?.months.map { "\($0)" } ?? [period]
        return months.map { "\(inputDir)/\(town)/\($0)" }.filter { dir in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue
        }
    }
}

/// What a closed period published, for other commands (e.g. ratings over closed periods).
public struct PublishedWorker: Sendable {
    public var id: String
    public var name: String
    public var unit: String
    public var group: String
    public var rank: Int
    /// Item scores in the order of `PublishedPeriod.itemNames`.
    public var items: [ExactNumber]
    public var total: ExactNumber
    public var dutyMet: Bool?
    /// In the order of `PublishedPeriod.flagNames`.
    public var flags: [Bool]
    public var base: ExactNumber
    public var scorePay: ExactNumber
    public var deductions: ExactNumber
    public var adjustment: ExactNumber
    public var payable: ExactNumber
    public var shortfall: ExactNumber
}

public struct PublishedPeriod: Sendable {
    public var period: String
    public var closedBy: String
    /// UTC, `YYYY-MM-DD HH:MM:SS`.
    public var closedAt: String
    public var ruleFile: String
    public var ruleVersion: String
    public var ruleSHA256: String
    public var itemNames: [String]
    public var flagNames: [String]
    /// The roster of the period, in published rank order.
    public var workers: [PublishedWorker]

    public func worker(_ id: String) -> PublishedWorker? { workers.first { $0.id == id } }
}

extension Ledger {
    /// The results of `period` as first published (its closing; revisions move money only and
    /// are not shown here), or nil when the period is not closed.
    public func published(_ period: String) throws -> PublishedPeriod? {
        guard let s = try closing(of: period), let id = s.id else { return nil }
        let rows = try workers(of: id)
        return PublishedPeriod(period: s.period, closedBy: s.closedBy, closedAt: s.closedAt, ruleFile: s.ruleFile,
                               ruleVersion: s.ruleVersion, ruleSHA256: s.ruleSha256, itemNames: s.itemNames,
                               flagNames: s.flagNames, workers: try rows.map { try Ledger.publishedWorker($0, period: s.period) })
    }

    /// A published line; a number that does not parse is an error, never 0.
    static func publishedWorker(_ w: WorkerResult, period: String) throws -> PublishedWorker {
        func n(_ t: String) throws -> ExactNumber { try LedgerText.published(t, column: "worker_result", worker: w.workerId, period: period) }
        return PublishedWorker(id: w.workerId, name: w.name, unit: w.unit, group: w.grp, rank: w.rank, items: try w.items.map(n),
                               total: try n(w.total), dutyMet: w.dutyMet, flags: w.flags, base: try n(w.base), scorePay: try n(w.scorePay),
                               deductions: try n(w.deductions), adjustment: try n(w.adjustment), payable: try n(w.payable), shortfall: try n(w.shortfall))
    }
}
