import Foundation
import GRDB

/// A draft as the rule workspace lists it: its latest save.
public struct RuleDraftInfo: Sendable, Codable, Equatable {
    public var name: String
    public var sha256: String
    public var saved_by: String
    public var saved_at: String
}

/// Drafts of the rule workspace (SPEC §14, issue 24) in the console's database: every save is a
/// new row (never updated or deleted, as the action log), and a draft is its latest row.
extension ConsoleStore {
    static func registerRuleDrafts(_ m: inout DatabaseMigrator) {
        m.registerMigration("rule-drafts") { db in
            try db.execute(sql: """
                CREATE TABLE rule_draft (
                  id INTEGER PRIMARY KEY AUTOINCREMENT, town TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL,
                  sha256 TEXT NOT NULL, account TEXT NOT NULL, at TEXT NOT NULL);
                CREATE INDEX rule_draft_by_name ON rule_draft (town, name, id);
                """)
            let refuse = "SELECT RAISE(ABORT, '\(ConsoleMessages.appendOnly)')"
            try db.execute(sql: """
                CREATE TRIGGER rule_draft_no_update BEFORE UPDATE ON rule_draft BEGIN \(refuse); END;
                CREATE TRIGGER rule_draft_no_delete BEFORE DELETE ON rule_draft BEGIN \(refuse); END;
                CREATE TRIGGER rule_draft_no_replace BEFORE INSERT ON rule_draft
                  WHEN EXISTS (SELECT 1 FROM rule_draft WHERE id = NEW.id) BEGIN \(refuse); END;
                """)
        }
    }

    /// Saves a draft and logs the save (with the text's SHA-256) in one transaction.
    public func saveDraft(town: String, name: String, text: String, sha256: String, account: String) throws(ConsoleFailure) {
        try write { db in
            try db.execute(sql: "INSERT INTO rule_draft (town, name, text, sha256, account, at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [town, name, text, sha256, account, Self.timestamp()])
            try Self.log(db, account: account, town: town, action: .draftSaved, detail: name, sha256: sha256)
        }
    }

    /// The latest text of a draft; nil when there is none.
    public func draftText(town: String, name: String) throws(ConsoleFailure) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT text FROM rule_draft WHERE town = ? AND name = ? ORDER BY id DESC LIMIT 1", arguments: [town, name])
        }
    }

    /// Every draft of a town, by name: its latest save.
    public func drafts(town: String) throws(ConsoleFailure) -> [RuleDraftInfo] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT name, sha256, account, at FROM rule_draft WHERE id IN (SELECT max(id) FROM rule_draft WHERE town = ? GROUP BY name) ORDER BY name
                """, arguments: [town]).map { RuleDraftInfo(name: $0["name"], sha256: $0["sha256"], saved_by: $0["account"], saved_at: ConsoleTime.shown(stored: $0["at"])) }
        }
    }

    /// Who adopted the version with this SHA-256 and when (the action log's adoption row), if the console did.
    public func adoption(town: String, sha256: String) throws(ConsoleFailure) -> (by: String, at: String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT account, at FROM action_log WHERE town = ? AND action = ? AND sha256 = ? ORDER BY id LIMIT 1",
                             arguments: [town, LogAction.ruleAdopted.rawValue, sha256]).map { ($0["account"], ConsoleTime.shown(stored: $0["at"])) }
        }
    }
}
