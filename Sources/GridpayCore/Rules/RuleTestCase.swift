/// A test case written inside the rule file and run by `gridpay check`.
public struct RuleTestCase: Sendable {
    public struct Expectation: Sendable {
        public internal(set) var worker: String
        public internal(set) var name: String
        public internal(set) var value: Value
        public internal(set) var location: SourceLocation
    }
    public internal(set) var name: String
    /// The tested month (for a quarter, its first month).
    public internal(set) var period: Period
    /// The tested assessment period: the month, or the quarter.
    public internal(set) var span: CalendarPeriod?
    /// Table name → CSV text, for the tested period and for earlier periods (history).
    public internal(set) var inputs: [Period: [String: TOMLString]]
    public internal(set) var expectations: [Expectation]
    public internal(set) var location: SourceLocation
    /// `errors = ["file:line:column: message…", …]`: the inputs must be refused with exactly
    /// these errors (each written as the start of the error line, from the file's name on).
    public internal(set) var expectedErrors: [ExpectedError] = []

    public struct ExpectedError: Sendable {
        public internal(set) var text: String
        public internal(set) var location: SourceLocation
    }
}
