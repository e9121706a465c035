/// `gridpay explain`: one worker's score, line by line — each item's formula and value, the
/// values it used, and the input file and line of every deduction.
public enum Explanation {
    /// `adjustment`: the worker's 往期调整 where the run carries corrections of closed periods.
    /// `preliminaryPublished`: per preliminary period (MonthReport.preliminaryPublished), whether
    /// its 总分 is as published in the ledger. `words`: the asker's (how it runs a period).
    public static func text(worker w: WorkerReport, in c: MonthScoring, ruleFile: String, workerCount: Int,
                            adjustment: ExactNumber? = nil, preliminaryPublished: [Bool] = [], words: CommandWords) -> String {
        let rules = c.rules
        var out: [String] = []
        // The town's own roster labels where the rule file names them (SPEC §7), else the product's wording.
        let place = rules.roster.labels.map { "\($0[2]) \(w.unit)，\($0[3]) \(w.group)" } ?? "\(w.unit)，网格 \(w.group)"
        out.append("\(rules.townName) \(c.span) — \(w.id) \(w.name)（\(place)）")
        out.append("规则 \(ruleFile)，版本 \(rules.version)；名册第 \(w.rosterLine) 行")
        out.append("")
        // A summary period (xinhe's quarter, SPEC §17) has no score and no rank: its columns and findings.
        if rules.isSummary(c.span.kind) { return (out + summaryLines(w, c)).joined(separator: "\n") + "\n" }
        for i in rules.items.indices { out += itemLines(i, w, c) }
        out.append("")
        out += totalLines(w, c, workerCount: workerCount)
        out += preliminaryLines(w, c, published: preliminaryPublished, words: words)
        out += shownColumnLines(w, c)
        // A town without [pay] has no pay lines (SPEC §17).
        if rules.hasPay { out += [""] + payLines(w, c, adjustment: adjustment) }
        return out.joined(separator: "\n") + "\n"
    }

    /// One item: its value, formula (or full marks) and the values it read, each deduction with
    /// its file and line, and its bounds.
    static func itemLines(_ i: Int, _ w: WorkerReport, _ c: MonthScoring) -> [String] {
        let rules = c.rules
        let item = rules.items[i]
        var out: [String] = []
        out.append("\(item.name) = \(w.items[i].fixed(places: rules.itemRoundingPlaces))")
        let base = (try? c.value(item.base, worker: w.index))?.description ?? "?"
        if item.fullMarks != nil, case .constant = item.base {
            out.append("  满分 \(base)")
        } else {
            out.append("  得分 = \(item.baseText) = \(base)")
            out += usedValues(item.base, c, w.index, indent: "    ")
        }
        for r in w.records where r.item == i {
            let source = r.file.map { f in r.line.map { "\(f):\($0)" } ?? f } ?? ""
            var times = ""
            if let t = r.times, let each = try? r.points.divided(by: t) { times = "(\(each) × \(t)) " }
            var line = "  \(signed(r.points)) \(times)\(r.reason)"
            if r.yuan != .zero { line += "，扣款 \(r.yuan.fixed(places: 2)) 元" }
            if !source.isEmpty { line += "   [\(source)]" }
            out.append(line)
            if r.deduction < item.deductions.count, case .counted(let count, _) = item.deductions[r.deduction].source {
                out += usedValues(count, c, w.index, indent: "      ")
            }
        }
        var bounds: [String] = []
        if let m = item.minimum { bounds.append("不低于 \(m)") }
        if let m = item.maximum { bounds.append("不高于 \(m)") }
        if !bounds.isEmpty { out.append("  (\(bounds.joined(separator: "，")))") }
        return out
    }

