/// `[[tests]]`: test cases written inside the rule file, run by `gridpay check`: inputs as CSV
/// text, and either the expected values of named workers or the expected input errors.
///
///     [[tests]]
///     name = "one valid and one invalid event"
///     period = "2026-10"             # the town's period: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY
///     [tests.inputs]                 # longer than a month: [tests.inputs."YYYY-MM"] per month
///     events = '''
///     事件编号,网格员编号,核查结果
///     E1,W1,有效
///     '''
///     [tests.earlier."2026-09"]      # optional: inputs of earlier months (history)
///     [tests.expect.W1]
///     "事件上报" = 1
///     errors = ["events.csv:3:2: …"]   # instead of expect: the inputs are refused so
enum TestsSection {
    static let keys = ["name", "period", "inputs", "earlier", "expect", "errors"]

    /// What a test may name: the values it may expect (`expectableNames`), the periods it may
    /// test (the town's own kind first) and the tables it may give inputs of.
    struct Names {
        var expectable: Set<String>
        var kinds: [PeriodKind]
        var tables: [String]
    }

    static func read(_ d: RuleReading, names: Names) -> [RuleTestCase] {
        var tests: [RuleTestCase] = []
        var firstLocations: [String: SourceLocation] = [:]
        for (i, tt) in d.top.tables("tests").enumerated() {
            if case .string(let n)? = tt.entry("name")?.node.value {
                if let first = firstLocations[n.value] {
                    d.report(RuleMessages.testDeclaredTwice(n.value, firstLine: first.line, at: n.location(ofCharacterAt: 0)))
                    continue
                }
                firstLocations[n.value] = n.location(ofCharacterAt: 0)
            }
            if let t = readTest(tt, number: i + 1, names: names, d) { tests.append(t) }
        }
        return tests
    }

    /// The names a test may expect a value of: values, items, flags, awards, pay and product names.
    static func expectableNames(values: ValuesSection.Declared, items: ItemsSection.Declared, flags: [String],
                                awards: AwardsSection.Declared, itemYuanLabel: String?, graded: Bool) -> Set<String> {
        let awardNames = awards.tables.compactMap { TOMLSection($0, path: "") { _ in }.text("name", required: false) }
        return Set(values.sources.map(\.name) + items.names.compactMap { $0 } + flags
            + [RuleLoader.totalName, RuleLoader.rankName, RuleLoader.dutyName, RuleLoader.payBaseName, RuleLoader.scorePayName,
               RuleLoader.deductionsName, RuleLoader.payableName, RuleLoader.shortfallName]
            + awardNames + (itemYuanLabel.map { [$0] } ?? []) + (graded ? [GradeBands.gradeName] : []))
    }

    static func readTest(_ tt: TOMLTable, number: Int, names: Names, _ d: RuleReading) -> RuleTestCase? {
        let r = d.section(tt, RulePlaces.testSection(number), allowed: keys)
        let name = r.text("name") ?? "#\(number)"
        guard let ps = r.string("period") else { return nil }
        // The town's period, or a preliminary or summary period it is also run for.
        guard let span = CalendarPeriod.parse(ps.value), names.kinds.contains(span.kind) else {
            d.report(RuleMessages.badTestPeriod(ps.value, kind: names.kinds[0], at: ps.location(ofCharacterAt: 0)))
            return nil
        }
        let inputs = TestInputsReader.read(r, span: span, tables: names.tables, d)
        let expectations = readExpectations(r, expectable: names.expectable, d)
        var test = RuleTestCase(name: name, period: span.firstMonth, inputs: inputs, expectations: expectations, location: tt.location)
        test.span = span
        test.expectedErrors = readExpectedErrors(r, d)
        return test
    }

    /// `[tests.expect.<worker>]`: name = value (a number, true/false or text).
    static func readExpectations(_ r: TOMLSection, expectable: Set<String>, _ d: RuleReading) -> [RuleTestCase.Expectation] {
        var expectations: [RuleTestCase.Expectation] = []
        for w in r.subtable("expect", required: !r.has("errors"))?.entries ?? [] {
            guard case .table(let t) = w.node.value else {
                d.report(RuleMessages.expectNotATable(w.key, at: w.node.location))
                continue
            }
            for e in t.entries {
                guard expectable.contains(e.key) else {
                    d.report(RuleMessages.notExpectable(e.key, names: expectable.sorted(), at: e.keyLocation))
                    continue
                }
                let v: Value
                switch e.node.value {
                case .number(let n, _): v = .number(n)
                case .bool(let b): v = .bool(b)
                case .string(let s): v = .text(s.value)
                default:
                    d.report(RuleMessages.badExpectedValue(at: e.node.location))
                    continue
                }
                expectations.append(.init(worker: w.key, name: e.key, value: v, location: e.keyLocation))
            }
        }
        return expectations
    }

    /// `errors = ["file:line:column: message…", …]`.
    static func readExpectedErrors(_ r: TOMLSection, _ d: RuleReading) -> [RuleTestCase.ExpectedError] {
        var errors: [RuleTestCase.ExpectedError] = []
        for node in r.array("errors", required: false) ?? [] {
            guard case .string(let s) = node.value, case let parts = s.value.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false),
                  parts.count >= 3, !parts[0].isEmpty, Int(parts[1]) != nil, Int(parts[2].prefix { $0.isNumber }) != nil else {
                d.report(RuleMessages.badExpectedError(at: node.location))
                continue
            }
            errors.append(.init(text: s.value, location: s.location(ofCharacterAt: 0)))
        }
        return errors
    }
}
