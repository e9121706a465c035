import Foundation
import HTTPTypes
import Hummingbird

/// A request's context: Hummingbird's own, plus the signed-in account and session (nil before
/// login) that the session middleware finds from the cookie.
public struct ConsoleContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var account: Account?
    public var session: Session?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Uploads are streamed to disk by their route, which applies its own limit.
    public var maxUploadSize: Int { 1024 * 1024 }

    /// The signed-in account; a route that needs one is only reached with one (the middleware answers 401).
    public func signedIn() throws -> Account {
        guard let account else { throw ConsoleHTTPError.unauthenticated }
        return account
    }

    /// A path parameter as sent, percent-decoded: the router leaves a name such as 名册.csv as
    /// `%E5%90%8D…`. Decoding keeps the code points as sent (`Café` and `Cafe` + U+0301 stay two).
    public func pathText(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }

    /// The account, when it has one of `roles`; else 403.
    public func requireAny(_ roles: Set<Role>) throws -> Account {
        let a = try signedIn()
        guard a.hasAny(roles) else { throw ConsoleHTTPError.forbidden }
        return a
    }
}

/// An answer other than 200, with its message in Chinese. It never carries a path or a trace.
public struct ConsoleHTTPError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public static var unauthenticated: ConsoleHTTPError { ConsoleHTTPError(.unauthorized, ConsoleMessages.signInFirst) }
    public static var forbidden: ConsoleHTTPError { ConsoleHTTPError(.forbidden, ConsoleMessages.notAllowed) }
    public static var notFound: ConsoleHTTPError { ConsoleHTTPError(.notFound, ConsoleMessages.notFound) }
    public static var badCSRF: ConsoleHTTPError { ConsoleHTTPError(.forbidden, ConsoleMessages.badCSRF) }
    public static func badRequest(_ message: String) -> ConsoleHTTPError { ConsoleHTTPError(.badRequest, message) }
    public static func conflict(_ message: String) -> ConsoleHTTPError { ConsoleHTTPError(.conflict, message) }
    public static func locked(_ message: String) -> ConsoleHTTPError { ConsoleHTTPError(HTTPResponse.Status(code: 423, reasonPhrase: "Locked"), message) }
}
