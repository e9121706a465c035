/// One cause behind many problems of one file (SPEC §15): a spreadsheet's re-save, the export of
/// another period, another encoding, a renamed header. Said once, before the problems it explains;
/// its rows are never offered to `--accept` (leaving them out would drop the whole file's worth of
/// deductions).
public struct FileLevelCause: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Cells of `column` in a spreadsheet's date form (`2026/10/1 8:38`).
        case spreadsheetDates(column: String, example: String)
        /// Cells of `column` with thousands separators (`1,800.00`).
        case spreadsheetNumbers(column: String, example: String)
        /// Every row of the file dated in `month`, another pay month than the period's; `startsOn`:
        /// the town's month_starts_on (SPEC §16: with 26, 2026-11 is 2026-10-26 to 2026-11-25).
        case otherPeriod(month: Period, startsOn: Int = 1)
        /// The file is text in `found` where the rule file declares `declared` (SPEC §16): none of
        /// its rows is read; `textLines`: the lines the declared encoding cannot read or misreads.
        case encoding(found: InputEncoding, declared: InputEncoding, table: String, textLines: LineSet)
        /// Declared columns the header lacks, one at least with a header like it: no row is read.
        case renamedHeader(table: String, columns: [MissingColumn])
        /// Rows of `column` naming `id`, on no roster row because of the roster row `fault`: the
        /// clerk corrects the roster (accepting the rows would drop the worker's month).
        case notOnRoster(id: String, column: String, roster: String, fault: RosterFault)
    }

    /// A declared column the header lacks, and the header most like it (nil: none is).
    public struct MissingColumn: Sendable, Hashable {
        public var declared: String
        public var near: String?
        /// The near header's field, 1-based.
        public var field: Int?
    }

    public var file: String
    public var kind: Kind
    /// The lines of the file's rows it explains.
    public var lines: LineSet
    /// The first problem's field, where the cause is one column's.
    public var column: Int?
    /// Where it is said, where not at its first row (the header of a renamed column).
    public var line: Int? = nil

    /// Its rows are rows' errors (not a file left unread): counted in the refusal's summary.
    public var explainsRowErrors: Bool {
        switch kind {
        case .encoding, .renamedHeader: return false
        default: return true
        }
    }

    /// The row at `line` is one it explains.
    public func explains(line: Int) -> Bool { lines.contains(line) }

    /// The line it is said at.
    public var sayAt: Int { line ?? lines.first ?? 1 }
}

extension FileLevelCause {
    public init(file: String, encoding found: InputEncoding, declared: InputEncoding, table: String, rows: LineSet, textLines: LineSet) {
        self.init(file: file, kind: .encoding(found: found, declared: declared, table: table, textLines: textLines), lines: rows, column: 1,
                  line: textLines.first ?? rows.first)
    }

    /// What it says, once (SPEC §15); `townFolder`: where the period folders are (`Input/<town>`);
    /// `words`: the asker's (its word for accepting rows, advised against).
    public func message(period: String, townFolder: String, words: CommandWords) -> String {
        let ranges = LineRanges.text(lines), rows = lines.count
        let parts = file.split(separator: "/").map(String.init)
        let name = parts.last ?? file
        // In a quarter, half-year or year the file lies in one month's folder (`2026-11/marks.csv`):
        // its dates are checked against that month, and that is where it belongs; the clerk is
        // told which month's file to export again.
        let own = parts.count > 1 ? parts[parts.count - 2] : ""
        let inFolder = Period.parse(own) != nil
        let period = inFolder ? own : period
        let label = inFolder ? FileCauseMessages.fileInFolder(name, folder: own) : name
        switch kind {
        case .spreadsheetDates(let column, let example):
            return FileCauseMessages.spreadsheetDates(rows, lines: ranges, column: column, example: example,
                                                      pattern: SpreadsheetForms.pattern(of: example), file: label, accept: words.accept)
        case .spreadsheetNumbers(let column, let example):
            return FileCauseMessages.spreadsheetNumbers(rows, lines: ranges, column: column, example: example, file: label, accept: words.accept)
        case .otherPeriod(let month, let startsOn):
            let periodText = Period.parse(period).map { FileCauseMessages.payMonth($0, startsOn: startsOn) } ?? period
            return FileCauseMessages.otherPeriod(rows, lines: ranges, month: FileCauseMessages.payMonth(month, startsOn: startsOn), period: periodText,
                                                 shortMonth: "\(month)", shortPeriod: period, folder: "\(townFolder)/\(month)", file: name,
                                                 accept: words.accept)
        case .encoding(let found, let declared, let table, let textLines):
            return FileCauseMessages.encoding(FileCauseMessages.unread(rows, lines: ranges), file: label, table: table, found: found,
                                              declared: declared, textLines: LineRanges.text(textLines), oneLine: textLines.count == 1)
        case .notOnRoster(let id, let column, let roster, let fault):
            return FileCauseMessages.notOnRoster(rows, lines: ranges, column: column, id: id, file: label, roster: roster, fault: fault, accept: words.accept)
        case .renamedHeader(let table, let columns):
            return FileCauseMessages.renamedHeader(FileCauseMessages.unread(rows, lines: ranges), file: label, table: table,
                                                   columns: columns.map(FileCauseMessages.missingColumn).joined(separator: Language.current == .zh ? "、" : "; "))
        }
    }
}

extension InputEncoding {
    /// The encoding as people name it (the same in both languages).
    var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .gb18030: return "GB18030/GBK"
        case .utf16: return "UTF-16"
        }
    }
}

