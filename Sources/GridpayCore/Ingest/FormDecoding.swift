/// A cell of a column that declares its forms (SPEC §16): read in the first declared form it
/// fits, then checked as a plain cell of its type would be (period, bounds). A cell that fits no
/// declared form is an error at its row and column naming the forms expected.
extension CellDecoder {
    func decodeInForm(_ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, _ d: ColumnDecoder, line: Int, field: Int) -> Value? {
        guard let form = formDecoders[c] else { return nil }
        let forms = form.forms
        if forms.duration != nil {
            guard case .number(let n)? = forms.patterns.isEmpty ? plainDuration(bytes, form) : form.readPatterned(bytes) else {
                return fail(c, line, field, IngestMessages.notInForms(columns[c].name, CellText.shown(bytes), expected: IngestMessages.durationForms(forms)))
            }
            return boundedDuration(n, bytes, c, d, line: line, field: field)
        }
        switch d.kind {
        case .date, .datetime:
            let v = forms.patterns.isEmpty ? plainDate(bytes, form, d.kind) : form.readPatterned(bytes)
            guard let v else {
                return fail(c, line, field, IngestMessages.notInForms(columns[c].name, CellText.shown(bytes), expected: IngestMessages.dateForms(forms, time: d.kind == .datetime)))
            }
            return inPeriod(v, bytes, c, d, line: line, field: field)
        case .number, .integer:
            guard let plain = form.plainNumber(bytes) else {
                return fail(c, line, field, IngestMessages.notInForms(columns[c].name, CellText.shown(bytes), expected: IngestMessages.numberForms(forms, columns[c].type.expectation)))
            }
            return plain.withUnsafeBufferPointer { decodeNumber($0, c, d, line: line, field: field, raw: bytes, percent: forms.percent) }
        case .text, .choice:
            return nil
        }
    }

    /// A spreadsheet's date cell in a column that declares its forms: read as the date it shows
    /// (SPEC §16), whatever forms the column lists for text. Its text is ISO, written by the
    /// workbook reader; a cell showing other than the column holds (a date and time in a date
    /// column) is read as any other cell is.
    func decodeSpreadsheetDate(_ bytes: UnsafeBufferPointer<UInt8>, _ shown: SpreadsheetDate, _ c: Int, line: Int, field: Int) -> Value? {
        let d = decoders[c]
        var v: Value?
        switch (d.kind, shown) {
        case (.date, .date):
            // A date format over a serial number with a time of day: the date it shows.
            v = CivilDate.parse(bytes: UnsafeBufferPointer(rebasing: bytes.prefix(10))).map { .date($0) }
        case (.datetime, .dateTime):
            v = CivilDateTime.parse(bytes: bytes).map { .datetime($0) }
        default:
            v = nil
        }
        guard let v else { return decode(bytes, c, line: line, field: field) }
        return inPeriod(v, bytes, c, d, line: line, field: field)
    }

    /// A date or time in the plain form, full-width digits read as digits.
    func plainDate(_ bytes: UnsafeBufferPointer<UInt8>, _ form: CellFormDecoder, _ kind: ColumnDecoder.Kind) -> Value? {
        form.normalizedDigits(bytes).withUnsafeBufferPointer { b in
            kind == .date ? CivilDate.parse(bytes: b).map { .date($0) } : CivilDateTime.parse(bytes: b).map { .datetime($0) }
        }
    }

    /// A duration without formats: a plain number of its unit.
    func plainDuration(_ bytes: UnsafeBufferPointer<UInt8>, _ form: CellFormDecoder) -> Value? {
        form.normalizedDigits(bytes).withUnsafeBufferPointer { b in ExactNumber(decimalBytes: b).map { .number($0) } }
    }

    /// min and max bound a duration as a number (in its unit); never negative.
    func boundedDuration(_ n: ExactNumber, _ bytes: UnsafeBufferPointer<UInt8>, _ c: Int, _ d: ColumnDecoder, line: Int, field: Int) -> Value? {
        let unit = formDecoders[c]?.forms.duration
        if n < .zero || n > InputNumberLimits.largest {
            return fail(c, line, field, IngestMessages.durationOutOfRange(columns[c].name, CellText.shown(bytes), unit: unit))
        }
        if let min = d.minimum, n < min {
            return fail(c, line, field, IngestMessages.durationBelow(columns[c].name, CellText.shown(bytes), n, min, unit: unit))
        }
        if let max = d.maximum, n > max {
            return fail(c, line, field, IngestMessages.durationAbove(columns[c].name, CellText.shown(bytes), n, max, unit: unit))
        }
        return .number(n)
    }
}
