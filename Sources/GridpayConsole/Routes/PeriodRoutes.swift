import Foundation
import GridpayCore
import GridpayLedger
import GridpayPipeline
import Hummingbird

/// A period: its view, uploads, run (with progress), outputs and a worker's explanation (SPEC §14).
struct PeriodRoutes: ConsoleRouteArea {
    struct RunBody: Decodable { var accept: [RunOutcome.Acceptance]? }

    func register(on router: Router<ConsoleContext>, console: Console) {
        let base = "/api/towns/{town}/periods/{period}"
        router.get(RouterPath(base)) { _, context in
            let ref = try PeriodRoutes.ref(context, console, roles: Role.readers)
            return try Reply.json(PeriodStatus.view(ref, console: console))
        }
        router.put(RouterPath("\(base)/inputs/{file}")) { request, context in
            let ref = try PeriodRoutes.ref(context, console, roles: [.preparer], monthOK: true)
            let file = try context.pathText("file")
            let replace = request.uri.queryParameters["replace"] == "true"
            let account = try context.signedIn()
            return try Reply.json(try await Uploads.put(ref, file: file, replace: replace, body: request.body, account: account, console: console), status: .created)
        }
        router.post(RouterPath("\(base)/run")) { request, context in
            let ref = try PeriodRoutes.ref(context, console, roles: [.preparer])
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            var accept: [RunOutcome.Acceptance] = []
            if buffer.readableBytes > 0 {
                guard let body = try? JSONDecoder().decode(RunBody.self, from: Data(buffer.readableBytesView)) else {
                    throw ConsoleHTTPError.badRequest(ConsoleMessages.badJSON)
                }
                accept = body.accept ?? []
            }
            return try Reply.json(try await PeriodRunner.run(ref, accept: accept, account: try context.signedIn(), console: console))
        }
        router.get(RouterPath("\(base)/progress")) { _, context in
            let ref = try PeriodRoutes.ref(context, console, roles: Role.readers)
            let p = console.runs.currentProgress(ref.key)
            return try Reply.json(["running": p == nil ? "false" : "true", "text": p?.text ?? ConsoleMessages.noRunNow])
        }
        router.get(RouterPath("\(base)/outputs/{name}")) { _, context in
            try PeriodRoutes.output(context, console)
        }
        router.get(RouterPath("\(base)/workers/{id}")) { _, context in
            let ref = try PeriodRoutes.ref(context, console, roles: Role.readers)
            return try Reply.json(try await Explain.worker(ref, id: try Explain.workerID(context), console: console))
        }
    }

    /// The town and period of the path, for an account with one of `roles` (404 before 403:
    /// another town's period is not found, whatever the roles).
    static func ref(_ context: ConsoleContext, _ console: Console, roles: Set<Role>, monthOK: Bool = false) throws -> PeriodRef {
        let account = try context.signedIn()
        let ref = try PeriodRef.resolve(town: try context.parameters.require("town"), period: try context.parameters.require("period"),
                                        account: account, console: console, monthOK: monthOK)
        guard account.hasAny(roles) else { throw ConsoleHTTPError.forbidden }
        return ref
    }

    /// An output of the period (or a rating's: any period form), byte for byte as `run` wrote it.
    /// Sent as it is read from the town's output folder (Download).
    static func output(_ context: ConsoleContext, _ console: Console) throws -> Response {
        let account = try context.signedIn()
        let town = try console.towns.visible(try context.parameters.require("town"), to: account)
        guard account.hasAny(Role.readers) else { throw ConsoleHTTPError.forbidden }
        let periodText = try context.parameters.require("period")
        let name = try context.parameters.require("name")
        guard let period = CalendarPeriod.parse(periodText), PeriodStatus.isOutputName(name, town.town),
              name.hasPrefix("\(town.town)-\(period)"),
              let file = OpenDownloadFile(folder: "\(console.folders.outputDir)/\(town.town)", relative: "\(period)/\(name)") else {
            throw ConsoleHTTPError.notFound
        }
        let type = name.hasSuffix(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : name.hasSuffix(".csv") ? "text/csv; charset=utf-8" : "application/json; charset=utf-8"
        return Download.file(file, type: type, name: name)
    }
}
