/// The messages of evaluation errors (EvaluationError): what goes wrong while a checked rule is
/// evaluated for a row, a worker, a sheet or a rating. One function per kind, as CheckerMessages
/// keeps the checker's (cel-go's errors.go): the wording lives here, the call sites give the parts.
/// A load cannot show these, so EvaluationErrorPositionTests.messageCases runs one small town per
/// function and pins its exact message and rule-file position; its meta-test
/// (testEveryEvaluationMessageFunctionHasACase) fails on a function without a case.
///
/// What the checker rules out (a worker value read in a row, an operand or argument of the wrong
/// type, an order between unorderable values) is a precondition where it is evaluated, not a
/// message here. The exact arithmetic's own words ("division by zero", "number too large for exact
/// arithmetic") are ArithmeticError's; the functions below say where it happened.
enum EvaluationMessages {
    // MARK: - Who and where

    /// A worker's evaluation error as the run reports it (MonthReport): the worker, then the error.
    static func forWorker(_ id: String, _ message: String) -> String {
        "worker \(id): \(message)"
    }

    /// The same problem at the same rule position for several workers: one line naming them.
    static func forWorkers(_ ids: [String], _ message: String) -> String {
        "\(ids.count) workers (\(shown(ids))): \(message)"
    }

    /// A problem in the rows of a rule file's own sheet, prefixed with the sheet's name.
    static func onSheet(_ sheet: String, _ message: String) -> String {
        "sheet \(sheet): \(message)"
    }

    // MARK: - Missing history

    /// A result needed a value of an earlier period that could not be read (consecutive() without
    /// `missing = …`). `what`: the result, as `describe(_:)` of WorkerSymbol or "this value".
    static func dependsOnMissingHistory(_ what: String) -> String {
        "\(what) depends on earlier periods whose results are missing"
    }

    /// How many workers of the run to name in `missingHistory` before "and N more".
    static let missingHistoryWorkersShown = 10

    /// One error per result that depends on missing history: its workers and the periods missing,
    /// each with why (its `unavailability`), and the two ways out.
    static func missingHistory(_ message: String, workers ids: [String], missing: [(period: CalendarPeriod, why: String)]) -> String {
        "\(message) for \(ids.count) worker(s): \(shown(ids)); missing: \(periods(missing)). Provide those periods' inputs, or say in the rule file what a missing period counts as, e.g. consecutive(name, 3, missing = false)"
    }

    private static func shown(_ ids: [String]) -> String {
        ids.prefix(missingHistoryWorkersShown).joined(separator: ", ")
            + (ids.count > missingHistoryWorkersShown ? " and \(ids.count - missingHistoryWorkersShown) more" : "")
    }

    private static func periods(_ missing: [(period: CalendarPeriod, why: String)]) -> String {
        missing.map { "\($0.period) (\($0.why))" }.joined(separator: "; ")
    }

    /// Why an earlier period is missing when the run was given no history at all.
    static func noHistoryProvided() -> String {
        "no history was provided"
    }

    // MARK: - Values

    /// An empty optional cell was used as a value. In a worker's own table TableIngest names the
    /// empty columns instead; this wording is shown for group tables and roster columns.
    static func emptyValue() -> String {
        "an empty cell (no value) was used as a value"
    }

    /// An item's score came out as no number (its formula reads an empty optional roster cell).
    static func itemNotANumber(_ item: String) -> String {
        "item \(item) is not a number"
    }

    // MARK: - Exact arithmetic

    /// Exact arithmetic failed in the expression written at the error's position.
    static func arithmetic(_ error: ArithmeticError) -> String {
        "\(error)"
    }

    /// Exact arithmetic failed in an aggregate or a group function, quoted as written.
    static func arithmeticIn(_ error: ArithmeticError, _ expression: String) -> String {
        "\(error) in \(expression)"
    }

    /// Exact arithmetic failed adding up or rounding an item's score and deductions.
    static func arithmeticInItem(_ error: ArithmeticError, item: String) -> String {
        "\(error) in item \(item)"
    }

    /// Exact arithmetic failed adding an award to the score pay.
    static func arithmeticAddingAward(_ error: ArithmeticError, award: String) -> String {
        "\(error) adding \(award) to the score pay"
    }

