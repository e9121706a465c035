/// The catalog's functions over rows, workers and periods (aggregates, count_by, group
/// functions, *_each, consecutive); see FunctionCatalog.swift.
extension FunctionCatalog {
    // MARK: - Per-worker aggregates

    static let aggregates: [FunctionEntry] = [
        FunctionEntry("count", .aggregate, usage: "count(table[, condition])",
                      arguments: [FunctionArgument("table", .table), FunctionArgument("condition", .rowCondition, optional: true)],
                      result: .number, scope: .worker, explain: .valueAndFiles, kind: .aggregate(.count),
                      summary: "the worker's rows of the table (that meet the condition); inside, bare names are the table's columns"),
        fold("sum", "the sum of the value over the worker's rows (0 when none)",
             add: { (_, s, n) throws(ArithmeticError) in s = try s.adding(n) },
             result: { (_, s) throws(ArithmeticError) in s }),
        fold("mean", "the mean of the value over the worker's rows (0 when no rows)",
             add: { (c, s, n) throws(ArithmeticError) in s = try s.adding(n); c += 1 },
             result: { (c, s) throws(ArithmeticError) in c == 0 ? .zero : try s.divided(by: ExactNumber(c)) }),
        fold("min_of", "the smallest value over the worker's rows (0 when no rows)",
             add: { (c, s, n) throws(ArithmeticError) in s = c == 0 ? n : Swift.min(s, n); c += 1 },
             result: { (c, s) throws(ArithmeticError) in c == 0 ? .zero : s }),
        fold("max_of", "the largest value over the worker's rows (0 when no rows)",
             add: { (c, s, n) throws(ArithmeticError) in s = c == 0 ? n : Swift.max(s, n); c += 1 },
             result: { (c, s) throws(ArithmeticError) in c == 0 ? .zero : s }),
        FunctionEntry("distinct", .aggregate, usage: "distinct(table, value[, condition])",
                      arguments: [FunctionArgument("table", .table), FunctionArgument("value", .rowValue(nil)), FunctionArgument("condition", .rowCondition, optional: true)],
                      result: .number, scope: .worker, explain: .valueAndFiles, kind: .aggregate(.distinct),
                      summary: "how many different non-empty values the worker's rows give (e.g. distinct days: `distinct(patrol, 日期)`)"),
    ]

    static func fold(_ name: String, _ summary: String,
                     add: @escaping @Sendable (inout Int, inout ExactNumber, ExactNumber) throws(ArithmeticError) -> Void,
                     result: @escaping @Sendable (Int, ExactNumber) throws(ArithmeticError) -> ExactNumber) -> FunctionEntry {
        FunctionEntry(name, .aggregate, usage: "\(name)(table, value[, condition])",
                      arguments: [FunctionArgument("table", .table), FunctionArgument("value", .rowValue(.number)), FunctionArgument("condition", .rowCondition, optional: true)],
                      result: .number, scope: .worker, explain: .valueAndFiles,
                      kind: .aggregate(.fold(NumericFold(add: add, result: result))), summary: summary)
    }

    // MARK: - Per key within a worker

    static let perKey: [FunctionEntry] = [
        FunctionEntry("count_by", .perKey, usage: "count_by(table, key, condition[, row filter])",
                      arguments: [FunctionArgument("table", .table), FunctionArgument("key", .rowValue(nil)), FunctionArgument("condition", .perKeyCondition),
                                  FunctionArgument("row filter", .rowCondition, optional: true)],
                      result: .number, scope: .worker, explain: .valueAndFiles, kind: .perKey,
                      summary: "groups the worker's rows by key and counts the keys whose rows meet the condition, which reads the "
                          + "aggregates above over the rows of one key — `count()`, `sum(value)`, `mean(value)`, `min_of(value)`, "
                          + "`max_of(value)` — and constants. Days on which the sessions starting that day last 60 minutes or more "
                          + "in all: `count_by(patrol, date(开始时间), sum(minutes_between(开始时间, 结束时间)) >= 60)`"),
    ]

    // MARK: - Across workers

