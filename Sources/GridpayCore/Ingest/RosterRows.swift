/// The roster file's own rows (SPEC §6, §11): each checked one becomes a worker of the period; one
/// left out (a bad cell, a duplicate id, or accepted) is remembered by its id and group, so that
/// other tables' rows naming them are not checked, not reported one by one as unknown.
extension RosterReading {
    /// A checked roster row: a worker of the period.
    func addWorker(_ row: RowSlots, line: Int) {
        let values = row.kept
        addWorker(values, id: values[rules.roster.idColumn].description, line: line)
    }

    /// A roster row left out: its worker's rows elsewhere are then not checked, not unknown; so
    /// are its group's where no other roster row names that group.
    func rejectRow<R: RawRecord>(_ record: R, fieldOf: [Int], line: Int) {
        let idColumn = rules.roster.idColumn
        guard fieldOf.indices.contains(idColumn), fieldOf[idColumn] < record.count else { return }
        let bytes = record.field(fieldOf[idColumn])
        rejectGroupOfRow(record, fieldOf: fieldOf, line: line)
        guard !bytes.isEmpty, InputExcerpt.firstControlCharacter(bytes) == nil else { return }
        rejectWorker(id: CellText.text(bytes), line: line)
    }

    /// A row whose id repeats an earlier row's (reported by UniqueKeys): noted for the rows of the
    /// id it may hide (RosterCauses).
    func noteDuplicateRow<R: RawRecord>(_ record: R, fieldOf: [Int], line: Int) {
        let idColumn = rules.roster.idColumn
        guard fieldOf.indices.contains(idColumn), fieldOf[idColumn] < record.count else { return }
        noteDuplicate(id: CellText.text(record.field(fieldOf[idColumn])), line: line)
    }

    /// The group a left-out roster row names (its rows elsewhere are then not checked, not unknown).
    func rejectGroupOfRow<R: RawRecord>(_ record: R, fieldOf: [Int], line: Int) {
        let groupColumn = rules.roster.groupColumn
        guard fieldOf.indices.contains(groupColumn), fieldOf[groupColumn] < record.count else { return }
        let bytes = record.field(fieldOf[groupColumn])
        guard !bytes.isEmpty, InputExcerpt.firstControlCharacter(bytes) == nil else { return }
        rejectGroup(CellText.text(bytes), line: line)
    }
}
