/// RuleMessages (RuleMessages.swift) for the scoring sections: names, [values], [[items]] and
/// their deductions, grade bands and vetoes, [[awards]], [scoring], [[flags]], [pay], [[ratings]].
extension RuleMessages {
    // MARK: names ([values], [[items]], [[awards]], [pay], [duty], [[grades]])

    static func nameDefinedTwice(_ name: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "名称“\(name)”定义了两次（作为名册列、值、考核项或结果的名称）；名称不能重复",
                         en: "the name '\(name)' is defined twice (as a roster column, value, item or product name); names must be unique"), at: loc)
    }

    static func valueNotAnExpression(_ name: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "值“\(name)”必须是加引号的表达式，却是\(kind)", en: "value '\(name)' must be an expression in quotes, but is \(kind)"), at: loc)
    }

    // MARK: [[items]] and their deductions

    static func noItems(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "规则文件没有声明 [[items]]；计分至少需要一个考核项", en: "the rule file declares no [[items]]; a score needs at least one item"), at: loc)
    }

    static func itemWithoutScore(_ item: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "考核项“\(item)”需要 full = <分值>（满分）或 score = '<表达式>'",
                         en: "item '\(item)' needs full = <points> (its full marks) or score = '<expression>'"), at: loc)
    }

    static func deductionTableUnknown(_ name: String, tables: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "“\(name)”不是输入表\(Suggestion.didYouMean(name, among: tables))；表：\(tables.joined(separator: "、"))",
                         en: "'\(name)' is not an input table\(Suggestion.didYouMean(name, among: tables)); tables: \(tables.joined(separator: ", "))"), at: loc)
    }

    static func countedDeductionWithWhen(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "按次数计的扣分不写“when”；请把条件写进 count", en: "a counted deduction has no 'when'; put the condition into count"), at: loc)
    }

    static func deductionWithoutSource(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "扣分需要 table = \"…\"（每个符合条件的行扣一次）或 count = '…'（次数乘以分值）",
                         en: "a deduction needs table = \"…\" (one deduction per matching row) or count = '…' (times the points)"), at: loc)
    }

    static func deductionWithoutAmount(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "扣分需要 points = '…'、yuan = '…' 或两者都有", en: "a deduction needs points = '…', yuan = '…' or both"), at: loc)
    }

    static func appliesToWorkerWithoutWorker(_ table: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "applies_to = \"worker\" 要求表 \(table) 有网格员列（worker = \"…\"）",
                         en: "applies_to = \"worker\" needs a worker column in table \(table) (worker = \"…\")"), at: loc)
    }

    static func badAppliesTo(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "applies_to 为 \"worker\"（该行所指的网格员）或 \"group\"（该行所在分组的每名网格员），用于声明了 group = \"…\" 的表上的逐行扣分",
                         en: "applies_to is \"worker\" (the worker the row names) or \"group\" (every worker of the row's group), for a per-row deduction on a table that declares group = \"…\""), at: loc)
    }

    static func reasonNamesNoColumn(_ name: String, of table: TableSpec, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "reason 中的 {\(name)} 不是 \(table.name) 的列\(columnSuggestion(name, table))",
                         en: "the reason names {\(name)}, which is not a column of \(table.name)\(columnSuggestion(name, table))"), at: loc)
    }

    // MARK: grade bands ([[grades]], [[ratings.bands]]) and [[vetoes]]

    static func gradeDeclaredTwice(_ grade: String, firstLine: Int, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "等次“\(grade)”声明了两次（第一次在第 \(firstLine) 行）；每一档都要有自己的名称",
                         en: "the grade '\(grade)' is declared twice (first at line \(firstLine)); each band needs its own name"), at: loc)
    }

    static func bandWithoutMin(_ band: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "档次“\(band)”没有 min，但它后面还有档次：只有最低一档可以不写 min；应为 min = <分数>（分数 ≥ min 评为“\(band)”）",
                         en: "the band '\(band)' has no min, but bands follow it: only the lowest band goes without min; expected min = <score> (scores ≥ min get '\(band)')"), at: loc)
    }

    static func lowestBandWithMin(_ band: String, min: ExactNumber, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "有空档：低于 \(min) 的分数没有等次；最低一档“\(band)”承接低于上一档的所有分数，所以不写 min（或在它后面再加一个不写 min 的档次）",
                         en: "gap: scores below \(min) would have no grade; the lowest band '\(band)' takes every score below the band above it, so it has no min (or add a band without min after it)"), at: loc)
    }

    static func bandsOverlap(_ above: String, _ band: String, min: ExactNumber, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "档次“\(above)”和“\(band)”重叠：都从 \(min) 开始；每一档的 min 应低于上一档",
                         en: "the bands '\(above)' and '\(band)' overlap: both start at \(min); expected each band's min below the one above it"), at: loc)
    }

    static func bandsOutOfOrder(_ band: String, min: ExactNumber, after above: String, aboveMin: ExactNumber, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "档次顺序不对：“\(band)”（min \(min)）排在“\(above)”（min \(aboveMin)）之后；应从最高一档写起，每一档的 min 低于上一档",
                         en: "bands out of order: '\(band)' (min \(min)) comes after '\(above)' (min \(aboveMin)); expected the highest band first and each min below the one above"), at: loc)
    }

    static func vetoGradeNotAGrade(_ grade: String, grades: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "否决项的等次“\(grade)”不是 [[grades]] 中的等次（\(grades.joined(separator: " / "))）\(Suggestion.didYouMean(grade, among: grades))",
                         en: "the veto's grade '\(grade)' is not one of the [[grades]] (\(grades.joined(separator: " / ")))\(Suggestion.didYouMean(grade, among: grades))"), at: loc)
    }

    static func vetoesWithoutGrades(_ period: PeriodKind, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "[[vetoes]] 强制定等次，但规则文件没有为每\(period.label)声明 [[grades]]；评定的否决项应写在 [[ratings.vetoes]] 下",
                         en: "[[vetoes]] force a grade, but the rule file declares no [[grades]] for its \(period.rawValue)s; a rating's veto goes under [[ratings.vetoes]]"), at: loc)
    }

    // MARK: [[awards]], [scoring], [[flags]], [pay]

    static func badAwardDirection(_ text: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "pay 必须是 \"award\"（计入考核绩效）或 \"charge\"（计入扣款合计），却是“\(text)”",
                         en: "pay must be \"award\" (added to 考核绩效) or \"charge\" (added to 扣款合计), found '\(text)'"), at: loc)
    }

    static func badAwardAmount(_ amount: ExactNumber, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "amount 必须是 ≥ 0 的整分金额（最多 2 位小数），却是 \(amount)", en: "amount must be a whole number of fen ≥ 0 (at most 2 decimals), found \(amount)"), at: loc)
    }

    static func badItemRounding(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "item_rounding 必须是 0 到 6 的整数（小数位数）", en: "item_rounding must be a whole number of decimals 0 to 6"), at: loc)
    }

    static func flagDeclaredTwice(_ flag: String, firstLine: Int, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "标记“\(flag)”声明了两次（第一次在第 \(firstLine) 行）；每个标记单独成一列，所以标记名称不能重复",
                         en: "the flag '\(flag)' is declared twice (first at line \(firstLine)); each flag is a column of its own, so flag names must be unique"), at: loc)
    }

    static func yuanWithoutPay(item: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "考核项“\(item)”扣款（yuan），但规则文件没有 [pay] 小节（没有 [pay] 的镇不按考核发放绩效）；请加上带 base 和 score_pay 的 [pay]，或去掉 yuan",
                         en: "item '\(item)' deducts yuan, but the rule file has no [pay] section (a town without [pay] pays nothing from the assessment); add [pay] with base and score_pay, or remove the yuan"), at: loc)
    }

    static func awardWithoutPay(_ award: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "奖励“\(award)”发放金额，但规则文件没有 [pay] 小节（没有 [pay] 的镇不按考核发放绩效）；请加上带 base 和 score_pay 的 [pay]，或去掉这项奖励",
                         en: "the award '\(award)' pays yuan, but the rule file has no [pay] section (a town without [pay] pays nothing from the assessment); add [pay] with base and score_pay, or remove the award"), at: loc)
    }

    // MARK: [[ratings]]

    static func badRatedPeriod(found: String, rateable: [PeriodKind], assessedBy kind: PeriodKind, at loc: Location) -> Diagnostic {
        let quoted = rateable.map { "\"\($0.rawValue)\"" }
        return .error(bilingual(zh: "periods 列出要评定的期间：\(quoted.joined(separator: "、"))（比本镇的考核期“\(kind.label)”长的期间）；却是 \(found)",
                                en: "periods lists what is rated: \(quoted.joined(separator: ", ")) (periods longer than the town's \(kind.rawValue)); found \(found)"), at: loc)
    }

    static func periodRatedTwice(_ kind: PeriodKind, firstLine: Int, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "“\(kind.label)”的评定已写在第 \(firstLine) 行；每种期间只有一个评定",
                         en: "the \(kind.rawValue) is already rated at line \(firstLine); each period kind has one rating"), at: loc)
    }

    static func meanNotAnItem(_ name: String, items: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "mean 指定的“\(name)”不是\(RuleLoader.totalName)，也不是考核项\(Suggestion.didYouMean(name, among: [RuleLoader.totalName] + items))；平均值按公布的结果计算",
                         en: "mean names '\(name)', which is not \(RuleLoader.totalName) or an item\(Suggestion.didYouMean(name, among: [RuleLoader.totalName] + items)); the mean is taken over published results"), at: loc)
    }

    static func badRatingPlaces(at loc: Location?) -> Diagnostic {
        .error(bilingual(zh: "places 必须是 0 到 6 的整数（小数位数）", en: "places must be a whole number of decimals 0 to 6"), at: loc)
    }

    static func ratingWithoutBands(_ path: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 需要档次：[[ratings.bands]]，写 name 和 min，从最高一档写起（或用本镇的 [[grades]]）",
                         en: "\(path) needs its bands: [[ratings.bands]] with name and min, highest first (or the town's [[grades]])"), at: loc)
    }

    static func ratingVetoFlagUnknown(_ flag: String, flags: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "否决项指定的标记“\(flag)”不是 [[flags]] 中的名称\(Suggestion.didYouMean(flag, among: flags))",
                         en: "the veto names the flag '\(flag)', which is not a [[flags]] name\(Suggestion.didYouMean(flag, among: flags))"), at: loc)
    }

    static func ratingVetoGradeNotABand(_ grade: String, bands: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "否决项的等次“\(grade)”不是本评定的档次（\(bands.joined(separator: " / "))）\(Suggestion.didYouMean(grade, among: bands))",
                         en: "the veto's grade '\(grade)' is not a band of this rating (\(bands.joined(separator: " / ")))\(Suggestion.didYouMean(grade, among: bands))"), at: loc)
    }

    // MARK: helpers (not kinds)

    private static func columnSuggestion(_ name: String, _ table: TableSpec) -> String {
        Suggestion.didYouMean(name, among: table.columns.map(\.name))
    }
}
