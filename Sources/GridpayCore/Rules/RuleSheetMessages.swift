/// RuleMessages (RuleMessages.swift) for the sheets ([summary], [[group_sheets]], [[sheets]]) and
/// the rule file's own tests ([[tests]]).
extension RuleMessages {
    // MARK: sheets ([summary], [[group_sheets]], [[sheets]])

    static func displayColumnNotATable(_ path: String, is kind: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path) 写作 { name = \"…\", value = '…' }，这里却是\(kind)", en: "\(path) is written { name = \"…\", value = '…' }, but this is \(kind)"), at: loc)
    }

    static func unknownFormat(_ text: String, formats: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "format 必须是 \(formats.joined(separator: "、")) 之一，却是“\(text)”\(Suggestion.didYouMean(text, among: formats))",
                         en: "format must be one of \(formats.joined(separator: ", ")), found '\(text)'\(Suggestion.didYouMean(text, among: formats))"), at: loc)
    }

    static func formatOfNonNumber(column: String, type: ValueType, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "format 只用于数字，但列“\(column)”是\(type.label)", en: "format applies to numbers, but column \(column) is \(type)"), at: loc)
    }

    static func sheetNameTaken(_ name: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "工作簿中已有名为“\(name)”的工作表；请换一个名称", en: "a sheet named '\(name)' already exists in the workbook; choose another name"), at: loc)
    }

    // MARK: [[tests]]

    static func testDeclaredTwice(_ test: String, firstLine: Int, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "测试“\(test)”声明了两次（第一次在第 \(firstLine) 行）；测试名称不能重复，这样失败时才能指明是哪一个测试",
                         en: "the test '\(test)' is declared twice (first at line \(firstLine)); test names must be unique, so that a failure names one test"), at: loc)
    }

    static func badTestPeriod(_ text: String, kind: PeriodKind, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "period 必须是 \(kind.form) 形式的\(kind.label)（本镇 [rules] 的 period），却是“\(text)”",
                         en: "period must be a \(kind.rawValue) \(kind.form) (the town's [rules] period), found '\(text)'"), at: loc)
    }

    static func testInputNotATable(_ name: String, in path: String, tables: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path)：“\(name)”不是已声明的表\(Suggestion.didYouMean(name, among: tables))",
                         en: "\(path): '\(name)' is not a declared table\(Suggestion.didYouMean(name, among: tables))"), at: loc)
    }

    static func testInputNotText(_ name: String, in path: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "\(path).\(name) 必须是写在多行字符串里的 CSV 文字", en: "\(path).\(name) must be CSV text in a multi-line string"), at: loc)
    }

    static func badQuarterTestMonth(_ key: String, kind: PeriodKind, months: [Period], at loc: Location) -> Diagnostic {
        let shown = months.map(\.description)
        return .error(bilingual(zh: "\(kind.label)的测试输入按月份写成 [tests.inputs.\"YYYY-MM\"]（\(shown.joined(separator: "、"))），却是“\(key)”",
                                en: "the inputs of a \(kind.rawValue)'s test are [tests.inputs.\"YYYY-MM\"] for its months (\(shown.joined(separator: ", "))), found '\(key)'"), at: loc)
    }

    static func badEarlierMonth(_ key: String, before period: Period, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "tests.earlier 的键是被测期间之前的月份，例如 \"\(period.adding(months: -1))\"，却是“\(key)”",
                         en: "tests.earlier keys are months before the tested period, e.g. \"\(period.adding(months: -1))\", found '\(key)'"), at: loc)
    }

    static func expectNotATable(_ worker: String, at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "tests.expect.\(worker) 必须是“名称 = 值”的表", en: "tests.expect.\(worker) must be a table of name = value"), at: loc)
    }

    static func notExpectable(_ name: String, names: [String], at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "“\(name)”不是考核项、值、标记或绩效的名称\(Suggestion.didYouMean(name, among: names))",
                         en: "'\(name)' is not an item, value, flag or pay name\(Suggestion.didYouMean(name, among: names))"), at: loc)
    }

    static func badExpectedValue(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "预期值是数字、true/false 或文字", en: "an expected value is a number, true/false or text"), at: loc)
    }

    static func badExpectedError(at loc: Location) -> Diagnostic {
        .error(bilingual(zh: "每个预期的错误写作 \"文件:行:列: 说明\"（说明可以只写开头），例如 \"events.csv:3:2: 日期 is empty\"",
                         en: "each expected error is written \"file:line:column: message\" (the message may be cut short), e.g. \"events.csv:3:2: 日期 is empty\""), at: loc)
    }
}
