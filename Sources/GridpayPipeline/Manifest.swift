import Foundation
import GridpayCore
import GridpayHash

/// What a run read and wrote, with SHA-256 hashes, for auditors: `<town>-<period>-manifest.json`.
/// A plain `Codable` value (tools and tests read it back with `JSONDecoder`); it is written by
/// `jsonText()` in a fixed layout and key order rather than by `JSONEncoder`, so that the bytes
/// are those of every earlier run (a closed period re-run or verified gives the SHA-256 the
/// ledger recorded) and do not depend on how a Foundation release spaces or escapes JSON.
public struct Manifest: Codable, Equatable, Sendable {
    public struct Rules: Codable, Equatable, Sendable {
        public var file: String, version: String, effectiveFrom: String, sha256: String
        enum CodingKeys: String, CodingKey { case file, version, effectiveFrom = "effective_from", sha256 }
    }

    public struct Input: Codable, Equatable, Sendable {
        public var file: String, sha256: String, bytes: Int, rows: Int, rowsUsed: Int
        /// The form it was read in (SPEC §16). Every run writes it; a manifest written before it
        /// was recorded for plain CSV files lacks it there, and reads back with nil.
        public var form: String? = nil
        enum CodingKeys: String, CodingKey { case file, sha256, bytes, rows, rowsUsed = "rows_used", form }
    }

    /// An earlier period read from its own inputs for the history.
    public struct History: Codable, Equatable, Sendable {
        public struct File: Codable, Equatable, Sendable {
            public var file: String, sha256: String
            enum CodingKeys: String, CodingKey { case file, sha256 }
        }
        public var period: String, rulesSHA256: String, inputs: [File]
        enum CodingKeys: String, CodingKey { case period, rulesSHA256 = "rules_sha256", inputs }
    }

    /// An earlier period whose published results the history read from the ledger.
    public struct Published: Codable, Equatable, Sendable {
        public var period: String, source: String, rulesSHA256: String
        enum CodingKeys: String, CodingKey { case period, source, rulesSHA256 = "rules_sha256" }
    }

    public struct Incomplete: Codable, Equatable, Sendable {
        public var period: String, reason: String
        enum CodingKeys: String, CodingKey { case period, reason }
    }

    public struct Output: Codable, Equatable, Sendable {
        public var file: String, sha256: String, bytes: Int
        enum CodingKeys: String, CodingKey { case file, sha256, bytes }
    }

    public var program: String
    public var town: String
    public var period: String
    public var rules: Rules
    public var inputs: [Input]
    public var history: [History]
    /// Absent (not empty) when no closed period was read.
    public var historyPublished: [Published]?
    /// Absent (not empty) when no correction was carried.
    public var correctionsCarried: [String]?
    public var historyIncomplete: [Incomplete]
    public var acceptedRows: [String]
    public var workers: Int
    public var outputs: [Output]

    enum CodingKeys: String, CodingKey {
        case program, town, period, rules, inputs, history
        case historyPublished = "history_published", correctionsCarried = "corrections_carried"
        case historyIncomplete = "history_incomplete", acceptedRows = "accepted_rows", workers, outputs
    }
}

extension Manifest {
    /// The manifest of a prepared month whose outputs (named, in `directory`) are written.
    init(_ month: PreparedMonth, outputs: [String], directory: String) throws {
        let r = month.report.rules
        let history = month.history
        program = "gridpay \(GridpayVersion.current)"
        town = r.town
        period = "\(month.report.period)"
        rules = Rules(file: month.ruleFileName, version: r.version, effectiveFrom: "\(r.effectiveFrom)", sha256: month.rules.sha256)
        inputs = month.inputs.files.map { Input(file: $0.file, sha256: $0.sha256, bytes: $0.bytes, rows: $0.rowsRead, rowsUsed: $0.rowsUsed, form: $0.form) }
        self.history = history.monthsRead.map { p, m in
            History(period: "\(p)", rulesSHA256: m.rules.sha256, inputs: m.files.map { History.File(file: $0.file, sha256: $0.sha256) })
        }
        historyPublished = history.publishedRead.isEmpty ? nil : history.publishedRead.sorted().map { p in
            Published(period: "\(p)", source: "ledger", rulesSHA256: history.published?.publishedRuleSHA256(of: p) ?? "")
        }
        correctionsCarried = month.carried?.periods
        historyIncomplete = month.report.incompleteHistory.map { Incomplete(period: "\($0.0)", reason: $0.1.sheetMessage) }
        acceptedRows = Array(Set(month.inputs.problems.filter(\.accepted).map(\.rowReference))).sorted()
        workers = month.report.workers.count
        self.outputs = try outputs.map { o in
            let (sha256, bytes) = try FileDigest.file("\(directory)/\(o)")
            return Output(file: o, sha256: sha256, bytes: bytes)
        }
    }

