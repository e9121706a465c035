import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore

/// The folders the console works on: those of the commands, and its own.
public struct ConsoleFolders: Sendable {
    public var rulesDir: String, inputDir: String, outputDir: String, ledgerDir: String, consoleDir: String
    public init(rulesDir: String, inputDir: String, outputDir: String, ledgerDir: String, consoleDir: String) {
        self.rulesDir = rulesDir
        self.inputDir = inputDir
        self.outputDir = outputDir
        self.ledgerDir = ledgerDir
        self.consoleDir = consoleDir
    }
}

/// `--listen HOST:PORT` (port 0: any free port, announced once listening).
public struct ListenAddress: Sendable {
    public var host: String
    public var port: Int
    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }
}

/// What the routes share: the store, the folders, the runs in progress.
public final class Console: Sendable {
    public let store: ConsoleStore
    public let folders: ConsoleFolders
    let runs = RunCoordinator()
    let towns: TownCatalogue
    /// Whether the cookie gets `Secure` (the console is reached through HTTPS).
    let secureCookie: Bool
    /// Where the logins' bcrypt checks run (off the cooperative pool, one or two at once).
    let passwordChecks: PasswordChecks

    public init(store: ConsoleStore, folders: ConsoleFolders, secureCookie: Bool, passwordChecks: PasswordChecks = .forThisMachine()) {
        self.store = store
        self.folders = folders
        self.towns = TownCatalogue(rulesDir: folders.rulesDir)
        self.secureCookie = secureCookie
        self.passwordChecks = passwordChecks
    }
}

public enum ConsoleServer {
    /// The router with every area's routes and the middleware of SPEC §14.
    public static func router(console: Console) -> Router<ConsoleContext> {
        let router = Router(context: ConsoleContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(store: console.store))
        for area in ConsoleRouteAreas.all { area.register(on: router, console: console) }
        return router
    }

    /// Serves until SIGINT or SIGTERM; over HTTPS when `tls` names a certificate and its key (the
    /// cookie is then Secure). Before it starts, every problem is named together: the TLS files',
    /// and no account yet (naming the command that adds the first one). `announce` gets the line
    /// saying where it listens.
    public static func serve(folders: ConsoleFolders, address: ListenAddress, tls: ConsoleTLSFiles? = nil, secureCookie: Bool = false,
                             announce: @escaping @Sendable (String) -> Void) throws(ConsoleFailure) {
        var problems: [String] = []
        var server = HTTPServerBuilder.http1()
        if let tls {
            switch ConsoleTLS.configuration(tls) {
            case .success(let configuration):
                do { server = try .tls(.http1(), tlsConfiguration: configuration) } catch { problems.append(ConsoleMessages.serverStopped("\(error)")) }
            case .failure(let failure): problems.append(failure.message)
            }
        }
        var store: ConsoleStore?
        do {
            store = try ConsoleStore(folder: folders.consoleDir)
            if try !store!.hasAccounts() { problems.append(ConsoleMessages.noAccountYet(consoleDir: folders.consoleDir)) }
        } catch { problems.append(ConsoleStore.failure(error).message) }
        guard let store, problems.isEmpty else { throw ConsoleFailure(problems.joined(separator: "\n")) }
        let console = Console(store: store, folders: folders, secureCookie: secureCookie || tls != nil)
        try run(application(console: console, server: server, address: address, https: tls != nil, announce: announce))
    }

    static func application(console: Console, server: HTTPServerBuilder, address: ListenAddress, https: Bool,
                            announce: @escaping @Sendable (String) -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "gridpay-console")
        logger.logLevel = .error
        return Application(
            router: router(console: console), server: server,
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? address.port
                announce(ConsoleMessages.listening("\(address.host):\(port)", https: https))
            },
            logger: logger)
    }

    /// Runs the application until it stops; its error, if any, as the console's.
    static func run(_ app: some ApplicationProtocol) throws(ConsoleFailure) {
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await app.runService() } catch { failure.set(ConsoleMessages.serverStopped("\(error)")) }
            done.signal()
        }
        done.wait()
        if let message = failure.get() { throw ConsoleFailure(message) }
    }
}

/// The error of the server task, read once it has ended.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func set(_ m: String) { lock.withLock { message = m } }
    func get() -> String? { lock.withLock { message } }
}
