import Foundation
import GridpayCore
import GridpayLedger

/// A town's page: its periods and their status, open another period; for auditors verify and
/// rate; the log and the explanation pages.
enum TownPage {
    /// The town's periods: for each month folder of Input/, the periods holding it that the town
    /// is run for (its assessment period, preliminary and summary periods, as `gridpay run` takes
    /// them: xinhe's 2026, 2026-H1, 2026-Q1…), and the closed periods.
    static func periods(_ town: TownInfo, console: Console) -> [CalendarPeriod] {
        var out = Set<CalendarPeriod>()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "\(console.folders.inputDir)/\(town.town)")) ?? [] {
            guard let m = CalendarPeriod.parse(name)?.asMonth, let rules = console.towns.rules(town: town.town, period: m)?.rules else { continue }
            for kind in rules.runnableKinds {
                let p = CalendarPeriod.of(kind, holding: m)
                if rules.runs(p) { out.insert(p) }
            }
        }
        if let ledger = try? Ledger.openIfPresent(ledgerDir: console.folders.ledgerDir, town: town.town, words: .console) {
            for p in (try? ledger.closedPeriods()) ?? [] { if let c = CalendarPeriod.parse(p) { out.insert(c) } }
        }
        return out.sorted(by: >)
    }

    static func render(_ town: TownInfo, rows: [(CalendarPeriod, String)], account: Account, csrf: String) -> String {
        let e = Page.escape
        var body = "<div class=\"card\"><h2>\(ConsoleMessages.periodsTitle)</h2><table id=\"periods\"><thead><tr><th>\(ConsoleMessages.periodColumn)</th>"
            + "<th>\(ConsoleMessages.stateColumn)</th>\(account.has(.auditor) ? "<th>\(ConsoleMessages.verifyButton)</th>" : "")</tr></thead><tbody>"
        for (p, status) in rows {
            body += "<tr><td><a href=\"/towns/\(e(town.town))/periods/\(p)\">\(p)</a></td><td><span class=\"status \(status)\">\(ConsoleMessages.statusName(status))</span></td>"
            if account.has(.auditor) {
                body += status == "closed"
                    ? "<td><button class=\"verify\" data-url=\"/api/towns/\(e(town.town))/periods/\(p)/verify\" data-period=\"\(p)\" data-busy=\"\(ConsoleMessages.verifying)\" "
                        + "data-same=\"\(ConsoleMessages.verifySame)\" data-differ=\"\(ConsoleMessages.verifyDiffer)\">\(ConsoleMessages.verifyButton)</button>"
                        + "<span id=\"verify-\(p)\"></span></td>"
                    : "<td></td>"
            }
            body += "</tr>"
        }
        body += "</tbody></table>"
        if account.hasAny([.rules, .auditor]) { body += "<p><a id=\"rules-link\" href=\"/towns/\(e(town.town))/rules\">\(RuleWorkspaceMessages.pageTitle)</a></p>" }
        body += "<form method=\"get\" action=\"/towns/\(e(town.town))/open\">\(ConsoleMessages.openPeriod) "
            + "<input name=\"period\" placeholder=\"\(placeholder(town))\" required> <button type=\"submit\">\(ConsoleMessages.open)</button></form></div>"
        if account.hasAny([.auditor, .preparer]) {
            body += "<div class=\"card\"><h2>\(ConsoleMessages.ratingTitle)</h2><p>\(ConsoleMessages.ratingHelp)</p>"
                + "<input id=\"rate-period\" placeholder=\"2026\"> <button class=\"rate\" data-town=\"\(e(town.town))\" data-url=\"/api/towns/\(e(town.town))/ratings/PERIOD\" "
                + "data-busy=\"\(ConsoleMessages.rating)\" data-empty=\"\(ConsoleMessages.ratingNeedsPeriod)\" data-stopped=\"\(ConsoleMessages.ratingStopped)\">\(ConsoleMessages.rateButton)</button><p id=\"rate-message\"></p></div>"
        }
        return Page.layout(title: town.name, account: account, csrf: csrf, body: body)
    }

    /// An example of the town's period as its form takes it.
    static func placeholder(_ town: TownInfo) -> String {
        switch PeriodKind(rawValue: town.period_kind) ?? .month {
        case .month: "2026-10"
        case .quarter: "2026-Q3"
        case .halfYear: "2026-H1"
        case .year: "2026"
        }
    }

    static func worker(_ w: Explain.Worker, town: TownInfo, period: String, account: Account, csrf: String) -> String {
        let e = Page.escape
        let body = "<p><a href=\"/towns/\(e(town.town))/periods/\(e(period))\">\(e(town.name)) \(e(period))</a></p>"
            + "<p>\(summary(w))</p>" + WorkerPage.explanation(w)
        return Page.layout(title: "\(w.name)（\(w.worker)）", account: account, csrf: csrf, body: body)
    }

    /// Rank, total and payable where the period has them.
    static func summary(_ w: Explain.Worker) -> String {
        let e = Page.escape
        guard let rank = w.rank, let total = w.total else { return ConsoleMessages.workerFigureNone }
        guard let payable = w.payable else { return ConsoleMessages.workerSummaryNoPay(rank: rank, total: e(total)) }
        return ConsoleMessages.workerSummary(rank: rank, total: e(total), payable: e(payable))
    }

    static func log(_ rows: [LogEntry], query: String, account: Account, csrf: String) -> String {
        let e = Page.escape
        var body = "<form method=\"get\" action=\"/log\" class=\"card\">\(ConsoleMessages.navTowns) <input name=\"town\" placeholder=\"qinghe\"> "
            + "\(ConsoleMessages.fromLabel) <input name=\"from\" placeholder=\"2026-10-01\"> \(ConsoleMessages.toLabel) <input name=\"to\" placeholder=\"2026-10-31\"> "
            + "<button type=\"submit\">\(ConsoleMessages.filter)</button> <a href=\"/api/log.csv\(e(query))\">\(ConsoleMessages.downloadCSV)</a></form>"
        body += "<table id=\"log\"><thead><tr>" + ConsoleMessages.logCSVHeader.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for r in rows {
            body += "<tr><td>\(r.id)</td><td>\(e(r.at))</td><td>\(e(r.account))</td><td>\(e(r.town))</td><td>\(e(r.period))</td>"
                + "<td>\(e(r.action))</td><td>\(e(r.detail))</td><td title=\"\(e(r.sha256))\">\(e(String(r.sha256.prefix(12))))</td></tr>"
        }
        body += "</tbody></table>" + (rows.isEmpty ? "<p id=\"log-empty\">\(ConsoleMessages.noLogRows)</p>" : "")
        return Page.layout(title: ConsoleMessages.navLog, account: account, csrf: csrf, body: body)
    }
}
