import ArgumentParser
import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline

/// `gridpay rate <town> <YYYY | YYYY-Hn | YYYY-Qn>` (SPEC §8).
struct Rate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpMessages.rate)

    @Argument(help: ArgumentHelp(HelpMessages.town)) var town: String
    @Argument(help: ArgumentHelp(HelpMessages.ratedPeriod)) var period: String
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation
    @Flag(help: ArgumentHelp(HelpMessages.quiet)) var quiet = false

    func run() throws {
        var request = locations.rateRequest(town: town, period: try parsePeriod(period, kinds: [.quarter, .halfYear, .year]))
        let sources = Ledger.ratingSources(ledgerDir: ledger.ledgerDir, town: town, words: .commandLine)
        request.history = sources.history
        let result = try succeeded(reporting(quiet: quiet) { RatingRunner.run(request, published: sources.published, progress: $0) })
        for f in result.files { print("\(result.directory)/\(f)") }
    }
}

/// `explain` of a rated period (closed periods from the ledger, as `rate` reads them).
enum RatingSources {
    /// True when `period` is rated (and the explanation printed).
    static func explain(town: String, period: CalendarPeriod, worker: String, locations: Locations, ledgerDir: String) throws -> Bool {
        guard period.kind != .month else { return false }
        var request = locations.rateRequest(town: town, period: period)
        // A period the town is assessed by (a quarter, half-year or year) is explained as its run.
        if case .success(let l) = RatingRunner.rules(for: request),
           !RatingRunner.isRating(period, assessedBy: l.rules.periodKind) {
            return false
        }
        let sources = Ledger.ratingSources(ledgerDir: ledgerDir, town: town, words: .commandLine)
        request.history = sources.history
        let r = try succeeded(RatingRunner.prepare(request, published: sources.published))
        guard let row = r.report.rows.first(where: { $0.id == worker }) else {
            throw unknownWorker(worker, town: town, period: "\(period)", rated: true, among: r.report.rows.map(\.id))
        }
        print(RatingExplanation.text(row, in: r.report, ruleFile: (r.rules.path as NSString).lastPathComponent, version: r.rules.rules.version), terminator: "")
        return true
    }
}
