import Foundation
import GRDB

/// A period's steps in the console (append-only): uploads, runs with their results, submission,
/// return and approval. The status of SPEC §14 follows from the last step (closed comes from the
/// town's ledger, whoever closed it).
public enum PeriodStep: String, Sendable {
    case upload, run, runFailed = "run-failed", submit, `return`, approve
}

public struct PeriodEvent: Sendable {
    public var step: PeriodStep
    public var account: String
    public var at: String
    public var reason: String
    /// The run's result as the API returned it (JSON), for runs.
    public var result: String
    /// The accepted rows of a run (JSON), for runs.
    public var accepted: String
}

/// What is known of one uploaded input file.
public struct UploadRecord: Sendable {
    public var file: String, bytes: Int, sha256: String, account: String, at: String
}

extension ConsoleStore {
    public func record(_ step: PeriodStep, town: String, period: String, account: String, reason: String = "",
                       result: String = "", accepted: String = "") throws(ConsoleFailure) {
        try write { db in
            try db.execute(sql: "INSERT INTO period_event (town, period, kind, account, at, reason, result, accepted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [town, period, step.rawValue, account, ConsoleStore.timestamp(), reason, result, accepted])
        }
    }

    /// The period's steps, oldest first.
    public func events(town: String, period: String) throws(ConsoleFailure) -> [PeriodEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM period_event WHERE town = ? AND period = ? ORDER BY id", arguments: [town, period]).compactMap {
                guard let step = PeriodStep(rawValue: $0["kind"]) else { return nil }
                return PeriodEvent(step: step, account: $0["account"], at: ConsoleTime.shown(stored: $0["at"]), reason: $0["reason"], result: $0["result"], accepted: $0["accepted"])
            }
        }
    }

    /// An upload and its log row, in one transaction.
    func recordUpload(town: String, period: String, file: String, bytes: Int, sha256: String, account: String,
                      replacedAs: String, action: LogAction, detail: String) throws(ConsoleFailure) {
        try write { db in
            try db.execute(sql: "INSERT INTO upload (town, period, file, bytes, sha256, account, at, replaced_as) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [town, period, file, bytes, sha256, account, ConsoleStore.timestamp(), replacedAs])
            try db.execute(sql: "INSERT INTO period_event (town, period, kind, account, at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [town, period, PeriodStep.upload.rawValue, account, ConsoleStore.timestamp()])
            try ConsoleStore.log(db, account: account, town: town, period: period, action: action, detail: detail, sha256: sha256)
        }
    }

    /// The last upload of each file of a month folder.
    public func uploads(town: String, period: String) throws(ConsoleFailure) -> [String: UploadRecord] {
        try read { db in
            var out: [String: UploadRecord] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT * FROM upload WHERE town = ? AND period = ? ORDER BY id", arguments: [town, period]) {
                out[r["file"]] = UploadRecord(file: r["file"], bytes: r["bytes"], sha256: r["sha256"], account: r["account"], at: ConsoleTime.shown(stored: r["at"]))
            }
            return out
        }
    }
}
