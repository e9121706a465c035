/// A rating (SPEC §8): the results of the assessment periods inside a longer period combined
/// per worker — the mean over the periods the worker was on the roster, rounded, banded, with
/// vetoes — and ranked by the rounded mean as SPEC §3 ranks totals.

/// One assessment period's results as a rating reads them: published in the ledger (closed) or
/// computed from its inputs (未结账).
public struct PeriodResults: Sendable {
    public struct Worker: Sendable {
        public var id: String
        public var name: String
        public var unit: String
        public var group: String
        /// 总分 and each item's score, by name.
        public var numbers: [String: ExactNumber]
        /// Each flag, by name.
        public var flags: [String: Bool]

        public init(id: String, name: String, unit: String, group: String, numbers: [String: ExactNumber], flags: [String: Bool]) {
            self.id = id
            self.name = name
            self.unit = unit
            self.group = group
            self.numbers = numbers
            self.flags = flags
        }
    }

    /// A line of the 说明 sheet: what the results were read from, with hashes.
    public struct Source: Sendable, Equatable {
        public var label: String
        public var text: String
        public init(_ label: String, _ text: String) {
            self.label = label
            self.text = text
        }
    }

    public var period: CalendarPeriod
    /// Published in the ledger; false: computed from the inputs (the sheet says 未结账).
    public var closed: Bool
    public var workers: [Worker]
    public var sources: [Source]

    public init(period: CalendarPeriod, closed: Bool, workers: [Worker], sources: [Source]) {
        self.period = period
        self.closed = closed
        self.workers = workers
        self.sources = sources
    }
}

/// One worker's line of 等次评定.
public struct RatingRow: Sendable {
    public var rank: Int
    public var id: String
    public var name: String
    public var unit: String
    public var group: String
    /// The averaged number per assessment period; nil where the worker was not on the roster.
    public var scores: [ExactNumber?]
    /// The exact mean before rounding, and 平均分 (rounded).
    public var exactMean: ExactNumber
    public var mean: ExactNumber
    public var grade: String
    /// Periods whose veto flag was 是, per veto (in the spec's order), and the veto that set the grade.
    public var vetoed: [(flag: String, periods: [CalendarPeriod])]
    public var vetoGrade: String?
    public var remark: String
}

public struct RatingReport: Sendable {
    public var town: String
    public var townName: String
    public var period: CalendarPeriod
    public var spec: RatingSpec
    public var results: [PeriodResults]
    /// By rank; equal rounded means listed by id.
    public var rows: [RatingRow]

    public var openPeriods: [CalendarPeriod] { results.filter { !$0.closed }.map(\.period) }

    public static let vetoLabel = "否决"
    public static let notOnRosterLabel = "未在册"

    /// Combines `results` (one per assessment period inside `period`, in order).
    public static func build(town: String, townName: String, period: CalendarPeriod, spec: RatingSpec,
                             results: [PeriodResults]) throws(EvaluationError) -> RatingReport {
        // Workers: everyone on any roster of the period; names and places from their latest roster.
        // Ids by their code points (ExactID): canonically equal ids are two workers.
        var order: [ExactID] = []
        var latest: [ExactID: PeriodResults.Worker] = [:]
        var byPeriod: [[ExactID: PeriodResults.Worker]] = []
        for r in results {
            var here: [ExactID: PeriodResults.Worker] = [:]
            for w in r.workers {
                let key = ExactID(w.id)
                if latest[key] == nil { order.append(key) }
                latest[key] = w
                here[key] = w
            }
            byPeriod.append(here)
        }
        var rows: [RatingRow] = []
        for key in order {
            let w = latest[key]!
            let id = w.id
            var scores: [ExactNumber?] = []
            var sum = ExactNumber.zero
            var count = 0
            for (k, here) in byPeriod.enumerated() {
                guard let pw = here[key] else { scores.append(nil); continue }
                guard let n = pw.numbers[spec.meanOf] else {
                    throw EvaluationError(EvaluationMessages.ratingResultsLack(spec.meanOf, period: results[k].period), at: spec.location)
                }
                scores.append(n)
                do { sum = try sum.adding(n) } catch { throw EvaluationError(EvaluationMessages.arithmeticAddingRatingScore(error, name: spec.meanOf, worker: id), at: spec.location) }
                count += 1
            }
            let exact: ExactNumber, mean: ExactNumber
            do {
                exact = try sum.divided(by: ExactNumber(count))
                mean = try exact.rounded(places: spec.places)
            } catch { throw EvaluationError(EvaluationMessages.arithmeticInRatingMean(error, worker: id), at: spec.location) }
            var vetoed: [(flag: String, periods: [CalendarPeriod])] = []
            var vetoGrade: String?
            for veto in spec.vetoes {
                let hit = byPeriod.indices.filter { byPeriod[$0][key]?.flags[veto.flag] == true }.map { results[$0].period }
                guard !hit.isEmpty else { continue }
                vetoed.append((veto.flag, hit))
                if vetoGrade == nil { vetoGrade = veto.grade }
            }
            let grade = vetoGrade ?? GradeBands.band(of: mean, in: spec.bands)
            var remarks = vetoed.map { "\($0.flag)：\($0.periods.map(\.description).joined(separator: "、"))" }
            let absent = byPeriod.indices.filter { byPeriod[$0][key] == nil }.map { results[$0].period.description }
            if !absent.isEmpty { remarks.append("\(notOnRosterLabel)：\(absent.joined(separator: "、"))") }
            rows.append(RatingRow(rank: 0, id: id, name: w.name, unit: w.unit, group: w.group, scores: scores, exactMean: exact,
                                  mean: mean, grade: grade, vetoed: vetoed, vetoGrade: vetoGrade, remark: remarks.joined(separator: "；")))
        }
        // Rank by the rounded mean, descending; equal means share a rank and the next skips.
        rows.sort { $0.mean != $1.mean ? $0.mean > $1.mean : IdOrder.less($0.id, $1.id) }
        for k in rows.indices {
            rows[k].rank = k > 0 && rows[k].mean == rows[k - 1].mean ? rows[k - 1].rank : k + 1
        }
        return RatingReport(town: town, townName: townName, period: period, spec: spec, results: results, rows: rows)
    }
}
