import ArgumentParser
import Foundation
import GridpayConsole

/// `gridpay serve` and `gridpay user` (SPEC §14): arguments only; the console library does the work.

struct ConsoleLocation: ParsableArguments {
    @Option(help: ArgumentHelp(HelpMessages.consoleDir))
    var consoleDir = "Console"
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpMessages.serve)

    @Option(help: ArgumentHelp(HelpMessages.listen)) var listen = "127.0.0.1:8080"
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation
    @OptionGroup var console: ConsoleLocation
    @Option(help: ArgumentHelp(HelpMessages.tlsCert, valueName: "pem")) var tlsCert: String?
    @Option(help: ArgumentHelp(HelpMessages.tlsKey, valueName: "pem")) var tlsKey: String?
    @Flag(help: ArgumentHelp(HelpMessages.secureCookie)) var secureCookie = false

    func validate() throws {
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError(ConsoleMessages.tlsNeedsBoth) }
    }

    func run() throws {
        guard let address = ListenAddress(listen) else { throw ValidationError(ConsoleMessages.badListen(listen)) }
        let folders = ConsoleFolders(rulesDir: locations.rulesDir, inputDir: locations.inputDir, outputDir: locations.outputDir,
                                     ledgerDir: ledger.ledgerDir, consoleDir: console.consoleDir)
        let tls = tlsCert.flatMap { cert in tlsKey.map { ConsoleTLSFiles(certificate: cert, key: $0) } }
        do {
            // Written unbuffered: a script (or a test) waits for this line to know the port.
            try ConsoleServer.serve(folders: folders, address: address, tls: tls, secureCookie: secureCookie) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch {
            printError(error.message)
            throw ExitCode(1)
        }
    }
}

struct User: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: HelpMessages.user,
                                                    subcommands: [UserAdd.self, UserList.self, UserDisable.self, UserPassword.self])
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: HelpMessages.userAdd)
    @Argument(help: ArgumentHelp(HelpMessages.accountName)) var name: String
    @Option(help: ArgumentHelp(HelpMessages.role)) var role: [String] = []
    @Option(help: ArgumentHelp(HelpMessages.userTown)) var town: [String] = []
    @Flag(help: ArgumentHelp(HelpMessages.passwordStdin)) var passwordStdin = false
    @OptionGroup var console: ConsoleLocation
    /// Where the towns given to --town must have their rules.
    @Option(help: ArgumentHelp(HelpMessages.rulesDir)) var rulesDir = "Rules"

    func run() throws {
        try consoleCommand {
            var roles: [Role] = []
            for r in role {
                guard let known = Role(rawValue: r) else { throw ConsoleFailure(ConsoleMessages.unknownRole(r)) }
                roles.append(known)
            }
            // Before the password is asked for: a wrong town is said at once.
            try AccountTowns.check(town, rulesDir: rulesDir)
            let password = try PasswordInput.read(fromStdin: passwordStdin)
            try ConsoleStore(folder: console.consoleDir).add(name: name, roles: roles, towns: town, password: password, by: ConsoleMessages.commandLineActor)
            print(ConsoleMessages.accountAdded(name))
        }
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: HelpMessages.userList)
    @OptionGroup var console: ConsoleLocation

    func run() throws {
        try consoleCommand {
            let accounts = try ConsoleStore(folder: console.consoleDir).accounts()
            guard !accounts.isEmpty else { print(ConsoleMessages.noAccounts); return }
            print(ConsoleMessages.listHeader)
            for a in accounts {
                let roles = Role.allCases.filter { a.roles.contains($0) }.map(\.rawValue).joined(separator: ",")
                print("\(a.name) | \(roles) | \(a.towns.isEmpty ? ConsoleMessages.allTowns : a.towns.joined(separator: ",")) | \(a.disabled ? ConsoleMessages.disabledState : ConsoleMessages.enabled)")
            }
        }
    }
}

struct UserDisable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: HelpMessages.userDisable)
    @Argument(help: ArgumentHelp(HelpMessages.accountName)) var name: String
    @OptionGroup var console: ConsoleLocation

    func run() throws {
        try consoleCommand {
            try ConsoleStore(folder: console.consoleDir).disable(name: name, by: ConsoleMessages.commandLineActor)
            print(ConsoleMessages.accountDisabled(name))
        }
    }
}

struct UserPassword: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "password", abstract: HelpMessages.userPassword)
    @Argument(help: ArgumentHelp(HelpMessages.accountName)) var name: String
    @Flag(help: ArgumentHelp(HelpMessages.passwordStdin)) var passwordStdin = false
    @OptionGroup var console: ConsoleLocation

    func run() throws {
        try consoleCommand {
            let password = try PasswordInput.read(fromStdin: passwordStdin)
            try ConsoleStore(folder: console.consoleDir).setPassword(name: name, password: password, by: ConsoleMessages.commandLineActor)
            print(ConsoleMessages.passwordChanged(name))
        }
    }
}

/// Runs a `user` command's body: a console failure is printed and exits 1.
func consoleCommand(_ body: () throws -> Void) throws {
    do { try body() } catch let failure as ConsoleFailure {
        printError(failure.message)
        throw ExitCode(1)
    }
}

/// A password from standard input (one line, its line end dropped) or asked twice at a terminal.
enum PasswordInput {
    static func read(fromStdin: Bool) throws(ConsoleFailure) -> String {
        if fromStdin {
            guard let line = readLine(strippingNewline: true) else { throw ConsoleFailure(ConsoleMessages.passwordStdinEmpty) }
            return line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        guard isatty(STDIN_FILENO) != 0, let first = getpass(ConsoleMessages.passwordPrompt) else {
            throw ConsoleFailure(ConsoleMessages.passwordNeedsTerminal)
        }
        let a = String(cString: first)
        guard let second = getpass(ConsoleMessages.passwordAgain) else { throw ConsoleFailure(ConsoleMessages.passwordNeedsTerminal) }
        guard a == String(cString: second) else { throw ConsoleFailure(ConsoleMessages.passwordsDiffer) }
        return a
    }
}
