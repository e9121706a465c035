import Foundation
import GridpayCore
import GridpayCSV
import GridpayHash

/// What `run` says at its end, and what the console shows after a run: the workers, the total
/// payable (实发绩效) and how it compares with the period before, so that a clerk sees whether the
/// period looks right before opening the workbook.
///
/// The period before is the one of the same kind just before (2026-09 for 2026-10, 2026-Q2 for
/// 2026-Q3). Its total is, in this order:
/// - the ledger's, where that period is closed: the total published and paid when it was closed
///   (revision 0; a correction settled later is paid in a later period as 往期调整, and is not
///   what the clerk compares a month with);
/// - else its last run's: the pay CSV its manifest lists, read only when its SHA-256 is the one
///   the manifest recorded (an edited or half-copied folder is not compared with);
/// - else none, and the summary says there is nothing to compare with.
public struct RunSummary: Sendable, Equatable {
    public struct Previous: Sendable, Equatable {
        public var period: String
        public var totalPayable: ExactNumber
        /// True: the ledger's published total; false: the last run's (not closed).
        public var closed: Bool

        public init(period: String, totalPayable: ExactNumber, closed: Bool) {
            self.period = period
            self.totalPayable = totalPayable
            self.closed = closed
        }
    }

    public var town: String
    public var townName: String
    public var period: String
    public var workers: Int
    /// nil for a town without [pay] (SPEC §17).
    public var totalPayable: ExactNumber?
    public var previousPeriod: String
    public var previous: Previous?

    /// Total payable less the previous period's.
    public var change: ExactNumber? {
        guard let totalPayable, let previous else { return nil }
        return try? totalPayable.subtracting(previous.totalPayable)
    }

    /// The change as a percentage of the previous total, rounded half-up to 0.01 (nil from 0).
    public var changePercent: ExactNumber? {
        guard let change, let previous, previous.totalPayable != .zero else { return nil }
        return try? change.multiplied(by: ExactNumber(100)).divided(by: previous.totalPayable).rounded(places: 2)
    }

    /// The summary as `run` prints it, in the current language.
    public var lines: [String] {
        guard let totalPayable else {
            return [RunSummaryMessages.headlineWithoutPay(town: town, townName: townName, period: period, workers: workers)]
        }
        let words = (try? ChineseAmount.words(totalPayable)) ?? "—"
        var out = [RunSummaryMessages.headline(town: town, townName: townName, period: period, workers: workers,
                                               total: Self.money(totalPayable), words: words)]
        guard let previous, let change else {
            out.append(RunSummaryMessages.nothingToCompare(previous: previousPeriod))
            return out
        }
        let total = Self.money(previous.totalPayable)
        if change == .zero {
            out.append(RunSummaryMessages.unchanged(previous: previous.period, total: total, closed: previous.closed))
        } else {
            let sign = change.isNegative ? "-" : "+"
            out.append(RunSummaryMessages.change(previous: previous.period, delta: sign + Self.money(change.magnitude),
                                                 percent: changePercent.map { (change.isNegative ? "" : "+") + $0.fixed(places: 2) },
                                                 total: total, closed: previous.closed))
        }
        return out
    }

    /// Yuan with two decimals and thousands separators: 98,821.91 (run's summary, close and status).
    public static func money(_ n: ExactNumber) -> String {
        let text = n.fixed(places: 2)
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let whole = digits.prefix { $0 != "." }
        var grouped = ""
        for (k, c) in whole.enumerated() {
            if k > 0 && (whole.count - k) % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return (negative ? "-" : "") + grouped + digits.dropFirst(whole.count)
    }
}

extension RunSummary {
    /// The summary of a month just written; the previous total from its last run's outputs
    /// (LedgerCommands puts the ledger's in its place where the previous period is closed).
    init(_ month: PreparedMonth) {
        let request = month.request
        let report = month.report
        town = request.town
        townName = report.rules.townName
        period = "\(request.period)"
        workers = report.workers.count
        previousPeriod = "\(request.period.previous)"
        guard report.rules.hasPay else { return }
        var total = ExactNumber.zero
        for w in report.workers { total = (try? total.adding(w.payable)) ?? total }
        totalPayable = total
        previous = Self.lastRun(town: request.town, period: previousPeriod, outputDir: request.outputDir)
            .map { Previous(period: previousPeriod, totalPayable: $0, closed: false) }
    }

    /// The total payable of a period's last run: the 实发绩效 column of the pay CSV its manifest
    /// lists, when the file is the one the manifest hashed. nil when there is none to trust.
    static func lastRun(town: String, period: String, outputDir: String) -> ExactNumber? {
        let outputs = PeriodOutputs(outputDir: outputDir, town: town, period: period)
        let dir = outputs.directory, csvName = outputs.payName
        guard let manifest = outputs.manifest(),
              let listed = manifest.outputs.first(where: { $0.file == csvName }),
              let csv = FileManager.default.contents(atPath: "\(dir)/\(csvName)"),
              (try? SHA256Digest.hex([UInt8](csv))) == listed.sha256,
              let reader = try? CSVReader(path: "\(dir)/\(csvName)", encoding: .utf8) else { return nil }
        var column: Int?
        var total = ExactNumber.zero
        do {
            try reader.forEachRecord { record in
                guard let c = column else {
                    column = record.fields.firstIndex { $0.trimmingCharacters(in: ["\u{FEFF}"]) == SheetLabels.payable }
                    return
                }
                guard c < record.fields.count, let v = ExactNumber(decimalText: record.fields[c]) else { throw CocoaError(.coderInvalidValue) }
                total = try total.adding(v)
            }
        } catch { return nil }
        return column == nil ? nil : total
    }
}
