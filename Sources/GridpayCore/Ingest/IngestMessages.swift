/// Messages about an export's form (SPEC §16): its layout, its files and its value forms, one
/// function per kind of problem, each saying what is wrong and what was expected (the caller
/// gives where: file, line, column).
public enum IngestMessages {
    // MARK: layout (TableLayout)

    static func headerNotOnItsRow(_ file: String, row: Int, found: Int, columns: [String]) -> String {
        "\(file) has no record starting on line \(row) (the next starts on line \(found)): header_row = \(row) says the header is there; expected the header (\(InputExcerpt.show(columns.joined(separator: ", "), limit: 120))) on line \(row), or header_row changed in the rule file"
    }

    static func totalsRowNotLast(_ word: String, next: Int) -> String {
        "the row starts with '\(word)' but is not the last row (line \(next) follows); expected the totals row (totals_row = \"\(word)\") only at the end of the file"
    }

    // MARK: files (TableFiles)

    public static func noFileMatches(_ pattern: String, table: String, names: [String]) -> String {
        let near = names.isEmpty ? "the folder holds no files" : "the folder holds: \(InputExcerpt.show(names.joined(separator: ", "), limit: 200))"
        return "no file of the period's folder matches \(pattern) (\(near)); the rule file declares it as table '\(table)'; expected at least one export named like \(pattern)"
    }

    public static func notUTF16(_ file: String) -> String {
        "\(file) is declared UTF-16 but has bytes that are not UTF-16 here"
    }

    public static func noByteOrderMark(_ file: String) -> String {
        "\(file) is declared encoding = \"utf-16\" but does not start with a byte-order mark (FF FE or FE FF); expected a UTF-16 export as the platform writes it, or the right encoding in the rule file"
    }

    // MARK: workers

    static func workerLeftOut(_ column: String, _ id: String, roster: String) -> String {
        "\(column) '\(id)' is not on the roster (\(roster)); the table declares unknown_workers = \"leave-out\": the row is not counted"
    }
}
