/// A group table's `complete` (SPEC §11): every group of the roster has a row in the file
/// (`complete = true`), or a row for each value of a choice column (`complete = "<column>"`).
/// Rows are recorded as they are read (an accepted row is left out, so it does not count); the
/// groups without one are reported once the file is read.
final class GroupCompleteness {
    let completeness: Completeness
    /// The choice column's values (`everyValue`), as bytes.
    let options: [[UInt8]]
    /// Which (group, value) pairs have a row; allocated at the first row.
    var present: [Bool] = []
    /// Each group's first line (where a missing value's problem is reported).
    var firstLineOfGroup: [Int: Int] = [:]

    /// Nil where the table declares no `complete`.
    init?(spec: TableSpec) {
        guard let completeness = spec.completeness else { return nil }
        self.completeness = completeness
        if case .everyValue(let c) = completeness, case .choice(let values) = spec.columns[c].type {
            options = values.map { Array($0.utf8) }
        } else {
            options = []
        }
    }

    /// A row of group `g`; `fieldOf` finds its value's cell.
    func record<R: RawRecord>(group g: Int, groups: Int, _ record: R, fieldOf: [Int], line: Int) {
        if firstLineOfGroup[g] == nil { firstLineOfGroup[g] = line }
        switch completeness {
        case .everyGroup:
            if present.isEmpty { present = Array(repeating: false, count: groups) }
            present[g] = true
        case .everyValue(let c):
            if present.isEmpty { present = Array(repeating: false, count: groups * options.count) }
            let cell = record.field(fieldOf[c])
            if let k = options.firstIndex(where: { $0.withUnsafeBufferPointer { memEqual($0, cell) } }) {
                present[g * options.count + k] = true
            }
        }
    }

    /// Once the file is read: each group (or group and value) without a row.
    func reportMissing(spec: TableSpec, month: MonthReading, problems: FileProblems) {
        let groups = month.groups
        let rules = month.rules
        let rosterGroupName = rules.rosterTable.columns[rules.roster.groupColumn].name
        for g in 0..<groups.count {
            let rosterLine = month.roster.lines[groups.members[g][0]]
            switch completeness {
            case .everyGroup:
                if present.isEmpty || !present[g] {
                    problems.report(.missingRow, line: nil, InputMessages.groupWithoutRow(rosterGroupName, groups.values[g], roster: rules.rosterTable.file,
                                                                                          rosterLine: rosterLine, file: spec.file), acceptable: false)
                }
            case .everyValue(let c):
                let name = spec.columns[c].name
                let values = options.map { String(decoding: $0, as: UTF8.self) }
                for k in options.indices where present.isEmpty || !present[g * options.count + k] {
                    problems.report(.missingRow, line: firstLineOfGroup[g],
                                    InputMessages.groupWithoutRowFor(rosterGroupName, groups.values[g], roster: rules.rosterTable.file, rosterLine: rosterLine,
                                                                     column: name, value: values[k], file: spec.file, values: values), acceptable: false)
                }
            }
        }
    }
}

/// The roster's `same_in_group` columns (SPEC §11): one value per group. One problem per group
/// and column, at its first member whose value differs from the first member's.
enum RosterGroupAgreement {
    static func check(roster spec: TableSpec, reading: RosterReading, fieldOf: [Int], problems: FileProblems) {
        let groupColumn = reading.rules.roster.groupColumn
        let groupName = spec.columns[groupColumn].name
        for c in reading.rules.roster.sameInGroup {
            var first: [Value: (value: Value, line: Int)] = [:]
            var reported = Set<Value>()
            for (w, row) in reading.rows.enumerated() {
                guard let f = first[row[groupColumn]] else {
                    first[row[groupColumn]] = (row[c], reading.lines[w])
                    continue
                }
                if row[c] != f.value, reported.insert(row[groupColumn]).inserted {
                    let name = spec.columns[c].name
                    problems.report(.groupMismatch, line: reading.lines[w], field: fieldOf[c] + 1, column: name,
                                    InputMessages.groupValueDiffers(name, value: "\(row[c])", groupName: groupName, group: "\(row[groupColumn])",
                                                                    firstLine: f.line, firstValue: "\(f.value)"),
                                    acceptable: false)
                }
            }
        }
    }
}