    /// Exact arithmetic failed adding up the yuan deducted through the items.
    static func arithmeticAddingItemsYuan(_ error: ArithmeticError) -> String {
        "\(error) adding the items' yuan"
    }

    /// Exact arithmetic failed adding [scoring] total_base to the sum of the items.
    static func arithmeticAddingTotalBase(_ error: ArithmeticError) -> String {
        "\(error) adding the total's base"
    }

    // MARK: - Times

    /// add_hours() and friends moved a time by a duration that is not whole seconds.
    static func notAWholeSecond(_ function: String, by n: ExactNumber) -> String {
        "\(function)() by \(n) does not land on a whole second; expected a duration of whole seconds"
    }

    // MARK: - Pay

    /// [pay] score_pay (with the awards) gave a fraction of a fen.
    static func scorePayNotWholeFen(_ scorePay: ExactNumber) -> String {
        "[pay] score_pay gives \(scorePay), which is not a whole number of fen; round it, e.g. round(…, 2)"
    }

    /// The yuan deducted through items and charges add up to a fraction of a fen.
    static func deductionsNotWholeFen(_ deductions: ExactNumber) -> String {
        "the yuan deductions add up to \(deductions), which is not a whole number of fen"
    }

    // MARK: - Rule sheets

    /// A sheet's totals line gave different values for two workers.
    static func sheetLineDiffers(_ label: String, sheet: String, first: (worker: String, value: ExactNumber),
                                 other: (worker: String, value: ExactNumber)) -> String {
        "the value of '\(label)' on sheet \(sheet) differs between workers (\(first.value) for \(first.worker), \(other.value) for \(other.worker)); a totals line needs one value for the month, e.g. overall_sum(…)"
    }

    /// A [[group_sheets]] column differs between two members of a roster group (nil: a blank cell).
    static func groupSheetColumnDiffers(_ column: String, group: Value, first: (worker: String, value: Value?),
                                        other: (worker: String, value: Value?)) -> String {
        "column \(column) differs within \(within(.rosterGroup, label: nil, key: group)) \(pair(first, other)); a group sheet shows values that are the same for every member, e.g. group_sum(…)"
    }

    /// A [sheets.units] column differs between two workers with one key (nil: a blank cell).
    static func unitColumnDiffers(_ column: String, keyLabel: String?, key: Value, first: (worker: String, value: Value?),
                                  other: (worker: String, value: Value?)) -> String {
        "column \(column) differs within \(within(nil, label: keyLabel, key: key)) \(pair(first, other)); a row shows values that are the same for every worker with its key, e.g. group_sum(…) or group_count(…)"
    }

    /// A sheet's row `order` differs between two workers of one row.
    static func sheetOrderDiffers(_ rows: SheetSpec.Rows, key: Value) -> String {
        "the order differs within \(within(rows.key, label: rows.label, key: key)); order by a value that is the same for every member"
    }

    /// What a sheet row is: its roster group, or its key's label (default "key") and value.
    private static func within(_ kind: SheetSpec.Rows.Key?, label: String?, key: Value) -> String {
        if case .rosterGroup? = kind { return "group '\(key)'" }
        return "\(label ?? "key") '\(key)'"
    }

    private static func pair(_ a: (worker: String, value: Value?), _ b: (worker: String, value: Value?)) -> String {
        "(\(a.worker): \(a.value?.description ?? "blank"), \(b.worker): \(b.value?.description ?? "blank"))"
    }

    // MARK: - Ratings

    /// A period's results (published or computed) lack the number the rating averages.
    static func ratingResultsLack(_ name: String, period: CalendarPeriod) -> String {
        "the results of \(period) have no '\(name)' to average"
    }

    /// Exact arithmetic failed adding up one worker's numbers for a rating's mean.
    static func arithmeticAddingRatingScore(_ error: ArithmeticError, name: String, worker: String) -> String {
        "\(error) adding \(name) of worker \(worker)"
    }

    /// Exact arithmetic failed dividing or rounding one worker's rating mean.
    static func arithmeticInRatingMean(_ error: ArithmeticError, worker: String) -> String {
        "\(error) in the mean of worker \(worker)"
    }
}