extension PayDays {
    /// The pay month a day falls in: with month_starts_on N > 1, a day from the Nth on is the next
    /// month's (SPEC §16: with 26, 2026-10-26 is in 2026-11).
    public static func month(of day: CivilDate, startsOn: Int) -> Period {
        let own = Period(year: day.year, month: day.month)
        return startsOn > 1 && day.day >= startsOn ? own.adding(months: 1) : own
    }
}

/// Lines in ascending ranges, added as a file is read (top to bottom): bounded by the runs of
/// lines, not by the rows.
public struct LineSet: Sendable, Hashable {
    public private(set) var ranges: [ClosedRange<Int>] = []
    public private(set) var count = 0

    public init(_ lines: [Int] = []) { lines.forEach { insert($0) } }

    public mutating func insert(_ line: Int) {
        if let last = ranges.last {
            if last.contains(line) { return }
            if last.upperBound + 1 == line {
                ranges[ranges.count - 1] = last.lowerBound...line
                count += 1
                return
            }
        }
        ranges.append(line...line)
        count += 1
    }

    public func contains(_ line: Int) -> Bool { ranges.contains { $0.contains(line) } }
    public var first: Int? { ranges.first?.lowerBound }
}

/// What a file's bad cells have in common, noted for every one of them (also past the errors a
/// file lists): the cells of a column in a spreadsheet's form, the months of dates outside the
/// period. Turned into causes once the file is read (`causes(file:rows:)`).
public struct CauseTally: Sendable {
    struct Form { var kind: FileLevelCause.Kind; var lines: LineSet; var field: Int }
    var forms: [String: Form] = [:]
    var formOrder: [String] = []
    var outsideMonths: Set<Period> = []
    var outsideLines = LineSet()
    var outsideField: Int?

    public init() {}

    /// A bad cell (`field` 1-based) as written; `outside`: the pay month of its date, where it
    /// lies outside the period (PayDays.month(of:startsOn:)).
    public mutating func note(line: Int, field: Int, column: String, cell: String, outside: Period? = nil) {
        if let month = outside {
            outsideMonths.insert(month)
            outsideLines.insert(line)
            if outsideField == nil { outsideField = field }
            return
        }
        let isDate = SpreadsheetForms.isDate(cell)
        guard isDate || SpreadsheetForms.isNumber(cell) else { return }
        let key = "\(column)\u{0}\(isDate)"
        if forms[key] == nil {
            formOrder.append(key)
            let kind: FileLevelCause.Kind = isDate ? .spreadsheetDates(column: column, example: cell) : .spreadsheetNumbers(column: column, example: cell)
            forms[key] = Form(kind: kind, lines: LineSet(), field: field)
        }
        forms[key]!.lines.insert(line)
    }

    /// The causes of a file of `rows` data rows: every row (two or more) dated in one other month; a column in a
    /// spreadsheet's form in two rows or more (or every row: not one row's slip).
    public func causes(file: String, rows: Int, startsOn: Int = 1) -> [FileLevelCause] {
        var found: [FileLevelCause] = []
        // Two rows at least: one row dated in another month is that row's slip, not proof that
        // the whole file is another period's export.
        if outsideMonths.count == 1, rows >= 2, outsideLines.count == rows {
            found.append(FileLevelCause(file: file, kind: .otherPeriod(month: outsideMonths.first!, startsOn: startsOn), lines: outsideLines, column: outsideField))
        }
        for key in formOrder {
            let f = forms[key]!
            guard f.lines.count >= 2 || f.lines.count == rows else { continue }
            found.append(FileLevelCause(file: file, kind: f.kind, lines: f.lines, column: f.field))
        }
        return found
    }
}

/// The forms a spreadsheet program writes when it saves a CSV it opened (Excel, WPS).
enum SpreadsheetForms {
    /// `2026/10/1`, `2026/10/1 8:38`, `2026/10/1 8:38:05`, and the US `10/1/2026 8:38`.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        let day = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        guard day.count == 3, day.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
              day[0].count == 4 || day[2].count == 4 else { return false }
        guard parts.count == 2 else { return true }
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        return (2...3).contains(time.count) && time.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// `1,800.00`, `-12,000`: digits grouped by threes with commas.
    static func isNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let point = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if point.count == 2, point[1].isEmpty || !point[1].allSatisfy(\.isASCIIDigit) { return false }
        let groups = point[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count >= 2, (1...3).contains(groups[0].count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isASCIIDigit) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// The `formats` pattern (SPEC §16) that reads `example`.
    static func pattern(of example: String) -> String {
        let parts = example.split(separator: " ")
        let day = parts[0].split(separator: "/")
        let date = day[0].count == 4 ? "yyyy/M/d" : "M/d/yyyy"
        guard parts.count == 2 else { return date }
        return date + (parts[1].split(separator: ":").count == 3 ? " H:mm:ss" : " H:mm")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Lines as ranges: `2–201, 305, 400–410` (in Chinese `2–201、305、400–410`); at most `limit`
/// ranges, then how many lines more.
public enum LineRanges {
    public static func text(_ lines: LineSet, limit: Int = 6) -> String {
        let all = lines.ranges
        let separator = Language.current == .zh ? "、" : ", "
        let shown = all.prefix(limit).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }.joined(separator: separator)
        guard all.count > limit else { return shown }
        let rest = all.dropFirst(limit).reduce(0) { $0 + $1.count }
        return shown + FileCauseMessages.moreLines(rest)
    }
}
