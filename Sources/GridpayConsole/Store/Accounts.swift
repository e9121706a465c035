import Foundation
import GRDB
import HummingbirdBcrypt

/// Accounts: added, listed, disabled and given a new password by `gridpay user`; checked at login.
/// Passwords are kept only as bcrypt hashes.
extension ConsoleStore {
    public static let minimumPasswordLength = 10
    /// bcrypt's cost: 2^11 rounds, about a tenth of a second per login on the county's server.
    static let bcryptCost: UInt8 = 11

    public func add(name: String, roles: [Role], towns: [String], password: String, by actor: String) throws(ConsoleFailure) {
        try Self.checkName(name)
        guard !roles.isEmpty else { throw ConsoleFailure(ConsoleMessages.noRole) }
        try Self.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: Self.bcryptCost)
        let roleText = Self.uniqueSorted(roles.map(\.rawValue)).joined(separator: ",")
        let townText = Self.uniqueSorted(towns).joined(separator: ",")
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM account WHERE name = ?", arguments: [name])! > 0 {
                throw ConsoleFailure(ConsoleMessages.accountExists(name))
            }
            try db.execute(sql: "INSERT INTO account (name, password_hash, roles, towns, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, hash, roleText, townText, ConsoleStore.timestamp()])
            try ConsoleStore.log(db, account: actor, action: .accountAdded,
                                 detail: ConsoleMessages.accountDetail(name: name, roles: roleText, towns: townText))
        }
    }

    public func accounts() throws(ConsoleFailure) -> [Account] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, roles, towns, disabled FROM account ORDER BY name").map(Self.account)
        }
    }

    public func account(named name: String) throws(ConsoleFailure) -> Account? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT name, roles, towns, disabled FROM account WHERE name = ?", arguments: [name]).map(Self.account)
        }
    }

    public func disable(name: String, by actor: String) throws(ConsoleFailure) {
        try write { db in
            try db.execute(sql: "UPDATE account SET disabled = 1 WHERE name = ?", arguments: [name])
            guard db.changesCount == 1 else { throw ConsoleFailure(ConsoleMessages.noSuchAccount(name)) }
            try db.execute(sql: "DELETE FROM session WHERE account = ?", arguments: [name])
            try ConsoleStore.log(db, account: actor, action: .accountDisabled, detail: name)
        }
    }

    public func setPassword(name: String, password: String, by actor: String) throws(ConsoleFailure) {
        try Self.checkPassword(password)
        let hash = Bcrypt.hash(password, cost: Self.bcryptCost)
        try write { db in
            try db.execute(sql: "UPDATE account SET password_hash = ? WHERE name = ?", arguments: [hash, name])
            guard db.changesCount == 1 else { throw ConsoleFailure(ConsoleMessages.noSuchAccount(name)) }
            try db.execute(sql: "DELETE FROM session WHERE account = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM login_failure WHERE name = ?", arguments: [name])
            try ConsoleStore.log(db, account: actor, action: .passwordSet, detail: name)
        }
    }

    public func hasAccounts() throws(ConsoleFailure) -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM account")! > 0 }
    }

    static func checkName(_ name: String) throws(ConsoleFailure) {
        let ok = !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
            !$0.properties.isWhitespace && $0.properties.generalCategory != .control && $0 != "," && $0.properties.generalCategory != .format
        }
        guard ok else { throw ConsoleFailure(ConsoleMessages.badAccountName(name)) }
    }

    static func checkPassword(_ password: String) throws(ConsoleFailure) {
        guard password.count >= minimumPasswordLength else { throw ConsoleFailure(ConsoleMessages.passwordTooShort(minimumPasswordLength)) }
        // bcrypt reads at most 72 bytes: a longer password would be cut silently.
        guard password.utf8.count <= 72 else { throw ConsoleFailure(ConsoleMessages.passwordTooLong) }
    }

    static func account(_ row: Row) -> Account {
        let roles = (row["roles"] as String).split(separator: ",").compactMap { Role(rawValue: String($0)) }
        let towns = (row["towns"] as String).split(separator: ",").map(String.init)
        return Account(name: row["name"], roles: Set(roles), towns: towns, disabled: (row["disabled"] as Int) != 0)
    }

    static func uniqueSorted(_ values: [String]) -> [String] { Array(Set(values)).sorted() }

    // MARK: database access with the console's errors

    func read<T>(_ body: (Database) throws -> T) throws(ConsoleFailure) -> T {
        do { return try db.read(body) } catch { throw Self.failure(error) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(ConsoleFailure) -> T {
        do { return try db.write(body) } catch { throw Self.failure(error) }
    }

    static func failure(_ error: any Error) -> ConsoleFailure {
        (error as? ConsoleFailure) ?? ConsoleFailure(ConsoleMessages.storeError("\(error)"))
    }
}
