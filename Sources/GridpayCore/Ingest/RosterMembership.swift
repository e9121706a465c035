/// Who and what a row of a table other than the roster names (SPEC §6, §8, §11): a worker on the
/// roster (in a longer period, on its last roster), a group that some roster row names. A row of a
/// worker or group whose roster rows were all left out is not checked again: such rows are counted
/// and reported once per worker or group. (The roster's own rows become workers in RosterRows.)
final class RosterMembership {
    let roster: Roster
    let rules: RuleSet
    let spec: TableSpec
    let quarter: QuarterFile?
    let workerIndex: ByteKeyIndex
    let problems: FileProblems
    /// Rows of workers whose roster row was left out, by id (reported once per worker).
    var rowsOfRejected: [String: Int] = [:]
    /// Rows naming a group whose every roster row was left out, by group (reported once per group).
    var rowsOfRejectedGroup: [String: Int] = [:]
    /// The rows naming an id on no roster row, by id, in the order first met (RosterCauses).
    var unknownRows: [String: UnknownRows] = [:]
    var unknownOrder: [String] = []
    /// The roster's workers this file has a row of (by index).
    var seen: [Bool] = []

    init(spec: TableSpec, roster: Roster, quarter: QuarterFile?, problems: FileProblems) {
        self.roster = roster
        rules = roster.rules
        self.spec = spec
        self.quarter = quarter
        workerIndex = roster.byteIndex
        self.problems = problems
    }

    /// The roster's id column as the rule file names it (网格员编号, 责任人编号, 人员编号 …).
    var rosterIdName: String { rules.rosterTable.columns[rules.roster.idColumn].name }

    /// The worker the cell of `column` (at `field`, 0-based) names; nil (reported, or counted once
    /// for a left-out roster row) when the id is on no roster row.
    @inline(__always)
    func worker(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, field: Int, line: Int) -> Int? {
        if let w = workerIndex.find(bytes) {
            if w < seen.count { seen[w] = true } else { see(w) }
            return w
        }
        let id = CellText.text(bytes)
        let name = spec.columns[column].name
        if roster.rejectedWorkers[id] != nil {
            rowsOfRejected[id, default: 0] += 1
            return nil
        }
        if spec.form.leavesOutUnknownWorkers, !(quarter?.departed.contains(bytes) ?? false) {
            problems.report(.leftOut, line: line, field: field + 1, column: name,
                            IngestMessages.workerLeftOut(name, InputExcerpt.show(id), roster: quarter?.lastRoster ?? rules.rosterTable.file),
                            acceptable: false, severity: .warning)
            return nil
        }
        if let quarter {
            reportNotOnLastRoster(id, quarter, line: line, field: field + 1, column: name, departed: quarter.departed.contains(bytes))
            return nil
        }
        noteUnknown(id, line: line, field: field + 1, column: name)
        problems.report(.unknownWorker, line: line, field: field + 1, column: name,
                        InputMessages.notOnRoster(name, id, roster: rules.rosterTable.file, idName: rosterIdName,
                                                  suggestion: Suggestion.didYouMean(id, among: roster.nearbyIds(id), maxDistance: 1)))
        return nil
    }

    /// A longer period's row whose worker is not on its last roster: a warning when the worker is
    /// on the row's own month's roster (they left during the period; the row is not counted), an
    /// error when on neither.
    func reportNotOnLastRoster(_ id: String, _ quarter: QuarterFile, line: Int, field: Int, column: String, departed: Bool) {
        if departed {
            problems.report(.notOnLastRoster, line: line, field: field, column: column,
                            InputMessages.leftBeforePeriodEnd(id, period: quarter.kind, month: "\(quarter.month)", ownRoster: quarter.ownRoster, lastRoster: quarter.lastRoster),
                            acceptable: false, severity: .warning)
        } else {
            problems.report(.unknownWorker, line: line, field: field, column: column,
                            InputMessages.notOnLastRoster(column, id, period: quarter.kind, lastRoster: quarter.lastRoster,
                                                          ownRoster: quarter.ownRoster == quarter.lastRoster ? nil : quarter.ownRoster, idName: rosterIdName,
                                                          suggestion: Suggestion.didYouMean(id, among: roster.nearbyIds(id), maxDistance: 1)))
        }
    }

    /// The group the cell of `column` names; nil (reported, or counted once for a group whose
    /// roster rows were left out) when no roster row names it. An empty cell names no group.
    func group(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, field: Int, line: Int) -> Int? {
        let groups = roster.groups
        if let g = groups.find(bytes) { return g }
        guard !bytes.isEmpty else { return nil }
        let value = CellText.text(bytes)
        if roster.rejectedGroups[value] != nil {
            rowsOfRejectedGroup[value, default: 0] += 1
            return nil
        }
        let rosterName = rules.rosterTable.columns[rules.roster.groupColumn].name
        problems.report(.unknownGroup, line: line, field: field + 1, column: spec.columns[column].name,
                        InputMessages.groupNotOnRoster(spec.columns[column].name, value, roster: rules.rosterTable.file, groupName: rosterName,
                                                       suggestion: Suggestion.didYouMean(value, among: groups.count <= 5000 ? groups.values : [], maxDistance: 1)))
        return nil
    }

    /// Once the file is read: the rows not checked, once per worker and per group, or, where
    /// several workers (groups) are concerned, once for all of them: one cause, one message
    /// (SPEC §15; a roster saved by a spreadsheet leaves out every worker). `groupColumn`: the
    /// table's group column (-1: none).
    func reportRowsNotChecked(groupColumn: Int) {
        let rosterFile = rules.rosterTable.file
        if rowsOfRejected.count == 1, let (id, n) = rowsOfRejected.first {
            let line = roster.rejectedWorkers[id] ?? 0
            problems.report(.rowsNotChecked, line: nil,
                            InputMessages.rowsOfLeftOutWorker(n, worker: InputExcerpt.show(id), roster: rosterFile, line: line),
                            acceptable: false, severity: .warning)
        } else if !rowsOfRejected.isEmpty {
            let lines = LineSet(rowsOfRejected.keys.map { roster.rejectedWorkers[$0] ?? 0 }.sorted())
            problems.report(.rowsNotChecked, line: nil,
                            InputMessages.rowsOfLeftOutWorkers(rowsOfRejected.values.reduce(0, +), workers: rowsOfRejected.keys.sorted().map { InputExcerpt.show($0) },
                                                               roster: rosterFile, lines: LineRanges.text(lines)),
                            acceptable: false, severity: .warning)
        }
        guard !rowsOfRejectedGroup.isEmpty else { return }
        let name = spec.columns[groupColumn].name
        if rowsOfRejectedGroup.count == 1, let (value, n) = rowsOfRejectedGroup.first {
            problems.report(.rowsNotChecked, line: nil,
                            InputMessages.rowsOfLeftOutGroup(n, column: name, value: InputExcerpt.show(value), roster: rosterFile, line: roster.rejectedGroups[value] ?? 0),
                            acceptable: false, severity: .warning)
        } else {
            let lines = LineSet(rowsOfRejectedGroup.keys.map { roster.rejectedGroups[$0] ?? 0 }.sorted())
            problems.report(.rowsNotChecked, line: nil,
                            InputMessages.rowsOfLeftOutGroups(rowsOfRejectedGroup.values.reduce(0, +), column: name, values: rowsOfRejectedGroup.keys.sorted().map { InputExcerpt.show($0) },
                                                              roster: rosterFile, lines: LineRanges.text(lines)),
                            acceptable: false, severity: .warning)
        }
    }
}
