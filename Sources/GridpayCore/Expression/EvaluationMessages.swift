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
        bilingual(zh: "网格员 \(id)：\(message)", en: "worker \(id): \(message)")
    }

    /// The same problem at the same rule position for several workers: one line naming them.
    static func forWorkers(_ ids: [String], _ message: String) -> String {
        bilingual(zh: "\(ids.count) 名网格员（\(shown(ids))）：\(message)", en: "\(ids.count) workers (\(shown(ids))): \(message)")
    }

    /// A problem in the rows of a rule file's own sheet, prefixed with the sheet's name.
    static func onSheet(_ sheet: String, _ message: String) -> String {
        bilingual(zh: "表“\(sheet)”：\(message)", en: "sheet \(sheet): \(message)")
    }

    // MARK: - Missing history

    /// A result needed a value of an earlier period that could not be read (consecutive() without
    /// `missing = …`). `what`: the result, as `describe(_:)` of WorkerSymbol or "this value".
    static func dependsOnMissingHistory(_ what: String) -> String {
        bilingual(zh: "\(what)依赖以前各期的结果，而这些结果缺失", en: "\(what) depends on earlier periods whose results are missing")
    }

    /// How many workers of the run to name in `missingHistory` before "and N more".
    static let missingHistoryWorkersShown = 10

    /// One error per result that depends on missing history: its workers and the periods missing,
    /// each with why (its `unavailability`), and the two ways out.
    static func missingHistory(_ message: String, workers ids: [String], missing: [(period: CalendarPeriod, why: String)]) -> String {
        bilingual(zh: "\(message)，涉及 \(ids.count) 名网格员：\(shown(ids))；缺少：\(periods(missing))。请提供这些期的输入，或在规则文件中写明缺少的一期按什么算，例如 consecutive(名称, 3, missing = false)",
                  en: "\(message) for \(ids.count) worker(s): \(shown(ids)); missing: \(periods(missing)). Provide those periods' inputs, or say in the rule file what a missing period counts as, e.g. consecutive(name, 3, missing = false)")
    }

    private static func shown(_ ids: [String]) -> String {
        let more = ids.count - missingHistoryWorkersShown
        return bilingual(zh: ids.prefix(missingHistoryWorkersShown).joined(separator: "、") + (more > 0 ? " 等（另有 \(more) 名）" : ""),
                         en: ids.prefix(missingHistoryWorkersShown).joined(separator: ", ") + (more > 0 ? " and \(more) more" : ""))
    }

    private static func periods(_ missing: [(period: CalendarPeriod, why: String)]) -> String {
        bilingual(zh: missing.map { "\($0.period)（\($0.why)）" }.joined(separator: "；"), en: missing.map { "\($0.period) (\($0.why))" }.joined(separator: "; "))
    }

    /// Why an earlier period is missing when the run was given no history at all.
    static func noHistoryProvided() -> String {
        bilingual(zh: "没有提供以前各期的结果", en: "no history was provided")
    }

    // MARK: - Values

    /// An empty optional cell was used as a value. In a worker's own table TableIngest names the
    /// empty columns instead; this wording is shown for group tables and roster columns.
    static func emptyValue() -> String {
        bilingual(zh: "把空单元格（没有值）当作值使用了", en: "an empty cell (no value) was used as a value")
    }

    /// An item's score came out as no number (its formula reads an empty optional roster cell).
    static func itemNotANumber(_ item: String) -> String {
        bilingual(zh: "考核项“\(item)”不是数字", en: "item \(item) is not a number")
    }

    // MARK: - Exact arithmetic

    /// Exact arithmetic failed in the expression written at the error's position.
    static func arithmetic(_ error: ArithmeticError) -> String {
        bilingual(zh: "计算出错：\(error)", en: "\(error)")
    }

    /// Exact arithmetic failed in an aggregate or a group function, quoted as written.
    static func arithmeticIn(_ error: ArithmeticError, _ expression: String) -> String {
        bilingual(zh: "\(expression) 中\(error)", en: "\(error) in \(expression)")
    }

    /// Exact arithmetic failed adding up or rounding an item's score and deductions.
    static func arithmeticInItem(_ error: ArithmeticError, item: String) -> String {
        bilingual(zh: "考核项“\(item)”中\(error)", en: "\(error) in item \(item)")
    }

    /// Exact arithmetic failed adding an award to the score pay.
    static func arithmeticAddingAward(_ error: ArithmeticError, award: String) -> String {
        bilingual(zh: "把“\(award)”加入考核绩效时\(error)", en: "\(error) adding \(award) to the score pay")
    }

    /// Exact arithmetic failed adding up the yuan deducted through the items.
    static func arithmeticAddingItemsYuan(_ error: ArithmeticError) -> String {
        bilingual(zh: "合计各考核项扣款金额时\(error)", en: "\(error) adding the items' yuan")
    }

    /// Exact arithmetic failed adding [scoring] total_base to the sum of the items.
    static func arithmeticAddingTotalBase(_ error: ArithmeticError) -> String {
        bilingual(zh: "加上总分基数时\(error)", en: "\(error) adding the total's base")
    }

    // MARK: - Times

    /// add_hours() and friends moved a time by a duration that is not whole seconds.
    static func notAWholeSecond(_ function: String, by n: ExactNumber) -> String {
        bilingual(zh: "\(function)() 移动 \(n) 后不是整秒；时长应为整秒",
                  en: "\(function)() by \(n) does not land on a whole second; expected a duration of whole seconds")
    }

    // MARK: - Pay

    /// [pay] score_pay (with the awards) gave a fraction of a fen.
    static func scorePayNotWholeFen(_ scorePay: ExactNumber) -> String {
        bilingual(zh: "[pay] score_pay 得出 \(scorePay)，不是整分（0.01 元）；请取整，例如 round(…, 2)",
                  en: "[pay] score_pay gives \(scorePay), which is not a whole number of fen; round it, e.g. round(…, 2)")
    }

    /// The yuan deducted through items and charges add up to a fraction of a fen.
    static func deductionsNotWholeFen(_ deductions: ExactNumber) -> String {
        bilingual(zh: "扣款金额合计为 \(deductions)，不是整分（0.01 元）", en: "the yuan deductions add up to \(deductions), which is not a whole number of fen")
    }

    // MARK: - Rule sheets

    /// A sheet's totals line gave different values for two workers.
    static func sheetLineDiffers(_ label: String, sheet: String, first: (worker: String, value: ExactNumber),
                                 other: (worker: String, value: ExactNumber)) -> String {
        bilingual(zh: "表“\(sheet)”上“\(label)”的值因网格员而异（\(first.worker) 为 \(first.value)，\(other.worker) 为 \(other.value)）；合计行整月只能有一个值，例如 overall_sum(…)",
                  en: "the value of '\(label)' on sheet \(sheet) differs between workers (\(first.value) for \(first.worker), \(other.value) for \(other.worker)); a totals line needs one value for the month, e.g. overall_sum(…)")
    }

    /// A [[group_sheets]] column differs between two members of a roster group (nil: a blank cell).
    static func groupSheetColumnDiffers(_ column: String, group: Value, first: (worker: String, value: Value?),
                                        other: (worker: String, value: Value?)) -> String {
        bilingual(zh: "列“\(column)”在\(within(.rosterGroup, label: nil, key: group))内不一致\(pair(first, other))；分组表只显示每名成员都相同的值，例如 group_sum(…)",
                  en: "column \(column) differs within \(within(.rosterGroup, label: nil, key: group)) \(pair(first, other)); a group sheet shows values that are the same for every member, e.g. group_sum(…)")
    }

    /// A [sheets.units] column differs between two workers with one key (nil: a blank cell).
    static func unitColumnDiffers(_ column: String, keyLabel: String?, key: Value, first: (worker: String, value: Value?),
                                  other: (worker: String, value: Value?)) -> String {
        bilingual(zh: "列“\(column)”在\(within(nil, label: keyLabel, key: key))内不一致\(pair(first, other))；一行只显示同一键下每名网格员都相同的值，例如 group_sum(…) 或 group_count(…)",
                  en: "column \(column) differs within \(within(nil, label: keyLabel, key: key)) \(pair(first, other)); a row shows values that are the same for every worker with its key, e.g. group_sum(…) or group_count(…)")
    }

    /// A sheet's row `order` differs between two workers of one row.
    static func sheetOrderDiffers(_ rows: SheetSpec.Rows, key: Value) -> String {
        bilingual(zh: "\(within(rows.key, label: rows.label, key: key))内的 order 不一致；请按每名成员都相同的值排序",
                  en: "the order differs within \(within(rows.key, label: rows.label, key: key)); order by a value that is the same for every member")
    }

    /// What a sheet row is: its roster group, or its key's label (default "key") and value.
    private static func within(_ kind: SheetSpec.Rows.Key?, label: String?, key: Value) -> String {
        if case .rosterGroup? = kind { return bilingual(zh: "分组“\(key)”", en: "group '\(key)'") }
        return bilingual(zh: "\(label ?? "键")“\(key)”", en: "\(label ?? "key") '\(key)'")
    }

    private static func pair(_ a: (worker: String, value: Value?), _ b: (worker: String, value: Value?)) -> String {
        bilingual(zh: "（\(a.worker)：\(a.value?.description ?? "空白")，\(b.worker)：\(b.value?.description ?? "空白")）",
                  en: "(\(a.worker): \(a.value?.description ?? "blank"), \(b.worker): \(b.value?.description ?? "blank"))")
    }

    // MARK: - Ratings

    /// A period's results (published or computed) lack the number the rating averages.
    static func ratingResultsLack(_ name: String, period: CalendarPeriod) -> String {
        bilingual(zh: "\(period) 的结果中没有可求平均的“\(name)”", en: "the results of \(period) have no '\(name)' to average")
    }

    /// Exact arithmetic failed adding up one worker's numbers for a rating's mean.
    static func arithmeticAddingRatingScore(_ error: ArithmeticError, name: String, worker: String) -> String {
        bilingual(zh: "累加网格员 \(worker) 的“\(name)”时\(error)", en: "\(error) adding \(name) of worker \(worker)")
    }

    /// Exact arithmetic failed dividing or rounding one worker's rating mean.
    static func arithmeticInRatingMean(_ error: ArithmeticError, worker: String) -> String {
        bilingual(zh: "计算网格员 \(worker) 的平均值时\(error)", en: "\(error) in the mean of worker \(worker)")
    }
}
