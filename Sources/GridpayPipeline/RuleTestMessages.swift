import GridpayCore

/// What `gridpay check` says of a rule file's [[tests]] that fail (SPEC §15: both languages):
/// the test by its name, what it expected and what the run gave. The run's own errors are quoted
/// as the run worded them (in the language the test's `errors` are written in).
enum RuleTestMessages {
    static func refusedButScored(_ test: String, errors: Int) -> String {
        bilingual(
            zh: "测试“\(test)”：应因 \(errors) 个错误拒收输入，但该月已计分",
            en: "test '\(test)': expected the inputs to be refused with \(errors) error(s), but the month was scored")
    }

    static func cannotEncode(_ test: String, table: String, encoding: String) -> String {
        bilingual(
            zh: "测试“\(test)”：表 \(table) 的输入无法按 \(encoding) 编码写出",
            en: "test '\(test)': the input of table \(table) cannot be written in \(encoding)")
    }

    static func cannotWrite(_ test: String, table: String, folder: String) -> String {
        bilingual(
            zh: "测试“\(test)”：表 \(table) 的输入无法写入临时文件夹 \(folder)",
            en: "test '\(test)': the input of table \(table) cannot be written to the temporary folder \(folder)")
    }

    /// An error of the test's run (or of looking up an expected value), as the run worded it.
    static func failed(_ test: String, _ error: String) -> String {
        bilingual(zh: "测试“\(test)”：\(error)", en: "test '\(test)': \(error)")
    }

    static func expectedErrorMissing(_ test: String, expected: String, reported: [String]) -> String {
        bilingual(
            zh: "测试“\(test)”：应报错误“\(expected)”；实际报出：\(reported.isEmpty ? "（无）" : reported.joined(separator: " | "))",
            en: "test '\(test)': expected the error '\(expected)'; the run reported: \(reported.joined(separator: " | "))")
    }

    static func unexpectedError(_ test: String, _ error: String) -> String {
        bilingual(zh: "测试“\(test)”：出现测试未预期的错误：\(error)", en: "test '\(test)': an error that the test does not expect: \(error)")
    }

    static func workerNotInRoster(_ test: String, worker: String) -> String {
        bilingual(zh: "测试“\(test)”：人员“\(worker)”不在该测试的花名册中", en: "test '\(test)': worker '\(worker)' is not in the test's roster")
    }

    /// `actual` nil: the worker has no such value.
    static func valueDiffers(_ test: String, worker: String, name: String, actual: String?, expected: String) -> String {
        bilingual(
            zh: "测试“\(test)”：\(worker) 的 \(name) 为 \(actual ?? "（无值）")，应为 \(expected)",
            en: "test '\(test)': \(worker) \(name) is \(actual ?? "missing"), expected \(expected)")
    }
}
