import Foundation
import GridpayCore

/// A closed period whose inputs changed since it was settled: what `gridpay status` lists as a
/// correction waiting, for readers outside the ledger (the console's period page).
public struct WaitingCorrection: Sendable, Equatable {
    public var period: String
    /// The changed files; `missing` when the file is gone from `Input/`.
    public var files: [(file: String, missing: Bool)]

    public static func == (a: WaitingCorrection, b: WaitingCorrection) -> Bool {
        a.period == b.period && a.files.map(\.file) == b.files.map(\.file) && a.files.map(\.missing) == b.files.map(\.missing)
    }
}

extension LedgerCommands {
    /// The corrections waiting to be settled in the town's ledger (none without a ledger).
    public static func waitingCorrections(town: String, inputDir: String, ledgerDir: String, words: CommandWords) throws -> [WaitingCorrection] {
        guard let ledger = try Ledger.openIfPresent(ledgerDir: ledgerDir, town: town, words: words) else { return [] }
        return try Corrections.pending(ledger: ledger, town: town, inputDir: inputDir).map { c in
            WaitingCorrection(period: c.closing.period, files: c.changed.map { ($0.file, $0.current == nil) })
        }
    }
}
