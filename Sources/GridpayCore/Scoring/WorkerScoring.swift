/// Worker scoring: the product's names (items, total, rank, pay, grade) of one worker, each
/// computed once and kept (memoSlot).
extension MonthScoring {
    public func symbol(_ s: WorkerSymbol, worker w: Int) throws(EvaluationError) -> Value {
        let slot = memoSlot(s, w)
        if let cached = slot.pointee { return cached }
        do throws(EvaluationError) {
            let v = try computeSymbol(s, worker: w)
            slot.pointee = v
            return v
        } catch {
            // Name what depends on the missing history (the run lists the workers and months):
            // the outermost result asked for (排名 of one worker may depend on another's item).
            guard error.unknownHistory else { throw error }
            throw EvaluationError.unknown(describe(s), at: location(of: s))
        }
    }

    func describe(_ s: WorkerSymbol) -> String {
        switch s {
        case .value(let i): return RulePlaces.namedValue(rules.values[i].name)
        case .item(let i): return RulePlaces.item(rules.items[i].name)
        case .total: return RuleLoader.totalName
        case .rank: return RuleLoader.rankName
        case .dutyMet: return RulePlaces.dutyMet
        case .payBase: return RulePlaces.payBase
        case .scorePay: return RulePlaces.scorePay
        case .award(let k): return RulePlaces.award(rules.awards[k].name)
        case .itemYuan: return RuleLoader.deductionsName
        case .grade: return GradeBands.gradeName
        }
    }

    /// Where the rule file defines a symbol; nil for the product's sums (总分, 排名, 扣款合计, 等次),
    /// which no single line of the rule file writes.
    func location(of s: WorkerSymbol) -> SourceLocation? {
        switch s {
        case .value(let i): return rules.values[i].location
        case .item(let i): return rules.items[i].location
        case .award(let k): return rules.awards[k].location
        case .dutyMet: return rules.duty?.location
        case .payBase: return rules.pay.base.location
        case .scorePay: return rules.pay.scorePay.location
        case .total, .rank, .itemYuan, .grade: return nil
        }
    }

    func computeSymbol(_ s: WorkerSymbol, worker w: Int) throws(EvaluationError) -> Value {
        let v: Value
        switch s {
        case .value(let i): v = try valueAllowingUnknown(rules.values[i].expr, worker: w)
        case .item(let i): v = .number(try itemScore(i, worker: w))
        case .total: v = .number(try total(worker: w))
        case .rank: v = try group(rankGroupOfTotal)[w]
        case .dutyMet:
            // The checker declares 完成工作任务 only where [duty] is.
            guard let duty = rules.duty else { preconditionFailure("完成工作任务 without [duty]") }
            v = try value(duty.met, worker: w)
        case .payBase: v = try value(rules.pay.base, worker: w)
        case .scorePay:
            // The [pay] score_pay formula plus the worker's awards (their own pay columns).
            var pay = try value(rules.pay.scorePay, worker: w).number ?? .zero
            for (k, a) in rules.awards.enumerated() where a.direction == .award {
                let share = try awardShares(k)[w]
                do { pay = try pay.adding(share) } catch {
                    throw EvaluationError(EvaluationMessages.arithmeticAddingAward(error, award: a.name), at: a.location)
                }
            }
            v = .number(pay)
        case .itemYuan:
            var sum = ExactNumber.zero
            for i in rules.items.indices {
                let yuan = try yuan(ofItem: i, worker: w)
                do { sum = try sum.adding(yuan) } catch { throw EvaluationError(EvaluationMessages.arithmeticAddingItemsYuan(error), at: nil) }
            }
            v = .number(sum)
        case .award(let k): v = .number(try awardShares(k)[w])
        case .grade: v = .text(try grade(worker: w))
        }
        return v
    }

