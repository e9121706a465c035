import Foundation
import Hummingbird

/// `GET /api/log` (`?town=&from=&to=`) and `GET /api/log.csv`: the action log, newest first, for
/// administrators (every row) and auditors (the rows of their towns).
struct LogRoutes: ConsoleRouteArea {
    func register(on router: Router<ConsoleContext>, console: Console) {
        router.get("/api/log") { request, context in
            try Reply.json(LogRoutes.entries(request, context, console))
        }
        router.get("/api/log.csv") { request, context in
            let rows = try LogRoutes.entries(request, context, console)
            return Reply.bytes(Data(LogRoutes.csv(rows).utf8), type: "text/csv; charset=utf-8", download: ConsoleMessages.logFileName)
        }
    }

    static func entries(_ request: Request, _ context: ConsoleContext, _ console: Console) throws -> [LogEntry] {
        let account = try context.requireAny([.admin, .auditor])
        let q = request.uri.queryParameters
        let town = q["town"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        var towns: [String]? = nil
        if !account.has(.admin) {
            // An auditor reads the rows of its towns; another town is 404 as everywhere.
            towns = account.towns.isEmpty ? console.towns.all().map(\.town) : account.towns
            if let town, !(towns ?? []).contains(town) { throw ConsoleHTTPError.notFound }
        }
        let from = q["from"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let to = q["to"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        return try console.store.logEntries(towns: towns, town: town, from: from, to: to)
    }

    /// UTF-8 with BOM and CRLF, as the pay CSV (what the office's spreadsheet programs expect);
    /// a cell a spreadsheet would run as a formula gets a leading apostrophe.
    static func csv(_ rows: [LogEntry]) -> String {
        var out = "\u{FEFF}" + ConsoleMessages.logCSVHeader.map(cell).joined(separator: ",") + "\r\n"
        for r in rows {
            out += [String(r.id), r.at, r.account, r.town, r.period, r.action, r.detail, r.sha256].map(cell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func cell(_ text: String) -> String {
        var t = text
        if let f = t.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { t = "'" + t }
        guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return t }
        return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
