/// A file's header matched with the table's declared columns by name, whatever their order
/// (SPEC §6, §16): the field of each declared column, or the problems that keep the file's rows
/// from being read (a declared column missing, perhaps misspelt; a column named twice).
struct HeaderMapping {
    /// Declared column → field index in the file; empty when a declared column is missing.
    let fieldOf: [Int]
    /// The header's fields: every row must have as many.
    let fieldCount: Int
    /// The declared columns the header lacks, each with the header most like it (SPEC §15).
    let missing: [FileLevelCause.MissingColumn]

    /// `columns`: the declared columns' names, in declared order.
    init(header fields: [String], columns: [String], line: Int, problems: FileProblems) {
        fieldCount = fields.count
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() {
            if index[f] != nil {
                problems.report(.duplicateColumn, line: line, field: i + 1, column: f, InputMessages.duplicateColumn(f), acceptable: false)
            }
            index[f] = index[f] ?? i
        }
        var mapping: [Int] = []
        var missing: [FileLevelCause.MissingColumn] = []
        for name in columns {
            if let i = index[name] {
                mapping.append(i)
            } else {
                missing.append(Self.reportMissing(name, header: fields, columns: columns, line: line, problems))
            }
        }
        self.missing = missing
        fieldOf = missing.isEmpty ? mapping : []
    }

    /// A missing column, at the undeclared header cell nearest to its name where there is one
    /// (a misspelling), else naming the whole header.
    static func reportMissing(_ name: String, header fields: [String], columns: [String], line: Int, _ problems: FileProblems) -> FileLevelCause.MissingColumn {
        let declared = Set(columns)
        if let near = Suggestion.closest(to: name, among: fields.filter { !declared.contains($0) }), let at = fields.firstIndex(of: near) {
            problems.report(.missingColumn, line: line, field: at + 1, column: name,
                            InputMessages.missingColumnNear(name, near: near), acceptable: false)
            return FileLevelCause.MissingColumn(declared: name, near: near, field: at + 1)
        }
        problems.report(.missingColumn, line: line, column: name,
                        InputMessages.missingColumn(name, header: fields), acceptable: false)
        return FileLevelCause.MissingColumn(declared: name, near: nil, field: nil)
    }
}
