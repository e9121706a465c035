/// A test case written inside the rule file and run by `gridpay check`.
public struct RuleTestCase: Sendable {
    public struct Expectation: Sendable {
        public var worker: String
        public var name: String
        public var value: Value
        public var location: SourceLocation
    }
    public var name: String
    /// The tested month (for a quarter, its first month).
    public var period: Period
    /// The tested assessment period: the month, or the quarter.
    public var span: CalendarPeriod?
    /// Table name → CSV text, for the tested period and for earlier periods (history).
    public var inputs: [Period: [String: TOMLString]]
    public var expectations: [Expectation]
    public var location: SourceLocation
    /// `errors = ["file:line:column: message…", …]`: the inputs must be refused with exactly
    /// these errors (each written as the start of the error line, from the file's name on).
    public var expectedErrors: [ExpectedError] = []

    public struct ExpectedError: Sendable {
        public var text: String
        public var location: SourceLocation
    }
}
