/// Reading one period's roster, the first table read: each kept row becomes a worker of the
/// period; the ids and groups of rows left out are remembered, so that other tables count their
/// rows once instead of reporting each as unknown. `finish()` freezes it into the `Roster` from
/// which the other tables' reading (`MonthReading`) is made: no row is counted before the roster
/// is whole, and nothing added to the roster after that reaches it.
public final class RosterReading {
    public let rules: RuleSet
    /// The assessment period being run: the month, or the quarter (whose roster is its last month's).
    public let span: CalendarPeriod
    /// The lengths `days_in_period` and `days_in_month` read (computed once: every evaluation reads them).
    let lengths: PeriodLengths

    /// The workers so far: their ids, typed rows and lines, in roster order.
    public private(set) var ids: [String] = []
    private(set) var rows: [[Value]] = []
    private(set) var lines: [Int] = []
    /// Ids of roster rows left out (a bad cell, or accepted), with their first line.
    private var rejectedWorkers: [String: Int] = [:]
    /// Groups named by a roster row left out (bad value, duplicate id), with their first line.
    private var rejectedGroups: [String: Int] = [:]
    /// Rows whose id repeats an earlier row's (not read): a mistyped id there often hides a
    /// worker, whose rows elsewhere then name an id on no roster row (RosterCauses).
    private(set) var duplicateRows: [RosterFault] = []

    public convenience init(rules: RuleSet, period: Period) {
        self.init(rules: rules, span: CalendarPeriod(month: period))
    }

    public init(rules: RuleSet, span: CalendarPeriod) {
        self.rules = rules
        self.span = span
        let startsOn = rules.monthStartsOn
        lengths = PeriodLengths(days: span.days(monthStartsOn: startsOn), monthDays: PayDays(span.lastMonth, startsOn: startsOn).days,
                                firstDay: PayDays(span.firstMonth, startsOn: startsOn).firstDay,
                                lastDay: PayDays(span.lastMonth, startsOn: startsOn).lastDay, calendar: rules.calendar)
    }

    /// The month being run; for a quarter, its last month.
    public var period: Period { span.lastMonth }

    /// A checked roster row: the next worker.
    func addWorker(_ row: [Value], id: String, line: Int) {
        ids.append(id)
        rows.append(row)
        lines.append(line)
    }

    func rejectWorker(id: String, line: Int) {
        if rejectedWorkers[id] == nil { rejectedWorkers[id] = line }
    }

    func noteDuplicate(id: String, line: Int) {
        guard let first = ids.firstIndex(of: id) else { return }
        duplicateRows.append(RosterFault(line: line, id: id, kind: .duplicate(firstLine: lines[first])))
    }

    func rejectGroup(_ value: String, line: Int) {
        if rejectedGroups[value] == nil { rejectedGroups[value] = line }
    }

    /// The roster as read, frozen (its index of ids and its groups built once, here).
    public func finish() -> Roster {
        let index = ByteKeyIndex()
        for id in ids { index.append(id) }
        return Roster(rules: rules, span: span, lengths: lengths, ids: ids, rows: rows, lines: lines, byteIndex: index,
                      groups: RosterGroups(rows.map { $0[rules.roster.groupColumn].description }),
                      rejectedWorkers: rejectedWorkers, rejectedGroups: rejectedGroups, duplicateRows: duplicateRows)
    }
}

/// A period's roster as read, frozen: its workers (ids, typed rows, lines), their groups, and
/// the ids and groups of the rows left out. The other tables' reading is made from it.
public struct Roster {
    public let rules: RuleSet
    /// The assessment period: the month, or the quarter (half-year, year).
    public let span: CalendarPeriod
    /// The lengths `days_in_period` and `days_in_month` read.
    let lengths: PeriodLengths
    public let ids: [String]
    public let rows: [[Value]]
    public let lines: [Int]
    /// Worker id → worker, from a cell's bytes.
    let byteIndex: ByteKeyIndex
    /// The roster's groups (its `group` column).
    public let groups: RosterGroups
    /// Ids of roster rows left out, with their first line: rows naming them are counted once.
    let rejectedWorkers: [String: Int]
    /// Groups that only left-out roster rows name, with the first such line.
    let rejectedGroups: [String: Int]
    /// Rows whose id repeats an earlier row's, not read.
    let duplicateRows: [RosterFault]

    /// The month being run; for a quarter, its last month (whose roster this is).
    public var period: Period { span.lastMonth }
    public var workerCount: Int { ids.count }

    /// The worker whose id this is, if on the roster.
    public func workerIndex(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { byteIndex.find($0) }
    }

    /// A few ids that look like `id`, for "did you mean" on unknown workers (bounded work).
    func nearbyIds(_ id: String) -> [String] {
        ids.count <= 5000 ? ids : []
    }
}
