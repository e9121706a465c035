/// Turns a rule file into a checked `RuleSet`: parse (TOML), structure (known keys, required
/// keys), check (every expression: names, types, cycles). All problems are collected.
public enum RuleLoader {
    /// The product's own names that rule expressions may use (they are also workbook labels).
    public static let totalName = "总分"
    public static let rankName = "排名"
    public static let dutyName = "完成工作任务"
    public static let payBaseName = "绩效工资基数"
    public static let scorePayName = "考核绩效"
    public static let deductionsName = "扣款合计"
    public static let payableName = "实发绩效"
    public static let shortfallName = "未扣足"

    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    public static func load(text: String, file: String) -> Result<RuleSet, Failure> {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text, file: file)
        } catch {
            return .failure(Failure(diagnostics: [error.diagnostic]))
        }
        return build(root, file: file)
    }

    static func build(_ root: TOMLTable, file: String) -> Result<RuleSet, Failure> {
        let scratch = CheckContext(tables: [], rosterTable: 0)
        let top = TOMLReader(root, path: "the rule file", context: scratch,
                             allowed: ["rules", "tables", "roster", "values", "items", "scoring", "duty", "flags", "pay", "grades", "vetoes", "ratings", "tests", "awards", "sheets", "summary", "group_sheets"])
        var diagnostics = scratch.diagnostics

        // [rules]: identity and version.
        let meta = top.subtable("rules").map { TOMLReader($0, path: "[rules]", context: scratch, allowed: ["town", "name", "version", "effective_from", "period"]) }
        let town = meta?.text("town") ?? ""
        if let s = meta?.string("town", required: false), let why = PlainName.problem(s.value) {
            scratch.diagnostics.append(.error("town \(why); expected a plain name (it names Rules/<town>.toml and Input/<town>/), e.g. \"qinghe\"", at: s.location(ofCharacterAt: 0)))
        }
        let townName = meta?.text("name", required: false) ?? town
        let version = meta?.text("version") ?? ""
        var effectiveFrom = Period(year: 1900, month: 1)
        let effectiveFromString = meta?.string("effective_from")
        if let s = effectiveFromString {
            if let p = Period.parse(s.value) { effectiveFrom = p } else {
                scratch.diagnostics.append(.error("effective_from must be a month YYYY-MM, found '\(s.value)'", at: s.location(ofCharacterAt: 0)))
            }
        }
        var periodKind = PeriodKind.month
        if let s = meta?.string("period", required: false) {
            if let k = PeriodKind(rawValue: s.value), k == .month || k == .quarter { periodKind = k } else {
                scratch.diagnostics.append(.error("period (the assessment period) must be \"month\" or \"quarter\" (half-years and years are ratings, see [[ratings]]), found '\(s.value)'", at: s.location(ofCharacterAt: 0)))
            }
        }

        // [tables.*]: what each export looks like.
        var tables: [TableSpec] = []
        var workerColumnNames: [Int: (TOMLString)] = [:]
        var checkTables: [Int: [TOMLTable]] = [:]
        if let tablesTable = top.subtable("tables") {
            for entry in tablesTable.entries {
                guard case .table(let t) = entry.node.value else {
                    scratch.diagnostics.append(.error("tables.\(entry.key) must be a table", at: entry.node.location))
                    continue
                }
                let r = TOMLReader(t, path: "[tables.\(entry.key)]", context: scratch, allowed: ["file", "encoding", "worker", "group", "complete", "columns", "unique", "within_period", "checks"])
                if r.has("checks") { checkTables[tables.count] = r.tables("checks") }
                var spec = TableSpec(name: entry.key, file: r.text("file") ?? "", encoding: .utf8, columns: [], workerColumn: nil, uniqueKeys: [], withinPeriod: r.bool("within_period") ?? true, location: entry.keyLocation)
                if let f = r.string("file", required: false), let why = PlainName.problem(f.value) {
                    scratch.diagnostics.append(.error("file \(why); expected the plain name of a file in the period's input folder, e.g. \"events.csv\"", at: f.location(ofCharacterAt: 0)))
                    spec.file = ""
                }
                if let enc = r.string("encoding", required: false) {
                    if let e = InputEncoding(rawValue: enc.value.lowercased()) { spec.encoding = e } else {
                        scratch.diagnostics.append(.error("encoding must be \"utf-8\" or \"gb18030\" (GBK files are GB18030), found '\(enc.value)'", at: enc.location(ofCharacterAt: 0)))
                    }
                }
                for colNode in r.array("columns") ?? [] {
                    if let c = readColumn(colNode, table: entry.key, context: scratch) {
                        if spec.columns.contains(where: { $0.name == c.name }) {
                            scratch.diagnostics.append(.error("column '\(c.name)' is declared twice in table \(entry.key)", at: c.location))
                        }
                        spec.columns.append(c)
                    }
                }
                if let w = r.string("worker", required: false) { workerColumnNames[tables.count] = w }
                if let g = r.string("group", required: false) {
                    // Both worker and group: a row names its group and, optionally, one worker of
                    // it; each deduction says whom it applies to (applies_to).
                    if let i = spec.columnIndex(g.value) { spec.groupColumn = i } else {
                        scratch.diagnostics.append(.error("group names '\(g.value)', which is not a column of table \(entry.key)\(Suggestion.didYouMean(g.value, among: spec.columns.map(\.name)))", at: g.location(ofCharacterAt: 0)))
                    }
                }
                if let node = t["complete"] {
                    switch node.value {
                    case .bool(true): spec.completeness = .everyGroup
                    case .string(let c):
                        if let i = spec.columnIndex(c.value) {
                            if case .choice = spec.columns[i].type { spec.completeness = .everyValue(column: i) } else {
                                scratch.diagnostics.append(.error("complete names '\(c.value)', which is not a choice column of \(entry.key); every group needs a row for every value of a choice column", at: c.location(ofCharacterAt: 0)))
                            }
                        } else {
                            scratch.diagnostics.append(.error("complete names '\(c.value)', which is not a column of table \(entry.key)\(Suggestion.didYouMean(c.value, among: spec.columns.map(\.name)))", at: c.location(ofCharacterAt: 0)))
                        }
                    default:
                        scratch.diagnostics.append(.error("complete is true (every group has a row) or the name of a choice column (every group has a row for each of its values)", at: node.location))
                    }
                    if spec.groupColumn == nil && !r.has("group") {
                        scratch.diagnostics.append(.error("complete applies to a table keyed by group; declare group = \"<column>\" in [tables.\(entry.key)]", at: node.location))
                    }
                }
                for keyNode in r.array("unique", required: false) ?? [] {
                    var names: [TOMLString] = []
                    switch keyNode.value {
                    case .string(let s): names = [s]
                    case .array(let parts):
                        for p in parts { if case .string(let s) = p.value { names.append(s) } }
                    default: break
                    }
                    var key: [Int] = []
                    for n in names {
                        if let i = spec.columnIndex(n.value) { key.append(i) } else {
                            scratch.diagnostics.append(.error("unique key names '\(n.value)', which is not a column of \(entry.key)\(Suggestion.didYouMean(n.value, among: spec.columns.map(\.name)))", at: n.location(ofCharacterAt: 0)))
                        }
                    }
                    if !key.isEmpty { spec.uniqueKeys.append(key) }
                }
                tables.append(spec)
            }
        }

        // [roster]: which table lists the workers, and which of its columns fill the product's fixed columns.
        var roster = RosterSpec(table: 0, idColumn: 0, nameColumn: 0, unitColumn: 0, groupColumn: 0)
        if let rt = top.subtable("roster") {
            let r = TOMLReader(rt, path: "[roster]", context: scratch, allowed: ["table", "id", "name", "unit", "group", "same_in_group", "labels"])
            if let tn = r.string("table") {
                if let ti = tables.firstIndex(where: { $0.name == tn.value }) {
                    roster.table = ti
                    func column(_ key: String) -> Int {
                        guard let s = r.string(key) else { return 0 }
                        if let i = tables[ti].columnIndex(s.value) { return i }
                        scratch.diagnostics.append(.error("[roster] \(key) names '\(s.value)', which is not a column of table \(tn.value)\(Suggestion.didYouMean(s.value, among: tables[ti].columns.map(\.name)))", at: s.location(ofCharacterAt: 0)))
                        return 0
                    }
                    roster.idColumn = column("id")
                    roster.nameColumn = column("name")
                    roster.unitColumn = column("unit")
                    roster.groupColumn = column("group")
                    for node in r.array("same_in_group", required: false) ?? [] {
                        guard case .string(let c) = node.value else {
                            r.error("same_in_group lists roster column names", at: node.location)
                            continue
                        }
                        if let i = tables[ti].columnIndex(c.value) { roster.sameInGroup.append(i) } else {
                            scratch.diagnostics.append(.error("[roster] same_in_group names '\(c.value)', which is not a column of table \(tn.value)\(Suggestion.didYouMean(c.value, among: tables[ti].columns.map(\.name)))", at: c.location(ofCharacterAt: 0)))
                        }
                    }
                    if let labels = r.array("labels", required: false) {
                        let texts = labels.compactMap { n -> String? in if case .string(let s) = n.value { return s.value } else { return nil } }
                        if texts.count == 4 && labels.count == 4 && !texts.contains("") { roster.labels = texts } else {
                            r.error("labels lists the sheets' four roster column labels: [id, name, unit, group], e.g. [\"网格员编号\", \"姓名\", \"村(社区)\", \"网格编号\"]", at: rt["labels"]!.location)
                        }
                    }
                    if !tables[ti].uniqueKeys.contains([roster.idColumn]) { tables[ti].uniqueKeys.insert([roster.idColumn], at: 0) }
                } else {
                    scratch.diagnostics.append(.error("[roster] table names '\(tn.value)', which is not declared under [tables]\(Suggestion.didYouMean(tn.value, among: tables.map(\.name)))", at: tn.location(ofCharacterAt: 0)))
                }
            }
        }
        for (ti, w) in workerColumnNames {
            if let i = tables[ti].columnIndex(w.value) { tables[ti].workerColumn = i } else {
                scratch.diagnostics.append(.error("worker names '\(w.value)', which is not a column of table \(tables[ti].name)\(Suggestion.didYouMean(w.value, among: tables[ti].columns.map(\.name)))", at: w.location(ofCharacterAt: 0)))
            }
        }
        for (ti, t) in tables.enumerated() where ti != roster.table && t.workerColumn == nil && t.groupColumn == nil && !tables.isEmpty {
            scratch.diagnostics.append(.error("table \(t.name) needs 'worker = \"<column>\"' (the column that names the worker each row belongs to) or 'group = \"<column>\"' (the column that names the group, matched against [roster] group)", at: t.location))
        }
        diagnostics = scratch.diagnostics
        if tables.isEmpty || diagnostics.hasErrors {
            if tables.isEmpty { diagnostics.append(.error("the rule file declares no [tables.<name>] inputs", at: root.location)) }
            return .failure(Failure(diagnostics: diagnostics.items))
        }

        // Names and definitions: checked lazily so that references know types and cycles are found.
        let ctx = CheckContext(tables: tables, rosterTable: roster.table)
        // The lazy definitions capture the context: drop them, or every load stays in memory.
        defer { ctx.definitions = [:] }
        ctx.diagnostics = diagnostics
        ctx.periodKind = periodKind
        checkCellRules(&tables, tablesNode: top.subtable("tables", required: false), context: ctx)
        ctx.tables = tables
        let rosterColumns = Set(tables[roster.table].columns.map(\.name))
        func declare(_ name: String, _ symbol: WorkerSymbol, at loc: SourceLocation) {
            if ctx.symbols[name] != nil || rosterColumns.contains(name) {
                ctx.diagnostics.append(.error("the name '\(name)' is defined twice (as a roster column, value, item or product name); names must be unique", at: loc))
                return
            }
            ctx.symbols[name] = symbol
            ctx.symbolNames[symbol] = name
            ctx.definitionLocations[symbol] = loc
        }
        func define(_ symbol: WorkerSymbol, _ body: @escaping () -> ValueType?) { ctx.definitions[symbol] = body }
        for (ti, list) in checkTables.sorted(by: { $0.key < $1.key }) {
            tables[ti].checks = readRowChecks(list, table: ti, context: ctx)
        }

        // [values]: named per-worker quantities.
        var valueSources: [(String, TOMLString, SourceLocation)] = []
        if let vt = top.subtable("values", required: false) {
            for entry in vt.entries {
                guard case .string(let s) = entry.node.value else {
                    ctx.diagnostics.append(.error("value '\(entry.key)' must be an expression in quotes, but is \(entry.node.value.kindName)", at: entry.node.location))
                    continue
                }
                valueSources.append((entry.key, s, entry.keyLocation))
            }
        }
        var checkedValues = [NamedValue?](repeating: nil, count: valueSources.count)
        for (i, (name, s, loc)) in valueSources.enumerated() {
            declare(name, .value(i), at: loc)
            ctx.valueIndices[name] = i
            define(.value(i)) {
                guard let (e, t) = ExpressionChecker.check(ExpressionSource(s), scope: .worker, expecting: nil, context: ctx, what: "value '\(name)'") else { return nil }
                checkedValues[i] = NamedValue(name: name, expr: e, type: t, sourceText: s.value, location: loc)
                return t
            }
        }

        // [[items]]: the assessment items, in sheet order.
        let itemTables = top.tables("items")
        var checkedItems = [ItemSpec?](repeating: nil, count: itemTables.count)
        var itemReaders: [TOMLReader] = []
        for (i, it) in itemTables.enumerated() {
            let r = TOMLReader(it, path: "[[items]] #\(i + 1)", context: ctx, allowed: ["name", "full", "score", "deductions", "min", "max"])
            itemReaders.append(r)
            if let name = r.string("name") { declare(name.value, .item(i), at: name.location(ofCharacterAt: 0)) }
        }
        for (i, r) in itemReaders.enumerated() {
            let name = r.text("name") ?? "#\(i + 1)"
            define(.item(i)) {
                checkedItems[i] = checkItem(r, name: name, context: ctx)
                return .number
            }
        }
        if itemTables.isEmpty { ctx.diagnostics.append(.error("the rule file declares no [[items]]; a score needs at least one item", at: root.location)) }

        // Product names.
        declare(totalName, .total, at: root.location)
        define(.total) {
            for i in 0..<itemTables.count { _ = ctx.typeOf(.item(i), referencedAt: itemTables[i].location) }
            return .number
        }
        declare(rankName, .rank, at: root.location)
        define(.rank) { ctx.typeOf(.total, referencedAt: root.location).map { _ in .number } }

        // [[grades]]: the assessment period's bands → column and value 等次; [[vetoes]] force one.
        let grades = GradeBands.read(top.tables("grades"), path: "grades", context: ctx)
        ctx.gradeNames = grades.map(\.name)
        var vetoes: [GradeVeto] = []
        let vetoTables = top.tables("vetoes")
        if !grades.isEmpty {
            declare(GradeBands.gradeName, .grade, at: top.table["grades"]?.location ?? root.location)
            define(.grade) {
                guard ctx.typeOf(.total, referencedAt: root.location) != nil else { return nil }
                for (i, vt) in vetoTables.enumerated() {
                    let r = TOMLReader(vt, path: "[[vetoes]] #\(i + 1)", context: ctx, allowed: ["when", "grade"])
                    guard let w = r.string("when"), let g = r.string("grade") else { continue }
                    if !grades.contains(where: { $0.name == g.value }) {
                        r.error("the veto's grade '\(g.value)' is not one of the [[grades]] (\(grades.map(\.name).joined(separator: " / ")))\(Suggestion.didYouMean(g.value, among: grades.map(\.name)))", at: g.location(ofCharacterAt: 0))
                    }
                    if let (e, _) = ExpressionChecker.check(ExpressionSource(w), scope: .worker, expecting: .bool, context: ctx, what: "[[vetoes]] when") {
                        vetoes.append(GradeVeto(when: e, grade: g.value, sourceText: w.value, location: vt.location))
                    }
                }
                return .text
            }
        } else if let first = vetoTables.first {
            ctx.diagnostics.append(.error("[[vetoes]] force a grade, but the rule file declares no [[grades]] for its \(periodKind.rawValue)s; a rating's veto goes under [[ratings.vetoes]]", at: first.location))
        }

        var duty: DutySpec?
        if let dt = top.subtable("duty", required: false) {
            let r = TOMLReader(dt, path: "[duty]", context: ctx, allowed: ["met"])
            declare(dutyName, .dutyMet, at: dt.location)
            define(.dutyMet) {
                guard let s = r.string("met"),
                      let (e, _) = ExpressionChecker.check(ExpressionSource(s), scope: .worker, expecting: .bool, context: ctx, what: "[duty] met") else { return nil }
                duty = DutySpec(met: e, sourceText: s.value, location: s.location(ofCharacterAt: 0))
                return .bool
            }
        }

        // [[awards]]: amounts decided across workers or units, split in cents (own pay columns).
        let awardTables = top.tables("awards")
        var checkedAwards = [AwardSpec?](repeating: nil, count: awardTables.count)
        var awardDirections: [AwardSpec.Direction] = []
        for (k, at) in awardTables.enumerated() {
            let r = TOMLReader(at, path: "[[awards]] #\(k + 1)", context: ctx, allowed: ["name", "amount", "to", "per", "pay"])
            var direction = AwardSpec.Direction.award
            if let d = r.string("pay", required: false) {
                if let v = AwardSpec.Direction(rawValue: d.value) { direction = v } else {
                    r.error("pay must be \"award\" (added to 考核绩效) or \"charge\" (added to 扣款合计), found '\(d.value)'", at: d.location(ofCharacterAt: 0))
                }
            }
            awardDirections.append(direction)
            let name = r.text("name") ?? "#\(k + 1)"
            declare(name, .award(k), at: at.location)
            define(.award(k)) {
                var amount = ExactNumber.zero
                if let a = r.number("amount") {
                    if a < .zero || !a.hasAtMostDecimalPlaces(2) {
                        r.error("amount must be a whole number of fen ≥ 0 (at most 2 decimals), found \(a)", at: at["amount"]!.location)
                    } else { amount = a }
                }
                guard let toText = r.string("to"),
                      let (to, _) = ExpressionChecker.check(ExpressionSource(toText), scope: .worker, expecting: .bool, context: ctx, what: "to of award '\(name)'") else { return nil }
                var per: CheckedExpr?
                if let p = r.string("per", required: false) {
                    guard let (e, _) = ExpressionChecker.check(ExpressionSource(p), scope: .worker, expecting: nil, context: ctx, what: "per of award '\(name)'") else { return nil }
                    per = e
                }
                checkedAwards[k] = AwardSpec(name: name, amount: amount, to: to, toText: toText.value, per: per, direction: direction, location: at.location)
                return .number
            }
        }

        var itemYuanLabel: String?
        var pay: PaySpec?
        var payBase: (CheckedExpr, String)?
        var scorePay: (CheckedExpr, String)?
        if let pt = top.subtable("pay") {
            let r = TOMLReader(pt, path: "[pay]", context: ctx, allowed: ["base", "score_pay", "item_yuan_label"])
            if let label = r.text("item_yuan_label", required: false) {
                itemYuanLabel = label
                declare(label, .itemYuan, at: pt.location)
                define(.itemYuan) {
                    for i in 0..<itemTables.count { _ = ctx.typeOf(.item(i), referencedAt: itemTables[i].location) }
                    return .number
                }
            }
            declare(payBaseName, .payBase, at: pt.location)
            declare(scorePayName, .scorePay, at: pt.location)
            define(.payBase) {
                guard let s = r.string("base"),
                      let (e, _) = ExpressionChecker.check(ExpressionSource(s), scope: .worker, expecting: .number, context: ctx, what: "[pay] base") else { return nil }
                payBase = (e, s.value)
                return .number
            }
            define(.scorePay) {
                guard let s = r.string("score_pay"),
                      let (e, _) = ExpressionChecker.check(ExpressionSource(s), scope: .worker, expecting: .number, context: ctx, what: "[pay] score_pay") else { return nil }
                scorePay = (e, s.value)
                for k in awardDirections.indices where awardDirections[k] == .award {
                    guard ctx.typeOf(.award(k), referencedAt: awardTables[k].location) != nil else { return nil }
                }
                return .number
            }
        }

        // Check everything once, in file order (lazy definitions make order irrelevant to results).
        for i in 0..<valueSources.count { _ = ctx.typeOf(.value(i), referencedAt: valueSources[i].2) }
        for i in 0..<itemTables.count { _ = ctx.typeOf(.item(i), referencedAt: itemTables[i].location) }
        _ = ctx.typeOf(.total, referencedAt: root.location)
        _ = ctx.typeOf(.rank, referencedAt: root.location)
        if ctx.definitions[.dutyMet] != nil { _ = ctx.typeOf(.dutyMet, referencedAt: root.location) }
        for k in awardTables.indices { _ = ctx.typeOf(.award(k), referencedAt: awardTables[k].location) }
        if ctx.definitions[.itemYuan] != nil { _ = ctx.typeOf(.itemYuan, referencedAt: root.location) }
        if ctx.definitions[.grade] != nil { _ = ctx.typeOf(.grade, referencedAt: root.location) }
        if ctx.definitions[.payBase] != nil {
            _ = ctx.typeOf(.payBase, referencedAt: root.location)
            _ = ctx.typeOf(.scorePay, referencedAt: root.location)
            if let b = payBase, let s = scorePay { pay = PaySpec(base: b.0, baseText: b.1, scorePay: s.0, scorePayText: s.1) }
        }

        // [scoring]
        var roundingPlaces = 2
        var totalMin: ExactNumber?, totalMax: ExactNumber?
        var totalBase = ExactNumber.zero
        if let st = top.subtable("scoring", required: false) {
            let r = TOMLReader(st, path: "[scoring]", context: ctx, allowed: ["item_rounding", "total_floor", "total_ceiling", "total_base"])
            totalBase = r.number("total_base", required: false) ?? .zero
            if let p = r.number("item_rounding", required: false) {
                if p.isInteger, p >= .zero, p <= ExactNumber(6) { roundingPlaces = Int(p.numerator) } else {
                    r.error("item_rounding must be a whole number of decimals 0 to 6", at: st["item_rounding"]!.location)
                }
            }
            totalMin = r.numberOrNone("total_floor")
            totalMax = r.numberOrNone("total_ceiling")
        }

        // [[flags]]
        var flags: [FlagSpec] = []
        var flagNames: [String: SourceLocation] = [:]
        for (i, ft) in top.tables("flags").enumerated() {
            let r = TOMLReader(ft, path: "[[flags]] #\(i + 1)", context: ctx, allowed: ["name", "when"])
            guard let nameString = r.string("name"), let s = r.string("when") else { continue }
            let name = nameString.value
            // Each flag is a 是/否 column named as the flag: two of one name would be two such columns.
            if let first = flagNames[name] {
                ctx.diagnostics.append(.error("the flag '\(name)' is declared twice (first at line \(first.line)); each flag is a column of its own, so flag names must be unique", at: nameString.location(ofCharacterAt: 0)))
                continue
            }
            flagNames[name] = nameString.location(ofCharacterAt: 0)
            if let (e, _) = ExpressionChecker.check(ExpressionSource(s), scope: .worker, expecting: .bool, context: ctx, what: "flag '\(name)'") {
                flags.append(FlagSpec(name: name, when: e, sourceText: s.value, location: ft.location))
            }
        }

        // [[ratings]]: quarters, half-years and years rated from the assessment periods inside.
        let ratings = GradeBands.readRatings(top.tables("ratings"), assessedBy: periodKind, grades: grades,
                                             items: itemReaders.compactMap { $0.text("name", required: false) }, flags: flags.map(\.name), context: ctx)

        // [summary] columns and [[group_sheets]]: values shown on sheets.
        var summaryColumns: [DisplayColumn] = []
        if let st = top.subtable("summary", required: false) {
            let r = TOMLReader(st, path: "[summary]", context: ctx, allowed: ["columns"])
            summaryColumns = readDisplayColumns(r.array("columns") ?? [], path: "a column of [summary]", context: ctx)
        }
        var groupSheets: [GroupSheetSpec] = []
        for (i, gt) in top.tables("group_sheets").enumerated() {
            let r = TOMLReader(gt, path: "[[group_sheets]] #\(i + 1)", context: ctx, allowed: ["name", "order", "columns"])
            guard let name = r.text("name") else { continue }
            var order: CheckedExpr?
            if let o = r.string("order", required: false) {
                order = ExpressionChecker.check(ExpressionSource(o), scope: .worker, expecting: .number, context: ctx, what: "the order of sheet \(name)")?.0
            }
            groupSheets.append(GroupSheetSpec(name: name, order: order, columns: readDisplayColumns(r.array("columns") ?? [], path: "a column of sheet \(name)", context: ctx), location: gt.location))
        }


        if pay == nil && !ctx.diagnostics.hasErrors && top.has("pay") == false {
            ctx.diagnostics.append(.error("the rule file needs a [pay] section with base and score_pay", at: root.location))
        }

        let sheets = readSheets(top, context: ctx)

        var ruleSet = RuleSet(
            town: town, townName: townName, version: version, effectiveFrom: effectiveFrom, periodKind: periodKind,
            tables: tables, roster: roster, values: [], items: [], itemRoundingPlaces: roundingPlaces,
            totalMinimum: totalMin, totalMaximum: totalMax, duty: duty, flags: flags,
            pay: pay ?? PaySpec(base: .constant(.number(.zero)), baseText: "", scorePay: .constant(.number(.zero)), scorePayText: ""),
            grades: grades, aggregates: ctx.aggregates, groups: ctx.groups, tests: [], file: file)
        ruleSet.vetoes = vetoes
        ruleSet.ratings = ratings
        ruleSet.effectiveFromLocation = effectiveFromString?.location(ofCharacterAt: 0)

        // [[tests]]: need the names above to check their expectations.
        let expectable = Set(valueSources.map(\.0) + itemTables.indices.compactMap { itemReaders[$0].text("name") } + flags.map(\.name)
            + [totalName, rankName, dutyName, payBaseName, scorePayName, deductionsName, payableName, shortfallName]
            + awardTables.indices.compactMap { TOMLReader(awardTables[$0], path: "", allowed: [], report: { _ in }).text("name", required: false) }
            + (itemYuanLabel.map { [$0] } ?? [])
            + (grades.isEmpty ? [] : [GradeBands.gradeName]))
        var testNames: [String: SourceLocation] = [:]
        for (i, tt) in top.tables("tests").enumerated() {
            if case .string(let n)? = tt.entry("name")?.node.value {
                if let first = testNames[n.value] {
                    ctx.diagnostics.append(.error("the test '\(n.value)' is declared twice (first at line \(first.line)); test names must be unique, so that a failure names one test", at: n.location(ofCharacterAt: 0)))
                    continue
                }
                testNames[n.value] = n.location(ofCharacterAt: 0)
            }
            if let t = readTest(tt, index: i, tables: tables, expectable: expectable, context: ctx) { ruleSet.tests.append(t) }
        }

        if ctx.diagnostics.hasErrors {
            return .failure(Failure(diagnostics: ctx.diagnostics.items.sorted { ($0.location ?? root.location) < ($1.location ?? root.location) }))
        }
        ruleSet.summaryColumns = summaryColumns
        ruleSet.groupSheets = groupSheets
        ruleSet.values = checkedValues.compactMap { $0 }
        ruleSet.items = checkedItems.compactMap { $0 }
        ruleSet.aggregates = ctx.aggregates
        ruleSet.groups = ctx.groups
        ruleSet.totalBase = totalBase
        ruleSet.awards = checkedAwards.compactMap { $0 }
        ruleSet.sheets = sheets
        ruleSet.itemYuanLabel = itemYuanLabel
        return .success(ruleSet)
    }

    static let columnTypes = ["id", "text", "integer", "decimal", "date", "datetime", "choice"]

    /// `{ name = "…", value = '<expression>', format = "score|integer|percent|money", when = '<true/false>' }`.
    static func readDisplayColumns(_ nodes: [TOMLNode], path: String, context ctx: CheckContext) -> [DisplayColumn] {
        var out: [DisplayColumn] = []
        for node in nodes {
            guard case .table(let t) = node.value else {
                ctx.diagnostics.append(.error("\(path) is written { name = \"…\", value = '…' }, but this is \(node.value.kindName)", at: node.location))
                continue
            }
            let r = TOMLReader(t, path: path, context: ctx, allowed: ["name", "value", "format", "when"])
            guard let name = r.text("name"), let v = r.string("value") else { continue }
            guard let (e, type) = ExpressionChecker.check(ExpressionSource(v), scope: .worker, expecting: nil, context: ctx, what: "column \(name)") else { continue }
            var format = DisplayColumn.Format.score
            if let f = r.string("format", required: false) {
                let names = DisplayColumn.Format.allCases.map(\.rawValue)
                if let k = DisplayColumn.Format(rawValue: f.value) { format = k } else {
                    ctx.diagnostics.append(.error("format must be one of \(names.joined(separator: ", ")), found '\(f.value)'\(Suggestion.didYouMean(f.value, among: names))", at: f.location(ofCharacterAt: 0)))
                }
                if type != .number { ctx.diagnostics.append(.error("format applies to numbers, but column \(name) is \(type)", at: f.location(ofCharacterAt: 0))) }
            }
            var when: CheckedExpr?
            if let w = r.string("when", required: false) {
                when = ExpressionChecker.check(ExpressionSource(w), scope: .worker, expecting: .bool, context: ctx, what: "the when of column \(name)")?.0
            }
            out.append(DisplayColumn(name: name, value: e, type: type, format: format, when: when, location: t.location))
        }
        return out
    }

    static func readColumn(_ node: TOMLNode, table: String, context: CheckContext) -> ColumnSpec? {
        guard case .table(let t) = node.value else {
            context.diagnostics.append(.error("each column of \(table) is written { name = \"…\", type = \"…\" }, but this is \(node.value.kindName)", at: node.location))
            return nil
        }
        let r = TOMLReader(t, path: "a column of \(table)", context: context, allowed: ["name", "type", "min", "max", "places", "values", "optional",
                                                                                        "required_when", "empty_when", "on_roster", "same_on_roster", "within_period"])
        guard let name = r.text("name"), let typeName = r.string("type") else { return nil }
        let type: ColumnType
        switch typeName.value {
        case "id": type = .id
        case "text": type = .text
        case "integer": type = .integer
        case "decimal":
            let places = r.number("places", required: false)
            type = .decimal(places: places.map { Int($0.numerator) })
        case "date": type = .date
        case "datetime": type = .datetime
        case "choice":
            var values: [String] = []
            for v in r.array("values") ?? [] {
                if case .string(let s) = v.value { values.append(s.value) } else {
                    r.error("the values of a choice column are strings", at: v.location)
                }
            }
            if values.isEmpty { r.error("a choice column needs values = [\"…\", …]", at: t.location) }
            type = .choice(values)
        default:
            context.diagnostics.append(.error("unknown column type '\(typeName.value)'\(Suggestion.didYouMean(typeName.value, among: columnTypes)); types: \(columnTypes.joined(separator: ", "))", at: typeName.location(ofCharacterAt: 0), length: typeName.value.count))
            return nil
        }
        return ColumnSpec(name: name, type: type, minimum: r.number("min", required: false), maximum: r.number("max", required: false),
                          optional: r.bool("optional") ?? false, location: t.location, withinPeriod: r.bool("within_period"))
    }

    static func checkItem(_ r: TOMLReader, name: String, context ctx: CheckContext) -> ItemSpec? {
        let full = r.number("full", required: false)
        var base: CheckedExpr = .constant(.number(full ?? .zero))
        var baseText = full?.description ?? "0"
        var ok = true
        if let s = r.string("score", required: false) {
            if let (e, _) = ExpressionChecker.check(ExpressionSource(s), scope: .worker, expecting: .number, context: ctx, what: "the score of item '\(name)'") {
                base = e
                baseText = s.value
            } else { ok = false }
        } else if full == nil {
            r.error("item '\(name)' needs full = <points> (its full marks) or score = '<expression>'", at: r.table.location)
            ok = false
        }
        var deductions: [DeductionSpec] = []
        for (j, dt) in r.tables("deductions").enumerated() {
            let d = TOMLReader(dt, path: "deduction #\(j + 1) of item '\(name)'", context: ctx, allowed: ["table", "when", "count", "points", "yuan", "reason", "applies_to"])
            let reason = d.text("reason") ?? ""
            var tableIndex: Int?
            if let tn = d.string("table", required: false) {
                if let ti = ctx.tables.firstIndex(where: { $0.name == tn.value }), ti != ctx.rosterTable { tableIndex = ti } else {
                    let names = ctx.tables.enumerated().filter { $0.offset != ctx.rosterTable }.map(\.element.name)
                    d.error("'\(tn.value)' is not an input table\(Suggestion.didYouMean(tn.value, among: names)); tables: \(names.joined(separator: ", "))", at: tn.location(ofCharacterAt: 0))
                    ok = false
                    continue
                }
            }
            let source: DeductionSpec.Source
            let amountScope: Scope
            if let countText = d.string("count", required: false) {
                guard let (e, _) = ExpressionChecker.check(ExpressionSource(countText), scope: .worker, expecting: .number, context: ctx, what: "count") else { ok = false; continue }
                source = .counted(count: e, table: tableIndex)
                amountScope = .worker
                if d.has("when") { d.error("a counted deduction has no 'when'; put the condition into count", at: dt["when"]!.location) }
            } else if let ti = tableIndex {
                var when: CheckedExpr?
                if let w = d.string("when", required: false) {
                    guard let (e, _) = ExpressionChecker.check(ExpressionSource(w), scope: .row(table: ti), expecting: .bool, context: ctx, what: "when") else { ok = false; continue }
                    when = e
                }
                source = .perRow(table: ti, when: when)
                amountScope = .row(table: ti)
                checkReasonPlaceholders(reason, d, table: ctx.tables[ti])
            } else {
                d.error("a deduction needs table = \"…\" (one deduction per matching row) or count = '…' (times the points)", at: dt.location)
                ok = false
                continue
            }
            var points: CheckedExpr?, yuan: CheckedExpr?
            if let p = d.string("points", required: false) {
                if let (e, _) = ExpressionChecker.check(ExpressionSource(p), scope: amountScope, expecting: .number, context: ctx, what: "points") { points = e } else { ok = false }
            }
            if let y = d.string("yuan", required: false) {
                if let (e, _) = ExpressionChecker.check(ExpressionSource(y), scope: amountScope, expecting: .number, context: ctx, what: "yuan") { yuan = e } else { ok = false }
            }
            if points == nil && yuan == nil && ok {
                d.error("a deduction needs points = '…', yuan = '…' or both", at: dt.location)
                ok = false
            }
            var spec = DeductionSpec(source: source, points: points, yuan: yuan, reason: reason, sourceText: "", location: dt.location)
            if let a = d.string("applies_to", required: false) {
                if case .perRow(let ti, _) = source, ctx.tables[ti].groupColumn != nil, a.value == "group" || a.value == "worker" {
                    spec.appliesToGroup = a.value == "group"
                    if !spec.appliesToGroup && ctx.tables[ti].workerColumn == nil {
                        d.error("applies_to = \"worker\" needs a worker column in table \(ctx.tables[ti].name) (worker = \"…\")", at: a.location(ofCharacterAt: 0))
                    }
                } else {
                    d.error("applies_to is \"worker\" (the worker the row names) or \"group\" (every worker of the row's group), for a per-row deduction on a table that declares group = \"…\"", at: a.location(ofCharacterAt: 0))
                }
            } else if case .perRow(let ti, _) = source, ctx.tables[ti].workerColumn == nil {
                spec.appliesToGroup = true
            }
            deductions.append(spec)
        }
        guard ok else { return nil }
        return ItemSpec(name: name, base: base, baseText: baseText, fullMarks: full, deductions: deductions,
                        minimum: r.numberOrNone("min"), maximum: r.numberOrNone("max"), location: r.table.location)
    }

    /// Reasons may name row columns in braces, e.g. "{抽查层级}级调度电话未接听".
    static func checkReasonPlaceholders(_ reason: String, _ d: TOMLReader, table: TableSpec) {
        for name in ReasonTemplate.placeholders(in: reason) where table.columnIndex(name) == nil {
            d.error("the reason names {\(name)}, which is not a column of \(table.name)\(Suggestion.didYouMean(name, among: table.columns.map(\.name)))", at: d.table["reason"]!.location)
        }
    }

    static func readTest(_ tt: TOMLTable, index: Int, tables: [TableSpec], expectable: Set<String>, context ctx: CheckContext) -> RuleTestCase? {
        let r = TOMLReader(tt, path: "[[tests]] #\(index + 1)", context: ctx, allowed: ["name", "period", "inputs", "earlier", "expect", "errors"])
        let name = r.text("name") ?? "#\(index + 1)"
        guard let ps = r.string("period") else { return nil }
        let kind = ctx.periodKind
        guard let span = CalendarPeriod.parse(ps.value), span.kind == kind else {
            r.error("period must be a \(kind.rawValue) \(kind == .quarter ? "YYYY-Qn" : "YYYY-MM") (the town's [rules] period), found '\(ps.value)'", at: ps.location(ofCharacterAt: 0))
            return nil
        }
        let period = span.firstMonth
        func readInputs(_ t: TOMLTable, path: String) -> [String: TOMLString] {
            var out: [String: TOMLString] = [:]
            for e in t.entries {
                guard tables.contains(where: { $0.name == e.key }) else {
                    ctx.diagnostics.append(.error("\(path): '\(e.key)' is not a declared table\(Suggestion.didYouMean(e.key, among: tables.map(\.name)))", at: e.keyLocation))
                    continue
                }
                guard case .string(let s) = e.node.value else {
                    ctx.diagnostics.append(.error("\(path).\(e.key) must be CSV text in a multi-line string", at: e.node.location))
                    continue
                }
                out[e.key] = s
            }
            return out
        }
        var inputs: [Period: [String: TOMLString]] = [:]
        if span.kind == .quarter {
            // [tests.inputs."YYYY-MM"] per month of the quarter; a month left out has empty tables.
            for m in span.months { inputs[m] = [:] }
            for e in r.subtable("inputs")?.entries ?? [] {
                guard let m = Period.parse(e.key), span.months.contains(m), case .table(let t) = e.node.value else {
                    ctx.diagnostics.append(.error("the inputs of a quarter's test are [tests.inputs.\"YYYY-MM\"] for its months (\(span.months.map(\.description).joined(separator: ", "))), found '\(e.key)'", at: e.keyLocation))
                    continue
                }
                inputs[m] = readInputs(t, path: "tests.inputs.\"\(e.key)\"")
            }
        } else if let it = r.subtable("inputs") { inputs[period] = readInputs(it, path: "tests.inputs") }
        if let et = r.subtable("earlier", required: false) {
            for e in et.entries {
                guard let p = Period.parse(e.key), p < period else {
                    ctx.diagnostics.append(.error("tests.earlier keys are months before the tested period, e.g. \"\(period.adding(months: -1))\", found '\(e.key)'", at: e.keyLocation))
                    continue
                }
                guard case .table(let t) = e.node.value else { continue }
                inputs[p] = readInputs(t, path: "tests.earlier.\"\(e.key)\"")
            }
        }
        var expectations: [RuleTestCase.Expectation] = []
        if let ex = r.subtable("expect", required: !r.has("errors")) {
            for w in ex.entries {
                guard case .table(let t) = w.node.value else {
                    ctx.diagnostics.append(.error("tests.expect.\(w.key) must be a table of name = value", at: w.node.location))
                    continue
                }
                for e in t.entries {
                    guard expectable.contains(e.key) else {
                        ctx.diagnostics.append(.error("'\(e.key)' is not an item, value, flag or pay name\(Suggestion.didYouMean(e.key, among: Array(expectable)))", at: e.keyLocation))
                        continue
                    }
                    let v: Value
                    switch e.node.value {
                    case .number(let n, _): v = .number(n)
                    case .bool(let b): v = .bool(b)
                    case .string(let s): v = .text(s.value)
                    default:
                        ctx.diagnostics.append(.error("an expected value is a number, true/false or text", at: e.node.location))
                        continue
                    }
                    expectations.append(.init(worker: w.key, name: e.key, value: v, location: e.keyLocation))
                }
            }
        }
        var test = RuleTestCase(name: name, period: period, inputs: inputs, expectations: expectations, location: tt.location)
        test.span = span
        for node in r.array("errors", required: false) ?? [] {
            guard case .string(let s) = node.value, case let parts = s.value.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false),
                  parts.count >= 3, !parts[0].isEmpty, Int(parts[1]) != nil, Int(parts[2].prefix { $0.isNumber }) != nil else {
                r.error("each expected error is written \"file:line:column: message\" (the message may be cut short), e.g. \"events.csv:3:2: 日期 is empty\"", at: node.location)
                continue
            }
            test.expectedErrors.append(.init(text: s.value, location: s.location(ofCharacterAt: 0)))
        }
        return test
    }
}

/// `{column}` placeholders in deduction reasons.
public enum ReasonTemplate {
    public static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for ch in text {
            if ch == "{" { current = "" } else if ch == "}" {
                if let c = current { out.append(c) }
                current = nil
            } else if current != nil { current!.append(ch) }
        }
        return out
    }

    public static func fill(_ text: String, _ lookup: (String) -> String?) -> String {
        var out = ""
        var current: String?
        for ch in text {
            if ch == "{" { current = "" } else if ch == "}", let c = current {
                out += lookup(c) ?? "{\(c)}"
                current = nil
            } else if current != nil { current!.append(ch) } else { out.append(ch) }
        }
        if let c = current { out += "{" + c }
        return out
    }
}
