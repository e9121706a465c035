import Foundation
import HTTPTypes
import Hummingbird

/// Every answer: the security headers of SPEC §14, and errors turned into Chinese messages
/// (a failure the console did not foresee answers 500 with a plain message: no trace, no path).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ConsoleContext

    static let headers: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        let api = request.uri.path.hasPrefix("/api/")
        do {
            // The console answers GET, HEAD, POST and PUT only (TRACE, DELETE, … are 405 on every path).
            // A documented API path answers only its documented methods (HEAD with GET), before any
            // session or CSRF check, as 405 naming them.
            let documented = OpenAPIDocument.methods(for: request.uri.path)
            let method = request.method == .head ? "GET" : request.method.rawValue
            guard [.get, .head, .post, .put].contains(request.method), documented.isEmpty || documented.contains(method) else {
                var refused = Reply.error(ConsoleHTTPError(.methodNotAllowed, ConsoleMessages.methodNotAllowed), api: api)
                refused.headers[.allow] = documented.isEmpty ? "GET, HEAD, POST, PUT" : documented.joined(separator: ", ")
                for (name, value) in Self.headers { refused.headers[HTTPField.Name(name)!] = value }
                return refused
            }
            response = try await next(request, context)
        } catch let e as ConsoleHTTPError {
            response = Reply.error(e, api: api)
        } catch let e as HTTPError {
            // A documented path asked with another method: 405 naming the methods it takes.
            let allowed = e.status == .notFound ? OpenAPIDocument.methods(for: request.uri.path) : []
            if !allowed.isEmpty {
                response = Reply.error(ConsoleHTTPError(.methodNotAllowed, ConsoleMessages.methodNotAllowed), api: api)
                response.headers[.allow] = allowed.joined(separator: ", ")
            } else {
                response = Reply.error(Self.translate(e.status), api: api)
            }
        } catch {
            response = Reply.error(ConsoleHTTPError(.internalServerError, ConsoleMessages.internalError), api: api)
        }
        for (name, value) in Self.headers { response.headers[HTTPField.Name(name)!] = value }
        if response.status == .methodNotAllowed && response.headers[.allow] == nil { response.headers[.allow] = "GET, HEAD, POST, PUT" }
        return response
    }

    /// Hummingbird's own errors (no route, a body too large, a bad request) in the console's words.
    static func translate(_ status: HTTPResponse.Status) -> ConsoleHTTPError {
        switch status {
        case .notFound: return .notFound
        case .contentTooLarge: return ConsoleHTTPError(status, ConsoleMessages.bodyTooLarge)
        case .methodNotAllowed: return ConsoleHTTPError(status, ConsoleMessages.methodNotAllowed)
        case .unauthorized: return .unauthenticated
        default:
            return ConsoleHTTPError(status, status.code < 500 ? ConsoleMessages.badRequestGeneric : ConsoleMessages.internalError)
        }
    }
}

/// Finds the session of the cookie; answers 401 to a request that needs one and has none, and 403
/// to a state-changing request without the session's CSRF token in `X-CSRF-Token`.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = ConsoleContext
    static let cookieName = "gridpay_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    let store: ConsoleStore

    /// Reached without signing in: the login page, its static files, login itself, the API document.
    static func isPublic(_ path: String) -> Bool {
        path == "/login" || path.hasPrefix("/static/") || path == "/api/login" || path == "/api/openapi.json" || path == "/favicon.ico"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let path = request.uri.path
        // The static files need no session (they are the same for everyone).
        if path.hasPrefix("/static/") { return try await next(request, context) }
        if let token = request.cookies[Self.cookieName]?.value, let (account, session) = try store.session(token: token) {
            context.account = account
            context.session = session
        }
        if !Self.isPublic(path) && context.account == nil {
            if path.hasPrefix("/api/") { throw ConsoleHTTPError.unauthenticated }
            return Reply.redirect("/login")
        }
        if Self.changesState(request.method), path != "/api/login" {
            guard let session = context.session, let sent = request.headers[Self.csrfHeader],
                  Self.constantTimeEqual(sent, session.csrf) else { throw ConsoleHTTPError.badCSRF }
        }
        return try await next(request, context)
    }

    static func changesState(_ method: HTTPRequest.Method) -> Bool {
        ![.get, .head, .options].contains(method)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var d: UInt8 = 0
        for i in x.indices { d |= x[i] ^ y[i] }
        return d == 0
    }
}
