/// Reads a row's cells into typed values (SPEC §6, §16): exactly as written, no trimming and no
/// guessing, each column by its declared type and forms, within its bounds and, for dates, the
/// period. A cell that is not what its column declares is an error at its row and column. One
/// per `TableIngest`, on its thread: the row's slots are reused for every row.
final class CellDecoder {
    /// Per column, what decoding needs, without the Strings of ColumnSpec (copying those per
    /// cell cost more than the decoding).
    struct ColumnDecoder {
        enum Kind { case text, choice, number, integer, date, datetime }
        var kind: Kind
        var optional: Bool
        /// Some rule reads the column (or the roster keeps it): only such text becomes a String.
        var needed: Bool
        var places: Int?
        var minimum: ExactNumber?
        var maximum: ExactNumber?
        /// Dates and times must lie inside the period (the column's or the table's within_period).
        var withinPeriod: Bool
        /// Written in declared forms (`formDecoders`), not the plain one.
        var hasForms = false
    }

    let columns: [ColumnSpec]
    let decoders: [ColumnDecoder]
    /// Per column, the reader of its declared forms (nil: plain).
    let formDecoders: [CellFormDecoder?]
    /// UTF-8 bytes of each choice column's values, to match cells without making Strings.
    let choiceBytes: [[[UInt8]]]
    let choiceValues: [[Value]]
    /// The days of this file's month that dates must lie in (month_starts_on moves them).
    let period: PayDays
    let row: RowSlots
    let problems: FileProblems
    /// The cell just decoded was noted as a date outside the period (not also as a form).
    var outsideNoted = false

    /// `needed`: per column, whether its value is read (else it is only checked).
    init(spec: TableSpec, needed: [Bool], period: PayDays, problems: FileProblems) {
        columns = spec.columns
        choiceBytes = spec.columns.map { c in
            if case .choice(let values) = c.type { return values.map { Array($0.utf8) } }
            return []
        }
        choiceValues = spec.columns.map { c in
            if case .choice(let values) = c.type { return values.map { Value.text($0) } }
            return []
        }
        decoders = spec.columns.indices.map { Self.decoder(spec, column: $0, needed: needed[$0]) }
        formDecoders = spec.columns.map { c in c.forms.map { CellFormDecoder($0, type: c.type) } }
        self.period = period
        self.problems = problems
        row = RowSlots(columns: spec.columns.count)
    }

    /// How column `c` of the table is decoded from its bytes.
    static func decoder(_ spec: TableSpec, column c: Int, needed: Bool) -> ColumnDecoder {
        let column = spec.columns[c]
        let kind: ColumnDecoder.Kind
        var places: Int?
        switch column.type {
        case .id, .text: kind = .text
        case .choice: kind = .choice
        case .integer: kind = .integer
        case .decimal(let p): kind = .number; places = p
        case .date: kind = .date
        case .datetime: kind = .datetime
        }
        return ColumnDecoder(kind: kind, optional: column.optional, needed: needed, places: places,
                             minimum: column.minimum, maximum: column.maximum, withinPeriod: spec.mustLieInPeriod(c),
                             hasForms: column.forms != nil && kind != .text && kind != .choice)
    }

    /// Decodes the record's cells into the slots; false when a cell is bad (each one reported).
    @inline(__always)
    func decodeCells<R: RawRecord>(_ record: R, fieldOf: [Int], line: Int) -> Bool {
        var ok = true
        for c in 0..<row.count {
            let f = fieldOf[c]
            let bytes = record.field(f)
            row.fields[c] = bytes
            if record.spreadsheetError(f) {
                let name = columns[c].name
                problems.report(.badValue, line: line, field: f + 1, column: name,
                                InputMessages.spreadsheetErrorValue(name, CellText.shown(bytes), expected: columns[c].type.expectation))
                ok = false
                continue
            }
            if let at = InputExcerpt.firstControlCharacter(bytes) {
                let name = columns[c].name
                problems.report(.badValue, line: line, field: f + 1, column: name,
                                InputMessages.controlCharacter(name, CellText.shown(bytes), code: InputExcerpt.codePoint(bytes[at]), byte: at + 1))
                ok = false
                continue
            }
            let value: Value?
            if decoders[c].hasForms, let shown = record.spreadsheetDate(f) {
                value = decodeSpreadsheetDate(bytes, shown, c, line: line, field: f + 1)
            } else {
                value = decode(bytes, c, line: line, field: f + 1)
            }
            if let value { row.values[c] = value } else {
                ok = false
                if !outsideNoted { problems.tally.note(line: line, field: f + 1, column: columns[c].name, cell: CellText.text(bytes)) }
                outsideNoted = false
            }
        }
        return ok
    }