    /// 总分 and 排名, 等次, 完成工作任务 and the flags, each with what it read.
    static func totalLines(_ w: WorkerReport, _ c: MonthScoring, workerCount: Int) -> [String] {
        let rules = c.rules
        var out: [String] = []
        let sumText = rules.totalBase == .zero ? "各项之和" : "\(rules.totalBase) + 各项之和"
        let boundText = [rules.totalMinimum.map { "不低于 \($0)" }, rules.totalMaximum.map { "不高于 \($0)" }].compactMap { $0 }.joined(separator: "，")
        // Where a total bound bit, the sum before it, so the reader sees why (SPEC §11: max(0, …)).
        let unbounded = w.items.reduce(rules.totalBase) { (try? $0.adding($1)) ?? $0 }
        // 总分 with the town's places, as its items and its sheet show them (xinhe: 0.1).
        let places = rules.itemRoundingPlaces
        let bitText = unbounded == w.total ? "" : " = \(unbounded.fixed(places: places))"
        out.append("\(RuleLoader.totalName) = \(w.total.fixed(places: places))（\(sumText)\(bitText)\(boundText.isEmpty ? "" : "，" + boundText)）   \(RuleLoader.rankName) \(w.rank) / \(workerCount)")
        if let grade = w.grade { out.append(gradeLine(grade, w, c)) }
        if let duty = rules.duty, let met = w.dutyMet {
            out.append("\(RuleLoader.dutyName) = \(met ? "是" : "否")   (\(duty.sourceText))")
            out += usedValues(duty.met, c, w.index, indent: "    ")
        }
        for (f, flag) in rules.flags.enumerated() {
            out.append("\(flag.name) = \(w.flags[f] ? "是" : "否")   (\(flag.sourceText))")
            out += usedValues(flag.when, c, w.index, indent: "    ")
            if let note = w.historyAssumption { out.append("    \(note)") }
            if w.historyIncomplete {
                let gaps = c.incompleteHistory.sorted { $0.key < $1.key }.map { "\($0.key)：\($0.value.message)" }.joined(separator: "；")
                out.append("    历史不完整：\(gaps)")
            }
        }
        return out
    }

    /// The 总分 of each preliminary period inside this one (SPEC §17: the year's 上半年总分) and
    /// where it comes from: the ledger where that period is closed (SPEC §9), else its inputs.
    static func preliminaryLines(_ w: WorkerReport, _ c: MonthScoring, published: [Bool], words: CommandWords) -> [String] {
        let periods = c.rules.preliminaryPeriods(of: c.span)
        return zip(periods, w.preliminaryTotals).enumerated().map { k, pt in
            let (p, total) = pt
            guard let total else { return "\(p.preliminaryTotalName) 空   (\(p) 末月 \(p.lastMonth) 的名册上没有此人)" }
            let source = k < published.count && published[k] ? "已结账：账本中公布的结果，不重算" : "未结账：按其输入计算，同 \(words.run) \(c.rules.town) \(p)"
            return "\(p.preliminaryTotalName) = \(total.fixed(places: c.rules.itemRoundingPlaces))   (\(p) 的\(RuleLoader.totalName)，\(source))"
        }
    }

    /// The columns a town shows beside the score without scoring them ([summary] columns, e.g.
    /// xinhe's 满意率, SPEC §17): the value as the sheet shows it, its formula and what it read.
    static func shownColumnLines(_ w: WorkerReport, _ c: MonthScoring) -> [String] {
        zip(c.rules.columns(for: c.span.kind), w.columns).flatMap { col, value -> [String] in
            guard let value else { return ["\(col.name) 空   (显示条件“\(col.whenText ?? "")”不成立；只显示，不计入\(RuleLoader.totalName))"] }
            return ["\(col.name) = \(shown(value, col.format))   (\(col.valueText)；只显示，不计入\(RuleLoader.totalName))"]
                + usedValues(col.value, c, w.index, indent: "    ")
        }
    }

    /// A summary period: each column of its sheet with its formula and what it read, then every
    /// finding (points and file:line); no 总分, no 排名.
    static func summaryLines(_ w: WorkerReport, _ c: MonthScoring) -> [String] {
        var out = [ExplainMessages.summaryPeriod(c.span.description)]
        out += zip(c.rules.columns(for: c.span.kind), w.columns).flatMap { col, value -> [String] in
            guard let value else { return ["\(col.name) 空   (\(col.whenText ?? ""))"] }
            return ["\(col.name) = \(shown(value, col.format))   (\(col.valueText))"] + usedValues(col.value, c, w.index, indent: "    ")
        }
        let findings = w.records.filter { $0.file != nil && $0.line != nil }
        out.append("")
        out.append(ExplainMessages.summaryFindings(findings.count))
        for r in findings {
            out.append("  \(c.rules.items[r.item].name) \(signed(r.points)) \(r.reason)   [\(r.file!):\(r.line!)]")
        }
        return out
    }

    /// A shown column's value as its cell shows it: a rate as a percentage, numbers to their places.
    static func shown(_ v: Value, _ format: DisplayColumn.Format?) -> String {
        guard case .number(let n) = v, let format else { return v.description }
        switch format {
        case .percent, .percent1:
            let hundredths = (try? n.multiplied(by: ExactNumber(100))) ?? n
            return hundredths.fixed(places: format.places - 2) + "%"
        default:
            return n.fixed(places: format.places)
        }
    }