    /// The file's text: one key a line at the top level, each object of a list on a line of its
    /// own (objects inside a line written `{"key": value, …}`), keys in declaration order.
    public func jsonText() -> String {
        typealias K = CodingKeys
        var lines: [String] = []
        func field(_ key: K, _ value: String) { lines.append("  \(JSONText.quoted(key.stringValue)): \(value)") }
        func block(_ key: K, _ items: [String]) {
            let body = items.map { "    " + $0 }.joined(separator: ",\n") + (items.isEmpty ? "" : "\n")
            lines.append("  \(JSONText.quoted(key.stringValue)): [\n\(body)  ]")
        }
        field(.program, JSONText.quoted(program))
        field(.town, JSONText.quoted(town))
        field(.period, JSONText.quoted(period))
        field(.rules, JSONText.object(Rules.CodingKeys.self, [.file: .text(rules.file), .version: .text(rules.version),
                                                              .effectiveFrom: .text(rules.effectiveFrom), .sha256: .text(rules.sha256)]))
        block(.inputs, inputs.map { i in
            let plain = JSONText.object(Input.CodingKeys.self, [.file: .text(i.file), .sha256: .text(i.sha256), .bytes: .number(i.bytes),
                                                                .rows: .number(i.rows), .rowsUsed: .number(i.rowsUsed)])
            guard let form = i.form else { return plain }
            return String(plain.dropLast()) + ", \(JSONText.quoted(Input.CodingKeys.form.stringValue)): \(JSONText.quoted(form))}"
        })
        block(.history, history.map { h in
            let files = h.inputs.map { JSONText.object(History.File.CodingKeys.self, [.file: .text($0.file), .sha256: .text($0.sha256)]) }
            return JSONText.object(History.CodingKeys.self, [.period: .text(h.period), .rulesSHA256: .text(h.rulesSHA256),
                                                             .inputs: .raw("[\(files.joined(separator: ", "))]")])
        })
        if let historyPublished {
            field(.historyPublished, "[" + historyPublished.map { p in
                JSONText.object(Published.CodingKeys.self, [.period: .text(p.period), .source: .text(p.source), .rulesSHA256: .text(p.rulesSHA256)])
            }.joined(separator: ", ") + "]")
        }
        if let correctionsCarried {
            field(.correctionsCarried, "[\(correctionsCarried.map(JSONText.quoted).joined(separator: ", "))]")
        }
        field(.historyIncomplete, "[" + historyIncomplete.map { i in
            JSONText.object(Incomplete.CodingKeys.self, [.period: .text(i.period), .reason: .text(i.reason)])
        }.joined(separator: ", ") + "]")
        field(.acceptedRows, "[\(acceptedRows.map(JSONText.quoted).joined(separator: ", "))]")
        field(.workers, "\(workers)")
        block(.outputs, outputs.map { o in
            JSONText.object(Output.CodingKeys.self, [.file: .text(o.file), .sha256: .text(o.sha256), .bytes: .number(o.bytes)])
        })
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    /// Writes the manifest of `month` beside its outputs.
    static func write(_ month: PreparedMonth, outputs: [String], directory: String, to path: String) throws {
        let text = try Manifest(month, outputs: outputs, directory: directory).jsonText()
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw PipelineFailure(message: OutputFileMessages.cannotWrite(path))
        }
    }
}

/// JSON text written by hand: strings quoted and escaped as RFC 8259 requires (control
/// characters as \uXXXX, except the usual \n, \r, \t), objects on one line.
enum JSONText {
    enum Value {
        case text(String), number(Int), raw(String)
    }

    static func object<Key: CodingKey>(_: Key.Type, _ fields: KeyValuePairs<Key, Value>) -> String {
        "{" + fields.map { key, value in
            let v: String
            switch value {
            case .text(let s): v = quoted(s)
            case .number(let n): v = "\(n)"
            case .raw(let r): v = r
            }
            return "\(quoted(key.stringValue)): \(v)"
        }.joined(separator: ", ") + "}"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
