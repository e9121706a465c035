import Foundation
import Hummingbird

/// `GET /api/accounts` and the page `/accounts`: the accounts, their roles, towns and state, for
/// administrators (SPEC §14: 管理员 has the accounts and the action log). Accounts change only
/// through `gridpay user` on the server (the page says so); every change is in the action log.
struct AccountRoutes: ConsoleRouteArea {
    struct Item: Encodable, Sendable {
        var name: String
        var roles: [String]
        /// Empty: every town.
        var towns: [String]
        var disabled: Bool
    }

    func register(on router: Router<ConsoleContext>, console: Console) {
        router.get("/api/accounts") { _, context in
            try Reply.json(try AccountRoutes.items(context, console))
        }
        router.get("/accounts") { _, context in
            let items = try AccountRoutes.items(context, console)
            return Reply.html(AccountRoutes.page(items, account: try context.signedIn(), csrf: PageRoutes.csrf(context)))
        }
    }

    static func items(_ context: ConsoleContext, _ console: Console) throws -> [Item] {
        _ = try context.requireAny([.admin])
        return try console.store.accounts().map { a in
            Item(name: a.name, roles: Role.allCases.filter(a.roles.contains).map(\.rawValue), towns: a.towns, disabled: a.disabled)
        }
    }

    static func page(_ items: [Item], account: Account, csrf: String) -> String {
        let e = Page.escape
        let head = ConsoleMessages.listHeader.components(separatedBy: " | ").map { "<th>\($0)</th>" }.joined()
        let rows = items.map { i in
            "<tr><td>\(e(i.name))</td><td>\(e(i.roles.joined(separator: "、")))</td>"
                + "<td>\(e(i.towns.isEmpty ? ConsoleMessages.allTowns : i.towns.joined(separator: "、")))</td>"
                + "<td>\(i.disabled ? ConsoleMessages.disabledState : ConsoleMessages.enabled)</td></tr>"
        }.joined()
        let body = "<p>\(ConsoleMessages.accountsHelp)</p><table id=\"accounts\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>"
        return Page.layout(title: ConsoleMessages.navAccounts, account: account, csrf: csrf, body: body)
    }
}
