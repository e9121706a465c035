import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline
import Hummingbird

/// `POST /api/towns/{town}/ratings/{period}` (审计, and 制表 who prepares ratings for the office):
/// `gridpay rate` of a year, half-year or quarter; the files are then among the period's outputs.
struct RatingRoutes: ConsoleRouteArea {
    struct Rated: Codable, Sendable { var ok: Bool; var files: [String]; var problems: [RunOutcome.Problem] }

    func register(on router: Router<ConsoleContext>, console: Console) {
        router.post("/api/towns/{town}/ratings/{period}") { _, context in
            let account = try context.signedIn()
            let town = try console.towns.visible(try context.parameters.require("town"), to: account)
            guard account.hasAny([.auditor, .preparer]) else { throw ConsoleHTTPError.forbidden }
            let text = try context.parameters.require("period")
            guard let period = CalendarPeriod.parse(text), period.kind != .month else {
                throw ConsoleHTTPError.badRequest(ConsoleMessages.badRatingPeriod(text))
            }
            let rated = try await RatingRoutes.rate(town: town.town, period: period, console: console)
            try console.store.log(account: account.name, town: town.town, period: "\(period)", action: .rate,
                                  detail: rated.ok ? rated.files.joined(separator: "、") : ConsoleMessages.runFailedDetail(errors: rated.problems.count))
            return try Reply.json(rated)
        }
    }

    static func rate(town: String, period: CalendarPeriod, console: Console) async throws -> Rated {
        let folders = console.folders
        let result = try await console.runs.exclusively("\(town)/\(period)") {
            await PeriodRunner.onOwnThread { () -> Result<RunResult, PipelineFailure> in
                var request = RateRequest(town: town, period: period, words: .console)
                request.rulesDir = folders.rulesDir
                request.inputDir = folders.inputDir
                request.outputDir = folders.outputDir
                let sources = Ledger.ratingSources(ledgerDir: folders.ledgerDir, town: town, words: .console)
                request.history = sources.history
                return RatingRunner.run(request, published: sources.published)
            }
        }
        let scrubber = PathScrubber(folders)
        switch result {
        case .success(let r): return Rated(ok: true, files: r.files, problems: r.warnings.map { scrubber.problem($0, town: town, period: period) })
        case .failure(let f): return Rated(ok: false, files: [], problems: f.diagnostics.map { scrubber.problem($0, town: town, period: period) })
        }
    }
}