    static let groups: [FunctionEntry] = [
        group("group_mean", keyed: true, "the mean of x over the workers of the worker's group (same key)", combine: sameForAll(mean)),
        group("group_sum", keyed: true, "the sum of x over the worker's group", combine: sameForAll(sum)),
        group("group_min", keyed: true, "the smallest x in the worker's group", combine: sameForAll(minimum)),
        group("group_max", keyed: true, "the largest x in the worker's group", combine: sameForAll(maximum)),
        group("group_count", keyed: true, valued: false, "the number of workers in the worker's group",
              combine: .members { (vs) throws(ArithmeticError) in Array(repeating: ExactNumber(vs.count), count: vs.count) }),
        group("overall_mean", keyed: false, "the mean of x over every worker of the period", combine: sameForAll(mean)),
        group("overall_sum", keyed: false, "the sum of x over every worker", combine: sameForAll(sum)),
        group("overall_min", keyed: false, "the smallest x of any worker", combine: sameForAll(minimum)),
        group("overall_max", keyed: false, "the largest x of any worker", combine: sameForAll(maximum)),
        group("overall_count", keyed: false, valued: false, "the number of workers of the period",
              combine: .members { (vs) throws(ArithmeticError) in Array(repeating: ExactNumber(vs.count), count: vs.count) }),
        group("rank", keyed: false, "the worker's rank by x among all workers: descending, equal values share a rank and the next skips (1, 2, 2, 4)",
              combine: .members { (vs) throws(ArithmeticError) in GroupCombination.ranks(vs) }),
        group("rank_within", keyed: true, "the rank by x within the worker's group, as rank()",
              combine: .members { (vs) throws(ArithmeticError) in GroupCombination.ranks(vs) }),
        group("group_rank", keyed: true, "the rank of the worker's unit among all units by the exact mean of x over each unit's "
                  + "workers (highest first, equal means share a rank). The lowest unit: "
                  + "`group_mean(部门, 总分) == overall_min(group_mean(部门, 总分))`",
              combine: .groups { (groups) throws(ArithmeticError) in try GroupCombination.ranksOfMeans(groups) }),
    ]

    static func group(_ name: String, keyed: Bool, valued: Bool = true, _ summary: String, combine: GroupCombine) -> FunctionEntry {
        var arguments: [FunctionArgument] = keyed ? [FunctionArgument("key", .groupKey)] : []
        if valued { arguments.append(FunctionArgument("x", .workerValue(.number))) }
        let usage = "\(name)(\(arguments.map(\.name).joined(separator: ", ")))"
        return FunctionEntry(name, .group, usage: usage, arguments: arguments, result: .number, scope: .group,
                             explain: .valueAndInputs, kind: .group(combine), summary: summary)
    }

    static func sameForAll(_ f: @escaping @Sendable ([ExactNumber]) throws(ArithmeticError) -> ExactNumber) -> GroupCombine {
        .members { (vs) throws(ArithmeticError) in Array(repeating: try f(vs), count: vs.count) }
    }

    @Sendable static func sum(_ vs: [ExactNumber]) throws(ArithmeticError) -> ExactNumber {
        var s = ExactNumber.zero
        for v in vs { s = try s.adding(v) }
        return s
    }
    @Sendable static func mean(_ vs: [ExactNumber]) throws(ArithmeticError) -> ExactNumber { try sum(vs).divided(by: ExactNumber(vs.count)) }
    @Sendable static func minimum(_ vs: [ExactNumber]) throws(ArithmeticError) -> ExactNumber { vs.min() ?? .zero }
    @Sendable static func maximum(_ vs: [ExactNumber]) throws(ArithmeticError) -> ExactNumber { vs.max() ?? .zero }

    // MARK: - Over the values of a choice column

    static let each: [FunctionEntry] = [
        eachEntry("mean_each", "the mean of the copies", EachCombine { copies, loc in
            .arithmetic(.divide, sumOf(copies, loc), .constant(.number(ExactNumber(copies.count))), loc)
        }),
        eachEntry("sum_each", "the sum of the copies", EachCombine { copies, loc in sumOf(copies, loc) }),
        eachEntry("min_each", "the smallest copy", EachCombine { copies, loc in .function(scalar("min"), copies, loc) }),
        eachEntry("max_each", "the largest copy", EachCombine { copies, loc in .function(scalar("max"), copies, loc) }),
    ]

    static func eachEntry(_ name: String, _ what: String, _ combine: EachCombine) -> FunctionEntry {
        FunctionEntry(name, .each, usage: "\(name)(table, column, x)",
                      arguments: [FunctionArgument("table", .table), FunctionArgument("column", .choiceColumn), FunctionArgument("x", .workerValue(.number))],
                      result: .number, scope: .worker, explain: .inFormula, kind: .each(combine),
                      summary: "x taken once per value of the table's choice column, with the name `each` standing for that value: "
                          + "\(what). Over a group table with `complete = \"<column>\"` these values are exactly the keys every group has")
    }

    static func sumOf(_ copies: [CheckedExpr], _ loc: SourceLocation) -> CheckedExpr {
        var sum = copies[0]
        for e in copies.dropFirst() { sum = .arithmetic(.add, sum, e, loc) }
        return sum
    }

    // MARK: - History

    static let history: [FunctionEntry] = [
        FunctionEntry("consecutive", .history, usage: "consecutive(name, n[, missing = false])",
                      arguments: [FunctionArgument("name", .booleanValueName), FunctionArgument("n", .periods), FunctionArgument("missing", .missingDefault, optional: true)],
                      result: .bool, scope: .period, explain: .periods, kind: .history,
                      summary: "the true/false value `name` held this period and in each of the n − 1 periods before (months, or "
                          + "quarters for a town assessed by quarter); unknown where a period it needs is missing, or with "
                          + "`missing = false` (or `true`) a missing period counts as that value"),
    ]
}
