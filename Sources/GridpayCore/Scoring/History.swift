/// History: consecutive() over earlier assessment periods, as a HistoryProvider gives them.
/// Earlier periods, for consecutive(): computed from their own inputs with their own rule version.
public protocol HistoryProvider: AnyObject {
    /// nil when the period can be computed; otherwise why not (e.g. its inputs are missing).
    func unavailability(of period: CalendarPeriod) -> HistoryReason?
    /// The named value for a worker in an earlier period; nil when the worker was not on that roster.
    func value(named name: String, period: CalendarPeriod, workerID: String) throws(EvaluationError) -> Value?
}

/// Why an earlier period cannot be read, worded twice: in the reader's language for the terminal
/// and explain, and in Chinese for the outputs (数据问题, 说明, the manifest), which are the same
/// bytes whoever runs the period (SPEC §5, §9), as `InputProblem.sheetMessage`.
public struct HistoryReason: Sendable, Hashable {
    /// In the reader's language (`Language.current` when it was worded).
    public var message: String
    /// In Chinese whatever the reader's language.
    public var sheetMessage: String

    public init(message: String, sheetMessage: String) {
        self.message = message
        self.sheetMessage = sheetMessage
    }

    /// `words` is called twice where the reader's language is not Chinese: once for the reader,
    /// once in Chinese.
    public init(_ words: () -> String) {
        message = words()
        sheetMessage = Language.current == .zh ? message : Language.with(.zh, words)
    }

    /// The reason in the language current now: Chinese inside `Language.with(.zh)` (as a
    /// message worded for the sheet asks for it), else the reader's.
    public var inCurrentLanguage: String { Language.current == .zh ? sheetMessage : message }
}

extension MonthScoring {
    /// Earlier periods whose results are missing are unknown (Value.unknown), unless the rule
    /// gives `missing = true/false`; then what was assumed is noted for the worker.
    /// A history provider's error without a position points at the consecutive() that asked.
    func consecutive(_ call: ConsecutiveCall, worker w: Int) throws(EvaluationError) -> Value {
        do throws(EvaluationError) {
            return try consecutive(call.valueName, value: call.value, periods: call.periods, missing: call.missing, worker: w)
        } catch {
            var located = error
            if located.location == nil { located.location = call.location }
            throw located
        }
    }

    func consecutive(_ name: String, value v: Int, periods: Int, missing: Bool?, worker w: Int) throws(EvaluationError) -> Value {
        let now = try symbol(.value(v), worker: w)
        var gaps: [CalendarPeriod] = []
        for k in 1..<max(1, periods) {
            let p = span.adding(-k)
            if let why = history?.unavailability(of: p) ?? (history == nil ? HistoryReason { EvaluationMessages.noHistoryProvided() } : nil) {
                incompleteHistory[p] = why
                gaps.append(p)
            }
        }
        if now.bool == false { return .bool(false) }
        // A period that is known and false decides, whatever is missing.
        for k in 1..<max(1, periods) {
            let p = span.adding(-k)
            guard !gaps.contains(p) else { continue }
            let earlier = try history!.value(named: name, period: p, workerID: ids[w])
            if earlier?.isUnknown == true { return .unknown }
            guard earlier?.bool == true else { return .bool(false) }
        }
        if now.isUnknown { return .unknown }
        guard !gaps.isEmpty else { return .bool(true) }
        guard let missing else { return .unknown }
        let months = gaps.sorted().map { "\($0)" }.joined(separator: "、")
        historyAssumptions[w, default: []].insert("历史不完整：\(months) 的\(name)按\(missing ? "是" : "否")计")
        return .bool(missing)
    }
}
