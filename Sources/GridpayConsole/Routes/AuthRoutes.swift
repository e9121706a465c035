import Foundation
import Hummingbird

/// `POST /api/login`, `POST /api/logout`, `GET /api/me` (SPEC §14).
struct AuthRoutes: ConsoleRouteArea {
    struct Credentials: Decodable { var name: String; var password: String }
    struct SignedIn: Encodable { var name: String; var csrf: String; var roles: [String]; var towns: [String] }

    func register(on router: Router<ConsoleContext>, console: Console) {
        router.post("/api/login") { request, context in
            let body = try await AuthRoutes.decode(Credentials.self, request, context)
            switch try await console.store.login(name: body.name, password: body.password, checks: console.passwordChecks) {
            case .locked:
                throw ConsoleHTTPError.locked(ConsoleMessages.accountLocked)
            case .refused:
                throw ConsoleHTTPError(.unauthorized, ConsoleMessages.loginRefused)
            case .signedIn(let account, let session):
                var response = try Reply.json(AuthRoutes.signedIn(account, session, console: console))
                response.setCookie(AuthRoutes.cookie(session.token, secure: console.secureCookie))
                return response
            }
        }
        router.post("/api/logout") { request, context in
            if let token = context.session?.token { try console.store.logout(token: token) }
            var response = try Reply.json(["status": "signed_out"])
            response.setCookie(AuthRoutes.cookie("", secure: console.secureCookie, maxAge: 0))
            return response
        }
        router.get("/api/me") { _, context in
            guard let account = context.account, let session = context.session else { throw ConsoleHTTPError.unauthenticated }
            return try Reply.json(AuthRoutes.signedIn(account, session, console: console))
        }
    }

    static func signedIn(_ account: Account, _ session: Session, console: Console) -> SignedIn {
        SignedIn(name: account.name, csrf: session.csrf, roles: Role.allCases.filter(account.roles.contains).map(\.rawValue),
                 towns: account.towns.isEmpty ? console.towns.all().map(\.town) : account.towns)
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure under TLS (`--tls-cert`) or behind an
    /// HTTPS proxy (`--secure-cookie`); no Max-Age (a browser session), the server ends it after 30
    /// idle minutes.
    static func cookie(_ token: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: token, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// A JSON body, or 400 saying what was expected.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: ConsoleContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        do { return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView)) } catch {
            throw ConsoleHTTPError.badRequest(ConsoleMessages.badJSON)
        }
    }
}

/// `GET /api/towns`: the account's towns.
struct TownRoutes: ConsoleRouteArea {
    func register(on router: Router<ConsoleContext>, console: Console) {
        router.get("/api/towns") { _, context in
            let account = try context.signedIn()
            return try Reply.json(console.towns.all().filter { account.sees(town: $0.town) })
        }
    }
}