    /// 等次: the first veto that holds forces its grade; otherwise the band of the total.
    func grade(worker w: Int) throws(EvaluationError) -> String {
        for veto in rules.vetoes where try value(veto.when, worker: w).bool == true { return veto.grade }
        let total = try symbol(.total, worker: w).number ?? .zero
        return GradeBands.band(of: total, in: rules.grades)
    }

    /// 排名 is computed as a group function over every worker (GroupFunctions.swift).
    var rankGroupOfTotal: Int { -1 }

    func total(worker w: Int) throws(EvaluationError) -> ExactNumber {
        var sum = ExactNumber.zero
        // The product's sum: no rule line to point at.
        for i in rules.items.indices {
            let score = try itemScore(i, worker: w)
            do { sum = try sum.adding(score) } catch { throw EvaluationError(error, at: nil) }
        }
        do { sum = try sum.adding(rules.totalBase) } catch { throw EvaluationError(EvaluationMessages.arithmeticAddingTotalBase(error), at: nil) }
        if let min = rules.totalMinimum, sum < min { sum = min }
        if let max = rules.totalMaximum, sum > max { sum = max }
        return sum
    }

    /// The item's base plus its deductions, bounded by its min/max if any, rounded half-up.
    func itemScore(_ i: Int, worker w: Int) throws(EvaluationError) -> ExactNumber {
        let item = rules.items[i]
        let slot = memoSlot(.item(i), w)
        if let cached = slot.pointee, let n = cached.number { return n }
        guard let base = try value(item.base, worker: w).number else { throw EvaluationError(EvaluationMessages.itemNotANumber(item.name), at: item.location) }
        var score = base
        var yuan = ExactNumber.zero
        do {
            for k in acc.pairSlots(item: i, worker: w) {
                score = try score.adding(acc.points[k])
                yuan = try yuan.adding(acc.yuan[k])
            }
            for (j, d) in item.deductions.enumerated() {
                guard case .counted(let countExpr, let table) = d.source else { continue }
                guard let times = try value(countExpr, worker: w).number else { continue }
                if times == .zero { continue }
                let p = try d.points.map { (e) throws(EvaluationError) in try value(e, worker: w).number ?? .zero } ?? .zero
                let y = try d.yuan.map { (e) throws(EvaluationError) in try value(e, worker: w).number ?? .zero } ?? .zero
                let points = try p.multiplied(by: times)
                let money = try y.multiplied(by: times)
                score = try score.adding(points)
                yuan = try yuan.adding(money)
                records[w].append(DeductionRecord(item: i, deduction: j, reason: d.reason, points: points, yuan: money,
                                                  file: table.map { rules.tables[$0].file }, line: nil, times: times))
            }
            // A bound cuts the deductions short (or caps a bonus): 扣分明细 shows the correction, so
            // the rows of an item still add up to its score.
            let unbounded = score
            if let min = item.minimum, score < min { score = min }
            if let max = item.maximum, score > max { score = max }
            if score != unbounded {
                let bound = score == item.minimum ? "本项不低于 \(score)" : "本项不高于 \(score)"
                records[w].append(DeductionRecord(item: i, deduction: item.deductions.count, reason: "\(bound)，超出部分不计",
                                                  points: try score.subtracting(unbounded), yuan: .zero, file: nil, line: nil, times: nil))
            }
            score = try score.rounded(places: rules.itemRoundingPlaces)
        } catch let e as EvaluationError { throw e } catch let e as ArithmeticError {
            throw EvaluationError(EvaluationMessages.arithmeticInItem(e, item: item.name), at: item.location)
        } catch {
            preconditionFailure("an item's score throws only EvaluationError and ArithmeticError")
        }
        if itemYuan[i] == nil { itemYuan[i] = Array(repeating: .zero, count: workerCount) }
        itemYuan[i]![w] = yuan
        slot.pointee = .number(score)
        return score
    }

    public func yuan(ofItem i: Int, worker w: Int) throws(EvaluationError) -> ExactNumber {
        _ = try itemScore(i, worker: w)
        return itemYuan[i]![w]
    }

}