    /// The pay lines: base, awards and charges, score pay, deductions, payable, shortfall.
    static func payLines(_ w: WorkerReport, _ c: MonthScoring, adjustment: ExactNumber? = nil) -> [String] {
        let rules = c.rules
        var out: [String] = []
        out.append("\(RuleLoader.payBaseName) = \(w.base.fixed(places: 2))   (\(rules.pay.baseText))")
        // Awards and charges ([[awards]]): who shares them and this worker's share.
        var awardText = ""
        for (k, a) in rules.awards.enumerated() {
            out.append("\(a.name) = \(w.awards[k].fixed(places: 2))   (\(a.amount) 元\(a.per == nil ? "" : "/每单位")，由 \(a.toText) 者均分到分，余分按编号顺序各加 0.01；\(a.direction == .award ? "计入考核绩效" : "计入扣款合计"))")
            out += usedValues(a.to, c, w.index, indent: "    ")
            if a.direction == .award, w.awards[k] != .zero { awardText += " + \(a.name)" }
        }
        out.append("\(RuleLoader.scorePayName) = \(w.scorePay.fixed(places: 2))   (\(rules.pay.scorePayText)\(awardText))")
        var yuanParts: [String] = []
        for (i, item) in rules.items.enumerated() where w.itemYuan[i] != .zero {
            yuanParts.append("\(item.name) \(w.itemYuan[i].fixed(places: 2))")
        }
        for (k, a) in rules.awards.enumerated() where a.direction == .charge && w.awards[k] != .zero {
            yuanParts.append("\(a.name) \(w.awards[k].fixed(places: 2))")
        }
        out.append("\(RuleLoader.deductionsName) = \(w.deductions.fixed(places: 2))" + (yuanParts.isEmpty ? "" : "   (\(yuanParts.joined(separator: " + ")))"))
        if let adjustment {
            // As run pays it (SPEC §9): the corrections of closed periods carried into this one.
            out.append("往期调整 = \(adjustment.fixed(places: 2))   (更正往期的 \(RuleLoader.payableName) − 原公布的 \(RuleLoader.payableName)，见 run 输出的 往期更正 表)")
            out.append("\(RuleLoader.payableName) = \(w.payable.fixed(places: 2))   (max(0, \(RuleLoader.scorePayName) − \(RuleLoader.deductionsName) + 往期调整))")
        } else {
            out.append("\(RuleLoader.payableName) = \(w.payable.fixed(places: 2))   (max(0, \(RuleLoader.scorePayName) − \(RuleLoader.deductionsName)))")
        }
        out.append("\(RuleLoader.shortfallName) = \(w.shortfall.fixed(places: 2))")
        return out
    }

    /// The files a table is read from: a quarter's three, each in its month folder (the quarter's
    /// roster is its last month's).
    static func files(_ table: Int, _ c: MonthScoring) -> String {
        let file = c.rules.tables[table].file
        guard c.span.kind != .month else { return file }
        if table == c.rules.roster.table { return "\(c.span.months.last!)/\(file)" }
        return c.span.months.map { "\($0)/\(file)" }.joined(separator: ", ")
    }

    static func signed(_ n: ExactNumber) -> String { n.sign >= 0 ? "+\(n)" : "\(n)" }

    /// The named values and aggregates an expression reads, with their values, one level deep
    /// per name (nested names are listed under the name that uses them).
    static func usedValues(_ e: CheckedExpr, _ c: MonthScoring, _ w: Int, indent: String, seen: Set<String> = []) -> [String] {
        var out: [String] = []
        var seen = seen
        for ref in references(e) {
            switch ref {
            case .symbol(.value(let i)):
                out += namedValueLines(i, c, w, indent: indent, seen: &seen)
            case .aggregate(let a):
                let spec = c.rules.aggregates[a]
                guard !seen.contains(spec.text) else { continue }
                seen.insert(spec.text)
                let value = (try? c.value(.aggregate(a), worker: w))?.description ?? "?"
                out.append(indent + callLine(spec.function, spec.text, value) { files(spec.table, c) })
            case .group(let g):
                let spec = c.rules.groups[g]
                guard !seen.contains(spec.text) else { continue }
                seen.insert(spec.text)
                let value = (try? c.value(.group(g), worker: w))?.description ?? "?"
                out.append(indent + callLine(spec.function, spec.text, value) { "" })
                if explainLine(spec.function) == .valueAndInputs, let v = spec.value { out += usedValues(v, c, w, indent: indent + "  ", seen: seen) }
            case .consecutive(let name, _, let periods, _, _):
                out.append(indent + historyLine(name, periods: periods, c, w))
            case .rosterColumn(let i):
                let col = c.rules.rosterTable.columns[i]
                guard !seen.contains(col.name) else { continue }
                seen.insert(col.name)
                let roster = c.span.kind == .month ? c.rules.rosterTable.file : "\(c.span.months.last!)/\(c.rules.rosterTable.file)"
                out.append("\(indent)\(col.name) = \(c.rosterRows[w][i])   [\(roster):\(c.rosterLines[w])]")
            case .symbol(let s):
                let name: String
                switch s {
                case .total: name = RuleLoader.totalName
                case .rank: name = RuleLoader.rankName
                case .dutyMet: name = RuleLoader.dutyName
                case .item(let i): name = c.rules.items[i].name
                case .grade: name = GradeBands.gradeName
                case .value, .payBase, .scorePay, .award, .itemYuan: continue   // values above; pay lines below
                }
                guard !seen.contains(name) else { continue }
                seen.insert(name)
                out.append("\(indent)\(name) = \((try? c.symbol(s, worker: w))?.description ?? "?")")
            case .constant, .rowColumn, .daysInPeriod, .daysInMonth, .negate, .not, .arithmetic, .compare, .and, .or, .conditional, .function:
                break   // references() yields only the leaves above
            }
        }
        return out
    }

