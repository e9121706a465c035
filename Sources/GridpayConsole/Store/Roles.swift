/// The console's roles (SPEC §14), named as the office names them; an account may have several.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Uploads, runs, downloads, explains, accepts rows, submits a period (提交审核).
    case preparer = "制表"
    /// Reads what 制表 reads; approves (closing the period) or returns it.
    case checker = "审核"
    /// The governance office's rule workspace.
    case rules = "规则"
    /// Reads everything of its towns, verifies, rates; changes nothing.
    case auditor = "审计"
    /// Accounts and the action log; no money role by itself.
    case admin = "管理员"

    /// Roles that may read a town's periods, results and explanations.
    static let readers: Set<Role> = [.preparer, .checker, .auditor, .rules]
}

/// A signed-in account as the server sees it.
public struct Account: Sendable, Equatable {
    public var name: String
    public var roles: Set<Role>
    /// Empty: every town.
    public var towns: [String]
    public var disabled: Bool

    public func has(_ role: Role) -> Bool { roles.contains(role) }
    public func hasAny(_ roles: Set<Role>) -> Bool { !self.roles.isDisjoint(with: roles) }
    public func sees(town: String) -> Bool { towns.isEmpty || towns.contains(town) }
}
