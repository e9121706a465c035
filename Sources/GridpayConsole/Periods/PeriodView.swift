import Foundation
import GridpayCore
import GridpayHash
import GridpayLedger
import GridpayPipeline

/// `GET /api/towns/{town}/periods/{period}` (SPEC §14), and what the period's page shows.
public struct PeriodView: Codable, Sendable {
    public struct Input: Codable, Sendable {
        public var file: String
        public var present: Bool
        public var bytes: Int?
        public var sha256: String?
        public var uploaded_by: String?
        public var uploaded_at: String?
    }
    public var town: String
    public var period: String
    public var status: String
    public var inputs: [Input]
    public var result: RunOutcome?
    public var submitted_by: String?
    public var returned_reason: String?
    public var closed_by: String?
    public var closed_at: String?
    public var outputs: [String]
    public var corrections_waiting: [String]
    /// False for a summary period (xinhe's 季度汇总): it is run, never submitted or closed.
    public var closable: Bool
    /// Whether the town's rule file sets pay (a pay CSV and 实发绩效; xinhe has none).
    public var pays: Bool
    /// Whether `outputs` were written from the inputs listed now (their manifest's SHA-256s);
    /// false after a file was replaced, added or removed; null without outputs or their manifest.
    public var outputs_current: Bool?

    enum CodingKeys: String, CodingKey {
        case town, period, status, inputs, result, submitted_by, returned_reason, closed_by, closed_at, outputs, corrections_waiting, closable, pays, outputs_current
    }

    /// Absent values are written as null (`"result": null` before a run, as SPEC §14 says).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(town, forKey: .town)
        try c.encode(period, forKey: .period)
        try c.encode(status, forKey: .status)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(result, forKey: .result)
        try c.encode(submitted_by, forKey: .submitted_by)
        try c.encode(returned_reason, forKey: .returned_reason)
        try c.encode(closed_by, forKey: .closed_by)
        try c.encode(closed_at, forKey: .closed_at)
        try c.encode(outputs, forKey: .outputs)
        try c.encode(corrections_waiting, forKey: .corrections_waiting)
        try c.encode(closable, forKey: .closable)
        try c.encode(pays, forKey: .pays)
        try c.encode(outputs_current, forKey: .outputs_current)
    }
}

/// A town and period the account may see, parsed from the path (else 404).
struct PeriodRef: Sendable {
    var town: TownInfo
    var period: CalendarPeriod
    var rules: LoadedRules
    var key: String { "\(town.town)/\(period)" }
    var text: String { "\(period)" }

    /// The period of the path, as `gridpay run` takes it for the town: its assessment period, a
    /// preliminary or a summary period (xinhe's 2026, 2026-H1, 2026-Qn); `monthOK`: a month also
    /// (the input folder of a longer period).
    static func resolve(town: String, period: String, account: Account, console: Console, monthOK: Bool = false) throws -> PeriodRef {
        let info = try console.towns.visible(town, to: account)
        guard let p = CalendarPeriod.parse(period), let rules = console.towns.rules(town: town, period: p.firstMonth),
              rules.rules.runs(p) || (monthOK && p.kind == .month) else { throw ConsoleHTTPError.notFound }
        return PeriodRef(town: info, period: p, rules: rules)
    }
}

enum PeriodStatus {
    /// The ledger's closing of the period, if it is closed (by the console or by `gridpay close`).
    static func closing(_ ref: PeriodRef, console: Console) -> Settlement? {
        guard let ledger = try? Ledger.openIfPresent(ledgerDir: console.folders.ledgerDir, town: ref.town.town, words: .console) else { return nil }
        return try? ledger.closing(of: ref.text)
    }

    /// open, run, submitted, returned or closed.
    static func status(_ ref: PeriodRef, events: [PeriodEvent], console: Console) -> String {
        if closing(ref, console: console) != nil { return "closed" }
        return status(events)
    }

    static func status(_ events: [PeriodEvent]) -> String {
        for e in events.reversed() {
            switch e.step {
            case .upload, .runFailed: return "open"
            case .run: return "run"
            case .submit: return "submitted"
            case .return: return "returned"
            case .approve: continue
            }
        }
        return "open"
    }

