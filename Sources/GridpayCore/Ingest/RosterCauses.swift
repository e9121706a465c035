/// A roster row that explains why rows elsewhere name an id on no roster row (SPEC §15, one
/// cause): a row left out (a bad cell), a row whose id repeats an earlier row's, or a row whose
/// id is one edit from theirs and whose worker has no row in the file (mistyped in the roster).
public struct RosterFault: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case duplicate(firstLine: Int)
        case leftOut
        case mistyped
    }

    /// The roster row's line, and the id it holds.
    public var line: Int
    public var id: String
    public var kind: Kind
}

/// The rows of one file naming one id on no roster row.
struct UnknownRows {
    var lines = LineSet()
    var field: Int
    var column: String
}

extension RosterMembership {
    /// The most ids tallied per file: a file of another town names every id wrongly, and none of
    /// them is a roster row's slip (bounded memory whatever the file).
    static let unknownIdsTallied = 1000

    func see(_ worker: Int) {
        seen += Array(repeating: false, count: max(roster.ids.count, worker + 1) - seen.count)
        seen[worker] = true
    }

    func noteUnknown(_ id: String, line: Int, field: Int, column: String) {
        if unknownRows[id] == nil {
            guard unknownOrder.count < Self.unknownIdsTallied else { return }
            unknownOrder.append(id)
            unknownRows[id] = UnknownRows(field: field, column: column)
        }
        unknownRows[id]!.lines.insert(line)
    }

    /// Once the file is read: one cause per id on no roster row that a broken roster row explains
    /// (a month's run; a longer period's rows are checked against its last roster). The mistyped
    /// roster id needs every file: `RosterCauses.mistyped`.
    func rosterCauses() -> [FileLevelCause] {
        guard quarter == nil else { return [] }
        let roster = rules.rosterTable.file
        return unknownOrder.compactMap { id in
            guard let rows = unknownRows[id], let fault = brokenRow(for: id) else { return nil }
            return FileLevelCause(file: problems.file, kind: .notOnRoster(id: id, column: rows.column, roster: roster, fault: fault),
                                  lines: rows.lines, column: rows.field)
        }
    }

    /// The one broken roster row (a duplicate, a row left out) one edit from `id`; nil where none or several are.
    func brokenRow(for id: String) -> RosterFault? {
        let near = { (other: String) in Suggestion.editDistance(id, other) == 1 }
        let broken = roster.duplicateRows.filter { near($0.id) }
            + roster.rejectedWorkers.filter { near($0.key) }.map { RosterFault(line: $0.value, id: $0.key, kind: .leftOut) }
        return broken.count == 1 ? broken[0] : nil
    }
}

/// Rows of an id on no roster row, across the month's files, where no broken roster row explains
/// them: the one roster id one edit from theirs whose worker has no row in any file was mistyped
/// in the roster (SPEC §15). Two rows at least: one row's id one edit from a roster id is that
/// row's slip.
public enum RosterCauses {
    public static func mistyped(_ files: [TableIngest], roster: Roster) -> [FileLevelCause] {
        guard roster.ids.count <= 5000 else { return [] }
        // Each file's rows of other tables in a month's run, and the ids a broken roster row explains there.
        let tables: [(file: String, rows: RosterMembership, explained: Set<String>)] = files.compactMap { f in
            guard case .rows(let r) = f.destination, f.quarter == nil else { return nil }
            let explained = f.causes.compactMap { c -> String? in if case .notOnRoster(let id, _, _, _) = c.kind { return id } else { return nil } }
            return (f.spec.file, r.membership, Set(explained))
        }
        var rows: [String: Int] = [:], order: [String] = []
        var seen = [Bool](repeating: false, count: roster.ids.count)
        for t in tables {
            for (w, s) in t.rows.seen.enumerated() where s && w < seen.count { seen[w] = true }
            for id in t.rows.unknownOrder where !t.explained.contains(id) {
                if rows[id] == nil { order.append(id) }
                rows[id, default: 0] += t.rows.unknownRows[id]!.lines.count
            }
        }
        var found: [FileLevelCause] = []
        for id in order where rows[id]! >= 2 {
            let idle = roster.ids.indices.filter { !seen[$0] && Suggestion.editDistance(id, roster.ids[$0]) == 1 }
            guard idle.count == 1 else { continue }
            let fault = RosterFault(line: roster.lines[idle[0]], id: roster.ids[idle[0]], kind: .mistyped)
            for t in tables where !t.explained.contains(id) {
                guard let r = t.rows.unknownRows[id] else { continue }
                found.append(FileLevelCause(file: t.file, kind: .notOnRoster(id: id, column: r.column, roster: roster.rules.rosterTable.file, fault: fault),
                                            lines: r.lines, column: r.field))
            }
        }
        return found
    }
}
