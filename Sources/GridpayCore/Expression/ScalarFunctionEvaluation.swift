/// Evaluation of the scalar functions (min, round, date, the time functions, has …).
extension Evaluator {
    func call(_ fn: ScalarFunction, _ args: [CheckedExpr], at loc: SourceLocation) throws(EvaluationError) -> Value {
        switch fn {
        case .min, .max:
            var m = try number(args[0], at: loc)
            for a in args.dropFirst() {
                let n = try number(a, at: loc)
                m = fn == .min ? Swift.min(m, n) : Swift.max(m, n)
            }
            return .number(m)
        case .abs: return .number(try number(args[0], at: loc).magnitude)
        case .floor: return .number(try number(args[0], at: loc).floored())
        case .ceil: return .number(try number(args[0], at: loc).ceiled())
        case .round:
            let x = try number(args[0], at: loc), places = try number(args[1], at: loc)
            return .number(try exact(at: loc) { () throws(ArithmeticError) in try x.rounded(places: Int(places.numerator)) })
        case .date:
            let v = try evaluate(args[0])
            if v.isUnknown { return .unknown }
            guard case .datetime(let dt) = v else { throw v.isEmpty ? EvaluationError.emptyValue(at: loc) : EvaluationError("date() needs a date and time", at: loc) }
            return .date(dt.date)
        case .day:
            let v = try evaluate(args[0])
            if v.isUnknown { return .unknown }
            guard case .date(let d) = v else { throw v.isEmpty ? EvaluationError.emptyValue(at: loc) : EvaluationError("day() needs a date", at: loc) }
            return .number(ExactNumber(d.day))
        case .has, .isEmpty:
            let present = !(try evaluate(args[0]).isEmpty)
            return .bool(fn == .has ? present : !present)
        case .hoursBetween, .minutesBetween, .secondsBetween, .addHours, .addMinutes, .addSeconds:
            return try time(fn, args, at: loc)
        }
    }

    func time(_ fn: ScalarFunction, _ args: [CheckedExpr], at loc: SourceLocation) throws(EvaluationError) -> Value {
        let first = try evaluate(args[0]), second = try evaluate(args[1])
        if first.isEmpty || second.isEmpty { throw EvaluationError.emptyValue(at: loc) }
        guard case .datetime(let t) = first else { throw EvaluationError("\(fn.rawValue)() needs a date and time", at: loc) }
        switch fn {
        case .hoursBetween, .minutesBetween, .secondsBetween:
            guard case .datetime(let u) = second else { throw EvaluationError("\(fn.rawValue)() needs two dates and times", at: loc) }
            return .number(TimeArithmetic.between(fn, t, u))
        default:
            guard case .number(let n) = second else { throw EvaluationError("\(fn.rawValue)() needs a number", at: loc) }
            return .datetime(try TimeArithmetic.add(fn, t, n, at: loc))
        }
    }
}
