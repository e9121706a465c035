/// The lines of 扣分明细 and where they go while rows stream in.
/// One line of 扣分明细: a deduction, the rule behind it and the input row it came from.
public struct DeductionRecord: Sendable {
    public var item: Int
    public var deduction: Int
    public var reason: String
    /// Points added to the item (negative for a deduction).
    public var points: ExactNumber
    /// Yuan taken from pay (positive).
    public var yuan: ExactNumber
    public var file: String?
    public var line: Int?
    /// For counted deductions: how many times the points apply.
    public var times: ExactNumber?

    public init(item: Int, deduction: Int, reason: String, points: ExactNumber, yuan: ExactNumber, file: String?, line: Int?, times: ExactNumber?) {
        self.item = item
        self.deduction = deduction
        self.reason = reason
        self.points = points
        self.yuan = yuan
        self.file = file
        self.line = line
        self.times = times
    }
}

/// Receives each per-row deduction as it is found, so that a month's 扣分明细 never has to sit in
/// memory (the pipeline spills them to disk and writes the sheet from there).
public protocol DeductionSink: AnyObject {
    func add(worker: Int, record: DeductionRecord)
}

/// The per-row deductions of one table kept in memory, in the order its rows were read: owned by
/// the table's reader, handed to the month with `MonthReading.adopt` once reading is done.
public final class TableDeductions: DeductionSink {
    var records: [(Int, DeductionRecord)] = []
    public init() {}
    public func add(worker: Int, record: DeductionRecord) { records.append((worker, record)) }
}
