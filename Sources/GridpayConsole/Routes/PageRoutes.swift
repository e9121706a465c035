import Foundation
import GridpayCore
import Hummingbird

/// The pages (server-rendered) and their static files. They read through the same functions as
/// the API, so a page and the API never disagree.
struct PageRoutes: ConsoleRouteArea {
    func register(on router: Router<ConsoleContext>, console: Console) {
        router.get("/static/console.css") { _, _ in Reply.bytes(Data(StaticFiles.css.utf8), type: "text/css; charset=utf-8") }
        router.get("/static/console.js") { _, _ in Reply.bytes(Data(StaticFiles.script.utf8), type: "text/javascript; charset=utf-8") }
        router.get("/login") { _, context in
            context.account == nil ? Reply.html(Page.login()) : Reply.redirect("/")
        }
        router.get("/") { _, context in
            let account = try context.signedIn()
            return Reply.html(Page.towns(console.towns.all().filter { account.sees(town: $0.town) }, account: account, csrf: PageRoutes.csrf(context)))
        }
        router.get("/towns/{town}") { _, context in
            let account = try context.signedIn()
            let town = try console.towns.visible(try context.parameters.require("town"), to: account)
            guard account.hasAny(Role.readers) else { throw ConsoleHTTPError.forbidden }
            let rows = try TownPage.periods(town, console: console).map { p -> (CalendarPeriod, String) in
                let ref = PeriodRef(town: town, period: p, rules: console.towns.rules(town: town.town, period: p.firstMonth) ?? console.towns.rules(town: town.town)!)
                return (p, PeriodStatus.status(ref, events: try console.store.events(town: town.town, period: "\(p)"), console: console))
            }
            return Reply.html(TownPage.render(town, rows: rows, account: account, csrf: PageRoutes.csrf(context)))
        }
        router.get("/towns/{town}/open") { request, context in
            let town = try context.parameters.require("town")
            let period = request.uri.queryParameters["period"].map(String.init) ?? ""
            _ = try console.towns.visible(town, to: try context.signedIn())
            let text = period.trimmingCharacters(in: .whitespaces)
            guard let p = CalendarPeriod.parse(text) else { throw ConsoleHTTPError.badRequest(ConsoleMessages.badPeriodText(text)) }
            return Reply.redirect("/towns/\(town.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")/periods/\(p)")
        }
        router.get("/towns/{town}/periods/{period}") { _, context in
            let ref = try PeriodRoutes.ref(context, console, roles: Role.readers)
            let account = try context.signedIn()
            let view = try PeriodStatus.view(ref, console: console)
            let listing = view.result?.ok == true ? WorkerList.listing(ref, console: console) : nil
            let archived = account.has(.auditor) && view.status == "closed"
                ? ((try? ArchiveRoutes.files(ref, console)) ?? []).map { ArchiveRoutes.Item(file: $0.file, bytes: $0.bytes, sha256: $0.sha256) } : []
            return Reply.html(PeriodPage.render(view, town: ref.town, workers: listing.map { [$0.header] + $0.rows } ?? [], archived: archived, roster: ref.rules.rules.rosterTable.file,
                                                account: account, csrf: PageRoutes.csrf(context)))
        }
        router.get("/towns/{town}/periods/{period}/workers/{id}") { _, context in
            let ref = try PeriodRoutes.ref(context, console, roles: Role.readers)
            let w = try await Explain.worker(ref, id: try Explain.workerID(context), console: console)
            return Reply.html(TownPage.worker(w, town: ref.town, period: ref.text, account: try context.signedIn(), csrf: PageRoutes.csrf(context)))
        }
        router.get("/towns/{town}/periods/{period}/worker") { request, context in
            let ref = try PeriodRoutes.ref(context, console, roles: Role.readers)
            let id = (request.uri.queryParameters["id"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            let encoded = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            return Reply.redirect("/towns/\(ref.town.town)/periods/\(ref.text)/workers/\(encoded)")
        }
        router.get("/log") { request, context in
            let rows = try LogRoutes.entries(request, context, console)
            let query = request.uri.query.map { "?\($0)" } ?? ""
            return Reply.html(TownPage.log(rows, query: query, account: try context.signedIn(), csrf: PageRoutes.csrf(context)))
        }
    }

    static func csrf(_ context: ConsoleContext) -> String { context.session?.csrf ?? "" }
}
