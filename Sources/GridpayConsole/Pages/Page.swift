import GridpayCore
import Foundation

/// Server-rendered pages: plain HTML with the console's own CSS and JavaScript (nothing from
/// another origin, so the console works on a closed office network).
enum Page {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A whole page. `account` nil: the login page (no menu); `csrf` is put where the script finds it.
    static func layout(title: String, account: Account?, csrf: String?, body: String) -> String {
        var nav = ""
        if let account {
            var links = ["<a href=\"/\">\(ConsoleMessages.navTowns)</a>"]
            if account.hasAny([.admin, .auditor]) { links.append("<a href=\"/log\">\(ConsoleMessages.navLog)</a>") }
            if account.has(.admin) { links.append("<a href=\"/accounts\">\(ConsoleMessages.navAccounts)</a>") }
            let roles = Role.allCases.filter(account.roles.contains).map(\.rawValue).joined(separator: "、")
            nav = """
                <nav><span class="brand">\(ConsoleMessages.productName)</span>\(links.joined())
                <span class="who">\(escape(account.name))（\(roles)）<button id="logout" type="button">\(ConsoleMessages.navLogout)</button></span></nav>
                """
        }
        return """
            <!DOCTYPE html>
            <html lang="\(Language.current == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) - \(ConsoleMessages.productName)</title>
            <meta name="csrf-token" content="\(escape(csrf ?? ""))">
            <link rel="stylesheet" href="/static/console.css"><script src="/static/console.js" defer></script></head>
            <body data-failed="\(ConsoleMessages.requestFailed)" data-offline="\(ConsoleMessages.offline)">\(nav)<main><h1>\(escape(title))</h1>
            \(body)
            </main></body></html>
            """
    }

    static func errorPage(_ e: ConsoleHTTPError) -> String {
        layout(title: ConsoleMessages.errorTitle(e.status.code), account: nil, csrf: nil,
               body: "<p class=\"error\">\(escape(e.message))</p><p><a href=\"/\">\(ConsoleMessages.backHome)</a></p>")
    }

    static func login() -> String {
        layout(title: ConsoleMessages.loginTitle, account: nil, csrf: nil, body: """
            <form id="login-form" class="card narrow">
            <label>\(ConsoleMessages.accountLabel)<input name="name" id="login-name" autocomplete="username" required></label>
            <label>\(ConsoleMessages.passwordLabel)<input name="password" id="login-password" type="password" autocomplete="current-password" required></label>
            <button type="submit" id="login-submit">\(ConsoleMessages.loginButton)</button>
            <p id="login-message" class="error" role="alert"></p>
            </form>
            """)
    }

    static func towns(_ towns: [TownInfo], account: Account, csrf: String) -> String {
        // An administrator without a reading role opens no town (403): its names are not links.
        let opens = account.hasAny(Role.readers)
        let rows = towns.map { t in
            "<tr><td>\(opens ? "<a href=\"/towns/\(escape(t.town))\">\(escape(t.name))</a>" : escape(t.name))</td><td>\(escape(t.town))</td><td>\(ConsoleMessages.periodKindName(t.period_kind))</td></tr>"
        }.joined()
        let table = towns.isEmpty ? "<p>\(ConsoleMessages.noTowns)</p>"
            : "<table><thead><tr><th>\(ConsoleMessages.townColumn)</th><th>\(ConsoleMessages.codeColumn)</th><th>\(ConsoleMessages.periodKindColumn)</th></tr></thead><tbody>\(rows)</tbody></table>"
        return layout(title: ConsoleMessages.townsTitle, account: account, csrf: csrf, body: table)
    }
}
