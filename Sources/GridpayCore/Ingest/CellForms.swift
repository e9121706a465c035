/// The forms a column's cells are written in, as the rule file declares them (SPEC §16): date
/// and date-time patterns, a duration's patterns and unit, a number's thousands separator and
/// percent sign, full-width digits. Nothing is read in a form the column does not declare.
public struct CellForms: Sendable, Equatable {
    /// `formats`: a date, date-time or duration is in one of these (the first that fits).
    public var patterns: [CellPattern] = []
    /// `type = "duration"`: the value is counted in this unit.
    public var duration: DurationUnit? = nil
    /// `thousands = ","`: digits before the point may be grouped in threes by it.
    public var thousands: UInt8? = nil
    /// `percent = true`: the number is written with a closing %, and read as its hundredth.
    public var percent = false
    /// `full_width_digits = true`: ０–９ are read as 0–9.
    public var fullWidthDigits = false

    public init() {}
}

/// The unit a duration is counted in.
public enum DurationUnit: String, Sendable, Equatable, CaseIterable {
    case minutes, hours

    public var seconds: Int { self == .minutes ? 60 : 3600 }
}
