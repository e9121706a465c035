/// Every function of the rule language, each declared once: name, arguments and their types,
/// scope, implementation, its line in `explain`, and what the README says of it. To add a
/// function, add an entry here (and its test in Tests/GridpayCoreTests/Expression or Scoring);
/// the checker, row compiler, evaluator, explain and README reference pick it up.
public enum FunctionCatalog {
    /// The most arguments a repeating function (min, max) takes.
    static let maximumArguments = 64

    public static let entries: [FunctionEntry] = math + dates + calendar + presence + aggregates + perKey + groups + each + history

    static let byName: [String: FunctionEntry] = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0) })

    public static func entry(named name: String) -> FunctionEntry? { byName[name] }

    /// Every function's name, in catalog order (for "did you mean").
    static var names: [String] { entries.map(\.name) }

    /// The scalar implementation of `name` (for the checker's own expansions, e.g. min_each()).
    static func scalar(_ name: String) -> ScalarFunction {
        guard case .scalar(let fn)? = byName[name]?.kind else { preconditionFailure("\(name) is not a scalar function") }
        return fn
    }

    // MARK: - Numbers

    static let math: [FunctionEntry] = [
        extremum("min", takingSmaller: true),
        extremum("max", takingSmaller: false),
        numberToNumber("abs", "the magnitude: abs(-2.5) = 2.5") { $0.magnitude },
        numberToNumber("floor", "the largest whole number not above x: floor(-2.5) = -3") { $0.floored() },
        numberToNumber("ceil", "the smallest whole number not below x: ceil(2.1) = 3") { $0.ceiled() },
        FunctionEntry("round", .math, usage: "round(x, decimals)",
                      arguments: [FunctionArgument("x", .value(.number)), FunctionArgument("decimals", .wholeNumberLiteral(0...6))],
                      result: .number, scope: .row, explain: .inFormula, takes: "a number and a count of decimals, e.g. round(x, 2)",
                      kind: .scalar(ScalarFunction(name: "round", readsEmpty: false) { (v, loc) throws(EvaluationError) in
                          let x = try v[0].number(for: "round", at: loc), places = try v[1].number(for: "round", at: loc)
                          return .number(try EvaluationError.exact(at: loc) { () throws(ArithmeticError) in try x.rounded(places: Int(places.numerator)) })
                      }),
                      summary: "x rounded half away from zero to 0–6 decimals written in place: round(2.345, 2) = 2.35, round(-2.5, 0) = -3"),
    ]

    static func extremum(_ name: String, takingSmaller: Bool) -> FunctionEntry {
        FunctionEntry(name, .math, usage: "\(name)(a, b, …)", arguments: [FunctionArgument("a", .repeating(.number))],
                      result: .number, scope: .row, explain: .inFormula, takes: "one or more numbers",
                      kind: .scalar(ScalarFunction(name: name, readsEmpty: false) { (v, loc) throws(EvaluationError) in
                          var m = try v[0].number(for: name, at: loc)
                          for x in v.dropFirst() {
                              let n = try x.number(for: name, at: loc)
                              m = takingSmaller ? Swift.min(m, n) : Swift.max(m, n)
                          }
                          return .number(m)
                      }),
                      summary: "the \(takingSmaller ? "smallest" : "largest") of one or more numbers")
    }

    static func numberToNumber(_ name: String, _ summary: String, _ f: @escaping @Sendable (ExactNumber) -> ExactNumber) -> FunctionEntry {
        FunctionEntry(name, .math, usage: "\(name)(x)", arguments: [FunctionArgument("x", .value(.number))], result: .number, scope: .row,
                      explain: .inFormula, takes: "one number",
                      kind: .scalar(ScalarFunction(name: name, readsEmpty: false) { (v, loc) throws(EvaluationError) in
                          .number(f(try v[0].number(for: name, at: loc)))
                      }),
                      summary: summary)
    }

    // MARK: - Dates and times

    static let dates: [FunctionEntry] = [
        FunctionEntry("date", .dates, usage: "date(t)", arguments: [FunctionArgument("t", .value(.datetime))], result: .date, scope: .row,
                      explain: .inFormula, takes: "one date and time",
                      kind: .scalar(ScalarFunction(name: "date", readsEmpty: false) { (v, loc) throws(EvaluationError) in
                          guard case .datetime(let t) = v[0] else { Value.checkedArgument("date") }
                          return .date(t.date)
                      }),
                      summary: "the date of a time; written with a text in place, `date(\"2026-10-15\")` is a date checked where written"),
        FunctionEntry("datetime", .dates, usage: "datetime(\"YYYY-MM-DD HH:MM\")", arguments: [FunctionArgument("text", .value(.text))],
                      result: .datetime, scope: .row, explain: .inFormula, kind: .literal,
                      summary: "a time written in the rule file, seconds optional, checked where written: `datetime(\"2026-10-15 08:30\")`"),
        FunctionEntry("day", .dates, usage: "day(d)", arguments: [FunctionArgument("d", .value(.date))], result: .number, scope: .row,
                      explain: .inFormula, takes: "one date",
                      kind: .scalar(ScalarFunction(name: "day", readsEmpty: false) { (v, loc) throws(EvaluationError) in
                          guard case .date(let d) = v[0] else { Value.checkedArgument("day") }
                          return .number(ExactNumber(d.day))
                      }),
                      summary: "the day of the month of a date, 1 to 31"),
        between("hours_between", unit: 3600, "hours"),
        between("minutes_between", unit: 60, "minutes"),
        between("seconds_between", unit: 1, "seconds"),
        later("add_hours", unit: 3600, "hours"),
        later("add_minutes", unit: 60, "minutes"),
        later("add_seconds", unit: 1, "seconds"),
    ]

    static func between(_ name: String, unit: Int, _ units: String) -> FunctionEntry {
        FunctionEntry(name, .dates, usage: "\(name)(a, b)", arguments: [FunctionArgument("a", .value(.datetime)), FunctionArgument("b", .value(.datetime))],
                      result: .number, scope: .row, explain: .inFormula,
                      takes: "two times, e.g. \(name)(<start>, <end>) (the second minus the first)",
                      kind: .scalar(ScalarFunction(name: name, readsEmpty: false) { (v, loc) throws(EvaluationError) in
                          guard case .datetime(let a) = v[0], case .datetime(let b) = v[1] else { Value.checkedArgument(name) }
                          return .number(TimeArithmetic.between(a, b, unitSeconds: unit))
                      }),
                      summary: "b − a in \(units), exact to the second (negative when b is earlier)"
                          + (unit == 60 ? ": 08:00:00 → 09:00:30 is 60.5 minutes" : unit == 3600 ? ": 08:00:00 → 09:00:30 is 121/120 hours" : ""))
    }

    static func later(_ name: String, unit: Int, _ units: String) -> FunctionEntry {
        FunctionEntry(name, .dates, usage: "\(name)(t, n)", arguments: [FunctionArgument("t", .value(.datetime)), FunctionArgument("n", .value(.number))],
                      result: .datetime, scope: .row, explain: .inFormula, takes: "a time and a number, e.g. \(name)(<time>, 48)",
                      kind: .scalar(ScalarFunction(name: name, readsEmpty: false) { (v, loc) throws(EvaluationError) in
                          guard case .datetime(let t) = v[0], case .number(let n) = v[1] else { Value.checkedArgument(name) }
                          return .datetime(try TimeArithmetic.add(name, t, n, unitSeconds: unit, at: loc))
                      }),
                      summary: "the time n \(units) after t (n may be negative, or a fraction landing on a whole second)"
                          + (unit == 3600 ? "; `受理时间 <= add_hours(派发时间, 48)` holds at exactly 48:00:00, not at 48:00:01" : ""))
    }

    // MARK: - Optional columns

    static let presence: [FunctionEntry] = [
        presenceTest("has", present: true, "true when the optional column has a value on this row (or roster row)"),
        presenceTest("is_empty", present: false, "true when the optional column is empty (no value)"),
    ]

    static func presenceTest(_ name: String, present: Bool, _ summary: String) -> FunctionEntry {
        FunctionEntry(name, .presence, usage: "\(name)(列)", arguments: [FunctionArgument("列", .optionalColumn)], result: .bool, scope: .row,
                      explain: .inFormula, takes: "one column, e.g. \(name)(<optional column>)",
                      kind: .scalar(ScalarFunction(name: name, readsEmpty: true) { (v, _) throws(EvaluationError) in
                          .bool(v[0].isEmpty != present)
                      }),
                      summary: summary)
    }
}

extension Value {
    /// A scalar function's number argument. The checker types every argument (arity,
    /// argumentType) and the evaluator passes no empty cell (unless the function reads it) and
    /// no unknown, so anything else is a bug in the caller, not a rule error.
    func number(for function: String, at loc: SourceLocation) throws(EvaluationError) -> ExactNumber {
        guard let n = number else { Value.checkedArgument(function) }
        return n
    }

    /// A scalar function's argument is not of the type the checker gave it: see number(for:at:).
    static func checkedArgument(_ function: String) -> Never {
        preconditionFailure("\(function)(): an argument is not of the type the checker checked")
    }
}