    /// A named value of [values] with its formula and value, then what it read, one level deeper
    /// (a value that is one aggregate shows its file on the same line).
    static func namedValueLines(_ i: Int, _ c: MonthScoring, _ w: Int, indent: String, seen: inout Set<String>) -> [String] {
        let v = c.rules.values[i]
        guard !seen.contains(v.name) else { return [] }
        seen.insert(v.name)
        let value = (try? c.symbol(.value(i), worker: w))?.description ?? "?"
        if case .aggregate(let a) = v.expr {
            // The value is one aggregate: show its file on the same line instead of repeating it.
            seen.insert(c.rules.aggregates[a].text)
            return ["\(indent)\(v.name) = \(v.sourceText) = \(value)   [\(files(c.rules.aggregates[a].table, c))]"]
        }
        let out = ["\(indent)\(v.name) = \(v.sourceText) = \(value)"]
        if case .group(let g) = v.expr, let inner = c.rules.groups[g].value {
            seen.insert(c.rules.groups[g].text)
            return out + usedValues(inner, c, w, indent: indent + "  ", seen: seen)
        }
        return out + usedValues(v.expr, c, w, indent: indent + "  ", seen: seen)
    }

    /// consecutive(): the value in each period it looks at (the catalog's explain line `periods`).
    static func historyLine(_ name: String, periods: Int, _ c: MonthScoring, _ w: Int) -> String {
        var parts: [String] = []
        for k in 0..<periods {
            let p = c.span.adding(-k)
            if k == 0 {
                parts.append("\(p) \((try? c.symbol(.value(c.rules.values.firstIndex { $0.name == name }!), worker: w))?.description ?? "?")")
            } else if let why = c.history?.unavailability(of: p) {
                parts.append("\(p) 无数据（\(why.message)）")
            } else {
                let v = (try? c.history?.value(named: name, period: p, workerID: c.ids[w])) ?? nil
                parts.append("\(p) \(v?.description ?? "不在名册")")
            }
        }
        return "\(name)，连续 \(periods) 个\(c.span.kind.label)：\(parts.joined(separator: "；"))"
    }

    /// How the catalog says a call of `function` is shown.
    static func explainLine(_ function: String) -> ExplainLine { FunctionCatalog.entry(named: function)?.explain ?? .inFormula }

    /// A call's own line: its text and value, and the files it read where the catalog says so.
    static func callLine(_ function: String, _ text: String, _ value: String, files: () -> String) -> String {
        switch explainLine(function) {
        case .valueAndFiles: return "\(text) = \(value)   [\(files())]"
        case .valueAndInputs, .inFormula, .periods: return "\(text) = \(value)"
        }
    }

    /// 等次 and why: the veto that forced it, or the band the total falls in.
    static func gradeLine(_ grade: String, _ w: WorkerReport, _ c: MonthScoring) -> String {
        for veto in c.rules.vetoes where (try? c.value(veto.when, worker: w.index))?.bool == true {
            return "\(GradeBands.gradeName) = \(grade)   (否决：\(veto.sourceText))"
        }
        let band = c.rules.grades.first { $0.name == grade }
        return "\(GradeBands.gradeName) = \(grade)   (\(RuleLoader.totalName) \(w.total.fixed(places: 2))\(band?.minimum.map { " ≥ \($0)" } ?? "，低于其上各档"))"
    }

    /// Leaves of interest in evaluation order.
    static func references(_ e: CheckedExpr) -> [CheckedExpr] {
        switch e {
        case .symbol, .aggregate, .group, .rosterColumn, .consecutive: return [e]
        case .constant, .rowColumn, .daysInPeriod, .daysInMonth, .negate, .not, .arithmetic, .compare, .and, .or, .conditional, .function:
            return e.children.flatMap(references)
        }
    }
}
