import ArgumentParser
import Foundation
import GridpayConsole

/// `gridpay serve` and `gridpay user` (SPEC §14): arguments only; the console library does the work.

struct ConsoleLocation: ParsableArguments {
    @Option(help: "控制台的文件夹：账号、会话和操作记录（console.sqlite）。")
    var consoleDir = "Console"
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "启动办公控制台（网页）：财务、审核、规则和审计人员在浏览器中使用。")

    @Option(help: "监听的地址和端口，主机:端口。") var listen = "127.0.0.1:8080"
    @OptionGroup var locations: Locations
    @OptionGroup var ledger: LedgerLocation
    @OptionGroup var console: ConsoleLocation
    @Flag(help: "浏览器经 HTTPS（反向代理）访问控制台：会话 Cookie 加 Secure 属性。") var secureCookie = false

    func run() throws {
        guard let address = ListenAddress(listen) else { throw ValidationError(ConsoleMessages.badListen(listen)) }
        let folders = ConsoleFolders(rulesDir: locations.rulesDir, inputDir: locations.inputDir, outputDir: locations.outputDir,
                                     ledgerDir: ledger.ledgerDir, consoleDir: console.consoleDir)
        do {
            // Written unbuffered: a script (or a test) waits for this line to know the port.
            try ConsoleServer.serve(folders: folders, address: address, secureCookie: secureCookie) { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        } catch {
            printError(error.message)
            throw ExitCode(1)
        }
    }
}

struct User: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "管理控制台的账号：添加、列出、停用、更改密码。",
                                                    subcommands: [UserAdd.self, UserList.self, UserDisable.self, UserPassword.self])
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "添加账号。")
    @Argument(help: "账号名。") var name: String
    @Option(help: "角色：制表、审核、规则、审计、管理员（可重复）。") var role: [String] = []
    @Option(help: "可见的镇(街道)，如 qinghe（可重复；不给出则为全部）。") var town: [String] = []
    @Flag(help: "从标准输入读取一行作为密码。") var passwordStdin = false
    @OptionGroup var console: ConsoleLocation

    func run() throws {
        try consoleCommand {
            var roles: [Role] = []
            for r in role {
                guard let known = Role(rawValue: r) else { throw ConsoleFailure(ConsoleMessages.unknownRole(r)) }
                roles.append(known)
            }
            let password = try PasswordInput.read(fromStdin: passwordStdin)
            try ConsoleStore(folder: console.consoleDir).add(name: name, roles: roles, towns: town, password: password, by: ConsoleMessages.commandLineActor)
            print(ConsoleMessages.accountAdded(name))
        }
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出账号。")
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
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "停用账号（不能再登录；记录保留）。")
    @Argument(help: "账号名。") var name: String
    @OptionGroup var console: ConsoleLocation

    func run() throws {
        try consoleCommand {
            try ConsoleStore(folder: console.consoleDir).disable(name: name, by: ConsoleMessages.commandLineActor)
            print(ConsoleMessages.accountDisabled(name))
        }
    }
}

struct UserPassword: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "password", abstract: "更改账号的密码。")
    @Argument(help: "账号名。") var name: String
    @Flag(help: "从标准输入读取一行作为密码。") var passwordStdin = false
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