    /// One cell of column `c`. The fast path touches only `decoders`; messages (the slow path)
    /// look the column up.
    @inline(__always)
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, line: Int, field: Int) -> Value? {
        let d = decoders[c]
        if bytes.isEmpty {
            // An empty optional choice matches none of its values (not the previous row's).
            if d.kind == .choice { row.choices[c] = -1 }
            // An optional column's empty cell is no value: never 0, never "" (only has()/is_empty() read it).
            if d.optional { return .empty }
            return fail(c, line, field, InputMessages.emptyCell(columns[c].name, expected: columns[c].type.expectation))
        }
        if d.hasForms { return decodeInForm(bytes, c, d, line: line, field: field) }
        switch d.kind {
        case .text:
            let first = bytes[0]
            if first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D {
                warnFormulaLike(CellText.text(bytes), columns[c], line: line, field: field)
            }
            return d.needed ? .text(CellText.text(bytes)) : .bool(false)
        case .choice:
            return decodeChoice(bytes, c, line: line, field: field)
        case .number, .integer:
            return decodeNumber(bytes, c, d, line: line, field: field)
        case .date:
            guard let date = CivilDate.parse(bytes: bytes) else {
                return fail(c, line, field, InputMessages.notADate(columns[c].name, CellText.shown(bytes)))
            }
            return inPeriod(.date(date), bytes, c, d, line: line, field: field)
        case .datetime:
            guard let dt = CivilDateTime.parse(bytes: bytes) else {
                return fail(c, line, field, InputMessages.notATime(columns[c].name, CellText.shown(bytes)))
            }
            return inPeriod(.datetime(dt), bytes, c, d, line: line, field: field)
        }
    }

    /// A choice cell: one of the column's values, byte for byte; its number goes to the slots.
    @inline(__always)
    func decodeChoice(_ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, line: Int, field: Int) -> Value? {
        let options = choiceBytes[c]
        for k in options.indices where options[k].count == bytes.count {
            if options[k].withUnsafeBufferPointer({ memEqual($0, bytes) }) {
                row.choices[c] = Int32(k)
                return choiceValues[c][k]
            }
        }
        let values = options.map { String(decoding: $0, as: UTF8.self) }
        let raw = CellText.text(bytes)
        return fail(c, line, field, InputMessages.notAChoice(columns[c].name, InputExcerpt.show(raw), values: values,
                                                              suggestion: Suggestion.didYouMean(raw, among: values)))
    }

    /// A date or time that must lie in the period, and does (else reported).
    func inPeriod(_ v: Value, _ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, _ d: ColumnDecoder, line: Int, field: Int) -> Value? {
        guard d.withinPeriod else { return v }
        switch v {
        case .date(let date) where !period.contains(date):
            return outsidePeriod(date, time: false, bytes, c, line: line, field: field)
        case .datetime(let dt) where !period.contains(dt.date):
            return outsidePeriod(dt.date, time: true, bytes, c, line: line, field: field)
        default:
            return v
        }
    }

    /// The slow path of `inPeriod`, apart so that a cell inside the period builds no String
    /// (building the cell's excerpt for every date cell cost a province month 25% of its time).
    func outsidePeriod(_ date: CivilDate, time: Bool, _ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, line: Int, field: Int) -> Value? {
        let name = columns[c].name, shown = CellText.shown(bytes)
        problems.tally.note(line: line, field: field, column: name, cell: CellText.text(bytes), outside: PayDays.month(of: date, startsOn: period.startsOn))
        outsideNoted = true
        let message = time
            ? InputMessages.timeOutsidePeriod(name, shown, period: "\(period.month)", first: "\(period.firstDay)", last: "\(period.lastDay)")
            : InputMessages.dateOutsidePeriod(name, shown, period: "\(period.month)", first: "\(period.firstDay)", last: "\(period.lastDay)")
        return fail(c, line, field, message, kind: .outsidePeriod)
    }

    /// A number cell: exact decimal, whole where the column is an integer, within places and bounds.
    /// `raw`: the cell as written, where `bytes` is its plain form (separators and % taken out);
    /// `percent`: the number is read as its hundredth (places are those written).
    @inline(__always)
    func decodeNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, _ d: ColumnDecoder, line: Int, field: Int,
                      raw: UnsafeBufferPointer<UInt8>? = nil, percent: Bool = false) -> Value? {
        let written = bytes
        let bytes = raw ?? bytes
        guard var n = ExactNumber(decimalBytes: written) else {
            return fail(c, line, field, InputMessages.notANumber(columns[c].name, CellText.shown(bytes), expected: columns[c].type.expectation))
        }
        // A whole number is digits, with a leading '-' where the column allows negatives:
        // never '2.00' (two columns swapped in a row once read as a base of 3 yuan).
        if d.kind == .integer, n.isInteger, !InputExcerpt.isPlainInteger(written) {
            return fail(c, line, field, InputMessages.wholeNumberNotPlain(columns[c].name, CellText.shown(bytes)))
        }
        if d.kind == .integer, !n.isInteger {
            return fail(c, line, field, InputMessages.notWhole(columns[c].name, CellText.shown(bytes)))
        }
        if let places = d.places, n.denominator != 1, !n.hasAtMostDecimalPlaces(places) {
            return fail(c, line, field, InputMessages.tooManyDecimals(columns[c].name, CellText.shown(bytes), places: places))
        }
        if percent, let hundredth = try? n.divided(by: ExactNumber(100)) { n = hundredth }
        return bounded(n, bytes, c, d, line: line, field: field)
    }

    /// The column's min and max, then gridpay's own limits on any input number.
    func bounded(_ n: ExactNumber, _ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, _ d: ColumnDecoder, line: Int, field: Int) -> Value? {
        // The column's name and expectation are Strings built only on the slow path, never per cell.
        if let min = d.minimum, n < min {
            return fail(c, line, field, InputMessages.belowMinimum(columns[c].name, CellText.shown(bytes), minimum: "\(min)", expected: columns[c].type.expectation))
        }
        if let max = d.maximum, n > max {
            return fail(c, line, field, InputMessages.aboveMaximum(columns[c].name, CellText.shown(bytes), maximum: "\(max)"))
        }
        if n > InputNumberLimits.largest || n < InputNumberLimits.smallest {
            return fail(c, line, field, InputMessages.beyondInputLimit(columns[c].name, CellText.shown(bytes), expected: columns[c].type.expectation,
                                                                       largest: "\(InputNumberLimits.largest)"))
        }
        if d.places == nil, n.denominator != 1, !n.hasAtMostDecimalPlaces(InputNumberLimits.decimalPlaces) {
            return fail(c, line, field, InputMessages.beyondInputPlaces(columns[c].name, CellText.shown(bytes), places: InputNumberLimits.decimalPlaces))
        }
        return .number(n)
    }

    /// Records a bad cell (its message an `InputMessages` one, naming the column).
    func fail(_ c: Int, _ line: Int, _ field: Int, _ message: @autoclosure () -> String, kind: InputProblem.Kind = .badValue) -> Value? {
        problems.report(kind, line: line, field: field, column: columns[c].name, message())
        return nil
    }

    /// Such text is kept and written as plain text everywhere (never a formula); it is listed.
    func warnFormulaLike(_ raw: String, _ column: ColumnSpec, line: Int, field: Int) {
        guard let first = raw.unicodeScalars.first, FormulaGuard.isFormulaLike(first) else { return }
        problems.report(.formulaLikeText, line: line, field: field, column: column.name,
                        InputMessages.formulaLike(column.name, raw, first: first == "\t" ? "\\t" : String(first)),
                        acceptable: false, severity: .warning)
    }
}

/// Bounds on every number read from an input cell, whatever its column declares. Far beyond
/// any real count, duration or amount (a trillion yuan), they keep every sum, mean and product a
/// rule file can form over a province's workers inside exact arithmetic, so that an absurd cell
/// is reported at its row and column instead of failing a whole run as an overflow somewhere.
public enum InputNumberLimits {
    public static let largest = ExactNumber(1_000_000_000_000)
    public static let smallest = ExactNumber(-1_000_000_000_000)
    /// For columns that declare no `decimals` of their own.
    public static let decimalPlaces = 6
}

public enum FormulaGuard {
    public static func isFormulaLike(_ first: Unicode.Scalar) -> Bool {
        first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
    }
}