    static func view(_ ref: PeriodRef, console: Console) throws -> PeriodView {
        let events = try console.store.events(town: ref.town.town, period: ref.text)
        let closed = closing(ref, console: console)
        let lastRun = events.last { $0.step == .run || $0.step == .runFailed }
        let result = lastRun.flatMap { try? JSONDecoder().decode(RunOutcome.self, from: Data($0.result.utf8)) }
        let status = closed != nil ? "closed" : status(events)
        let inputs = try inputs(ref, console: console), outputs = outputs(ref, console: console)
        return PeriodView(
            town: ref.town.town, period: ref.text, status: status, inputs: inputs, result: result,
            submitted_by: status == "submitted" ? events.last { $0.step == .submit }?.account : nil,
            returned_reason: status == "returned" ? events.last { $0.step == .return }?.reason : nil,
            closed_by: closed?.closedBy, closed_at: closed.map { ConsoleTime.shown(ledgerUTC: $0.closedAt) },
            outputs: outputs, corrections_waiting: corrections(ref, console: console),
            closable: !ref.rules.rules.isSummary(ref.period.kind), pays: ref.rules.rules.hasPay,
            outputs_current: outputs.isEmpty ? nil : OutputFreshness.matchesInputs(ref, inputs: inputs, console: console))
    }

    /// The exports the rule file declares, per month folder (a quarter's are named `YYYY-MM/<file>`).
    /// A declared pattern (`patrol-*.csv`) is listed, present when a file matches, followed by
    /// each match in the order the run reads them.
    static func inputs(_ ref: PeriodRef, console: Console) throws -> [PeriodView.Input] {
        var out: [PeriodView.Input] = []
        for month in ref.period.months {
            let uploads = try console.store.uploads(town: ref.town.town, period: "\(month)")
            let folder = "\(console.folders.inputDir)/\(ref.town.town)/\(month)"
            let prefix = ref.period.kind == .month ? "" : "\(month)/"
            for table in ref.rules.rules.tables {
                guard FilePattern.isPattern(table.file) else {
                    out.append(input(table.file, shownAs: prefix + table.file, folder: folder, uploads: uploads))
                    continue
                }
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                let matches = FilePattern.matching(names, pattern: table.file)
                out.append(.init(file: prefix + table.file, present: !matches.isEmpty))
                out += matches.map { input($0, shownAs: prefix + $0, folder: folder, uploads: uploads) }
            }
        }
        return out
    }

    static func input(_ file: String, shownAs name: String, folder: String, uploads: [String: UploadRecord]) -> PeriodView.Input {
        guard let (bytes, sha) = FileDigests.shared.digest("\(folder)/\(file)") else { return .init(file: name, present: false) }
        let u = uploads[file].flatMap { $0.sha256 == sha ? $0 : nil }
        return .init(file: name, present: true, bytes: bytes, sha256: sha, uploaded_by: u?.account, uploaded_at: u?.at)
    }

    /// The files of `Output/<town>/<period>/` that can be downloaded.
    static func outputs(_ ref: PeriodRef, console: Console) -> [String] {
        let dir = "\(console.folders.outputDir)/\(ref.town.town)/\(ref.text)"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { isOutputName($0, ref.town.town) }.sorted()
    }

    static func isOutputName(_ name: String, _ town: String) -> Bool {
        !name.hasPrefix(".") && !name.contains("/") && name.hasPrefix("\(town)-")
            && [".xlsx", ".csv", ".json"].contains { name.hasSuffix($0) }
    }

    /// Corrections of closed periods waiting to be settled, as `gridpay status` lists them.
    static func corrections(_ ref: PeriodRef, console: Console) -> [String] {
        let waiting = (try? LedgerCommands.waitingCorrections(town: ref.town.town, inputDir: console.folders.inputDir,
                                                                ledgerDir: console.folders.ledgerDir, words: .console)) ?? []
        return waiting.map { ConsoleMessages.correctionWaiting(period: $0.period, files: $0.files) }
    }
}

/// SHA-256 and size of input files, remembered while a file's size and modification time stay
/// the same (a 5,000-worker period's inputs are not hashed again for every page).
final class FileDigests: @unchecked Sendable {
    static let shared = FileDigests()
    private let lock = NSLock()
    private var known: [String: (Int, Date, String)] = [:]

    func digest(_ path: String) -> (Int, String)? {
        guard let a = try? FileManager.default.attributesOfItem(atPath: path), (a[.type] as? FileAttributeType) == .typeRegular,
              let size = (a[.size] as? NSNumber)?.intValue, let mtime = a[.modificationDate] as? Date else { return nil }
        if let k = lock.withLock({ known[path] }), k.0 == size, k.1 == mtime { return (size, k.2) }
        guard let sha = Self.hash(path) else { return nil }
        lock.withLock { known[path] = (size, mtime, sha) }
        return (size, sha)
    }

    static func hash(_ path: String) -> String? {
        guard let h = FileHandle(forReadingAtPath: path), let d = try? SHA256Digest() else { return nil }
        defer { try? h.close() }
        while let chunk = try? h.read(upToCount: 1 << 20), !chunk.isEmpty {
            do { try chunk.withUnsafeBytes { try d.update($0) } } catch { return nil }
        }
        return try? d.finish()
    }
}
